/**
 * Support for the editing tests. Random edits: a seeded generator of actions a person might send, mostly
 * aimed at what is in the map, sometimes at what is not (a missing id, a position past the end, an
 * empty name), so that both the operations and their refusals are exercised.
 */
import { KPI_IDS } from '../kpi/catalogue.ts';
import {
  CHANNELS,
  EVIDENCE_SOURCES,
  type JourneyMap,
  KNOWN_BY,
  LANE_KEYS,
  LANGUAGES,
  MAP_STYLES,
  type Stage,
  type Step,
} from '../schema.ts';
import { applyEdit, type EditAction, type EditActionOf, type EditActionType } from './actions.ts';
import { EditError } from './errors.ts';
import { stepTargets } from './steps.ts';

/** A small seeded generator (mulberry32): the same seed gives the same numbers everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = [
  'Checkout',
  'Pays with iDEAL',
  'Betaalt met iDEAL',
  'Ontvangt een e-mail',
  'Gaat naar de ĳssalon',
  'Zoekt één paar schoenen',
  'Reads reviews & compares prices',
  'A very long name that goes on and on about what the customer does at this point of the journey',
  '!!!',
  'x',
];

class Picker {
  constructor(
    private readonly random: () => number,
    readonly map: JourneyMap,
  ) {}

  chance(p: number): boolean {
    return this.random() < p;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }

  pick<T>(list: readonly T[]): T | undefined {
    return list[Math.floor(this.random() * list.length)];
  }

  /** An existing id most of the time, else one that is not in the map. */
  id(ids: readonly string[]): string {
    return (this.chance(0.92) ? this.pick(ids) : undefined) ?? 'not-in-the-map';
  }

  /** A position for a list of `length` items: mostly valid, sometimes just outside. */
  index(length: number): number {
    return this.chance(0.9) ? this.int(0, Math.max(0, length)) : (this.pick([-1, length + 1, 0.5]) as number);
  }

  name(): string {
    if (this.chance(0.05)) return this.pick(['', '   ']) as string;
    return this.pick(NAMES) as string;
  }

  optionalText(): string | null | undefined {
    const roll = this.random();
    if (roll < 0.3) return undefined;
    if (roll < 0.45) return null;
    if (roll < 0.5) return '';
    return this.name();
  }

  stage(): Stage | undefined {
    return this.chance(0.95) ? this.pick(this.map.stages) : undefined;
  }

  stageId(): string {
    return this.stage()?.id ?? 'not-a-stage';
  }

  step(): Step | undefined {
    return this.chance(0.95) ? this.pick(this.map.stages.flatMap((stage) => stage.steps)) : undefined;
  }

  stepId(): string {
    return this.step()?.id ?? 'not-a-step';
  }

  touchpointId(): string {
    return this.id((this.map.touchpoints ?? []).map((t) => t.id));
  }

  departmentId(): string {
    return this.id((this.map.departments ?? []).map((d) => d.id));
  }

  personaId(): string {
    return this.id(this.map.personas.map((p) => p.id));
  }

  lane() {
    return this.pick(LANE_KEYS) ?? 'thoughts';
  }

  kpi() {
    return this.pick(KPI_IDS) ?? 'ctr';
  }

  /** A KPI the stage has, mostly. */
  stageKpi(stage: Stage | undefined) {
    return (this.chance(0.85) ? this.pick(stage?.kpis ?? [])?.kpi : undefined) ?? this.kpi();
  }

  evidenceId(step: Step | undefined): string {
    return this.id((step?.evidence ?? []).map((e) => e.id));
  }

  objectionId(stage: Stage | undefined): string {
    return this.id((stage?.objections ?? []).map((o) => o.id));
  }

  score(): number {
    return this.chance(0.95) ? this.int(-4, 4) / 2 : (this.pick([3, -2.5, 0.25]) as number);
  }
}

type Generators = { [K in EditActionType]: (p: Picker) => EditActionOf<K> };

