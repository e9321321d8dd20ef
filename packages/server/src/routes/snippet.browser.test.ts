// The snippet on a real page in Chromium, sending to a real server: events arrive in the
// workspace's store, with the campaign of the landing URL and the customer after identify.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '@touchline/snippet/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let site: Server;
let siteUrl: string;
let browser: Browser;
let key: string;

beforeAll(async () => {
  server = await startTestServer();
  const owner = server.client();
  await owner.signUp('ann@example.com');
  key = (await owner.post<{ key: string }>('/api/workspaces/ann/keys', { name: 'shop', scope: 'ingest' }))
    .body.key;
  // The shop: another origin than the server, as a customer's site would be.
  site = createServer((request, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(`<!doctype html><title>Shoes</title>
      <script>window.touchline=window.touchline||function(){(touchline.q=touchline.q||[]).push(arguments)};</script>
      <script async src="${server.url}/touchline.js" data-key="${key}" data-endpoint="${server.url}/api/collect"></script>
      <p>${request.url}</p>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await server?.close();
});

it('stores what a visitor does on a site with the snippet, joined to the customer by identify', async () => {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${siteUrl}/landing?utm_source=newsletter&utm_medium=email&utm_campaign=spring`);
  await page.evaluate(() => {
    const touchline = (globalThis as unknown as { touchline: (...args: unknown[]) => void }).touchline;
    touchline('track', 'add_to_cart', { sku: 'runner-42' });
    touchline('identify', 'customer-7');
    touchline('track', 'order_completed', { revenue: 89.95 });
  });
  await page.goto('about:blank');

  const workspace = await server.deps.store.workspaces.bySlug('ann');
  const store = await server.deps.events.store(workspace?.id ?? '');
  let rows: Record<string, unknown>[] = [];
  for (let attempt = 0; attempt < 100 && rows.length < 4; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    rows = await store.db.rows(
      'SELECT user_id, event, channel, campaign, url, revenue FROM events_readable ORDER BY timestamp, event',
    );
  }
  // The identify event joined the visitor's earlier events to the customer.
  expect(rows).toEqual([
    {
      user_id: 'customer-7',
      event: 'page_view',
      channel: 'email',
      campaign: 'spring',
      url: expect.stringContaining('/landing'),
      revenue: null,
    },
    {
      user_id: 'customer-7',
      event: 'add_to_cart',
      channel: null,
      campaign: null,
      url: expect.any(String),
      revenue: null,
    },
    {
      user_id: 'customer-7',
      event: 'identify',
      channel: null,
      campaign: null,
      url: expect.any(String),
      revenue: null,
    },
    {
      user_id: 'customer-7',
      event: 'order_completed',
      channel: null,
      campaign: null,
      url: expect.any(String),
      revenue: 89.95,
    },
  ]);
  const identify = await store.db.rows<{ properties: string }>(
    "SELECT properties FROM events_readable WHERE event = 'identify'",
  );
  expect(JSON.parse(String(identify[0]?.properties)).anonymous_id).toMatch(/^v-/);
});
