import { describe, expect, it } from 'vitest';
import type { JourneyMap } from '../schema.ts';
import { renderMapSvg } from './index.ts';
import { COLORS, chosenLanes, type LaneLayout, layoutMap } from './layout.ts';
import { testMap } from './test-map.ts';
import { escapeXml, measureText } from './text.ts';

/** Checks that every tag is closed in order; returns the first problem, or undefined. */
function tagProblem(xml: string): string | undefined {
  const stack: string[] = [];
  for (const match of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^<>]*?)(\/?)>/g)) {
    const [, closing, name = '', , selfClosing] = match;
    if (selfClosing) continue;
    if (!closing) stack.push(name);
    else if (stack.pop() !== name) return `unexpected </${name}> at ${match.index}`;
  }
  if (stack.length > 0) return `unclosed <${stack.join('>, <')}>`;
  // Outside tags, every < must start a tag and every & an entity.
  const text = xml.replace(/<[^<>]*>/g, '');
  if (text.includes('<') || text.includes('>')) return 'stray angle bracket in text';
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(xml)) return 'unescaped &';
  return undefined;
}

function lane(layout: ReturnType<typeof layoutMap>, id: string): LaneLayout {
  const found = layout.lanes.find((l) => l.id === id);
  if (!found) throw new Error(`no lane ${id}`);
  return found;
}

