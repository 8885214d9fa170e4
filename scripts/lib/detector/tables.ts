/**
 * The detector's human-text n-gram tables and overused-word list, built at training time.
 *
 * Tables: counts from the Brown corpus only (whole files), in five folds so that a Brown sample's
 * features can come from tables that never saw its own file's fold (cross-fitting). Every other
 * text is scored against the full tables: none of it is in them.
 *
 * Overused words: Kobak et al.'s `style` excess words (never `content` words), open-class and
 * rarer than 1 in 10,000 tokens of human text; the model ships their hashes only.
 */
import { readFileSync } from 'node:fs';
import { NgramCounts, NgramLm } from '../../../src-workers/detect/lm';
import { hashWord, tokenize } from '../../../src-workers/detect/tokenize';
import { readBrown } from '../brown';

export const LM_BITS = { uni: 18, bi: 20, tri: 20 };
export const LM_OPTS = { triMin: 2, mu2: 2, mu3: 2, alpha: 0.5 };
export const BROWN_FOLDS = 5;

export interface Tables {
  total: NgramCounts;
  /** The full model, and one per Brown fold without that fold. */
  lm: NgramLm;
  lmWithout: Map<string, NgramLm>;
}

function lmOf(c: NgramCounts): NgramLm {
  const b = c.build(LM_OPTS);
  return new NgramLm(b.params, b.uni, b.bi, b.tri);
}

export function buildTables(): Tables {
  const folds: NgramCounts[] = [];
  for (let k = 0; k < BROWN_FOLDS; k++) folds.push(new NgramCounts(LM_BITS.uni, LM_BITS.bi, LM_BITS.tri));
  readBrown().forEach((f, fi) => folds[fi % BROWN_FOLDS].add(tokenize(f.paragraphs.join('\n\n'))));
  const total = new NgramCounts(LM_BITS.uni, LM_BITS.bi, LM_BITS.tri);
  for (const c of folds) total.plus(c);
  const lmWithout = new Map<string, NgramLm>();
  folds.forEach((c, k) => lmWithout.set(`brown-${k}`, lmOf(total.minus(c))));
  return { total, lm: lmOf(total), lmWithout };
}

/** The language model a row's features come from: without its own Brown fold, else the full one. */
export function lmForBlock(t: Tables, block: string): NgramLm {
  return t.lmWithout.get(block) ?? t.lm;
}

function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [],
    cell = '',
    q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
    } else if (c !== '\r') cell += c;
  }
  if (cell || row.length) {
    row.push(cell);
    out.push(row);
  }
  return out;
}

const CLOSED = new Set(['preposition', 'pronoun', 'pronoun/adverb', 'particle', 'conjunction', 'determiner']);
const MAX_HUMAN_RATE = 1e-4;

/** Hashes of the kept style words, sorted; and how many of how many were kept. */
export function kobakStyleHashes(
  csvFile: string,
  total: NgramCounts,
): { hashes: number[]; kept: number; style: number } {
  const csv = parseCsv(readFileSync(csvFile, 'utf8'));
  const hdr = csv[0];
  const wi = hdr.indexOf('word'),
    ti = hdr.indexOf('type'),
    pi = hdr.indexOf('part_of_speech');
  const style = csv.slice(1).filter((r) => r[ti] === 'style');
  const rate = (word: string): number => {
    const t = tokenize(word);
    if (t.n !== 1) return 1;
    return total.uni[t.hash[0] >>> (32 - LM_BITS.uni)] / total.total;
  };
  const words = style
    .filter((r) => !CLOSED.has(r[pi]) && rate(r[wi].toLowerCase()) < MAX_HUMAN_RATE)
    .map((r) => r[wi].toLowerCase());
  return { hashes: [...new Set(words.map(hashWord))].sort((a, b) => a - b), kept: words.length, style: style.length };
}
