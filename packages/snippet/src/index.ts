/**
 * @touchline/snippet: the browser tracking snippet (`browser/snippet.ts`) and what the server
 * needs to serve it at `/touchline.js` and to read what it sends.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export { campaignFromSearch, channelOfMedium, type VisitSource } from './campaign.ts';
export * from './collect.ts';

const ENTRY = fileURLToPath(new URL('./browser/snippet.ts', import.meta.url));

let built: Promise<string> | undefined;

/**
 * The snippet as one minified IIFE, ready to serve as `application/javascript`. Bundled by
 * esbuild on the first call (about a tenth of a second) and kept for the process, so the server
 * needs no build step.
 *
 * @example
 * app.get('/touchline.js', async (c) => c.body(await buildSnippet(), 200, {
 *   'content-type': 'application/javascript; charset=utf-8',
 * }));
 */
export function buildSnippet(): Promise<string> {
  built ??= bundleSnippet().catch((error: unknown) => {
    built = undefined;
    throw error;
  });
  return built;
}

async function bundleSnippet(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    // Browsers of the last five years; optional chaining and ?? stay as written.
    target: ['es2020'],
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild wrote no output for ${ENTRY}`);
  return output.text;
}
