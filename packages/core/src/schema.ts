import { z } from 'zod';
import { SLUG_PATTERN } from './ids.ts';
import { KPI_IDS } from './kpi/catalogue.ts';

/**
 * The journey map document, version 2 (the current one). Objects are strict, so a misspelt field
 * is reported instead of silently dropped. The schema has no transforms: what is parsed is what
 * was written, which keeps load -> save lossless.
 */
export const CURRENT_SCHEMA_VERSION = 2;

export const LANGUAGES = ['en', 'nl'] as const;
export const MAP_STYLES = ['current-state', 'future-state', 'service-blueprint', 'day-in-the-life'] as const;
export const KNOWN_BY = ['observed', 'assumed', 'proposed'] as const;
export const EVIDENCE_SOURCES = [
  'observation',
  'interview',
  'survey',
  'focus-group',
  'analytics',
  'other',
] as const;
/** Channels a touchpoint can be on; each has an icon in the renderer. */
export const CHANNELS = [
  'web',
  'app',
  'email',
  'search',
  'display',
  'social',
  'video',
  'audio',
  'phone',
  'chat',
  'store',
  'mail',
  'print',
  'delivery',
  'product',
  'word-of-mouth',
  'partner',
  'other',
] as const;
export const MATCH_OPERATORS = [
  'eq',
  'neq',
  'contains',
  'starts-with',
  'regex',
  'in',
  'exists',
  'gt',
  'lt',
] as const;

/** Lowest and highest emotion score: -2 (very negative) .. +2 (very positive). */
export const FEELING_MIN = -2;
export const FEELING_MAX = 2;

export const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'must be a slug: lower-case letters, digits and single hyphens, e.g. "clicks-ad"');

const text = z.string().min(1, 'must not be empty');

export const languageSchema = z.enum(LANGUAGES);
export const mapStyleSchema = z.enum(MAP_STYLES);
export const knownBySchema = z.enum(KNOWN_BY);
export const channelSchema = z.enum(CHANNELS);
export const kpiIdSchema = z.enum(KPI_IDS);

/** A research finding attached to a step: where it comes from, what was said, when. */
export const evidenceSchema = z.strictObject({
  id: slugSchema,
  source: z.enum(EVIDENCE_SOURCES),
  summary: text.optional(),
  quote: text.optional(),
  /** ISO date, `2026-03-14`. */
  date: z.iso.date('must be a date as YYYY-MM-DD').optional(),
  participants: z.number().int().positive().optional(),
  /** A survey score or similar number the finding carries. */
  score: z.number().optional(),
});

/**
 * One entry of a lane (a thought, a question, a pain point ...). Either plain text, or text with
 * how it is known and the evidence behind it.
 */
export const laneItemSchema = z.union([
  text,
  z.strictObject({
    text,
    knownBy: knownBySchema
      .optional()
      .describe('observed (backed by evidence), assumed, or proposed (future state).'),
    /** Ids of evidence on the same step. */
    evidence: z.array(slugSchema).optional(),
  }),
]);

export const LANE_KEYS = ['thoughts', 'questions', 'motivations', 'painPoints', 'opportunities'] as const;
export type LaneKey = (typeof LANE_KEYS)[number];

/** A condition on an event property: `{property: url, op: contains, value: /sale}`. */
export const propertyConditionSchema = z.strictObject({
  property: text,
  /** Defaults to `eq`. */
  op: z.enum(MATCH_OPERATORS).optional(),
  value: z
    .union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))])
    .optional(),
});

/** Which events count as this touchpoint: an event name plus property conditions (all must hold). */
export const matchRuleSchema = z.strictObject({
  event: text,
  where: z.array(propertyConditionSchema).optional(),
});

export const touchpointSchema = z.strictObject({
  id: slugSchema,
  name: text,
  channel: channelSchema,
  mode: z.enum(['online', 'offline']),
  /** Id of the owning department. */
  department: slugSchema.optional(),
  description: text.optional(),
  match: z
    .array(matchRuleSchema)
    .optional()
    .describe('Which events count as this touchpoint (any rule may match).'),
});

export const departmentSchema = z.strictObject({
  id: slugSchema,
  name: text,
  description: text.optional(),
});

export const personaSchema = z.strictObject({
  id: slugSchema,
  name: text,
  description: text.optional(),
  quote: text.optional(),
  goals: z.array(text).optional(),
});

/** A KPI of a stage: a catalogue id, the target, and the actual value once known. */
export const stageKpiSchema = z.strictObject({
  kpi: kpiIdSchema,
  target: z.number().optional(),
  actual: z.number().optional(),
  note: text.optional(),
});

