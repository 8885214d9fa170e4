/**
 * Contractions where the tone allows ("do not" → "don't"), and their expansion in formal mode
 * ("don't" → "do not"). Only unambiguous cases: "it's" expands to "it has" before a participle
 * and "it is" otherwise; "'d" is expanded only when the next word tells "had" from "would".
 */
import type { RewriteMode } from '../../src-shared/models';
import { lexiconHas } from './pos';
import { REASONS } from './reasons';
import { capitalize, isCapitalized, keyOf, prevIndex, tok, type Tok } from './tokens';
import { PREPOSITIONS, set } from './wordsets';

/** Negations: "X not" → contraction. */
const NEGATIONS: Record<string, string> = {
  'do not': "don't",
  'does not': "doesn't",
  'did not': "didn't",
  'is not': "isn't",
  'are not': "aren't",
  'was not': "wasn't",
  'were not': "weren't",
  'have not': "haven't",
  'has not': "hasn't",
  'had not': "hadn't",
  'could not': "couldn't",
  'would not': "wouldn't",
  'should not': "shouldn't",
  'will not': "won't",
  'can not': "can't",
};
const SINGLE_NEGATION: Record<string, string> = { cannot: "can't" };

/** Pronoun + verb: contracted only when a word follows (not "as it is."). */
const PRONOUN_VERB: Record<string, string> = {
  'i am': "I'm",
  'you are': "you're",
  'we are': "we're",
  'they are': "they're",
  'it is': "it's",
  'that is': "that's",
  'there is': "there's",
  'he is': "he's",
  'she is': "she's",
  'i will': "I'll",
  'you will': "you'll",
  'we will': "we'll",
  'they will': "they'll",
  'he will': "he'll",
  'she will': "she'll",
};
/** Pronoun + have: only as an auxiliary (a participle follows). */
const PRONOUN_HAVE: Record<string, string> = {
  'i have': "I've",
  'you have': "you've",
  'we have': "we've",
  'they have': "they've",
};
const CASUAL_ONLY: Record<string, string> = {
  'what is': "what's",
  'who is': "who's",
  'it will': "it'll",
  'that will': "that'll",
};
/**
 * Pronoun + "would": casual only, and only before a base verb that "had" never takes, where "'d" can
 * be nothing but "would" ("I would like to thank" → "I'd like to thank", "I would be glad" → "I'd
 * be glad"; "I would have" stays).
 */
const PRONOUN_WOULD: Record<string, string> = {
  'i would': "I'd",
  'you would': "you'd",
  'we would': "we'd",
  'they would': "they'd",
  'he would': "he'd",
  'she would': "she'd",
};
const WOULD_VERBS = set(
  'like love prefer rather be appreciate welcome recommend suggest say argue imagine expect guess want need enjoy hate',
);

const PARTICIPLE_LIKE =
  /^(?:been|had|done|seen|made|got|gotten|gone|given|taken|known|shown|found|said|thought|told|become|come|left|kept|brought|bought|built|heard|held|lost|met|paid|put|read|run|sent|set|spent|stood|understood|won|written|begun|chosen|driven|eaten|fallen|forgotten|grown|hidden|ridden|risen|spoken|stolen|thrown|worn|[a-z]+ed)$/;
const NO_CONTRACT_NEXT = set('only');
/** Words after an -ed word that show it is a verb's participle with its object or adverb. */
const AFTER_PARTICIPLE = set(
  'a an the this that these those my your his her its our their some any all every each no it them him me us you up out in on off down over back to for from with at by about into as so too very well more here there',
);

/**
 * "I have mixed feelings", "we have reserved seating": an -ed word before a bare noun describes
 * it, and "have" is possession ("I've mixed feelings" reads as mixing them). Only a word that
 * shows a participle's object after it ("the", "it", "up") lets "have" contract.
 */
