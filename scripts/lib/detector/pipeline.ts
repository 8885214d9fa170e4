/**
 * The detector's training and validation pipeline, shared by `npm run train:detector` (which
 * also writes the model and the report) and `npm run eval:detector` (which prints the tables).
 *
 *   loadContext   — texts, n-gram tables, lexicon, feature views (cached under .scratch/)
 *   validateDocs  — leave-one-source-block-out scores of a configuration, calibrated across blocks
 *   holdOutGroups — the same with each generator family and each generation mode held out
 *   validateSentences, passageTrial — the sentence model out of block, and mixed documents
 */
import { NF, buildLexicon, prepare, type Lexicon } from '../../../src-workers/detect/features';
import { sigmoid, type LinearModel } from '../../../src-workers/detect/model';
import { findPassages, sentenceScores, type PassageRules } from '../../../src-workers/detect/passages';
import { detectorScore as v2Score } from '../../../bench/baselines/detector-v2/index';
import { fitPlatt } from '../logreg';
import { readAllRows, type TextRow } from './corpus';
import { crossCalibrate, fitLengthCalibration, type Scored } from './calibrate';
import { makePolicy, type Fitted, type Policy } from './fit';
import { buildTables, kobakStyleHashes, lmForBlock, type Tables } from './tables';
import { outOfGroup, viewWeights, type FitJob } from './validate';
import { VIEW_CROP, VIEW_DOC, VIEW_SENT, cachedViews, type Views } from './views';

/** Source files whose change invalidates the cached views. */
const FEATURE_CODE = [
  'src-workers/detect/features.ts',
  'src-workers/detect/lexicon.ts',
  'src-workers/detect/lm.ts',
  'src-workers/detect/tokenize.ts',
  'src-workers/text/segment.ts',
  'scripts/lib/detector/corpus.ts',
  'scripts/lib/detector/views.ts',
  'scripts/lib/detector/tables.ts',
  'scripts/lib/npm-human.ts',
  'scripts/lib/brown.ts',
];

export interface Context {
  root: string;
  rows: TextRow[];
  tables: Tables;
  kobak: { hashes: number[]; kept: number; style: number };
  lex: Lexicon;
  views: Views;
}

export function loadContext(root: string, corpusDir: string, lexiconFile: string, log: (s: string) => void): Context {
  const t0 = Date.now();
  const rows = readAllRows(corpusDir);
  log(`texts: ${rows.length} (${rows.filter((r) => r.label === 1).length} AI) in ${Date.now() - t0} ms`);
  const tables = buildTables();
  const kobak = kobakStyleHashes(lexiconFile, tables.total);
  const lex = buildLexicon(kobak.hashes);
  const views = cachedViews(root, rows, tables, lex, FEATURE_CODE);
  log(`views: ${views.n} (doc, crop, sentence) in ${Date.now() - t0} ms`);
  return { root, rows, tables, kobak, lex, views };
}

export interface Config {
  id: string;
  name: string;
  policy: Policy;
  lambda: number;
}

/** The configurations the training script compares (leave-one-block-out), in report order. */
export function configs(): Config[] {
  return [
    {
      id: 'A',
      name: 'v2 feature set (no n-gram coverage, no marks of typing by hand), v3 data and weights',
      policy: makePolicy({ register: false, extraDrop: ['bi_seen', 'tri_seen', 'informal_orth'], name: 'v3-no-new' }),
      lambda: 1,
    },
    { id: 'B', name: 'v3 features and policy, λ = 1', policy: makePolicy({ register: false }), lambda: 1 },
    {
      id: 'D',
      name: 'B + register normalisation (residuals on word length)',
      policy: makePolicy({ register: true }),
      lambda: 1,
    },
  ];
}

export function configById(id: string): Config {
  const c = configs().find((k) => k.id === id);
  if (!c) throw new Error(`unknown configuration ${id}`);
  return c;
}

const DOC_KINDS = [VIEW_DOC, VIEW_CROP];

export interface DocValidation {
  config: Config;
  /** Out-of-block log-odds per view (doc and crop views), NaN elsewhere. */
  logit: Float64Array;
  /** Out-of-block probabilities, calibrated without the view's own block (0–1). */
  prob: Float64Array;
  /** Weights of the views in the final training set. */
  weight: Float64Array;
}

function scoredOf(ctx: Context, logit: Float64Array, weight: Float64Array, idx: number[]): Scored[] {
  return idx.map((i) => ({
    logit: logit[i],
    words: ctx.views.words[i],
    label: ctx.rows[ctx.views.row[i]].label,
    weight: weight[i],
  }));
}

export function docIndex(ctx: Context): number[] {
  return [...Array(ctx.views.n).keys()].filter((i) => DOC_KINDS.includes(ctx.views.kind[i]));
}

