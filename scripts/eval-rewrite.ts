/**
 * Quality report for the reviser, judged by two detectors: `npm run eval:rewrite -- [options]`.
 *
 *   --corpus DIR          the research corpus folder (default ../shared/corpus)
 *   --files A,B,…         its files to read (default train.jsonl,train-extra.jsonl,ellipse-human.jsonl)
 *   --per-block N         texts revised per source block and label (default 20; 0 = all)
 *   --configs M:S,…       mode:strength pairs (default standard:1,standard:2,standard:3 and every
 *                         other mode at strength 2)
 *   --engine rules|v2     the current reviser, or the frozen rules-v2 (bench/baselines/rewrite-v2)
 *   --folds K             cross-fitting folds of the independent detector (default 5)
 *   --train-cap N         its training texts per source block and label (default 150)
 *   --lexicon FILE        Kobak et al. excess words (default ../shared/lexicon/excess_words.csv)
 *   --by-block            also print the first configuration's falls per source block
 *   --list-raised         also list the human texts either detector scores higher after the first
 *                         configuration (id, judged human or not, changes, both scores)
 *
 * Two detectors score every original and every revision:
 * - ours, the shipped one (`detectorScore`); it is trained on these files, so its "before" is
 *   in-sample;
 * - an independent one of another family (scripts/lib/tfidf-detector.ts: character and word
 *   n-gram TF-IDF with logistic regression), trained here and cross-fitted by source block: each
 *   text is scored by a model trained on the other folds' blocks, never on its own block (its
 *   original or its revisions). The reviser never consults it.
 * Besides both detectors' mean AI confidence before → after it reports content-word lemma F1,
 * protected spans lost, length ratio, failed revisions, the detector's stock phrases left, the
 * density of over-used words against the range of human texts, and what happened to human texts.
 * Nothing from the corpus is written anywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { rewriteV2 } from '../bench/baselines/rewrite-v2/index';
import { REWRITE_MODES, type RewriteMode, type RewriteOptions } from '../src-shared/models';
import type { RewriteOutput } from '../src-shared/tasks';
import { auroc } from '../src-workers/detect/evaluate';
import { DETECTOR_MODEL_ID, detectorScore } from '../src-workers/detect/index';
import { LIANG_WORDS, LLM_CLOSERS, LLM_OPENERS, LLM_PHRASES, LLM_TRANSITIONS } from '../src-workers/detect/lexicon';
import { rewriteText } from '../src-workers/rewrite/index';
import { findProtectedSpans } from '../src-workers/rewrite/protect';
import { countWords, paragraphs, sentenceSpans, words } from '../src-workers/text/segment';
import { seededRandom } from './lib/random';
import { blockOf } from './lib/detector/corpus';
import { featurize, scoreTfidfLr, trainTfidfLr, type SparseDoc } from './lib/tfidf-detector';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && i + 1 < process.argv.length) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

const CORPUS = path.resolve(ROOT, arg('corpus', '../shared/corpus')!);
const FILES = arg('files', 'train.jsonl,train-extra.jsonl,ellipse-human.jsonl')!.split(',');
const PER_BLOCK = Number(arg('per-block', '20'));
const ENGINE = arg('engine', 'rules')!;
const FOLDS = Number(arg('folds', '5'));
const TRAIN_CAP = Number(arg('train-cap', '150'));
const LEXICON = path.resolve(ROOT, arg('lexicon', '../shared/lexicon/excess_words.csv')!);
const BY_BLOCK = process.argv.includes('--by-block');
const LIST_RAISED = process.argv.includes('--list-raised');

interface Config {
  mode: RewriteMode;
  strength: number;
}
const CONFIGS: Config[] = arg(
  'configs',
  [
    'standard:1',
    'standard:2',
    'standard:3',
    ...REWRITE_MODES.filter((m) => m !== 'standard').map((m) => `${m}:2`),
  ].join(','),
)!
  .split(',')
  .map((c) => {
    const [mode, s] = c.split(':');
    if (!REWRITE_MODES.includes(mode as RewriteMode) || !['1', '2', '3'].includes(s)) {
      console.error(`--configs: "${c}" is not mode:strength (modes ${REWRITE_MODES.join(', ')}; strength 1–3)`);
      process.exit(2);
    }
    return { mode: mode as RewriteMode, strength: Number(s) };
  });
if (ENGINE !== 'rules' && ENGINE !== 'v2') {
  console.error('--engine must be rules or v2');
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// The corpus, its source blocks and the folds

interface Row {
  id: string;
  label: 'ai' | 'human';
  text: string;
  /** Source block, read as the detector's training reads it (scripts/lib/detector/corpus.ts). */
  block: string;
  fold: number;
}

