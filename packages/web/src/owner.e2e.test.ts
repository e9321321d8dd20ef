// The app as its first owner uses it, in real Chromium against a real server with the demo
// workspace: sign up, the demo workspace and its map, a map from a template, the map page and its
// downloads, share links, people, API keys, the language switch and a refused import. Each main
// page is screenshot (screenshots/, to look at) and checked by axe-core.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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
/** The map made from the template, once made. */
let mapPath = '';

beforeAll(async () => {
  app = await startAppUnderTest();
  ann = await app.person();
}, 120_000);

beforeEach(() => reportWhenFailed(() => [ann]));

afterAll(async () => {
  await app?.close();
});

/** The page has no serious or critical accessibility problem, and a screenshot of it is kept. */
async function checkPage(name: string) {
  await screenshot(ann.page, name);
  expect(await seriousAxeViolations(ann.page)).toEqual([]);
}

describe('the first owner', () => {
  it('is sent to sign in, signs up instead, and finds the demo workspace', async () => {
    const { page } = ann;
    await page.goto('/');
    await page.waitForURL('**/signin');
    await eventually(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in');
    await checkPage('sign-in');

    await page.getByRole('link', { name: 'Sign up' }).click();
    await page.getByLabel('Your name').fill('Ann de Vries');
    await page.getByLabel('E-mail address').fill('ann@example.com');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign up' }).click();

    await page.getByRole('heading', { name: 'Your workspaces' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    const demo = page.getByRole('link', { name: 'Demo: a shoe shop' });
    await demo.waitFor();
    await eventually(() => page.getByText('Your role: owner').count()).toBe(1);
    await checkPage('workspaces');
  });

  it('sees the demo map as a card with its drawing, version and who made it', async () => {
    const { page } = ann;
    await page.getByRole('link', { name: 'Demo: a shoe shop' }).click();
    await page.waitForURL('**/w/demo');
    const card = page.locator('.map-card', { hasText: 'Buying shoes online' });
    await card.waitFor();
    await eventually(() => card.textContent()).toMatch(/Version 1 · made by Touchline/);
    // The thumbnail is the map's SVG export, loaded.
    const thumbnail = card.locator('img');
    await eventually(() =>
      thumbnail.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(100);
    expect(await thumbnail.getAttribute('src')).toMatch(
      /\/api\/workspaces\/demo\/maps\/[^/]+\/export\?format=svg/,
    );
  });

  it('creates the shoe map from its template, with a title of its own', async () => {
    const { page } = ann;
    await page.getByRole('link', { name: 'New map' }).click();
    await page.getByRole('heading', { name: 'Start from a template' }).waitFor();
    // Each template shows its preview, drawn by the server in the map's language.
    const previews = page.locator('.template-preview img');
    await eventually(() => previews.count()).toBe(4);
    await eventually(() =>
      previews.evaluateAll((images) =>
        images.every((img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0),
      ),
    ).toBe(true);
    await page.getByLabel('Buying shoes (worked example)').check();
    await page.getByLabel('Title', { exact: true }).fill('Spring shoes');
    await checkPage('new-map');
    await page.getByRole('button', { name: 'Create map' }).click();

    await page.waitForURL(/\/w\/demo\/maps\/[^/]+$/);
    mapPath = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1, name: 'Spring shoes' }).waitFor();
  });

  it('finds the new map among the cards, saved by her', async () => {
    const { page } = ann;
    await page.getByRole('link', { name: 'Back to maps' }).click();
    const card = page.locator('.map-card', { hasText: 'Spring shoes' });
    await card.waitFor();
    await eventually(() => card.textContent()).toMatch(/Version 1 · saved by Ann de Vries/);
    await eventually(() => page.locator('.map-card').count()).toBe(2);
    await checkPage('maps');
  });

  it('opens the map: its drawing, version and a download of each format; the PDF is a PDF', async () => {
    const { page } = ann;
    await page.getByRole('link', { name: 'Spring shoes' }).click();
    await page.waitForURL(`**${mapPath}`);
    const drawing = page.getByRole('img', { name: /The journey map “Spring shoes”/ });
    await eventually(() =>
      drawing.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(500);
    await eventually(() => page.locator('.map-frame-header').textContent()).toMatch(/Version 1/);

    const expected = {
      PDF: 'application/pdf',
      PNG: 'image/png',
      SVG: 'image/svg+xml',
      Markdown: 'text/markdown',
      CSV: 'text/csv',
      YAML: 'application/yaml',
    };
    for (const [name, type] of Object.entries(expected)) {
      const href = await page.getByRole('link', { name, exact: true }).getAttribute('href');
      expect(href).toMatch(/format=/);
      const response = await page.request.get(href ?? '');
      expect({ name, status: response.status(), type: response.headers()['content-type'] }).toEqual({
        name,
        status: 200,
        type: expect.stringContaining(type),
      });
      if (name === 'PDF') expect((await response.body()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    await checkPage('map');
  });

  it('zooms the map with the keys and the buttons', async () => {
    const { page } = ann;
    const level = page.locator('.map-view-level');
    const fit = Number.parseInt((await level.textContent()) ?? '', 10);
    expect(fit).toBeGreaterThan(0);
    const view = page.getByRole('region', { name: /The map “Spring shoes”/ });
    await view.focus();
    await page.keyboard.press('+');
    // One step in is a quarter larger (the level shown is rounded to whole percents).
    await eventually(async () =>
      Math.abs(Number.parseInt((await level.textContent()) ?? '', 10) - fit * 1.25),
    ).toBeLessThanOrEqual(1);
    await page.getByRole('button', { name: 'Actual size' }).click();
    await eventually(() => level.textContent()).toBe('100%');
    const drawing = page.locator('.map-view-drawing');
    const [shown, natural] = await drawing.evaluate((img) => {
      const image = img as unknown as { naturalWidth: number; getBoundingClientRect(): { width: number } };
      return [image.getBoundingClientRect().width, image.naturalWidth];
    });
    expect(shown).toBeCloseTo(natural, 0);
    await view.focus();
    await page.keyboard.press('0');
    await eventually(() => level.textContent()).toBe(`${fit}%`);
  });

  it('shares the map by a link anyone can open, until she revokes it', async () => {
    const { page } = ann;
    await page.getByLabel('Link works for').selectOption('7');
    await page.getByRole('button', { name: 'Create link' }).click();
    const field = page.getByRole('textbox', { name: 'Share link' });
    await field.waitFor();
    const link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${app.url}/shared/tl_share_`));
    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByText('Copied').waitFor();
    expect(
      await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      ),
    ).toBe(link);
    await eventually(() => page.locator('.share-link').count()).toBe(1);

    const visitor = await app.person();
    await visitor.page.goto(link);
    await visitor.page.getByRole('heading', { level: 1, name: 'Spring shoes' }).waitFor();
    const pdf = await visitor.page.getByRole('link', { name: 'PDF', exact: true }).getAttribute('href');
    expect((await visitor.page.request.get(pdf ?? '')).headers()['content-type']).toContain(
      'application/pdf',
    );

    await page.getByRole('button', { name: /Revoke the link made/ }).click();
    await page.locator('.share-link', { hasText: 'Revoked' }).waitFor();
    await visitor.page.reload();
    await visitor.page.getByRole('alert').waitFor();
    await eventually(() => visitor.page.getByRole('alert').textContent()).toMatch(/not found/);
    expect(visitor.problems).toEqual([]);
  });

  it('invites a viewer on the people page, and sees the invitation link once', async () => {
    const { page } = ann;
    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    await page.getByRole('row', { name: /Ann de Vries/ }).waitFor();
    await page.getByLabel('E-mail address').fill('vic@example.com');
    await page.getByLabel('Role', { exact: true }).selectOption('viewer');
    await page.getByRole('button', { name: 'Invite' }).click();
    const field = page.getByLabel('Invitation link');
    await field.waitFor();
    expect(await field.inputValue()).toMatch(new RegExp(`^${app.url}/invite/tl_inv_`));
    await page.locator('.invitation-list li', { hasText: 'vic@example.com' }).waitFor();
    await checkPage('people');
  });

  it('makes an ingest key: shown once with the snippet, and it sends events', async () => {
    const { page } = ann;
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Name').fill('Shoe shop site');
    await page.getByLabel('Ingest').check();
    await page.getByRole('button', { name: 'Create key' }).click();
    const keyField = page.getByRole('textbox', { name: 'API key' });
    await keyField.waitFor();
    const key = await keyField.inputValue();
    expect(key).toMatch(/^tl_ingest_/);
    expect(await page.getByLabel('Snippet for your site').inputValue()).toBe(
      `<script async src="${app.url}/touchline.js" data-key="${key}"></script>`,
    );
    await page.getByRole('row', { name: /Shoe shop site/ }).waitFor();
    await checkPage('keys');

    const sent = await fetch(`${app.url}/api/collect`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({
        key,
        events: [
          { event_id: 'e2e-1', user_id: 'v-1', timestamp: new Date().toISOString(), event: 'page_view' },
        ],
      }),
    });
    expect(sent.status).toBeLessThan(300);
  });

  it('switches the interface to Dutch and back; the map keeps its own language', async () => {
    const { page } = ann;
    await page.goto(mapPath);
    await page.getByRole('heading', { level: 1, name: 'Spring shoes' }).waitFor();
    await page.getByLabel('Language').selectOption('nl');
    await page.getByRole('link', { name: 'Kaarten', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    expect(await page.getByText('Downloaden', { exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Over deze kaart' }).waitFor();
    await page.getByRole('link', { name: 'Kaarten', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Kaarten' }).waitFor();
    await checkPage('maps-nl');
    await page.getByLabel('Taal').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Maps' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('imports a broken YAML file and is shown the problem with its line', async () => {
    const { page } = ann;
    const lines = [
      'schemaVersion: 2',
      'id: broken',
      'title: Broken map',
      'language: en',
      'style: current-state',
      'personas:',
      '  - id: buyer',
      '    name: Buyer',
      'stages:',
      '  - id: look',
      '    name: Look',
      '    steps:',
      '      - id: browse',
      '        name: Browses',
      '        next: [nowhere]',
    ];
    const line = lines.findIndex((text) => text.includes('nowhere')) + 1;
    await page.getByRole('link', { name: 'New map' }).click();
    await page.getByLabel('Map file (YAML or JSON)').setInputFiles({
      name: 'broken.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(`${lines.join('\n')}\n`),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('The map has a problem:');
    expect(text).toMatch(
      new RegExp(`Line ${line}, column \\d+ stages\\[0\\]\\.steps\\[0\\]\\.next\\[0\\].*nowhere`),
    );
    await checkPage('import-problem');
    // Nothing was made.
    await page.getByRole('link', { name: 'Maps', exact: true }).click();
    await eventually(() => page.locator('.map-card').count()).toBe(2);
  });

  it('met no script error and no Content Security Policy refusal on the way', () => {
    expect(ann.problems).toEqual([]);
  });
});