/** An objection the customer may have in a stage, and how it is removed. */
export const objectionSchema = z.strictObject({
  id: slugSchema,
  objection: text,
  remedy: text.optional(),
  /** Department that owns removing it. */
  department: slugSchema.optional(),
  /** Touchpoint where it happens. */
  touchpoint: slugSchema.optional(),
  /** KPI (catalogue id) it should move. */
  kpi: kpiIdSchema.optional(),
  knownBy: knownBySchema.optional(),
});

/** A link from a step to a more detailed map (a sub-journey): its id or a relative file path. */
export const subJourneySchema = z.strictObject({
  map: text,
  step: slugSchema.optional(),
});

export const stepSchema = z.strictObject({
  id: slugSchema,
  name: text,
  description: text.optional(),
  /** Touchpoint ids used in this step. */
  touchpoints: z.array(slugSchema).optional(),
  /** Department ids responsible for this step, beyond those owning its touchpoints. */
  departments: z.array(slugSchema).optional(),
  /**
   * Step ids that can follow this one. Omitted: the step that follows in the document.
   * `[]`: the journey ends here. Several: the journey branches; an earlier step: it loops.
   */
  next: z
    .array(slugSchema)
    .optional()
    .describe(
      'Ids of the steps that can follow. Omitted: the next step in the file. []: the journey ends here.',
    ),
  thoughts: z.array(laneItemSchema).optional(),
  questions: z.array(laneItemSchema).optional(),
  motivations: z.array(laneItemSchema).optional(),
  painPoints: z.array(laneItemSchema).optional(),
  opportunities: z.array(laneItemSchema).optional(),
  /** Emotion score per persona id, from -2 (very negative) to +2 (very positive). */
  feelings: z
    .record(slugSchema, z.number().min(FEELING_MIN).max(FEELING_MAX))
    .optional()
    .describe('Emotion score per persona id, from -2 (very negative) to +2 (very positive).'),
  evidence: z.array(evidenceSchema).optional(),
  subJourney: subJourneySchema.optional(),
});

export const stageSchema = z.strictObject({
  id: slugSchema,
  name: text,
  description: text.optional(),
  customerGoal: text.optional().describe('What the customer tries to achieve in this stage.'),
  businessGoal: text.optional().describe('What the business tries to achieve in this stage.'),
  actions: z.array(text).optional(),
  objections: z.array(objectionSchema).optional(),
  kpis: z.array(stageKpiSchema).optional(),
  steps: z.array(stepSchema),
});

export const journeyMapSchema = z.strictObject({
  schemaVersion: z
    .literal(CURRENT_SCHEMA_VERSION)
    .describe('Version of this file format; older files are migrated on load.'),
  id: slugSchema,
  title: text,
  language: languageSchema.describe('Language of the map: labels in exports follow it.'),
  style: mapStyleSchema.describe(
    'current-state (how it is), future-state (how it should be), service-blueprint (with backstage), day-in-the-life.',
  ),
  scenario: text.optional(),
  description: text.optional(),
  personas: z
    .array(personaSchema)
    .min(1, 'a map needs at least one persona')
    .describe('Who the journey is about; each persona has its own feeling per step.'),
  departments: z
    .array(departmentSchema)
    .optional()
    .describe('Departments responsible for steps and touchpoints.'),
  touchpoints: z
    .array(touchpointSchema)
    .optional()
    .describe('Where customer and brand meet, each on a channel; steps reference them by id.'),
  stages: z
    .array(stageSchema)
    .min(1, 'a map needs at least one stage')
    .describe('The columns of the map, in order: awareness, consideration, purchase ...'),
});

export type Language = z.infer<typeof languageSchema>;
export type MapStyle = z.infer<typeof mapStyleSchema>;
export type KnownBy = z.infer<typeof knownBySchema>;
export type Channel = z.infer<typeof channelSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type LaneItem = z.infer<typeof laneItemSchema>;
export type PropertyCondition = z.infer<typeof propertyConditionSchema>;
export type MatchRule = z.infer<typeof matchRuleSchema>;
export type Touchpoint = z.infer<typeof touchpointSchema>;
export type Department = z.infer<typeof departmentSchema>;
export type Persona = z.infer<typeof personaSchema>;
export type StageKpi = z.infer<typeof stageKpiSchema>;
export type Objection = z.infer<typeof objectionSchema>;
export type SubJourney = z.infer<typeof subJourneySchema>;
export type Step = z.infer<typeof stepSchema>;
export type Stage = z.infer<typeof stageSchema>;
export type JourneyMap = z.infer<typeof journeyMapSchema>;

/** The text of a lane item, whichever form it was written in. */
export function laneItemText(item: LaneItem): string {
  return typeof item === 'string' ? item : item.text;
}

/** How a lane item is known; plain-text items count as `assumed`. */
export function laneItemKnownBy(item: LaneItem): KnownBy {
  return typeof item === 'string' ? 'assumed' : (item.knownBy ?? 'assumed');
}
