/**
 * Quality report for the reviser: `npm run eval:rewrite -- --corpus FILE.jsonl [--limit N]
 * [--strength 2] [--mode standard] [--engine rules|v1]`.
 *
 * Reads `{"id","label","domain","generator","text"}` lines. Rewrites the AI-labelled texts and
 * prints: mean ai_confidence before and after (the project's own detector), protected-span
 * preservation rate, content-word overlap (lemma F1, compromise lemmas), Flesch reading ease
 * before and after, length ratio; and, for human-labelled texts, how often a revision raised the
 * score and the mean change. Nothing from the corpus is written anywhere.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import nlp from 'compromise';
import type { RewriteMode, RewriteOptions } from '../src-shared/models';
import type { RewriteOutput } from '../src-shared/tasks';
// The detector: a single import to switch (e.g. to the first engine, `analyzeHeuristic` from ../src-workers/detect/heuristic).
import { analyzeText as detect } from '../src-workers/detect/index';
import { rewriteText } from '../src-workers/rewrite/index';
import { findProtectedSpans } from '../src-workers/rewrite/protect';
import { syllables } from '../src-workers/rewrite/readability';
import { rewriteV1 } from '../src-workers/rewrite/table-reviser';
import { countWords, sentences, words } from '../src-workers/text/segment';

interface Row {
  id: string;
  label: 'ai' | 'human';
  domain: string;
  generator: string | null;
  text: string;
}

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

const corpus = arg('corpus');
if (!corpus) {
  console.error(
    'usage: npm run eval:rewrite -- --corpus FILE.jsonl [--limit N] [--strength 1|2|3] [--mode standard|formal|casual|concise] [--engine rules|v1]',
  );
  process.exit(2);
}
const limit = Number(arg('limit', '0')) || Infinity;
const strength = Number(arg('strength', '2'));
const mode = (arg('mode', 'standard') ?? 'standard') as RewriteMode;
const engine = arg('engine', 'rules');

const rows: Row[] = readFileSync(corpus, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

// ---------------------------------------------------------------------------------------------
// Measures

const STOP = new Set(
  'a an the and or but nor so yet of in on at by for with about to from into onto over under up down out off than then as is are was were be been being am do does did have has had having will would shall should can could may might must not no it its this that these those there here they them their we us our you your he him his she her i me my who whom whose which what when where why how all any both each few more most other some such only own same too very just also'.split(
    ' ',
  ),
);

/** Content-word lemmas (nouns, verbs, adjectives, adverbs) with compromise. */
function lemmas(text: string): Map<string, number> {
  const doc = nlp(text);
  doc.compute('root');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = doc.json({ terms: { normal: true } }) as any[];
  const out = new Map<string, number>();
  for (const s of json) {
    for (const t of s.terms) {
      const tags: string[] = t.tags ?? [];
      if (!tags.some((x) => x === 'Noun' || x === 'Verb' || x === 'Adjective' || x === 'Adverb')) continue;
      if (tags.includes('Pronoun') || tags.includes('Auxiliary') || tags.includes('Copula') || tags.includes('Value'))
        continue;
      const lemma = String(t.root || t.normal || '').toLowerCase();
      if (!lemma || STOP.has(lemma) || !/[a-z]/.test(lemma)) continue;
      out.set(lemma, (out.get(lemma) ?? 0) + 1);
    }
  }
  return out;
}

