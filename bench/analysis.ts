/**
 * Analysis benchmark: `node --import tsx bench/analysis.ts`.
 *
 * Per thread (this process, one thread): throughput in words/s on a batch of documents of
 * 150–800 words, and the latency (median, p99) of one 10,000-word document — for the trained
 * detector (src-workers/detect/index.ts) and, in the same run, for the first engine
 * (src-workers/detect/heuristic.ts). Targets: ≥ 200,000 words/s per thread; ≤ 50 ms for 10,000
 * words. Inputs are generated (bench/lib/textgen.ts), never corpus text.
 */
import { performance } from 'node:perf_hooks';
import { countWords } from '../src-workers/text/segment';
import { generateText } from './lib/textgen';
import { median, percentile, printTable, timeRuns } from './lib/stats';
import type { AnalysisResult } from '../src-shared/models';

const LATENCY_RUNS = Number(process.env.BENCH_RUNS ?? 60);

const t0 = performance.now();
const detector = await import('../src-workers/detect/index');
const importMs = performance.now() - t0;
const t1 = performance.now();
detector.analyzeText(generateText(300, 99));
const firstCallMs = performance.now() - t1;
const { analyzeHeuristic } = await import('../src-workers/detect/heuristic');

const engines: [string, (t: string) => AnalysisResult][] = [
  [`detector (${detector.DETECTOR_MODEL_ID})`, detector.analyzeText],
  ['first engine (heuristic)', analyzeHeuristic],
];

const big = generateText(10_000, 7);
const bigWords = countWords(big);
const batch = Array.from({ length: 200 }, (_, i) => generateText(150 + ((i * 37) % 650), 1000 + i));
const batchWords = batch.reduce((s, t) => s + countWords(t), 0);

const rows: (string | number)[][] = [];
for (const [name, analyze] of engines) {
  // Throughput on the batch: median of 5 passes after one warm-up pass.
  const passes = await timeRuns(
    () => {
      for (const t of batch) analyze(t);
    },
    5,
    1,
  );
  const batchRate = batchWords / (median(passes) / 1000);
  const lat = (await timeRuns(() => analyze(big), LATENCY_RUNS, 5)).sort((a, b) => a - b);
  const med = percentile(lat, 50);
  rows.push([name, Math.round(batchRate), Math.round(bigWords / (med / 1000)), med, percentile(lat, 99)]);
}

printTable(
  `Analysis per thread (Node ${process.versions.node}; batch: ${batch.length} docs, ${batchWords} words; long doc: ${bigWords} words; ${LATENCY_RUNS} runs)`,
  [
    'engine',
    'words/s (batch of 150–800-word docs)',
    'words/s (10,000-word doc)',
    'latency 10k words median (ms)',
    'p99 (ms)',
  ],
  rows,
);
console.log(`\nTargets: ≥ 200,000 words/s per thread; ≤ 50 ms for 10,000 words.`);
console.log(
  `Detector start-up: module import (model JSON, franc) ${importMs.toFixed(0)} ms; first call (decoding the n-gram tables) ${firstCallMs.toFixed(0)} ms.`,
);
