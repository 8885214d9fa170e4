/**
 * The rule-based reviser for one unit of masked text (a line, or the part of it inside the
 * requested ranges): table swaps and phrase removals, contractions or their expansion, then
 * sentence rhythm (splitting long compound sentences at safe joints, joining very short
 * neighbours). Everything is a deterministic function of the text, the options and the running
 * occurrence counters, which the caller keeps per document.
 */
import type { RewriteMode } from './mode';
import { contract, contractionLevel, expand } from './contractions';
import { joinCostInSyllables, syllablesOf } from './readability';
import { verbForms, type VerbForm } from './inflect';
import { lexicon, type Alt, type Rule, type TrieNode } from './lexicon';
import { finiteInLexicon, invalidate, newPosCache, readsAsNoun, readsAsVerb, tagsAt, type PosCache } from './pos';
import type { Guard } from './table';
import {
  article,
  capitalize,
  detokenize,
  isCapitalized,
  isLowerWord,
  keyOf,
  matchCase,
  tokenize,
  wordCount,
  type Tok,
} from './tokens';
import {
  DETERMINERS,
  FINITE_AUX,
  MODALS,
  NON_HEAD,
  OBJECT_PRONOUNS,
  OBJECT_START,
  PERFECT_OR_PASSIVE,
  RELATIVES,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
  set,
} from './wordsets';

export interface ReviseState {
  mode: RewriteMode;
  strength: number;
  /** Apostrophe used for new contractions (the document's own style). */
  apostrophe: string;
  /** The dash the document uses between clauses (' — ' or ' – '), or null if it uses none. */
  dash: string | null;
  /** Occurrences so far per rule, for rotating alternatives. */
  counters: Map<string, number>;
  /** The current unit's protected spans by placeholder index (a quotation may start a sentence). */
  spans: readonly { kind: string; text: string }[];
  /** Tags of the sentence being looked at (one compromise parse per sentence, when needed). */
  pos: PosCache;
  /**
   * Joins of medium sentences still allowed in the document: it grows by one for every sentence
   * a split added and by the syllables the plainer words saved divided by what a join costs in
   * reading ease (at strength 3 also by one pair in four sentences); each join spends one.
   */
  credit: number;
  /** Words and sentences of the document so far (before revision), for the price of a join. */
  words: number;
  sentences: number;
  /** Last id given to the parts of a split sentence. */
  origins: number;
}

export function newState(
  mode: RewriteMode,
  strength: number,
  apostrophe = "'",
  dash: string | null = null,
): ReviseState {
  return {
    mode,
    strength,
    apostrophe,
    dash,
    counters: new Map(),
    spans: [],
    pos: newPosCache(),
    credit: 0.5,
    words: 0,
    sentences: 0,
    origins: 0,
  };
}

interface Sentence {
  toks: Tok[];
  /** Whitespace after the sentence (up to the next one). */
  gap: string;
  /** Made by joining two sentences (not joined again). */
  joined?: boolean;
  /** Parts of one split sentence share an id, so that they are never joined back together. */
  origin?: number;
}

const ABBREVIATIONS = set(
  'mr mrs ms dr prof sr jr st vs etc e.g i.e cf al fig figs no vol pp p ed eds approx inc ltd co corp dept univ jan feb mar apr jun jul aug sep sept oct nov dec gen gov sen rep rev mt',
);
const SENTENCE_END = new Set(['.', '!', '?', '…']);
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const OPENERS_P = new Set(['"', '“', '‘', "'", '(', '[', '«']);

/** Splits a unit's tokens into sentences (each keeping its trailing whitespace as `gap`). */
export function splitSentences(toks: Tok[]): Sentence[] {
  const out: Sentence[] = [];
  let cur: Tok[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    cur.push(t);
    if (t.k !== 'p' || !SENTENCE_END.has(t.t)) continue;
    let j = i + 1;
    while (j < toks.length && toks[j].k === 'p' && (CLOSERS.has(toks[j].t) || SENTENCE_END.has(toks[j].t)))
      cur.push(toks[j++]);
    if (j >= toks.length || toks[j].k !== 's') {
      i = j - 1;
      continue;
    }
    const nx = toks[j + 1];
    const startsNew =
      !nx || (nx.k === 'w' && /^[A-Z0-9]/.test(nx.t)) || nx.k === 'x' || (nx.k === 'p' && OPENERS_P.has(nx.t));
    if (!startsNew || (t.t === '.' && isAbbreviationBefore(cur, cur.length - 1 - (j - i - 1)))) {
      i = j - 1;
      continue;
    }
    out.push({ toks: cur, gap: toks[j].t });
    cur = [];
    i = j;
  }
  if (cur.length) {
    let gap = '';
    while (cur.length && cur[cur.length - 1].k === 's') gap = cur.pop()!.t + gap;
    out.push({ toks: cur, gap });
  }
  return out;
}

function isAbbreviationBefore(toks: Tok[], dotIndex: number): boolean {
  const w = toks[dotIndex - 1];
  if (!w || w.k !== 'w') return false;
  const k = w.t.toLowerCase();
  if (k.length === 1) return true;
  // "e.g." → tokens e . g .
  if (toks[dotIndex - 2]?.t === '.' && toks[dotIndex - 3]?.k === 'w') return true;
  return ABBREVIATIONS.has(k);
}

// ---------------------------------------------------------------------------------------------
// Table swaps

