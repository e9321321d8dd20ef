// A viewer in real Chromium: joins by the invitation link, reads maps and their downloads, sees
// no control that writes, and a write made anyway is refused by the server with the message
// shown. A deep link opened while signed out leads through sign-in back to the page.
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
let vic: Person;
let invitation = '';
let mapId = '';

beforeAll(async () => {
  app = await startAppUnderTest();
  // The owner works through the API: this file is about the viewer.
  const owner = app.server.client();
  await owner.signUp('ann@example.com', 'correct horse battery', 'Ann de Vries');
  const invited = await owner.post<{ token: string }>('/api/workspaces/demo/invitations', {
    email: 'vic@example.com',
    role: 'viewer',
  });
  invitation = invited.body.token;
  const maps = await owner.get<{ id: string }[]>('/api/workspaces/demo/maps');
  mapId = maps.body[0]?.id ?? '';
  vic = await app.person();
}, 120_000);

beforeEach(() => reportWhenFailed(() => [vic]));

afterAll(async () => {
  await app?.close();
});

describe('a viewer', () => {
  it('joins by the invitation link and lands in the workspace', async () => {
    const { page } = vic;
    await page.goto(`/invite/${invitation}`);
    await page.getByRole('heading', { name: 'Join a workspace' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshot(page, 'invite');
    await page.getByLabel('Your name').fill('Vic');
    await page.getByLabel('E-mail address').fill('vic@example.com');
    await page.getByLabel('Password').fill('long enough password');
    await page.getByRole('button', { name: 'Create account and join' }).click();
    await page.waitForURL('**/w/demo');
    await page.locator('.map-card', { hasText: 'Buying shoes online' }).waitFor();
  });

  it('sees no control that writes on the maps, map, people and keys pages', async () => {
    const { page } = vic;
    expect(await page.getByRole('link', { name: 'New map' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'API keys' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Buying shoes online' }).click();
    await page.getByRole('heading', { level: 1, name: 'Buying shoes online' }).waitFor();
    await page.getByRole('link', { name: 'PDF', exact: true }).waitFor();
    expect(await page.getByRole('heading', { name: 'Share links' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Create link' }).count()).toBe(0);

    await page.getByRole('link', { name: 'People' }).click();
    await page.getByRole('row', { name: /Ann de Vries/ }).waitFor();
    await eventually(() => page.getByRole('row').count()).toBe(3);
    expect(await page.getByRole('combobox', { name: /Role of/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Remove/ }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Invite someone' }).count()).toBe(0);
    expect(await page.getByRole('cell', { name: 'Viewer' }).count()).toBe(1);

    await page.goto('/w/demo/keys');
    await page.getByText('Only owners of the workspace manage its API keys.').waitFor();
    expect(await page.getByRole('button', { name: 'Create key' }).count()).toBe(0);

    await page.goto('/w/demo/maps/new');
    await page
      .getByText('As a viewer you can look at the maps of this workspace, but not create them.')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Create map' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('is refused a write made anyway, with the server’s reason', async () => {
    const { page } = vic;
    const refused = await page.evaluate(async () => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch('/api/workspaces/demo/maps', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ template: 'shoes', language: 'en' }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { error: { code: string; message: string } },
      };
    });
    expect(refused).toEqual({
      status: 403,
      body: { error: { code: 'forbidden', message: 'a viewer cannot do this (it needs an editor)' } },
    });
    const workspace = await app.server.deps.store.workspaces.bySlug('demo');
    expect((await app.server.deps.store.maps.cards(workspace?.id ?? '')).length).toBe(1);
  });

  it('an editor made viewer while on the new-map page is refused on Create, and told why', async () => {
    const owner = app.server.client();
    await owner.post('/api/auth/signin', { email: 'ann@example.com', password: 'correct horse battery' });
    const eddie = await owner.addMember('demo', 'eddie@example.com', 'editor', 'Eddie');
    const eddieId = (await eddie.get<{ user: { id: string } }>('/api/auth/session')).body.user.id;
    const { page } = await app.person();
    await page.goto('/signin');
    await page.getByLabel('E-mail address').fill('eddie@example.com');
    await page.getByLabel('Password').fill('long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your workspaces' }).waitFor();
    await page.goto('/w/demo/maps/new');
    await page.getByRole('button', { name: 'Create map' }).waitFor();

    const demoted = await owner.request('PUT', `/api/workspaces/demo/members/${eddieId}`, { role: 'viewer' });
    expect(demoted.status).toBe(200);
    await page.getByRole('button', { name: 'Create map' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe(
      'Your role in this workspace does not allow this.',
    );
    expect(new URL(page.url()).pathname).toBe('/w/demo/maps/new');
  });

  it('opening a map by its address while signed out goes through sign-in to that map', async () => {
    const { page } = vic;
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/signin');
    await page.goto(`/w/demo/maps/${mapId}`);
    await page.waitForURL(`**/signin?next=${encodeURIComponent(`/w/demo/maps/${mapId}`)}`);
    await page.getByLabel('E-mail address').fill('vic@example.com');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toBe(
      'The e-mail address or password is wrong.',
    );
    await page.getByLabel('Password').fill('long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`**/w/demo/maps/${mapId}`);
    await page.getByRole('heading', { level: 1, name: 'Buying shoes online' }).waitFor();
  });

  it('met no script error and no Content Security Policy refusal on the way', () => {
    expect(vic.problems).toEqual([]);
  });
});