/** One generator per action type: the type checker makes sure none is left out. */
const GENERATORS: Generators = {
  renameMap: (p) => ({ type: 'renameMap', title: p.name() }),
  describeMap: (p) => ({ type: 'describeMap', scenario: p.optionalText(), description: p.optionalText() }),
  setMapStyle: (p) => ({ type: 'setMapStyle', style: p.pick(MAP_STYLES) ?? 'future-state' }),
  setMapLanguage: (p) => ({ type: 'setMapLanguage', language: p.pick(LANGUAGES) ?? 'nl' }),
  addStage: (p) => ({ type: 'addStage', name: p.name(), ...(p.chance(0.5) ? { index: p.index(4) } : {}) }),
  renameStage: (p) => ({ type: 'renameStage', stageId: p.stageId(), name: p.name() }),
  describeStage: (p) => ({
    type: 'describeStage',
    stageId: p.stageId(),
    description: p.optionalText(),
    customerGoal: p.optionalText(),
    businessGoal: p.optionalText(),
  }),
  moveStage: (p) => ({ type: 'moveStage', stageId: p.stageId(), index: p.index(4) }),
  deleteStage: (p) => ({ type: 'deleteStage', stageId: p.stageId() }),
  addKpi: (p) => ({ type: 'addKpi', stageId: p.stageId(), kpi: p.kpi(), target: p.int(0, 100) / 10 }),
  editKpi: (p) => {
    const stage = p.stage();
    return {
      type: 'editKpi',
      stageId: stage?.id ?? 'not-a-stage',
      kpi: p.stageKpi(stage),
      target: p.chance(0.2) ? null : p.int(0, 100) / 10,
      ...(p.chance(0.3) ? { note: p.optionalText() } : {}),
    };
  },
  removeKpi: (p) => {
    const stage = p.stage();
    return { type: 'removeKpi', stageId: stage?.id ?? 'not-a-stage', kpi: p.stageKpi(stage) };
  },
  moveKpi: (p) => {
    const stage = p.stage();
    return {
      type: 'moveKpi',
      stageId: stage?.id ?? 'not-a-stage',
      kpi: p.stageKpi(stage),
      index: p.index(stage?.kpis?.length ?? 0),
    };
  },
  addObjection: (p) => {
    const stage = p.stage();
    return {
      type: 'addObjection',
      stageId: stage?.id ?? 'not-a-stage',
      objection: p.name(),
      ...(p.chance(0.5) ? { remedy: p.name() } : {}),
      ...(p.chance(0.4) ? { department: p.departmentId() } : {}),
      ...(p.chance(0.4) ? { touchpoint: p.touchpointId() } : {}),
      ...(p.chance(0.4) ? { kpi: p.stageKpi(stage) } : {}),
      ...(p.chance(0.4) ? { knownBy: p.pick(KNOWN_BY) ?? 'assumed' } : {}),
    };
  },
  editObjection: (p) => {
    const stage = p.stage();
    return {
      type: 'editObjection',
      stageId: stage?.id ?? 'not-a-stage',
      objectionId: p.objectionId(stage),
      ...(p.chance(0.4) ? { objection: p.name() } : {}),
      ...(p.chance(0.3) ? { remedy: p.optionalText() } : {}),
      ...(p.chance(0.3) ? { department: p.chance(0.3) ? null : p.departmentId() } : {}),
      ...(p.chance(0.3) ? { touchpoint: p.chance(0.3) ? null : p.touchpointId() } : {}),
      ...(p.chance(0.3) ? { kpi: p.chance(0.3) ? null : p.stageKpi(stage) } : {}),
    };
  },
  removeObjection: (p) => {
    const stage = p.stage();
    return {
      type: 'removeObjection',
      stageId: stage?.id ?? 'not-a-stage',
      objectionId: p.objectionId(stage),
    };
  },
  moveObjection: (p) => {
    const stage = p.stage();
    return {
      type: 'moveObjection',
      stageId: stage?.id ?? 'not-a-stage',
      objectionId: p.objectionId(stage),
      index: p.index(stage?.objections?.length ?? 0),
    };
  },
  addStageAction: (p) => ({ type: 'addStageAction', stageId: p.stageId(), text: p.name() }),
  editStageAction: (p) => {
    const stage = p.stage();
    return {
      type: 'editStageAction',
      stageId: stage?.id ?? 'not-a-stage',
      index: p.index((stage?.actions?.length ?? 1) - 1),
      text: p.name(),
    };
  },
  removeStageAction: (p) => {
    const stage = p.stage();
    return {
      type: 'removeStageAction',
      stageId: stage?.id ?? 'not-a-stage',
      index: p.index((stage?.actions?.length ?? 1) - 1),
    };
  },
  moveStageAction: (p) => {
    const stage = p.stage();
    const last = (stage?.actions?.length ?? 1) - 1;
    return {
      type: 'moveStageAction',
      stageId: stage?.id ?? 'not-a-stage',
      index: p.index(last),
      toIndex: p.index(last),
    };
  },
  addStep: (p) => {
    const stage = p.stage();
    return {
      type: 'addStep',
      stageId: stage?.id ?? 'not-a-stage',
      name: p.name(),
      ...(p.chance(0.6) ? { index: p.index(stage?.steps.length ?? 0) } : {}),
    };
  },
  renameStep: (p) => ({ type: 'renameStep', stepId: p.stepId(), name: p.name() }),
  describeStep: (p) => ({ type: 'describeStep', stepId: p.stepId(), description: p.optionalText() ?? null }),
  moveStep: (p) => {
    const stage = p.chance(0.5) ? p.stage() : undefined;
    return {
      type: 'moveStep',
      stepId: p.stepId(),
      ...(stage ? { stageId: stage.id } : {}),
      ...(p.chance(0.8) ? { index: p.index(stage?.steps.length ?? 2) } : {}),
    };
  },
  deleteStep: (p) => ({ type: 'deleteStep', stepId: p.stepId() }),
  linkSteps: (p) => ({ type: 'linkSteps', stepId: p.stepId(), toStepId: p.stepId() }),
  unlinkSteps: (p) => {
    const step = p.step();
    const target = (step && p.chance(0.7) ? p.pick(stepTargets(p.map, step.id)) : undefined) ?? p.stepId();
    return { type: 'unlinkSteps', stepId: step?.id ?? 'not-a-step', toStepId: target };
  },
  setStepNext: (p) => ({
    type: 'setStepNext',
    stepId: p.stepId(),
    next: p.chance(0.3) ? null : Array.from({ length: p.int(0, 2) }, () => p.stepId()),
  }),
  addTouchpoint: (p) => ({
    type: 'addTouchpoint',
    name: p.name(),
    channel: p.pick(CHANNELS) ?? 'web',
    mode: p.chance(0.5) ? 'online' : 'offline',
    ...(p.chance(0.5) ? { department: p.departmentId() } : {}),
  }),
  editTouchpoint: (p) => ({
    type: 'editTouchpoint',
    touchpointId: p.touchpointId(),
    ...(p.chance(0.5) ? { name: p.name() } : {}),
    ...(p.chance(0.3) ? { channel: p.pick(CHANNELS) ?? 'web' } : {}),
    ...(p.chance(0.3) ? { mode: p.chance(0.5) ? 'online' : 'offline' } : {}),
    ...(p.chance(0.3) ? { department: p.chance(0.3) ? null : p.departmentId() } : {}),
    ...(p.chance(0.3) ? { description: p.optionalText() } : {}),
  }),
  deleteTouchpoint: (p) => ({ type: 'deleteTouchpoint', touchpointId: p.touchpointId() }),
  attachTouchpoint: (p) => ({ type: 'attachTouchpoint', stepId: p.stepId(), touchpointId: p.touchpointId() }),
  detachTouchpoint: (p) => {
    const step = p.step();
    const touchpoint = (p.chance(0.8) ? p.pick(step?.touchpoints ?? []) : undefined) ?? p.touchpointId();
    return { type: 'detachTouchpoint', stepId: step?.id ?? 'not-a-step', touchpointId: touchpoint };
  },
  addDepartment: (p) => ({ type: 'addDepartment', name: p.name() }),
  editDepartment: (p) => ({
    type: 'editDepartment',
    departmentId: p.departmentId(),
    ...(p.chance(0.6) ? { name: p.name() } : {}),
    ...(p.chance(0.4) ? { description: p.optionalText() } : {}),
  }),
  deleteDepartment: (p) => ({ type: 'deleteDepartment', departmentId: p.departmentId() }),
  assignDepartment: (p) => ({ type: 'assignDepartment', stepId: p.stepId(), departmentId: p.departmentId() }),
  unassignDepartment: (p) => {
    const step = p.step();
    const department = (p.chance(0.8) ? p.pick(step?.departments ?? []) : undefined) ?? p.departmentId();
    return { type: 'unassignDepartment', stepId: step?.id ?? 'not-a-step', departmentId: department };
  },
  addPersona: (p) => ({
    type: 'addPersona',
    name: p.name(),
    ...(p.chance(0.3) ? { goals: [p.name()] } : {}),
  }),
  editPersona: (p) => ({
    type: 'editPersona',
    personaId: p.personaId(),
    ...(p.chance(0.5) ? { name: p.name() } : {}),
    ...(p.chance(0.3) ? { quote: p.optionalText() } : {}),
    ...(p.chance(0.3) ? { goals: p.chance(0.3) ? null : [p.name()] } : {}),
  }),
  movePersona: (p) => ({ type: 'movePersona', personaId: p.personaId(), index: p.index(2) }),
  deletePersona: (p) => ({ type: 'deletePersona', personaId: p.personaId() }),
  addLaneItem: (p) => {
    const step = p.step();
    return {
      type: 'addLaneItem',
      stepId: step?.id ?? 'not-a-step',
      lane: p.lane(),
      text: p.name(),
      ...(p.chance(0.5) ? { knownBy: p.pick(KNOWN_BY) ?? 'observed' } : {}),
      ...(p.chance(0.3) ? { evidence: [p.evidenceId(step)] } : {}),
    };
  },
  editLaneItem: (p) => {
    const step = p.step();
    const lane = p.lane();
    return {
      type: 'editLaneItem',
      stepId: step?.id ?? 'not-a-step',
      lane,
      index: p.index((step?.[lane]?.length ?? 1) - 1),
      ...(p.chance(0.6) ? { text: p.name() } : {}),
      ...(p.chance(0.3) ? { knownBy: p.chance(0.3) ? null : (p.pick(KNOWN_BY) ?? 'observed') } : {}),
      ...(p.chance(0.2) ? { evidence: p.chance(0.3) ? null : [p.evidenceId(step)] } : {}),
    };
  },
  removeLaneItem: (p) => {
    const step = p.step();
    const lane = p.lane();
    return {
      type: 'removeLaneItem',
      stepId: step?.id ?? 'not-a-step',
      lane,
      index: p.index((step?.[lane]?.length ?? 1) - 1),
    };
  },
  moveLaneItem: (p) => {
    const step = p.step();
    const lane = p.lane();
    return {
      type: 'moveLaneItem',
      stepId: step?.id ?? 'not-a-step',
      lane,
      index: p.index((step?.[lane]?.length ?? 1) - 1),
      ...(p.chance(0.4) ? { toStepId: p.stepId() } : {}),
      ...(p.chance(0.4) ? { toLane: p.lane() } : {}),
      ...(p.chance(0.6) ? { toIndex: p.index(1) } : {}),
    };
  },
  addEvidence: (p) => ({
    type: 'addEvidence',
    stepId: p.stepId(),
    source: p.pick(EVIDENCE_SOURCES) ?? 'interview',
    ...(p.chance(0.5) ? { summary: p.name() } : {}),
    ...(p.chance(0.3) ? { date: p.pick(['2026-03-14', '2026-02-30', 'last week']) } : {}),
    ...(p.chance(0.3) ? { participants: p.pick([12, 0, 2.5]) } : {}),
  }),
  editEvidence: (p) => {
    const step = p.step();
    return {
      type: 'editEvidence',
      stepId: step?.id ?? 'not-a-step',
      evidenceId: p.evidenceId(step),
      ...(p.chance(0.5) ? { quote: p.optionalText() } : {}),
      ...(p.chance(0.3) ? { score: p.chance(0.3) ? null : p.int(0, 10) } : {}),
      ...(p.chance(0.3) ? { source: p.pick(EVIDENCE_SOURCES) ?? 'survey' } : {}),
    };
  },
  removeEvidence: (p) => {
    const step = p.step();
    return { type: 'removeEvidence', stepId: step?.id ?? 'not-a-step', evidenceId: p.evidenceId(step) };
  },
  moveEvidence: (p) => {
    const step = p.step();
    return {
      type: 'moveEvidence',
      stepId: step?.id ?? 'not-a-step',
      evidenceId: p.evidenceId(step),
      index: p.index((step?.evidence?.length ?? 1) - 1),
    };
  },
  setFeeling: (p) => ({ type: 'setFeeling', stepId: p.stepId(), personaId: p.personaId(), score: p.score() }),
  clearFeeling: (p) => {
    const step = p.step();
    const persona = (p.chance(0.8) ? p.pick(Object.keys(step?.feelings ?? {})) : undefined) ?? p.personaId();
    return { type: 'clearFeeling', stepId: step?.id ?? 'not-a-step', personaId: persona };
  },
};