export function validateDocs(ctx: Context, config: Config, log: (s: string) => void): DocValidation {
  const t0 = Date.now();
  const job: FitJob = { policy: config.policy, lambda: config.lambda, kinds: DOC_KINDS };
  const logit = outOfGroup(ctx.views, ctx.rows, (r) => r.block, job, DOC_KINDS);
  const weight = viewWeights(ctx.rows, ctx.views, () => true, DOC_KINDS);
  const idx = docIndex(ctx);
  const cal = crossCalibrate(
    scoredOf(ctx, logit, weight, idx),
    idx.map((i) => ctx.rows[ctx.views.row[i]].block),
  );
  const prob = new Float64Array(ctx.views.n).fill(NaN);
  idx.forEach((i, j) => (prob[i] = cal[j]));
  log(`configuration ${config.id}: blocks held out in ${Date.now() - t0} ms`);
  return { config, logit, prob, weight };
}

/** Length-aware calibration of the final document model, fitted on the out-of-block scores. */
export function docCalibration(ctx: Context, v: DocValidation) {
  return fitLengthCalibration(scoredOf(ctx, v.logit, v.weight, docIndex(ctx)));
}

/**
 * Probabilities of AI views with their generator family (or generation mode) held out: a model
 * trained without any AI text of that family scores them, calibrated like the block-held-out
 * scores (with the final calibration fitted on those). Human views keep their out-of-block
 * probabilities; NaN elsewhere.
 */
export function holdOutGroups(
  ctx: Context,
  config: Config,
  key: 'family' | 'mode',
  calibrateLogit: (logit: number, words: number) => number,
  log: (s: string) => void,
): Float64Array {
  const t0 = Date.now();
  const job: FitJob = { policy: config.policy, lambda: config.lambda, kinds: DOC_KINDS };
  const groupOf = (r: TextRow) => (r.label === 1 ? (key === 'family' ? r.family : r.mode) : null);
  const logit = outOfGroup(ctx.views, ctx.rows, groupOf, job, DOC_KINDS);
  const out = new Float64Array(ctx.views.n).fill(NaN);
  for (const i of docIndex(ctx)) if (Number.isFinite(logit[i])) out[i] = calibrateLogit(logit[i], ctx.views.words[i]);
  log(`${key} held out in ${Date.now() - t0} ms`);
  return out;
}

export interface SentenceValidation {
  /** Out-of-block calibrated probability per sentence view. */
  prob: Float64Array;
  /** The out-of-block model of each block (with its cross-fitted Platt scaling), for mixed-document trials. */
  models: Map<string, LinearModel>;
  weight: Float64Array;
  logit: Float64Array;
}

export function validateSentences(ctx: Context, config: Config, log: (s: string) => void): SentenceValidation {
  const t0 = Date.now();
  const job: FitJob = { policy: config.policy, lambda: config.lambda, kinds: [VIEW_SENT] };
  const fitted = new Map<string, Fitted>();
  const logit = outOfGroup(ctx.views, ctx.rows, (r) => r.block, job, [VIEW_SENT], {
    onModel: (g, m) => fitted.set(g, m),
  });
  const weight = viewWeights(ctx.rows, ctx.views, () => true, [VIEW_SENT]);
  const idx = [...Array(ctx.views.n).keys()].filter((i) => ctx.views.kind[i] === VIEW_SENT);
  const prob = new Float64Array(ctx.views.n).fill(NaN);
  const models = new Map<string, LinearModel>();
  for (const [g, m] of fitted) {
    const other = idx.filter((i) => ctx.rows[ctx.views.row[i]].block !== g && weight[i] > 0);
    const platt = fitPlatt(
      other.map((i) => logit[i]),
      other.map((i) => ctx.rows[ctx.views.row[i]].label),
      other.map((i) => weight[i]),
    );
    models.set(g, { ...m, platt, humanMedian: new Array(NF).fill(0), aiMedian: new Array(NF).fill(0) });
    for (const i of idx) if (ctx.rows[ctx.views.row[i]].block === g) prob[i] = sigmoid(platt.a * logit[i] + platt.b);
  }
  log(`sentence model: blocks held out in ${Date.now() - t0} ms`);
  return { prob, models, weight, logit };
}

export interface MixedTrial {
  /** Per block: sentence scores of each whole text (human and AI) and of human+AI joins. */
  pure: { row: number; words: number; prep: ReturnType<typeof prepare>; scores: Float64Array }[];
  joined: { block: string; words: number; aiWords: number; prep: ReturnType<typeof prepare>; scores: Float64Array }[];
}

/**
 * Sentence scores for the mixed-document trial, each from the model that never saw the text's
 * block: every text as it is, and in blocks with both labels, documents made of a human text
 * and an AI text of the block joined as two halves (human first, then the other way round).
 */