function prevIndex(toks: readonly Tok[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (toks[j].k !== 's') return j;
  return -1;
}
function nextIndex(toks: readonly Tok[], i: number): number {
  for (let j = i + 1; j < toks.length; j++) if (toks[j].k !== 's') return j;
  return -1;
}

interface Match {
  /** Index of the last token of the match. */
  end: number;
  node: TrieNode;
}

/** All trie matches starting at token i, longest first. Matches never cross a line break or protected text. */
function matchesAt(toks: readonly Tok[], i: number, root: TrieNode): Match[] {
  const out: Match[] = [];
  let node: TrieNode | undefined = root;
  let j = i;
  while (node && j < toks.length) {
    const t = toks[j];
    if (t.k === 's') {
      if (t.t !== ' ') break;
      j++;
      continue;
    }
    if (t.k === 'x') break;
    node = node.next.get(keyOf(t));
    if (!node) break;
    if (node.rules.length) out.push({ end: j, node });
    j++;
  }
  return out.reverse();
}

function guardOk(g: Guard, toks: readonly Tok[], start: number, end: number): boolean {
  const p = prevIndex(toks, start);
  const prev = p >= 0 ? keyOf(toks[p]) : '';
  const n = nextIndex(toks, end);
  const nextTok = n >= 0 ? toks[n] : undefined;
  const next = nextTok ? keyOf(nextTok) : '';
  if (g.prevIn && !g.prevIn.has(prev)) return false;
  if (g.prevNotIn && g.prevNotIn.has(prev)) return false;
  if (g.nextIn && !g.nextIn.has(next)) return false;
  if (g.nextNotIn && g.nextNotIn.has(next)) return false;
  if (g.nextLower && !(nextTok && nextTok.k === 'w' && isLowerWord(nextTok.t))) return false;
  if (
    g.object &&
    !(nextTok && nextTok.k === 'w' && isLowerWord(nextTok.t) && (OBJECT_START.has(next) || !NON_HEAD.has(next)))
  )
    return false;
  if (g.next2In) {
    const n2 = n >= 0 ? nextIndex(toks, n) : -1;
    if (n2 < 0 || !g.next2In.has(keyOf(toks[n2]))) return false;
  }
  if (g.nextWithin) {
    let k = end;
    let found = false;
    for (let c = 0; c < g.nextWithin.n; c++) {
      k = nextIndex(toks, k);
      if (k < 0 || toks[k].k !== 'w') break;
      if (g.nextWithin.in.has(keyOf(toks[k]))) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  if (g.notNextWithin && withinHas(toks, end, 1, g.notNextWithin)) return false;
  if (g.prevWithin && !withinHas(toks, start, -1, g.prevWithin)) return false;
  if (g.notPrevWithin && withinHas(toks, start, -1, g.notPrevWithin)) return false;
  return true;
}

/** One of the n words after (dir 1) or before (dir -1) index i is in the set; stops at punctuation or protected text. */
function withinHas(toks: readonly Tok[], i: number, dir: 1 | -1, w: { n: number; in: ReadonlySet<string> }): boolean {
  let k = i;
  for (let c = 0; c < w.n; c++) {
    k = dir === 1 ? nextIndex(toks, k) : prevIndex(toks, k);
    if (k < 0 || toks[k].k !== 'w') return false;
    if (w.in.has(keyOf(toks[k]))) return true;
  }
  return false;
}

/** The adjective at [start, end] stands before the noun it modifies. */
function attributive(toks: readonly Tok[], end: number): boolean {
  const n = nextIndex(toks, end);
  if (n < 0) return false;
  const t = toks[n];
  const k = keyOf(t);
  return t.k === 'w' && isLowerWord(t.t) && !NON_HEAD.has(k) && !DETERMINERS.has(k) && !k.endsWith('ly');
}

/** For a verb surface that can be several forms (e.g. "showcased": past or participle), which one it is here. */
function resolveForm(toks: readonly Tok[], start: number, forms: readonly VerbForm[]): VerbForm | null {
  if (forms.length === 1) return forms[0];
  // Look back over adverbs and "not" to the word that governs the verb.
  let p = prevIndex(toks, start);
  while (
    p >= 0 &&
    toks[p].k === 'w' &&
    (keyOf(toks[p]).endsWith('ly') || keyOf(toks[p]) === 'not' || keyOf(toks[p]) === 'also')
  )
    p = prevIndex(toks, p);
  const prev = p >= 0 ? keyOf(toks[p]) : '';
  if (forms.includes('pp') && PERFECT_OR_PASSIVE.has(prev)) return 'pp';
  if (
    forms.includes('base') &&
    (prev === 'to' ||
      prev === 'will' ||
      prev === 'would' ||
      prev === 'can' ||
      prev === 'could' ||
      prev === 'should' ||
      prev === 'may' ||
      prev === 'might' ||
      prev === 'must' ||
      prev === 'do' ||
      prev === 'does' ||
      prev === 'did')
  )
    return 'base';
  if (forms.includes('past') && SUBJECT_PRONOUNS.has(prev)) return 'past';
  // "The letter revealed the truth": a direct object follows, so this is the active past.
  if (forms.includes('past') && forms.includes('pp')) {
    const n = nextIndex(toks, start);
    const next = n >= 0 ? keyOf(toks[n]) : '';
    if ((DETERMINERS.has(next) || OBJECT_PRONOUNS.has(next)) && next !== 'all' && next !== 'both') return 'past';
  }
  return null;
}

/** The usable alternatives here, starting with the one whose turn it is. */
function pickAlts(
  rule: Rule,
  alts: Alt[],
  form: VerbForm | null,
  toks: readonly Tok[],
  start: number,
  end: number,
  counters: Map<string, number>,
): string[] {
  const isAttr = attributive(toks, end);
  const neighbours = new Set<string>();
  const p = prevIndex(toks, start);
  const n = nextIndex(toks, end);
  if (p >= 0) neighbours.add(keyOf(toks[p]));
  if (n >= 0) neighbours.add(keyOf(toks[n]));
  const eligible: string[] = [];
  for (const a of alts) {
    if (a.attrOnly && !isAttr) continue;
    if (a.predOnly && isAttr) continue;
    let text: string | undefined;
    if (rule.forms) {
      if (form) text = a.text[form];
      else {
        // Unresolved past/participle: usable only if all candidate forms give the same text.
        const vals = new Set(rule.forms.map((f) => a.text[f]));
        if (vals.size === 1) text = [...vals][0];
      }
    } else text = a.text.x;
    if (text === undefined) continue;
    const first = text.split(' ')[0];
    if (text !== '' && neighbours.has(first.toLowerCase())) continue;
    // Not "difficulties and difficulties": the new content word must not stand within three words.
    if (text !== '' && repeatsNearby(toks, start, end, text)) continue;
    eligible.push(text);
  }
  if (!eligible.length) return eligible;
  const c = (counters.get(rule.counter) ?? 0) % eligible.length;
  return [...eligible.slice(c), ...eligible.slice(0, c)];
}

const REPEAT_IGNORE = set(
  'a an the of to in on at for with and or but is are was were be it its his her their this that as by from into very more most so not',
);

function repeatsNearby(toks: readonly Tok[], start: number, end: number, text: string): boolean {
  const words = text
    .toLowerCase()
    .split(' ')
    .filter((w) => !REPEAT_IGNORE.has(w));
  if (!words.length) return false;
  let p = start;
  let n = end;
  for (let c = 0; c < 3; c++) {
    p = p >= 0 ? prevIndex(toks, p) : -1;
    n = n >= 0 ? nextIndex(toks, n) : -1;
    if (p >= 0 && toks[p].k === 'w' && words.includes(keyOf(toks[p]))) return true;
    if (n >= 0 && toks[n].k === 'w' && words.includes(keyOf(toks[n]))) return true;
  }
  return false;
}

function atClauseStart(toks: readonly Tok[], i: number): boolean {
  const p = prevIndex(toks, i);
  if (p < 0) return true;
  const t = toks[p];
  return t.k === 'p' && (t.t === ',' || t.t === ';' || t.t === ':' || t.t === '—' || t.t === '–' || t.t === '(');
}

/** A sentence may start with this token after the words before it are deleted. */
function canStartSentence(t: Tok | undefined, state: ReviseState): boolean {
  if (!t) return false;
  if (t.k === 'w') return isLowerWord(t.t) || isCapitalized(t.t);
  if (t.k === 'x') {
    // A quotation may open a sentence if it starts with a capital letter.
    const m = /\d+/.exec(t.t);
    const sp = m ? state.spans[Number(m[0])] : undefined;
    return !!sp && sp.kind === 'quote' && /^[^\p{L}]*\p{Lu}/u.test(sp.text);
  }
  return t.k === 'p' && (t.t === '“' || t.t === '"');
}

/** Applies the table to one sentence, in place. Returns the number of changes. */
function applyTable(toks: Tok[], state: ReviseState, pos: PosCache): number {
  const root = lexicon();
  let changes = 0;
  let sentenceStart = firstContentIndex(toks);
  let guardSteps = 0;
  for (let i = 0; i < toks.length; i++) {
    if (++guardSteps > 10_000) break;
    const t = toks[i];
    if (t.k !== 'w') continue;
    const isStart = i === sentenceStart;
    // A capitalised word inside a sentence is a name or a title: leave it.
    if (!isStart && isCapitalized(t.t) && !(t.t === 'I')) continue;
    let applied = 0;
    for (const m of matchesAt(toks, i, root)) {
      for (const rule of m.node.rules) {
        const e = rule.entry;
        if (e.level > state.strength) continue;
        const alts = rule.alts[state.mode];
        if (!alts.length) continue;
        if (e.at === 'sentence' && !isStart) continue;
        if (e.at === 'clause' && !isStart && !atClauseStart(toks, i)) continue;
        if (!guardOk(rule.guard, toks, i, m.end)) continue;
        if (rule.guard.attributive && !attributive(toks, m.end)) continue;
        if (rule.guard.verb && !readsAsVerb(toks, i, rule.forms, pos)) continue;
        if (rule.guard.noun && !readsAsNoun(toks, i, pos)) continue;
        const form = rule.forms ? resolveForm(toks, i, rule.forms) : null;
        let len = -1;
        for (const text of pickAlts(rule, alts, form, toks, i, m.end, state.counters)) {
          len = replace(toks, i, m.end, text, isStart, state);
          if (len >= 0) break;
        }
        if (len < 0) continue;
        invalidate(pos);
        state.counters.set(rule.counter, (state.counters.get(rule.counter) ?? 0) + 1);
        changes++;
        applied = len === 0 ? -1 : len;
        break;
      }
      if (applied) break;
    }
    if (applied === -1) {
      // Deleted: look again at what now stands here (it may start the sentence).
      sentenceStart = firstContentIndex(toks);
      i--;
    } else if (applied > 0) {
      i += applied - 1;
    }
  }
  return changes;
}

function firstContentIndex(toks: readonly Tok[]): number {
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].k === 'w' || toks[i].k === 'x') return i;
    if (toks[i].k === 'p' && !OPENERS_P.has(toks[i].t)) return -1;
  }
  return -1;
}

