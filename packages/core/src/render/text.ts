import {
  DEJAVU_SANS,
  DEJAVU_SANS_BOLD,
  FONT_METRICS_FIRST,
  FONT_METRICS_LAST,
  type FontFaceMetrics,
} from './font-metrics.generated.ts';

/** The font family every export embeds; SVG text names it so PNG and PDF draw what was measured. */
export const FONT_FAMILY = 'DejaVu Sans';

const ELLIPSIS = '…';

function face(bold: boolean): FontFaceMetrics {
  return bold ? DEJAVU_SANS_BOLD : DEJAVU_SANS;
}

function emWidth(text: string, metrics: FontFaceMetrics): number {
  let em = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= FONT_METRICS_FIRST && code <= FONT_METRICS_LAST) {
      em += metrics.widths[code - FONT_METRICS_FIRST] ?? metrics.fallback;
    } else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair is one character outside the table.
      em += metrics.fallback;
      i++;
    } else {
      em += metrics.extra[code] ?? metrics.fallback;
    }
  }
  return em;
}

/**
 * Width of `text` in px when drawn in DejaVu Sans at `fontSize`, from the font's advance widths
 * (kerning is ignored; it only narrows text, so wrapping stays on the safe side).
 */
export function measureText(text: string, fontSize: number, bold = false): number {
  return emWidth(text, face(bold)) * fontSize;
}

// Maps repeat their words a lot (step names, lane labels), so word widths are remembered; the
// caches are emptied when they grow large, to keep a long-running server's memory flat.
const WORD_CACHE_LIMIT = 20_000;
const wordCaches = { regular: new Map<string, number>(), bold: new Map<string, number>() };

function wordWidth(word: string, fontSize: number, bold: boolean): number {
  const cache = bold ? wordCaches.bold : wordCaches.regular;
  let em = cache.get(word);
  if (em === undefined) {
    em = emWidth(word, face(bold));
    if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
    cache.set(word, em);
  }
  return em * fontSize;
}

export interface WrapOptions {
  fontSize: number;
  bold?: boolean;
  /** Most lines to keep; the last kept line ends in an ellipsis when text is cut. */
  maxLines?: number;
}

export interface WrappedText {
  lines: string[];
  /** True when text was cut to fit `maxLines`. */
  truncated: boolean;
}

/**
 * Breaks `text` into lines no wider than `width` px: at spaces where possible, inside a word only
 * when the word alone is too wide. Cuts after `maxLines` with an ellipsis.
 */
export function wrapText(text: string, width: number, options: WrapOptions): WrappedText {
  const { fontSize, bold = false, maxLines = Number.POSITIVE_INFINITY } = options;
  const spaceWidth = measureText(' ', fontSize, bold);
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let truncated = false;

  const pushLine = (value: string): boolean => {
    if (lines.length >= maxLines) {
      truncated = true;
      return false;
    }
    lines.push(value);
    return true;
  };

  outer: for (const word of words) {
    const measured = wordWidth(word, fontSize, bold);
    if (line !== '' && lineWidth + spaceWidth + measured <= width) {
      line += ` ${word}`;
      lineWidth += spaceWidth + measured;
      continue;
    }
    if (line !== '' && !pushLine(line)) break;
    line = '';
    lineWidth = 0;
    if (measured <= width) {
      line = word;
      lineWidth = measured;
      continue;
    }
    // A word wider than the line: break it after its hyphens, and by characters where a piece
    // is still too wide.
    for (const piece of word.split(/(?<=-)/)) {
      const pieceWidth = measureText(piece, fontSize, bold);
      if (lineWidth + pieceWidth <= width) {
        line += piece;
        lineWidth += pieceWidth;
        continue;
      }
      if (line !== '') {
        if (!pushLine(line)) break outer;
        line = '';
        lineWidth = 0;
      }
      if (pieceWidth <= width) {
        line = piece;
        lineWidth = pieceWidth;
        continue;
      }
      for (const char of piece) {
        const charWidth = measureText(char, fontSize, bold);
        if (line !== '' && lineWidth + charWidth > width) {
          if (!pushLine(line)) break outer;
          line = '';
          lineWidth = 0;
        }
        line += char;
        lineWidth += charWidth;
      }
    }
  }
  if (!truncated && line !== '') pushLine(line);
  if (truncated && lines.length > 0) {
    lines[lines.length - 1] = withEllipsis(lines[lines.length - 1] ?? '', width, fontSize, bold);
  }
  return { lines, truncated };
}

/** `line` shortened until it and a trailing ellipsis fit in `width`. */
export function withEllipsis(line: string, width: number, fontSize: number, bold = false): string {
  const chars = [...line];
  const ellipsisWidth = measureText(ELLIPSIS, fontSize, bold);
  let used = measureText(line, fontSize, bold);
  while (chars.length > 0 && used + ellipsisWidth > width) {
    const removed = chars.pop() ?? '';
    used -= measureText(removed, fontSize, bold);
  }
  return `${chars.join('').trimEnd()}${ELLIPSIS}`;
}

/** `text` cut with an ellipsis to one line of `width` px. */
export function fitLine(text: string, width: number, fontSize: number, bold = false): WrappedText {
  if (measureText(text, fontSize, bold) <= width) return { lines: [text], truncated: false };
  return { lines: [withEllipsis(text, width, fontSize, bold)], truncated: true };
}

// Characters XML 1.0 does not allow at all; they are dropped rather than escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const NEEDS_ESCAPING = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/** Text made safe for SVG content and attribute values. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