/**
 * How often each type is drawn, against 1 for the rest: deleting a stage takes all its steps, so
 * deletes are rarer and adds more common, which keeps a long sequence working on a full map.
 */
const WEIGHTS: Partial<Record<EditActionType, number>> = {
  deleteStage: 0.25,
  deleteStep: 0.6,
  deletePersona: 0.5,
  deleteTouchpoint: 0.5,
  addStep: 2,
  addLaneItem: 2,
  addEvidence: 1.5,
  linkSteps: 1.5,
  unlinkSteps: 1.5,
};

const TYPES = Object.keys(GENERATORS) as EditActionType[];
const TOTAL_WEIGHT = TYPES.reduce((sum, type) => sum + (WEIGHTS[type] ?? 1), 0);

/** A random action for `map`, drawn with `random` (see {@link seededRandom}). */
export function randomEdit(map: JourneyMap, random: () => number): EditAction {
  const picker = new Picker(random, map);
  let roll = random() * TOTAL_WEIGHT;
  let type: EditActionType = 'renameMap';
  for (const candidate of TYPES) {
    type = candidate;
    roll -= WEIGHTS[candidate] ?? 1;
    if (roll < 0) break;
  }
  return (GENERATORS[type] as (p: Picker) => EditAction)(picker);
}

/** Freezes a map and everything in it, so an operation that writes into its input throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** What applying `action` gives: `"applied"`, or the refusal as `"code: message"`. */
export function outcomeOf(map: JourneyMap, action: EditAction): string {
  try {
    applyEdit(map, action);
    return 'applied';
  } catch (error) {
    if (error instanceof EditError) return `${error.code}: ${error.message}`;
    throw error;
  }
}
