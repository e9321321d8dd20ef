// Validating and rendering a large map to SVG: 12 stages and 200 steps with every lane filled
// (the size the issue names), and 12 x 200 = 2,400 steps as a stress case.
// Run: npm run bench. Writes bench/results/render-map.json.
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { CHANNELS, type JourneyMap, renderMapSvg, validateMap } from '@touchline/core';
import cliProgress from 'cli-progress';

const RUNS = 20;
const WARMUP = 3;

/** A synthetic map: `steps` steps over `stages` stages, every lane of every step filled. */
function syntheticMap(stages: number, steps: number): JourneyMap {
  const departments = Array.from({ length: 9 }, (_, i) => ({
    id: `department-${i}`,
    name: `Department ${i}`,
  }));
  const touchpoints = Array.from({ length: 30 }, (_, i) => ({
    id: `touchpoint-${i}`,
    name: `Touchpoint number ${i}`,
    channel: CHANNELS[i % CHANNELS.length] ?? 'web',
    mode: i % 3 === 0 ? ('offline' as const) : ('online' as const),
    department: `department-${i % 9}`,
  }));
  const perStage = Math.ceil(steps / stages);
  let n = 0;
  return {
    schemaVersion: 2,
    id: 'large',
    title: 'A large journey',
    language: 'en',
    style: 'current-state',
    personas: [
      { id: 'first', name: 'First persona' },
      { id: 'second', name: 'Second persona' },
    ],
    departments,
    touchpoints,
    stages: Array.from({ length: stages }, (_, s) => ({
      id: `stage-${s}`,
      name: `Stage ${s}`,
      customerGoal: 'What the customer tries to achieve in this stage of the journey',
      businessGoal: 'What the business tries to achieve',
      kpis: [{ kpi: 'ctr' as const, target: 0.02, actual: 0.018 }],
      steps: Array.from({ length: Math.min(perStage, steps - s * perStage) }, () => {
        const i = n++;
        return {
          id: `step-${i}`,
          name: `Step ${i}: the customer does something worth a longer name`,
          touchpoints: [`touchpoint-${i % 30}`, `touchpoint-${(i + 7) % 30}`],
          departments: [`department-${i % 9}`],
          thoughts: ['A thought that is long enough to wrap over a few lines in its cell'],
          questions: ['Does this question wrap?'],
          motivations: ['A motivation'],
          painPoints: [
            { text: 'A pain point the customer runs into', knownBy: 'observed' as const, evidence: ['e'] },
          ],
          opportunities: [{ text: 'An idea to make it better', knownBy: 'proposed' as const }],
          feelings: { first: (i % 5) - 2, second: ((i + 2) % 5) - 2 },
          evidence: [{ id: 'e', source: 'interview' as const, quote: 'What a customer said about it' }],
        };
      }),
    })),
  };
}

function measure(label: string, map: JourneyMap, bar: cliProgress.SingleBar) {
  const times: number[] = [];
  let size = 0;
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const start = performance.now();
    const { map: valid } = validateMap(map);
    if (!valid) throw new Error(`${label}: the synthetic map does not validate`);
    size = renderMapSvg(valid).svg.length;
    if (run >= WARMUP) times.push(performance.now() - start);
    bar.increment();
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1));
  return { case: label, runs: RUNS, median_ms: at(0.5), p95_ms: at(0.95), min_ms: at(0), svg_bytes: size };
}

const cases = [
  { label: '12 stages, 200 steps', map: syntheticMap(12, 200) },
  { label: '12 stages x 200 steps (2,400 steps)', map: syntheticMap(12, 2400) },
];
const bar = new cliProgress.SingleBar(
  { format: 'render-map {bar} {value}/{total} runs', noTTYOutput: false },
  cliProgress.Presets.shades_classic,
);
bar.start(cases.length * (WARMUP + RUNS), 0);
const results = cases.map(({ label, map }) => measure(label, map, bar));
bar.stop();

const report = {
  benchmark: 'validate + render to SVG',
  command: 'npm run bench',
  target: 'under 200 ms for 12 stages and 200 steps',
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version },
  date: new Date().toISOString().slice(0, 10),
  results,
};
writeFileSync(new URL('./results/render-map.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
console.table(results);
