import type { JourneyMap } from '@touchline/core';
import type { MapDrawing } from './drawing.ts';

/**
 * Maps and drawings shared by this package's tests. The Dutch map uses names with the letters that
 * break naive exports: ë, ï, é and the ĳ ligature.
 */
export function dutchMap(): JourneyMap {
  return {
    schemaVersion: 2,
    id: 'schoenen-kopen',
    title: 'Schoenen kopen: één klantreis',
    language: 'nl',
    style: 'current-state',
    scenario: 'Iemand wil nieuwe schoenen | online',
    personas: [
      { id: 'koper', name: 'Koper', description: 'Wil schoenen kopen' },
      { id: 'twijfelaar', name: 'Twijfelaar' },
    ],
    departments: [
      { id: 'marketing', name: 'Marketing' },
      { id: 'logistiek', name: 'Logistiek' },
      { id: 'klantenservice', name: 'Klantenservice' },
    ],
    touchpoints: [
      { id: 'advertentie', name: 'Advertentie', channel: 'display', mode: 'online', department: 'marketing' },
      { id: 'webshop', name: 'Webshop', channel: 'web', mode: 'online', department: 'marketing' },
      { id: 'pakket', name: 'Pakket', channel: 'delivery', mode: 'offline', department: 'logistiek' },
      { id: 'hotline', name: 'Hotline', channel: 'phone', mode: 'offline' },
    ],
    stages: [
      {
        id: 'overweging',
        name: 'Overweging',
        customerGoal: 'De juiste schoenen vinden',
        businessGoal: 'Interesse wekken',
        actions: ['Online advertenties', 'SEO'],
        objections: [{ id: 'te-duur', objection: 'Te duur?', remedy: 'Kortingscode' }],
        kpis: [{ kpi: 'ctr', target: 0.02, actual: 0.015 }],
        steps: [
          {
            id: 'klikt-advertentie',
            name: 'Klikt op advertentie',
            description: 'Ziet een banner | klikt',
            touchpoints: ['advertentie'],
            thoughts: ['Mooie schoenen', { text: 'Zijn ze er in mijn maat?', knownBy: 'observed' }],
            questions: [{ text: 'Wat kost verzending?', knownBy: 'assumed' }],
            motivations: ['Oude schoenen zijn versleten'],
            feelings: { koper: 1, twijfelaar: 0 },
            opportunities: [{ text: 'Maattabel in de advertentie', knownBy: 'proposed' }],
            evidence: [{ id: 'interview-1', source: 'interview', quote: 'Ik klik alleen op korting' }],
          },
          {
            id: 'bekijkt-webshop',
            name: 'Bekijkt de webshop',
            touchpoints: ['webshop'],
            departments: ['marketing'],
            feelings: { koper: 2 },
            painPoints: ['Filter op maat ontbreekt'],
            next: ['rekent-af', 'klikt-advertentie'],
          },
        ],
      },
      {
        id: 'dienst-na-verkoop',
        name: 'Dienst na verkoop',
        steps: [
          {
            id: 'rekent-af',
            name: 'Rekent af',
            touchpoints: ['webshop'],
            departments: ['klantenservice'],
            feelings: { koper: -1, twijfelaar: -2 },
          },
        ],
      },
      {
        id: 'ideeen',
        name: 'Ideeën',
        steps: [
          {
            id: 'wacht-op-pakket',
            name: 'Wacht op pakket; "spannend"',
            touchpoints: ['pakket'],
            feelings: { koper: 0.4 },
            thoughts: ['Wanneer komt het?\nMorgen?'],
          },
        ],
      },
      {
        id: 'geinteresseerd',
        name: 'Geïnteresseerd',
        steps: [{ id: 'belt-hotline', name: 'Belt de hotline #1', touchpoints: ['hotline'], next: [] }],
      },
      {
        id: 'cafe',
        name: 'Café',
        steps: [{ id: 'drinkt-koffie', name: 'Drinkt koffie', departments: ['marketing'] }],
      },
      { id: 'ijs', name: 'ĳs', steps: [{ id: 'eet-ijs', name: 'Eet ĳs: lekker', feelings: { koper: -2 } }] },
    ],
  };
}

/** A map with `count` stages of one step each, named "Fase 1" .. "Fase N". */
export function wideMap(count: number): JourneyMap {
  return {
    schemaVersion: 2,
    id: 'breed',
    title: 'Brede kaart',
    language: 'nl',
    style: 'current-state',
    personas: [{ id: 'klant', name: 'Klant' }],
    stages: Array.from({ length: count }, (_, i) => ({
      id: `fase-${i + 1}`,
      name: `Fase ${i + 1} Geïnteresseerd`,
      steps: [
        { id: `stap-${i + 1}a`, name: `Stap ${i + 1}a` },
        { id: `stap-${i + 1}b`, name: `Stap ${i + 1}b` },
      ],
    })),
  };
}

const STEP_WIDTH = 160;
const HEADER_WIDTH = 140;
const TITLE_HEIGHT = 60;
const LANE_HEIGHT = 70;
const LANES = ['Stappen', 'Touchpoints', 'Gevoel', 'Pijnpunten'];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A drawing that follows the render contract, written by hand so the PNG and PDF tests do not
 * depend on the real renderer's layout: a title block, a lane-label column, and per stage a
 * column with its name on top and its step names below.
 */
export function fixtureDrawing(map: JourneyMap): MapDrawing {
  const columns: { stageId: string; x: number; width: number }[] = [];
  let x = HEADER_WIDTH;
  const parts: string[] = [];
  const height = TITLE_HEIGHT + 40 + LANES.length * LANE_HEIGHT;
  for (const stage of map.stages) {
    const width = Math.max(1, stage.steps.length) * STEP_WIDTH;
    columns.push({ stageId: stage.id, x, width });
    parts.push(
      `<g transform="translate(${x},${TITLE_HEIGHT})">`,
      `<rect x="0" y="0" width="${width}" height="${height - TITLE_HEIGHT}" fill="#eef" stroke="#99a"/>`,
      `<text x="8" y="26" font-family="DejaVu Sans" font-weight="bold" font-size="16">${escapeXml(stage.name)}</text>`,
    );
    stage.steps.forEach((step, i) => {
      parts.push(
        `<text x="${i * STEP_WIDTH + 8}" y="70" font-family="DejaVu Sans" font-size="12">${escapeXml(step.name)}</text>`,
      );
    });
    parts.push('</g>');
    x += width;
  }
  const width = x;
  const labels = LANES.map(
    (lane, i) =>
      `<text x="8" y="${TITLE_HEIGHT + 40 + i * LANE_HEIGHT + 24}" font-family="DejaVu Sans" font-size="12">${lane}</text>`,
  );
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="8" y="36" font-family="DejaVu Sans" font-weight="bold" font-size="22">${escapeXml(map.title)}</text>`,
    ...labels,
    ...parts,
    '</svg>',
  ].join('\n');
  return { svg, width, height, headerWidth: HEADER_WIDTH, titleHeight: TITLE_HEIGHT, columns };
}