function f1(a: Map<string, number>, b: Map<string, number>): number {
  let common = 0;
  let na = 0;
  let nb = 0;
  for (const v of a.values()) na += v;
  for (const v of b.values()) nb += v;
  for (const [k, v] of a) common += Math.min(v, b.get(k) ?? 0);
  if (na === 0 && nb === 0) return 1;
  const p = nb ? common / nb : 0;
  const r = na ? common / na : 0;
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function flesch(text: string): number {
  const ws = words(text).filter((w) => /[A-Za-z]/.test(w.text));
  const ss = Math.max(1, sentences(text).length);
  if (!ws.length) return 0;
  let syl = 0;
  for (const w of ws) syl += syllables(w.text);
  return 206.835 - 1.015 * (ws.length / ss) - 84.6 * (syl / ws.length);
}

/** Share of the original's protected spans found, unchanged and in order, in the revision. */
function preserved(original: string, revised: string): { kept: number; total: number } {
  const spans = findProtectedSpans(original);
  let cursor = 0;
  let kept = 0;
  for (const s of spans) {
    const at = revised.indexOf(s.text, cursor);
    if (at >= 0) {
      kept++;
      cursor = at + s.text.length;
    }
  }
  return { kept, total: spans.length };
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

async function revise(text: string): Promise<RewriteOutput> {
  const options: RewriteOptions = { mode, strength, scope: 'document', engine: 'rules', frozen_terms: [] };
  if (engine === 'v1') return rewriteV1(text, options, null, () => {});
  return rewriteText({ text, options, ranges: null, llm: null }, () => {});
}

// ---------------------------------------------------------------------------------------------

interface Result {
  before: number | null;
  after: number | null;
  f1: number;
  fleschBefore: number;
  fleschAfter: number;
  lengthRatio: number;
  kept: number;
  total: number;
  failed: boolean;
}

async function evaluate(row: Row): Promise<Result> {
  const before = detect(row.text).ai_confidence;
  let out: RewriteOutput;
  try {
    out = await revise(row.text);
  } catch (e) {
    const spans = findProtectedSpans(row.text).length;
    console.error(`${row.id}: ${(e as Error).message}`);
    return {
      before,
      after: before,
      f1: 1,
      fleschBefore: flesch(row.text),
      fleschAfter: flesch(row.text),
      lengthRatio: 1,
      kept: 0,
      total: spans,
      failed: true,
    };
  }
  const after = detect(out.text).ai_confidence;
  const p = preserved(row.text, out.text);
  return {
    before,
    after,
    f1: f1(lemmas(row.text), lemmas(out.text)),
    fleschBefore: flesch(row.text),
    fleschAfter: flesch(out.text),
    lengthRatio: countWords(out.text) / Math.max(1, countWords(row.text)),
    kept: p.kept,
    total: p.total,
    failed: false,
  };
}

function fmt(n: number, d = 1): string {
  return Number.isFinite(n) ? n.toFixed(d) : 'n/a';
}

async function main(): Promise<void> {
  const ai = rows.filter((r) => r.label === 'ai').slice(0, limit);
  const human = rows.filter((r) => r.label === 'human').slice(0, limit);
  const t0 = performance.now();
  const aiRes: Result[] = [];
  for (const r of ai) aiRes.push(await evaluate(r));
  const humanRes: Result[] = [];
  for (const r of human) humanRes.push(await evaluate(r));
  const secs = (performance.now() - t0) / 1000;

  const scored = aiRes.filter((r) => r.before !== null && r.after !== null);
  const before = mean(scored.map((r) => r.before!));
  const after = mean(scored.map((r) => r.after!));
  const kept = aiRes.reduce((n, r) => n + r.kept, 0) + humanRes.reduce((n, r) => n + r.kept, 0);
  const total = aiRes.reduce((n, r) => n + r.total, 0) + humanRes.reduce((n, r) => n + r.total, 0);
  const hScored = humanRes.filter((r) => r.before !== null && r.after !== null);
  const raised = hScored.filter((r) => r.after! > r.before!).length;
  const hChange = mean(hScored.map((r) => r.after! - r.before!));
  const failed = aiRes.filter((r) => r.failed).length + humanRes.filter((r) => r.failed).length;

  const model = detect('').model;
  console.log(
    `\n### Rewrite quality — ${engine === 'v1' ? 'rules-v1 (baseline)' : `rules-v2`}, mode ${mode}, strength ${strength}\n`,
  );
  console.log(
    `corpus: ${corpus}; detector: ${model}; ${ai.length} AI texts (${scored.length} scored), ${human.length} human texts (${hScored.length} scored); ${fmt(secs, 1)} s\n`,
  );
  console.log('| measure | value | target |');
  console.log('|---|---|---|');
  console.log(
    `| AI texts: mean ai_confidence before → after | ${fmt(before)} → ${fmt(after)} (${fmt((100 * (before - after)) / before)}% relative fall) | fall ≥ 40% relative |`,
  );
  console.log(
    `| protected-span preservation | ${kept}/${total} = ${fmt((100 * kept) / Math.max(1, total), 2)}% (revisions refused: ${failed}) | 100% |`,
  );
  console.log(
    `| content-word lemma F1 (AI texts) | ${fmt(mean(aiRes.map((r) => r.f1)), 3)} (min ${fmt(Math.min(...aiRes.map((r) => r.f1)), 3)}) | ≥ 0.75 |`,
  );
  console.log(
    `| Flesch reading ease before → after (AI texts) | ${fmt(mean(aiRes.map((r) => r.fleschBefore)))} → ${fmt(mean(aiRes.map((r) => r.fleschAfter)))} | not worse |`,
  );
  console.log(
    `| length ratio (words after / before, AI texts) | ${fmt(mean(aiRes.map((r) => r.lengthRatio)), 3)} | — |`,
  );
  console.log(
    `| human texts: revisions that raised the score | ${raised}/${hScored.length} (${fmt((100 * raised) / Math.max(1, hScored.length))}%) | — |`,
  );
  console.log(`| human texts: mean change of ai_confidence | ${hChange >= 0 ? '+' : ''}${fmt(hChange, 2)} | ≤ 0 |`);
  console.log(
    `| human texts: mean ai_confidence before → after | ${fmt(mean(hScored.map((r) => r.before!)))} → ${fmt(mean(hScored.map((r) => r.after!)))} | — |`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
