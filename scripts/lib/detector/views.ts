/**
 * Feature rows ("views") the detector trains and validates on, cut from each text:
 *   - doc:  the whole text;
 *   - crop: one or two runs of whole sentences of 50–150 words (seeded), so that short texts are
 *           trained and calibrated on short texts; AI continuations' human opening is skipped;
 *   - sent: the neighbourhood of one sentence (sentenceContext, as the engine scores it), up to
 *           three per text, for the sentence model.
 * All views of a text come from one preparation (tokens, surprisal) against the n-gram tables
 * that never saw the text's own block. The rows are cached under .scratch/ (gitignored), keyed
 * by a hash of the texts, the feature code and the parameters, so that repeated runs and every
 * validation fold reuse them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { NF, featuresFor, prepare, sentenceContext, type Lexicon } from '../../../src-workers/detect/features';
import { seededRandom } from '../random';
import type { TextRow } from './corpus';
import { lmForBlock, type Tables } from './tables';

export const VIEW_DOC = 0,
  VIEW_CROP = 1,
  VIEW_SENT = 2;

export interface Views {
  n: number;
  /** n × NF features, row-major. */
  x: Float64Array;
  /** Index of the text (TextRow) each view comes from. */
  row: Int32Array;
  kind: Uint8Array;
  /** Words in the view. */
  words: Float32Array;
  /** The view's character range in its text (to score the same words with another engine). */
  charA: Int32Array;
  charB: Int32Array;
}

export const CROP_MIN = 50,
  CROP_MAX = 150;
const CROPS_PER_TEXT = 2;
const SENTS_PER_TEXT = 3;

export function viewX(v: Views, i: number): Float64Array {
  return v.x.subarray(i * NF, (i + 1) * NF);
}

/** Sentence range [a, b) of about `target` words starting at a sentence at or after word `fromWord`. */
function cropRange(
  p: ReturnType<typeof prepare>,
  fromWord: number,
  target: number,
  rand: () => number,
): [number, number] | null {
  let first = 0;
  while (first < p.ns && p.sentWordA[first] < fromWord) first++;
  const starts: number[] = [];
  for (let s = first; s < p.ns; s++) if (p.sentWordB[p.ns - 1] - p.sentWordA[s] >= target) starts.push(s);
  if (starts.length === 0) return null;
  const a = starts[Math.floor(rand() * starts.length)];
  let b = a + 1;
  while (b < p.ns && p.sentWordB[b - 1] - p.sentWordA[a] < target) b++;
  const words = p.sentWordB[b - 1] - p.sentWordA[a];
  return words >= CROP_MIN ? [a, b] : null;
}

export function computeViews(rows: TextRow[], tables: Tables, lex: Lexicon): Views {
  const xs: number[] = [];
  const rowIdx: number[] = [];
  const kinds: number[] = [];
  const words: number[] = [];
  const cA: number[] = [],
    cB: number[] = [];
  const tmp = new Float64Array(NF);
  let p: ReturnType<typeof prepare>;
  const push = (r: number, kind: number, a: number, b: number) => {
    for (let k = 0; k < NF; k++) xs.push(tmp[k]);
    rowIdx.push(r);
    kinds.push(kind);
    cA.push(p.sentStart[a]);
    cB.push(p.sentEnd[b - 1]);
    words.push(p.sentWordB[b - 1] - p.sentWordA[a]);
  };
  const rand = seededRandom(20261203);
  rows.forEach((r, ri) => {
    p = prepare(r.text, lmForBlock(tables, r.block), lex);
    if (p.ns === 0) return;
    featuresFor(p, 0, p.ns, tmp);
    push(ri, VIEW_DOC, 0, p.ns);
    // Word index after the human-written opening of a continuation (plus a sentence of margin).
    const from = r.humanPrefixWords > 0 ? r.humanPrefixWords + 15 : 0;
    if (r.words - from >= CROP_MIN + 30) {
      for (let c = 0; c < CROPS_PER_TEXT; c++) {
        const target = CROP_MIN + Math.floor(rand() * (CROP_MAX - CROP_MIN));
        if (target >= r.words - from - 10) break;
        const range = cropRange(p, from, target, rand);
        if (!range) break;
        featuresFor(p, range[0], range[1], tmp);
        push(ri, VIEW_CROP, range[0], range[1]);
      }
    }
    const eligible: number[] = [];
    for (let s = 0; s < p.ns; s++) if (p.sentWordA[s] >= from && p.sentWordB[s] > p.sentWordA[s]) eligible.push(s);
    for (let c = 0; c < SENTS_PER_TEXT && eligible.length > 0; c++) {
      const s = eligible.splice(Math.floor(rand() * eligible.length), 1)[0];
      const [a, b] = sentenceContext(p, s);
      featuresFor(p, a, b, tmp);
      push(ri, VIEW_SENT, a, b);
    }
  });
  return {
    n: rowIdx.length,
    x: Float64Array.from(xs),
    row: Int32Array.from(rowIdx),
    kind: Uint8Array.from(kinds),
    words: Float32Array.from(words),
    charA: Int32Array.from(cA),
    charB: Int32Array.from(cB),
  };
}

/** Views from the cache when the texts, the feature code and the parameters are unchanged; else computed and cached. */
export function cachedViews(root: string, rows: TextRow[], tables: Tables, lex: Lexicon, codeFiles: string[]): Views {
  const h = createHash('sha256');
  h.update(`v3|${NF}|${CROP_MIN}|${CROP_MAX}|${CROPS_PER_TEXT}|${SENTS_PER_TEXT}\n`);
  for (const f of codeFiles) h.update(readFileSync(path.join(root, f)));
  for (const r of rows) h.update(`${r.key}|${r.block}|${r.label}|${r.humanPrefixWords}|${r.text}\n`);
  const key = h.digest('hex').slice(0, 16);
  const dir = path.join(root, '.scratch', 'detector');
  const file = path.join(dir, `views-${key}.bin`);
  if (existsSync(file)) {
    const buf = readFileSync(file);
    const n = buf.readUInt32LE(0);
    let off = 8;
    const take = <T>(C: { new (b: ArrayBuffer): T }, bytes: number): T => {
      const out = new C(buf.buffer.slice(buf.byteOffset + off, buf.byteOffset + off + bytes));
      off += bytes;
      return out;
    };
    const x = take(Float64Array, n * NF * 8);
    const row = take(Int32Array, n * 4);
    const words = take(Float32Array, n * 4);
    const charA = take(Int32Array, n * 4);
    const charB = take(Int32Array, n * 4);
    const kind = take(Uint8Array, n);
    return { n, x, row, kind, words, charA, charB };
  }
  const v = computeViews(rows, tables, lex);
  mkdirSync(dir, { recursive: true });
  const head = Buffer.alloc(8);
  head.writeUInt32LE(v.n, 0);
  writeFileSync(
    file,
    Buffer.concat([
      head,
      Buffer.from(v.x.buffer),
      Buffer.from(v.row.buffer),
      Buffer.from(v.words.buffer),
      Buffer.from(v.charA.buffer),
      Buffer.from(v.charB.buffer),
      Buffer.from(v.kind.buffer),
    ]),
  );
  return v;
}
