/**
 * Edits to a sentence's build rather than its words, each made only in the shape where it keeps
 * the meaning:
 * - "not only X but also Y" → "X and Y" (also the inverted "Not only does it X, but it also Y");
 * - stacked evaluative adjectives ("a rich and vibrant culture") and near-synonym pairs and
 *   triplets ("creativity, innovation, and growth") trimmed to what carries meaning;
 * - "It is essential to protect forests." → "Protecting forests is essential."; "It is crucial
 *   for parents to listen." → "Parents must listen.";
 * - "plays a crucial role in raising X" → "is central to raising X", "played …" → "did much to raise X";
 * - "There are many people who believe …" → "Many people believe …";
 * - "continues to grow" → "keeps growing" (standard and casual prose), "continues to be a
 *   model" → "remains a model";
 * - "couldn't help but notice" → "couldn't help noticing";
 * - in concise prose, "that" after verbs of saying and thinking, and "who are"/"which is" before
 *   a participle or a preposition.
 * Each works on one sentence's tokens in place and marks what it puts in with its reason.
 */
import { dropAudienceOpening } from './audience';
import { hasFiniteVerb } from './clauses';
import { easeDashes } from './dashes';
import { contractedPair } from './contractions';
import { allowToLet, LET_WORDS } from './lets';
import { baseOfGerund, baseOfParticiple, basesOfThirdPerson, verbForms, type VerbForm } from './inflect';
import { canBeNoun, canBeVerb, finiteInLexicon, forget, lexiconHas, tagsAt } from './pos';
import { REASONS, type Reason } from './reasons';
import { formalMode, type ReviseState } from './state';
import {
  article,
  capitalize,
  firstContentIndex,
  fixArticle,
  isCapitalized,
  isLowerWord,
  isWord,
  keyOf,
  matchCase,
  newTokens,
  nextIndex,
  prevIndex,
  tok,
  type Sentence,
  type Tok,
  withRemovedBefore,
} from './tokens';
import {
  AUXILIARIES,
  BE_FORMS,
  CONJUNCTIONS,
  DETERMINERS,
  FINITE_AUX,
  LISTED_WORDS,
  MODALS,
  NON_HEAD,
  OBJECT_PRONOUNS,
  POSSESSIVES,
  SAYING_VERBS,
  PREPOSITIONS,
  RELATIVES,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
  set,
  isNegation,
  LIMITERS,
  looksPlural,
  PEOPLE,
} from './wordsets';

/** Words these edits may put into a text besides those they move (for the meaning guard). */
/** A career is advanced and a business grown, not "improved"; anything else is improved. */
const NEXT_LEVEL_VERB = new Map<string, string>([
  ...['career', 'careers'].map((w): [string, string] => [w, 'advance']),
  ...['business', 'businesses', 'company', 'startup'].map((w): [string, string] => [w, 'grow']),
]);
export const STRUCTURAL_WORDS: readonly string[] = [
  ...['keep', 'keeps', 'kept', 'keeping', 'must', 'should', 'more', 'remain', 'remains', 'remained'],
  ...LET_WORDS,
  ...[...new Set(NEXT_LEVEL_VERB.values())].flatMap((v) => Object.values(verbForms(v))),
];

/** Words of the same kind in a row: the index after the last of up to `max` words, skipping spaces. */
function wordsFrom(toks: readonly Tok[], i: number): number[] {
  const out: number[] = [];
  for (let k = i; k >= 0 && k < toks.length; k = nextIndex(toks, k)) out.push(k);
  return out;
}

/** Removes tokens [from, to) and the whitespace after them, marking the next token. */
function cut(toks: Tok[], from: number, to: number, reason: Reason): void {
  let stop = to;
  while (stop < toks.length && toks[stop].kind === 'space') stop++;
  if (stop < toks.length) toks[stop] = { ...toks[stop], removedBefore: reason };
  toks.splice(from, stop - from);
}

// ---------------------------------------------------------------------------------------------
// "not only … but also"

