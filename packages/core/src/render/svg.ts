import { channelIconPath } from './icons.ts';
import {
  COLORS,
  type ItemLayout,
  type LegendEntry,
  type MapLayout,
  type Rect,
  type TextBlock,
} from './layout.ts';
import { escapeXml, FONT_FAMILY } from './text.ts';

function n(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

function rect(r: Rect, attrs: string): string {
  return `<rect x="${n(r.x)}" y="${n(r.y)}" width="${n(r.width)}" height="${n(r.height)}" ${attrs}/>`;
}

function line(x1: number, y1: number, x2: number, y2: number, attrs: string): string {
  return `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" ${attrs}/>`;
}

/** Baseline of line `i`: the capitals sit centred in their line box. */
function baseline(block: TextBlock, i: number): number {
  return block.y + i * block.lineHeight + (block.lineHeight + 0.73 * block.fontSize) / 2;
}

function text(block: TextBlock, out: string[]): void {
  if (block.lines.length === 0) return;
  const anchor = block.anchor === 'start' ? '' : ` text-anchor="${block.anchor}"`;
  const weight = block.bold ? ' font-weight="bold"' : '';
  const attrs = `font-size="${block.fontSize}"${weight} fill="${block.color}"${anchor}`;
  // A cut text keeps its whole wording in a <title>, which viewers show on hover.
  if (block.full !== undefined) out.push(`<g><title>${escapeXml(block.full)}</title>`);
  block.lines.forEach((content, i) => {
    out.push(`<text x="${n(block.x)}" y="${n(baseline(block, i))}" ${attrs}>${escapeXml(content)}</text>`);
  });
  if (block.full !== undefined) out.push('</g>');
}

function icon(item: ItemLayout, out: string[]): void {
  if (!item.icon) return;
  const { channel, mode, cx, cy, radius } = item.icon;
  const online = mode === 'online';
  out.push(
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(radius)}" fill="${online ? COLORS.online : '#ffffff'}" stroke="${COLORS.online}" stroke-width="1.25"/>`,
  );
  const size = radius * 1.25;
  const scale = size / 24;
  out.push(
    `<g transform="translate(${n(cx - size / 2)} ${n(cy - size / 2)}) scale(${n(scale)})" fill="none" stroke="${online ? '#ffffff' : COLORS.online}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">`,
  );
  out.push(`<path d="${channelIconPath(channel)}"/>`);
  out.push('</g>');
}

function item(box: ItemLayout, out: string[]): void {
  const attrs = [`data-kind="${box.kind}"`];
  if (box.stepId) attrs.push(`data-step="${escapeXml(box.stepId)}"`);
  if (box.knownBy) attrs.push(`data-known-by="${box.knownBy}"`);
  if (box.kpi) attrs.push(`data-kpi="${box.kpi.id}" data-status="${box.kpi.status}"`);
  out.push(`<g ${attrs.join(' ')}>`);
  if (box.title !== undefined) out.push(`<title>${escapeXml(box.title)}</title>`);
  if (box.fill !== 'none' || box.stroke !== 'none') {
    const dash = box.dashed ? ' stroke-dasharray="4 3"' : '';
    const stroke =
      box.stroke === 'none' ? 'stroke="none"' : `stroke="${box.stroke}" stroke-width="${box.strokeWidth}"`;
    out.push(rect(box, `rx="${box.radius}" fill="${box.fill}" ${stroke}${dash}`));
  }
  if (box.accent) {
    out.push(rect({ x: box.x, y: box.y + 3, width: 3, height: box.height - 6 }, `fill="${box.accent}"`));
  }
  icon(box, out);
  for (const block of box.texts) text(block, out);
  out.push('</g>');
}

function legendEntry(entry: LegendEntry, out: string[]): void {
  const s = entry.swatch;
  switch (entry.kind) {
    case 'known-by': {
      const style =
        entry.knownBy === 'observed'
          ? `stroke="${COLORS.observedStroke}" stroke-width="1"`
          : entry.knownBy === 'assumed'
            ? `stroke="${COLORS.assumedStroke}" stroke-width="1" stroke-dasharray="4 3"`
            : `stroke="${COLORS.proposed}" stroke-width="1.75"`;
      out.push(rect(s, `rx="2" fill="#ffffff" ${style}`));
      break;
    }
    case 'mode': {
      const r = s.height / 2;
      out.push(
        `<circle cx="${n(s.x + s.width / 2)}" cy="${n(s.y + r)}" r="${n(r)}" fill="${entry.mode === 'online' ? COLORS.online : '#ffffff'}" stroke="${COLORS.online}" stroke-width="1.25"/>`,
      );
      break;
    }
    case 'persona':
      out.push(
        line(
          s.x,
          s.y + s.height / 2,
          s.x + s.width,
          s.y + s.height / 2,
          `stroke="${entry.color}" stroke-width="3" stroke-linecap="round"`,
        ),
      );
      break;
  }
  text(entry.label, out);
}

