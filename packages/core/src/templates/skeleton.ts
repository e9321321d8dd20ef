import { type JourneyMap, LANE_KEYS, laneItemKnownBy } from '../schema.ts';

/** Everything about a map that is not text: ids, links, numbers, channels, event rules. */
export function mapSkeleton(map: JourneyMap): unknown {
  return {
    id: map.id,
    style: map.style,
    personas: map.personas.map((p) => p.id),
    departments: map.departments?.map((d) => d.id),
    touchpoints: map.touchpoints?.map((t) => [t.id, t.channel, t.mode, t.department, t.match]),
    stages: map.stages.map((stage) => ({
      id: stage.id,
      kpis: stage.kpis?.map((k) => [k.kpi, k.target, k.actual, k.note !== undefined]),
      objections: stage.objections?.map((o) => [o.id, o.department, o.touchpoint, o.kpi, o.knownBy]),
      actions: stage.actions?.length,
      steps: stage.steps.map((step) => ({
        id: step.id,
        next: step.next,
        touchpoints: step.touchpoints,
        departments: step.departments,
        feelings: step.feelings,
        subJourney: step.subJourney,
        evidence: step.evidence?.map((e) => [e.id, e.source, e.date, e.participants, e.score]),
        lanes: LANE_KEYS.map((lane) =>
          (step[lane] ?? []).map((item) => [
            laneItemKnownBy(item),
            typeof item === 'string' ? undefined : item.evidence,
          ]),
        ),
      })),
    })),
  };
}