describe('layoutMap', () => {
  it('puts stages side by side after the label column, as wide as their steps', () => {
    const layout = layoutMap(testMap());
    // Label column 24 + 150; two steps of 156 = 312; three steps = 468; right margin 24.
    expect(layout.headerWidth).toBe(174);
    expect(layout.columns.map((c) => [c.stageId, c.x, c.width])).toEqual([
      ['awareness', 174, 312],
      ['purchase', 486, 468],
    ]);
    expect(layout.width).toBe(978);
    expect(layout.columns[1]?.steps.map((s) => s.x)).toEqual([486, 642, 798]);
  });

  it('gives a stage without enough steps the minimum width', () => {
    const map = testMap();
    const first = map.stages[0];
    if (first) first.steps = first.steps.slice(0, 1);
    expect(layoutMap(map).columns[0]?.width).toBe(200);
  });

  it('draws only lanes with content by default, and the lanes asked for when given', () => {
    expect(chosenLanes(testMap())).toEqual([
      'steps',
      'touchpoints',
      'departments',
      'thoughts',
      'questions',
      'motivations',
      'feelings',
      'painPoints',
      'opportunities',
      'evidence',
      'kpis',
    ]);
    const bare: JourneyMap = {
      ...testMap(),
      stages: [{ id: 'only', name: 'Only', steps: [{ id: 'one', name: 'One' }] }],
    };
    expect(chosenLanes(bare)).toEqual(['steps']);
    const layout = layoutMap(testMap(), { lanes: ['feelings', 'steps'] });
    expect(layout.lanes.map((l) => l.id)).toEqual(['feelings', 'steps']);
  });

  it('stacks lanes without gaps below the stage header', () => {
    const layout = layoutMap(testMap());
    let y = layout.stageHeader.y + layout.stageHeader.height;
    for (const l of layout.lanes) {
      expect(l.y).toBe(y);
      y += l.height;
    }
    expect(layout.gridBottom).toBe(y);
    expect(layout.height).toBeGreaterThan(y);
  });

  it('keeps every box inside its lane and cell, without overlaps, and every line inside its box', () => {
    const layout = layoutMap(testMap());
    for (const l of layout.lanes) {
      const byStep = new Map<string, { y: number; height: number }[]>();
      for (const item of l.items) {
        expect(item.y).toBeGreaterThanOrEqual(l.y);
        expect(item.y + item.height).toBeLessThanOrEqual(l.y + l.height);
        for (const block of item.texts) {
          expect(block.x).toBeGreaterThanOrEqual(item.x);
          expect(block.x + block.maxWidth).toBeLessThanOrEqual(item.x + item.width);
          for (const line of block.lines) {
            expect(measureText(line, block.fontSize, block.bold)).toBeLessThanOrEqual(block.maxWidth);
          }
          expect(block.y + block.lines.length * block.lineHeight).toBeLessThanOrEqual(item.y + item.height);
        }
        const key = item.stepId ?? item.stageId;
        byStep.set(key, [...(byStep.get(key) ?? []), item]);
      }
      for (const boxes of byStep.values()) {
        for (let i = 1; i < boxes.length; i++) {
          const previous = boxes[i - 1];
          const box = boxes[i];
          if (previous && box && box.y !== previous.y)
            expect(box.y).toBeGreaterThanOrEqual(previous.y + previous.height);
        }
      }
    }
  });

  it('draws one curve per persona through the steps that have a feeling, +2 above -2', () => {
    const layout = layoutMap(testMap());
    const curve = layout.curve;
    expect(curve?.personas.map((p) => [p.personaId, p.points.map((pt) => pt.score)])).toEqual([
      ['sam', [1, 2, -2, 0]],
      ['ria', [0, -1, 1]],
    ]);
    const sam = curve?.personas[0]?.points ?? [];
    const plus2 = sam.find((p) => p.score === 2);
    const minus2 = sam.find((p) => p.score === -2);
    // The plot is 176 - 2 × 24 = 128 px tall for 4 steps of score: 32 px a step.
    expect((minus2?.y ?? 0) - (plus2?.y ?? 0)).toBe(128);
    expect(curve?.zeroY).toBe(((plus2?.y ?? 0) + (minus2?.y ?? 0)) / 2);
    // Each point sits in the middle of its step's column: browses is the second step (174 + 156 + 78).
    expect(plus2?.x).toBe(408);
    expect(curve?.personas[0]?.path.startsWith('M252,')).toBe(true);
  });

  it('copes with a stage without steps and a feelings lane without feelings', () => {
    const map: JourneyMap = {
      ...testMap(),
      stages: [
        { id: 'empty', name: 'Empty', kpis: [{ kpi: 'nps', target: 30 }], steps: [] },
        { id: 'one', name: 'One', steps: [{ id: 'only', name: 'Only step' }] },
      ],
    };
    const layout = layoutMap(map, { lanes: ['steps', 'feelings', 'kpis'] });
    expect(layout.columns.map((c) => [c.x, c.width, c.steps.length])).toEqual([
      [174, 200, 0],
      [374, 200, 1],
    ]);
    expect(layout.curve?.personas.every((p) => p.points.length === 0)).toBe(true);
    const kpi = lane(layout, 'kpis').items[0];
    expect(kpi?.kpi).toEqual({ id: 'nps', status: 'unknown' });
    expect(tagProblem(renderMapSvg(map, { lanes: ['steps', 'feelings', 'kpis'] }).svg)).toBeUndefined();
  });

  it('draws only the personas asked for', () => {
    const layout = layoutMap(testMap(), { personas: ['ria'] });
    expect(layout.curve?.personas.map((p) => p.personaId)).toEqual(['ria']);
  });

  it('colours KPI actuals by whether they meet the target in the KPI direction', () => {
    const kpis = lane(layoutMap(testMap()), 'kpis').items;
    // CTR 2.5% vs 2% (higher is better), CPC 0.80 vs 0.50 (lower is better), bounce 30% vs 40% (lower).
    expect(kpis.map((k) => [k.kpi?.id, k.kpi?.status])).toEqual([
      ['ctr', 'good'],
      ['cpc', 'bad'],
      ['bounce-rate', 'good'],
    ]);
    const ctrActual = kpis[0]?.texts.find((t) => t.lines[0]?.startsWith('Actual'));
    expect(ctrActual?.lines).toEqual(['Actual: 2.5%']);
    expect(ctrActual?.color).toBe(COLORS.good);
    expect(kpis[1]?.texts.find((t) => t.lines[0]?.startsWith('Actual'))?.color).toBe(COLORS.bad);
  });

  it('lets actual values from analytics override the map', () => {
    const kpis = lane(layoutMap(testMap(), { kpiActuals: { awareness: { ctr: 0.01 } } }), 'kpis').items;
    expect(kpis[0]?.kpi?.status).toBe('bad');
  });

  it('marks branches, loops and sub-journeys on step cards', () => {
    const steps = lane(layoutMap(testMap()), 'steps').items;
    const lines = (id: string) => steps.find((s) => s.stepId === id)?.texts.flatMap((t) => t.lines) ?? [];
    expect(lines('checkout')).toContain('↳ 2 routes');
    expect(lines('saves-cart').join(' ')).toContain('↺ back to Browses the e-shop');
    expect(lines('saves-cart').join(' ')).toContain('→ Sub-journey: saved-carts');
    expect(lines('browses')).toEqual(['Browses the', 'e-shop']);
  });

  it('styles lane items by how they are known', () => {
    const layout = layoutMap(testMap());
    const note = (laneId: string) => lane(layout, laneId).items[0];
    expect(note('questions')).toMatchObject({ knownBy: 'observed', dashed: false });
    expect(note('thoughts')).toMatchObject({ knownBy: 'assumed', dashed: true });
    expect(note('opportunities')).toMatchObject({ knownBy: 'proposed', stroke: COLORS.proposed });
  });
});

