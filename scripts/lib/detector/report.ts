/**
 * Markdown tables of the detector's validation (training time only): per held-out source block,
 * generator family, generation mode, length bucket and human domain, each with the shipped
 * detector and, where given, the frozen v2 detector's numbers on the same texts.
 *
 * Scores are percentages. For a block, family or mode, AUROC and TPR at 1 % FPR compare its AI
 * texts with every human text (each scored out of its own block); FPR@thr is the share of its
 * human texts at or above the threshold, TPR@thr the share of its AI texts.
 */
import { auroc, tprAtFpr } from '../../../src-workers/detect/evaluate';
import type { TextRow } from './corpus';
import { VIEW_CROP, VIEW_DOC, type Views } from './views';

export interface Scoring {
  name: string;
  /** Score (percent) per view, NaN where not scored. */
  score: Float64Array;
  threshold: number;
  /** Words below which the engine declines a text (too_short). */
  minWords: number;
}

export const LENGTH_BUCKETS: [string, number, number][] = [
  ['50–100', 50, 100],
  ['100–150', 100, 150],
  ['150–300', 150, 300],
  ['300+', 300, Infinity],
];

const pct = (x: number | null) => (x === null || Number.isNaN(x) ? '–' : (100 * x).toFixed(1) + '%');
const num = (x: number | null) => (x === null || Number.isNaN(x) ? '–' : x.toFixed(3));

interface Cell {
  human: number[];
  ai: number[];
}

function rate(s: number[], thr: number): number | null {
  return s.length ? s.filter((v) => v >= thr).length / s.length : null;
}

function cellMetrics(c: Cell, allHuman: number[], thr: number): string[] {
  const vsAll = c.ai.length ? allHuman : c.human;
  return [
    String(c.human.length),
    String(c.ai.length),
    num(auroc(vsAll, c.ai)),
    pct(tprAtFpr(vsAll, c.ai, 0.01)),
    pct(rate(c.human, thr)),
    pct(rate(c.ai, thr)),
  ];
}

export interface TableSpec {
  title: string;
  /** Group of a view (null: not in the table). */
  groupOf: (r: TextRow, view: number) => string | null;
  /** Which views: doc views only, or doc and crop views. */
  kinds: number[];
  /** Per-scoring override of the scores AI views get (e.g. a family held out); humans keep theirs. */
  aiScore?: (s: Scoring) => Float64Array;
}

