/** A rectangle of a drawing, in SVG units. */
export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface Offset {
  x: number;
  y: number;
  /** False below a transform other than a translation: positions there are not known. */
  known: boolean;
}

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<\/?[A-Za-z][^>]*>|[^<]+|</g;

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return match ? (match[2] ?? match[3]) : undefined;
}

function firstNumber(value: string | undefined): number {
  const match = value === undefined ? null : /-?\d*\.?\d+(?:e-?\d+)?/i.exec(value);
  return match ? Number(match[0]) : 0;
}

/** The offset a `transform` adds, or undefined when it is more than a translation. */
function translation(transform: string | undefined): { x: number; y: number } | undefined {
  if (transform === undefined || transform.trim() === '') return { x: 0, y: 0 };
  const match = /^\s*translate\(\s*(-?[\d.e-]+)(?:[\s,]+(-?[\d.e-]+))?\s*\)\s*$/i.exec(transform);
  if (!match) return undefined;
  return { x: Number(match[1]), y: Number(match[2] ?? 0) };
}

/**
 * Removes the `<text>` elements of an SVG whose anchor point lies outside `region`. A PDF page
 * draws only a region of the drawing through a clip, and clipped text would still be in the page's
 * text layer: found by search and copied with a selection although nobody can see it. Text whose
 * position is unknown (under a rotation or scaling) is kept.
 */
export function keepTextInRegion(svg: string, region: Region): string {
  const out: string[] = [];
  const stack: Offset[] = [{ x: 0, y: 0, known: true }];
  let skipping = false;
  for (const match of svg.matchAll(TOKEN)) {
    const token = match[0];
    if (skipping) {
      if (/^<\/text\s*>$/i.test(token)) skipping = false;
      continue;
    }
    const isTag = token.startsWith('<') && !token.startsWith('<!') && !token.startsWith('<?');
    if (!isTag || token === '<') {
      out.push(token);
      continue;
    }
    if (token.startsWith('</')) {
      if (stack.length > 1) stack.pop();
      out.push(token);
      continue;
    }
    const parent = stack[stack.length - 1] ?? { x: 0, y: 0, known: true };
    const shift = translation(attribute(token, 'transform'));
    const offset: Offset = shift
      ? { x: parent.x + shift.x, y: parent.y + shift.y, known: parent.known }
      : { x: parent.x, y: parent.y, known: false };
    const selfClosing = token.endsWith('/>');
    if (/^<text[\s>]/i.test(token) && offset.known) {
      const x = offset.x + firstNumber(attribute(token, 'x'));
      const y = offset.y + firstNumber(attribute(token, 'y'));
      const inside =
        x >= region.x0 - 0.5 && x < region.x1 + 0.5 && y >= region.y0 - 0.5 && y < region.y1 + 0.5;
      if (!inside) {
        skipping = !selfClosing;
        continue;
      }
    }
    out.push(token);
    if (!selfClosing) stack.push(offset);
  }
  return out.join('');
}
