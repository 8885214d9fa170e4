/**
 * Reviser benchmark (`npm run bench:rewrite`): words per second per thread of the rule-based
 * reviser (rules-v3, the whole-document path with its human-text judgement and meaning guard)
 * against the previous version, rules-v2, frozen in bench/baselines/rewrite-v2, in the same run:
 * the runs are interleaved (v2, then each v3 configuration, round after round) and medians
 * reported, because the machine is shared. And, on a 20,000-word document, how many progress
 * callbacks arrive and the longest gap between two of them. Targets: at least 50,000 words/s per
 * thread; a progress event at least every 100 ms.
 *
 * The text is generated here from sentence templates written for this bench (formulaic,
 * chat-model-like prose with numbers, quotes, URLs and citations mixed in), deterministically.
 */
import { performance } from 'node:perf_hooks';
import { seededRandom as rng } from '../scripts/lib/random';
import type { RewriteMode, RewriteOptions } from '../src-shared/models';
import type { ProgressMessage } from '../src-shared/tasks';
import { rewriteText } from '../src-workers/rewrite/index';
import { rewriteV2 } from './baselines/rewrite-v2/index';
import { countWords } from '../src-workers/text/segment';
import { fmt, median, printTable } from './lib/stats';

const SUBJECTS = [
  'The team',
  'Our approach',
  'This framework',
  'The new policy',
  'Modern technology',
  'The study',
  'Each community',
  'The committee',
];
const TEMPLATES = [
  'Furthermore, {S} plays a crucial role in fostering collaboration among diverse stakeholders.',
  'It is important to note that {s} leverages innovative tools to streamline the process.',
  '{S} delves into the intricate details of the problem, and it showcases impressive results in {N} cases.',
  'Moreover, this is a testament to the meticulous work of {n} volunteers (Smith et al., {Y}).',
  "In today's fast-paced world, {s} must navigate the complexities of a changing landscape.",
  'The report, available at https://example.org/r/{N}, shows a {P}% rise since {Y}.',
  'As one reviewer put it, "the results do not speak for themselves", and the data is not complete.',
  '{S} utilizes a comprehensive set of methods; it does not rely on a single source.',
  'Additionally, {s} underscores the pivotal importance of careful planning.',
  'In conclusion, {s} has the potential to enhance outcomes for individuals and families.',
  'Costs fell to ${N} per unit in {Y} [{n}], which was lower than expected.',
  'The results are clear. They are not final.',
];

/** A document of about `words` words in paragraphs of 3–7 sentences. */
export function generateDocument(words: number, seed = 7): string {
  const r = rng(seed);
  const paras: string[] = [];
  let n = 0;
  while (n < words) {
    const sents: string[] = [];
    const k = 3 + Math.floor(r() * 5);
    for (let i = 0; i < k; i++) {
      const subj = SUBJECTS[Math.floor(r() * SUBJECTS.length)];
      const s = TEMPLATES[Math.floor(r() * TEMPLATES.length)]
        .replace('{S}', subj)
        .replace('{s}', subj[0].toLowerCase() + subj.slice(1))
        .replace('{N}', String(10 + Math.floor(r() * 990)))
        .replace('{n}', String(2 + Math.floor(r() * 40)))
        .replace('{Y}', String(1990 + Math.floor(r() * 35)))
        .replace('{P}', (r() * 50).toFixed(1));
      sents.push(s);
    }
    const p = sents.join(' ');
    n += countWords(p);
    paras.push(p);
  }
  return paras.join('\n\n');
}

const opts = (mode: RewriteMode, strength: number): RewriteOptions => ({
  mode,
  strength,
  scope: 'document',
  engine: 'rules',
  frozen_terms: [],
});

