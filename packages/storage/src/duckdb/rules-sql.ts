/**
 * Match rules compiled to SQL predicates over the events table, with the meaning match.ts gives
 * them. Conditions on dictionary-encoded columns (channel, campaign) are decided in TypeScript
 * over the dictionary with the very same `conditionHolds`, and become `IN (codes)`.
 */
import { conditionHolds, type TrackedEvent } from '@touchline/analytics';
import type { MatchRule, PropertyCondition } from '@touchline/core';
import { sqlNumber, sqlString } from '../sql.ts';

/** The dictionaries a predicate needs: code -> name. */
export interface RuleDictionaries {
  events: readonly string[];
  channels: readonly string[];
  campaigns: readonly string[];
}

const TEXT_COLUMNS: Readonly<Record<string, string>> = { url: 'url', session_id: 'session_id' };
const NUMBER_COLUMNS: Readonly<Record<string, string>> = { revenue: 'revenue', value: 'value' };

function codeCondition(
  column: 'channel' | 'campaign',
  names: readonly string[],
  condition: PropertyCondition,
): string {
  const probe = (name: string | undefined): boolean =>
    conditionHolds({ userId: '', time: 0, event: '', [column]: name } as TrackedEvent, condition);
  const codes = names.flatMap((name, code) => (probe(name) ? [code] : []));
  const parts: string[] = [];
  if (codes.length > 0) parts.push(`${column} IN (${codes.join(', ')})`);
  if (probe(undefined)) parts.push(`${column} IS NULL`);
  return parts.length === 0 ? 'FALSE' : `(${parts.join(' OR ')})`;
}

function expectedValues(condition: PropertyCondition): (string | number | boolean)[] {
  const value = condition.value;
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** `actual` equals `expected` as match.ts's sameValue decides: numbers as numbers, else text. */
function equalsSql(text: string, expected: string | number | boolean): string {
  if (typeof expected === 'number') return `TRY_CAST(${text} AS DOUBLE) = ${sqlNumber(expected)}`;
  return `${text} = ${sqlString(String(expected))}`;
}

function textCondition(text: string, condition: PropertyCondition): string {
  const present = `(${text} IS NOT NULL AND ${text} <> '')`;
  const op = condition.op ?? 'eq';
  const [first] = expectedValues(condition);
  const expectedText = sqlString(String(first ?? ''));
  let test: string;
  switch (op) {
    case 'eq':
      test = first === undefined ? 'FALSE' : equalsSql(text, first);
      break;
    case 'neq':
      return `(NOT ${present} OR NOT COALESCE(${first === undefined ? 'FALSE' : equalsSql(text, first)}, FALSE))`;
    case 'contains':
      test = `contains(${text}, ${expectedText})`;
      break;
    case 'starts-with':
      test = `starts_with(${text}, ${expectedText})`;
      break;
    case 'regex':
      test = `regexp_matches(${text}, ${expectedText})`;
      break;
    case 'in': {
      const items = Array.isArray(condition.value) ? condition.value : [];
      test = items.length === 0 ? 'FALSE' : `(${items.map((item) => equalsSql(text, item)).join(' OR ')})`;
      break;
    }
    case 'exists':
      test = 'TRUE';
      break;
    case 'gt':
      test = `TRY_CAST(${text} AS DOUBLE) > ${sqlNumber(Number(first))}`;
      break;
    case 'lt':
      test = `TRY_CAST(${text} AS DOUBLE) < ${sqlNumber(Number(first))}`;
      break;
  }
  return `(${present} AND COALESCE(${test}, FALSE))`;
}

/** The SQL text of a property: its own column or a field of `properties`. */
function propertyText(property: string): string {
  const column = TEXT_COLUMNS[property];
  if (column) return column;
  const numeric = NUMBER_COLUMNS[property];
  // Whole numbers print without a fraction, as JavaScript's String(5) does.
  if (numeric) return `regexp_replace(CAST(${numeric} AS VARCHAR), '\\.0$', '')`;
  return `json_extract_string(properties, ${sqlString(`$.${JSON.stringify(property)}`)})`;
}

/** One condition as a SQL predicate. */
export function conditionSql(condition: PropertyCondition, dictionaries: RuleDictionaries): string {
  if (condition.property === 'channel') return codeCondition('channel', dictionaries.channels, condition);
  if (condition.property === 'campaign') return codeCondition('campaign', dictionaries.campaigns, condition);
  return textCondition(propertyText(condition.property), condition);
}

/** One rule as a SQL predicate: the event name's code, and every condition. */
export function ruleSql(rule: MatchRule, dictionaries: RuleDictionaries): string {
  const code = dictionaries.events.indexOf(rule.event);
  if (code === -1) return 'FALSE';
  const parts = [`event = ${code}`, ...(rule.where ?? []).map((c) => conditionSql(c, dictionaries))];
  return parts.length === 1 ? (parts[0] ?? 'FALSE') : `(${parts.join(' AND ')})`;
}

/** Any of the rules, as one predicate (`FALSE` for none). */
export function rulesSql(rules: readonly MatchRule[], dictionaries: RuleDictionaries): string {
  const parts = rules.map((rule) => ruleSql(rule, dictionaries)).filter((part) => part !== 'FALSE');
  if (parts.length === 0) return 'FALSE';
  return parts.length === 1 ? (parts[0] ?? 'FALSE') : `(${parts.join(' OR ')})`;
}
