/**
 * The web app's build: React through @vitejs/plugin-react, into dist/ with hashed files under
 * dist/assets/ (served immutable by `touchline serve`), each with a gzipped copy beside it so the
 * server sends the smaller file without compressing on every request. `npm run dev -w
 * @touchline/web` serves the sources with hot reload and passes the API to a running server.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Where `npm run dev` sends API calls: a server started by `npm start`. */
const API_SERVER = process.env.TOUCHLINE_API ?? 'http://127.0.0.1:4400';

/** Writes `file.gz` beside each text asset; the server picks it when the browser accepts gzip. */
function gzipAssets(): Plugin {
  let outDir = '';
  return {
    name: 'touchline:gzip-assets',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle(_options, bundle) {
      const texts = Object.keys(bundle).filter((name) => /\.(js|css|svg|json)$/.test(name));
      await Promise.all(
        texts.map(async (name) => {
          const path = join(outDir, name);
          await writeFile(`${path}.gz`, gzipSync(await readFile(path), { level: 9 }));
        }),
      );
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), gzipAssets()],
  build: {
    outDir: join(root, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // The gzipped sizes are measured by the build script, on the files the server sends.
    reportCompressedSize: false,
  },
  server: {
    proxy: { '/api': API_SERVER, '/touchline.js': API_SERVER },
  },
});