function readRows(): Row[] {
  const rows: Row[] = [];
  for (const f of FILES) {
    const file = path.join(CORPUS, f);
    if (!existsSync(file)) {
      console.error(`${file}: not found (give the research corpus folder with --corpus)`);
      process.exit(2);
    }
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { id: string; label: 'ai' | 'human'; text: string };
      rows.push({ id: o.id, label: o.label, text: o.text, block: blockOf(o.id), fold: -1 });
    }
  }
  return rows;
}

/** Up to `cap` rows per block and label, in a seeded order (cap 0: all). */
function capPerBlock(rows: Row[], cap: number, seed: number): Row[] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const k = `${r.block}|${r.label}`;
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const rand = seededRandom(seed);
  const out: Row[] = [];
  for (const k of [...groups.keys()].sort()) {
    const g = groups.get(k)!;
    for (let i = g.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [g[i], g[j]] = [g[j], g[i]];
    }
    out.push(...(cap > 0 ? g.slice(0, cap) : g));
  }
  return out;
}

/** Whole blocks to folds, largest first onto the lightest fold (by training rows). */
function assignFolds(rows: Row[], trainRows: Row[]): void {
  const size = new Map<string, number>();
  for (const r of trainRows) size.set(r.block, (size.get(r.block) ?? 0) + 1);
  const load = new Array(FOLDS).fill(0);
  const fold = new Map<string, number>();
  for (const [b, n] of [...size].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))) {
    const f = load.indexOf(Math.min(...load));
    fold.set(b, f);
    load[f] += n;
  }
  for (const r of rows) r.fold = fold.get(r.block) ?? 0;
}

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

/** Protected spans of the original not found, unchanged and in order, in the revision. */
function spansLost(original: string, revised: string): { lost: number; total: number } {
  const spans = findProtectedSpans(original);
  let cursor = 0;
  let lost = 0;
  for (const s of spans) {
    const at = revised.indexOf(s.text, cursor);
    if (at < 0) lost++;
    else cursor = at + s.text.length;
  }
  return { lost, total: spans.length };
}

const normWords = (s: string) => words(s).map((w) => w.norm);
const phraseList = (list: readonly string[]) => list.map((p) => p.split(/[\s,]+/).filter(Boolean));
const PHRASES = phraseList(LLM_PHRASES);
const TRANSITIONS = phraseList(LLM_TRANSITIONS);
const OPENERS = phraseList(LLM_OPENERS);
const CLOSERS = phraseList(LLM_CLOSERS);

function startsWith(ws: string[], at: number, p: string[]): boolean {
  for (let k = 0; k < p.length; k++) if (ws[at + k] !== p[k]) return false;
  return true;
}

/**
 * Stock phrases the shipped detector lists, as it counts them: its phrases anywhere, its
 * transitions at a sentence start, its openers at the start of the text or a paragraph, its
 * closers at the start of one of the last two sentences.
 */
