/**
 * `node --import tsx packages/web/src/build-cli.ts [--force]`: builds the web app when its
 * sources changed (always with --force) and prints what the first page loads.
 */
import { ensureWebBuild, WEB_DIST } from './build.ts';

const result = await ensureWebBuild({ force: process.argv.includes('--force') });
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const what = result.built ? `built in ${(result.buildMs / 1000).toFixed(1)} s` : 'up to date';
console.log(
  `web app ${what} (${WEB_DIST}): the first page loads ${kb(result.initialJs.bytes)} of JS, ${kb(result.initialJs.gzipBytes)} gzipped`,
);