function adjectiveBeforeNoun(toks: readonly Tok[], at: number): boolean {
  // Only a word that is an adjective too ("mixed", "reserved", "detailed"); "they have
  // revolutionized communication" is a perfect.
  if (!/ed$/.test(keyOf(toks[at])) || !lexiconHas(keyOf(toks[at]), 'Adjective')) return false;
  const n = nextWordIndex(toks, at);
  const t = n >= 0 ? toks[n] : undefined;
  if (!t || t.kind !== 'word') return false;
  const k = keyOf(t);
  // An adverb or an adjective after it qualifies the verb ("I have lived next door", "worked hard").
  return (
    /^[a-z]+$/.test(t.text) &&
    !AFTER_PARTICIPLE.has(k) &&
    !k.endsWith('ly') &&
    !lexiconHas(k, 'Adjective') &&
    !lexiconHas(k, 'Adverb')
  );
}
/**
 * A pronoun pair after these stays whole: after "than" or "as" the verb ends an elliptical clause
 * ("more laborious than it is today" — "than it's today" is no English), and after a modal the
 * question is inverted ("Would I have made the same choice?" — not "Would I've made").
 */
const NO_CONTRACT_AFTER = set('than as would could should might must will can shall may');
// "the way you are" works as "how you are": "I love the way you're with kids" is no English.
const WH_WORDS = set('where wherever what whatever who whoever how however which way');
const BE_VERBS = set('is are am');
/**
 * Pronouns that may be a preposition's object: the verb after them belongs to a longer subject
 * ("Having confidence in you will help" — not "in you'll help"; "The best thing about it is the
 * price"). "before" and "after" open clauses too ("after it is built"), where the pronoun is a subject.
 */
const OBJECT_PRONOUNS = set('you it that there');
const CLAUSE_PREPOSITIONS = set('before after');
/** Verbs whose "not" contracts with them ("won't", "wouldn't", "haven't") rather than with the pronoun before. */
const NEGATION_FIRST = set('will would have has had');
/** Times that may close a clause after "be" ("the person I am today", "where we are now"). */
const TIME_AFTER_BE = set('today now then anymore nowadays tonight');

/** Nothing but punctuation, or nothing, follows token `i` ("… I am today." / "… today, and"). */
function clauseEndsAfter(toks: readonly Tok[], i: number): boolean {
  const n = nextWordIndex(toks, i);
  return n < 0 || toks[n].kind === 'punctuation';
}

/** Object pronouns and other words after which "and I" opens a clause ("Call me and I will explain"). */
const NOT_COMPOUNDED = set('me him her us them it you try');
/**
 * The pronoun `k` after the "and" at `and` closes a compound subject: "The kids and I will stay",
 * "he or she is" (not "Call me and I will explain", nor "Ask and you will see").
 */
function compoundSubject(toks: readonly Tok[], and: number, k: string): boolean {
  const before = toks[prevIndex(toks, and)];
  if (before?.kind !== 'word') return false;
  const b = keyOf(before);
  if (k === 'i') return !NOT_COMPOUNDED.has(b);
  return (k === 'he' || k === 'she') && (b === 'he' || b === 'she');
}
const PLACE_PARTICLES = set('out over up down in back around here');
/** Words that open a free relative ("whatever you call it"). */
const FREE_RELATIVES = set('whatever whoever whichever what');
/**
 * The "it" at toks[i] closes a free relative opened two to four words before ("Whatever you name
 * it is fine"); right after the relative word it is the subject ("what it is").
 */