/**
 * Replaces tokens [start, end] by `text` ('' deletes them). Returns the number of tokens put in
 * (0 for a deletion), or -1 when the change would leave a bad sentence and was not made.
 */
function replace(toks: Tok[], start: number, end: number, text: string, isStart: boolean, state: ReviseState): number {
  const original = toks[start].t;
  if (text === '') {
    // Delete the phrase and the space after it; the next word starts the sentence or clause.
    let stop = end + 1;
    while (stop < toks.length && toks[stop].k === 's' && !toks[stop].t.includes('\n')) stop++;
    const next = toks[stop];
    if (isStart) {
      if (!canStartSentence(next, state)) return -1;
      if (isCapitalized(original) && next.k === 'w' && isLowerWord(next.t))
        toks[stop] = { t: capitalize(next.t), k: 'w' };
    } else if (!next || next.k === 'p') {
      return -1;
    }
    toks.splice(start, stop - start);
    return 0;
  }
  const cased = isStart
    ? matchCase(text, original)
    : original === original.toUpperCase() && original.length > 1
      ? text.toUpperCase()
      : text;
  const repl = tokenize(cased);
  toks.splice(start, end - start + 1, ...repl);
  // a / an before the new first word.
  const p = prevIndex(toks, start);
  if (p >= 0 && toks[p].k === 'w' && /^(a|an)$/i.test(toks[p].t) && repl[0]?.k === 'w') {
    toks[p] = { t: article(repl[0].t, isCapitalized(toks[p].t)), k: 'w' };
  }
  return repl.length;
}

// ---------------------------------------------------------------------------------------------
// Rhythm

const CLAUSE_SUBJECTS = set(
  'i we they he she it you this these those there the its their our his her my your many most some each every such no none people everyone everything nobody someone something others',
);
const JOIN_STARTS = set('it this that they we he she there these those the its their our his her my your');

interface Joint {
  /** Index of the ',' or ';' token. */
  at: number;
  /** Index of the first token of the second clause. */
  rest: number;
  conj: 'and' | 'but' | 'so' | 'yet' | ';' | 'ing';
  /** For 'ing': the participle's entry. */
  participle?: Participle;
}