function stockPhrases(text: string): number {
  let n = 0;
  const ws = normWords(text);
  for (let i = 0; i < ws.length; i++) for (const p of PHRASES) if (startsWith(ws, i, p)) n++;
  const sents = sentenceSpans(text);
  sents.forEach((s, i) => {
    const sw = normWords(text.slice(s.start, s.end));
    if (TRANSITIONS.some((p) => startsWith(sw, 0, p))) n++;
    if (i >= sents.length - 2 && CLOSERS.some((p) => startsWith(sw, 0, p))) n++;
  });
  for (const p of paragraphs(text)) {
    const pw = normWords(text.slice(p.start, Math.min(p.end, p.start + 80)));
    if (OPENERS.some((o) => startsWith(pw, 0, o))) n++;
  }
  return n;
}

/** Over-used words: the detector's Liang et al. list and, when the lexicon file is there, Kobak et al.'s style words. */
function overusedWords(): Set<string> {
  const out = new Set<string>(LIANG_WORDS);
  if (existsSync(LEXICON)) {
    for (const line of readFileSync(LEXICON, 'utf8').split('\n').slice(1)) {
      const m = /^\d+,"([^"]+)","style"/.exec(line);
      if (m) out.add(m[1].toLowerCase());
    }
  }
  return out;
}
const OVERUSED = overusedWords();

/** Over-used words per 1,000 words. */
function overusedDensity(text: string): number {
  const ws = normWords(text);
  let n = 0;
  for (const w of ws) if (OVERUSED.has(w)) n++;
  return ws.length ? (1000 * n) / ws.length : 0;
}

const CONTRACTION = /^(?:[a-z]+n't|[a-z]+'(?:s|re|ve|ll|d|m))$/;
const HEDGES = new Set(
  'may might could perhaps possibly likely probably suggest suggests suggested appear appears appeared seem seems seemed apparently arguably'.split(
    ' ',
  ),
);

