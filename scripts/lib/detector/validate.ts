/**
 * Leave-one-group-out validation for the detector (training time only). A "group" is a source
 * block, a generator family or a generation mode: every view of the group is scored by a model
 * trained without any row of it. Weights balance the classes and cap each source block, so that
 * no block (nd-hal's 1,843 FCE answers, ELLIPSE's 2,448 learner essays) decides the model.
 */
import type { TextRow } from './corpus';
import { fitLinear, logitOf, type Fitted, type Policy } from './fit';
import { viewX, type Views } from './views';

/** Largest number of texts of one source block and label counted at full weight. */
export const BLOCK_CAP = 150;

/**
 * Per-view weights: a text weighs min(1, BLOCK_CAP / texts of its block and label), AI texts
 * made mostly of human words (token-level polish, human edits of AI text, continuations) half
 * that; every view of a text carries its text's weight; the human side is scaled to the AI
 * side's total. Views of rows not in `include` get 0.
 */
export function viewWeights(
  rows: TextRow[],
  views: Views,
  include: (r: TextRow) => boolean,
  kinds: number[],
): Float64Array {
  const count = new Map<string, number>();
  for (const r of rows)
    if (include(r)) count.set(`${r.label}|${r.block}`, (count.get(`${r.label}|${r.block}`) ?? 0) + 1);
  const textW = rows.map((r) => {
    if (!include(r)) return 0;
    let w = Math.min(1, BLOCK_CAP / count.get(`${r.label}|${r.block}`)!);
    if (r.mode === 'human-edited' || r.mode === 'continued' || r.block.endsWith('polish-tok')) w *= 0.5;
    return w;
  });
  const w = new Float64Array(views.n);
  let ai = 0,
    hu = 0;
  for (let i = 0; i < views.n; i++) {
    if (!kinds.includes(views.kind[i])) continue;
    const r = rows[views.row[i]];
    w[i] = textW[views.row[i]];
    if (r.label === 1) ai += w[i];
    else hu += w[i];
  }
  const scaleH = hu > 0 ? ai / hu : 1;
  let total = 0,
    n = 0;
  for (let i = 0; i < views.n; i++) {
    if (rows[views.row[i]].label === 0) w[i] *= scaleH;
    if (w[i] > 0) {
      total += w[i];
      n++;
    }
  }
  for (let i = 0; i < views.n; i++) w[i] *= n / total;
  return w;
}

export interface FitJob {
  policy: Policy;
  lambda: number;
  /** View kinds the model trains on (e.g. doc + crop). */
  kinds: number[];
}

/** Fits on every view with weight > 0 among `viewIdx`. */
export function fitOn(views: Views, rows: TextRow[], viewIdx: number[], w: Float64Array, job: FitJob): Fitted {
  const train = viewIdx.filter((i) => w[i] > 0);
  const y = Uint8Array.from(train.map((i) => rows[views.row[i]].label));
  const ww = Float64Array.from(train.map((i) => w[i]));
  return fitLinear((i) => viewX(views, i), train, y, ww, job.policy, job.lambda);
}

export interface GroupOptions {
  /** Removes more rows from g's training set (e.g. the AI rows of a held-out family that sit in other blocks). */
  alsoExclude?: (r: TextRow, g: string) => boolean;
  /** Called before g's model is fitted (e.g. to cross-fit the style columns for fold g). */
  beforeFold?: (g: string) => void;
  onModel?: (g: string, m: Fitted) => void;
}

/**
 * Out-of-group logits for the views of `scoreKinds`: for each group g (groupOf(row) !== null), a
 * model trained on the views whose row's group is not g (weights recomputed without g) scores
 * the views of g. Views of rows without a group stay NaN.
 */
export function outOfGroup(
  views: Views,
  rows: TextRow[],
  groupOf: (r: TextRow) => string | null,
  job: FitJob,
  scoreKinds: number[],
  opts: GroupOptions = {},
): Float64Array {
  const out = new Float64Array(views.n).fill(NaN);
  const groups = [...new Set(rows.map(groupOf).filter((g): g is string => g !== null))].sort();
  const all = [...Array(views.n).keys()].filter((i) => job.kinds.includes(views.kind[i]));
  for (const g of groups) {
    opts.beforeFold?.(g);
    const w = viewWeights(rows, views, (r) => groupOf(r) !== g && !(opts.alsoExclude?.(r, g) ?? false), job.kinds);
    const m = fitOn(views, rows, all, w, job);
    opts.onModel?.(g, m);
    for (let i = 0; i < views.n; i++)
      if (scoreKinds.includes(views.kind[i]) && groupOf(rows[views.row[i]]) === g) out[i] = logitOf(m, viewX(views, i));
  }
  return out;
}