async function main(): Promise<void> {
  const doc = generateDocument(20_000);
  const words = countWords(doc);
  const whole = (mode: RewriteMode, strength: number) => () =>
    rewriteText({ text: doc, options: opts(mode, strength), ranges: null, llm: null }, () => {});
  const engines: [string, () => Promise<unknown>][] = [
    ['rules-v2 standard, strength 2 (baseline, frozen)', () => rewriteV2(doc, opts('standard', 2), null, () => {})],
    ['rules-v3 standard, strength 1', whole('standard', 1)],
    ['rules-v3 standard, strength 2', whole('standard', 2)],
    ['rules-v3 standard, strength 3', whole('standard', 3)],
    ['rules-v3 formal, strength 2', whole('formal', 2)],
    ['rules-v3 casual, strength 2', whole('casual', 2)],
    ['rules-v3 academic, strength 2', whole('academic', 2)],
    ['rules-v3 concise, strength 2', whole('concise', 2)],
    [
      'rules-v3 standard, strength 2, as sections (no judgement)',
      () =>
        rewriteText(
          {
            text: doc,
            options: { ...opts('standard', 2), scope: 'sections' },
            ranges: [{ start: 0, end: doc.length }],
            llm: null,
          },
          () => {},
        ),
    ],
  ];
  // Warm up every engine (tables compile once per process), then interleave the timed runs.
  for (const [, run] of engines) await run();
  const ROUNDS = 9;
  const times = engines.map(() => [] as number[]);
  for (let r = 0; r < ROUNDS; r++) {
    for (let e = 0; e < engines.length; e++) {
      const t0 = performance.now();
      await engines[e][1]();
      times[e].push(performance.now() - t0);
    }
  }
  // The speed ratio per round (against rules-v2 in the same round), then its median: load on a
  // shared machine drifts between rounds more than within one.
  printTable(
    `Reviser throughput, one thread, ${words.toLocaleString('en-US')}-word document (median of ${ROUNDS} interleaved runs)`,
    ['engine', 'ms', 'words/s', 'vs rules-v2 (median of per-round ratios)'],
    engines.map(([label], e) => {
      const wps = words / (median(times[e]) / 1000);
      const ratio = median(times[e].map((t, r) => times[0][r] / t));
      return [label, fmt(median(times[e])), fmt(wps), `${fmt(ratio)}×`];
    }),
  );

  // Progress on the 20,000-word document: callbacks, and the longest gap between two of them
  // (from the call's start to the first callback and from the last one to the result included).
  const prog: (string | number)[][] = [];
  for (const [label, run] of [
    [
      'rules-v3 standard, strength 2',
      (cb: (p: ProgressMessage) => void) =>
        rewriteText({ text: doc, options: opts('standard', 2), ranges: null, llm: null }, cb),
    ],
    [
      'rules-v2 (baseline, frozen)',
      async (cb: (p: ProgressMessage) => void) => rewriteV2(doc, opts('standard', 2), null, cb),
    ],
  ] as const) {
    const times: number[] = [];
    const values: number[] = [];
    const t0 = performance.now();
    await run((p) => {
      times.push(performance.now());
      values.push(p.progress);
    });
    const t1 = performance.now();
    const marks = [t0, ...times, t1];
    let maxGap = 0;
    for (let i = 1; i < marks.length; i++) maxGap = Math.max(maxGap, marks[i] - marks[i - 1]);
    const monotone = values.every((v, i) => i === 0 || v >= values[i - 1]);
    prog.push([
      label,
      String(times.length),
      fmt(maxGap),
      fmt(t1 - t0),
      String(values[values.length - 1]),
      monotone ? 'yes' : 'NO',
    ]);
  }
  printTable(
    `Progress on a ${words.toLocaleString('en-US')}-word document`,
    ['engine', 'progress callbacks', 'max gap (ms)', 'total (ms)', 'last value', 'never backwards'],
    prog,
  );

  // Hostile inputs: text made to make pattern searches backtrack. Linear work grows 4× from
  // 10,000 to 40,000 characters, quadratic work 16×. (A chain of names joined by "and" with no
  // year after it, which rules-v2 took minutes over at 400 characters, is in the unit tests.)
  const SIZES = [10_000, 40_000];
  const PROSE = 'Moreover, it is crucial to note that the committee will delve into the budget next week. ';
  const HOSTILE: [string, (n: number) => string][] = [
    ['one token, no spaces', (n) => 'ab'.repeat(n / 2)],
    ['"1,1,1,…"', (n) => '1,'.repeat(n / 2)],
    ["\"'Aa'Aa'Aa…\"", (n) => "'Aa".repeat(n / 3)],
    ['lone "\\r" after "~~~"', (n) => '~~~\r'.repeat(n / 4)],
  ];
  const ENGINES = [
    ['rules-v2 (baseline, frozen)', (text: string) => rewriteV2(text, opts('concise', 3), null, () => {})],
    [
      'rules-v3 concise, strength 3',
      (text: string) => rewriteText({ text, options: opts('concise', 3), ranges: null, llm: null }, () => {}),
    ],
  ] as const;
  const hostile: (string | number)[][] = [];
  for (const [input, make] of HOSTILE)
    for (const [label, run] of ENGINES) {
      const ms = [];
      for (const n of SIZES) {
        // Inside a sentence of machine prose, so the document is revised around it.
        const text = `${PROSE}${make(n)} ${PROSE}`;
        const runs: number[] = [];
        for (let r = 0; r < 3; r++) {
          const t0 = performance.now();
          await run(text);
          runs.push(performance.now() - t0);
        }
        ms.push(median(runs));
      }
      hostile.push([input, label, ...ms.map(fmt), `${fmt(ms[1] / ms[0])}×`]);
    }
  printTable(
    'Hostile inputs of 10,000 and 40,000 characters (median of 3 runs each)',
    ['input', 'engine', ...SIZES.map((n) => `${n.toLocaleString('en-US')} chars (ms)`), '40,000 vs 10,000'],
    hostile,
  );
}

if (process.argv[1]?.endsWith('rewrite.ts'))
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
