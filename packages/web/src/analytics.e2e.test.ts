// The analytics pages as their owner uses them, in real Chromium against a real server with the
// demo workspace: the funnel of the demo map with the numbers the API gives, a breakdown and a
// segment, the Sankey with the designed moves drawn, every attribution model, the discovered
// journey and touches, the numbers per stage on the map page, and the pages in Dutch. Each page
// is screenshot (screenshots/, to look at) and checked by axe-core.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AttributionJson, FunnelJson, MapReportJson, PathsJson } from './app/api/analytics-types.ts';
import { ATTRIBUTION_MODELS } from './app/api/analytics-types.ts';
import {
  type AppUnderTest,
  eventually,
  type Person,
  reportWhenFailed,
  screenshot,
  seriousAxeViolations,
  startAppUnderTest,
} from './testing/app-under-test.ts';

let app: AppUnderTest;
let ann: Person;
let mapId = '';

/** The four touchpoints of the README's funnel: landing page to thank-you page. */
const STEPS = ['landing-page', 'product-page', 'cart', 'thank-you-page'];
const STEP_NAMES = ['Landing page', 'Product page', 'Cart', 'Thank-you page'];
const count = (value: number) => value.toLocaleString('en-GB', { maximumFractionDigits: 1 });

beforeAll(async () => {
  app = await startAppUnderTest();
  ann = await app.person();
  // The first person to sign up owns the demo workspace; the page's context keeps the cookie.
  const signUp = await ann.page.request.post('/api/auth/signup', {
    data: { email: 'ann@example.com', name: 'Ann de Vries', password: 'correct horse battery' },
  });
  expect(signUp.status()).toBe(201);
  const maps = (await (await ann.page.request.get('/api/workspaces/demo/maps')).json()) as { id: string }[];
  mapId = maps[0]?.id ?? '';
}, 120_000);

beforeEach(() => reportWhenFailed(() => [ann]));

afterAll(async () => {
  await app?.close();
});

async function api<T>(path: string): Promise<T> {
  const response = await ann.page.request.get(path);
  expect(response.status(), path).toBe(200);
  return (await response.json()) as T;
}

/** The page has no serious or critical accessibility problem, and a screenshot of it is kept. */
async function checkPage(name: string) {
  await screenshot(ann.page, name);
  expect(await seriousAxeViolations(ann.page)).toEqual([]);
}

/** The cells of a table's body rows, as text. */
async function tableRows(caption: string): Promise<string[][]> {
  const table = ann.page.locator('table', { has: ann.page.locator('caption', { hasText: caption }) }).first();
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        Array.from((row as unknown as { cells: ArrayLike<{ textContent: string | null }> }).cells, (cell) =>
          (cell.textContent ?? '').trim(),
        ),
      ),
    );
}

/** The texts the chart with this name draws (its SVG labels). */
async function chartTexts(name: string | RegExp): Promise<string[]> {
  const chart = ann.page.getByRole('img', { name });
  await chart.locator('svg text').first().waitFor();
  return chart.locator('svg text').allTextContents();
}

