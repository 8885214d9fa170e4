/**
 * Does a word read as a verb (or a noun) where it stands? Cheap context rules decide most cases;
 * the rest ask compromise's tagger about the whole sentence (cached per sentence), and a case
 * neither can settle is treated as "no", so the swap is not made.
 */
import nlp from 'compromise';
import type { VerbForm } from './inflect';
import { keyOf, nextIndex, prevIndex, type Tok } from './tokens';
import {
  DETERMINERS,
  MODALS,
  NON_HEAD,
  OBJECT_PRONOUNS,
  POSSESSIVES,
  PREPOSITIONS,
  SUBJECT_PRONOUNS,
  set,
} from './wordsets';

const VERB_BEFORE_BASE = new Set<string>([
  'to',
  ...MODALS,
  ...SUBJECT_PRONOUNS,
  ...set(
    "do does did don't doesn't didn't not never also often always usually can't cannot won't wouldn't shouldn't couldn't let help",
  ),
]);
const VERB_BEFORE_S3 = set('it he she this that which who also often always usually still now typically');
const NOUN_BEFORE = new Set<string>([...DETERMINERS, ...POSSESSIVES, ...PREPOSITIONS].filter((w) => w !== 'to'));

/** Adjectives that are as often nouns ("the firm", "the public"): no sign the next word is one. */
const ADJECTIVE_NOUNS = new Set(
  'firm public chemical professional individual native local national official criminal executive representative original military equal general potential principal private total commercial standard collective mobile fellow chief rival patient present sound fine light square kind mean major minor giant key novel classic documentary narrative'.split(
    ' ',
  ),
);

function prevKey(toks: readonly Tok[], i: number): string {
  for (let j = i - 1; j >= 0; j--) if (toks[j].kind !== 'space') return keyOf(toks[j]);
  return '';
}
function nextKey(toks: readonly Tok[], i: number): string {
  for (let j = i + 1; j < toks.length; j++) if (toks[j].kind !== 'space') return keyOf(toks[j]);
  return '';
}

function nextIsLower(toks: readonly Tok[], i: number): boolean {
  for (let j = i + 1; j < toks.length; j++)
    if (toks[j].kind !== 'space') return toks[j].kind === 'word' && /^[a-z]/.test(toks[j].text);
  return false;
}

/**
 * Tags of the sentences looked at since the last edit, by token array: one compromise parse per
 * sentence (or per window of a run-on sentence, see `MAX_PARSE_TOKENS`), however many questions
 * are asked about it. `forget` an array after changing it in place; an edit that builds new arrays
 * (a split, a join, a moved opening) leaves the other sentences' parses good.
 */
export interface PosCache {
  tags: WeakMap<readonly Tok[], TaggedWindow[]>;
}

/** Tags of toks[from, to), by token index. */
interface TaggedWindow {
  from: number;
  to: number;
  tags: Map<number, Set<string>>;
}

/**
 * The most tokens parsed at once. A sentence up to this long (about 200 words) is parsed whole; a
 * longer one — a run-on with no full stop — in windows around the word asked about. Each edit
 * forgets its sentence's tags, so a whole-sentence parse per edit would make a long run-on quadratic.
 */
export const MAX_PARSE_TOKENS = 400;
/** Tokens of context a window keeps on each side of the word it answers for. */
const WINDOW_MARGIN = MAX_PARSE_TOKENS / 4;

export function newPosCache(): PosCache {
  return { tags: new WeakMap() };
}

/**
 * Forgets the tags of one token array, after an edit changed it in place. The cache is keyed by
 * the array, so the other sentences' parses stay good: an edit that makes a new array needs no
 * call at all.
 */
export function forget(cache: PosCache, toks: readonly Tok[]): void {
  cache.tags.delete(toks);
}

const EMPTY = new Set<string>();