describe('renderMapSvg', () => {
  it('writes well-formed SVG with every stage, step and touchpoint name escaped', () => {
    const { svg } = renderMapSvg(testMap());
    expect(tagProblem(svg)).toBeUndefined();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('font-family="DejaVu Sans"');
    const map = testMap();
    const names = [
      ...map.stages.map((s) => s.name),
      ...map.stages.flatMap((s) => s.steps.map((step) => step.name)),
      ...(map.touchpoints ?? []).map((t) => t.name),
    ];
    // Each named box carries its whole name in a <title>, however its lines were wrapped.
    for (const name of names) expect(svg).toContain(`<title>${escapeXml(name)}</title>`);
    expect(svg).toContain('<title>Awareness &amp; &lt;interest&gt;</title>');
    // The drawn lines, wrapped.
    expect(svg).toContain('>Clicks an ad &amp;<');
    expect(svg).toContain('>lands on &lt;page&gt;<');
    expect(svg).toContain('>Parcel &lt;box&gt;<');
    expect(svg).not.toContain('<interest>');
  });

  it('finds the tag checker able to fail', () => {
    expect(tagProblem('<svg><g></svg>')).toBeDefined();
    expect(tagProblem('<svg><text>a < b</text></svg>')).toBeDefined();
    expect(tagProblem('<svg><text>a & b</text></svg>')).toBeDefined();
  });

  it('labels in the map language', () => {
    const nl = renderMapSvg(testMap('nl')).svg;
    for (const label of ['Fasen', 'Stappen', 'Afdelingen', 'Gedachten', 'Vragen', 'Motivaties', 'Gevoel']) {
      expect(nl).toContain(`>${label}<`);
    }
    for (const label of ['Pijnpunten', 'Kansen', 'Onderzoek', 'KPI&apos;s', 'Klantdoel', 'Bedrijfsdoel']) {
      expect(nl).toContain(`>${label}<`);
    }
    expect(nl).toContain('>Huidige situatie<');
    expect(nl).toContain('>Werkelijk: 2,5%<');
    expect(nl).toContain('>Doel: 2%<');
    expect(nl).not.toContain('>Steps<');
    const en = renderMapSvg(testMap('en')).svg;
    for (const label of [
      'Stages',
      'Steps',
      'Pain points',
      'Opportunities',
      'Current state',
      'Customer goal',
    ]) {
      expect(en).toContain(`>${label}<`);
    }
    expect(en).not.toContain('>Stappen<');
  });

  it('draws one curve path per persona and a circle per feeling', () => {
    const { svg } = renderMapSvg(testMap());
    expect(svg.match(/class="emotion-curve"/g)).toHaveLength(2);
    const ria = svg.slice(svg.indexOf('data-persona="ria"'));
    expect(ria.slice(0, ria.indexOf('</g>')).match(/<circle/g)).toHaveLength(3);
  });

  it('is deterministic', () => {
    expect(renderMapSvg(testMap()).svg).toBe(renderMapSvg(testMap()).svg);
  });

  it('reports columns, header width and size that match the drawing', () => {
    const rendered = renderMapSvg(testMap());
    expect(rendered.svg).toContain(`width="${rendered.width}" height="${rendered.height}"`);
    expect(rendered.columns[0]?.x).toBe(rendered.headerWidth);
    const last = rendered.columns.at(-1);
    expect((last?.x ?? 0) + (last?.width ?? 0) + 24).toBe(rendered.width);
    expect(rendered.titleHeight).toBeGreaterThan(60);
    expect(rendered.titleHeight).toBeLessThan(rendered.height);
  });
});