describe('the analytics pages', () => {
  it('open from the map page, with the map chosen', async () => {
    const { page } = ann;
    await page.goto(`/w/demo/maps/${mapId}`);
    await page.getByRole('link', { name: 'Analytics of this map' }).click();
    await page.waitForURL(`**/w/demo/analytics/funnel?map=${mapId}`);
    await page.getByRole('heading', { level: 1, name: 'Funnel' }).waitFor();
    expect(await page.getByLabel('Map', { exact: true }).inputValue()).toBe(mapId);
    // Without steps in the address the funnel runs over the map's stages up to the conversion.
    await eventually(async () => (await tableRows('Funnel of All customers')).map((row) => row[0])).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
    ]);
  });

  it('show the funnel of four touchpoints: four bars with the numbers the API gives', async () => {
    const { page } = ann;
    const query = `map=${mapId}&steps=${STEPS.join(',')}`;
    await page.goto(`/w/demo/analytics/funnel?${query}`);
    const expected = await api<FunnelJson>(`/api/workspaces/demo/analytics/funnel?${query}`);
    expect(expected.steps).toHaveLength(4);
    expect(expected.steps[0]?.users).toBeGreaterThan(0);

    const rows = await tableRows('Funnel of All customers');
    expect(rows.map((row) => [row[0], row[1]])).toEqual(
      expected.steps.map((step, i) => [STEP_NAMES[i], count(step.users)]),
    );
    // The drop-off of each step is the step before's customers less its own.
    rows.slice(1).forEach((row, i) => {
      const dropped = (expected.steps[i]?.users ?? 0) - (expected.steps[i + 1]?.users ?? 0);
      expect(row[4]).toMatch(new RegExp(`^${count(dropped)} \\(`));
    });
    // The chart: a bar per step, each labelled with its customers, and one step name per bar.
    const texts = await chartTexts(/Funnel of All customers: customers per step, 4 steps/);
    for (const [i, step] of expected.steps.entries()) {
      expect(texts).toContain(count(step.users));
      expect(texts).toContain(STEP_NAMES[i]);
    }
    await checkPage('analytics-funnel');
  });

  it('edits the steps by keyboard, breaks the funnel down by channel and shows one segment', async () => {
    const { page } = ann;
    await page.goto(`/w/demo/analytics/funnel?map=${mapId}`);
    // From the map's stages: Purchase goes, the Cart touchpoint comes last.
    await page.getByRole('button', { name: 'Remove Purchase' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Add a step').selectOption('cart');
    await page.getByLabel('Add a step').press('Tab');
    await page.keyboard.press('Enter');
    await page.getByLabel('Break down by').selectOption('channel');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.waitForURL(/steps=awareness,consideration,cart&by=channel$/);
    const query = `map=${mapId}&steps=awareness,consideration,cart&by=channel`;
    const expected = await api<FunnelJson>(`/api/workspaces/demo/analytics/funnel?${query}`);
    const breakdown = expected.breakdown ?? [];
    expect(breakdown.length).toBeGreaterThan(1);
    await eventually(async () =>
      (await tableRows('Conversion from the first to the last step')).map((r) => r[0]),
    ).toEqual(breakdown.map((entry) => entry.value));

    const segment = breakdown[0] as NonNullable<FunnelJson['breakdown']>[number];
    await page.getByLabel('Show', { exact: true }).selectOption(segment.value);
    await page.waitForURL((url) => url.searchParams.get('segment') === segment.value);
    await eventually(async () =>
      (await tableRows(`Funnel of ${segment.value}`)).map((row) => row[1]),
    ).toEqual(segment.steps.map((step) => count(step.users)));
    // The address is the view: opened again, it shows the same segment.
    await page.reload();
    await eventually(async () =>
      (await tableRows(`Funnel of ${segment.value}`)).map((row) => row[1]),
    ).toEqual(segment.steps.map((step) => count(step.users)));
    await checkPage('analytics-funnel-segment');
  });

  it('draws the Sankey of real paths with the designed moves in the accent colour', async () => {
    const { page } = ann;
    await page.getByRole('link', { name: 'Paths', exact: true }).click();
    await page.waitForURL(`**/w/demo/analytics/paths?map=${mapId}`);
    const expected = await api<PathsJson>(
      `/api/workspaces/demo/analytics/paths?map=${mapId}&collapse-repeats=true&max-steps=5&top=10`,
    );
    await page.getByText(`${count(expected.total_paths)} paths in all.`).waitFor();
    await page.getByText(/of the moves between the touchpoints shown follow the map’s design/).waitFor();
    const chart = page.getByRole('img', { name: /Sankey of .* paths/ });
    await chart.locator('svg path').first().waitFor();
    // Links are filled curves: designed ones in the accent colour, the others grey.
    const fills = await chart
      .locator('svg path')
      .evaluateAll((elements) =>
        elements.map((element) =>
          (element as unknown as { getAttribute(name: string): string | null }).getAttribute('fill'),
        ),
      );
    expect(fills.filter((fill) => fill === '#1d4f91').length).toBeGreaterThan(1);
    expect(fills.filter((fill) => fill === '#9aa5b1').length).toBeGreaterThan(0);
    // The top paths as the API lists them, each said to follow the design or not.
    const rows = await tableRows('Top paths');
    expect(rows.map((row) => row[1])).toEqual(expected.paths.map((path) => count(path.count)));
    expect(rows.every((row) => row[3] === 'Yes' || row[3] === 'No')).toBe(true);
    expect(rows.some((row) => row[3] === 'Yes')).toBe(true);
    await checkPage('analytics-paths');
  });

  it('compares every attribution model, each crediting all the conversions', async () => {
    const { page } = ann;
    await page.getByRole('link', { name: 'Attribution', exact: true }).click();
    await page.waitForURL('**/w/demo/analytics/attribution?**');
    const caption = 'Conversions per channel by each attribution model';
    const rows = await tableRows(caption);
    const headers = await page
      .locator('table', { has: page.locator('caption', { hasText: caption }) })
      .locator('thead th')
      .allTextContents();
    expect(headers).toEqual([
      'Channel',
      'First touch',
      'Last touch',
      'Linear',
      'Time decay',
      'Position (40/20/40)',
      'Markov chain',
      'Shapley value',
    ]);
    for (const [i, model] of ATTRIBUTION_MODELS.entries()) {
      const expected = await api<AttributionJson>(
        `/api/workspaces/demo/analytics/attribution?conversion=order_completed&model=${model}`,
      );
      for (const credit of expected.channels) {
        const row = rows.find((cells) => cells[0] === credit.channel);
        expect({ model, channel: credit.channel, shown: row?.[i + 1] }).toEqual({
          model,
          channel: credit.channel,
          shown: count(credit.conversions),
        });
      }
    }
    // One chart compares them: a legend entry per model.
    const texts = await chartTexts(caption);
    for (const name of headers.slice(1)) expect(texts).toContain(name);
    await page.getByLabel('Revenue').check();
    await page.waitForURL(/measure=revenue/);
    await page.getByRole('img', { name: 'Revenue per channel by each attribution model' }).waitFor();
    await checkPage('analytics-attribution');
  });

  it('shows the discovered journey against the design, and the touches before conversion', async () => {
    const { page } = ann;
    await page.getByRole('link', { name: 'Discovered journey' }).click();
    await page.waitForURL('**/w/demo/analytics/discover?**');
    await page.getByText('Follow the designed order').waitFor();
    await page.getByRole('heading', { name: 'Moves the map does not have' }).waitFor();
    await checkPage('analytics-discover');

    await page.getByRole('link', { name: 'Touches', exact: true }).click();
    await page.waitForURL('**/w/demo/analytics/touches?**');
    const rows = await tableRows('Conversions by the number of touches before them');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((row) => row[0])).toEqual(rows.map((_, i) => String(i)));
    await checkPage('analytics-touches');
  });

  it('shows the numbers per stage on the map page: reached customers as the report gives them', async () => {
    const { page } = ann;
    await page.goto(`/w/demo/maps/${mapId}`);
    const toggle = page.getByRole('button', { name: 'Show numbers' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/numbers=on/);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const report = await api<MapReportJson>(`/api/workspaces/demo/analytics/report?map=${mapId}`);
    const cards = page.locator('.stage-card');
    await eventually(() => cards.count()).toBe(report.stages.length);
    for (const [i, stage] of report.stages.entries()) {
      const card = cards.nth(i);
      expect(await card.getAttribute('data-stage')).toBe(stage.stage);
      expect(await card.locator('.stage-reached').textContent()).toBe(count(stage.reached));
      // Each KPI's verdict agrees with the report's own (met: on target).
      const verdicts = await card
        .locator('.stage-kpi')
        .evaluateAll((items) =>
          items.map((item) => (item as unknown as { dataset: { verdict: string } }).dataset.verdict),
        );
      expect(verdicts).toEqual(
        stage.kpis.map((kpi) => (kpi.met === null ? 'unknown' : kpi.met ? 'better' : 'worse')),
      );
    }
    await checkPage('map-numbers');
    await toggle.click();
    await eventually(() => cards.count()).toBe(0);
  });

  it('speak Dutch when the interface does', async () => {
    const { page } = ann;
    await page.goto(`/w/demo/analytics/funnel?map=${mapId}`);
    await page.getByRole('heading', { level: 1, name: 'Funnel' }).waitFor();
    await eventually(() => page.locator('.language-switch select').count()).toBe(1);
    await page.locator('.language-switch select').selectOption('nl');
    await page.getByRole('heading', { level: 1, name: 'Trechter' }).waitFor();
    await page.getByRole('navigation', { name: 'Analysepagina’s' }).waitFor();
    await page.getByText(/klanten bij de eerste stap bereikten er/).waitFor();
    await checkPage('analytics-funnel-nl');
    await page.locator('.language-switch select').selectOption('en');
    expect(ann.problems).toEqual([]);
  });
});