/** compromise's tags for toks[from, to), by token index. */
function parseWindow(toks: readonly Tok[], from: number, to: number): TaggedWindow {
  // Placeholders become a neutral noun so the tagger sees a well-formed sentence.
  const starts: number[] = [];
  let s = '';
  for (let k = from; k < to; k++) {
    starts.push(s.length);
    s += toks[k].kind === 'placeholder' ? 'X' : toks[k].text;
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = nlp(s).json({ offset: true, terms: { offset: true } }) as any[];
  const byOffset = new Map<number, Set<string>>();
  for (const sent of json)
    for (const term of sent.terms) byOffset.set(term.offset.start, new Set(term.tags as string[]));
  const tags = new Map<number, Set<string>>();
  for (let k = from; k < to; k++) {
    const tg = byOffset.get(starts[k - from]);
    if (tg) tags.set(k, tg);
  }
  return { from, to, tags };
}

/** A window that tags toks[i] with enough context on both sides (or all there is). */
function covers(w: TaggedWindow, i: number, length: number): boolean {
  return (w.from === 0 || i >= w.from + WINDOW_MARGIN) && (w.to === length || i < w.to - WINDOW_MARGIN);
}

/** Tags from compromise for the token at index i, parsing its sentence (or window) once (cached). */
export function tagsAt(toks: readonly Tok[], i: number, cache: PosCache): ReadonlySet<string> {
  let windows = cache.tags.get(toks);
  if (!windows) cache.tags.set(toks, (windows = []));
  let w = windows.find((x) => covers(x, i, toks.length));
  if (!w) {
    const to = Math.min(toks.length, Math.max(0, i - MAX_PARSE_TOKENS / 2) + MAX_PARSE_TOKENS);
    w = parseWindow(toks, Math.max(0, to - MAX_PARSE_TOKENS), to);
    windows.push(w);
  }
  return w.tags.get(i) ?? EMPTY;
}

// compromise's own lexicon: word → tag(s), for a quick look without parsing a sentence.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const LEX: Record<string, string | string[]> = (nlp as any).model().one.lexicon;
const FINITE_TAGS = new Set(['PresentTense', 'PastTense', 'Copula', 'Modal', 'Auxiliary']);

/** The word is listed by compromise as a finite verb form (tense-marked, copula, modal or auxiliary). */
export function finiteInLexicon(word: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(LEX, word)) return false;
  const t = LEX[word];
  if (!t) return false;
  if (typeof t === 'string') return FINITE_TAGS.has(t);
  return t.some((x) => FINITE_TAGS.has(x));
}

const PROPER_TAGS = new Set([
  'Person',
  'FirstName',
  'MaleName',
  'FemaleName',
  'LastName',
  'Place',
  'City',
  'Country',
  'Region',
  'Organization',
  'SportsTeam',
  'ProperNoun',
]);

/** compromise lists the (lower-case) word as a name, a place or an organisation. */
export function properInLexicon(word: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(LEX, word)) return false;
  const t = LEX[word];
  return typeof t === 'string' ? PROPER_TAGS.has(t) : Array.isArray(t) && t.some((x) => PROPER_TAGS.has(x));
}

/** The word is listed by compromise with this tag. */
export function lexiconHas(word: string, tag: string): boolean {
  if (!Object.prototype.hasOwnProperty.call(LEX, word)) return false;
  const t = LEX[word];
  return typeof t === 'string' ? t === tag : Array.isArray(t) && t.includes(tag);
}

/**
 * The word reads as a noun after "the" ("the age", "the platforms"): whether it can be one at
 * all, where the tagger read it as a verb in its sentence ("is not age, but attitude").
 */
export function canBeNoun(word: string): boolean {
  return cachedReading(CAN_BE_NOUN, word, `the ${word}`, (tags) => tags.includes('Noun') && !tags.includes('Verb'));
}

const CAN_BE_NOUN = new Map<string, boolean>();
const CAN_BE_VERB = new Map<string, boolean>();

/** How compromise tags `word` as the second word of `frame`, cached per word (a parse costs). */
function cachedReading(
  cache: Map<string, boolean>,
  word: string,
  frame: string,
  test: (tags: string[]) => boolean,
): boolean {
  let v = cache.get(word);
  if (v === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const terms: any[] = (nlp(frame).json() as any[])[0]?.terms ?? [];
    v = test((terms[1]?.tags ?? []) as string[]);
    if (cache.size > 20_000) cache.clear();
    cache.set(word, v);
  }
  return v;
}

/** The word reads as a verb after "they" ("they matter"): whether it can be a plural present at all. */
export function canBeVerb(word: string): boolean {
  return cachedReading(CAN_BE_VERB, word, `they ${word}`, (tags) => tags.includes('Verb'));
}

/** Adverbs that open a step of instructions ("Next, use …"). */
const STEP_ADVERBS = set('first next then now also finally lastly second third instead');

/** toks[i] opens the sentence, alone or after a step adverb and its comma. */
function imperativeStart(toks: readonly Tok[], i: number): boolean {
  const words: number[] = [];
  for (let j = 0; j < i; j++) if (toks[j].kind !== 'space') words.push(j);
  if (words.length === 0) return true;
  return (
    words.length === 2 &&
    toks[words[0]].kind === 'word' &&
    STEP_ADVERBS.has(keyOf(toks[words[0]])) &&
    keyOf(toks[words[1]]) === ','
  );
}