export function mixedTrial(ctx: Context, sv: SentenceValidation, clip: number, perBlock = 40): MixedTrial {
  const pure: MixedTrial['pure'] = [];
  const joined: MixedTrial['joined'] = [];
  const byBlock = new Map<string, number[]>();
  ctx.rows.forEach((r, i) => byBlock.set(r.block, [...(byBlock.get(r.block) ?? []), i]));
  for (const [block, idx] of [...byBlock].sort()) {
    const m = sv.models.get(block);
    if (!m) continue;
    const lm = lmForBlock(ctx.tables, block);
    for (const i of idx) {
      const p = prepare(ctx.rows[i].text, lm, ctx.lex);
      if (p.ns === 0) continue;
      pure.push({ row: i, words: ctx.rows[i].words, prep: p, scores: sentenceScores(p, m, clip) });
    }
    const hum = idx.filter((i) => ctx.rows[i].label === 0);
    const ai = idx.filter((i) => ctx.rows[i].label === 1 && ctx.rows[i].mode !== 'continued');
    for (let k = 0; k < Math.min(perBlock, hum.length, ai.length); k++) {
      const h = ctx.rows[hum[k]],
        a = ctx.rows[ai[k]];
      const text = k % 2 === 0 ? `${h.text}\n\n${a.text}` : `${a.text}\n\n${h.text}`;
      const p = prepare(text, lm, ctx.lex);
      joined.push({ block, words: h.words + a.words, aiWords: a.words, prep: p, scores: sentenceScores(p, m, clip) });
    }
  }
  return { pure, joined };
}

export interface MixedOutcome {
  /** Share of human texts / AI texts / joins called mixed. */
  humanMixed: number;
  aiMixed: number;
  joinedMixed: number;
  /** Mean |ai_share − true AI share| over joins. */
  joinedShareError: number;
  /** Mean ai_share of single human texts and of single AI texts. */
  humanShare: number;
  aiShare: number;
  /** Worst human source block's share of texts called mixed. */
  worstHumanBlock: { block: string; share: number };
  /** Highest mean ai_share of a human source block's texts. */
  worstHumanShare: { block: string; share: number };
}

export function mixedOutcome(ctx: Context, trial: MixedTrial, rules: PassageRules): MixedOutcome {
  const n = [0, 0],
    mixed = [0, 0],
    share = [0, 0];
  const perBlock = new Map<string, [number, number]>();
  const sharePerBlock = new Map<string, number>();
  for (const t of trial.pure) {
    const r = ctx.rows[t.row];
    const ps = findPassages(t.prep, t.scores, rules);
    n[r.label]++;
    share[r.label] += ps.aiShare;
    if (ps.mixed) mixed[r.label]++;
    if (r.label === 0) {
      const b = perBlock.get(r.block) ?? [0, 0];
      perBlock.set(r.block, [b[0] + (ps.mixed ? 1 : 0), b[1] + 1]);
      sharePerBlock.set(r.block, (sharePerBlock.get(r.block) ?? 0) + ps.aiShare);
    }
  }
  let jm = 0,
    err = 0;
  for (const j of trial.joined) {
    const ps = findPassages(j.prep, j.scores, rules);
    if (ps.mixed) jm++;
    err += Math.abs(ps.aiShare - j.aiWords / j.words);
  }
  let worst = { block: '', share: 0 };
  // Blocks of fewer than 50 texts may have one text called mixed.
  for (const [block, [m, k]] of perBlock) {
    const share = k < 50 ? Math.max(0, m - 1) / k : m / k;
    if (share > worst.share) worst = { block, share };
  }
  let worstShare = { block: '', share: 0 };
  for (const [block, sum] of sharePerBlock) {
    const share = sum / perBlock.get(block)![1];
    if (share > worstShare.share) worstShare = { block, share };
  }
  const div = (a: number, b: number) => a / Math.max(1, b);
  return {
    humanMixed: div(mixed[0], n[0]),
    aiMixed: div(mixed[1], n[1]),
    joinedMixed: div(jm, trial.joined.length),
    joinedShareError: div(err, trial.joined.length),
    humanShare: div(share[0], n[0]),
    aiShare: div(share[1], n[1]),
    worstHumanBlock: worst,
    worstHumanShare: worstShare,
  };
}

/** The frozen v2 detector (bench/baselines/detector-v2): its threshold and minimum length. */
export const V2 = { threshold: 95.5, minWords: 150 };

/** The frozen v2 detector's score (percent) on the same words as each doc and crop view. */
export function v2Scores(ctx: Context): Float64Array {
  const out = new Float64Array(ctx.views.n).fill(NaN);
  for (const i of docIndex(ctx))
    out[i] = v2Score(ctx.rows[ctx.views.row[i]].text.slice(ctx.views.charA[i], ctx.views.charB[i]));
  return out;
}
