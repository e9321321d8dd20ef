/**
 * Which events count as a touchpoint, step or stage: the map's match rules, their meaning, and
 * the reference resolution that lets a funnel name map ids instead of event names.
 *
 * A rule matches an event when the names are equal and every `where` condition holds. Property
 * names `channel`, `campaign`, `url`, `session_id`, `revenue` and `value` read the event's own
 * fields; any other name reads `properties`. Operators: `eq` (default) and `neq` compare as text
 * (numbers as numbers); `contains` and `starts-with` on text; `regex` searches the text; `in` takes
 * a list; `exists` needs a non-empty value; `gt` and `lt` compare numbers. A missing property
 * fails every operator except `neq`.
 */
import { type JourneyMap, type MatchRule, type PropertyCondition, placedSteps } from '@touchline/core';
import type { TrackedEvent } from './events.ts';

export const FIELD_PROPERTIES = ['channel', 'campaign', 'url', 'session_id', 'revenue', 'value'] as const;

/** The value of a property of an event, whether a field of its own or a free property. */
export function propertyValue(event: TrackedEvent, property: string): unknown {
  switch (property) {
    case 'channel':
      return event.channel;
    case 'campaign':
      return event.campaign;
    case 'url':
      return event.url;
    case 'session_id':
      return event.sessionId;
    case 'revenue':
      return event.revenue;
    case 'value':
      return event.value;
    default:
      return event.properties?.[property];
  }
}

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

function sameValue(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number') return Number(actual) === expected;
  return String(actual) === String(expected);
}

/** Whether one condition holds for an event. */
export function conditionHolds(event: TrackedEvent, condition: PropertyCondition): boolean {
  const actual = propertyValue(event, condition.property);
  const op = condition.op ?? 'eq';
  if (!isPresent(actual)) return op === 'neq';
  const expected = condition.value;
  const text = String(actual);
  switch (op) {
    case 'eq':
      return sameValue(actual, expected);
    case 'neq':
      return !sameValue(actual, expected);
    case 'contains':
      return text.includes(String(expected ?? ''));
    case 'starts-with':
      return text.startsWith(String(expected ?? ''));
    case 'regex':
      return new RegExp(String(expected ?? '')).test(text);
    case 'in':
      return Array.isArray(expected) && expected.some((item) => sameValue(actual, item));
    case 'exists':
      return true;
    case 'gt':
      return Number(actual) > Number(expected);
    case 'lt':
      return Number(actual) < Number(expected);
  }
}

/** Whether an event matches a rule: same name, every condition holds. */
export function ruleMatches(event: TrackedEvent, rule: MatchRule): boolean {
  return event.event === rule.event && (rule.where ?? []).every((c) => conditionHolds(event, c));
}

/** Whether an event matches any of the rules. */
export function anyRuleMatches(event: TrackedEvent, rules: readonly MatchRule[]): boolean {
  return rules.some((rule) => ruleMatches(event, rule));
}

export type ReferenceKind = 'event' | 'touchpoint' | 'step' | 'stage';

export interface ResolvedReference {
  ref: string;
  kind: ReferenceKind;
  rules: MatchRule[];
}

/** The match rules of the touchpoints a set of steps uses, without duplicates. */
function rulesOfTouchpoints(map: JourneyMap, touchpointIds: Iterable<string>): MatchRule[] {
  const rules: MatchRule[] = [];
  const seen = new Set<string>();
  for (const id of touchpointIds) {
    const touchpoint = map.touchpoints?.find((t) => t.id === id);
    for (const rule of touchpoint?.match ?? []) {
      const key = JSON.stringify(rule);
      if (!seen.has(key)) {
        seen.add(key);
        rules.push(rule);
      }
    }
  }
  return rules;
}

/** The match rules of one touchpoint (an empty list when it has none). */
export function touchpointRules(map: JourneyMap, touchpointId: string): MatchRule[] {
  return rulesOfTouchpoints(map, [touchpointId]);
}

/** The rules of every touchpoint a step uses. */
export function stepRules(map: JourneyMap, stepId: string): MatchRule[] {
  const placed = placedSteps(map).find((p) => p.step.id === stepId);
  return rulesOfTouchpoints(map, placed?.step.touchpoints ?? []);
}

/** The rules of every touchpoint the steps of a stage use. */
export function stageRules(map: JourneyMap, stageId: string): MatchRule[] {
  const stage = map.stages.find((s) => s.id === stageId);
  return rulesOfTouchpoints(
    map,
    (stage?.steps ?? []).flatMap((step) => step.touchpoints ?? []),
  );
}

/**
 * What a funnel step or path filter names: a touchpoint, step or stage id of the map (in that
 * order of precedence), or else an event name.
 */
export function resolveReference(ref: string, map?: JourneyMap): ResolvedReference {
  if (map) {
    if (map.touchpoints?.some((t) => t.id === ref)) {
      return { ref, kind: 'touchpoint', rules: touchpointRules(map, ref) };
    }
    if (placedSteps(map).some((p) => p.step.id === ref)) {
      return { ref, kind: 'step', rules: stepRules(map, ref) };
    }
    if (map.stages.some((s) => s.id === ref)) return { ref, kind: 'stage', rules: stageRules(map, ref) };
  }
  return { ref, kind: 'event', rules: [{ event: ref }] };
}