/**
 * Participles that, after a comma at the end of a clause, state what the whole clause brings
 * about or shows ("The dam broke, causing floods"): such a tail can become a sentence of its own
 * with "This" as subject ("The dam broke. This caused floods."). `next`: the word that must
 * follow; `evidential`: the participle can also describe what a person subject does ("She
 * smiled, showing her teeth"), so the split is made only when the subject is not a person
 * (not a personal pronoun or a name).
 */
interface Participle {
  base: string;
  next?: ReadonlySet<string>;
  evidential?: boolean;
}
const OBJECTS_OF_MAKING = set('it them him her us readers people the this these those a an life things everything');
const PARTICIPLES = new Map<string, Participle>([
  ['causing', { base: 'cause' }],
  ['leading', { base: 'lead', next: set('to') }],
  ['resulting', { base: 'result', next: set('in') }],
  ['prompting', { base: 'prompt' }],
  ['sparking', { base: 'spark' }],
  ['triggering', { base: 'trigger' }],
  ['allowing', { base: 'allow' }],
  ['enabling', { base: 'enable' }],
  ['forcing', { base: 'force' }],
  ['making', { base: 'make', next: OBJECTS_OF_MAKING }],
  ['ensuring', { base: 'ensure' }],
  ['contributing', { base: 'contribute', next: set('to') }],
  ['paving', { base: 'pave', next: set('the') }],
  ['setting', { base: 'set', next: set('the') }],
  ['giving', { base: 'give', next: set('rise') }],
  ['fueling', { base: 'fuel' }],
  ['fuelling', { base: 'fuel' }],
  ['creating', { base: 'create', evidential: true }],
  ['generating', { base: 'generate' }],
  ['raising', { base: 'raise', next: set('questions concerns doubts awareness') }],
  ['highlighting', { base: 'highlight', evidential: true }],
  ['underscoring', { base: 'underscore', evidential: true }],
  ['emphasizing', { base: 'emphasize', evidential: true }],
  ['emphasising', { base: 'emphasise', evidential: true }],
  ['stressing', { base: 'stress', evidential: true }],
  ['showing', { base: 'show', evidential: true, next: set('that how what why the a an its their his her this these') }],
  ['demonstrating', { base: 'demonstrate', evidential: true }],
  ['illustrating', { base: 'illustrate', evidential: true }],
  ['reflecting', { base: 'reflect', evidential: true }],
  ['revealing', { base: 'reveal', evidential: true }],
  ['suggesting', { base: 'suggest', evidential: true }],
  ['indicating', { base: 'indicate', evidential: true }],
  ['signaling', { base: 'signal', evidential: true }],
  ['signalling', { base: 'signal', evidential: true }],
  ['symbolizing', { base: 'symbolize', evidential: true }],
  ['symbolising', { base: 'symbolise', evidential: true }],
  ['mirroring', { base: 'mirror', evidential: true }],
  ['echoing', { base: 'echo', evidential: true }],
  ['reinforcing', { base: 'reinforce', evidential: true }],
  ['marking', { base: 'mark', evidential: true }],
  ['proving', { base: 'prove', evidential: true, next: set('that the a an its their his her this these') }],
  ['exemplifying', { base: 'exemplify', evidential: true }],
]);
/** Words before the participle that "This" makes redundant (", thereby causing" → ". This causes"). */
const LINK_ADVERBS = set('thereby thus');
/** Sentence openings after which the subject is not a person ("The", "In the novel, …", "Its"). */
const IMPERSONAL_STARTS = set(
  'the this these that those its their his her our my your a an in on at by with for through as when while although though despite after before during from over under since because if each every such both all many most some',
);