/** What sets the modes apart: sentence length, contractions and hedges per 1,000 words. */
function profile(text: string): { sentenceLength: number; contractions: number; hedges: number } {
  const ws = normWords(text);
  const n = Math.max(1, ws.length);
  return {
    sentenceLength: ws.length / Math.max(1, sentenceSpans(text).length),
    contractions: (1000 * ws.filter((w) => CONTRACTION.test(w) && !/^(?:let's)$/.test(w)).length) / n,
    hedges: (1000 * ws.filter((w) => HEDGES.has(w)).length) / n,
  };
}

// ---------------------------------------------------------------------------------------------

interface Revision {
  text: string;
  failed: boolean;
  /** Changes (hunks) made, and whether the revision says the text reads as a person's. */
  changes: number;
  judgedHuman: boolean;
  f1: number;
  lost: number;
  spans: number;
  lengthRatio: number;
  ours: number;
  independent: number;
}

async function revise(text: string, c: Config): Promise<RewriteOutput> {
  const options: RewriteOptions = {
    mode: c.mode,
    strength: c.strength,
    scope: 'document',
    engine: 'rules',
    frozen_terms: [],
  };
  if (ENGINE === 'v2') return rewriteV2(text, options, null, () => {});
  return rewriteText({ text, options, ranges: null, llm: null }, () => {});
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const fmt = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : 'n/a');
const fall = (before: number, after: number) =>
  `${fmt(before)} → ${fmt(after)} (${fmt((100 * (after - before)) / before)} %)`;
const signed = (x: number, d = 2) => `${x >= 0 ? '+' : ''}${fmt(x, d)}`;

async function main(): Promise<void> {
  const t0 = performance.now();
  const all = readRows();
  const train = capPerBlock(all, TRAIN_CAP, 11);
  assignFolds(all, train);
  const evalRows = capPerBlock(all, PER_BLOCK, 23);
  const ai = evalRows.filter((r) => r.label === 'ai');
  const human = evalRows.filter((r) => r.label === 'human');
  console.error(`${all.length} texts read; revising ${ai.length} AI and ${human.length} human texts per configuration`);

  // Revisions, and our detector on everything.
  const revisions = new Map<Row, Revision[]>();
  const oursBefore = new Map<Row, number>();
  for (const r of evalRows) oursBefore.set(r, detectorScore(r.text));
  const lemmaCache = new Map<Row, Map<string, number>>();
  for (const [ci, c] of CONFIGS.entries()) {
    console.error(`revising: ${c.mode} ${c.strength} (${ci + 1}/${CONFIGS.length})`);
    for (const r of evalRows) {
      let text = r.text;
      let failed = false;
      let changes = 0;
      let judgedHuman = false;
      try {
        const out = await revise(r.text, c);
        text = out.text;
        changes = out.hunks.length;
        judgedHuman = /reads as written by a person/.test(out.diff_summary.note ?? '');
      } catch (e) {
        failed = true;
        console.error(`${r.id} (${c.mode} ${c.strength}): ${(e as Error).message}`);
      }
      if (!lemmaCache.has(r)) lemmaCache.set(r, lemmas(r.text));
      const { lost, total } = failed ? { lost: 0, total: 0 } : spansLost(r.text, text);
      const list = revisions.get(r) ?? [];
      list.push({
        text,
        failed,
        changes,
        judgedHuman,
        f1: f1(lemmaCache.get(r)!, lemmas(text)),
        lost,
        spans: total,
        lengthRatio: countWords(text) / Math.max(1, countWords(r.text)),
        ours: detectorScore(text),
        independent: NaN,
      });
      revisions.set(r, list);
    }
  }

  // The independent detector, cross-fitted by source block.
  console.error('training the independent detector (cross-fitted by source block)');
  const feats = new Map<Row, SparseDoc>();
  const featOf = (r: Row) => feats.get(r) ?? feats.set(r, featurize(r.text)).get(r)!;
  const indepBefore = new Map<Row, number>();
  for (let f = 0; f < FOLDS; f++) {
    const tr = train.filter((r) => r.fold !== f);
    const nAi = tr.filter((r) => r.label === 'ai').length;
    const nHuman = tr.length - nAi;
    const model = trainTfidfLr(
      tr.map(featOf),
      Uint8Array.from(tr.map((r) => (r.label === 'ai' ? 1 : 0))),
      Float64Array.from(tr.map((r) => (r.label === 'ai' ? tr.length / (2 * nAi) : tr.length / (2 * nHuman)))),
    );
    for (const r of evalRows) {
      if (r.fold !== f) continue;
      indepBefore.set(r, 100 * scoreTfidfLr(model, featOf(r)));
      for (const rev of revisions.get(r)!) rev.independent = 100 * scoreTfidfLr(model, featurize(rev.text));
    }
  }
  const secs = (performance.now() - t0) / 1000;

  // ---- Report
  const humanScores = (m: Map<Row, number>) => human.map((r) => m.get(r)!);
  const aiScores = (m: Map<Row, number>) => ai.map((r) => m.get(r)!);
  console.log(
    `\n### Revisions judged by two detectors — engine ${ENGINE === 'v2' ? 'rules-v2 (frozen baseline)' : 'rules (current)'}\n`,
  );
  console.log(
    `Corpus: ${FILES.join(', ')}; ${ai.length} AI and ${human.length} human texts (at most ${PER_BLOCK || 'all'} per source block and label), ${new Set(evalRows.map((r) => r.block)).size} source blocks; ${fmt(secs, 0)} s.`,
  );
  console.log(
    `Independent detector: char 3–5-gram and word 1–2-gram TF-IDF + logistic regression, ${FOLDS} folds of whole source blocks, ≤ ${TRAIN_CAP} training texts per block and label; AUROC on the originals ${fmt(auroc(humanScores(indepBefore), aiScores(indepBefore)) ?? NaN, 3)} (out of fold).`,
  );
  console.log(
    `Our detector: ${DETECTOR_MODEL_ID}; AUROC on the originals ${fmt(auroc(humanScores(oursBefore), aiScores(oursBefore)) ?? NaN, 3)} (in-sample where it trained on these files).\n`,
  );

  const header =
    '| mode, strength | AI: independent before → after | AI: ours before → after | content-word F1 (min) | protected spans lost | length ratio | failed | human: independent Δ (raised) | human: ours Δ (raised) |';
  console.log(header);
  console.log(
    `|${header
      .split('|')
      .slice(1, -1)
      .map(() => '---')
      .join('|')}|`,
  );
  CONFIGS.forEach((c, ci) => {
    const rev = (r: Row) => revisions.get(r)![ci];
    const iB = mean(aiScores(indepBefore));
    const iA = mean(ai.map((r) => rev(r).independent));
    const oB = mean(aiScores(oursBefore));
    const oA = mean(ai.map((r) => rev(r).ours));
    const f1s = ai.map((r) => rev(r).f1);
    const lost = evalRows.reduce((n, r) => n + rev(r).lost, 0);
    const total = evalRows.reduce((n, r) => n + rev(r).spans, 0);
    const failed = evalRows.filter((r) => rev(r).failed).length;
    const hi = human.map((r) => rev(r).independent - indepBefore.get(r)!);
    const ho = human.map((r) => rev(r).ours - oursBefore.get(r)!);
    console.log(
      `| ${c.mode} ${c.strength} | ${fall(iB, iA)} | ${fall(oB, oA)} | ${fmt(mean(f1s), 3)} (${fmt(Math.min(...f1s), 3)}) | ${lost} of ${total} | ${fmt(mean(ai.map((r) => rev(r).lengthRatio)), 3)} | ${failed} | ${signed(mean(hi))} (${hi.filter((d) => d > 0).length}/${human.length}) | ${signed(mean(ho))} (${ho.filter((d) => d > 0).length}/${human.length}) |`,
    );
  });

  console.log(
    '\nHuman texts: how many the revision judged human-written (changed only where the detector flags them), their changes, and how many either detector scores higher after; AI texts either detector scores higher after:\n',
  );
  console.log(
    '| mode, strength | human texts judged human | their changes per text (texts changed) | other human texts: changes per text | human texts raised: independent / ours | AI texts raised: independent / ours |',
  );
  console.log('|---|---|---|---|---|---|');
  CONFIGS.forEach((c, ci) => {
    const rev = (r: Row) => revisions.get(r)![ci];
    const judged = human.filter((r) => rev(r).judgedHuman);
    const others = human.filter((r) => !rev(r).judgedHuman);
    const raised = (rows: Row[], before: Map<Row, number>, key: 'independent' | 'ours') =>
      rows.filter((r) => rev(r)[key] > before.get(r)!).length;
    console.log(
      `| ${c.mode} ${c.strength} | ${judged.length}/${human.length} | ${fmt(mean(judged.map((r) => rev(r).changes)), 2)} (${judged.filter((r) => rev(r).changes > 0).length}) | ${fmt(mean(others.map((r) => rev(r).changes)), 1)} | ${raised(human, indepBefore, 'independent')} / ${raised(human, oursBefore, 'ours')} | ${raised(ai, indepBefore, 'independent')} / ${raised(ai, oursBefore, 'ours')} |`,
    );
  });

  const hDensity = human.map((r) => overusedDensity(r.text));
  console.log(
    `\nStock phrases the detector lists, and over-used words (${OVERUSED.size} words: the detector's list${existsSync(LEXICON) ? " and Kobak et al.'s style words" : ''}) per 1,000 words; human texts: median ${fmt(quantile(hDensity, 0.5))}, 90th percentile ${fmt(quantile(hDensity, 0.9))}.\n`,
  );
  console.log(
    '| mode, strength | AI: stock phrases per text before → after | AI texts with any left | AI: over-used words per 1,000 before → after | AI texts above the human 90th percentile before → after |',
  );
  console.log('|---|---|---|---|---|');
  const p90 = quantile(hDensity, 0.9);
  const stockBefore = ai.map((r) => stockPhrases(r.text));
  const densityBefore = ai.map((r) => overusedDensity(r.text));
  CONFIGS.forEach((c, ci) => {
    const after = ai.map((r) => stockPhrases(revisions.get(r)![ci].text));
    const dAfter = ai.map((r) => overusedDensity(revisions.get(r)![ci].text));
    console.log(
      `| ${c.mode} ${c.strength} | ${fmt(mean(stockBefore), 2)} → ${fmt(mean(after), 2)} | ${after.filter((n) => n > 0).length}/${ai.length} | ${fmt(mean(densityBefore))} → ${fmt(mean(dAfter))} | ${densityBefore.filter((d) => d > p90).length} → ${dAfter.filter((d) => d > p90).length} |`,
    );
  });

  console.log('\nWhat sets the modes apart, AI texts after revision (before: the originals):\n');
  console.log(
    '| mode, strength | words after / before | mean sentence length (words) | contractions per 1,000 words | hedges per 1,000 words |',
  );
  console.log('|---|---|---|---|---|');
  const pb = ai.map((r) => profile(r.text));
  console.log(
    `| original | 1.000 | ${fmt(mean(pb.map((p) => p.sentenceLength)))} | ${fmt(mean(pb.map((p) => p.contractions)))} | ${fmt(mean(pb.map((p) => p.hedges)))} |`,
  );
  CONFIGS.forEach((c, ci) => {
    const pa = ai.map((r) => profile(revisions.get(r)![ci].text));
    console.log(
      `| ${c.mode} ${c.strength} | ${fmt(mean(ai.map((r) => revisions.get(r)![ci].lengthRatio)), 3)} | ${fmt(mean(pa.map((p) => p.sentenceLength)))} | ${fmt(mean(pa.map((p) => p.contractions)))} | ${fmt(mean(pa.map((p) => p.hedges)))} |`,
    );
  });

  if (BY_BLOCK) {
    const c = CONFIGS[0];
    console.log(`\nPer source block, ${c.mode} ${c.strength}:\n`);
    console.log('| block | label | n | independent before → after | ours before → after | F1 |');
    console.log('|---|---|---|---|---|---|');
    const keys = [...new Set(evalRows.map((r) => `${r.block}|${r.label}`))].sort();
    for (const k of keys) {
      const rs = evalRows.filter((r) => `${r.block}|${r.label}` === k);
      const [block, label] = k.split('|');
      console.log(
        `| ${block} | ${label} | ${rs.length} | ${fall(mean(rs.map((r) => indepBefore.get(r)!)), mean(rs.map((r) => revisions.get(r)![0].independent)))} | ${fall(mean(rs.map((r) => oursBefore.get(r)!)), mean(rs.map((r) => revisions.get(r)![0].ours)))} | ${fmt(mean(rs.map((r) => revisions.get(r)![0].f1)), 3)} |`,
      );
    }
  }
  if (LIST_RAISED) {
    const c = CONFIGS[0];
    console.log(`\nHuman texts scored higher after ${c.mode} ${c.strength}:\n`);
    console.log('| text | judged human | changes | independent before → after | ours before → after |');
    console.log('|---|---|---|---|---|');
    for (const r of human) {
      const rev = revisions.get(r)![0];
      const [ib, ob] = [indepBefore.get(r)!, oursBefore.get(r)!];
      if (rev.independent <= ib && rev.ours <= ob) continue;
      console.log(
        `| ${r.id} | ${rev.judgedHuman ? 'yes' : 'no'} | ${rev.changes} | ${fmt(ib, 2)} → ${fmt(rev.independent, 2)} | ${fmt(ob, 2)} → ${fmt(rev.ours, 2)} |`,
      );
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
