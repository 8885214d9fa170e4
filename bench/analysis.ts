/**
 * Analysis benchmark: `node --import tsx bench/analysis.ts`.
 *
 * Per thread (this process, one thread): throughput in words/s on a batch of documents of
 * 150–800 words and on a batch of short texts (50–150 words), and the latency (median, p99) of
 * one 10,000-word document — for the trained detector (src-workers/detect/index.ts) and, in the
 * same run, for the frozen v2 detector (bench/baselines/detector-v2, the baseline: v3 adds a
 * score per sentence in its neighbourhood) and the first engine (src-workers/detect/heuristic.ts).
 * Engines run interleaved, pass by pass, so that load on the machine falls on all of them alike.
 * Targets: ≥ 200,000 words/s per thread; ≤ 50 ms for 10,000 words. Inputs are generated
 * (bench/lib/textgen.ts), never corpus text.
 */
import { performance } from 'node:perf_hooks';
import { countWords } from '../src-workers/text/segment';
import { generateText } from './lib/textgen';
import { median, percentile, printTable } from './lib/stats';
import type { AnalysisResult } from '../src-shared/models';

const LATENCY_RUNS = Number(process.env.BENCH_RUNS ?? 60);

const t0 = performance.now();
const detector = await import('../src-workers/detect/index');
const importMs = performance.now() - t0;
const t1 = performance.now();
detector.analyzeText(generateText(300, 99));
const firstCallMs = performance.now() - t1;
const { analyzeHeuristic } = await import('../src-workers/detect/heuristic');
const v2 = await import('./baselines/detector-v2/index');
v2.analyzeText(generateText(300, 99));

const engines: [string, (t: string) => AnalysisResult][] = [
  [`detector (${detector.DETECTOR_MODEL_ID})`, detector.analyzeText],
  [`baseline: frozen ${v2.DETECTOR_MODEL_ID}`, v2.analyzeText],
  ['first engine (heuristic)', analyzeHeuristic],
];

const big = generateText(10_000, 7);
const bigWords = countWords(big);
const batch = Array.from({ length: 200 }, (_, i) => generateText(150 + ((i * 37) % 650), 1000 + i));
const batchWords = batch.reduce((s, t) => s + countWords(t), 0);
const shortBatch = Array.from({ length: 400 }, (_, i) => generateText(50 + ((i * 29) % 100), 5000 + i));
const shortWords = shortBatch.reduce((s, t) => s + countWords(t), 0);

// Interleaved: each round times every engine once on each workload.
const ROUNDS = 5;
const times = engines.map(() => ({ batch: [] as number[], short: [] as number[], big: [] as number[] }));
const pass = (analyze: (t: string) => AnalysisResult, texts: string[]) => {
  const t = performance.now();
  for (const x of texts) analyze(x);
  return performance.now() - t;
};
for (const [, analyze] of engines) pass(analyze, [...batch.slice(0, 20), ...shortBatch.slice(0, 20), big]); // warm-up
for (let r = 0; r < ROUNDS; r++)
  engines.forEach(([, analyze], k) => {
    times[k].batch.push(pass(analyze, batch));
    times[k].short.push(pass(analyze, shortBatch));
  });
for (let r = 0; r < LATENCY_RUNS; r++) engines.forEach(([, analyze], k) => times[k].big.push(pass(analyze, [big])));
const rows: (string | number)[][] = engines.map(([name], k) => {
  const lat = [...times[k].big].sort((a, b) => a - b);
  const med = percentile(lat, 50);
  return [
    name,
    Math.round(batchWords / (median(times[k].batch) / 1000)),
    Math.round(shortWords / (median(times[k].short) / 1000)),
    Math.round(bigWords / (med / 1000)),
    med,
    percentile(lat, 99),
  ];
});

printTable(
  `Analysis per thread (Node ${process.versions.node}; batch: ${batch.length} docs, ${batchWords} words; long doc: ${bigWords} words; ${LATENCY_RUNS} runs)`,
  [
    'engine',
    'words/s (batch of 150–800-word docs)',
    'words/s (batch of 50–150-word texts)',
    'words/s (10,000-word doc)',
    'latency 10k words median (ms)',
    'p99 (ms)',
  ],
  rows,
);
const ratio = (a: number, b: number) => (a / b).toFixed(2);
console.log(
  `\nv3 / v2 throughput: ${ratio(Number(rows[0][1]), Number(rows[1][1]))}× (150–800 words), ${ratio(Number(rows[0][2]), Number(rows[1][2]))}× (50–150 words); 10,000-word latency ${ratio(Number(rows[0][4]), Number(rows[1][4]))}× v2's.`,
);
console.log(`Targets: ≥ 200,000 words/s per thread; ≤ 50 ms for 10,000 words.`);
console.log(
  `Detector start-up: module import (model JSON, franc) ${importMs.toFixed(0)} ms; first call (decoding the n-gram tables) ${firstCallMs.toFixed(0)} ms.`,
);