/** Whether the verb-form word at toks[i] is used as a verb. */
export function readsAsVerb(
  toks: readonly Tok[],
  i: number,
  forms: readonly VerbForm[] | null,
  cache: PosCache,
): boolean {
  const prev = prevKey(toks, i);
  const next = nextKey(toks, i);
  const fs = forms ?? [];
  if (fs.includes('ger') || fs.includes('past') || fs.includes('pp')) {
    // -ing and -ed forms have no noun homograph in the table; only rule out "the Xed" used as a name.
    return true;
  }
  // "tools that empower patients": after a relative "that"/"which", a word that cannot be a noun.
  if ((prev === 'that' || prev === 'which') && !tagsAt(toks, i, cache).has('Noun')) return true;
  // "This highlights the need": "this" and "that" as determiners take a singular noun, so a word
  // in -s after them, before a determiner or a pronoun, is the verb of which they are the subject.
  if (fs.includes('s3') && (prev === 'this' || prev === 'that') && (DETERMINERS.has(next) || OBJECT_PRONOUNS.has(next)))
    return true;
  const objectNext =
    DETERMINERS.has(next) ||
    OBJECT_PRONOUNS.has(next) ||
    (nextIsLower(toks, i) && !NON_HEAD.has(next) && !next.endsWith('ly'));
  // "tools that leverage open data", "rituals that foster connection": a relative word after a
  // plural, then an object, whatever the tagger reads the word as (it may take it for a name).
  if (
    fs.includes('base') &&
    (prev === 'that' || prev === 'which' || prev === 'who') &&
    /^[a-z]+[^su']s$/.test(prevKey(toks, prevIndex(toks, i))) &&
    objectNext
  )
    return true;
  if (NOUN_BEFORE.has(prev)) return false;
  // "the profound impacts our decisions can have": a determiner and an adjective before it make
  // the word a noun, whatever follows — unless the "adjective" is as often a noun ("The firm
  // leverages its data", which the tagger reads as an adjective too).
  if (lexiconHas(prev, 'Adjective') && !ADJECTIVE_NOUNS.has(prev) && NOUN_BEFORE.has(prevKey(toks, prevIndex(toks, i))))
    return false;
  // "Other architectural highlights include …": a word in -s before a plural verb or a modal is
  // the plural subject of that verb, not a verb itself.
  if (fs.includes('s3') && (MODALS.has(next) || NEGATED_MODALS.has(next) || pluralVerbAt(toks, nextIndex(toks, i))))
    return false;
  // "companies leverage new tools": a plural subject, then an object.
  if (fs.includes('base') && /^[a-z]+[^su']s$/.test(prev) && objectNext) return true;
  // "the firm leverages its data": a verb in -s followed by a determiner or pronoun.
  if (fs.includes('s3') && (DETERMINERS.has(next) || OBJECT_PRONOUNS.has(next))) return true;
  // "the team leverages innovative tools": after a noun (not a possessive), before an object
  // that is not itself a verb ("the exhibits attract visitors" is a noun subject).
  if (fs.includes('s3') && !prev.endsWith("'s") && objectNext && !finiteInLexicon(next) && !lexiconHas(next, 'Plural'))
    return true;
  if (fs.includes('base') && (VERB_BEFORE_BASE.has(prev) || prev.endsWith('ly'))) return true;
  if (fs.includes('s3') && (VERB_BEFORE_S3.has(prev) || prev.endsWith('ly'))) return true;
  // An instruction: "Leverage technology to …", "Next, leverage technology …".
  if (fs.includes('base') && objectNext && !finiteInLexicon(next) && imperativeStart(toks, i)) return true;
  if (next === 'of') return false;
  const tags = tagsAt(toks, i, cache);
  return tags.has('Verb') && !tags.has('Noun');
}

/**
 * A present-tense verb without the -s of the third person singular ("include", "are", "have"),
 * by the lexicon alone (no parse: it is asked of every word in -s a rule may take for a verb).
 */
function pluralVerbAt(toks: readonly Tok[], i: number): boolean {
  if (i < 0 || toks[i].kind !== 'word') return false;
  const k = keyOf(toks[i]);
  return PLURAL_AUX.has(k) || (!k.endsWith('s') && lexiconHas(k, 'Infinitive'));
}
const PLURAL_AUX = new Set(['are', 'were', 'have', 'do', "aren't", "weren't", "haven't", "don't"]);
/** "impacts cannot be ignored": modals with their negation written in. */
const NEGATED_MODALS = new Set([
  'cannot',
  "can't",
  "couldn't",
  "won't",
  "wouldn't",
  "shouldn't",
  "mustn't",
  "mightn't",
]);

/** Whether the word at toks[i] is used as a noun. */
export function readsAsNoun(toks: readonly Tok[], i: number, cache: PosCache): boolean {
  const prev = prevKey(toks, i);
  if (NOUN_BEFORE.has(prev)) return true;
  if (prev === 'to' || MODALS.has(prev) || SUBJECT_PRONOUNS.has(prev)) return false;
  return tagsAt(toks, i, cache).has('Noun');
}
