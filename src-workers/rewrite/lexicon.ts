/**
 * Compiles the curated table (and the reviewed WordNet synonyms, as reviewed: WordNet itself is
 * read only by the tests) into a trie over token keys,
 * expanding every verb form and noun number of each source, with the alternative inflected to
 * match. Built once per process, deterministically.
 */
import type { RewriteMode } from '../../src-shared/models';
import { inflectVerbPhrase, pluralize, verbForms, type VerbForm } from './inflect';
import { PHRASES } from './phrases';
import { toBritish } from './spelling';
import { STRUCTURAL_WORDS } from './structure';
import { REASONS, type Reason } from './reasons';
import { entryReason, TABLE, WORDNET_REVIEWED, type Entry, type Guard } from './table';

export interface Alt {
  /** Replacement text per form (for verbs: the forms this surface can be; one entry otherwise). */
  text: Partial<Record<VerbForm | 'x', string>>;
  attrOnly: boolean;
  predOnly: boolean;
  /**
   * Used only where every other alternative echoes a word nearby ("@spare"): "a crucial skill.
   * Here are some key strategies" takes "a vital skill", while "crucial" goes on reading "key"
   * everywhere else.
   */
  spare: boolean;
}

export interface Rule {
  id: number;
  /** Key of the occurrence counter that rotates the alternatives (shared within a group). */
  counter: string;
  entry: Entry;
  /** Number of key tokens the source spans. */
  length: number;
  /** For verbs: the forms this surface form can be (more than one when they coincide: "used" = past or pp). */
  forms: VerbForm[] | null;
  alts: Record<RewriteMode, Alt[]>;
  guard: Guard;
  /** What its change addresses (the hunk's reason). */
  reason: Reason;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  rules: Rule[];
}

const MODES: RewriteMode[] = ['standard', 'formal', 'casual', 'academic', 'concise'];
const VERB_FORMS: VerbForm[] = ['base', 's3', 'past', 'pp', 'ger'];
const HEAD_FIRST = new Set(['of', 'to', 'for', 'with', 'on', 'in']);

let compiled: TrieNode | null = null;
let nextId = 0;

export function lexicon(): TrieNode {
  if (!compiled) compiled = build();
  return compiled;
}

function build(): TrieNode {
  const root: TrieNode = { next: new Map(), rules: [] };
  // A mode's own entries come before the general ones for the same words (rules are tried in order).
  const all = [...TABLE, ...PHRASES];
  for (const entry of [...all.filter((e) => e.modes), ...all.filter((e) => !e.modes)]) addEntry(root, entry);
  // The reviewed WordNet synonyms (tests check WordNet still gives each one; nothing reads WordNet at run time).
  for (const wn of WORDNET_REVIEWED) {
    const kind = wn.pos === 'verb' ? 'verb' : 'fixed';
    addEntry(root, { src: wn.word, kind, alts: { plain: [wn.synonym] }, level: 2, guard: wn.guard, forms: wn.forms });
  }
  return root;
}

function altFor(entry: Entry, mode: RewriteMode): string[] | null {
  // Academic prose is formal prose with hedges: it takes the formal alternatives where an entry
  // gives none of its own (an entry limited to some modes names academic prose when it applies).
  if (entry.modes && !entry.modes.includes(mode)) return null;
  const a = entry.alts[mode] ?? (mode === 'academic' ? entry.alts.formal : undefined) ?? entry.alts.plain;
  return a.length ? a : null;
}

/** "key@attr", "vital@attr@spare": the text and the marks after it. */
function parseAlt(raw: string): { text: string; attrOnly: boolean; predOnly: boolean; spare: boolean } {
  const [text, ...marks] = raw.split('@');
  return { text, attrOnly: marks.includes('attr'), predOnly: marks.includes('pred'), spare: marks.includes('spare') };
}

function nounPlural(phrase: string): string {
  const words = phrase.split(' ');
  if (words.length > 1 && HEAD_FIRST.has(words[1])) return [pluralize(words[0]), ...words.slice(1)].join(' ');
  return pluralize(phrase);
}

function addEntry(root: TrieNode, entry: Entry): void {
  // surface → forms it can be
  const surfaces = new Map<string, VerbForm[] | null>();
  if (entry.kind === 'verb') {
    const sp = entry.src.indexOf(' ');
    const head = sp < 0 ? entry.src : entry.src.slice(0, sp);
    const rest = sp < 0 ? '' : entry.src.slice(sp);
    const f = verbForms(head);
    for (const form of entry.forms ?? VERB_FORMS) {
      const s = f[form] + rest;
      const list = surfaces.get(s) ?? [];
      list.push(form);
      surfaces.set(s, list);
    }
  } else if (entry.kind === 'noun') {
    surfaces.set(entry.src, null);
    if (entry.plural !== false) surfaces.set(nounPlural(entry.src), ['pp']); // 'pp' marks the plural below
  } else {
    surfaces.set(entry.src, null);
  }

  for (const [surface, forms] of surfaces) {
    const keys = surface.split(' ');
    const alts = {} as Record<RewriteMode, Alt[]>;
    for (const mode of MODES) {
      const list = altFor(entry, mode);
      alts[mode] = (list ?? []).map((raw) => {
        const p = parseAlt(raw);
        const text: Alt['text'] = {};
        if (entry.kind === 'verb' && forms) {
          for (const form of forms) text[form] = p.text === '' ? '' : inflectVerbPhrase(p.text, form);
        } else if (entry.kind === 'noun' && forms) {
          text.x = p.text === '' ? '' : nounPlural(p.text);
        } else {
          text.x = p.text;
        }
        return { text, attrOnly: p.attrOnly, predOnly: p.predOnly, spare: p.spare };
      });
    }
    const rule: Rule = {
      id: nextId,
      counter: entry.group ?? `r${nextId++}`,
      entry,
      length: keys.length,
      forms: entry.kind === 'verb' ? forms : null,
      alts,
      guard: entry.guard ?? {},
      reason: REASONS[entryReason(entry)],
    };
    let node = root;
    for (const k of keys) {
      let n = node.next.get(k);
      if (!n) {
        n = { next: new Map(), rules: [] };
        node.next.set(k, n);
      }
      node = n;
    }
    node.rules.push(rule);
  }
}

/** Every source surface the table matches (for tests and documentation). */
export function allSurfaces(): string[] {
  const out: string[] = [];
  const walk = (n: TrieNode, path: string[]) => {
    if (n.rules.length) out.push(path.join(' '));
    for (const [k, c] of n.next) walk(c, [...path, k]);
  };
  walk(lexicon(), []);
  return out;
}

let insertable: Set<string> | null = null;

/**
 * Every word an alternative in the table can put into a text (lower case), and the words the
 * structural edits put in: the meaning guard lets these in, and no other new content word.
 */
export function insertableWords(): ReadonlySet<string> {
  if (insertable) return insertable;
  const out = new Set<string>(STRUCTURAL_WORDS);
  const walk = (n: TrieNode) => {
    for (const r of n.rules)
      for (const mode of MODES)
        for (const a of r.alts[mode])
          for (const t of Object.values(a.text))
            for (const w of (t ?? '').toLowerCase().split(/[\s,]+/)) if (w) out.add(w);
    for (const c of n.next.values()) walk(c);
  };
  walk(lexicon());
  // The same words in British spelling, which a document written that way gets (spelling.ts).
  for (const w of [...out]) out.add(toBritish(w));
  insertable = out;
  return out;
}