/** One table: a row per group, the columns of each scoring side by side. */
export function groupTable(rows: TextRow[], views: Views, scorings: Scoring[], spec: TableSpec): string[] {
  const groups = new Map<string, Cell[]>();
  const allHuman = scorings.map(() => [] as number[]);
  for (let i = 0; i < views.n; i++) {
    if (!spec.kinds.includes(views.kind[i])) continue;
    const r = rows[views.row[i]];
    const g = spec.groupOf(r, i);
    scorings.forEach((s, k) => {
      const v = r.label === 1 && spec.aiScore ? spec.aiScore(s)[i] : s.score[i];
      if (!Number.isFinite(v)) return;
      if (r.label === 0) allHuman[k].push(v);
      if (g === null) return;
      if (!groups.has(g))
        groups.set(
          g,
          scorings.map(() => ({ human: [], ai: [] })),
        );
      const c = groups.get(g)![k];
      (r.label === 1 ? c.ai : c.human).push(v);
    });
  }
  const cols = ['human', 'AI', 'AUROC', 'TPR@1%FPR', 'FPR@thr', 'TPR@thr'];
  const head = scorings.length === 1 ? cols : scorings.flatMap((s) => cols.slice(2).map((c) => `${c} ${s.name}`));
  const lead = scorings.length === 1 ? [] : ['human', 'AI'];
  const out = [
    `### ${spec.title}`,
    '',
    `| held out | ${[...lead, ...head].join(' | ')} |`,
    `|${'---|'.repeat(1 + lead.length + head.length)}`,
  ];
  for (const [g, cells] of [...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const parts = cells.map((c, k) => cellMetrics(c, allHuman[k], scorings[k].threshold));
    const row = scorings.length === 1 ? parts[0] : [parts[0][0], parts[0][1], ...parts.flatMap((p) => p.slice(2))];
    out.push(`| ${g} | ${row.join(' | ')} |`);
  }
  return out;
}

/** Length buckets of doc and crop views, with the share each scoring declines (too_short). */
export function lengthTable(rows: TextRow[], views: Views, scorings: Scoring[]): string[] {
  const out = [
    '### By length (whole texts and 50–150-word crops, scored out of block)',
    '',
    `| words | human | AI | ${scorings.map((s) => `declined ${s.name} | AUROC ${s.name} | TPR@1%FPR ${s.name} | FPR@thr ${s.name}`).join(' | ')} |`,
    `|${'---|'.repeat(3 + 4 * scorings.length)}`,
  ];
  for (const [name, lo, hi] of LENGTH_BUCKETS) {
    const idx = [...Array(views.n).keys()].filter(
      (i) => (views.kind[i] === VIEW_DOC || views.kind[i] === VIEW_CROP) && views.words[i] >= lo && views.words[i] < hi,
    );
    const hum = idx.filter((i) => rows[views.row[i]].label === 0);
    const ai = idx.filter((i) => rows[views.row[i]].label === 1);
    const cells = scorings.map((s) => {
      const declined = idx.filter((i) => views.words[i] < s.minWords).length / Math.max(1, idx.length);
      const h = hum.map((i) => s.score[i]).filter(Number.isFinite);
      const a = ai.map((i) => s.score[i]).filter(Number.isFinite);
      return `${pct(declined)} | ${num(auroc(h, a))} | ${pct(tprAtFpr(h, a, 0.01))} | ${pct(rate(h, s.threshold))}`;
    });
    out.push(`| ${name} | ${hum.length} | ${ai.length} | ${cells.join(' | ')} |`);
  }
  return out;
}

/** Overall numbers of a scoring on whole texts, as the held-out measure reads them. */
export function overall(rows: TextRow[], views: Views, s: Scoring): Record<string, number | null> {
  const idx = [...Array(views.n).keys()].filter((i) => views.kind[i] === VIEW_DOC);
  const scored = idx.filter((i) => views.words[i] >= s.minWords && Number.isFinite(s.score[i]));
  const h = scored.filter((i) => rows[views.row[i]].label === 0).map((i) => s.score[i]);
  const a = scored.filter((i) => rows[views.row[i]].label === 1).map((i) => s.score[i]);
  const withDeclined = (label: 0 | 1) =>
    idx.filter((i) => rows[views.row[i]].label === label).map((i) => (views.words[i] >= s.minWords ? s.score[i] : 50));
  return {
    scored: scored.length / idx.length,
    auroc: auroc(h, a),
    aurocDeclinedAs50: auroc(withDeclined(0), withDeclined(1)),
    tpr1: tprAtFpr(h, a, 0.01),
    fprAtThr: rate(h, s.threshold),
    tprAtThr: rate(a, s.threshold),
  };
}

export function overallTable(rows: TextRow[], views: Views, scorings: Scoring[]): string[] {
  const o = scorings.map((s) => overall(rows, views, s));
  const line = (label: string, f: (r: Record<string, number | null>) => string) =>
    `| ${label} | ${o.map(f).join(' | ')} |`;
  return [
    `| measure (whole texts, out of block) | ${scorings.map((s) => s.name).join(' | ')} |`,
    `|---|${'---|'.repeat(scorings.length)}`,
    line('texts scored (not too_short)', (r) => pct(r.scored)),
    line('AUROC on scored texts', (r) => num(r.auroc)),
    line('AUROC, a declined text counted as 50 %', (r) => num(r.aurocDeclinedAs50)),
    line('TPR at 1 % FPR', (r) => pct(r.tpr1)),
    line('FPR at the threshold', (r) => pct(r.fprAtThr)),
    line('TPR at the threshold', (r) => pct(r.tprAtThr)),
  ];
}

export interface ValidationScores {
  /** v3 out-of-block probabilities (0–1) per view; AI views with family / mode held out. */
  block: Float64Array;
  family: Float64Array;
  mode: Float64Array;
  /** The frozen v2 detector's percent score per view. */
  v2: Float64Array;
  threshold: number;
  v2Threshold: number;
  v2MinWords: number;
}

/** The leave-one-out tables `npm run eval:detector` prints and the training report holds. */
export function validationTables(rows: TextRow[], views: Views, s: ValidationScores): string[] {
  const toPct = (a: Float64Array) => a.map((v) => 100 * v);
  const v3: Scoring = { name: 'v3', score: toPct(s.block), threshold: s.threshold, minWords: 50 };
  const v2: Scoring = { name: 'v2', score: s.v2, threshold: s.v2Threshold, minWords: s.v2MinWords };
  const out: string[] = [...overallTable(rows, views, [v2, v3]), '', ...lengthTable(rows, views, [v2, v3]), ''];
  out.push(
    ...groupTable(rows, views, [v2, v3], {
      title: 'Per held-out source block (whole texts)',
      groupOf: (r) => r.block,
      kinds: [VIEW_DOC],
    }),
    '',
    ...groupTable(rows, views, [v2, v3], {
      title: 'Per human domain (whole texts and crops; FPR at the threshold)',
      groupOf: (r) => (r.label === 0 ? r.domain : null),
      kinds: [VIEW_DOC, VIEW_CROP],
    }),
    '',
  );
  for (const [key, p] of [
    ['family', s.family],
    ['mode', s.mode],
  ] as const) {
    const held = toPct(p);
    out.push(
      ...groupTable(rows, views, [v2, v3], {
        title: `Per held-out generator ${key} (its AI texts scored by a model trained without any AI text of that ${key}; whole texts and crops)`,
        groupOf: (r) => (r.label === 1 ? (key === 'family' ? r.family : r.mode) : null),
        kinds: [VIEW_DOC, VIEW_CROP],
        aiScore: (sc) => (sc.name === 'v3' ? held : sc.score),
      }),
      '',
    );
  }
  return out;
}
