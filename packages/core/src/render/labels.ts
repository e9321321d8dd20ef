import type { EVIDENCE_SOURCES, KnownBy, Language, MapStyle } from '../schema.ts';
import type { LaneId } from './types.ts';

type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** Every word the renderer writes itself, in one language. */
export interface RenderLabels {
  lanes: Record<LaneId, string>;
  stages: string;
  customerGoal: string;
  businessGoal: string;
  target: string;
  actual: string;
  persona: string;
  personas: string;
  scenario: string;
  style: string;
  styles: Record<MapStyle, string>;
  knownBy: Record<KnownBy, string>;
  online: string;
  offline: string;
  legend: string;
  evidenceSources: Record<EvidenceSource, string>;
  /** Marker on a step that branches. */
  routes: (count: number) => string;
  /** Marker on a step that loops back. */
  backTo: (stepName: string) => string;
  /** Marker on a step with a more detailed map. */
  subJourney: string;
  /** Marker on a step where the journey ends. */
  journeyEnds: string;
  participants: (count: number) => string;
  score: string;
}

/** The renderer's labels in English and Dutch; the map's `language` picks one. */
export const RENDER_LABELS: { en: RenderLabels; nl: RenderLabels } = {
  en: {
    lanes: {
      steps: 'Steps',
      touchpoints: 'Touchpoints',
      departments: 'Departments',
      thoughts: 'Thoughts',
      questions: 'Questions',
      motivations: 'Motivations',
      feelings: 'Feelings',
      painPoints: 'Pain points',
      opportunities: 'Opportunities',
      evidence: 'Research',
      kpis: 'KPIs',
    },
    stages: 'Stages',
    customerGoal: 'Customer goal',
    businessGoal: 'Business goal',
    target: 'Target',
    actual: 'Actual',
    persona: 'Persona',
    personas: 'Personas',
    scenario: 'Scenario',
    style: 'Style',
    styles: {
      'current-state': 'Current state',
      'future-state': 'Future state',
      'service-blueprint': 'Service blueprint',
      'day-in-the-life': 'Day in the life',
    },
    knownBy: { observed: 'Observed', assumed: 'Assumed', proposed: 'Proposed' },
    online: 'Online',
    offline: 'Offline',
    legend: 'Legend',
    evidenceSources: {
      observation: 'Observation',
      interview: 'Interview',
      survey: 'Survey',
      'focus-group': 'Focus group',
      analytics: 'Analytics',
      other: 'Other',
    },
    routes: (count) => `${count} routes`,
    backTo: (stepName) => `back to ${stepName}`,
    subJourney: 'Sub-journey',
    journeyEnds: 'Journey ends',
    participants: (count) => (count === 1 ? '1 participant' : `${count} participants`),
    score: 'Score',
  },
  nl: {
    lanes: {
      steps: 'Stappen',
      touchpoints: 'Touchpoints',
      departments: 'Afdelingen',
      thoughts: 'Gedachten',
      questions: 'Vragen',
      motivations: 'Motivaties',
      feelings: 'Gevoel',
      painPoints: 'Pijnpunten',
      opportunities: 'Kansen',
      evidence: 'Onderzoek',
      kpis: "KPI's",
    },
    stages: 'Fasen',
    customerGoal: 'Klantdoel',
    businessGoal: 'Bedrijfsdoel',
    target: 'Doel',
    actual: 'Werkelijk',
    persona: 'Persona',
    personas: "Persona's",
    scenario: 'Scenario',
    style: 'Stijl',
    styles: {
      'current-state': 'Huidige situatie',
      'future-state': 'Gewenste situatie',
      'service-blueprint': 'Service blueprint',
      'day-in-the-life': 'Een dag uit het leven',
    },
    knownBy: { observed: 'Waargenomen', assumed: 'Aangenomen', proposed: 'Voorgesteld' },
    online: 'Online',
    offline: 'Offline',
    legend: 'Legenda',
    evidenceSources: {
      observation: 'Observatie',
      interview: 'Interview',
      survey: 'Enquête',
      'focus-group': 'Focusgroep',
      analytics: 'Analytics',
      other: 'Overig',
    },
    routes: (count) => `${count} routes`,
    backTo: (stepName) => `terug naar ${stepName}`,
    subJourney: 'Deelreis',
    journeyEnds: 'Einde van de reis',
    participants: (count) => (count === 1 ? '1 deelnemer' : `${count} deelnemers`),
    score: 'Score',
  },
};

/** The labels for a map's language. */
export function renderLabels(language: Language): RenderLabels {
  return RENDER_LABELS[language];
}
