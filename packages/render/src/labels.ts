import type { KnownBy, Language, MapStyle } from '@touchline/core';

/** Words the text exports print, in each map language. */
export interface ExportLabels {
  personas: string;
  scenario: string;
  style: string;
  styles: Record<MapStyle, string>;
  description: string;
  customerGoal: string;
  businessGoal: string;
  actions: string;
  objections: string;
  remedy: string;
  kpis: string;
  kpi: string;
  target: string;
  actual: string;
  touchpoints: string;
  departments: string;
  thoughts: string;
  questions: string;
  motivations: string;
  feeling: string;
  painPoints: string;
  opportunities: string;
  evidence: string;
  next: string;
  journeyEnds: string;
  knownBy: Record<KnownBy, string>;
  online: string;
  offline: string;
  department: string;
  stage: string;
  step: string;
  handOffs: string;
  ownsTouchpoint: string;
  listedOnStep: string;
  page: string;
  customer: string;
  importedTitle: string;
}

const en: ExportLabels = {
  personas: 'Personas',
  scenario: 'Scenario',
  style: 'Style',
  styles: {
    'current-state': 'current state',
    'future-state': 'future state',
    'service-blueprint': 'service blueprint',
    'day-in-the-life': 'day in the life',
  },
  description: 'Description',
  customerGoal: 'Customer goal',
  businessGoal: 'Business goal',
  actions: 'Actions',
  objections: 'Objections',
  remedy: 'remedy',
  kpis: 'KPIs',
  kpi: 'KPI',
  target: 'Target',
  actual: 'Actual',
  touchpoints: 'Touchpoints',
  departments: 'Departments',
  thoughts: 'Thoughts',
  questions: 'Questions',
  motivations: 'Motivations',
  feeling: 'Feeling',
  painPoints: 'Pain points',
  opportunities: 'Opportunities',
  evidence: 'Evidence',
  next: 'Next steps',
  journeyEnds: 'the journey ends here',
  knownBy: { observed: 'observed', assumed: 'assumed', proposed: 'proposed' },
  online: 'online',
  offline: 'offline',
  department: 'Department',
  stage: 'Stage',
  step: 'step',
  handOffs: 'Hand-offs',
  ownsTouchpoint: 'touchpoint',
  listedOnStep: 'step',
  page: 'page',
  customer: 'Customer',
  importedTitle: 'Imported journey',
};

const nl: ExportLabels = {
  personas: 'Persona’s',
  scenario: 'Scenario',
  style: 'Stijl',
  styles: {
    'current-state': 'huidige situatie',
    'future-state': 'gewenste situatie',
    'service-blueprint': 'service blueprint',
    'day-in-the-life': 'dag uit het leven',
  },
  description: 'Beschrijving',
  customerGoal: 'Doel van de klant',
  businessGoal: 'Doel van het bedrijf',
  actions: 'Acties',
  objections: 'Bezwaren',
  remedy: 'oplossing',
  kpis: 'KPI’s',
  kpi: 'KPI',
  target: 'Doel',
  actual: 'Werkelijk',
  touchpoints: 'Touchpoints',
  departments: 'Afdelingen',
  thoughts: 'Gedachten',
  questions: 'Vragen',
  motivations: 'Motivaties',
  feeling: 'Gevoel',
  painPoints: 'Pijnpunten',
  opportunities: 'Kansen',
  evidence: 'Onderbouwing',
  next: 'Volgende stappen',
  journeyEnds: 'de reis eindigt hier',
  knownBy: { observed: 'waargenomen', assumed: 'aangenomen', proposed: 'voorgesteld' },
  online: 'online',
  offline: 'offline',
  department: 'Afdeling',
  stage: 'Fase',
  step: 'stap',
  handOffs: 'Overdrachten',
  ownsTouchpoint: 'touchpoint',
  listedOnStep: 'stap',
  page: 'pagina',
  customer: 'Klant',
  importedTitle: 'Geïmporteerde klantreis',
};

/** The export labels for a map language. */
export function exportLabels(language: Language): ExportLabels {
  return language === 'nl' ? nl : en;
}