/** A pronoun that opens the second clause of "not only …, but it also …" ("it's", "they"). */
const CLAUSE_SUBJECT = /^(?:it|they|he|she|we|you|i|this|that)(?:['’](?:s|re|ve|ll|d|m))?$/;

/** Whether "also" is among the `n` words after toks[from]. */
function alsoWithin(toks: readonly Tok[], from: number, n: number): boolean {
  for (let k = nextIndex(toks, from), seen = 0; k >= 0 && seen < n; k = nextIndex(toks, k), seen++) {
    if (!isWord(toks[k])) return false;
    if (keyOf(toks[k]) === 'also') return true;
  }
  return false;
}

/** The form a verb its lexicon knows is in ("reduce" base, "reduces" s3, "reducing" ger), or '' for any other word. */
function verbFormOf(word: string): 'base' | 's3' | 'ger' | '' {
  const known = (base: string | null | undefined) => !!base && lexiconHas(base, 'Infinitive');
  if (known(word)) return 'base';
  if (/s$/.test(word) && basesOfThirdPerson(word).some(known)) return 's3';
  return known(baseOfGerund(word)) ? 'ger' : '';
}

/** Words that open a clause inside a verb's object ("how they respond", "whether it works"). */
const OBJECT_CLAUSE_WORDS = set('how what why whether that which who whom where when if');
/**
 * Whether the phrase from toks[from] is a verb and its object followed, before any punctuation,
 * by "and" and another verb in the same form ("reduce stress and enjoy a more balanced life"):
 * the index of that "and", or -1. Not after an object pronoun ("make us question and evaluate"),
 * where the "and" joins two verbs inside the phrase.
 */
function verbListFollows(toks: readonly Tok[], from: number): number {
  const form = isWord(toks[from]) ? verbFormOf(keyOf(toks[from])) : '';
  if (!form) return -1;
  for (let k = nextIndex(toks, from), n = 0; k >= 0 && n < 6; k = nextIndex(toks, k), n++) {
    // Nor a clause's "and" ("examine how residents perceive and respond to risk"): its verbs are
    // the clause's, not the list's.
    if (!isWord(toks[k]) || OBJECT_PRONOUNS.has(keyOf(toks[k])) || keyOf(toks[k]) === 'to') return -1;
    if (OBJECT_CLAUSE_WORDS.has(keyOf(toks[k]))) return -1;
    if (keyOf(toks[k]) !== 'and') continue;
    const v = nextIndex(toks, k);
    return n > 0 && v >= 0 && isWord(toks[v]) && isLowerWord(toks[v].text) && verbFormOf(keyOf(toks[v])) === form
      ? k
      : -1;
  }
  return -1;
}

/**
 * From toks[from] to the sentence's end: a list of short items with its own "and" or "or" ("free
 * internet access, after-school programs, and a safe space"), whose last item is no clause ("fast,
 * and it works offline" is a second clause).
 */
function listFollows(toks: readonly Tok[], from: number, firstItem: readonly string[]): boolean {
  // A verb's own list is its object ("not only cuts costs but also improves morale, retention, and
  // output"), which the first item would not join.
  if (firstItem.length > 1 && (verbFormOf(firstItem[0]) || canBeVerb(firstItem[0]))) return false;
  let rest = '';
  for (let k = from; k >= 0 && k < toks.length; k++) {
    const t = toks[k];
    if (t.kind === 'punctuation' && /[.;:!?—–()]/.test(t.text)) break;
    if (t.kind === 'placeholder') return false;
    rest += t.kind === 'word' ? keyOf(t) : t.text;
  }
  return LIST_AHEAD.test(rest.replace(/\s+/g, ' '));
}
/**
 * An item after a comma that opens with a preposition or a relative word is no list item but a
 * phrase about the one before ("a broad range of materials, from music and movies to magazines").
 */
const ITEM = String.raw`(?!(?:from|including|such|like|especially|in|on|at|with|to|for|by|as|which|who|whose|where|when)\b)(?:[\w'’-]+ ){0,4}[\w'’-]+`;
// At least one item between the first and "and": "simple, and our new release delivers …" is a
// second clause, no list ("powerful, simple, and our new release delivers" would read as one).
const LIST_AHEAD = new RegExp(
  String.raw`^(?:[\w'’-]+ ){0,4}[\w'’-]+, (?:${ITEM}, )*${ITEM},? (?:and|or) (?!(?:it|they|he|she|we|you|i|this|that|there|these|those)\b)`,
);

/** The words of toks[from..to), lower case. */
function wordsBetween(toks: readonly Tok[], from: number, to: number): string[] {
  return toks.slice(from, to).flatMap((t) => (t.kind === 'word' ? [keyOf(t)] : []));
}

/** A list of three with a comma before its "and" or "or" ("studying, relaxing, and other commitments"). */
const SERIAL_COMMA = /, (?:[\w'’-]+ ){0,3}[\w'’-]+, (?:and|or) /;

/** toks[comma] opens an aside of up to six words closed by a comma (", surprisingly,", ", in many cases with his own hands,"). */
function asideAt(toks: readonly Tok[], comma: number): boolean {
  for (let k = nextIndex(toks, comma), n = 0; k >= 0 && n < 8; k = nextIndex(toks, k), n++) {
    if (toks[k].kind === 'punctuation') return toks[k].text === ',' && n > 0;
    if (toks[k].kind !== 'word') return false;
  }
  return false;
}

/** What outranks the property before it: "not only possible but also likely". */
const HIGHER_GRADES = set(
  'likely necessary essential vital crucial inevitable probable certain required mandatory indispensable urgent',
);
const andEven = (why: Reason) => [
  tok('and', 'word', why),
  tok(' ', 'space', why),
  tok('even', 'word', why),
  tok(' ', 'space', why),
];

/**
 * The list after "but also" opens with an item of its own: no preposition or "to" in it ("a way to
 * build vocabulary, empathy, and focus" lists what is built), and no adjective ending it ("an
 * economic, social, and political challenge" lists kinds of one challenge).
 */
function plainFirstItem(toks: readonly Tok[], from: number, adjectivesEnd = false): boolean {
  let last = '';
  for (let k = from; k >= 0 && k < toks.length; k = nextIndex(toks, k)) {
    const t = toks[k];
    if (t.kind === 'punctuation') break;
    if (!isWord(t)) return false;
    last = keyOf(t);
    if (PREPOSITIONS.has(last) || last === 'to') return false;
  }
  // (An article before it makes the adjectives one noun's: "an economic, social, and political
  // challenge"; bare ones are the list's own items: "cheap, reliable, and secure".)
  const article = isWord(toks[from]) && A_AN_THE.has(keyOf(toks[from]));
  return (
    adjectivesEnd ||
    !article ||
    !((lexiconHas(last, 'Adjective') || ADJECTIVE_ENDING.test(last)) && !lexiconHas(last, 'Noun'))
  );
}
const ADJECTIVE_ENDING = /(?:ic|al|ous|ive|ful|less|able|ible|ary)$/;
const A_AN_THE = set('a an the');

/**
 * The index of an "and" in the second part (from toks[from] to the clause's end, no comma
 * before it): "but also behavioral change and international cooperation" is the rest of a list
 * of three, which the first part opens ("A, B and C", not "A and B and C").
 */
function andInSecondPart(toks: readonly Tok[], from: number): number {
  for (let k = from; k >= 0 && k < toks.length; k = nextIndex(toks, k)) {
    const t = toks[k];
    if (t.kind === 'punctuation' || t.kind === 'placeholder') return -1;
    if (keyOf(t) === 'and') return k;
  }
  return -1;
}

/** "is not only fast but also cheap" → "is fast and cheap"; "not only for X but for Y" → "for X and for Y". */
function notOnlyMid(toks: Tok[], document: string): boolean {
  for (let i = 0; i < toks.length; i++) {
    if (!isWord(toks[i]) || keyOf(toks[i]) !== 'not') continue;
    const o = nextIndex(toks, i);
    if (o < 0 || keyOf(toks[o]) !== 'only') continue;
    if (firstContentIndex(toks) === i) return false; // the inverted form, below
    const x = nextIndex(toks, o);
    if (x < 0 || !isWord(toks[x])) continue;
    // Inverted after "that": "that not only have they understood …" keeps its order.
    const y = nextIndex(toks, x);
    if (MODAL_OR_AUX.has(keyOf(toks[x])) && y >= 0 && SUBJECT_PRONOUNS.has(keyOf(toks[y]))) return false;
    // Inverted after an opening phrase: "According to the lawyers, not only would rejoining the EU
    // provide …" — dropping "not only" would leave a question's word order.
    const before = prevIndex(toks, i);
    if (MODAL_OR_AUX.has(keyOf(toks[x])) && before >= 0 && /^[,;:—–]$/.test(toks[before].text)) return false;
    // Find "but also" (or "but" + the word after "only") within 15 words, no sentence punctuation between.
    let words = 0;
    for (let b = x; b >= 0 && words < 16; b = nextIndex(toks, b)) {
      const t = toks[b];
      if (t.kind === 'punctuation' && /[.;:!?]/.test(t.text)) break;
      if (t.kind === 'word') words++;
      if (!isWord(t) || keyOf(t) !== 'but') continue;
      const a = nextIndex(toks, b);
      if (a < 0 || !isWord(toks[a])) break;
      const also = keyOf(toks[a]) === 'also';
      const why = REASONS.notOnly;
      if (!also && keyOf(toks[a]) !== keyOf(toks[x])) {
        // "not only X, but it (also) Y" → "X, and it also Y": a clause of its own, so the comma stays.
        if (!CLAUSE_SUBJECT.test(keyOf(toks[a])) || !alsoWithin(toks, a, 3)) break;
        toks[b] = tok('and', 'word', why);
        cut(toks, i, o + 1, why);
        return true;
      }
      // "but also" → "and" (or "but" → "and"), then drop "not only".
      if (also) {
        let after = nextIndex(toks, a);
        // A second part that outranks the first keeps its rise: "not only possible but also likely"
        // → "possible, and even likely" ("possible and likely" reads as two equal properties).
        if (after >= 0 && HIGHER_GRADES.has(keyOf(toks[after])) && x === prevIndex(toks, b)) {
          toks.splice(b, after - b, tok(',', 'punctuation', why), tok(' ', 'space', why), ...andEven(why));
          if (toks[b - 1]?.kind === 'space') toks.splice(b - 1, 1);
          cut(toks, i, o + 1, why);
          return true;
        }
        // "but also, it could …": the comma after "also" goes with it — not the first of an aside's
        // pair ("but also, surprisingly, lowered costs" → "and, surprisingly, lowered costs").
        if (after >= 0 && toks[after].kind === 'punctuation' && toks[after].text === ',' && !asideAt(toks, after))
          after = nextIndex(toks, after);
        if (after < 0) break;
        // An aside that opens with its own "and" ("but also, and in many cases more severely, their
        // parents") would give "and and": the sentence stays.
        const afterComma = toks[after].text === ',' ? nextIndex(toks, after) : -1;
        if (afterComma >= 0 && /^(?:and|or)$/.test(keyOf(toks[afterComma]))) break;
        // A list before "but also" ("not only fast, cheap and reliable but also easy to audit") would
        // close twice ("reliable and easy"): the sentence stays.
        // (The comma before "but" is the pair's own.)
        const beforeBut = prevIndex(toks, b);
        if (toks.slice(x, beforeBut).some((t) => t.text === ',')) break;
        // "not only improve their grades but also reduce stress and enjoy …" lists three verbs:
        // "improve their grades, reduce stress and enjoy …", not "… and reduce stress and enjoy".
        const and = verbListFollows(toks, after);
        if (and >= 0) {
          // The writer's own lists decide the comma before "and" ("studying, relaxing, and other …").
          if (SERIAL_COMMA.test(document)) toks.splice(prevIndex(toks, and) + 1, 0, tok(',', 'punctuation', why));
          toks.splice(b, after - b);
          toks.splice(prevIndex(toks, b) + 1, 0, tok(',', 'punctuation', why));
          cut(toks, i, o + 1, why);
          return true;
        }
        // "offering not only books but also free internet access, after-school programs, and a safe
        // space" → "offering books, free internet access, after-school programs, and a safe space":
        // where a list follows, the first item joins it ("books and free internet access, …" reads as a pair).
        // Not where the second part opens with a preposition: "not only with degrees but also with
        // friendships, experiences, and lessons" lists what comes after "with".
        const listAfter =
          !PREPOSITIONS.has(keyOf(toks[after])) &&
          listFollows(toks, after, wordsBetween(toks, x, b)) &&
          plainFirstItem(toks, after);
        // "not only A but also B and C" → "A, B and C" (the writer's own lists decide the comma
        // before "and").
        const ownAnd = listAfter || toks[after].text === ',' ? -1 : andInSecondPart(toks, after);
        // (Not a verb's phrase: "but also reduces costs and turnover" is one predicate.)
        const predicate = verbFormOf(keyOf(toks[after])) || verbFormOf(keyOf(toks[x]));
        if (listAfter || (ownAnd >= 0 && !predicate && plainFirstItem(toks, after, true))) {
          if (ownAnd >= 0 && SERIAL_COMMA.test(document))
            toks.splice(prevIndex(toks, ownAnd) + 1, 0, tok(',', 'punctuation', why));
          const comma = prevIndex(toks, b);
          const from = comma > o && toks[comma].text === ',' ? comma : toks[b - 1]?.kind === 'space' ? b - 1 : b;
          toks.splice(from, after - from, tok(',', 'punctuation', why), tok(' ', 'space', why));
          cut(toks, i, o + 1, why);
          return true;
        }
        // An aside kept after it takes its comma straight after "and" ("and, surprisingly, …").
        if (toks[after].text === ',') toks.splice(b, after - b, tok('and', 'word', why));
        else toks.splice(b, after - b, tok('and', 'word', why), tok(' ', 'space', why));
      } else toks[b] = tok('and', 'word', why);
      // "not only X, but also Y" → "X and Y": the comma before "but" does not stay before "and".
      const comma = prevIndex(toks, b);
      if (comma > o && toks[comma].kind === 'punctuation' && toks[comma].text === ',') toks.splice(comma, 1);
      // Nor the one before "not only" when a preposition follows: "thanked the staff, not only for
      // their work but also for their patience" → "thanked the staff for their work and for …" (a
      // noun phrase there is an appositive and keeps it: "three languages, English and French"; a
      // purpose too: "teach the reader something, not only to engage them but also to …"). Only
      // where the phrase runs to the sentence's end (an aside closed by a comma, "The survey, not
      // only of students but also of staff, found …", keeps both) and its preposition is not the
      // one before the comma ("Invest in people, not only in tools but also in training" adds to
      // "in people").
      const lead = prevIndex(toks, i);
      const leadComma =
        lead >= 0 &&
        toks[lead].text === ',' &&
        PREPOSITIONS.has(keyOf(toks[x])) &&
        keyOf(toks[x]) !== 'to' &&
        isWord(toks[prevIndex(toks, lead)]) &&
        !toks.slice(x).some((t) => t.text === ',' || t.text === ';' || t.text === ':') &&
        !toks.slice(Math.max(0, lead - 8), lead).some((t) => isWord(t) && keyOf(t) === keyOf(toks[x]));
      cut(toks, i, o + 1, why);
      if (leadComma) toks.splice(lead, 1);
      return true;
    }
  }
  return false;
}

/** A negation after an inverted subject ("Not only did they not win"). */
const NOT_OR_NEVER = set('not never');
/** What opens a verb's object straight after it: an article, a possessive or an object pronoun. */
function objectStart(t: Tok | undefined): boolean {
  if (!t || !isWord(t)) return false;
  const k = keyOf(t);
  return DETERMINERS.has(k) || OBJECT_PRONOUNS.has(k) || POSSESSIVES.has(k);
}

const INVERTED_AUX: Record<string, 'base' | 's3' | 'past' | 'be'> = {
  does: 's3',
  do: 'base',
  did: 'past',
  is: 'be',
  are: 'be',
  was: 'be',
  were: 'be',
};

const PREDICATE_TAGS = ['Adjective', 'Adverb', 'Comparative', 'Superlative'];
/** What opens the predicate after an inverted "is this": an adjective, an adverb or "a"/"an"/"the". */
function predicateAfterThis(t: Tok | undefined): boolean {
  if (!t || !isWord(t)) return false;
  const k = keyOf(t);
  return k === 'a' || k === 'an' || k === 'the' || PREDICATE_TAGS.some((tag) => lexiconHas(k, tag));
}

/** A contraction of a pronoun and "be" ("it's", "they're", "I'm"), and its apostrophe. */
const PRONOUN_BE_CONTRACTION = /^(?:it|he|she|i|they|we|you)(['’])(?:s|re|m)$/i;

/**
 * "Not only is it packed with flavour, but it's also simple" → "It's packed …, and it's also
 * simple": where the sentence itself contracts its pronoun and "be", the restored subject and verb
 * are contracted too ("It is packed …, and it's also" mixes two registers in one sentence).
 */
function contractedLike(subject: string, aux: string, rest: readonly Tok[]): string | null {
  for (const t of rest) {
    const m = t.kind === 'word' ? PRONOUN_BE_CONTRACTION.exec(t.text) : null;
    if (m) return contractedPair(subject, aux, m[1]);
  }
  return null;
}

/** "Not only does it save time, but it also cuts costs." → "It saves time, and it also cuts costs." */
function notOnlyInverted(toks: Tok[]): boolean {
  const fi = firstContentIndex(toks);
  if (fi !== 0 || keyOf(toks[0]) !== 'not') return false;
  const w = wordsFrom(toks, 0);
  if (w.length < 6 || keyOf(toks[w[1]]) !== 'only') return false;
  const aux = keyOf(toks[w[2]]);
  const form = INVERTED_AUX[aux];
  const subj = toks[w[3]];
  if (!form || !isWord(subj)) return false;
  // The subject: a pronoun, or a determiner and one noun ("the tram").
  // "this" is the subject only before what is said of it ("Not only is this important", "… is
  // this a tool"); before a noun it is a determiner ("Not only is this soup tasty" is no "This is
  // soup tasty"), and a word the lexicon does not know is left as the writer put it.
  if (form === 'be' && keyOf(subj) === 'this' && !predicateAfterThis(toks[w[4]])) return false;
  // After "does this" a noun may follow ("Not only does this approach fix …"): "this" is the
  // subject only where its verb takes an object at once ("does this fix the error").
  if (form !== 'be' && keyOf(subj) === 'this' && !objectStart(toks[w[5]])) return false;
  const pronoun = SUBJECT_PRONOUNS.has(keyOf(subj)) || keyOf(subj) === 'this';
  if (!pronoun && !(DETERMINERS.has(keyOf(subj)) && isWord(toks[w[4]]) && isLowerWord(toks[w[4]].text))) return false;
  // A determiner's subject is one noun: not "the old statute", "the city's mayor" ("The old
  // statuted fail"), and its verb one the lexicon knows as a verb.
  if (!pronoun) {
    const noun = keyOf(toks[w[4]]);
    const verb = toks[w[5]];
    // Nor a participle before the noun ("the doped samples", "the heated plates").
    if (lexiconHas(noun, 'Adjective') || /['’]s$/.test(noun) || (noun.length > 4 && /[^e]ed$/.test(noun))) return false;
    if (form !== 'be' && (!isWord(verb) || !canBeVerb(keyOf(verb)))) return false;
  }
  const subjectWords = pronoun ? [subj] : [subj, toks[w[4]]];
  if (!pronoun) w.splice(3, 2, w[3]); // the two words count as one slot below
  // ", but" later, with a subject and "also".
  const butAt = toks.findIndex((t, k) => k > w[3] && t.kind === 'word' && keyOf(t) === 'but');
  if (butAt < 0 || toks[prevIndex(toks, butAt)]?.text !== ',') return false;
  const why = REASONS.notOnly;
  const subject: Tok[] =
    keyOf(subj) === 'i'
      ? [tok('I', 'word', why)]
      : [
          tok(capitalize(keyOf(subjectWords[0])), 'word', why),
          ...subjectWords.slice(1).flatMap((t) => [tok(' ', 'space', why), { ...t }]),
        ];
  let head: Tok[];
  // "Not only did I not quit" keeps its "did": "I did not quit, and …" (no "I not quit").
  const negated = NOT_OR_NEVER.has(keyOf(toks[w[4]] ?? subj));
  const contracted = form === 'be' && pronoun ? contractedLike(subject[0].text, aux, toks.slice(w[4])) : null;
  if (contracted) {
    head = [tok(contracted, 'word', why)];
  } else if (form === 'be' || negated) {
    head = [...subject, tok(' ', 'space', why), tok(aux, 'word', why)];
  } else {
    const verb = toks[w[4]];
    if (!isWord(verb) || !isLowerWord(verb.text) || verbForms(keyOf(verb)).base !== keyOf(verb)) return false;
    head = [...subject, tok(' ', 'space', why), tok(verbForms(keyOf(verb))[form], 'word', why)];
  }
  const restFrom = form === 'be' || negated ? w[4] : nextIndex(toks, w[4]);
  if (restFrom < 0) return false;
  const rest = toks.slice(restFrom);
  const b = rest.findIndex((t) => t.kind === 'word' && keyOf(t) === 'but');
  rest[b] = tok('and', 'word', why);
  // "Not only did the team win, but …": the comma follows the verb directly ("won, and"), not "won , and".
  const gap = rest[0]?.kind === 'punctuation' ? [] : [tok(' ', 'space', why)];
  toks.splice(0, toks.length, ...head, ...gap, ...rest);
  return true;
}

// ---------------------------------------------------------------------------------------------
// "not A, but B" / "isn't just A — it's B"

/** "isn't" → "is": the negated forms of "be" a correction frame opens with. */
const NEGATED_BE: Record<string, string> = { "isn't": 'is', "aren't": 'are', "wasn't": 'was', "weren't": 'were' };
const FINITE_BE = set('is are was were');
const PAST_BE = set('was were');
/** A pronoun with "be" run together ("It's not", "They're not"): the frame's subject and verb in one word. */
const CONTRACTED_SUBJECT = /^(?:it|this|that|he|she|what)['’]s$|^(?:they|we|you)['’]re$|^i['’]m$/i;
/** Pronouns the second clause restates the subject with, by number. */
const SINGULAR_RESTATERS = set('it this that');
const PLURAL_RESTATERS = set('they these those');
/** Words a frame's subject cannot start with: a clause or phrase before the subject, not the subject. */
const NOT_SUBJECT_START = new Set<string>([...SUBORDINATORS, ...PREPOSITIONS, ...CONJUNCTIONS, ...set('there here')]);

/** The "be" a second clause restates the subject with ("it's", "it is", "they were"): its length in words, or 0. */
function restatement(
  toks: readonly Tok[],
  w: readonly number[],
  at: number,
  past: boolean,
  plural: boolean,
  subject: string,
): number {
  const k = keyOf(toks[w[at]] ?? tok('', 'space', REASONS.contrast));
  const contracted = /^(\w+)['’](s|re|m)$/.exec(k);
  const pronoun = contracted ? contracted[1] : k;
  const restates = subject ? pronoun === subject : (plural ? PLURAL_RESTATERS : SINGULAR_RESTATERS).has(pronoun);
  if (!restates) return 0;
  if (contracted) return past ? 0 : 1;
  const be = keyOf(toks[w[at + 1]] ?? tok('', 'space', REASONS.contrast));
  if (!FINITE_BE.has(be) && be !== 'am') return 0;
  return PAST_BE.has(be) === past ? 2 : 0;
}

/**
 * Where a sentence's clause starts: after a short opening and its comma ("In conclusion, the
 * key is …"), or at its first word. An opening with a verb or a negation is a clause of its own.
 */
function afterOpening(toks: readonly Tok[]): number {
  const first = firstContentIndex(toks);
  if (first < 0) return -1;
  for (let i = first, n = 0; i >= 0 && n < 5; i = nextIndex(toks, i), n++) {
    const t = toks[i];
    // "In short, …"; or one word and a colon: "Remember: sleep isn't a luxury — it's a necessity."
    if (t.kind === 'punctuation')
      return (t.text === ',' && n > 0) || (t.text === ':' && n === 1) ? nextIndex(toks, i) : first;
    const k = keyOf(t);
    if (!isWord(t) || isNegation(k) || MODAL_OR_AUX.has(k) || AUXILIARIES.has(k) || /['’]/.test(k)) return first;
  }
  return first;
}

/** Words A and B of "not A but B" open with: the same kind, so that B can stand where A stood. */
function sameKind(toks: Tok[], a: number, b: number, state: ReviseState): boolean {
  const ka = keyOf(toks[a]);
  const kb = keyOf(toks[b]);
  // A participle reads as a passive ("is not known, but it is believed that …"): not a correction.
  const ta = tagsAt(toks, a, state.pos);
  const tb = tagsAt(toks, b, state.pos);
  const participle = (k: string, t: ReadonlySet<string>) =>
    baseOfParticiple(k) !== null || t.has('PastTense') || t.has('Participle');
  if (participle(ka, ta) || participle(kb, tb)) return false;
  if (ka === kb) return true;
  if (DETERMINERS.has(ka) && DETERMINERS.has(kb)) return true;
  if (ka.endsWith('ing') && kb.endsWith('ing')) return true;
  if (ta.has('Pronoun') || tb.has('Pronoun')) return false;
  // A noun the tagger reads as a verb in this frame ("not age, but attitude") is still a noun.
  const nounish = (t: ReadonlySet<string>, k: string) =>
    t.has('Noun') || (t.has('Verb') && !t.has('PastTense') && !t.has('Gerund') && canBeNoun(k));
  if (!ta.has('Adjective') && !tb.has('Adjective') && nounish(ta, ka) && nounish(tb, kb)) return true;
  return ta.has('Adjective') && tb.has('Adjective') && !ta.has('Verb') && !tb.has('Verb');
}

/**
 * "Remote work isn't just a trend — it's a shift in how we work." → "Remote work is a shift in
 * how we work, not just a trend."; "The key is not age, but attitude." → "The key is attitude, not
 * age."; "It's not about speed; it's about care." → "It's about care, not about speed." The
 * correction says what the thing is first and what it is not after, in one clause. "Not just A,
 * but also B" → "A and B", as "not only … but also" is. Only in a plain sentence: a short subject
 * at its start, A and B of the same kind, B with no clause of its own, the sentence's end after it.
 */
function contrastFrame(toks: Tok[], state: ReviseState): boolean {
  const start = afterOpening(toks);
  if (contrastFrameAt(toks, start, state) || doesMoreThan(toks, start)) return true;
  // Or the clause after a colon: "This shows a simple truth: it isn't about speed; it's about care.",
  // a list item's bold label ("**Cost:** Remote teams don't just save money; …").
  const colon = toks.findIndex((t) => t.kind === 'punctuation' && t.text === ':');
  if (colon <= 0) return false;
  let after = nextIndex(toks, colon);
  while (after >= 0 && toks[after].kind === 'punctuation' && EMPHASIS.has(toks[after].text))
    after = nextIndex(toks, after);
  return contrastFrameAt(toks, after, state) || doesMoreThan(toks, after);
}

/** Markdown emphasis marks that may close a label before its colon's clause ("**Cost:** …"). */
const EMPHASIS = new Set(['*', '**', '_', '__']);

/**
 * The same correction over two sentences: "This isn't a bug. It's a feature." → "This is a
 * feature, not a bug." Joined only where the frame above then holds for the pair read as one
 * sentence; otherwise both stay as they are.
 */
export function contrastAcross(sents: Sentence[], state: ReviseState): Sentence[] {
  if (state.strength < 2) return sents;
  const out: Sentence[] = [];
  for (let i = 0; i < sents.length; i++) {
    const a = sents[i];
    const b = sents[i + 1];
    const joined = b && a.gap === ' ' ? pairAsOne(a, b, state) : null;
    if (joined) {
      out.push(joined);
      i++;
    } else out.push(a);
  }
  return out;
}

function pairAsOne(a: Sentence, b: Sentence, state: ReviseState): Sentence | null {
  const end = a.toks.length - 1;
  const head = b.toks[0];
  if (a.label || a.toks[end]?.text !== '.' || !isWord(head) || !/^(?:it|they|this|that|these|we|i)\b/i.test(head.text))
    return null;
  if (!a.toks.some((t) => isWord(t) && (keyOf(t) === 'not' || /n['’]t$/.test(keyOf(t))))) return null;
  const why = REASONS.contrast;
  const first =
    head.text === 'I' || head.text.startsWith('I’') || head.text.startsWith("I'")
      ? head
      : { ...head, text: head.text.toLowerCase() };
  const toks: Tok[] = [
    ...a.toks.slice(0, end),
    tok(';', 'punctuation', why),
    tok(' ', 'space', why),
    first,
    ...b.toks.slice(1),
  ];
  if (!contrastFrameAt(toks, afterOpening(toks), state)) return null;
  return { toks, gap: b.gap, joined: true };
}

/** "doesn't" → "does": the negated "do" of "doesn't just tell a story". */
const NEGATED_DO: Record<string, string> = { "don't": 'do', "doesn't": 'does', "didn't": 'did' };
const DO_FORMS = set('do does did');

/**
 * "The book doesn't just tell a story; it invites us to live it." → "The book does more than
 * tell a story: it invites us to live it." The same correction with a verb: said as "more than",
 * with a colon before what the thing does instead of a semicolon or a comma splice. Only a short
 * subject at the sentence's start, a limiter ("just", "merely") and a bare verb, and a second
 * clause opening with a pronoun.
 */
function doesMoreThan(toks: Tok[], start: number): boolean {
  if (start < 0) return false;
  const w = wordsFrom(toks, start);
  let neg = -1; // index in w of the negated "do"
  for (let i = 1; i < Math.min(w.length - 4, 7); i++) {
    const t = toks[w[i]];
    if (!isWord(t)) return false;
    const k = keyOf(t);
    if (NEGATED_DO[k] || (DO_FORMS.has(k) && keyOf(toks[w[i + 1]]) === 'not')) {
      neg = i;
      break;
    }
    if (MODAL_OR_AUX.has(k) || AUXILIARIES.has(k) || isNegation(k)) return false;
  }
  if (neg < 0 || NOT_SUBJECT_START.has(keyOf(toks[w[0]])) || !isWord(toks[w[0]])) return false;
  const negKey = keyOf(toks[w[neg]]);
  const limiterAt = NEGATED_DO[negKey] ? neg + 1 : neg + 2;
  if (!LIMITERS.has(keyOf(toks[w[limiterAt]]))) return false;
  const verb = toks[w[limiterAt + 1]];
  if (!isWord(verb) || !isLowerWord(verb.text) || verbForms(keyOf(verb)).base !== keyOf(verb)) return false;
  // The first clause's end: a semicolon, a dash or a comma within twelve words, then a pronoun.
  let sep = -1;
  for (let i = limiterAt + 2, n = 0; i < w.length && n < 12; i++, n++) {
    const t = toks[w[i]];
    if (t.kind === 'placeholder') return false;
    if (t.kind !== 'punctuation') continue;
    if (!/^[,;—–]$/.test(t.text)) return false;
    sep = i;
    break;
  }
  if (sep < 0) return false;
  const pronoun = keyOf(toks[w[sep + 1]] ?? verb);
  if (!SUBJECT_PRONOUNS.has(pronoun) && pronoun !== 'this') return false;
  const why = REASONS.contrast;
  const doWord = NEGATED_DO[negKey] ?? negKey;
  const more: Tok[] = [
    { ...tok(matchCase(doWord, toks[w[neg]].text), 'word', why), joint: true },
    tok(' ', 'space', why),
    { ...tok('more', 'word', why), joint: true },
    tok(' ', 'space', why),
    { ...tok('than', 'word', why), joint: true },
    tok(' ', 'space', why),
  ];
  const sepTok = toks[w[sep]];
  const colon =
    sepTok.text === '—' || sepTok.text === '–' ? sepTok : { ...tok(':', 'punctuation', why), joint: true as const };
  toks.splice(w[sep], 1, colon);
  toks.splice(w[neg], w[limiterAt + 1] - w[neg], ...more);
  return true;
}

/** Pronouns that point back to something named before them, singular and plural. */
const SINGULAR_POINTERS = set('it its itself this');
const PLURAL_POINTERS = set('they them their themselves these those');

function contrastFrameAt(toks: Tok[], start: number, state: ReviseState): boolean {
  if (start < 0 || !isWord(toks[start])) return false;
  const w = wordsFrom(toks, start);
  // The subject and the negated "be" in the first eight words, nothing but words before them.
  let n = 0; // index in w of the word after the negation
  let be: Tok | null = null; // the positive "be" to put in (null: it is in the subject's contraction)
  let subjectEnd = 0; // index in w after the subject
  for (let i = 0; i < Math.min(w.length - 3, 8); i++) {
    const t = toks[w[i]];
    if (!isWord(t)) return false;
    const k = keyOf(t);
    if (i === 0 && NOT_SUBJECT_START.has(k)) return false;
    const next = keyOf(toks[w[i + 1]]);
    if (NEGATED_BE[k] && i > 0) {
      be = tok(NEGATED_BE[k], 'word', REASONS.contrast);
      subjectEnd = i;
      n = i + 1;
      break;
    }
    if (FINITE_BE.has(k) && i > 0 && next === 'not') {
      be = { ...t };
      subjectEnd = i;
      n = i + 2;
      break;
    }
    if (i === 0 && CONTRACTED_SUBJECT.test(k) && next === 'not') {
      subjectEnd = 1;
      n = 2;
      break;
    }
    if (MODAL_OR_AUX.has(k) || AUXILIARIES.has(k) || CONTRACTED_SUBJECT.test(k) || k === 'not') return false;
  }
  if (!n) return false;
  const beKey = be ? keyOf(be) : (/['’](s|re|m)$/.exec(keyOf(toks[w[0]]))?.[1] ?? '');
  const past = PAST_BE.has(beKey);
  const plural = beKey === 'are' || beKey === 'were' || beKey === 're';
  const head = keyOf(toks[w[0]]).replace(/['’](?:s|re|m)$/, '');
  const pronounSubject =
    subjectEnd === 1 && (SUBJECT_PRONOUNS.has(head) || SINGULAR_RESTATERS.has(head) || PLURAL_RESTATERS.has(head));
  // A personal pronoun is restated by itself ("We're not rivals; we're partners"); "this", "these"
  // and a noun by "it" or "they".
  const subject =
    pronounSubject && !SINGULAR_RESTATERS.has(head) && !PLURAL_RESTATERS.has(head) && head !== 'it' ? head : '';
  const limiter = LIMITERS.has(keyOf(toks[w[n]])) ? toks[w[n]] : null;
  const aFrom = limiter ? w[n + 1] : w[n];
  if (aFrom === undefined || !isWord(toks[aFrom])) return false;
  // A: words up to a comma, semicolon or dash, or up to "but".
  let sep = aFrom;
  for (; sep < toks.length; sep++) {
    const t = toks[sep];
    if (t.kind === 'punctuation' || (isWord(t) && keyOf(t) === 'but')) break;
    if (t.kind === 'placeholder') return false;
  }
  const aWords = wordsFrom(toks.slice(aFrom, sep), 0).length;
  if (sep >= toks.length || aWords < 1 || aWords > 10) return false;
  // Not a denied reason or condition ("wasn't late because of the snow"): which part the "not"
  // denies is the writer's to say, and "not late because of …" would say another.
  if (toks.slice(aFrom, sep).some((t) => isWord(t) && SUBORDINATORS.has(keyOf(t)))) return false;
  if (toks[sep].kind === 'punctuation' && !/^[,;—–]$/.test(toks[sep].text)) return false;
  // After it: "but (rather / also)", or the subject restated ("— it's", "; they are (also)").
  const after = wordsFrom(toks, sep);
  let b = 1; // index in `after` of B's first word
  const k1 = keyOf(toks[after[b]] ?? toks[sep]);
  if (keyOf(toks[sep]) === 'but') b = 1;
  else if (k1 === 'but') b = 2;
  else {
    const r = restatement(toks, after, 1, past, plural, subject);
    if (!r) return false;
    b = 1 + r;
  }
  let also = false;
  if (keyOf(toks[after[b]] ?? toks[sep]) === 'rather') b++;
  else if (keyOf(toks[after[b]] ?? toks[sep]) === 'also') {
    also = true;
    b++;
  }
  if (also && !limiter) return false;
  const bFrom = after[b];
  if (bFrom === undefined || !isWord(toks[bFrom])) return false;
  // B: words to the sentence's full stop; a comma only in a list closed by "and" or "or".
  const end = toks.findLastIndex((t) => t.kind !== 'space');
  if (end <= bFrom || !/^[.!]$/.test(toks[end].text)) return false;
  const bToks = toks.slice(bFrom, end);
  const commas = bToks.filter((t) => t.kind === 'punctuation');
  if (commas.some((t) => t.text !== ',')) return false;
  if (commas.length) {
    // A list ("a journey, a lesson, and a gift") has two commas at least; ", and every step you
    // take shapes …" after one is a clause of its own, which "not A" must not follow.
    const last = bToks.findLastIndex((t) => t.text === ',');
    const closer = keyOf(bToks[nextIndex(bToks, last)] ?? bToks[0]);
    if ((closer !== 'and' && closer !== 'or') || commas.length < 2) return false;
  }
  // No relative clause in B: "not A" after it would read as part of that clause.
  if (bToks.some((t, i) => i > 0 && isWord(t) && RELATIVES.has(keyOf(t)))) return false;
  // Nor a pronoun in B that may stand for something in A ("not the absence of fear, but the
  // decision to go on despite it", "not the engine but its fuel"): moved in front of A, it would
  // come before what it stands for. A plural pronoun only after a plural A ("not the parents
  // but their children"; "not a folly but a testament to their skill" says whose elsewhere).
  const aPlural = /[^s]s$/.test(keyOf(toks[prevIndex(toks, sep)] ?? toks[aFrom]));
  if (bToks.some((t) => isWord(t) && (SINGULAR_POINTERS.has(keyOf(t)) || (aPlural && PLURAL_POINTERS.has(keyOf(t))))))
    return false;
  const bWords = wordsFrom(bToks, 0).length;
  if (bWords > 16) return false;
  // B is a complement, not a clause of its own ("but he is still depicted as …").
  // Nor a that-clause or a reason ("It's not that I mind; it's that he never listens", "not
  // because …; it's because …"): the idiom weighs two explanations, each a clause.
  const kb = keyOf(toks[bFrom]);
  if (kb === 'that' || SUBORDINATORS.has(kb)) return false;
  if (SUBJECT_PRONOUNS.has(kb) || CONTRACTED_SUBJECT.test(kb) || !sameKind(toks, aFrom, bFrom, state)) return false;
  // Nor a clause with its own verb: "This is not an easy task, but the rewards are great." (An
  // auxiliary word, not a contraction: "life's" is a possessive.)
  if (bToks.some((t, i) => i > 0 && isWord(t) && FINITE_AUX.has(keyOf(t)))) return false;
  const why = REASONS.contrast;
  const mark = (t: Tok): Tok => ({ ...t, joint: true });
  const sp = () => tok(' ', 'space', why);
  const aToks = toks.slice(aFrom, prevIndex(toks, sep) + 1).map(mark);
  const subjectToks = toks.slice(start, w[subjectEnd - 1] + 1).map(mark);
  const headToks = be ? [...subjectToks, sp(), { ...be, reason: why, joint: true as const }] : subjectToks;
  const tail = [mark(toks[end]), ...toks.slice(end + 1)];
  const rebuilt: Tok[] = also
    ? [
        ...headToks,
        sp(),
        ...aToks,
        sp(),
        { ...tok('and', 'word', why), joint: true },
        sp(),
        ...bToks.map(mark),
        ...tail,
      ]
    : [
        ...headToks,
        sp(),
        ...bToks.map(mark),
        { ...tok(',', 'punctuation', why), joint: true },
        sp(),
        { ...tok('not', 'word', why), joint: true },
        sp(),
        // "not only useful, but essential" → "essential, not just useful" ("not only" after its
        // clause reads unfinished).
        ...(limiter
          ? [{ ...(keyOf(limiter) === 'only' ? tok('just', 'word', why) : limiter), joint: true as const }, sp()]
          : []),
        ...aToks,
        ...tail,
      ];
  toks.splice(0, toks.length, ...toks.slice(0, start), ...rebuilt);
  return true;
}

// ---------------------------------------------------------------------------------------------
// Stacked adjectives and near-synonym lists

/** Evaluative adjectives chat models stack ("rich and vibrant", "dynamic, engaging"). */
const STACKED = set(
  'vibrant dynamic diverse rich unique innovative comprehensive robust engaging meaningful holistic seamless inclusive thriving powerful impactful valuable profound compelling captivating fascinating intricate nuanced multifaceted transformative remarkable exceptional incredible amazing wonderful vivid lively welcoming supportive enriching rewarding fulfilling immersive invaluable insightful thoughtful memorable unforgettable breathtaking stunning exciting inspiring empowering',
);

/** Stacked adjectives that describe, not only praise: never the one a trim drops. */
const DESCRIPTIVE = set(
  'robust diverse inclusive comprehensive holistic seamless thriving welcoming supportive immersive intricate nuanced multifaceted innovative meaningful empowering',
);

/**
 * Groups of near-synonyms chat models list together ("creativity and innovation", "skills,
 * abilities, and knowledge"): within a list, a second member of the same group repeats the
 * first and is dropped.
 */
const NEAR_SYNONYMS: readonly string[][] = [
  ['creativity', 'innovation', 'ingenuity', 'inventiveness'],
  // Not "development": economic growth and development, a child's growth and development differ.
  ['growth', 'progress', 'advancement'],
  ['skills', 'abilities', 'capabilities', 'competencies'],
  ['efficiency', 'productivity'],
  ['collaboration', 'cooperation', 'teamwork'],
  ['empathy', 'compassion'],
  // Not "resilience and determination": recovering from a blow and holding to a purpose differ.
  ['perseverance', 'persistence', 'grit'],
  ['determination', 'resolve'],
  ['engagement', 'participation', 'involvement'],
  ['well-being', 'wellbeing', 'wellness'],
  ['joy', 'happiness', 'delight'],
  ['support', 'assistance'],
  ['engaging', 'captivating', 'compelling', 'gripping', 'absorbing'],
  ['informative', 'educational', 'instructive', 'enlightening'],
  ['innovative', 'creative', 'inventive'],
  ['vibrant', 'lively', 'dynamic'],
  ['safe', 'secure'],
  ['fair', 'just', 'equitable'],
  ['sustainable', 'eco-friendly'],
];
/** Endings of adjectives (for the concise trim, where the first adjective need not be a stacked one). */
const ADJECTIVE_LIKE =
  /(?:ful|ous|ive|able|ible|al|ic|ent|ant|less|y|ing|ed|safe|fair|free|open|new|strong|warm|clear|rich|deep|wide|bright)$/;
const GROUP_OF = new Map<string, number>();
NEAR_SYNONYMS.forEach((g, i) => g.forEach((w) => GROUP_OF.set(w, i)));

/**
 * Removes toks[from..to] (inclusive) and one whitespace token beside them, so that no double
 * space and no space before punctuation is left; marks the token after the gap.
 */
function dropRange(toks: Tok[], from: number, to: number, reason: Reason): void {
  let a = from;
  let b = to + 1;
  if (b < toks.length && toks[b].kind === 'space' && !(toks[b + 1]?.kind === 'punctuation')) b++;
  else if (a > 0 && toks[a - 1].kind === 'space') a--;
  toks.splice(a, b - a);
  if (a < toks.length) toks[a] = { ...toks[a], removedBefore: reason };
}

const FINITE_AFTER_LIST = set('is are was were has have had do does did can could will would should may might must');

/**
 * "a rich and vibrant culture" → "a rich culture"; "is lively and dynamic." → "is lively."
 * Both adjectives must be evaluative ones chat models stack, and the one dropped praise only; in
 * concise prose the first may be any adjective ("a long and exhausting trip" keeps both: "exhausting"
 * describes; "a peaceful and wonderful town" → "a peaceful town").
 */
function stackedAdjectives(toks: Tok[], state: ReviseState): boolean {
  const concise = state.mode === 'concise';
  for (let i = 0; i < toks.length; i++) {
    const a = toks[i];
    if (!isWord(a) || !isLowerWord(a.text)) continue;
    const j = nextIndex(toks, i);
    if (j < 0 || !((isWord(toks[j]) && keyOf(toks[j]) === 'and') || toks[j].text === ',')) continue;
    const b = nextIndex(toks, j);
    if (b < 0 || !isWord(toks[b]) || !isLowerWord(toks[b].text)) continue;
    const sa = STACKED.has(keyOf(a));
    // The one dropped must be praise only: "physically meaningful and robust", "a diverse and
    // inclusive community" say two things, and the second is a claim of its own.
    const sb = STACKED.has(keyOf(toks[b])) && !DESCRIPTIVE.has(keyOf(toks[b]));
    // The ending alone takes nouns too ("natural beauty and rich history"): the tagger must read an adjective.
    const conciseFirst = concise && sb && ADJECTIVE_LIKE.test(keyOf(a)) && tagsAt(toks, i, state.pos).has('Adjective');
    if (!(sa && sb) && !conciseFirst) continue;
    const after = nextIndex(toks, b);
    const n = after >= 0 ? toks[after] : undefined;
    // Before a noun, or closing a predicate; not part of a longer list ("rich, vibrant and …").
    const attributive = isWord(n) && isLowerWord(n.text) && !NON_HEAD.has(keyOf(n)) && !STACKED.has(keyOf(n));
    const predicate = n?.kind === 'punctuation' && (n.text === '.' || n.text === ';');
    if (!attributive && !predicate) continue;
    const p = prevIndex(toks, i);
    if (p >= 0 && (toks[p].text === ',' || /^(?:both|between|and)$/.test(keyOf(toks[p])))) continue;
    // Nor a superlative's pair, each a ranking of its own ("among the most beloved and valuable
    // paintings": the most valuable is a claim of price).
    if (p >= 0 && /^(?:most|least|more|less)$/.test(keyOf(toks[p]))) continue;
    // The detector's word goes, the writer's stays: "a seamless and rewarding experience" → "a
    // rewarding experience" (not "a seamless experience", which the swaps then make "smooth").
    if (LISTED_WORDS.has(keyOf(a)) && WORTH_TO_READER.has(keyOf(toks[b]))) {
      dropRange(toks, i, j, REASONS.adjectives);
      // "a holistic and enriching experience" → "an enriching experience".
      fixArticle(toks, i, REASONS.adjectives);
    } else dropRange(toks, j, b, REASONS.adjectives);
    return true;
  }
  return false;
}
/** What an experience is worth to the one who has it: the claim of the pair, kept. */
const WORTH_TO_READER = set('rewarding fulfilling enriching memorable enjoyable unforgettable');

/** "creativity, innovation, and growth" → "creativity and growth"; "skills and abilities to" → "skills to". */
function nearSynonymLists(toks: Tok[]): boolean {
  for (let i = 0; i < toks.length; i++) {
    const a = toks[i];
    if (!isWord(a) || !isLowerWord(a.text)) continue;
    const ga = GROUP_OF.get(keyOf(a));
    if (ga === undefined) continue;
    const p = prevIndex(toks, i);
    if (p >= 0 && (toks[p].text === ',' || /^(?:between|both|either|neither|and|or)$/.test(keyOf(toks[p])))) continue;
    const s1 = nextIndex(toks, i);
    const b = s1 >= 0 ? nextIndex(toks, s1) : -1;
    if (b < 0 || !isWord(toks[b])) continue;
    const why = REASONS.triplet;
    if (isWord(toks[s1]) && keyOf(toks[s1]) === 'and') {
      // A pair "A and B" of near-synonyms: keep A — not before a verb (the subject's number would change) or a further item.
      if (GROUP_OF.get(keyOf(toks[b])) !== ga) continue;
      const after = nextIndex(toks, b);
      if (
        after >= 0 &&
        (toks[after].text === ',' || FINITE_AFTER_LIST.has(keyOf(toks[after])) || keyOf(toks[after]) === 'and')
      )
        continue;
      dropRange(toks, s1, b, REASONS.synonymPair);
      return true;
    }
    if (toks[s1].text !== ',') continue;
    // "A, B, and C" or "A, B and C", single-word items.
    const s2 = nextIndex(toks, b);
    if (s2 < 0) continue;
    let c = -1;
    if (toks[s2].text === ',') {
      const and = nextIndex(toks, s2);
      if (and >= 0 && keyOf(toks[and]) === 'and') c = nextIndex(toks, and);
    } else if (isWord(toks[s2]) && keyOf(toks[s2]) === 'and') c = nextIndex(toks, s2);
    if (c < 0 || !isWord(toks[c])) continue;
    const end = nextIndex(toks, c);
    if (
      end >= 0 &&
      toks[end].kind === 'word' &&
      !PREPOSITIONS.has(keyOf(toks[end])) &&
      !FINITE_AFTER_LIST.has(keyOf(toks[end]))
    )
      continue; // items longer than a word
    if (end >= 0 && toks[end].text === ',') continue; // a longer list
    const gb = GROUP_OF.get(keyOf(toks[b]));
    const gc = GROUP_OF.get(keyOf(toks[c]));
    const and = [tok(' ', 'space', why), tok('and', 'word', why), tok(' ', 'space', why)];
    if (gb === ga) {
      toks.splice(s1, c - s1, ...and); // "A, B, and C" → "A and C"
      return true;
    }
    if (gc === ga || (gc !== undefined && gc === gb)) {
      const bTok = toks[b];
      toks.splice(s1, c - s1 + 1, ...and, { ...bTok }); // "A, B, and C" → "A and B"
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// "It is essential to …", "plays a crucial role in …ing", "There are many people who …"

/** Words that open an aside after a comma. */
const ASIDE_OPENERS = set('such like including especially particularly notably which who whose where as');
const IT_ADJECTIVES = set(
  'important essential crucial vital necessary imperative critical key recommended advisable advised',
);
/** The reader's things: advice about them reads as an instruction. */
const READER = set('your yours yourself yourselves');
/** Openings of a moment whose doer a gerund leaves unnamed ("When choosing …", "Before starting …"). */
const READER_MOMENTS = set('when while before after');
/** The document is set out as instructions: it has a list or a Markdown heading. */
function instructions(state: ReviseState): boolean {
  return (state.instructions ??= /^[ \t]*(?:\d+[.)]|[-*•]|#{1,6})[ \t]/m.test(state.document));
}
/** Advice, not need: "It is recommended that the team meet" → "The team should meet", not "must". */
const ADVICE_ADJECTIVES = set('important recommended advisable advised');
const OBJECT_TO_SUBJECT: Record<string, string> = {
  us: 'we',
  them: 'they',
  him: 'he',
  her: 'she',
  me: 'I',
  you: 'you',
};

/** "governments, businesses, and people": lower-case words in a list closed by "and" or "or". */
function plainList(np: readonly Tok[]): boolean {
  const ws = np.filter((t) => t.kind === 'word');
  const commas = np.filter((t) => t.kind === 'punctuation');
  if (commas.some((t) => t.text !== ',') || ws.some((t) => !isLowerWord(t.text))) return false;
  const joiner = ws.findIndex((t) => keyOf(t) === 'and' || keyOf(t) === 'or');
  // The last item, after "and", is one to three words like the others.
  if (ws.length < 3 || joiner < 1 || joiner < ws.length - 4 || joiner > ws.length - 2) return false;
  // Items of a noun list are short: "children learn that their actions have consequences, and
  // that" is a clause, not a list.
  let item = 0;
  for (const t of np) {
    if (t.kind === 'punctuation' || (t.kind === 'word' && (keyOf(t) === 'and' || keyOf(t) === 'or'))) item = 0;
    else if (t.kind === 'word' && ++item > 3) return false;
  }
  return true;
}

/** "It is vital that users, teachers, and parents work together." → "Users, … must work together." */
function listThat(toks: Tok[], w: number[], at: number, modal: string, state: ReviseState): boolean {
  const joiner = w.findIndex((x, n) => n > at && n <= at + 8 && /^(?:and|or)$/.test(keyOf(toks[x])));
  if (joiner < 0 || joiner + 2 >= w.length) return false;
  // The verb after the last item: the next word, or — after an item of two or three words — the
  // word after its plural head ("…, and technology developers work together").
  for (let v = joiner + 2; v <= joiner + 4 && v < w.length; v++) {
    if (v > joiner + 2 && !pluralHead(keyOf(toks[w[v - 1]]))) continue;
    const np = toks.slice(w[at], w[v]);
    while (np.length && np[np.length - 1].kind === 'space') np.pop();
    if (!plainList(np)) return false;
    const verb = toks[w[v]];
    const k = isWord(verb) ? keyOf(verb) : '';
    if (!k || verbForms(k).base !== k || MODAL_OR_AUX.has(k) || k.endsWith('ly')) continue;
    if (!(lexiconHas(k, 'Infinitive') || lexiconHas(k, 'Singular'))) continue;
    // A noun of the item that can be a verb too ("health care work", "technology developers")
    // is read in its sentence.
    if (!tagsAt(toks, w[v], state.pos).has('Verb')) continue;
    subjectWithModal(toks, w[v], np, modal);
    return true;
  }
  return false;
}

/** A plural noun that ends a subject ("developers", "people"), not a verb in -s. */
function pluralHead(k: string): boolean {
  return IRREGULAR_PLURALS.has(k) || (/[^s'u]s$/.test(k) && !finiteInLexicon(k));
}

/** The sentence up to `verbAt` becomes the subject `np`, capitalised, and the modal ("Users must "). */
function subjectWithModal(toks: Tok[], verbAt: number, np: readonly Tok[], modal: string): void {
  const why = REASONS.stock;
  toks.splice(
    0,
    verbAt,
    { ...np[0], text: capitalize(np[0].text), reason: why },
    ...np.slice(1),
    tok(' ', 'space', why),
    tok(modal, 'word', why),
    tok(' ', 'space', why),
  );
}

const IRREGULAR_PLURALS = set('people children men women');

/**
 * "It is imperative that all departments submit their reports." → "All departments must submit
 * their reports.": a plural subject (a determiner and up to two words, or a bare plural noun, up
 * to its plural head) and the bare verb after it — the plural makes the boundary plain, where a
 * singular subject's "act" or "acts" could still be a noun.
 */
function pluralThat(toks: Tok[], w: number[], at: number, modal: string, state: ReviseState): boolean {
  const first = toks[w[at]];
  if (!isWord(first) || !isLowerWord(first.text)) return false;
  // A pronoun is the whole subject: "that we streamline this process" → "We must streamline this
  // process" (read on, "this" would pass for a plural head and "process" for the verb).
  if (SUBJECT_PRONOUNS.has(keyOf(first))) {
    const vk = at + 1 < w.length && isWord(toks[w[at + 1]]) ? keyOf(toks[w[at + 1]]) : '';
    // (A negation stays as written: "that you don't skip any doses".)
    if (!/^(?:we|they|you|i)$/.test(keyOf(first)) || !/^[a-z]+$/.test(vk) || verbForms(vk).base !== vk) return false;
    if (MODAL_OR_AUX.has(vk) || isNegation(vk)) return false;
    if (!lexiconHas(vk, 'Infinitive') && !tagsAt(toks, w[at + 1], state.pos).has('Verb')) return false;
    subjectWithModal(toks, w[at + 1], [first], modal);
    return true;
  }
  const det = DETERMINERS.has(keyOf(first)) && keyOf(first) !== 'a' && keyOf(first) !== 'an';
  for (let h = det ? at + 1 : at; h <= at + 2 && h + 1 < w.length; h++) {
    const head = toks[w[h]];
    if (!isWord(head) || !isLowerWord(head.text)) return false;
    const hk = keyOf(head);
    if (DETERMINERS.has(hk)) return false;
    // A verb in -s is no plural head ("everyone has access").
    if (MODAL_OR_AUX.has(hk)) return false;
    if (!pluralHead(hk)) continue;
    const verb = toks[w[h + 1]];
    const vk = isWord(verb) ? keyOf(verb) : '';
    if (!vk || !isLowerWord(verb.text) || verbForms(vk).base !== vk || MODAL_OR_AUX.has(vk)) return false;
    // A verb compromise lists (in its base form, or as a noun too: "work", "act"), after a plural
    // head, where a noun could not follow without an article.
    if (PREPOSITIONS.has(vk) || DETERMINERS.has(vk) || CONJUNCTIONS.has(vk)) return false;
    // Or one the tagger reads as a verb there ("all employees attend").
    if (!(lexiconHas(vk, 'Infinitive') || lexiconHas(vk, 'Singular') || tagsAt(toks, w[h + 1], state.pos).has('Verb')))
      return false;
    const np = toks.slice(w[at], w[h] + 1);
    if (np.some((t) => t.kind !== 'word' && t.kind !== 'space')) return false;
    subjectWithModal(toks, w[h + 1], np, modal);
    return true;
  }
  return false;
}

/** Words that open the object of the verb after a subjunctive subject ("initiate these talks"). */
const OBJECT_OPENERS = set('the a an this these that those its their his her our your my all any every each some');

/**
 * "It is recommended that the procurement team initiate these talks." → "The procurement team
 * should initiate these talks.": a singular subject (a determiner and up to three words) and the
 * verb in its bare form where a statement would say "initiates" — the mandative subjunctive, the
 * one reading a bare verb after a singular noun has. An object opening with a determiner must
 * follow, so that a noun used as a verb ("the team lead review the code") is read at its head.
 */
function singularThat(toks: Tok[], w: number[], at: number, modal: string): boolean {
  const det = toks[w[at]];
  if (!isWord(det) || !DETERMINERS.has(keyOf(det)) || /^(?:a|an|all|both|these|those|many|some)$/.test(keyOf(det)))
    return false;
  for (let h = at + 1; h <= at + 3 && h + 2 < w.length; h++) {
    const head = toks[w[h]];
    if (!isWord(head) || !isLowerWord(head.text) || /s$/.test(keyOf(head))) return false;
    const verb = toks[w[h + 1]];
    const vk = isWord(verb) ? keyOf(verb) : '';
    if (!vk || !isLowerWord(verb.text) || MODAL_OR_AUX.has(vk)) return false;
    const f = verbForms(vk);
    if (f.base !== vk || f.s3 === vk || !(lexiconHas(vk, 'Infinitive') || lexiconHas(vk, 'Singular'))) continue;
    if (PREPOSITIONS.has(vk) || DETERMINERS.has(vk) || CONJUNCTIONS.has(vk)) continue;
    if (!OBJECT_OPENERS.has(keyOf(toks[w[h + 2]]))) continue;
    const np = toks.slice(w[at], w[h] + 1);
    if (np.some((t) => t.kind !== 'word' && t.kind !== 'space')) return false;
    subjectWithModal(toks, w[h + 1], np, modal);
    return true;
  }
  return false;
}

/**
 * "It is crucial that these issues are addressed early." → "These issues must be addressed
 * early.": a subject of a determiner and up to three words, then "is", "are" or "be" and a past
 * participle. `at`: the index in `w` of the subject's first word.
 */
function passiveThat(toks: Tok[], w: number[], at: number, modal: string): boolean {
  const det = toks[w[at]];
  if (!isWord(det) || !DETERMINERS.has(keyOf(det)) || keyOf(det) === 'a' || keyOf(det) === 'an') return false;
  for (let b = at + 1; b <= at + 4 && b + 1 < w.length; b++) {
    const be = keyOf(toks[w[b]]);
    if (be !== 'is' && be !== 'are' && be !== 'be') continue;
    const pp = toks[w[b + 1]];
    if (!isWord(pp) || !isLowerWord(pp.text) || !/(?:ed|en|wn|ne)$/.test(keyOf(pp))) return false;
    const np = toks.slice(w[at], w[b]);
    if (np.some((t) => t.kind !== 'word' && t.kind !== 'space')) return false;
    const why = REASONS.stock;
    toks.splice(
      0,
      w[b] + 1,
      { ...np[0], text: capitalize(np[0].text), reason: why },
      ...np.slice(1),
      tok(modal, 'word', why),
      tok(' ', 'space', why),
      tok('be', 'word', why),
    );
    return true;
  }
  return false;
}

/** Two-word openings the recast can stand behind ("Moving forward, it is vital that …"). */
const OPENING_PHRASES = new Set([
  'moving forward',
  'in conclusion',
  'in summary',
  'in addition',
  'in short',
  'above all',
  'most importantly',
  'as such',
]);

/** Spans of time, which "for … to" may name without a subject ("for years to come"). */
const TIME_WORDS = set('years decades months weeks days hours ages generations centuries now today time tomorrow');

/** One-word openings the recast can stand behind ("Additionally, it is essential to …"). */
const OPENING_ADVERBS = set(
  'additionally furthermore moreover also however therefore thus hence finally first second third lastly ultimately overall importantly',
);

/**
 * The same after an opening purpose clause, a one-word opening or a framing phrase: "To cut
 * emissions, it is essential for firms to act." → "To cut emissions, firms must act."; "Given
 * these findings, it is essential for researchers to adopt …" → "…, researchers must adopt …".
 */
function itIsAdjectiveAfterPurpose(toks: Tok[], state: ReviseState): boolean {
  const comma = toks.findIndex((t) => t.kind === 'punctuation' && t.text === ',');
  const first = isWord(toks[0]) ? keyOf(toks[0]) : '';
  const opening = toks
    .slice(0, 5)
    .map((t) => t.text)
    .join('');
  const purpose =
    first === 'to' ||
    (first === 'in' && /^in order to\b/i.test(opening)) ||
    (comma === 1 && OPENING_ADVERBS.has(first)) ||
    (comma === 3 && OPENING_PHRASES.has(`${first} ${keyOf(toks[2])}`)) ||
    // A condition or a time: "If the pain persists, it is advisable to see a doctor."
    FRONTABLE_CLAUSES.has(first) ||
    // A phrase that frames the advice: "Given these findings,", "With this in mind,", "For this
    // reason," (a preposition's phrase has no verb that "it" could belong to).
    // Not a comparison ("Like the cat, it is important to rest"), which needs the subject it had.
    first === 'given' ||
    first === 'despite' ||
    (PREPOSITIONS.has(first) && first !== 'like' && first !== 'than');
  if (!purpose && first !== 'as') return false;
  if (comma < 0 || wordsFrom(toks.slice(0, comma), 0).length > 12 || toks[comma + 1]?.kind !== 'space') return false;
  const head = toks[comma + 2];
  if (!isWord(head) || !/^it(?:['’]s)?$/.test(keyOf(head))) return false;
  // A change under way: "As awareness grows, it is imperative that policymakers invest …" (a
  // clause, with its verb: not "As such," nor a role, "As a teacher,"). Asked last: it may parse.
  if (!purpose && !(comma > 2 && hasFiniteVerb(toks, 1, comma, state.pos))) return false;
  const rest = [{ ...head, text: capitalize(head.text) }, ...toks.slice(comma + 3)];
  // A condition or a moment put to the reader ("If you have concerns about your risk,", "After
  // your procedure,") makes the advice that follows one: "…, speak with your healthcare provider."
  // rather than "…, speaking with your healthcare provider matters."
  // So does an opening whose doer is the reader unnamed: "When choosing a provider, compare prices."
  const addressed =
    toks.slice(1, comma).some((t) => isWord(t) && /^(?:you(?:['’]re|['’]ve)?|your)$/.test(keyOf(t))) ||
    (READER_MOMENTS.has(first) && isWord(toks[2]) && /^\p{Ll}+ing$/u.test(toks[2].text));
  if (!itIsAdjectiveTo(rest, state, addressed)) return false;
  // The new subject no longer starts the sentence: lower-case it unless it is "I" or a name.
  const subject = rest[0];
  if (isWord(subject) && subject.text !== 'I' && subject.reason && isLowerWord(subject.text.toLowerCase()))
    rest[0] = { ...subject, text: subject.text.charAt(0).toLowerCase() + subject.text.slice(1) };
  toks.splice(comma + 2, toks.length - comma - 2, ...rest);
  return true;
}

/**
 * "It is essential to protect forests." → "Protecting forests is essential."
 * "It is crucial for parents to listen." → "Parents must listen." ("important" → "should")
 * "It is essential that we act now." → "We must act now."
 */
function itIsAdjectiveTo(toks: Tok[], state: ReviseState, addressed = false): boolean {
  const w = wordsFrom(toks, 0);
  // "It's" is "It is": count it as two words.
  const contracted = /^It['’]s$/.test(toks[0]?.text ?? '');
  if (contracted) w.unshift(w[0]);
  if (w.length < 5 || !(contracted || toks[0].text === 'It')) return false;
  const last = toks[toks.length - 1];
  if (last.kind !== 'punctuation' || last.text !== '.') return false;
  let k = 1;
  const be = contracted ? 'is' : keyOf(toks[w[k]]);
  if (be !== 'is' && be !== 'was') return false;
  k++;
  // "It is also important to rest." → "Resting is also important."
  const also = keyOf(toks[w[k]]) === 'also';
  if (also) k++;
  const adj = keyOf(toks[w[k]]);
  if (!IT_ADJECTIVES.has(adj)) return false;
  k++;
  const modal = ADVICE_ADJECTIVES.has(adj) ? 'should' : 'must';
  const why = REASONS.stock;
  const next = keyOf(toks[w[k]]);
  const body = toks.slice(w[k] + 1, -1);
  if (body.some((t) => t.kind === 'punctuation' && /[;:]/.test(t.text))) return false;
  if (next === 'to' && be === 'is') {
    // "to VP." → "VPing is ADJ."
    const v = toks[w[k + 1]];
    // A verb, not a negation or an adverb before one ("to not only save …", "to always check …").
    if (!isWord(v) || !isLowerWord(v.text) || verbForms(keyOf(v)).base !== keyOf(v) || keyOf(v) === 'be') return false;
    if (isNegation(keyOf(v)) || NOT_VERBS.has(keyOf(v)) || /ly$/.test(keyOf(v))) return false;
    // "It is important to note that …" is framing, which the table cuts.
    const after = w[k + 2] !== undefined ? keyOf(toks[w[k + 2]]) : '';
    if (after === 'that' || after === 'in' || after === 'out') return false;
    const vp = toks.slice(w[k + 1] + 1, -1);
    // A gerund after the verb would stand beside the new one: "to begin planning early" is no
    // "Beginning planning early is essential".
    const gerundAfter = verbFormOf(after) === 'ger';
    // In instructions (a text with steps or headings), advice about the reader's things is one
    // more step: "It's important to consider your local climate when choosing varieties." →
    // "Consider your local climate when choosing varieties." Not in an essay, where "It's
    // essential to follow your own path" states a view, which a command would not.
    if (!also && (addressed || (vp.some((t) => isWord(t) && READER.has(keyOf(t))) && instructions(state)))) {
      toks.splice(0, w[k + 1] + 1, { ...v, text: capitalize(v.text), reason: why, removedBefore: why });
      return true;
    }
    if (gerundAfter) return false;
    // A short phrase only: eight words and more before "is vital" make a subject the reader must
    // hold ("Choosing tools that genuinely fit your needs rather than … is vital.", "Consulting
    // with a healthcare professional before changing your diet matters.").
    if (vp.filter((t) => t.kind === 'word').length > 6) return false;
    // A word of the adjective's family in the phrase would echo it: "Prioritizing tasks by their
    // level of importance is also important."
    if (vp.some((t) => isWord(t) && keyOf(t).startsWith(adj.slice(0, 5)))) return false;
    // "to raise awareness and take measures" would become "Raising awareness and take measures
    // is important": a second verb coordinated with the first stays as it is.
    if (coordinatedVerb(toks, w[k + 1] + 1, toks.length - 1, state, false)) return false;
    // A comma and an aside ("…, such as voting and volunteering") in the new subject would run on
    // into its verb: "Showing …, such as voting is important."
    if (vp.some((t, n) => t.text === ',' && ASIDE_OPENERS.has(keyOf(vp[nextIndex(vp, n)] ?? t)))) return false;
    // Any other comma but a list's ("to eat fruit, vegetables, and grains") leaves an aside inside
    // the subject: "Feeding your starter regularly, usually once a day, to keep it active matters."
    if (vp.some((t) => t.text === ',') && !plainList(vp)) return false;
    // With a clause of its own ("to consult a doctor if the pain persists"), a condition or a
    // time goes in front ("If the pain persists, consulting a doctor is essential."); any other
    // clause ("whether", "because") would hang off the subject, so the sentence stays.
    const c = vp.findIndex((t) => isWord(t) && CLAUSE_OPENERS.has(keyOf(t)));
    if (c >= 0 && (!FRONTABLE_CLAUSES.has(keyOf(vp[c])) || vp.slice(c).some((t) => t.text === ','))) return false;
    const main = c >= 0 ? vp.slice(0, c) : vp;
    while (main.length && main[main.length - 1].kind === 'space') main.pop();
    const ger = tok(verbForms(keyOf(v)).ger, 'word', why);
    const statement = [
      ger,
      ...main,
      tok(' ', 'space', why),
      tok(be, 'word', why),
      tok(' ', 'space', why),
      ...(also ? [tok('also', 'word', why), tok(' ', 'space', why)] : []),
      tok(adj, 'word', why),
    ];
    const clause = c >= 0 ? [{ ...vp[c], text: capitalize(vp[c].text) }, ...vp.slice(c + 1)] : [];
    toks.splice(
      0,
      toks.length,
      ...(clause.length ? [...clause, tok(',', 'punctuation', why), tok(' ', 'space', why)] : []),
      ...(clause.length ? statement : [{ ...ger, text: capitalize(ger.text) }, ...statement.slice(1)]),
      tok('.', 'punctuation', why),
    );
    return true;
  }
  if (next === 'for' && be === 'is') {
    // "for NP to VP." → "NP must VP."
    const toAt = w.findIndex((x, n) => n > k && keyOf(toks[x]) === 'to');
    if (toAt < 0 || toAt - k > 7) return false;
    const np = toks.slice(w[k + 1], w[toAt]);
    while (np.length && np[np.length - 1].kind === 'space') np.pop();
    if (!np.length || np.some((t) => t.kind === 'placeholder')) return false;
    const first = keyOf(np[0]);
    const list = plainList(np);
    if (np.some((t) => t.kind === 'punctuation') && !list) return false;
    // A time is no subject: "It is important for years to come" stays (never "Years should come").
    if (TIME_WORDS.has(first)) return false;
    const npWords = np.filter((t) => t.kind === 'word');
    // "for the government and for local councils to work together": a second "for" would stay
    // inside the new subject ("The government and for local councils must …").
    if (npWords.some((t) => keyOf(t) === 'for')) return false;
    // A bare plural and the phrase that narrows it: "for individuals with diabetes to monitor …"
    // → "Individuals with diabetes must monitor …".
    const narrowedPlural =
      isLowerWord(np[0].text) &&
      /[^s]s$/.test(first) &&
      npWords.length >= 3 &&
      npWords.length <= 5 &&
      PREPOSITIONS.has(keyOf(npWords[1]));
    if (!(
      list ||
      DETERMINERS.has(first) ||
      OBJECT_TO_SUBJECT[first] ||
      narrowedPlural ||
      (isLowerWord(np[0].text) && np.length === 1)
    ))
      return false;
    const v = toks[w[toAt + 1]];
    if (!isWord(v) || verbForms(keyOf(v)).base !== keyOf(v)) return false;
    const subject = OBJECT_TO_SUBJECT[first]
      ? [tok(capitalize(OBJECT_TO_SUBJECT[first]), 'word', why)]
      : [{ ...np[0], text: capitalize(np[0].text), reason: why }, ...np.slice(1)];
    const alsoToks = also ? [tok('also', 'word', why), tok(' ', 'space', why)] : [];
    toks.splice(
      0,
      w[toAt + 1],
      ...subject,
      tok(' ', 'space', why),
      tok(modal, 'word', why),
      tok(' ', 'space', why),
      ...alsoToks,
    );
    return true;
  }
  if (also) return false;
  if (next === 'that' && be === 'is') {
    // "that neither party disclose the terms": "Neither party must disclose" could lift a duty
    // the sentence imposes as a ban; a negative subject stays as written.
    if (NEGATIVE_SUBJECTS.has(keyOf(toks[w[k + 1]] ?? toks[0]))) return false;
    // "that these issues are addressed" → "These issues must be addressed"
    if (passiveThat(toks, w, k + 1, modal)) return true;
    // "that users, teachers, and parents work together" → "Users, teachers, and parents must work together"
    if (listThat(toks, w, k + 1, modal, state)) return true;
    // "that all departments submit their reports" → "All departments must submit their reports"
    if (pluralThat(toks, w, k + 1, modal, state)) return true;
    // "that the procurement team initiate talks" → "The procurement team should initiate talks"
    if (singularThat(toks, w, k + 1, modal)) return true;
    // "that we (should) act" → "We must act"
    const s = toks[w[k + 1]];
    if (!isWord(s) || !(SUBJECT_PRONOUNS.has(keyOf(s)) || keyOf(s) === 'everyone')) return false;
    let v = k + 2;
    if (keyOf(toks[w[v]]) === 'should') v++;
    const verb = toks[w[v]];
    // The verb after the modal is a base form: "everyone has access" → "Everyone must have
    // access"; a negation, a contraction or another modal ("you don't skip", "you can't be")
    // leaves the sentence as it is.
    if (!isWord(verb) || !isLowerWord(verb.text) || /['’]/.test(verb.text) || MODAL_OR_AUX_NOT_HAVE.has(keyOf(verb)))
      return false;
    const base = baseAfterModal(keyOf(verb));
    if (!base) return false;
    const subject = keyOf(s) === 'i' ? 'I' : capitalize(keyOf(s));
    toks.splice(
      0,
      w[v] + 1,
      tok(subject, 'word', why),
      tok(' ', 'space', why),
      tok(modal, 'word', why),
      tok(' ', 'space', why),
      base === keyOf(verb) ? verb : tok(base, 'word', why),
    );
    return true;
  }
  return false;
}
const MODAL_OR_AUX = set('can could will would shall should may might must do does did is are was were has have had');
/** Auxiliaries a modal cannot stand before ("has" becomes "have": "must have access"). */
const MODAL_OR_AUX_NOT_HAVE: ReadonlySet<string> = new Set(
  [...MODAL_OR_AUX].filter((k) => k !== 'has' && k !== 'have'),
);

/** The base form a verb takes after a modal ("has" → "have", "knows" → "know"), or null if it is not a present form. */
function baseAfterModal(verb: string): string | null {
  if (verb === 'has') return 'have';
  if (verb === 'have') return verb;
  if (verb.endsWith('ed') || verb.endsWith('ing')) return null;
  const bases = basesOfThirdPerson(verb);
  if (bases.length) return bases[0];
  return canBeVerb(verb) ? verb : null;
}
/** Subjects that deny ("neither party", "no one"): "must" after them reads two ways. */
const NEGATIVE_SUBJECTS = set('neither no none nobody nothing nor');

const ROLE_ADJECTIVES = set(
  'crucial vital key pivotal significant important major central critical essential fundamental big large decisive prominent instrumental integral',
);
const PLAY = new Map<string, 'base' | 's3' | 'past' | 'ger'>([
  ['play', 'base'],
  ['plays', 's3'],
  ['played', 'past'],
  ['playing', 'ger'],
]);

const GERUND_OBJECT = new Set<string>([
  ...DETERMINERS,
  ...set(
    'its their his her our my your how what why whether where who them us people students children young public new',
  ),
]);

const TRANSITIVE_GERUNDS = set(
  'raising improving reducing promoting shaping creating maintaining sustaining supporting protecting ensuring preventing fostering enhancing increasing strengthening lowering boosting spreading regulating influencing',
);

/**
 * Is a second verb coordinated with the one before `from` — "and"/"or" followed by a gerund
 * (`gerund`) or by a verb's base form — before the clause ends at `to` (or at ";", ":", ".")?
 * The tagger is asked only about a word right after "and"/"or".
 */
function coordinatedVerb(toks: readonly Tok[], from: number, to: number, state: ReviseState, gerund: boolean): boolean {
  for (let i = from; i < to; i++) {
    const t = toks[i];
    if (t.kind === 'punctuation' && /[;:.!?]/.test(t.text)) return false;
    if (!isWord(t) || (keyOf(t) !== 'and' && keyOf(t) !== 'or')) continue;
    const n = nextIndex(toks, i);
    if (n < 0 || n >= to || !isWord(toks[n]) || !isLowerWord(toks[n].text)) continue;
    const k = keyOf(toks[n]);
    if (gerund) {
      if (baseOfGerund(k)) return true;
      continue;
    }
    if (verbForms(k).base !== k) continue;
    const tags = tagsAt(toks, n, state.pos);
    if (tags.has('Verb') && !tags.has('Gerund') && !tags.has('PastTense')) return true;
    // The tagger may take a verb after "and" for an adjective ("drive excellence and foster
    // innovation"): a word that can be a verb in its base form counts, not a plural noun ("protect
    // forests and rivers"); a false alarm only keeps the sentence as it was.
    if (!gerund && canBeVerb(k) && !looksPlural(k)) return true;
  }
  return false;
}

/** Verbs that name a share of an outcome already: "shapes", "influences". */
const PARTIAL_VERBS = set('shape influence inform');
/** A role that is more than a share: "a crucial role in X-ing" is being central to it. */
const STRONG_ROLES = set('crucial vital key pivotal critical central essential fundamental decisive integral');

/** "be" for "plays"/"play" after what comes before: "is", "be" after a modal or "to", "are" after a plural subject. */
function centralBe(form: 'base' | 's3' | 'past' | 'ger', toks: readonly Tok[], prev: number): string | null {
  const p = prev >= 0 && isWord(toks[prev]) ? keyOf(toks[prev]) : '';
  if (!p || p.endsWith('ly') || ADVERBS_BEFORE_ROLE.has(p) || lexiconHas(p, 'Adverb')) return null;
  // A person is no centre ("Every employee is central to protecting our data" reads oddly): a
  // person's role helps.
  if (PERSON_SUBJECTS.has(p)) return null;
  // A question ("Do parents play …?") or a bare infinitive after "let", "make", "help" ("let
  // teachers play …") keeps "play": "be" there would need the whole clause rebuilt.
  if (toks.some((t) => t.text === '?')) return null;
  if (toks.slice(0, prev).some((t) => isWord(t) && BARE_INFINITIVE_BEFORE.has(keyOf(t)))) return null;
  if (form === 's3') return 'is';
  if (form !== 'base') return null;
  if (MODALS.has(p) || p === 'to') return 'be';
  return PLURAL_SUBJECT_WORDS.has(p) || (/s$/.test(p) && !/ss$/.test(p) && !AUXILIARIES.has(p)) ? 'are' : null;
}
/** People, whose crucial role is their help, not a centre. */
const PERSON_SUBJECTS = set(
  'employee employees everyone everybody each you we i he she they teacher teachers parent parents nurse nurses doctor doctors staff member members worker workers manager managers leader leaders citizen citizens student students volunteer volunteers individual individuals person people',
);
const ADVERBS_BEFORE_ROLE = set('also still often always never not do does did too even only already');
const BARE_INFINITIVE_BEFORE = set('do does did let lets letting make makes made making help helps helped helping');
const PLURAL_SUBJECT_WORDS = set('they we you these those');

/** What may stand between "have" and its participle ("has not", "have also", "has no doubt", "has, in many ways,"). */
const BETWEEN_HAVE_AND_PARTICIPLE = set(
  'not never also always long once already each ever just recently since both all perhaps indeed thus no doubt in fact many ways some respects',
);
/** Pronouns whose "'s", "'ve" or "'d" is "has", "have" or "had" before a participle ("She's played"). */
const HAVE_CONTRACTIONS = /^(?:he|she|it|that|who|there|i|you|we|they)['’](?:s|ve|d)$/;
/** The verb at `i` follows "have" (past adverbs and asides): "has played", "has perhaps played", "She's played". */
function afterPerfect(toks: readonly Tok[], i: number): boolean {
  for (let k = prevIndex(toks, i), n = 0; k >= 0 && n < 7; k = prevIndex(toks, k), n++) {
    if (toks[k].text === ',') continue;
    if (!isWord(toks[k])) return false;
    const key = keyOf(toks[k]);
    if (/^(?:has|have|had|having|hasn't|haven't|hadn't)$/.test(key) || HAVE_CONTRACTIONS.test(key)) return true;
    // An adverb ("historically"), but no noun in -ly: "Sarah's family played", "Italy's ally".
    const adverb = lexiconHas(key, 'Adverb') || (key.endsWith('ly') && !lexiconHas(key, 'Noun'));
    if (!BETWEEN_HAVE_AND_PARTICIPLE.has(key) && !adverb) return false;
  }
  return false;
}
/** One act, which a role only helped bring about ("played a key role in founding the school" → "helped found"). */
const ONE_ACTS = set(
  'sign found co-found launch establish discover invent draft write design start open form organize organise negotiate broker',
);

/**
 * "plays a crucial role in raising awareness" → "is central to raising awareness", "plays an
 * important role in shaping X" → "shapes X", "… in raising awareness" → "helps raise awareness",
 * "played a key role in raising" → "did much to raise".
 */
function roleInGerund(toks: Tok[], state: ReviseState): boolean {
  for (let i = 0; i < toks.length; i++) {
    const form = isWord(toks[i]) ? PLAY.get(keyOf(toks[i])) : undefined;
    if (!form) continue;
    const w = wordsFrom(toks, i).slice(0, 7);
    if (w.length < 7) continue;
    if (!/^(?:a|an)$/.test(keyOf(toks[w[1]])) || !ROLE_ADJECTIVES.has(keyOf(toks[w[2]]))) continue;
    if (keyOf(toks[w[3]]) !== 'role' || keyOf(toks[w[4]]) !== 'in') continue;
    const g = toks[w[5]];
    const base = isWord(g) ? baseOfGerund(keyOf(g)) : null;
    if (!base) continue;
    // The gerund must govern an object ("in shaping the debate"), not name a field ("a role in
    // farming") nor modify a noun ("a role in developing countries"). A bare noun counts as its
    // object only after a verb that is never a field's name nor an adjective ("in raising awareness").
    const obj = w[6] !== undefined ? toks[w[6]] : undefined;
    const bareObject =
      isWord(obj) &&
      TRANSITIVE_GERUNDS.has(keyOf(g)) &&
      isLowerWord(obj.text) &&
      !PREPOSITIONS.has(keyOf(obj)) &&
      !CONJUNCTIONS.has(keyOf(obj));
    if (!obj || !(obj.kind === 'placeholder' || (isWord(obj) && GERUND_OBJECT.has(keyOf(obj))) || bareObject)) continue;
    // "a crucial role in regulating the climate and storing carbon" would become "regulates the
    // climate and storing carbon": with a second gerund, the sentence stays.
    if (coordinatedVerb(toks, w[5] + 1, toks.length, state, true)) continue;
    const why = REASONS.stock;
    const prev = prevIndex(toks, i);
    // After a past participle ("has played", "has historically played", "She's played", "Having
    // played") the form is the participle.
    const asPp = form === 'past' && afterPerfect(toks, i);
    const inflect = (v: string) => (asPp ? verbForms(v).pp : verbForms(v)[form]);
    // A crucial role is more than help: "plays a crucial role in regulating the climate" → "is
    // central to regulating the climate", which keeps the weight "helps regulate" would drop. Only
    // in the present, after its subject or a modal ("can play" → "can be"), and of what is shaped
    // too ("is central to shaping the debate"); after "does not" or an adverb it helps.
    const words = (...xs: string[]) =>
      xs.flatMap((x, n) => [...(n ? [tok(' ', 'space', why)] : []), tok(x, 'word', why)]);
    const be = STRONG_ROLES.has(keyOf(toks[w[2]])) ? centralBe(form, toks, prev) : null;
    if (be) {
      toks.splice(i, w[4] - i + 1, ...words(be, 'central', 'to'));
      return true;
    }
    // In the past, where "was" or "were" would need the subject's number, the weight stays in "did
    // much to": "played a pivotal role in securing the grant" → "did much to secure the grant"
    // ("helped secure" drops it; "has played" → "has done much to"), but for one act, which a
    // role helped bring about ("helped found the school", "helped sign the treaty"). A role is a share: "plays a key role in developing the vaccine" is "helps develop" it,
    // never "develops" it alone. Only what is shaped or influenced takes the verb itself, both
    // being partial already ("an important role in shaping the debate" → "shapes the debate").
    const replacement =
      form === 'past' && !ONE_ACTS.has(base)
        ? words(inflect('do'), 'much', 'to', base)
        : PARTIAL_VERBS.has(base)
          ? words(inflect(base))
          : words(inflect('help'), base);
    toks.splice(i, w[5] - i + 1, ...replacement);
    return true;
  }
  return false;
}

const THERE_QUANTIFIERS = set('a an many some several few numerous countless various no');

/** The same after a one-word opening: "Fortunately, there are several ways that help" → "Fortunately, several ways help". */
function thereAreWhoAfterOpening(toks: Tok[], state: ReviseState): boolean {
  if (!isWord(toks[0]) || toks[1]?.text !== ',' || toks[2]?.kind !== 'space' || toks[3]?.text !== 'there') return false;
  const rest = [{ ...toks[3], text: 'There' }, ...toks.slice(4)];
  if (!thereAreWho(rest, state)) return false;
  // The quantifier that now follows the opening is lower-case again ("several", "many").
  rest[0] = { ...rest[0], text: rest[0].text.charAt(0).toLowerCase() + rest[0].text.slice(1) };
  toks.splice(3, toks.length - 3, ...rest);
  return true;
}

/** "There are many people who believe that …" → "Many people believe that …". */
function thereAreWho(toks: Tok[], state: ReviseState): boolean {
  if (keyOf(toks[0] ?? tok('', 'space', REASONS.wordy)) !== 'there' || toks[0].text !== 'There') return false;
  const w = wordsFrom(toks, 0);
  if (w.length < 6 || !/^(?:is|are|was|were)$/.test(keyOf(toks[w[1]]))) return false;
  if (!THERE_QUANTIFIERS.has(keyOf(toks[w[2]])) || keyOf(toks[w[2]]) === 'no') return false;
  let r = -1;
  for (let n = 3; n < Math.min(w.length - 1, 8); n++) {
    const t = toks[w[n]];
    if (!isWord(t)) break;
    if (keyOf(t) === 'who' || keyOf(t) === 'that') {
      r = n;
      break;
    }
    if (NON_HEAD.has(keyOf(t)) && keyOf(t) !== 'of') break;
  }
  if (r < 0) return false;
  // Between "There are" and "who" only words (a noun phrase), no protected text or punctuation.
  for (let x = w[2]; x < w[r]; x++) if (toks[x].kind === 'punctuation' || toks[x].kind === 'placeholder') return false;
  const v = w[r + 1];
  const vk = keyOf(toks[v]);
  if (!isWord(toks[v]) || !isLowerWord(toks[v].text)) return false;
  const tags = tagsAt(toks, v, state.pos);
  const finite =
    finiteInLexicon(vk) ||
    (tags.has('Verb') && (tags.has('PresentTense') || tags.has('PastTense')) && !tags.has('Gerund'));
  if (!finite) return false;
  // One thing said to exist and then described ("There is a cat that is black") is no general
  // statement: "A cat is black" would be one. Many things so described are ("Many people are …").
  if (/^an?$/.test(keyOf(toks[w[2]])) && BE_FORMS.has(vk)) return false;
  // A noun read as a verb is the subject of a clause saying what the noun is, not one about it:
  // "a concern that costs will rise", "a chance that prices rise" ("evidence that suggests a link" is).
  const a = w[r + 2];
  if (!MODAL_OR_AUX.has(vk) && a !== undefined && isWord(toks[a])) {
    const at = tagsAt(toks, a, state.pos);
    if (MODAL_OR_AUX.has(keyOf(toks[a])) || (at.has('Verb') && !at.has('Gerund'))) return false;
  }
  const why = REASONS.wordy;
  const np = toks.slice(w[2], w[r]);
  np[0] = { ...np[0], text: capitalize(np[0].text), reason: why, joint: true };
  // The relative pronoun goes too: its hunk and the one above stand or fall together.
  toks[v] = { ...withRemovedBefore(toks[v], why), joint: true };
  if (/^an?$/i.test(np[0].text)) {
    const nx = np.find((t, n) => n > 0 && t.kind === 'word');
    if (nx) np[0] = { ...np[0], text: capitalize(article(nx.text, false)) };
  }
  toks.splice(0, v, ...np);
  forget(state.pos, toks);
  return true;
}

// Not "continuing to use": "keeping using" stacks two -ing forms.
const CONTINUE = new Map<string, 'base' | 's3' | 'past'>([
  ['continue', 'base'],
  ['continues', 's3'],
  ['continued', 'past'],
]);
const NOT_KEEP = set('be have exist remain stay live work keep');
/** Verbs of an effect or a hold that lasts: what "continues to" do them still does. */
const LASTING_EFFECTS = set(
  'captivate inspire influence shape resonate fascinate haunt affect define attract enchant charm delight intrigue move grip enthrall enthral dominate matter appeal impress puzzle fuel inform guide play serve',
);
const HELD_ROLES = set('play serve');
/** Words after a prepositional "to" that are no verb (pronouns, "date" of "to date"). */
const NOT_A_VERB_AFTER_TO = set('it them him her us me you date');

/** "to this day" or "still" after toks[v] in the sentence. */
function toDayAfter(toks: readonly Tok[], v: number): boolean {
  for (let k = nextIndex(toks, v), prev = ''; k >= 0; k = nextIndex(toks, k)) {
    const key = keyOf(toks[k]);
    if (key === 'still' || (key === 'day' && prev === 'this')) return true;
    prev = key;
  }
  return false;
}

/** "continues to grow" → "keeps growing" (standard and casual prose). */
function continueTo(toks: Tok[], state: ReviseState): boolean {
  for (let i = 0; i < toks.length; i++) {
    const form = isWord(toks[i]) ? CONTINUE.get(keyOf(toks[i])) : undefined;
    if (!form || !isLowerWord(toks[i].text)) continue;
    const to = nextIndex(toks, i);
    if (to < 0 || keyOf(toks[to]) !== 'to') continue;
    const v = nextIndex(toks, to);
    if (v < 0 || !isWord(toks[v]) || !isLowerWord(toks[v].text)) continue;
    const vk = keyOf(toks[v]);
    if (NOT_KEEP.has(vk) || verbForms(vk).base !== vk) continue;
    // "to" as a preposition ("continues to this day", "continued to the end", "to date"): what
    // follows is no verb.
    if (DETERMINERS.has(vk) || PREPOSITIONS.has(vk) || NOT_A_VERB_AFTER_TO.has(vk) || !/^[a-z]+$/.test(vk)) continue;
    const prev = prevIndex(toks, i);
    if (form === 'past' && prev >= 0 && /^(?:has|have|had|was|were|is|are)$/.test(keyOf(toks[prev]))) continue;
    // "continue to protect and preserve" would become "keep protecting and preserve".
    if (coordinatedVerb(toks, v + 1, toks.length, state, false)) continue;
    const why = REASONS.plain;
    // An effect that lasts is still felt, not repeated: "masterpieces that continue to captivate
    // audiences" still captivate them ("keep captivating" is an act done over and over).
    // (In the past "kept shaping politics for decades" reads better than "still shaped".)
    // Not after a sentence that says "still" already ("… is still a timeless critique. Its themes
    // still appeal …"): the verb stays "continue to".
    // A part played or a purpose served is held, not repeated: "continued to play a key part" is no
    // "kept playing" (in the present "still plays", as below).
    if (HELD_ROLES.has(vk) && form === 'past') continue;
    // After "will" an effect that lasts is kept up ("Her legacy will still inspire us" says it will
    // even so): "will keep inspiring".
    const afterModal = prev >= 0 && MODALS.has(keyOf(toks[prev]));
    if (LASTING_EFFECTS.has(vk) && form !== 'past' && !afterModal) {
      if (state.previousSentence.some((t) => t.kind === 'word' && keyOf(t) === 'still')) continue;
      // Nor with a "to this day" that says it already ("still shapes Western art to this day").
      if (toDayAfter(toks, v)) continue;
      const still = [tok('still', 'word', why), tok(' ', 'space', why), tok(verbForms(vk)[form], 'word', why)];
      toks.splice(i, v - i + 1, ...still);
      return true;
    }
    toks.splice(
      i,
      v - i + 1,
      tok(verbForms('keep')[form], 'word', why),
      tok(' ', 'space', why),
      tok(verbForms(vk).ger, 'word', why),
    );
    return true;
  }
  return false;
}

/**
 * "continues to be a role model" → "remains a role model", "continued to be popular" → "remained
 * popular": one verb says it. Only before a noun phrase or an adjective; before a participle the
 * "be" is a passive ("continue to be performed") and stays.
 */
function continueToBe(toks: Tok[], state: ReviseState): boolean {
  // Not beside a "remain" the sentence has already: "the work remains loved, and its score remains …".
  if (toks.some((t) => isWord(t) && /^remain(?:s|ed|ing)?$/.test(keyOf(t)))) return false;
  for (let i = 0; i < toks.length; i++) {
    const form = isWord(toks[i]) ? CONTINUE.get(keyOf(toks[i])) : undefined;
    if (!form || !isLowerWord(toks[i].text)) continue;
    const to = nextIndex(toks, i);
    const be = to < 0 ? -1 : nextIndex(toks, to);
    const x = be < 0 ? -1 : nextIndex(toks, be);
    if (x < 0 || keyOf(toks[to]) !== 'to' || keyOf(toks[be]) !== 'be' || !isWord(toks[x])) continue;
    const xk = keyOf(toks[x]);
    const describes =
      (DETERMINERS.has(xk) && xk !== 'that') ||
      ((lexiconHas(xk, 'Adjective') || tagsAt(toks, x, state.pos).has('Adjective')) &&
        baseOfParticiple(xk) === null &&
        !/ed$/.test(xk));
    if (!describes) continue;
    const why = REASONS.plain;
    toks.splice(i, be - i + 1, tok(matchCase(verbForms('remain')[form], toks[i].text), 'word', why));
    return true;
  }
  return false;
}

/** "can't", "couldn't", "cannot" (or "can"/"could" before "not"): what "help but" follows. */
const CANNOT = set("can't cannot couldn't can’t couldn’t not");

/**
 * "I couldn't help but notice" → "I couldn't help noticing": the idiom's plainer form says the
 * same. Only before a verb's base form ("help but be amazed" → "help being amazed").
 */
function helpBut(toks: Tok[]): boolean {
  for (let i = 0; i < toks.length; i++) {
    if (!isWord(toks[i]) || keyOf(toks[i]) !== 'help') continue;
    const p = prevIndex(toks, i);
    if (p < 0 || !CANNOT.has(keyOf(toks[p]).replace(/’/g, "'")) || toks[p].text !== toks[p].text.toLowerCase())
      continue;
    const but = nextIndex(toks, i);
    const v = but < 0 ? -1 : nextIndex(toks, but);
    if (v < 0 || keyOf(toks[but]) !== 'but' || !isWord(toks[v]) || !isLowerWord(toks[v].text)) continue;
    const vk = keyOf(toks[v]);
    if (!/^[a-z]+$/.test(vk) || verbForms(vk).base !== vk || !canBeVerb(vk)) continue;
    // A gerund the inflection does not know ("grin" → "grinning", "panic" → "panicking") stays "but grin".
    if (!verbForms(vk).ger.endsWith('ing')) continue;
    const why = REASONS.stock;
    toks.splice(but, v - but + 1, tok(verbForms(vk).ger, 'word', why));
    toks[but] = { ...toks[but], removedBefore: why };
    return true;
  }
  return false;
}

const SAYING = set(
  'say says said think thinks thought believe believes believed know knows knew feel feels felt hope hopes hoped realize realizes realized realise realises realised suppose supposes supposed guess ensure ensures ensured ensuring confident sure glad convinced',
);

/**
 * Concise prose: "I think that it works" → "I think it works", "I am confident that the team
 * will" → "I am confident the team will", "ensure that the data is" → "ensure the data is".
 */
function thatAfterSaying(toks: Tok[]): boolean {
  let changed = false;
  for (let i = 0; i < toks.length; i++) {
    if (!isWord(toks[i]) || !SAYING.has(keyOf(toks[i]))) continue;
    const t = nextIndex(toks, i);
    if (t < 0 || keyOf(toks[t]) !== 'that') continue;
    const n = nextIndex(toks, t);
    if (n < 0 || !isWord(toks[n])) continue;
    const nk = keyOf(toks[n]);
    if (!(SUBJECT_PRONOUNS.has(nk) || DETERMINERS.has(nk) || nk === 'there') || nk === 'that') continue;
    // Not where a second "that" clause follows ("make sure that all tests pass and that your code
    // …"): the pair keeps its parallel "that".
    if (parallelThatAfter(toks, n)) continue;
    cut(toks, t, t + 1, REASONS.wordy);
    changed = true;
  }
  return changed;
}

/** "and that" or "or that" later in the sentence. */
function parallelThatAfter(toks: readonly Tok[], from: number): boolean {
  for (let k = from, prev = ''; k >= 0; k = nextIndex(toks, k)) {
    const key = keyOf(toks[k]);
    if (key === 'that' && (prev === 'and' || prev === 'or')) return true;
    if (isWord(toks[k])) prev = key;
  }
  return false;
}

/** A participle a relative clause may be reduced to ("written", "founded"). */
function participleWord(k: string): boolean {
  return /[a-z]{3}ed$/.test(k) || /^(?:known|shown|given|written|taken|made|built|held|found|seen|done|born)$/.test(k);
}
/** Prepositions after a participle that make it describe a noun ("built in 1990", "written by Orwell"). */
const AFTER_PARTICIPLE = set('by in on at for from during after as to into near under with since');

/**
 * ", which was built in 1990," after a noun phrase ("the museum", "the Eiffel Tower"): the aside
 * as a participle (", built in 1990,"). Not after a clause ("Prices rose, which was expected"),
 * whose "which" stands for the whole statement: the word before the comma must close a noun
 * phrase that a determiner opens (or be a name), and the participle must take a preposition.
 */
function reducibleAside(toks: Tok[], comma: number, participle: number): boolean {
  const after = nextIndex(toks, participle);
  if (after < 0 || !isWord(toks[after]) || !AFTER_PARTICIPLE.has(keyOf(toks[after]))) return false;
  const w1 = prevIndex(toks, comma);
  if (w1 < 0 || !isWord(toks[w1])) return false;
  const k1 = keyOf(toks[w1]);
  if (FINITE_AUX.has(k1) || finiteInLexicon(k1) || /(?:ed|ly)$/.test(k1)) return false;
  if (isCapitalized(toks[w1].text) && w1 !== firstContentIndex(toks)) return true;
  // "The team lost, which was caused by injuries": a verb, not a noun, ends the clause.
  if (!canBeNoun(k1) || baseOfParticiple(k1) !== null) return false;
  let k = w1;
  for (let c = 0; c < 3; c++) {
    k = prevIndex(toks, k);
    if (k < 0 || !isWord(toks[k])) return false;
    if (DETERMINERS.has(keyOf(toks[k]))) return true;
    if (FINITE_AUX.has(keyOf(toks[k])) || finiteInLexicon(keyOf(toks[k]))) return false;
  }
  return false;
}

/** Adjectives that take a preposition's phrase after a noun ("skills relevant to the job"). */
const PREPOSED_ADJECTIVES = set(
  'available responsible similar capable aware suitable relevant eligible rich full free essential necessary useful familiar dependent vulnerable prone exposed immune resistant accessible common specific native related connected linked unique',
);
const ADJECTIVE_PREPOSITIONS = set('to for of in with about from on');
/** Pronouns a relative clause may follow ("those who are interested in art"). */
const RELATIVE_HEADS = set('those anyone everyone someone anybody everybody somebody');

/** "it is", "it was" or "it's" before `at`: the relative at `at` may close a cleft. */
function cleftBefore(toks: readonly Tok[], at: number): boolean {
  for (let i = 0; i < at; i++) {
    const k = keyOf(toks[i]);
    if (k === "it's" || k === 'it’s') return true;
    if (k === 'it' && /^(?:is|was)$/.test(keyOf(toks[nextIndex(toks, i)] ?? toks[i]))) return true;
  }
  return false;
}

/** "and that" / "or who" (the same relative word) after `from`: a coordinated second relative clause. */
function secondRelativeAfter(toks: readonly Tok[], from: number, relative: string): boolean {
  for (let i = from; i < toks.length; i++) {
    const k = keyOf(toks[i]);
    if ((k === 'and' || k === 'or') && keyOf(toks[nextIndex(toks, i)] ?? toks[i]) === relative) return true;
  }
  return false;
}

/**
 * Concise prose: "students who are interested in art" → "students interested in art", "tools that
 * are available to students" → "tools available to students"; "the museum, which was founded in
 * 1901, …" → "the museum, founded in 1901, …".
 */
function reducedRelatives(toks: Tok[], state: ReviseState): boolean {
  let changed = false;
  for (let i = 0; i < toks.length; i++) {
    if (!isWord(toks[i]) || !/^(?:who|which|that)$/.test(keyOf(toks[i]))) continue;
    const p = prevIndex(toks, i);
    if (p >= 0 && toks[p].text === ',' && keyOf(toks[i]) !== 'that') {
      const be = nextIndex(toks, i);
      if (be < 0 || !/^(?:is|are|was|were)$/.test(keyOf(toks[be]))) continue;
      const n = nextIndex(toks, be);
      if (n < 0 || !isWord(toks[n]) || !isLowerWord(toks[n].text) || !participleWord(keyOf(toks[n]))) continue;
      if (!reducibleAside(toks, p, n)) continue;
      cut(toks, i, be + 1, REASONS.wordy);
      changed = true;
      continue;
    }
    if (p < 0 || !isWord(toks[p]) || NON_HEAD.has(keyOf(toks[p])) || DETERMINERS.has(keyOf(toks[p]))) continue;
    // The noun before may be the sentence's capitalised first word ("Students who are …").
    if (!isLowerWord(toks[p].text) && !(p === firstContentIndex(toks) && isLowerWord(keyOf(toks[p])))) continue;
    const be = nextIndex(toks, i);
    if (be < 0 || !/^(?:is|are|was|were)$/.test(keyOf(toks[be]))) continue;
    const n = nextIndex(toks, be);
    if (n < 0 || !isWord(toks[n]) || !isLowerWord(toks[n].text)) continue;
    const nk = keyOf(toks[n]);
    const participle = participleWord(nk);
    // An adjective with its preposition reads as well without the clause ("tools that are
    // available to students" → "tools available to students").
    const after = nextIndex(toks, n);
    // A participle with nothing after it reads as the verb once "which was" goes ("the tram which
    // was packed, couldn't see …" → "the tram packed,").
    if (participle && (after < 0 || toks[after].kind === 'punctuation')) continue;
    const adjectivePhrase = PREPOSED_ADJECTIVES.has(nk) && after >= 0 && ADJECTIVE_PREPOSITIONS.has(keyOf(toks[after]));
    if (
      !participle &&
      !adjectivePhrase &&
      !(PREPOSITIONS.has(nk) && nk !== 'to' && nk !== 'of' && nk !== 'like' && nk !== 'than')
    )
      continue;
    // After a verb "that" is no relative but a pronoun: "We believe that is in the report" is not
    // "We believe in the report". Asked last: the tagger parses the sentence.
    if (!RELATIVE_HEADS.has(keyOf(toks[p])) && !tagsAt(toks, p, state.pos).has('Noun')) continue;
    // Nor the relative of a cleft ("it is the families of young women who are in want of …"):
    // cut, it would hand the wanting to the women.
    if (cleftBefore(toks, i)) continue;
    // Nor a relative a second one answers: "approaches that are grounded in evidence and that
    // respect …" would lose its parallel.
    if (secondRelativeAfter(toks, n, keyOf(toks[i]))) continue;
    cut(toks, i, be + 1, REASONS.wordy);
    changed = true;
  }
  return changed;
}

/** Participles that open a comment on the clause before them (", highlighting the need for …"). */
// Not "marking", "proving" or "signaling", which bring a fact or a claim of their own (", marking
// the first time a woman won the prize").
const COMMENT_PARTICIPLES = set(
  'highlighting underscoring emphasizing emphasising showcasing demonstrating reflecting illustrating symbolizing symbolising showing stressing reinforcing exemplifying',
);
/**
 * Appositives that only comment (", a testament to …", ", a reminder that …"); not a symbol, a
 * sign or an example of something, which says what a thing stands for (", a symbol of the
 * nation's youthful history").
 */
const COMMENT_APPOSITIVES = set('testament reminder tribute');
/** What a comment tail praises or stresses: a quality, not an event or a thing shown. */
const COMMENT_QUALITIES = set(
  'importance significance need value values power potential quality qualities nature spirit resilience determination dedication commitment skill skills talent talents genius depth richness beauty complexity universality relevance strength strengths courage humanity versatility ability abilities brilliance mastery prowess influence role legacy essence timelessness appeal charm artistry craftsmanship vision creativity ingenuity devotion resolve character',
);
/** Subjects whose tail says what they say: a text, a talk or a study ("The report …, highlighting …"). */
const SAYING_SUBJECTS = set(
  'report reports study studies survey surveys paper papers article articles speech speeches statement statements letter review analysis research memo document documentary interview campaign exhibition exhibit video post presentation announcement address',
);
/** Particles that make the participle an act ("reflecting on", "showing off"). */
const TAIL_PARTICLES = set('on off up out about upon into over around');
/** Words that carry a tail on into a clause of its own. */
const TAIL_CLAUSE_WORDS = set('yet but whereas although though');

/** Words that open a clause as an object: what follows says how or why something happens. */
const OBJECT_CLAUSE_OPENERS = set('how why what whether that where when');
/** After "how", a comment on a degree ("highlighting how important it is to plan"). */
const DEGREE_WORDS = set('important crucial vital essential valuable significant much far deeply');

/**
 * The participle at p takes as object, within its first six words, a quality it comments on; not
 * a clause that says how or why something happens (", showing how power can corrupt and …").
 */
function commentsOnQuality(toks: readonly Tok[], p: number): boolean {
  const object = wordsFrom(toks, nextIndex(toks, p)).slice(0, 6);
  if (!object.length || TAIL_PARTICLES.has(keyOf(toks[object[0]]))) return false;
  if (
    OBJECT_CLAUSE_OPENERS.has(keyOf(toks[object[0]])) &&
    !(keyOf(toks[object[0]]) === 'how' && object.length > 1 && DEGREE_WORDS.has(keyOf(toks[object[1]])))
  )
    return false;
  return object.some((x) => isWord(toks[x]) && COMMENT_QUALITIES.has(keyOf(toks[x])));
}
/**
 * A tail that reports a finding is no comment: ", highlighting a modest surplus", ", showing signs
 * of improvement", ", showing superior performance" say what happened, and stay.
 */
const FINDINGS = set(
  'surplus surpluses deficit deficits increase increases decrease decreases rise rises fall falls decline declines growth gain gains loss losses improvement improvements drop drops sign signs trend trends shortage shortages shortfall performance result results rate rates jump spike dip recovery slowdown profit profits revenue revenues savings preference preferences',
);
const CHANGE_VERBS = set('evolve advance develop grow change progress expand improve unfold');
/** Pronouns that may point back at the (singular: "continues") subject of the clause before them. */
const BACK_POINTERS = set('it its itself');

/** One of the three words after the participle at toks[p] names a finding ("showing signs of"). */
function reportsFinding(toks: readonly Tok[], p: number): boolean {
  return wordsFrom(toks, nextIndex(toks, p))
    .slice(0, 3)
    .some((x) => FINDINGS.has(keyOf(toks[x])));
}

/** The word before toks[comma] is a gerund governed by a preposition ("a cycle of drafting,"). */
function gerundAfterPreposition(toks: readonly Tok[], comma: number): boolean {
  const g = prevIndex(toks, comma);
  if (g < 0 || !keyOf(toks[g]).endsWith('ing')) return false;
  const p = prevIndex(toks, g);
  return p >= 0 && PREPOSITIONS.has(keyOf(toks[p]));
}

/**
 * Concise prose: a sentence-final comment on what the sentence said (", highlighting the need for
 * care", ", a testament to her skill") and an empty opening clause ("As technology continues to
 * evolve, …") are cut; the statement itself stays.
 */
function commentTails(toks: Tok[]): boolean {
  let changed = false;
  const last = toks[toks.length - 1];
  if (last?.kind === 'punctuation' && last.text === '.') {
    for (let i = toks.length - 2; i > 0; i--) {
      if (toks[i].text !== ',') continue;
      const n = nextIndex(toks, i);
      if (n < 0 || !isWord(toks[n])) break;
      const k = keyOf(toks[n]);
      const n2 = nextIndex(toks, n);
      const appositive = (k === 'a' || k === 'an') && n2 >= 0 && COMMENT_APPOSITIVES.has(keyOf(toks[n2]));
      if (!COMMENT_PARTICIPLES.has(k) && !appositive) continue;
      // Not an item of a list of "-ing" words ("a cycle of drafting, reflecting, and refining",
      // "by planning, reflecting on feedback, and …"): a comment takes an object, and follows a
      // clause, not a gerund after a preposition.
      if (!appositive && (!isWord(toks[n2]) || /^(?:and|or)$/.test(keyOf(toks[n2])) || gerundAfterPreposition(toks, i)))
        continue;
      // Only a comment on a quality ("highlighting the value of careful planning", "reflecting his
      // resilience"): a tail that names what happened or what is shown ("reflecting significant
      // borrowing to fund the acquisition", "highlighting the corruption of the legal system") says
      // something, and so does an act ("reflecting on the journey of life", "showing off his
      // progress") or a tail that goes on into a clause of its own (", … yet it also shows …").
      if (!appositive && !commentsOnQuality(toks, n)) break;
      if (toks.slice(i).some((t) => isWord(t) && TAIL_CLAUSE_WORDS.has(keyOf(t)))) break;
      // Nor what a report or a speaker said ("The report was released in March, highlighting the
      // role of nurses", "The minister spoke for an hour, highlighting the need for reform"): its
      // content, not a comment on it.
      const before = wordsFrom(toks, 0).filter((x) => x < i);
      if (
        !appositive &&
        (before.slice(0, 5).some((x) => SAYING_SUBJECTS.has(keyOf(toks[x]))) ||
          before.some((x) => SAYING_VERBS.has(keyOf(toks[x]))))
      )
        break;
      // Nor one that goes on to spell out what it names (", highlighting the polar aspects of
      // humanity – reason versus instinct, …"): after a dash or a colon it carries content.
      if (toks.slice(i + 1).some((t) => t.kind === 'punctuation' && /^[—–:;]$|^-$/.test(t.text))) break;
      // Only a last clause with no protected text and no finding in it, after a clause of at least
      // six words.
      const tail = toks.slice(i, -1);
      if (
        tail.some((t) => t.kind === 'placeholder') ||
        (!appositive && reportsFinding(toks, n)) ||
        toks.slice(0, i).filter((t) => t.kind === 'word').length < 6
      )
        break;
      toks.splice(i, toks.length - 1 - i);
      toks[i] = { ...toks[i], removedBefore: REASONS.filler };
      changed = true;
      break;
    }
  }
  // "As technology continues to evolve, …" (nothing but the passing of time).
  const w = wordsFrom(toks, 0);
  if (w.length > 8 && keyOf(toks[0]) === 'as') {
    const c = w.findIndex((x, n) => n > 0 && n < 7 && keyOf(toks[x]) === 'continues');
    if (
      c > 0 &&
      keyOf(toks[w[c + 1]]) === 'to' &&
      CHANGE_VERBS.has(keyOf(toks[w[c + 2]])) &&
      toks[w[c + 3]]?.text === ','
    ) {
      const rest = w[c + 4];
      // Not where the rest points back at what the clause named: "As the technology continues to
      // evolve, collaboration … will be essential to harness its full potential" needs it.
      const pointsBack = w.slice(c + 4).some((x) => BACK_POINTERS.has(keyOf(toks[x])));
      if (rest !== undefined && isWord(toks[rest]) && !pointsBack) {
        const first = toks[rest];
        toks.splice(0, rest);
        toks[0] = { ...first, text: capitalize(first.text), reason: REASONS.filler, removedBefore: REASONS.filler };
        changed = true;
      }
    }
  }
  return changed;
}

/** Words that open a clause and nothing else ("before", "after", "since" are prepositions too). */
const CLAUSE_OPENERS = set('if when whenever while whilst although though because unless whereas whether');
/** Clauses of condition or time, which read as well in front of the sentence. */
const FRONTABLE_CLAUSES = set('if when whenever unless');

const TAKE_FORMS = new Map<string, VerbForm>([
  ['take', 'base'],
  ['takes', 's3'],
  ['took', 'past'],
  ['taken', 'pp'],
  ['taking', 'ger'],
]);
const NEXT_LEVEL = ['to', 'the', 'next', 'level'];

/** Words that open a clause inside the sentence: "together" at its end would attach there. */
const CLAUSE_BREAKS = set('where that which who whom whose when if because while but so than as until unless');
const TOGETHER_MODALS = set('can will shall must should may');

/**
 * The rhetorical closer "Together, we can build a brighter future." → "We can build a brighter
 * future together.": the same words, without the opening the detector lists ("If we work
 * together, we …" keeps them side by side). Only a short sentence of one clause and no phrase
 * of time or place, so that the moved word ends the act it belongs to; others take the table's
 * "If we work together,".
 */
function togetherAtEnd(toks: Tok[]): boolean {
  if (toks[0]?.text !== 'Together' || toks[1]?.text !== ',' || toks[2]?.kind !== 'space') return false;
  if (toks[3]?.text !== 'we') return false;
  const m = nextIndex(toks, 3);
  if (m < 0 || !TOGETHER_MODALS.has(keyOf(toks[m]))) return false;
  const last = toks[toks.length - 1];
  if (last?.kind !== 'punctuation' || !/^[.!]$/.test(last.text)) return false;
  const body = toks.slice(4, -1);
  if (body.some((t) => t.kind === 'punctuation' || t.kind === 'placeholder')) return false;
  if (body.some((t) => t.kind === 'word' && CLAUSE_BREAKS.has(keyOf(t)))) return false;
  // Nor after a phrase of time or place: "We can end hunger in our lifetime together" reads worse.
  if (body.some((t) => t.kind === 'word' && PREPOSITIONS.has(keyOf(t)) && keyOf(t) !== 'to')) return false;
  if (body.filter((t) => t.kind === 'word').length > 12) return false;
  const why = REASONS.closer;
  toks.splice(toks.length - 1, 0, tok(' ', 'space', why), tok('together', 'word', why));
  toks.splice(0, 4, { ...toks[3], text: 'We', reason: why });
  return true;
}

/** "take your cooking to the next level" → "improve your cooking" (the object up to five words). */
function nextLevel(toks: Tok[]): boolean {
  for (let i = 0; i < toks.length; i++) {
    const form = isWord(toks[i]) ? TAKE_FORMS.get(keyOf(toks[i])) : undefined;
    const first = i === 0;
    if (!form || !(isLowerWord(toks[i].text) || first)) continue;
    const w = wordsFrom(toks, nextIndex(toks, i));
    for (let n = 1; n <= 5 && n + 3 < w.length; n++) {
      if (!isWord(toks[w[n - 1]])) break;
      if (!NEXT_LEVEL.every((k, m) => isWord(toks[w[n + m]]) && keyOf(toks[w[n + m]]) === k)) continue;
      const why = REASONS.stock;
      const end = w[n + 3];
      // Drop " to the next level" (and the space before it), then swap the verb.
      toks.splice(w[n - 1] + 1, end - w[n - 1]);
      const verb = verbForms(NEXT_LEVEL_VERB.get(keyOf(toks[w[n - 1]])) ?? 'improve')[form];
      toks[i] = { ...toks[i], text: first ? capitalize(verb) : verb, reason: why };
      toks[w[n - 1]] = { ...toks[w[n - 1]], removedAfter: why };
      return true;
    }
  }
  return false;
}

const ADDITIVE_OPENINGS = new Set(['additionally', 'moreover', 'furthermore', 'in addition']);
/**
 * Words that open a clause ("when a student is …", "what is offensive …", "… so students can
 * hear"): "also" after them would land in that clause, not in the sentence it adds.
 */
const CLAUSE_WORDS = new Set<string>([
  ...RELATIVES,
  ...SUBORDINATORS,
  ...set('what how why whether whatever whoever but so yet'),
]);
/** The auxiliaries "also" goes after ("can also help", "is also used", "has also grown"). */
const ALSO_AFTER = set('can could may might will would should must is are was were has have had');
const HAVE_FORMS = set('has have had');
/** Adverbs of time the lexicon files as adjectives ("has long been"). */
const TIME_ADVERBS = set('long further');
/** Participles spelt like their base form, which `baseOfParticiple` cannot tell from one. */
const BARE_PARTICIPLES = set('become come run put cut set hit let read spread shut cost hurt quit overcome');

/** The word is a past participle ("grown", "been", "adopted", "become"), so a "have" before it is an auxiliary. */
function readsAsParticiple(word: string): boolean {
  return baseOfParticiple(word) !== null || BARE_PARTICIPLES.has(word);
}

/**
 * "In addition, protecting forests can help absorb carbon." → "Protecting forests can also help
 * absorb carbon.": the additive opening becomes "also" after the clause's auxiliary, where an
 * editor puts it. Only when a subject of up to ten words, with no comma or clause of its own,
 * comes first and the auxiliary has a word after it that is not "not"; the sentence has no "also"
 * yet. Otherwise the table cuts the opening or makes it "Also,".
 */
/** Words that stand where a verb would after "to" but are none: adverbs without -ly. */
const NOT_VERBS = set('always never often also just even still ever only first then once soon');
/** Adverbs that focus what follows them ("only", "even"): "also" beside one reads doubled. */
const FOCUS_ADVERBS = set('only just even still ever merely simply');
/** Words of degree that pick out one thing above the rest. */
const SUPERLATIVES = set('most least best worst');
/** Words that already say the sentence adds to the one before. */
const ADDING_WORDS = set('also likewise similarly');
/** Quantifiers that make a subject negative besides the negations themselves ("Few people …"). */
const NEGATIVE_QUANTIFIERS = set('few little');

/**
 * A sentence that opens with "Furthermore," (or another additive opening) and its comma, and says
 * no "also" yet: its non-space tokens and the index among them of the word after the comma.
 */
interface AdditiveOpening {
  /** The sentence's non-space token indices. */
  w: number[];
  /** Index in `w` of the word after the opening's comma. */
  start: number;
}
function additiveOpening(toks: readonly Tok[]): AdditiveOpening | null {
  const w = wordsFrom(toks, 0);
  if (w.length < 5 || !isWord(toks[w[0]])) return null;
  const two = `${keyOf(toks[w[0]])} ${keyOf(toks[w[1]])}`;
  const opening = ADDITIVE_OPENINGS.has(keyOf(toks[w[0]])) ? 1 : ADDITIVE_OPENINGS.has(two) ? 2 : 0;
  if (!opening || toks[w[opening]]?.text !== ',') return null;
  // A sentence that adds already ("also", "too", "likewise", "similarly", "as well") takes no second "also".
  if (toks.some((t) => isWord(t) && ADDING_WORDS.has(keyOf(t)))) return null;
  // "too" adds at a clause's end ("were friendly too."); before a word it grades ("too high").
  if (w.some((x, n) => keyOf(toks[x]) === 'too' && toks[w[n + 1]]?.kind === 'punctuation')) return null;
  if (w.some((x, n) => n > 0 && keyOf(toks[x]) === 'well' && keyOf(toks[w[n - 1]]) === 'as')) return null;
  return { w, start: opening + 1 };
}

/**
 * An "also" for the additive opening adds to what the sentence before said of the same thing: its
 * subject is a pronoun or names a word of that sentence ("Penicillin kills bacteria. Furthermore,
 * penicillin is cheap" → "Penicillin is also cheap"). A new subject would read as a second doer
 * ("… Florey and Chain purified it. Additionally, Dorothy Hodgkin determined its structure" is no
 * "Hodgkin also determined"), and beside a sentence with an "also" of its own a second one piles
 * up: there the opening is cut instead.
 */
function alsoReadsBack(toks: readonly Tok[], found: AdditiveOpening, state: ReviseState): boolean {
  // Not before a sentence with an "also" either: "I have also received … I am also committed …"
  // piles up as much.
  if (state.nextSentence.some((t) => isWord(t) && keyOf(t) === 'also')) return false;
  const before = state.previousSentence.filter(isWord).map((t) => stem(keyOf(t)));
  const { w, start } = found;
  // A person named as the subject ("Furthermore, her husband died that winter"): "also" would
  // land on them ("Her husband also died" says someone else died too).
  for (let n = start; n < Math.min(w.length, start + 3); n++)
    if (isWord(toks[w[n]]) && PEOPLE.has(keyOf(toks[w[n]]))) return false;
  // (With no sentence before, as in a paragraph of one, there is nothing to mistake it for.)
  if (!before.length) return true;
  if (before.includes('also')) return false;
  const first = keyOf(toks[w[start]]);
  if (REFERRING_SUBJECTS.has(first)) return true;
  // The subject's words up to its verb (at most four), any of which the sentence before says.
  for (let n = start; n < Math.min(w.length, start + 4); n++) {
    const t = toks[w[n]];
    if (!isWord(t)) return false;
    const k = keyOf(t);
    if (n > start && (ALSO_AFTER.has(k) || verbAgrees(k, keyOf(toks[w[n - 1]])))) return false;
    if (!DETERMINERS.has(k) && !POSSESSIVES.has(k) && before.includes(stem(k))) return true;
  }
  return false;
}
// (And an existential "there": "There is also a $2 booking charge" adds to what there is.)
const REFERRING_SUBJECTS = new Set([...SUBJECT_PRONOUNS, ...set('this these those such there')]);
/** A word without a plural or possessive ending, to match "penicillins" with "penicillin". */
const stem = (k: string) => k.replace(/['’]s$|s$/, '');

/** Subjects that take in every one there is: an "also" would add a second destination. */
const UNIVERSAL = set('all every each both');
/** Finite forms of "be", "have" and "do", which no modal takes. */
const FINITE_FORMS = set('is are was were am has had does did');
/** What follows a modal used as one: a verb's base form or an adverb ("can help", "will soon"). */
function modalThen(t: Tok | undefined): boolean {
  if (!t || !isWord(t) || !isLowerWord(t.text)) return false;
  const k = keyOf(t);
  if (k === 'be' || k === 'have' || NOT_VERBS.has(k) || k.endsWith('ly')) return true;
  if (FINITE_FORMS.has(k) || k.endsWith('ed') || DETERMINERS.has(k) || PREPOSITIONS.has(k)) return false;
  return canBeVerb(k);
}

function additiveToAlso(toks: Tok[], found: AdditiveOpening): boolean {
  const { w, start } = found;
  if (CLAUSE_WORDS.has(keyOf(toks[w[start]]))) return false;
  // "Only members can vote": "also" after the auxiliary would add to what only they do; "All
  // proceeds will also benefit the Foundation" would send them somewhere else too.
  if (FOCUS_ADVERBS.has(keyOf(toks[w[start]])) || UNIVERSAL.has(keyOf(toks[w[start]]))) return false;
  for (let n = start + 1; n <= start + 10 && n + 1 < w.length; n++) {
    const t = toks[w[n]];
    if (!isWord(t)) return false;
    const k = keyOf(t);
    // "such as" lists examples inside the subject ("using tools such as calendars can help"); any
    // other "as" opens a clause.
    if (CLAUSE_WORDS.has(k) && !(k === 'as' && keyOf(toks[w[n - 1]]) === 'such')) return false;
    // A clause inside the subject with no "that" ("the apartment I had rented online turned out"):
    // its "had" is not the sentence's.
    if (SUBJECT_PRONOUNS.has(k)) return false;
    // A negation before the auxiliary, or a contracted one ("it's not like teachers are trying"):
    // the auxiliary found later belongs to a clause inside, and "also" there would be denied too.
    if (isNegation(k) || /['’]/.test(k)) return false;
    if (!ALSO_AFTER.has(k)) continue;
    const after = toks[w[n + 1]];
    // A modal spelt like a noun is one after a determiner or a noun ("a can of", "the will was
    // read", "a garbage can was"), or capitalised ("the May deadline"): the auxiliary must have a
    // verb, "be", "have" or an adverb after it.
    if (MODALS.has(k) && (!isLowerWord(t.text) || !modalThen(after))) continue;
    if (!isWord(after) || !isLowerWord(after.text) || isNegation(keyOf(after))) return false;
    // Nor before a focusing adverb: "this issue may also only amplify" stacks two.
    if (FOCUS_ADVERBS.has(keyOf(after))) return false;
    // Nor before a superlative: "the effect was also most pronounced in …" says it was most
    // pronounced somewhere else too.
    if (SUPERLATIVES.has(keyOf(after)) || lexiconHas(keyOf(after), 'Superlative')) return false;
    const subject = toks[w[start]];
    // A negative subject ("Few people can retain …", "No one can …") would read "also" as
    // "as well": "Few people can also retain …" says something else.
    if (!isWord(subject) || isNegation(keyOf(subject)) || NEGATIVE_QUANTIFIERS.has(keyOf(subject))) return false;
    const why = REASONS.transition;
    // "also" after the auxiliary, then the opening and its comma cut (the subject capitalised).
    // A "have" that is the clause's own verb takes "also" before it: "It had profound effects" →
    // "It also had profound effects", not "had also profound effects".
    const also: Tok = { ...tok('also', 'word', why), joint: true };
    // An adverb between "have" and its participle keeps "have" an auxiliary: "have further
    // damaged" → "have also further damaged", not "also have further damaged".
    const adverbThenParticiple =
      (lexiconHas(keyOf(after), 'Adverb') || TIME_ADVERBS.has(keyOf(after))) &&
      n + 2 < w.length &&
      readsAsParticiple(keyOf(toks[w[n + 2]]));
    // Not in a passive: "Additionally, it was formed 66 million years ago" → "It was also formed"
    // says it was formed twice, "it will also be approved" a second approval; the opening is cut
    // instead.
    if (BE_FORMS.has(k) && (readsAsParticiple(keyOf(after)) || adverbThenParticiple)) return false;
    const third = n + 2 < w.length ? keyOf(toks[w[n + 2]]) : '';
    if ((keyOf(after) === 'be' || keyOf(after) === 'been') && readsAsParticiple(third)) return false;
    if (HAVE_FORMS.has(k) && !readsAsParticiple(keyOf(after)) && !keyOf(after).endsWith('ly') && !adverbThenParticiple)
      toks.splice(w[n], 0, also, tok(' ', 'space', why));
    else toks.splice(w[n] + 1, 0, tok(' ', 'space', why), also);
    toks[w[start]] = { ...subject, text: capitalize(subject.text), reason: why, removedBefore: why, joint: true };
    toks.splice(0, w[start]);
    return true;
  }
  return false;
}

/**
 * "Furthermore, our results suggest that …" → "Our results also suggest that …": with no
 * auxiliary, "also" goes before the verb itself. Read from the words alone (the tagger would
 * parse every such sentence): a pronoun and its verb, or a determiner, one or two words and a
 * verb whose form agrees with the word before it ("the study underscores", "our results
 * suggest"), followed by what only a verb's object or clause starts with ("the", "that", "our").
 */
function additiveBeforeVerb(toks: Tok[], found: AdditiveOpening): boolean {
  const { w, start } = found;
  const subject = toks[w[start]];
  if (!isWord(subject) || !isLowerWord(subject.text.toLowerCase())) return false;
  const k0 = keyOf(subject);
  if (isNegation(k0) || NEGATIVE_QUANTIFIERS.has(k0) || UNIVERSAL.has(k0) || k0 === 'it' || k0 === 'there')
    return false;
  // A gerund's phrase is the subject, and a word in -s inside it is its object, no verb:
  // "utilizing digital tools such as …" is no "Utilizing digital also tools" (a noun in -ing,
  // "neuroimaging research reveals …", has no verb behind it).
  const gerundBase = baseOfGerund(k0);
  if (gerundBase !== null && lexiconHas(gerundBase, 'Infinitive')) return false;
  let verb = -1;
  const possessive = /^\p{L}+['’]s$/u.test(k0);
  const named = /^\p{Lu}/u.test(subject.text) && k0 !== 'i' && !possessive;
  if (SUBJECT_PRONOUNS.has(k0)) verb = start + 1;
  // A name of one or two words, capitalised where the opening left a small letter, and its
  // verb: "Furthermore, Kubernetes offers robust features" → "Kubernetes also offers …".
  else if (named) {
    const second = toks[w[start + 1]];
    const n = isWord(second) && /^\p{Lu}\p{Ll}/u.test(second.text) ? start + 2 : start + 1;
    // A plural name takes the bare form ("Democrats control").
    const v = n < w.length ? keyOf(toks[w[n]]) : '';
    if (v && (verbAgrees(v, 'it') || verbAgrees(v, keyOf(toks[w[n - 1]])))) verb = n;
  }
  // A noun phrase of up to three words and its verb: after a determiner or a possessive
  // ("Moreover, Britain's colonial empire provided …" → "Britain's colonial empire also provided
  // …"), or bare ("Furthermore, uniforms simplify …", "Furthermore, neuroimaging research reveals
  // that …" → "Neuroimaging research also reveals that …"; the checks below ask for an object after
  // it).
  else {
    const determined = DETERMINERS.has(k0) || possessive;
    for (let n = determined ? start + 2 : start + 1; n <= start + 3 && n < w.length; n++) {
      const t = toks[w[n - 1]];
      // Only nouns and adjectives before the verb: no adverb ("the library regularly hosts"),
      // preposition or clause.
      const k = keyOf(t);
      if (!isWord(t) || !isLowerWord(t.text) || k.endsWith('ly') || PREPOSITIONS.has(k) || CLAUSE_WORDS.has(k))
        return false;
      if (verbAgrees(keyOf(toks[w[n]]), n - 1 > start ? k : k0)) {
        verb = n;
        break;
      }
    }
  }
  if (verb < 0 || verb >= w.length - 1) return false;
  const v = keyOf(toks[w[verb]]);
  if (!isLowerWord(toks[w[verb]].text) || MODAL_OR_AUX.has(v) || AUXILIARIES.has(v) || NOT_VERBS.has(v)) return false;
  // (A name ending in -s is no plural: "Kubernetes offers".)
  if (!SUBJECT_PRONOUNS.has(k0) && !named && !verbAgrees(v, keyOf(toks[w[verb - 1]]))) return false;
  if (SUBJECT_PRONOUNS.has(k0) && !finiteInLexicon(v) && !verbAgrees(v, k0)) return false;
  // After a noun subject, what only follows a verb: an object's determiner, a number, a clause
  // ("underscores the", "hired 12", "suggest that"); "the policy changes affect" is a noun, and
  // so is a word after a possessive ("the novel's structure").
  const next = toks[w[verb + 1]];
  if (!SUBJECT_PRONOUNS.has(k0)) {
    // After a name an adjective starts an object too ("Kubernetes offers robust features"): a
    // name is no noun a verb could be misread after.
    const adjective = named && isWord(next) && lexiconHas(keyOf(next), 'Adjective');
    if (next.kind !== 'placeholder' && !OBJECT_STARTS.has(keyOf(next)) && !adjective) return false;
    if (/['’]s$/.test(keyOf(toks[w[verb - 1]]))) return false;
  }
  const why = REASONS.transition;
  toks.splice(w[verb], 0, { ...tok('also', 'word', why), joint: true }, tok(' ', 'space', why));
  // (A lower-case "i", as hurried mail writes it, opens the sentence as "I".)
  const first = { ...subject, text: capitalize(subject.text) };
  toks[w[start]] = { ...first, reason: why, removedBefore: why, joint: true };
  toks.splice(0, w[start]);
  return true;
}

const OBJECT_STARTS = new Set<string>([
  ...DETERMINERS,
  ...set('that how what why whether us them him me two three four five six seven eight nine ten'),
]);
const PLURAL_SUBJECTS = set('they we you i these those');

/**
 * `word` is a present or past form of a verb that agrees with the word before it: a form in -s
 * after a singular, the bare form after a plural ("results suggest") or a plural pronoun, a
 * regular or listed past after either.
 */
function verbAgrees(word: string, before: string): boolean {
  if (!/^[a-z]+$/.test(word) || NOT_VERBS.has(word)) return false;
  // "-is" and "-us" end singular nouns ("our analysis reveals", "the consensus holds").
  const plural =
    PLURAL_SUBJECTS.has(before) ||
    (/[^s]s$/.test(before) && !/(?:is|us)$/.test(before) && !SUBJECT_PRONOUNS.has(before));
  const base = baseOfParticiple(word);
  if (base && verbForms(base).past === word) return true;
  if (plural) return verbForms(word).base === word && !word.endsWith('s') && isVerbBase(word);
  const stem = basesOfThirdPerson(word)[0];
  return stem !== undefined && isVerbBase(stem);
}

/** The word is a verb's bare form ("suggest", not "policy"). */
function isVerbBase(word: string): boolean {
  return lexiconHas(word, 'Infinitive') || canBeVerb(word);
}

/** Short subjects a sentence can start with once "however" has gone to its front. */
const HOWEVER_SUBJECT_START = new Set([
  ...SUBJECT_PRONOUNS,
  ...set('the this that these those such his her its their our my your'),
]);

/**
 * "The results, however, were mixed." → "But the results were mixed." — the contrast said where
 * the sentence starts, as "However," at the start already is (plain modes; formal prose keeps it).
 */
function howeverInside(toks: Tok[], state: ReviseState): boolean {
  if (toks[0]?.kind !== 'word' || !HOWEVER_SUBJECT_START.has(keyOf(toks[0]))) return false;
  if (state.previousOpening === 'but') return false;
  const c = toks.findIndex((t) => t.kind === 'punctuation');
  if (c < 1 || toks[c].text !== ',') return false;
  const h = nextIndex(toks, c);
  const c2 = h < 0 ? -1 : nextIndex(toks, h);
  if (h < 0 || keyOf(toks[h]) !== 'however' || toks[h].text !== 'however' || toks[c2]?.text !== ',') return false;
  const before = wordsFrom(toks.slice(0, c), 0);
  if (before.length > 6) return false;
  // Before it a subject ("The results,") or a pronoun and its auxiliary ("It was,"); not a clause of its
  // own ("This could get complicated, however, see …"), whose "however" joins two sentences. (The
  // tagger last: it is the costly check.)
  const pronounAux =
    before.length === 2 && SUBJECT_PRONOUNS.has(keyOf(toks[0])) && MODAL_OR_AUX.has(keyOf(toks[before[1]]));
  if (!pronounAux && before.slice(1).some((i) => tagsAt(toks, i, state.pos).has('Verb'))) return false;
  const rest = nextIndex(toks, c2);
  if (rest < 0 || !isWord(toks[rest]) || !isLowerWord(toks[rest].text)) return false;
  // Not before an aside ("The results, however, which were published in 2020, were mixed"): its
  // opening comma would go with "however".
  if (RELATIVES.has(keyOf(toks[rest])) || PREPOSITIONS.has(keyOf(toks[rest])) || ASIDE_OPENERS.has(keyOf(toks[rest])))
    return false;
  const why = REASONS.transition;
  const first = toks[0].text === 'I' ? toks[0] : { ...toks[0], text: toks[0].text.toLowerCase(), reason: why };
  toks[rest] = { ...withRemovedBefore(toks[rest], why), joint: true };
  const but: Tok = { ...tok('But', 'word', why), joint: true };
  toks.splice(0, rest, but, tok(' ', 'space', why), first, ...toks.slice(1, c), { ...toks[rest - 1], reason: why });
  return true;
}

/** The structural edits for a sentence, in place, by mode and strength. */
/** What opens the noun phrase of a guide's "By following these steps, …". */
const GUIDE_DETERMINERS = set('these this the those such our my');
/** Modals after "you" that give the outcome of the steps ("you can", "you will"). */
const OUTCOME_MODALS = set('can will could may should');
/** A sentence with these is a consent or a condition of use, not advice ("By using this site, you will be bound by …"). */
const CONSENT_WORDS = set('agree agrees consent consents bound accept accepts acknowledge acknowledges terms policy');

/**
 * "By following these steps, you'll be ready" → "Follow these steps and you'll be ready": a
 * guide's closing formula said as the instruction it is. Only "By" + a gerund + a noun phrase of
 * up to five words that opens with a determiner, then "you" with a modal ("you can", "you'll",
 * "you're"): the reader takes the step and gets what it gives.
 */
function byDoingYouCan(toks: Tok[]): boolean {
  const by = firstContentIndex(toks);
  if (by < 0 || toks[by].text !== 'By') return false;
  const g = nextIndex(toks, by);
  const base = g >= 0 && isWord(toks[g]) ? baseOfGerund(keyOf(toks[g])) : null;
  if (!base || !canBeVerb(base)) return false;
  const det = nextIndex(toks, g);
  if (det < 0 || !GUIDE_DETERMINERS.has(keyOf(toks[det]))) return false;
  let comma = -1;
  for (let k = det, n = 1; comma < 0;) {
    const next = nextIndex(toks, k);
    if (next < 0) return false;
    if (toks[next].text === ',') comma = next;
    else if (!isWord(toks[next]) || ++n > 5) return false;
    k = next;
  }
  const you = nextIndex(toks, comma);
  if (you < 0 || !/^you(?:['’](?:ll|re))?$/.test(keyOf(toks[you]))) return false;
  const modal = nextIndex(toks, you);
  if (keyOf(toks[you]) === 'you' && (modal < 0 || !OUTCOME_MODALS.has(keyOf(toks[modal])))) return false;
  if (toks.some((t) => isWord(t) && CONSENT_WORDS.has(keyOf(t)))) return false;
  const why = REASONS.reorder;
  toks.splice(comma, 1, tok(' ', 'space', why), tok('and', 'word', why));
  toks.splice(by, g - by + 1, tok(capitalize(base), 'word', why));
  return true;
}

export function restructure(toks: Tok[], state: ReviseState): void {
  if (state.strength < 2) return;
  let changed = false;
  if (!formalMode(state.mode)) changed = howeverInside(toks, state) || changed;
  changed = itIsAdjectiveTo(toks, state) || itIsAdjectiveAfterPurpose(toks, state) || changed;
  changed = thereAreWho(toks, state) || thereAreWhoAfterOpening(toks, state) || changed;
  changed = notOnlyInverted(toks) || notOnlyMid(toks, state.document) || changed;
  changed = contrastFrame(toks, state) || changed;
  changed = easeDashes(toks, state) || changed;
  changed = roleInGerund(toks, state) || changed;
  changed = nextLevel(toks) || changed;
  changed = togetherAtEnd(toks) || changed;
  changed = stackedAdjectives(toks, state) || changed;
  changed = nearSynonymLists(toks) || changed;
  if (state.mode === 'standard' || state.mode === 'casual') changed = continueTo(toks, state) || changed;
  changed = continueToBe(toks, state) || changed;
  changed = helpBut(toks) || changed;
  // (A spoken turn: formal and academic prose keep the "By …-ing" frame.)
  if (!formalMode(state.mode)) changed = byDoingYouCan(toks) || changed;
  changed = dropAudienceOpening(toks) || changed;
  if (state.mode === 'concise') {
    changed = commentTails(toks) || changed;
    changed = thatAfterSaying(toks) || changed;
    changed = reducedRelatives(toks, state) || changed;
  }
  // Last, and only on a sentence no other edit recast ("Additionally, it is essential to rest."
  // → "Resting is essential."); concise prose cuts the opening instead, which is shorter.
  // (additiveToAlso changes nothing where it declines, so the opening read once serves both.)
  if (!changed && state.mode !== 'concise') {
    const found = additiveOpening(toks);
    if (found && alsoReadsBack(toks, found, state))
      changed = additiveToAlso(toks, found) || additiveBeforeVerb(toks, found);
  }
  // A swap of a word and its "to", no recast: it leaves the additive opening its move above.
  changed = allowToLet(toks, state) || changed;
  if (changed) forget(state.pos, toks);
  void isCapitalized;
  void newTokens;
}
