import { type JourneyMap, primaryPersonaId, stepDepartmentIds } from '@touchline/core';

/**
 * Makes text safe for Mermaid's journey syntax, whose lexer ends a name at `:`, `;`, `#` and a line
 * break: `:` becomes ` - `, `;` a comma, `#` the full-width `＃`, and line breaks spaces.
 */
export function mermaidText(text: string): string {
  const clean = text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\s*:\s*/g, ' - ')
    .replace(/;/g, ',')
    .replace(/#/g, '＃')
    .replace(/\s+/g, ' ')
    .trim();
  return clean === '' ? '-' : clean;
}

/** Words the lexer reads as keywords when a task name starts with them. */
const KEYWORD_START = /^(journey|title|section|acc)/i;

function taskName(text: string): string {
  const clean = mermaidText(text);
  // A zero-width space in front keeps "Title page viewed" a task instead of a title.
  return KEYWORD_START.test(clean) ? `\u200B${clean}` : clean;
}

/** An actor name: the task's actor list is split at commas and colons. */
function actorName(text: string): string {
  return mermaidText(text).replace(/\s*,\s*/g, ' ');
}

/**
 * Mermaid's 1..5 task score for one of our feelings (-2..+2): feeling + 3, rounded half away from
 * neutral (-0.5 -> 2, +0.5 -> 4) so negative and positive steps stay on their side; no feeling: 3.
 */
export function mermaidScore(feeling: number | undefined): number {
  if (feeling === undefined) return 3;
  const rounded = Math.sign(feeling) * Math.round(Math.abs(feeling));
  return Math.min(5, Math.max(1, rounded + 3));
}

/**
 * The map as a Mermaid `journey` diagram: a section per stage, a task per step. A task's score is
 * the first persona's feeling (the one a single emotion curve shows); its actors are that persona
 * followed by the departments responsible for the step, so Mermaid's legend shows who takes part.
 *
 * @example
 * renderMermaid(map)
 * // journey
 * //     title Buying shoes
 * //     section Awareness
 * //       Clicks an ad: 4: Shoe buyer, Marketing
 */
export function renderMermaid(map: JourneyMap): string {
  const personaId = primaryPersonaId(map);
  const persona = map.personas.find((p) => p.id === personaId);
  const departmentName = new Map((map.departments ?? []).map((d) => [d.id, d.name]));
  const out = ['journey', `    title ${mermaidText(map.title)}`];
  for (const stage of map.stages) {
    out.push(`    section ${mermaidText(stage.name)}`);
    for (const step of stage.steps) {
      const score = mermaidScore(personaId === undefined ? undefined : step.feelings?.[personaId]);
      const actors = [
        ...(persona ? [persona.name] : []),
        ...stepDepartmentIds(map, step).map((id) => departmentName.get(id) ?? id),
      ].map(actorName);
      out.push(`      ${taskName(step.name)}: ${score}${actors.length > 0 ? `: ${actors.join(', ')}` : ''}`);
    }
  }
  return `${out.join('\n')}\n`;
}
