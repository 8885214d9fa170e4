/**
 * Compiles the curated table (and the reviewed WordNet synonyms) into a trie over token keys,
 * expanding every verb form and noun number of each source, with the alternative inflected to
 * match. Built once per process, deterministically.
 */
import type { RewriteMode } from './mode';
import { inflectVerbPhrase, pluralize, verbForms, type VerbForm } from './inflect';
import { TABLE, WORDNET_REVIEWED, type Entry, type Guard } from './table';
import { safeSynonym } from './wordnet';

export interface Alt {
  /** Replacement text per form (for verbs: the forms this surface can be; one entry otherwise). */
  text: Partial<Record<VerbForm | 'x', string>>;
  attrOnly: boolean;
  predOnly: boolean;
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
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  rules: Rule[];
}

const MODES: RewriteMode[] = ['standard', 'formal', 'casual', 'concise'];
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
  for (const entry of TABLE) addEntry(root, entry);
  for (const wn of WORDNET_REVIEWED) {
    const syn = safeSynonym(wn.word, wn.pos);
    // Only the reviewed synonym, and only while WordNet still gives it.
    if (syn !== wn.synonym) continue;
    const kind = wn.pos === 'verb' ? 'verb' : 'fixed';
    addEntry(root, { src: wn.word, kind, alts: { plain: [syn] }, level: 2, guard: wn.guard });
  }
  return root;
}

function altFor(entry: Entry, mode: RewriteMode): string[] | null {
  if (entry.modes && !entry.modes.includes(mode)) return null;
  const a = entry.alts[mode] ?? entry.alts.plain;
  return a.length ? a : null;
}

function parseAlt(raw: string): { text: string; attrOnly: boolean; predOnly: boolean } {
  if (raw.endsWith('@attr')) return { text: raw.slice(0, -5), attrOnly: true, predOnly: false };
  if (raw.endsWith('@pred')) return { text: raw.slice(0, -5), attrOnly: false, predOnly: true };
  return { text: raw, attrOnly: false, predOnly: false };
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
        return { text, attrOnly: p.attrOnly, predOnly: p.predOnly };
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
