/**
 * The first reviser: replaces words and phrases language models overuse from a fixed table and
 * adds contractions, paragraph by paragraph, leaving quotes, numbers and URLs untouched. Kept as
 * the baseline the full reviser is benchmarked against (bench/rewrite.ts).
 */
import type { ProgressMessage, RewriteOutput } from '../../src-shared/tasks';
import type { RewriteOptions } from '../../src-shared/models';
import { paragraphs } from '../text/segment';
import { wordDiff } from './diff';

export const TABLE_REVISER_ID = 'rules-v1';

/** Phrase → plainer phrase. Matched case-insensitively on word boundaries; the first letter's case is kept. */
const REPLACEMENTS: [string, string][] = [
  ['it is important to note that ', ''],
  ['it is worth noting that ', ''],
  ["in today's fast-paced world, ", 'today, '],
  ['plays a crucial role in', 'matters for'],
  ['plays a vital role in', 'matters for'],
  ['a wide range of', 'many'],
  ['in order to', 'to'],
  ['due to the fact that', 'because'],
  ['delve into', 'look at'],
  ['delves into', 'looks at'],
  ['delving into', 'looking at'],
  ['utilize', 'use'],
  ['utilizes', 'uses'],
  ['utilizing', 'using'],
  ['leverage', 'use'],
  ['leveraging', 'using'],
  ['furthermore,', 'also,'],
  ['moreover,', 'besides,'],
  ['additionally,', 'also,'],
  ['in conclusion,', 'in short,'],
  ['pivotal', 'key'],
  ['crucial', 'important'],
  ['comprehensive', 'full'],
  ['meticulous', 'careful'],
  ['meticulously', 'carefully'],
  ['commence', 'start'],
  ['endeavor', 'try'],
  ['showcase', 'show'],
  ['showcases', 'shows'],
  ['tapestry', 'mix'],
  ['realm', 'area'],
  ['foster', 'encourage'],
  ['fosters', 'encourages'],
  ['underscore', 'stress'],
  ['underscores', 'stresses'],
  ['seamless', 'smooth'],
  ['seamlessly', 'smoothly'],
];

const CONTRACTIONS: [string, string][] = [
  ['do not', "don't"],
  ['does not', "doesn't"],
  ['did not', "didn't"],
  ['is not', "isn't"],
  ['are not', "aren't"],
  ['was not', "wasn't"],
  ['cannot', "can't"],
  ['will not', "won't"],
  ['it is', "it's"],
  ['that is', "that's"],
  ['they are', "they're"],
  ['we are', "we're"],
  ['you are', "you're"],
];

const compile = (pairs: [string, string][]) =>
  pairs.map(([from, to]) => ({
    re: new RegExp(`\\b${from.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')}${/\w$/.test(from) ? '\\b' : ''}`, 'gi'),
    to,
  }));
const REPLACE_RES = compile(REPLACEMENTS);
const CONTRACT_RES = compile(CONTRACTIONS);

// Spans left untouched: quotations, URLs, numbers (with units and separators).
const PROTECTED = /"[^"\n]*"|“[^”\n]*”|https?:\/\/\S+|www\.\S+|\b\d[\d.,:/%-]*\b/g;

function keepCase(match: string, to: string): string {
  if (to.length === 0) return to;
  return /^[A-Z]/.test(match) ? to[0].toUpperCase() + to.slice(1) : to;
}

function reviseChunk(chunk: string, contractions: boolean): string {
  let out = chunk;
  for (const { re, to } of REPLACE_RES) out = out.replace(re, (m) => keepCase(m, to));
  if (contractions) for (const { re, to } of CONTRACT_RES) out = out.replace(re, (m) => keepCase(m, to));
  // A removed lead-in leaves a lower-case sentence start behind: capitalise it.
  return out.replace(/(^|[.!?]\s+)([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
}

/** Revises the text between protected spans only. */
function reviseParagraph(text: string, contractions: boolean): string {
  let out = '';
  let last = 0;
  PROTECTED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PROTECTED.exec(text)) !== null) {
    out += reviseChunk(text.slice(last, m.index), contractions) + m[0];
    last = m.index + m[0].length;
  }
  return out + reviseChunk(text.slice(last), contractions);
}

export function rewriteV1(
  text: string,
  options: Pick<RewriteOptions, 'mode'>,
  ranges: { start: number; end: number }[] | null,
  onProgress: (p: ProgressMessage) => void,
): RewriteOutput {
  const contractions = options.mode !== 'formal';
  const paras = paragraphs(text);
  const inScope = (s: number, e: number) => ranges === null || ranges.some((r) => r.start < e && r.end > s);
  let out = '';
  let last = 0;
  let lastProgress = -1;
  paras.forEach((p, i) => {
    out += text.slice(last, p.start);
    const body = text.slice(p.start, p.end);
    out += inScope(p.start, p.end) ? reviseParagraph(body, contractions) : body;
    last = p.end;
    const progress = Math.floor(((i + 1) * 100) / paras.length);
    if (progress !== lastProgress && progress < 100) onProgress({ progress, done: i + 1 });
    lastProgress = progress;
  });
  out += text.slice(last);
  onProgress({ progress: 100, done: paras.length });
  const { hunks, diff_summary } = wordDiff(text, out);
  return { text: out, hunks, diff_summary, engine: TABLE_REVISER_ID };
}
