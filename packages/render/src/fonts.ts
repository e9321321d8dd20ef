import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The font every export draws with. DejaVu Sans covers all Dutch letters (ë, ï, é, ĳ ...) and is
 * shipped as a package, so PNG and PDF output never depends on the fonts of the machine.
 */
export const FONT_FAMILY = 'DejaVu Sans';

const fontFolder = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);

/** Absolute path of DejaVuSans.ttf. */
export const FONT_REGULAR_PATH = join(fontFolder, 'DejaVuSans.ttf');
/** Absolute path of DejaVuSans-Bold.ttf. */
export const FONT_BOLD_PATH = join(fontFolder, 'DejaVuSans-Bold.ttf');

/** Both embedded font files, regular first. */
export const FONT_FILES: readonly string[] = [FONT_REGULAR_PATH, FONT_BOLD_PATH];