function objectOfFreeRelative(toks: readonly Tok[], i: number): boolean {
  let k = prevIndex(toks, i);
  for (let n = 1; k >= 0 && n <= 4; k = prevIndex(toks, k), n++) {
    if (toks[k].kind !== 'word') return false;
    if (FREE_RELATIVES.has(keyOf(toks[k]))) return n >= 2;
  }
  return false;
}
/** Verbs a clause may follow ("I think it is fine"): the "it" after them is the clause's subject. */
const CLAUSE_VERBS = set(
  'think believe know say hope feel guess suppose suspect mean bet wish expect doubt imagine assume realize realise notice find see hear agree admit claim argue promise swear pretend show prove ensure insist worry fear trust reckon understand',
);
const WHAT_WHO = set('what who');
/** The clause from toks[i] ends, within five words, on a form of "be" ("what it is."). */
function endsWithBe(toks: readonly Tok[], i: number): boolean {
  for (let k = nextWordIndex(toks, i), n = 0; k >= 0 && n < 5; k = nextWordIndex(toks, k), n++) {
    if (toks[k].kind === 'punctuation') return false;
    if (BE_VERBS.has(keyOf(toks[k])) || keyOf(toks[k]) === 'was' || keyOf(toks[k]) === 'were')
      return clauseEndsAfter(toks, k);
  }
  return false;
}

/** First words of every pair above (a quick test before building the pair). */
const FIRST_WORDS = new Set<string>(
  [
    ...Object.keys(NEGATIONS),
    ...Object.keys(PRONOUN_VERB),
    ...Object.keys(PRONOUN_HAVE),
    ...Object.keys(CASUAL_ONLY),
    ...Object.keys(PRONOUN_WOULD),
  ]
    .map((p) => p.split(' ')[0])
    .concat(Object.keys(SINGLE_NEGATION)),
);

export type ContractionLevel = 'none' | 'negations' | 'all' | 'casual';

/**
 * How far contractions go for a mode and strength (formal expands instead), in a document that
 * contracts somewhere (`contracts`) or never does: concise prose shortens within the writer's
 * register, so a policy, a contract or an essay keeps "do not" ("Headcount reductions aren't being
 * considered" lowers it).
 */
export function contractionLevel(mode: RewriteMode, strength: number, contracts: boolean): ContractionLevel {
  if (mode === 'formal' || mode === 'academic') return 'none';
  if (mode === 'casual') return strength >= 2 ? 'casual' : 'negations';
  if (mode === 'concise') return strength >= 2 && contracts ? 'negations' : 'none';
  // Standard prose keeps the writer's own choice: contractions are a casual register.
  return 'none';
}

function nextWordIndex(toks: readonly Tok[], i: number): number {
  // The token after a single plain space.
  return i + 2 < toks.length && toks[i + 1].kind === 'space' && toks[i + 1].text === ' ' ? i + 2 : -1;
}