function hasFinite(toks: readonly Tok[], from: number, to: number, maxWords: number): boolean {
  let words = 0;
  for (let i = from; i < to && words < maxWords; i++) {
    const t = toks[i];
    if (t.k !== 'w') continue;
    const k = keyOf(t);
    if (RELATIVES.has(k) && words > 0) return false;
    if (FINITE_AUX.has(k) || /^[a-z]+['’](?:s|re|ve|ll|d|m)$/.test(k)) return true;
    words++;
  }
  return false;
}

/** Is toks[from..to) an independent clause (a subject followed soon by a finite verb)? */
/** "they've" → "they": the subject of a contracted auxiliary. */
function stem(key: string): string {
  return key.replace(/'(?:s|re|ve|ll|d|m)$/, '');
}

function independentClause(toks: readonly Tok[], from: number, to: number, pos: PosCache): boolean {
  const first = toks[from];
  if (!first || first.k !== 'w') return false;
  // A name as subject: "…, and Emily Brontë's novel is …".
  if (isCapitalized(first.t) && !/^I(?:['’]\w+)?$/.test(first.t)) return finiteByTagger(toks, from, to, pos);
  if (!isLowerWord(first.t) && !/^I(?:['’]\w+)?$/.test(first.t)) return false;
  const key = keyOf(first);
  if (key !== stem(key)) return CLAUSE_SUBJECTS.has(stem(key));
  const k = key;
  if (!CLAUSE_SUBJECTS.has(k)) return false;
  if (SUBJECT_PRONOUNS.has(k) || k === 'this' || k === 'there') {
    // "they found", "it carries", "we can": a pronoun subject and a verb-like word after it.
    const n = nextIndex(toks, from);
    if (n < 0 || n >= to || toks[n].k !== 'w' || !isLowerWord(toks[n].t)) return false;
    const nk = keyOf(toks[n]);
    if (FINITE_AUX.has(nk)) return true;
    if (NON_HEAD.has(nk) || nk.endsWith('ly'))
      return hasFinite(toks, n + 1, to, 2) || finiteByTagger(toks, from, to, pos);
    // "it", "you", "this", "there" can be objects or determiners; ask for a clearly finite verb.
    if (k === 'it' || k === 'he' || k === 'she' || k === 'this' || k === 'there')
      return /(?:[^s]s|ed)$/.test(nk) || finiteByTagger(toks, from, to, pos);
    return true;
  }
  if (hasFinite(toks, from + 1, to, 6)) return true;
  return finiteByTagger(toks, from, to, pos);
}

function finiteTags(tags: ReadonlySet<string>): boolean {
  return (
    tags.has('Verb') &&
    !tags.has('Gerund') &&
    !tags.has('Infinitive') &&
    !tags.has('Participle') &&
    (tags.has('PresentTense') ||
      tags.has('PastTense') ||
      tags.has('Copula') ||
      tags.has('Modal') ||
      tags.has('Auxiliary'))
  );
}

/**
 * toks[from..to) starts with a noun phrase followed by a finite verb ("the novel explores ...")
 * before any relative pronoun. compromise's lexicon first; its tagger when that is not enough.
 */
function finiteByTagger(toks: readonly Tok[], from: number, to: number, pos: PosCache): boolean {
  let noun = false;
  let words = 0;
  for (let i = from; i < to && words < 9; i++) {
    const t = toks[i];
    if (t.k === 'x') {
      noun = true;
      words++;
      continue;
    }
    if (t.k !== 'w') continue;
    words++;
    const k = keyOf(t);
    if (RELATIVES.has(k) && words > 1) return false;
    if (noun && finiteInLexicon(k)) return true;
    const tags = tagsAt(toks, i, pos);
    if (finiteTags(tags)) return noun;
    if (tags.has('Noun') || tags.has('Pronoun')) noun = true;
    else if (
      !tags.has('Determiner') &&
      !tags.has('Adjective') &&
      !tags.has('Possessive') &&
      !tags.has('Adverb') &&
      !tags.has('Preposition') &&
      !tags.has('Value')
    )
      return false;
  }
  return false;
}

const SCOPE_OPENERS = set('whether if because since when while although though unless whereas as where how what why');
/** Words after which "that" opens a that-clause (not a relative clause after a noun). */
const THAT_CLAUSE_HEADS = set(
  "say says said saying think thinks thought believe believes believed argue argues argued claim claims claimed show shows showed shown suggest suggests suggested know knows knew known feel feels felt find finds found note notes noted mean means meant realize realizes realized realise realises realised hope hopes hoped ensure ensures ensured clear likely true evident obvious so such fact sure certain possible important apparent agree agrees agreed seem seems seemed appear appears appeared reveal reveals revealed indicate indicates indicated conclude concludes concluded recognize recognizes recognized understand understands understood assume assumes assumed explain explains explained state states stated report reports reported insist insists insisted admit admits admitted remember remembers remembered learn learns learned notice notices noticed is was are were 's",
);

/** "red, green, and the blue one": a comma shortly before ", and" means a list, not two clauses. */
function listBefore(toks: readonly Tok[], end: number): boolean {
  let words = 0;
  for (let i = end - 1; i >= 0 && words < 6; i--) {
    if (toks[i].k === 'w' || toks[i].k === 'x') words++;
    if (toks[i].k === 'p' && toks[i].t === ',') return true;
  }
  return false;
}

function leftClauseOk(toks: readonly Tok[], end: number, pos: PosCache): boolean {
  const fi = firstContentIndex(toks);
  if (fi < 0) return false;
  let words = 0;
  let finite = false;
  let open = 0;
  let comma = false;
  // "both A and B", "between A and B", "either A or B" must be closed before the joint.
  let pendingPair: string | null = null;
  let scopeOpen = false;
  for (let i = 0; i < end; i++) {
    const t = toks[i];
    if (t.k === 'w') {
      words++;
      const k = keyOf(t);
      if (k === 'both' || k === 'between') pendingPair = 'and';
      else if (k === 'either') pendingPair = 'or';
      else if (k === 'neither') pendingPair = 'nor';
      else if (pendingPair && k === pendingPair) pendingPair = null;
      // "I believe that A, and B": B may belong to the that-clause; only split once a comma closed it.
      if (SCOPE_OPENERS.has(k)) scopeOpen = true;
      if (k === 'that') {
        const p = prevIndex(toks, i);
        if (p < 0 || THAT_CLAUSE_HEADS.has(keyOf(toks[p]))) scopeOpen = true;
      }
      if (FINITE_AUX.has(k) || /['’](?:s|re|ve|ll|d|m)$/.test(k) || /ed$/.test(k)) finite = true;
    } else if (t.k === 'p') {
      if (t.t === '(' || t.t === '[') open++;
      if (t.t === ')' || t.t === ']') open--;
      if (t.t === ',') {
        comma = true;
        scopeOpen = false;
      }
      if (t.t === '"' || t.t === '“' || t.t === '”') return false;
    }
  }
  if (words < 6 || open !== 0 || pendingPair || scopeOpen) return false;
  // "If X and Y" is one clause; "If X, Y" has its main clause after the comma.
  if (SUBORDINATORS.has(keyOf(toks[fi])) && !comma) return false;
  return finite || hasFiniteVerb(toks, 0, end, pos);
}

/** A finite verb in toks[from..to): from compromise's lexicon when it knows, else from its tagger. */
function hasFiniteVerb(toks: readonly Tok[], from: number, to: number, pos: PosCache): boolean {
  let prev = '';
  for (let i = from; i < to; i++) {
    const t = toks[i];
    if (t.k !== 'w') continue;
    const k = keyOf(t);
    if (finiteInLexicon(k)) return true;
    // "he sets", "it grows": a subject pronoun and a word in -s / -ed.
    if (SUBJECT_PRONOUNS.has(prev) && /(?:[^s]s|ed)$/.test(k)) return true;
    prev = k;
  }
  for (let i = from; i < to; i++) if (toks[i].k === 'w' && finiteTags(tagsAt(toks, i, pos))) return true;
  return false;
}

function findJoints(toks: readonly Tok[], allowAnd: boolean, allowBut: boolean, allowIng = false): Joint[] {
  const out: Joint[] = [];
  let semicolons = 0;
  for (const t of toks) if (t.k === 'p' && t.t === ';') semicolons++;
  for (let i = 1; i + 2 < toks.length; i++) {
    const t = toks[i];
    if (t.k !== 'p') continue;
    if (toks[i + 1].t !== ' ') continue;
    if (t.t === ';' && semicolons === 1) {
      out.push({ at: i, rest: i + 2, conj: ';' });
    } else if (t.t === ',') {
      const c = toks[i + 2];
      if (c.k !== 'w' || toks[i + 3]?.t !== ' ') continue;
      const k = keyOf(c);
      if ((k === 'and' && allowAnd) || ((k === 'but' || k === 'so' || k === 'yet') && allowBut))
        out.push({ at: i, rest: i + 4, conj: k });
      else if (allowIng) {
        // ", causing …", ", thereby causing …"
        let v = i + 2;
        if (LINK_ADVERBS.has(k) && toks[v + 2]?.k === 'w') v += 2;
        const vt = toks[v];
        const part = vt && vt.k === 'w' && isLowerWord(vt.t) ? PARTICIPLES.get(keyOf(vt)) : undefined;
        if (!part || toks[v + 1]?.t !== ' ') continue;
        const nx = toks[v + 2];
        if (!nx || (nx.k !== 'w' && nx.k !== 'x')) continue;
        if (part.next && !part.next.has(keyOf(nx))) continue;
        out.push({ at: i, rest: v, conj: 'ing', participle: part });
      }
    }
  }
  return out;
}

/** Splits one long sentence at its most central safe joint; returns the parts (one if no split). */
function splitSentence(
  s: Sentence,
  minWords: number,
  minWordsSemicolon: number,
  state: ReviseState,
  nextStartsThis = false,
): Sentence[] {
  const toks = s.toks;
  const n = wordCount(toks);
  if (n < Math.min(minWords, minWordsSemicolon)) return [s];
  const last = toks[toks.length - 1];
  if (!last || last.k !== 'p' || last.t !== '.') return [s];
  const allowAnd = state.mode !== 'formal' || state.strength >= 3;
  const allowBut = state.mode !== 'formal';
  // Contrast and consequence (", but", ", so", ", yet") and participle tails split as early as a semicolon does.
  const joints = findJoints(
    toks,
    allowAnd && n >= minWords,
    allowBut && n >= minWordsSemicolon,
    n >= minWordsSemicolon,
  ).filter((j) => (j.conj !== ';' && j.conj !== 'and') || n >= (j.conj === 'and' ? minWords : minWordsSemicolon));
  if (!joints.length) return [s];
  const total = wordCount(toks);
  let best: Joint | null = null;
  let bestScore = Infinity;
  let bestTense: Tense | null = null;
  for (const j of joints) {
    const left = wordCount(toks.slice(0, j.at));
    const right = total - left;
    let tense: Tense | null = null;
    if (j.conj === 'ing') {
      if (left < 8 || right < 4) continue;
      if (!leftClauseOk(toks, j.at, state.pos)) continue;
      if (j.participle!.evidential && !impersonalSubject(toks)) continue;
      // Not "This X. This Y." nor "X. This Y. This Z.": a run of sentences opening with "This".
      if (nextStartsThis || startsWithThis(toks)) continue;
      if (commaThenVerb(toks, j.rest, state.pos)) continue;
      tense = mainTense(toks, j.at, state.pos);
      if (!tense) continue;
    } else {
      if (left < 6 || right < 5) continue;
      if (j.conj === 'and' && listBefore(toks, j.at)) continue;
      if (!independentClause(toks, j.rest, toks.length, state.pos)) continue;
      if (!leftClauseOk(toks, j.at, state.pos)) continue;
    }
    // Very long sentences are halved; others give a short sentence next to a longer one.
    const score = total >= 40 ? Math.abs(left - right) : Math.min(left, right);
    if (score < bestScore) {
      best = j;
      bestScore = score;
      bestTense = tense;
    }
  }
  if (!best) return [s];
  const leftToks = toks.slice(0, best.at);
  const restToks = toks.slice(best.rest);
  const first = restToks[0];
  let right: Tok[];
  if (best.conj === 'ing') {
    const f = verbForms(best.participle!.base);
    right = [
      { t: 'This', k: 'w' },
      { t: ' ', k: 's' },
      { t: bestTense === 'past' ? f.past : f.s3, k: 'w' },
      ...restToks.slice(1),
    ];
  } else if (best.conj === 'but' || best.conj === 'so' || best.conj === 'yet') {
    right = [{ t: capitalize(best.conj), k: 'w' }, { t: ' ', k: 's' }, ...restToks];
  } else {
    right = [{ t: capitalize(first.t), k: 'w' }, ...restToks.slice(1)];
  }
  const origin = s.origin ?? ++state.origins;
  const a: Sentence = { toks: [...leftToks, { t: '.', k: 'p' }], gap: ' ', origin };
  const b: Sentence = { toks: right, gap: s.gap, origin };
  invalidate(state.pos);
  // A very long half may split again.
  return [
    ...splitSentence(a, minWords, minWordsSemicolon, state, startsWithThis(b.toks)),
    ...splitSentence(b, minWords, minWordsSemicolon, state, nextStartsThis),
  ];
}

type Tense = 'past' | 'present';
const PRESENT_BE = set("is are am 's 're does do it's that's there's he's she's they're");
const PAST_BE = set('was were did');
const PERFECT = set("has have had 've 'd hasn't haven't hadn't");
const BE_OR_HAVE = new Set<string>([...PRESENT_BE, ...PAST_BE, ...PERFECT, ...set('be been being')]);

/**
 * The tense of the finite verbs in toks[0..end): 'past' or 'present' when all agree, null when
 * there is none, they differ, or the clause is perfect or modal (then a split that needs a tense
 * is not made).
 */
function mainTense(toks: readonly Tok[], end: number, pos: PosCache): Tense | null {
  let tense: Tense | null = null;
  let afterAux = false;
  let prev = '';
  for (let i = 0; i < end; i++) {
    const t = toks[i];
    if (t.k !== 'w') continue;
    const k = keyOf(t);
    let here: Tense | null = null;
    if (MODALS.has(k) || (/n't$/.test(k) && !PRESENT_BE.has(k) && !PAST_BE.has(k))) return null;
    if (PERFECT.has(k)) return null;
    if (PRESENT_BE.has(k)) here = 'present';
    else if (PAST_BE.has(k)) here = 'past';
    else if (!afterAux && prev !== 'to') {
      const tags = tagsAt(toks, i, pos);
      if (tags.has('Verb') && !tags.has('Gerund') && !tags.has('Infinitive') && !tags.has('Participle')) {
        if (tags.has('PastTense')) here = 'past';
        else if (tags.has('PresentTense')) here = 'present';
      }
    }
    if (here) {
      if (tense && tense !== here) return null;
      tense = here;
    }
    // The word after "is", "was", "be" (adverbs aside) is a participle or complement, not a finite verb.
    if (BE_OR_HAVE.has(k)) afterAux = true;
    else if (!k.endsWith('ly') && k !== 'not') afterAux = false;
    prev = k;
  }
  return tense;
}

function startsWithThis(toks: readonly Tok[]): boolean {
  const fi = firstContentIndex(toks);
  return fi >= 0 && toks[fi].k === 'w' && (keyOf(toks[fi]) === 'this' || keyOf(toks[fi]) === 'these');
}

/** The subject is not a person: the sentence opens with a determiner, a preposition, a possessive ("Emily's novel"), … */
function impersonalSubject(toks: readonly Tok[]): boolean {
  const fi = firstContentIndex(toks);
  if (fi < 0 || toks[fi].k !== 'w') return false;
  const k = keyOf(toks[fi]);
  return IMPERSONAL_STARTS.has(k) || /['’]s$/.test(toks[fi].t);
}

/** After toks[from], a comma is followed by a finite verb: the participle clause is parenthetical ("The storm, causing floods, hit …"). */
function commaThenVerb(toks: readonly Tok[], from: number, pos: PosCache): boolean {
  for (let i = from; i < toks.length; i++) {
    if (toks[i].k !== 'p' || toks[i].t !== ',') continue;
    const n = nextIndex(toks, i);
    if (n < 0 || toks[n].k !== 'w') continue;
    const k = keyOf(toks[n]);
    if (FINITE_AUX.has(k)) return true;
    if (finiteTags(tagsAt(toks, n, pos)) && !CONJ_OR_SUB.has(k)) return true;
  }
  return false;
}
const CONJ_OR_SUB = new Set<string>(['and', 'or', 'but', 'so', 'yet', 'nor', ...SUBORDINATORS, ...RELATIVES]);

/** Joins two very short sentences: "It works. It is fast." → "It works, and it is fast." */
function tryJoin(a: Sentence, b: Sentence, maxWords: number, state: ReviseState): Sentence | null {
  if (a.gap !== ' ') return null;
  const la = a.toks[a.toks.length - 1];
  if (!la || la.k !== 'p' || la.t !== '.') return null;
  const before = a.toks[a.toks.length - 2];
  if (!before || (before.k !== 'w' && before.k !== 'x')) return null;
  if (before.k === 'w' && isAbbreviationBefore(a.toks, a.toks.length - 1)) return null;
  const lb = b.toks[b.toks.length - 1];
  if (!lb || lb.k !== 'p' || lb.t !== '.') return null;
  const wa = wordCount(a.toks);
  const wb = wordCount(b.toks);
  if (wa > maxWords || wb > maxWords || wa < 2 || wb < 2) return null;
  if (a.toks.some((t) => t.k === 'p' && (t.t === ',' || t.t === ';' || t.t === ':'))) return null;
  const first = b.toks[0];
  if (!first || first.k !== 'w' || !isCapitalized(first.t) || !JOIN_STARTS.has(stem(keyOf(first)))) return null;
  const second = b.toks[nextIndex(b.toks, 0)];
  if (!second || second.k !== 'w' || isCapitalized(second.t)) return null;
  if (!firstIsWordStart(a.toks)) return null;
  const joint: Tok[] =
    state.mode === 'formal'
      ? [
          { t: ';', k: 'p' },
          { t: ' ', k: 's' },
        ]
      : [
          { t: ',', k: 'p' },
          { t: ' ', k: 's' },
          { t: 'and', k: 'w' },
          { t: ' ', k: 's' },
        ];
  const lowered = /^I(?:['’]\w+)?$/.test(first.t) ? first.t : first.t[0].toLowerCase() + first.t.slice(1);
  return { toks: [...a.toks.slice(0, -1), ...joint, { t: lowered, k: 'w' }, ...b.toks.slice(1)], gap: b.gap };
}

function firstIsWordStart(toks: readonly Tok[]): boolean {
  return toks[0]?.k === 'w' && isCapitalized(toks[0].t);
}

/**
 * Joins two neighbouring medium sentences when the second continues the first ("X. It Y." →
 * "X, and it Y."), so that a paragraph of evenly sized sentences gets one longer one. The pair
 * with the longest result within `maxWords` is chosen; at most `maxJoins` per unit.
 */
function joinMedium(sents: Sentence[], maxWords: number, maxJoins: number, state: ReviseState): Sentence[] {
  let out = sents;
  for (let n = 0; n < maxJoins; n++) {
    if (out.length < 3) break;
    let best = -1;
    let bestLen = 0;
    for (let i = 0; i + 1 < out.length; i++) {
      const a = out[i];
      const b = out[i + 1];
      if (a.joined || b.joined || (a.origin !== undefined && a.origin === b.origin)) continue;
      const wa = wordCount(a.toks);
      const wb = wordCount(b.toks);
      if (wa < 5 || wb < 4 || wa + wb > maxWords) continue;
      if (!canJoin(a, b)) continue;
      const len = wa + wb;
      if (len > bestLen) {
        best = i;
        bestLen = len;
      }
    }
    if (best < 0) break;
    const turn = state.counters.get('join') ?? 0;
    state.counters.set('join', turn + 1);
    // Formal and concise: a semicolon. Otherwise the document's own dash, taking turns with a semicolon.
    const hasDash = [out[best], out[best + 1]].some((x) =>
      x.toks.some((t) => t.k === 'p' && (t.t === '—' || t.t === '–' || t.t === '-')),
    );
    const transition = canJoin(out[best], out[best + 1]) === 'transition';
    const joint =
      transition || state.mode === 'formal' || state.mode === 'concise' || !state.dash || hasDash || turn % 2 === 1
        ? ';'
        : state.dash;
    const joined = join(out[best], out[best + 1], joint);
    joined.joined = true;
    out = [...out.slice(0, best), joined, ...out.slice(best + 2)];
  }
  return out;
}

/** Sentence-opening transitions after which a semicolon join reads naturally ("X; however, Y"). */
const JOIN_TRANSITIONS: readonly string[][] = [
  'however',
  'for example',
  'for instance',
  'in fact',
  'instead',
  'as a result',
  'in turn',
  'even so',
  'still',
  'meanwhile',
  'in contrast',
  'by contrast',
  'on the other hand',
  'consequently',
  'therefore',
  'thus',
  'likewise',
  'similarly',
  'otherwise',
  'nevertheless',
  'nonetheless',
].map((p) => p.split(' '));

/** b opens with a transition and a comma ("However, …"). */
function opensWithTransition(b: Sentence): boolean {
  for (const phrase of JOIN_TRANSITIONS) {
    let i = 0;
    let ok = true;
    for (const w of phrase) {
      if (i < 0 || b.toks[i]?.k !== 'w' || keyOf(b.toks[i]) !== w) {
        ok = false;
        break;
      }
      i = nextIndex(b.toks, i);
    }
    if (ok && i >= 0 && b.toks[i].t === ',' && b.toks[i + 1]?.k === 's') return true;
  }
  return false;
}

/**
 * Two sentences can be joined: plain statements, the second starting with a word that continues
 * the first ('continues': "It", "This", "The" …) or with a transition ('transition': "However,"
 * — joined only with a semicolon).
 */
function canJoin(a: Sentence, b: Sentence): 'continues' | 'transition' | null {
  if (a.gap !== ' ') return null;
  const la = a.toks[a.toks.length - 1];
  if (!la || la.k !== 'p' || la.t !== '.') return null;
  const before = a.toks[a.toks.length - 2];
  if (!before || (before.k !== 'w' && before.k !== 'x')) return null;
  if (before.k === 'w' && isAbbreviationBefore(a.toks, a.toks.length - 1)) return null;
  const lb = b.toks[b.toks.length - 1];
  if (!lb || lb.k !== 'p' || lb.t !== '.') return null;
  if (a.toks.some((t) => t.k === 'p' && (t.t === ';' || t.t === ':'))) return null;
  if (b.toks.some((t) => t.k === 'p' && t.t === ';')) return null;
  if (!firstIsWordStart(a.toks)) return null;
  const first = b.toks[0];
  if (!first || first.k !== 'w' || !isCapitalized(first.t)) return null;
  if (opensWithTransition(b)) return 'transition';
  if (!JOIN_STARTS.has(stem(keyOf(first)))) return null;
  const second = b.toks[nextIndex(b.toks, 0)];
  if (!second || second.k !== 'w' || isCapitalized(second.t)) return null;
  return 'continues';
}

function join(a: Sentence, b: Sentence, how: string): Sentence {
  const first = b.toks[0];
  const joint: Tok[] =
    how === ';'
      ? [
          { t: ';', k: 'p' },
          { t: ' ', k: 's' },
        ]
      : how === ', and'
        ? [
            { t: ',', k: 'p' },
            { t: ' ', k: 's' },
            { t: 'and', k: 'w' },
            { t: ' ', k: 's' },
          ]
        : [
            { t: ' ', k: 's' },
            { t: how.trim(), k: 'p' },
            { t: ' ', k: 's' },
          ];
  const lowered = /^I(?:['’]\w+)?$/.test(first.t) ? first.t : first.t[0].toLowerCase() + first.t.slice(1);
  return { toks: [...a.toks.slice(0, -1), ...joint, { t: lowered, k: 'w' }, ...b.toks.slice(1)], gap: b.gap };
}

/**
 * Sentence rhythm by strength. Strength 1 leaves it alone. From 2: long sentences are split at a
 * safe joint between independent clauses (", and" from 16 words; ", but", ", so", ", yet", a
 * single semicolon or a participle tail such as ", causing …" from 16, 12 at strength 3), very
 * short neighbours are joined, and middling neighbours (up to 50 words together) are joined as
 * the document's credit allows: one join per sentence a split added, plus what the unit's
 * syllable savings pay for (readability.ts), and at strength 3 one pair in four sentences.
 * Human prose mixes short and long sentences; splitting and joining in equal measure gives that
 * mix while the document reads no harder than before.
 */
function rhythm(sents: Sentence[], state: ReviseState, syllablesSaved: number): Sentence[] {
  const s = state.strength;
  if (s < 2) return sents;
  const splitMin = 16;
  const splitMinSemicolon = s >= 3 ? 12 : 16;
  const joinShort = state.mode === 'concise' ? 0 : s >= 3 ? 7 : 4;
  // Two middling sentences of about 25 words each may become one: the semicolon or dash marks the seam.
  const joinMediumMax = 50;
  let out: Sentence[] = [];
  for (let i = 0; i < sents.length; i++)
    out.push(
      ...splitSentence(
        sents[i],
        splitMin,
        splitMinSemicolon,
        state,
        i + 1 < sents.length && startsWithThis(sents[i + 1].toks),
      ),
    );
  // Strength 2 joins only what splits and plainer words have paid for; strength 3 (never less than 2) also one pair in four sentences.
  state.credit +=
    out.length - sents.length + syllablesSaved / (JOIN_MARGIN * joinCostInSyllables(state.words, state.sentences));
  if (s >= 3) state.credit += sents.length / 4;
  if (joinShort > 0) {
    const joined: Sentence[] = [];
    for (let i = 0; i < out.length; i++) {
      const j = i + 1 < out.length ? tryJoin(out[i], out[i + 1], joinShort, state) : null;
      if (j) {
        j.joined = true;
        joined.push(j);
        i++;
      } else joined.push(out[i]);
    }
    out = joined;
  }
  const meanLen = out.reduce((n, x) => n + wordCount(x.toks), 0) / Math.max(1, out.length);
  if (meanLen <= 24 && state.credit >= 1) {
    const n0 = out.length;
    out = joinMedium(out, joinMediumMax, Math.min(Math.floor(state.credit), Math.ceil(out.length / 3)), state);
    state.credit -= n0 - out.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

/** Syllable savings must exceed a join's price by this factor: the price is estimated from the document so far. */
const JOIN_MARGIN = 1.1;

/** Revises one unit of masked text. */
export function reviseUnit(masked: string, state: ReviseState): string {
  const toks = tokenize(masked);
  const sents = splitSentences(toks);
  const level = contractionLevel(state.mode, state.strength);
  const pos = state.pos;
  // Syllable savings only pay for joins, and only rhythm (strength 2 and up) joins.
  const countSaved = state.strength >= 2;
  let saved = 0;
  for (const s of sents) {
    state.words += wordCount(s.toks);
    if (countSaved) saved += syllablesOf(s.toks);
    applyTable(s.toks, state, pos);
    const changed = state.mode === 'formal' ? expand(s.toks) : contract(s.toks, level, state.apostrophe);
    if (changed > 0) invalidate(pos);
    if (countSaved) saved -= syllablesOf(s.toks);
  }
  state.sentences += sents.length;
  const out = rhythm(sents, state, saved);
  let text = '';
  for (const s of out) text += detokenize(s.toks) + s.gap;
  return text;
}