/**
 * Draws a laid-out map as a standalone SVG document. Presentation attributes only (no CSS, no
 * filters), so resvg and PDFKit render it the same as a browser does.
 */
export function writeSvg(layout: MapLayout): string {
  const out: string[] = [];
  const { width, height, headerWidth, gridTop, gridBottom } = layout;
  const labelLeft = layout.gridLeft;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${FONT_FAMILY}">`,
  );
  out.push(rect({ x: 0, y: 0, width, height }, 'fill="#ffffff"'));

  // Title block and legend.
  for (const block of layout.title) text(block, out);
  for (const entry of layout.legend) legendEntry(entry, out);

  // Stage columns: a faint tint for the body, a coloured band for the header.
  const header = layout.stageHeader;
  for (const column of layout.columns) {
    out.push(`<g data-stage="${escapeXml(column.stageId)}">`);
    out.push(`<title>${escapeXml(column.name)}</title>`);
    out.push(
      rect(
        { x: column.x, y: gridTop, width: column.width, height: gridBottom - gridTop },
        `fill="${column.palette.tint}"`,
      ),
    );
    out.push(
      rect(
        { x: column.x, y: header.y, width: column.width, height: header.height },
        `fill="${column.palette.header}"`,
      ),
    );
    out.push(
      rect({ x: column.x, y: header.y, width: column.width, height: 4 }, `fill="${column.palette.accent}"`),
    );
    for (const block of column.header) text(block, out);
    out.push('</g>');
  }

  // Label column.
  out.push(
    rect(
      { x: labelLeft, y: gridTop, width: headerWidth - labelLeft, height: gridBottom - gridTop },
      `fill="${COLORS.labelColumn}"`,
    ),
  );
  text(header.label, out);

  // Grid lines: lanes across, steps (dotted) and stages (solid) down.
  const right = layout.columns.reduce((end, c) => Math.max(end, c.x + c.width), headerWidth);
  for (const lane of layout.lanes) {
    out.push(line(labelLeft, lane.y, right, lane.y, `stroke="${COLORS.grid}" stroke-width="1"`));
  }
  out.push(line(labelLeft, gridBottom, right, gridBottom, `stroke="${COLORS.grid}" stroke-width="1"`));
  const lanesTop = header.y + header.height;
  for (const column of layout.columns) {
    column.steps.forEach((step, i) => {
      if (i > 0)
        out.push(
          line(
            step.x,
            lanesTop,
            step.x,
            gridBottom,
            `stroke="${COLORS.grid}" stroke-width="1" stroke-dasharray="2 3"`,
          ),
        );
    });
    out.push(line(column.x, gridTop, column.x, gridBottom, `stroke="#ffffff" stroke-width="3"`));
  }
  out.push(
    rect(
      { x: labelLeft, y: gridTop, width: right - labelLeft, height: gridBottom - gridTop },
      `fill="none" stroke="${COLORS.grid}" stroke-width="1"`,
    ),
  );

  // Lanes.
  for (const lane of layout.lanes) {
    out.push(`<g data-lane="${lane.id}">`);
    text(lane.label, out);
    for (const box of lane.items) item(box, out);
    if (lane.id === 'feelings' && layout.curve) curve(layout, out);
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

function curve(layout: MapLayout, out: string[]): void {
  const c = layout.curve;
  if (!c) return;
  const left = layout.headerWidth;
  const right = layout.columns.reduce((end, column) => Math.max(end, column.x + column.width), left);
  for (const grid of c.gridLines) {
    const zero = grid.score === 0;
    out.push(
      line(
        left,
        grid.y,
        right,
        grid.y,
        zero
          ? `stroke="${COLORS.faint}" stroke-width="1" stroke-dasharray="5 4"`
          : `stroke="${COLORS.grid}" stroke-width="0.75"`,
      ),
    );
    text(grid.label, out);
  }
  for (const entry of c.legend) {
    out.push(
      line(
        entry.x,
        entry.y,
        entry.x + 16,
        entry.y,
        `stroke="${entry.color}" stroke-width="3" stroke-linecap="round"`,
      ),
    );
    text(entry.label, out);
  }
  for (const persona of c.personas) {
    out.push(`<g data-persona="${escapeXml(persona.personaId)}">`);
    if (persona.points.length > 0) {
      out.push(
        `<path class="emotion-curve" d="${persona.path}" fill="none" stroke="${persona.color}" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/>`,
      );
    }
    for (const point of persona.points) {
      out.push(
        `<circle cx="${n(point.x)}" cy="${n(point.y)}" r="4.5" fill="#ffffff" stroke="${persona.color}" stroke-width="2"/>`,
      );
      out.push(rect(point.labelBox, 'rx="3" fill="#ffffff" fill-opacity="0.85"'));
      text(point.label, out);
    }
    out.push('</g>');
  }
}