function withApostrophe(s: string, apostrophe: string): string {
  return apostrophe === "'" ? s : s.replace(/'/g, apostrophe);
}

/** Contracts pairs of words in a sentence's tokens, in place. Returns the number of changes. */
export function contract(toks: Tok[], level: ContractionLevel, apostrophe: string): number {
  if (level === 'none') return 0;
  let changes = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'word') continue;
    const k = keyOf(t);
    if (!FIRST_WORDS.has(k)) continue;
    if (SINGLE_NEGATION[k]) {
      toks[i] = {
        text: withApostrophe(caseLike(SINGLE_NEGATION[k], t.text), apostrophe),
        kind: 'word',
        reason: REASONS.contraction,
      };
      changes++;
      continue;
    }
    const j = nextWordIndex(toks, i);
    if (j < 0 || toks[j]?.kind !== 'word') continue;
    const pair = `${k} ${keyOf(toks[j])}`;
    const after = nextWordIndex(toks, j);
    const afterTok = after >= 0 ? toks[after] : undefined;
    const afterKey = afterTok && afterTok.kind === 'word' ? keyOf(afterTok) : '';
    let rep: string | undefined;
    if (NEGATIONS[pair]) {
      if (NO_CONTRACT_NEXT.has(afterKey)) continue;
      rep = NEGATIONS[pair];
    } else if (level !== 'negations') {
      const p = prevIndex(toks, i);
      const prevKey = p >= 0 && toks[p].kind === 'word' ? keyOf(toks[p]) : '';
      if (NO_CONTRACT_AFTER.has(prevKey)) continue;
      // "out there", "over there": an adverb, not the "there" of "there's" ("The world out there is
      // fast-changing" is no "out there's").
      if (k === 'there' && PLACE_PARTICLES.has(prevKey)) continue;
      // A pronoun that closes a compound subject leaves the verb to the whole ("The kids and I
      // will stay" is no "The kids and I'll stay").
      // (After a comma the "and" joins clauses: "…, and I'll stay" contracts.)
      if (/^(?:and|or|nor)$/.test(prevKey) && compoundSubject(toks, p, k)) continue;
      if (OBJECT_PRONOUNS.has(k) && PREPOSITIONS.has(prevKey) && !CLAUSE_PREPOSITIONS.has(prevKey)) continue;
      // After a gerund "it" is its object ("Replacing it will require …" is no "Replacing it'll"),
      // and so after a verb's base form that takes no clause ("when to apply it is key", "Whatever
      // you call it is fine"; "I think it is fine" contracts).
      if (k === 'it' && /ing$/.test(prevKey) && prevKey !== 'thing' && prevKey !== 'nothing') continue;
      if (k === 'it' && !CLAUSE_VERBS.has(prevKey) && lexiconHas(prevKey, 'Infinitive')) continue;
      // So in a free relative whatever its verb: "Whatever you name it is fine" ("it" is the object
      // of "name", and "is" the main verb's).
      if (k === 'it' && objectOfFreeRelative(toks, i)) continue;
      // A predicate put first stresses its "be" ("how difficult it is to escape", "how lonely he is"):
      // "how difficult it's to" is no English.
      if (p >= 0 && BE_VERBS.has(keyOf(toks[j])) && WH_WORDS.has(keyOf(toks[prevIndex(toks, p)] ?? toks[i]))) continue;
      // After a question word the verb "be" keeps its full form unless a participle follows:
      // "no matter where we are in the world" (not "where we're in"); "where we're going" is fine.
      // "The way" counts as one: "the way you are with kids".
      if (WH_WORDS.has(prevKey) && BE_VERBS.has(keyOf(toks[j])) && !/(?:ing|ed|en)$/.test(afterKey)) continue;
      // "the professional I am today": "be" ends its clause with only a time after it ("I'm today").
      if (BE_VERBS.has(keyOf(toks[j])) && TIME_AFTER_BE.has(afterKey) && clauseEndsAfter(toks, after)) continue;
      // "It is what it is", "That is who I am": the first "be" is stressed against the second.
      if (BE_VERBS.has(keyOf(toks[j])) && WHAT_WHO.has(afterKey) && endsWithBe(toks, after)) continue;
      // Before "not" the negation contracts instead: "I will not go" → "I won't go", never "I'll not go".
      if (afterKey === 'not' && NEGATION_FIRST.has(keyOf(toks[j]))) continue;
      const pv = PRONOUN_VERB[pair] ?? (level === 'casual' ? CASUAL_ONLY[pair] : undefined);
      if (pv && afterTok && afterTok.kind === 'word') rep = pv;
      else if (PRONOUN_HAVE[pair] && PARTICIPLE_LIKE.test(afterKey) && !adjectiveBeforeNoun(toks, after))
        rep = PRONOUN_HAVE[pair];
      else if (level === 'casual' && PRONOUN_WOULD[pair] && WOULD_VERBS.has(afterKey)) rep = PRONOUN_WOULD[pair];
    }
    if (!rep) continue;
    // "It is" → "It's"; "I am" keeps its capital I; an all-caps pair is left alone.
    if (t.text.length > 1 && t.text === t.text.toUpperCase()) continue;
    const out = caseLike(rep, t.text);
    // The mark of an edit before the pair ("Rest assured," cut before "it is") stays on the contraction.
    const removedBefore = t.removedBefore;
    toks.splice(i, j - i + 1, {
      text: withApostrophe(out, apostrophe),
      kind: 'word',
      reason: REASONS.contraction,
      ...(removedBefore ? { removedBefore } : {}),
    });
    changes++;
  }
  return changes;
}

