/**
 * A map for the tests of the text exports (Markdown, CSV, Mermaid, department matrix): every lane
 * filled, two personas, a branch, a loop back, an explicit end, an empty stage, and names with the
 * characters that trip each format up (| : ; # newlines) and the Dutch letters ë, ï, é and ĳ.
 */
import type { JourneyMap } from '@touchline/core';

export function richDutchMap(): JourneyMap {
  return {
    schemaVersion: 2,
    id: 'schoenen-kopen',
    title: 'Schoenen kopen: één klantreis',
    language: 'nl',
    style: 'current-state',
    scenario: 'Iemand wil nieuwe schoenen en koopt ze online',
    description: 'De reis van advertentie tot review.',
    personas: [
      {
        id: 'koper',
        name: 'Schoenenkoper',
        description: 'Wil comfortabele schoenen',
        goals: ['Goede pasvorm'],
      },
      { id: 'cadeau-koper', name: 'Cadeaukoper' },
    ],
    departments: [
      { id: 'marketing', name: 'Marketing' },
      { id: 'cs', name: 'Klantenservice' },
      { id: 'logistiek', name: 'Logistiek' },
      { id: 'e-shop', name: 'E-shopbeheer' },
    ],
    touchpoints: [
      { id: 'advertentie', name: 'Advertentie', channel: 'display', mode: 'online', department: 'marketing' },
      { id: 'lp', name: 'Landingspagina (actie)', channel: 'web', mode: 'online', department: 'e-shop' },
      { id: 'winkelwagen', name: 'Winkelwagen', channel: 'web', mode: 'online' },
      {
        id: 'pakket',
        name: 'Pakket, met pakbon',
        channel: 'delivery',
        mode: 'offline',
        department: 'logistiek',
      },
      { id: 'hotline', name: 'Hotline', channel: 'phone', mode: 'offline', department: 'cs' },
    ],
    stages: [
      {
        id: 'overweging',
        name: 'Overweging',
        description: 'Vergelijken | kiezen',
        customerGoal: 'De juiste schoen vinden',
        businessGoal: 'Interesse wekken',
        actions: ['Online advertenties', 'SEO'],
        objections: [
          { id: 'te-duur', objection: 'Te duur?', remedy: 'Kortingscode tonen', department: 'marketing' },
          { id: 'maat', objection: 'Past het wel?' },
        ],
        kpis: [
          { kpi: 'ctr', target: 0.02, actual: 0.015 },
          { kpi: 'cpc', target: 0.4, note: 'Alleen betaalde kanalen' },
        ],
        steps: [
          {
            id: 'ziet-advertentie',
            name: 'Ziet advertentie',
            description: 'Op Instagram,\nin de avond',
            touchpoints: ['advertentie'],
            thoughts: [
              'Mooie schoenen!',
              { text: 'Zijn ze duurzaam?', knownBy: 'observed', evidence: ['int-1'] },
            ],
            questions: ['Wat kosten ze? | in euro'],
            motivations: [{ text: 'Oude schoenen zijn versleten', knownBy: 'assumed' }],
            feelings: { koper: 1, 'cadeau-koper': 0.5 },
            opportunities: [{ text: 'Maattabel in de advertentie', knownBy: 'proposed' }],
            evidence: [
              {
                id: 'int-1',
                source: 'interview',
                quote: 'Ik let op duurzaamheid',
                summary: 'Duurzaamheid telt',
                date: '2026-03-14',
                participants: 8,
              },
              { id: 'enquete', source: 'survey', score: 7.5 },
            ],
          },
          {
            id: 'klikt-door',
            name: 'Klikt door naar landingspagina',
            touchpoints: ['advertentie', 'lp'],
            departments: ['marketing'],
            feelings: { koper: 2 },
          },
        ],
      },
      {
        id: 'ideeen',
        name: 'Ideeën',
        steps: [
          {
            id: 'bekijkt-shop',
            name: 'Bekijkt de e-shop',
            touchpoints: ['lp', 'winkelwagen'],
            departments: ['e-shop'],
            next: ['rekent-af', 'bewaart-winkelwagen'],
            feelings: { koper: 0 },
            painPoints: ['Filter op maat ontbreekt'],
          },
          {
            id: 'bewaart-winkelwagen',
            name: 'Bewaart winkelwagen: later; #2',
            next: ['bekijkt-shop'],
            feelings: { koper: -0.5 },
          },
        ],
      },
      {
        id: 'geinteresseerd',
        name: 'Geïnteresseerd',
        steps: [
          {
            id: 'rekent-af',
            name: 'Rekent af',
            touchpoints: ['winkelwagen'],
            departments: ['e-shop'],
            feelings: { koper: 1, 'cadeau-koper': -1 },
            questions: [{ text: 'Kan ik met iDEAL betalen?' }],
          },
        ],
      },
      {
        id: 'cafe',
        name: 'Café',
        steps: [
          {
            id: 'ontvangt-pakket',
            name: 'Ontvangt pakket',
            touchpoints: ['pakket'],
            feelings: { koper: 2 },
          },
        ],
      },
      {
        id: 'dienst-na-verkoop',
        name: 'Dienst na verkoop',
        steps: [
          {
            id: 'belt-hotline',
            name: 'Belt de hotline',
            touchpoints: ['hotline'],
            departments: ['cs', 'logistiek'],
            feelings: { koper: -2 },
            painPoints: [{ text: 'Retourproces onduidelijk', knownBy: 'observed' }],
            next: [],
            subJourney: { map: 'retour.yaml' },
          },
        ],
      },
      { id: 'ijverig', name: 'ĳverige ambassadeur', steps: [] },
    ],
  };
}
