import { describe, expect, it } from 'vitest';
import { placedSteps } from '../journey.ts';
import { TEMPLATES } from '../templates/index.ts';
import { renderMapSvg } from './index.ts';
import { escapeXml } from './text.ts';

describe('every template renders', () => {
  it.each(
    TEMPLATES.flatMap((template) =>
      (['en', 'nl'] as const).map((language) => [template.id, language] as const),
    ),
  )('%s in %s, with every stage and step named in the drawing', (id, language) => {
    const map = TEMPLATES.find((t) => t.id === id)?.build(language);
    if (!map) throw new Error(`template ${id} missing`);
    const { svg, columns, width } = renderMapSvg(map);
    expect(columns.map((c) => c.stageId)).toEqual(map.stages.map((s) => s.id));
    expect(columns.at(-1)?.x ?? 0).toBeLessThan(width);
    for (const stage of map.stages) expect(svg).toContain(escapeXml(stage.name));
    // Long step names wrap over lines; the full name is kept in the step's <title>.
    for (const { step } of placedSteps(map)) expect(svg).toContain(`<title>${escapeXml(step.name)}</title>`);
  });
});