/**
 * A pronoun and its verb as one word, in the pronoun's case and with the text's apostrophe ("It" +
 * "is" → "It's"), or null where the pair has no contraction.
 */
export function contractedPair(pronoun: string, verb: string, apostrophe: string): string | null {
  const rep = PRONOUN_VERB[`${pronoun.toLowerCase()} ${verb}`];
  return rep ? withApostrophe(caseLike(rep, pronoun), apostrophe) : null;
}

function caseLike(rep: string, like: string): string {
  // A writer who spells the pronoun "i" keeps it: "i am sure" → "i'm sure", never "I'm".
  if (like === 'i' && rep.startsWith('I')) return `i${rep.slice(1)}`;
  return isCapitalized(like) ? capitalize(rep) : rep;
}

const EXPANSIONS: Record<string, string> = {
  "don't": 'do not',
  "doesn't": 'does not',
  "didn't": 'did not',
  "isn't": 'is not',
  "aren't": 'are not',
  "wasn't": 'was not',
  "weren't": 'were not',
  "haven't": 'have not',
  "hasn't": 'has not',
  "hadn't": 'had not',
  "couldn't": 'could not',
  "wouldn't": 'would not',
  "shouldn't": 'should not',
  "won't": 'will not',
  "can't": 'cannot',
  "mustn't": 'must not',
  "shan't": 'shall not',
  "needn't": 'need not',
  "i'm": 'I am',
  "you're": 'you are',
  "we're": 'we are',
  "they're": 'they are',
  "i'll": 'I will',
  "you'll": 'you will',
  "we'll": 'we will',
  "they'll": 'they will',
  "he'll": 'he will',
  "she'll": 'she will',
  "it'll": 'it will',
  "that'll": 'that will',
  "should've": 'should have',
  "could've": 'could have',
  "would've": 'would have',
  "must've": 'must have',
  "might've": 'might have',
  "i've": 'I have',
  "you've": 'you have',
  "we've": 'we have',
  "they've": 'they have',
  "let's": 'let us',
  "there're": 'there are',
};
/** Verbs after "Let's" in a spoken invitation or toast, which "Let us" would make a sermon of. */
const SPOKEN_AFTER_LETS = set('grab raise toast celebrate hang catch get meet party');
/** 's contractions of pronouns: "is", or "has" before a participle. */
const S_PRONOUNS = set("it's he's she's that's there's what's who's where's here's how's");
/** 'd contractions: "had" before a participle, "would" before a base verb. */
const D_PRONOUNS = set("i'd you'd we'd they'd he'd she'd it'd");
const BASE_AFTER_WOULD = set('be have like love prefer rather say think go do make take get need want see know');
/** Words after "I'd" that are no verb: what follows is not read ("I'd the …" is not English). */
const NOT_A_VERB = set(
  'a an the this that these those my your his her our their its to of in on at for with and or but',
);

const ADVERBS_BEFORE_PARTICIPLE = /^(?:always|never|already|just|also|still|often|ever|recently|since|long|\w+ly)$/;

/** Words in -s that may follow "it is": adverbs, possessive pronouns. */
const S_AFTER_IT_IS = set('perhaps always sometimes nevertheless nonetheless thus yours ours theirs his hers');

