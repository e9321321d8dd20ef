import {
  type Evidence,
  type JourneyMap,
  type LaneItem,
  laneItemKnownBy,
  laneItemText,
  nextStepIds,
  placedSteps,
  type StageKpi,
  type Step,
} from '@touchline/core';
import { type ExportLabels, exportLabels } from './labels.ts';

/** Makes text safe inside a Markdown table cell: `|` would end the cell, a newline the row. */
export function escapeCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function inline(text: string): string {
  return text.replace(/\r?\n/g, ' ');
}

function laneLine(item: LaneItem, labels: ExportLabels): string {
  const knownBy =
    typeof item === 'string' || item.knownBy === undefined
      ? ''
      : ` _(${labels.knownBy[laneItemKnownBy(item)]})_`;
  return `- ${inline(laneItemText(item))}${knownBy}`;
}

function kpiValue(value: number | undefined): string {
  return value === undefined ? '–' : String(value);
}

function kpiTable(kpis: readonly StageKpi[], labels: ExportLabels): string[] {
  const rows = kpis.map(
    (kpi) =>
      `| ${escapeCell(kpi.kpi)} | ${kpiValue(kpi.target)} | ${kpiValue(kpi.actual)} | ${escapeCell(kpi.note ?? '')} |`,
  );
  return [`| ${labels.kpi} | ${labels.target} | ${labels.actual} | |`, '|---|---:|---:|---|', ...rows];
}

function evidenceLine(evidence: Evidence): string {
  const parts: string[] = [evidence.source];
  if (evidence.date) parts.push(evidence.date);
  if (evidence.participants !== undefined) parts.push(`n=${evidence.participants}`);
  if (evidence.score !== undefined) parts.push(`score ${evidence.score}`);
  const body = [evidence.summary, evidence.quote ? `“${evidence.quote}”` : undefined]
    .filter(Boolean)
    .join(' ');
  return `- **${evidence.id}** (${parts.join(', ')})${body ? `: ${inline(body)}` : ''}`;
}

/**
 * The map as a Markdown document, for a wiki or a pull request: the map's header, then per stage
 * its goals, actions, objections and KPIs, and per step every lane. Labels follow the map's language.
 */
export function renderMarkdown(map: JourneyMap): string {
  const labels = exportLabels(map.language);
  const steps = placedSteps(map);
  const stepName = new Map(steps.map((placed) => [placed.step.id, placed.step.name]));
  const out: string[] = [`# ${inline(map.title)}`, ''];
  if (map.description) out.push(map.description, '');
  out.push(`**${labels.style}:** ${labels.styles[map.style]}`, '');
  if (map.scenario) out.push(`**${labels.scenario}:** ${inline(map.scenario)}`, '');
  out.push(`## ${labels.personas}`, '');
  for (const persona of map.personas) {
    out.push(`- **${inline(persona.name)}**${persona.description ? `: ${inline(persona.description)}` : ''}`);
    if (persona.quote) out.push(`  > ${inline(persona.quote)}`);
    for (const goal of persona.goals ?? []) out.push(`  - ${inline(goal)}`);
  }
  out.push('');

  const section = (title: string, lines: string[]): void => {
    if (lines.length > 0) out.push(`**${title}**`, '', ...lines, '');
  };
  const touchpointLine = (id: string): string => {
    const touchpoint = map.touchpoints?.find((t) => t.id === id);
    if (!touchpoint) return `- ${id}`;
    const mode = touchpoint.mode === 'online' ? labels.online : labels.offline;
    return `- ${inline(touchpoint.name)} (${touchpoint.channel}, ${mode})`;
  };
  const departmentName = (id: string): string => map.departments?.find((d) => d.id === id)?.name ?? id;
  const personaName = (id: string): string => map.personas.find((p) => p.id === id)?.name ?? id;

  const stepSection = (step: Step, next: string[]): void => {
    out.push(`### ${inline(step.name)}`, '');
    if (step.description) out.push(step.description, '');
    section(labels.touchpoints, (step.touchpoints ?? []).map(touchpointLine));
    section(
      labels.departments,
      (step.departments ?? []).map((id) => `- ${inline(departmentName(id))}`),
    );
    section(
      labels.thoughts,
      (step.thoughts ?? []).map((item) => laneLine(item, labels)),
    );
    section(
      labels.questions,
      (step.questions ?? []).map((item) => laneLine(item, labels)),
    );
    section(
      labels.motivations,
      (step.motivations ?? []).map((item) => laneLine(item, labels)),
    );
    section(
      labels.feeling,
      Object.entries(step.feelings ?? {}).map(
        ([persona, score]) => `- ${inline(personaName(persona))}: ${score > 0 ? '+' : ''}${score}`,
      ),
    );
    section(
      labels.painPoints,
      (step.painPoints ?? []).map((item) => laneLine(item, labels)),
    );
    section(
      labels.opportunities,
      (step.opportunities ?? []).map((item) => laneLine(item, labels)),
    );
    section(labels.evidence, (step.evidence ?? []).map(evidenceLine));
    const nextLines = next.map((id) => `- ${inline(stepName.get(id) ?? id)}`);
    section(
      labels.next,
      step.next !== undefined && next.length === 0 ? [`- _${labels.journeyEnds}_`] : nextLines,
    );
  };

  for (const stage of map.stages) {
    out.push(`## ${inline(stage.name)}`, '');
    if (stage.description) out.push(stage.description, '');
    if (stage.customerGoal) out.push(`**${labels.customerGoal}:** ${inline(stage.customerGoal)}`, '');
    if (stage.businessGoal) out.push(`**${labels.businessGoal}:** ${inline(stage.businessGoal)}`, '');
    section(
      labels.actions,
      (stage.actions ?? []).map((action) => `- ${inline(action)}`),
    );
    section(
      labels.objections,
      (stage.objections ?? []).map(
        (objection) =>
          `- ${inline(objection.objection)}${objection.remedy ? ` → ${labels.remedy}: ${inline(objection.remedy)}` : ''}`,
      ),
    );
    if (stage.kpis && stage.kpis.length > 0)
      out.push(`**${labels.kpis}**`, '', ...kpiTable(stage.kpis, labels), '');
    for (const placed of steps.filter((p) => p.stage === stage))
      stepSection(placed.step, nextStepIds(steps, placed));
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
