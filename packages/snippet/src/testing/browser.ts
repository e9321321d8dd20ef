/**
 * Real headless Chromium for tests: Debian's `chromium` driven by playwright-core, which never
 * downloads a browser of its own. One browser per test file, a new context per test.
 *
 * ```ts
 * let browser: Browser;
 * beforeAll(async () => { browser = await launchChromium(); });
 * afterAll(() => browser.close());
 * ```
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where the browser is: Debian's package, or `TOUCHLINE_CHROMIUM` on machines that keep it elsewhere. */
export const CHROMIUM_PATH = process.env.TOUCHLINE_CHROMIUM || '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a closed network and runnable as root in a container. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/**
 * Launches headless Chromium with a fresh user-data-dir (playwright makes a temporary profile per
 * launch and deletes it on close). Throws, never skips, when the browser is missing.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the browser tests need it. Install it with ` +
        '`bash scripts/setup.sh` as root (apt-get install chromium), or set TOUCHLINE_CHROMIUM to its path.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS], headless: true });
}