/** Does "it's" stand for "its" here: before "own", or a plural noun (no verb follows "it is")? */
function possessiveTypo(next: string): boolean {
  if (next === 'own') return true;
  return /^[a-z]+[^s'u]s$/.test(next) && !/(?:ous|ss|is|us|ys|ways|times)$/.test(next) && !S_AFTER_IT_IS.has(next);
}

/** Formal mode: expands contractions, in place. Returns the number of changes. */
export function expand(toks: Tok[]): number {
  let changes = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'word' || !/['’]/.test(t.text)) continue;
    const k = keyOf(t);
    let rep = EXPANSIONS[k];
    const j = nextWordIndex(toks, i);
    const nextKey = j >= 0 && toks[j]?.kind === 'word' ? keyOf(toks[j]) : '';
    // Spoken idioms with no written-out form: a toast's "Let's raise our glasses", an invitation's
    // "Let's grab coffee", a cheer's "You've got this".
    if (k === "let's" && SPOKEN_AFTER_LETS.has(nextKey)) continue;
    if (/^(?:you|we)['’]ve$/.test(k) && nextKey === 'got' && keyOf(toks[nextWordIndex(toks, j)] ?? t) === 'this')
      continue;
    if (!rep && S_PRONOUNS.has(k)) {
      // A toast's "Here's to the couple" is an idiom that has no written-out form.
      if (k === "here's" && nextKey === 'to') continue;
      // So are "That's it!" and a title's "What's New in Version 4.2" (a capital after it).
      if (k === "that's" && nextKey === 'it' && toks[nextWordIndex(toks, j)]?.kind !== 'word') continue;
      if (k === "what's" && j >= 0 && isCapitalized(toks[j].text)) continue;
      // "it's own", "it's components": the possessive "its" misspelt, which "it is" would garble.
      if (k === "it's" && possessiveTypo(nextKey)) continue;
      const stem = t.text.slice(0, -2);
      // "It's always been" is "It has always been": look past adverbs for the participle.
      let v = j;
      while (v >= 0 && toks[v]?.kind === 'word' && ADVERBS_BEFORE_PARTICIPLE.test(keyOf(toks[v])))
        v = nextWordIndex(toks, v);
      const verbKey = v >= 0 && toks[v]?.kind === 'word' ? keyOf(toks[v]) : '';
      const aux = sAuxiliary(toks, v, verbKey);
      // Neither reading sure ("it's locked up", "that's stuck with me"): the contraction stays.
      if (!aux) continue;
      rep = `${stem} ${aux}`;
      toks[i] = { text: rep, kind: 'word', reason: REASONS.expansion };
      changes++;
      continue;
    }
    if (!rep && D_PRONOUNS.has(k)) {
      const stem = t.text.slice(0, -2);
      // "I'd never seen" is "had", "I'd really change" "would": look past adverbs for the verb.
      let v = j;
      while (v >= 0 && toks[v]?.kind === 'word' && ADVERBS_BEFORE_PARTICIPLE.test(keyOf(toks[v])))
        v = nextWordIndex(toks, v);
      const verbKey = v >= 0 && toks[v]?.kind === 'word' && toks[v].text === keyOf(toks[v]) ? keyOf(toks[v]) : '';
      if (nextKey === 'better' || nextKey === 'rather' || BASE_AFTER_WOULD.has(verbKey))
        rep = `${stem} ${nextKey === 'better' ? 'had' : 'would'}`;
      else if (PARTICIPLE_LIKE.test(verbKey)) rep = `${stem} had`;
      // Any other lower-case word that is no inflected form is a verb's base: "I'd change the price".
      else if (/^[a-z]+$/.test(verbKey) && !/(?:s|ing)$/.test(verbKey) && !NOT_A_VERB.has(verbKey))
        rep = `${stem} would`;
      else continue;
      toks[i] = { text: rep, kind: 'word', reason: REASONS.expansion };
      changes++;
      continue;
    }
    if (!rep) continue;
    // A negative question puts its subject before "not": "Isn't it striking?" → "Is it not
    // striking?", "Why don't you ask?" → "Why do you not ask?"; with a longer subject ("Why don't
    // more managers trust …?") the contraction stays, which no written-out order reads well.
    if (/n['’]t$/.test(k) && toks.slice(i).some((x) => x.kind === 'punctuation' && x.text === '?')) {
      if (!QUESTION_SUBJECTS.has(nextKey)) {
        // A noun subject ("Don't businesses need …?") or any other word: the contraction stays.
        continue;
      } else {
        // "aren't I" is "am I not".
        const aux =
          rep === 'cannot' ? 'can' : nextKey === 'i' && k.startsWith('aren') ? 'am' : rep.replace(/ not$/, '');
        toks[i] = { text: caseLike(aux, t.text), kind: 'word', reason: REASONS.expansion };
        toks.splice(j + 1, 0, tok(' ', 'space', REASONS.expansion), tok('not', 'word', REASONS.expansion));
        changes++;
        continue;
      }
    }
    if (k === "i'm" || k.startsWith("i'")) rep = rep.replace(/^i /, 'I ');
    else rep = caseLike(rep, t.text);
    toks[i] = { text: rep, kind: 'word', reason: REASONS.expansion };
    changes++;
  }
  return changes;
}

/**
 * Participles that are no adjective nor passive: after "'s" they make a perfect ("he's come
 * around", "it's become a luxury"). Not "done", "seen", "run", "grown" or "won", which a passive
 * takes ("it's done", "it's seen as", "it's run by volunteers"): an object decides those.
 */
const PERFECT_ONLY = set('been got gotten come become gone begun risen fallen had mattered happened worked');
/** What only a verb's object starts with: "it's made a difference", "she's asked everyone". */
const OBJECT_OPENERS = set(
  'a an the this that these those my your his her its our their me you him us them everyone everything someone something anyone anything nothing most more all both many much some no how what why where whether',
);
/** Particles after a participle, which leave "is" and "has" both possible ("it's perked up", "it's locked up"). */
const PARTICLES = set('up out down off over back around away in on');

/**
 * The auxiliary an "'s" stands for before the word at `v`: "has" before a perfect's participle
 * ("it's been", "he's come around", "she's asked everyone", "it's made a difference", "what's
 * worked."), "is" before anything else, and '' where a participle reads both ways.
 */
function sAuxiliary(toks: readonly Tok[], v: number, verbKey: string): 'has' | 'is' | '' {
  if (PERFECT_ONLY.has(verbKey)) return 'has';
  if (!PARTICIPLE_LIKE.test(verbKey)) return 'is';
  // A name given with a word of how often or how widely ("it's often called the silent killer",
  // "it's widely regarded as …") is a passive ("she's called the police" has called them).
  const before = v > 0 ? toks[prevIndex(toks, v)] : undefined;
  if (NAMING_PARTICIPLES.has(verbKey) && before?.kind === 'word' && NAMING_ADVERBS.has(keyOf(before))) return 'is';
  const after = v >= 0 ? nextWordIndex(toks, v) : -1;
  const next = after >= 0 ? toks[after] : undefined;
  if (!next) return 'is';
  if (next.kind === 'placeholder') return 'has';
  const k = keyOf(next);
  // "It's said that …", "it's known that …" report what is said: a passive ("He's said that
  // before" has said it).
  if (k === 'that' && REPORTING_PARTICIPLES.has(verbKey) && /^it['’]s$/.test(keyOf(toks[prevIndex(toks, v)] ?? next)))
    return 'is';
  if (next.kind === 'word' && OBJECT_OPENERS.has(k)) return 'has';
  if (next.kind === 'word' && PARTICLES.has(k)) return '';
  return 'is';
}

/** Participles that report what people say or know, passive after an impersonal "it". */
const REPORTING_PARTICIPLES = set(
  'said known believed thought expected reported estimated claimed rumored rumoured feared hoped argued assumed understood agreed suggested',
);
/** Participles of naming and judging, which take a name or a judgement after a passive "is". */
const NAMING_PARTICIPLES = set(
  'called named known considered described referred regarded termed dubbed labeled labelled deemed',
);
const NAMING_ADVERBS = set(
  'often also sometimes usually commonly widely generally frequently rightly aptly still mostly popularly affectionately',
);

/** Subjects a negative question inverts ("Isn't it …?", "Don't you …?"). */
const QUESTION_SUBJECTS = set('it you we they he she i there this that');
