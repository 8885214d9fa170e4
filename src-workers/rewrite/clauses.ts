/**
 * What the sentence edits need to know about clauses: whether words form an independent clause
 * (a subject followed soon by a finite verb), whether a clause is complete before a joint, and
 * the tense of its finite verbs — from closed word lists, compromise's lexicon and, where those
 * cannot tell, its tagger.
 */
import { participlesOnly } from './inflect';
import { finiteInLexicon, lexiconHas, tagsAt, type PosCache } from './pos';
import { firstContentIndex, isCapitalized, isLowerWord, keyOf, nextIndex, prevIndex, type Tok } from './tokens';
import {
  DETERMINERS,
  FINITE_AUX,
  MODALS,
  NON_HEAD,
  OBJECT_PRONOUNS,
  PREPOSITIONS,
  RELATIVES,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
  set,
} from './wordsets';

const CLAUSE_SUBJECTS = set(
  'i we they he she it you this these those there the its their our his her my your many most some each every such no none people everyone everything nobody someone something others',
);
export function hasFinite(toks: readonly Tok[], from: number, to: number, maxWords: number): boolean {
  let words = 0;
  for (let i = from; i < to && words < maxWords; i++) {
    const t = toks[i];
    if (t.kind !== 'word') continue;
    const k = keyOf(t);
    if (RELATIVES.has(k) && words > 0) return false;
    if (FINITE_AUX.has(k) || /^[a-z]+['’](?:s|re|ve|ll|d|m)$/.test(k)) return true;
    words++;
  }
  return false;
}

/** Is toks[from..to) an independent clause (a subject followed soon by a finite verb)? */
/** "they've" → "they": the subject of a contracted auxiliary. */
export function contractionStem(key: string): string {
  return key.replace(/'(?:s|re|ve|ll|d|m)$/, '');
}

export function independentClause(toks: readonly Tok[], from: number, to: number, pos: PosCache): boolean {
  const first = toks[from];
  if (!first || first.kind !== 'word') return false;
  // A name as subject: "…, and Emily Brontë's novel is …".
  if (isCapitalized(first.text) && !/^I(?:['’]\w+)?$/.test(first.text)) return finiteByTagger(toks, from, to, pos);
  if (!isLowerWord(first.text) && !/^I(?:['’]\w+)?$/.test(first.text)) return false;
  const key = keyOf(first);
  if (key !== contractionStem(key)) return CLAUSE_SUBJECTS.has(contractionStem(key));
  const k = key;
  // "most readily recognizable by …", "most notably …": the degree of what follows, not a subject
  // ("most people", "most are").
  if (k === 'most') {
    const n = nextIndex(toks, from);
    const tags = n >= 0 && n < to ? tagsAt(toks, n, pos) : null;
    if (tags && (tags.has('Adverb') || tags.has('Adjective')) && !tags.has('Noun')) return false;
  }
  // A bare noun subject ("…, and researchers hope …", "…, but local critics say …"): the tagger
  // must read a noun phrase and a finite verb after it, before any relative pronoun.
  if (!CLAUSE_SUBJECTS.has(k)) {
    const tags = tagsAt(toks, from, pos);
    return (tags.has('Noun') || tags.has('Adjective')) && finiteByTagger(toks, from, to, pos);
  }
  if (SUBJECT_PRONOUNS.has(k) || k === 'this' || k === 'there') {
    // "they found", "it carries", "we can": a pronoun subject and a verb-like word after it.
    const n = nextIndex(toks, from);
    if (n < 0 || n >= to || toks[n].kind !== 'word' || !isLowerWord(toks[n].text)) return false;
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

export function finiteTags(tags: ReadonlySet<string>): boolean {
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

/** Words the tagger may read as singular that take a plural verb ("others need"). */
const PLURAL_HEADS = set('others people children men women');

/**
 * Is toks[i] a present verb after a plural noun ("residents say", "others need")? The tagger
 * reads such a verb as its base form too, so its tags alone do not say it is finite.
 */
function presentAfterPlural(toks: readonly Tok[], i: number, pos: PosCache): boolean {
  const p = prevIndex(toks, i);
  if (p < 0 || toks[p].kind !== 'word') return false;
  const tags = tagsAt(toks, i, pos);
  if (!tags.has('Verb') || !tags.has('PresentTense') || tags.has('Gerund') || tags.has('Participle')) return false;
  const before = tagsAt(toks, p, pos);
  return before.has('Noun') && !before.has('Possessive') && (before.has('Plural') || PLURAL_HEADS.has(keyOf(toks[p])));
}

/**
 * A clause after a subordinator ("Though …", "Although …") that opens with no subject of its own:
 * an adverb ("Though seemingly calm …", "Although initially hesitant …"), a participle ("Although
 * written in 1920 …") or an adjective before a preposition ("Though rich in detail …"). A name,
 * a determiner or a noun opens a subject ("Although both men are …", "While part-time jobs are …").
 */
export function opensWithoutSubject(toks: readonly Tok[], a: number, pos: PosCache): boolean {
  const t = toks[a];
  if (!t || t.kind !== 'word' || !isLowerWord(t.text)) return false;
  const k = keyOf(t);
  if (CLAUSE_SUBJECTS.has(k)) return false;
  const tags = tagsAt(toks, a, pos);
  if (tags.has('Noun') || tags.has('Determiner') || tags.has('Pronoun') || tags.has('Possessive')) return false;
  if (tags.has('Adverb') || participlesOnly().has(k) || tags.has('Participle')) return true;
  // A verb in -ed ("Although used widely, …"); not a compound adjective ("broad-based knowledge").
  if (k.endsWith('ed') && !k.includes('-') && !tags.has('Adjective')) return true;
  const n = nextIndex(toks, a);
  const next = n >= 0 && toks[n].kind === 'word' ? keyOf(toks[n]) : '';
  return tags.has('Adjective') && PREPOSITIONS.has(next);
}

const AMOUNT_WORDS = set(
  'one two three four five six seven eight nine ten half a an about almost nearly around over far much more',
);

/**
 * toks[i] (in -ed) is followed by "by" and who did it ("designed by Brunel", "built by the
 * monks"): a participle. Not "by" and an amount, the measure of a finite verb ("prices increased
 * by five percent", "rose by 3%").
 */
function participleByAgent(toks: readonly Tok[], i: number): boolean {
  const n = nextIndex(toks, i);
  if (n < 0 || toks[n].kind !== 'word' || keyOf(toks[n]) !== 'by') return false;
  const a = nextIndex(toks, n);
  if (a < 0 || toks[a].kind !== 'word') return false;
  return !/\d/.test(toks[a].text) && !AMOUNT_WORDS.has(keyOf(toks[a]));
}

/**
 * toks[from..to) starts with a noun phrase followed by a finite verb ("the novel explores ...")
 * before any relative pronoun. compromise's lexicon first; its tagger when that is not enough.
 */
export function finiteByTagger(toks: readonly Tok[], from: number, to: number, pos: PosCache): boolean {
  let noun = false;
  let words = 0;
  for (let i = from; i < to && words < 9; i++) {
    const t = toks[i];
    if (t.kind === 'placeholder') {
      noun = true;
      words++;
      continue;
    }
    if (t.kind !== 'word') continue;
    words++;
    const k = keyOf(t);
    if (RELATIVES.has(k) && words > 1) return false;
    // "the mysterious figure known as the Phantom", "the bridge designed by Brunel": a participle
    // after the noun describes it; the verb, if any, comes later ("…, and the mysterious figure
    // known as the Phantom." is the last item of a list, no clause).
    if (noun && (participlesOnly().has(k) || (k.endsWith('ed') && participleByAgent(toks, i)))) return false;
    if (noun && finiteInLexicon(k)) return true;
    const tags = tagsAt(toks, i, pos);
    if (finiteTags(tags)) return noun;
    if (noun && presentAfterPlural(toks, i, pos)) return true;
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

/**
 * "red, green, and the blue one": a comma shortly before ", and" means a list, not two clauses;
 * so does a list of longer noun phrases that is the sentence's subject (`subjectList`).
 */
export function listBefore(toks: readonly Tok[], end: number): boolean {
  let words = 0;
  for (let i = end - 1; i >= 0 && words < 6; i--) {
    if (toks[i].kind === 'word' || toks[i].kind === 'placeholder') words++;
    if (toks[i].kind === 'punctuation' && toks[i].text === ',') return true;
  }
  return subjectList(toks, end);
}

/** Words that open a phrase before the main clause, not a noun phrase ("In 2020, …", "When …, …"). */
const NOT_NOUN_PHRASE_START = new Set<string>([
  ...PREPOSITIONS,
  ...SUBORDINATORS,
  ...set('however still yet so then now also'),
]);
/** After a verb: its object or an adverbial ("opened the school", "grew in size"). */
const AFTER_VERB = new Set<string>([...DETERMINERS, ...OBJECT_PRONOUNS, ...PREPOSITIONS]);

/**
 * toks[i] reads as a verb: an auxiliary, a finite form compromise knows, or a word in -ed before an
 * object or adverbial ("opened the school", "occurred during") — an -ed word before a bare noun
 * reads as an adjective ("blurred boundaries").
 */
function verbAt(toks: readonly Tok[], i: number): boolean {
  const k = keyOf(toks[i]);
  if (FINITE_AUX.has(k)) return true;
  if (!k.endsWith('ed')) return finiteInLexicon(k);
  const n = nextIndex(toks, i);
  const next = n >= 0 && toks[n].kind === 'word' ? keyOf(toks[n]) : '';
  return !next || AFTER_VERB.has(next) || next.endsWith('ly');
}

/**
 * "Feelings of isolation, blurred boundaries between work and home, and difficulties in
 * collaboration can take a toll": the ", and" at `end` closes a list of noun phrases, the
 * subject of a verb still to come. Read from words alone: the sentence opens with a noun phrase
 * (no preposition, subordinator or adverb first), and nothing before the joint reads as a verb,
 * a relative pronoun or a contracted auxiliary.
 */
function subjectList(toks: readonly Tok[], end: number): boolean {
  const fi = firstContentIndex(toks);
  if (fi < 0 || toks[fi].kind !== 'word') return false;
  const k0 = keyOf(toks[fi]);
  if (NOT_NOUN_PHRASE_START.has(k0) || k0.endsWith('ly') || k0.endsWith('ing') || k0.endsWith('ed')) return false;
  let commas = 0;
  for (let i = fi; i < end; i++) {
    const t = toks[i];
    if (t.kind === 'punctuation') {
      if (t.text === ',') commas++;
      else if (t.text !== '-' && t.text !== "'" && t.text !== '’') return false;
      continue;
    }
    if (t.kind !== 'word') continue;
    const k = keyOf(t);
    if (RELATIVES.has(k) || /['’](?:s|re|ve|ll|d|m)$/.test(k) || verbAt(toks, i)) return false;
  }
  return commas > 0;
}

/** Is toks[0..end) a complete clause of at least `minWords` words that a split may end at `end`? */
export function leftClauseOk(toks: readonly Tok[], end: number, pos: PosCache, minWords = 6): boolean {
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
    if (t.kind === 'word') {
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
    } else if (t.kind === 'punctuation') {
      if (t.text === '(' || t.text === '[') open++;
      if (t.text === ')' || t.text === ']') open--;
      if (t.text === ',') {
        comma = true;
        scopeOpen = false;
      }
      if (t.text === '"' || t.text === '“' || t.text === '”') return false;
    }
  }
  if (words < minWords || open !== 0 || pendingPair || scopeOpen) return false;
  // "If X and Y" is one clause; "If X, Y" has its main clause after the comma.
  if (SUBORDINATORS.has(keyOf(toks[fi])) && !comma) return false;
  return finite || hasFiniteVerb(toks, 0, end, pos);
}

/** A finite verb in toks[from..to): from compromise's lexicon when it knows, else from its tagger. */
export function hasFiniteVerb(toks: readonly Tok[], from: number, to: number, pos: PosCache): boolean {
  let prev = '';
  for (let i = from; i < to; i++) {
    const t = toks[i];
    if (t.kind !== 'word') continue;
    const k = keyOf(t);
    if (finiteInLexicon(k)) return true;
    // "he sets", "it grows": a subject pronoun and a word in -s / -ed.
    if (SUBJECT_PRONOUNS.has(prev) && /(?:[^s]s|ed)$/.test(k)) return true;
    prev = k;
  }
  for (let i = from; i < to; i++)
    if (toks[i].kind === 'word' && (finiteTags(tagsAt(toks, i, pos)) || (i > from && presentAfterPlural(toks, i, pos))))
      return true;
  return false;
}

/** The main clause's tense, or the one modal it is built on ("can", "may", "will"). */
export type Tense = 'past' | 'present' | 'can' | 'could' | 'may' | 'might' | 'will' | 'would' | 'should';
const TENSE_MODALS: ReadonlySet<string> = new Set<Tense>(['can', 'could', 'may', 'might', 'will', 'would', 'should']);
const PRESENT_BE = set("is are am 's 're does do it's that's there's he's she's they're");
const PAST_BE = set('was were did');
const PERFECT = set("has have had 've 'd hasn't haven't hadn't");
const BE_OR_HAVE = new Set<string>([...PRESENT_BE, ...PAST_BE, ...PERFECT, ...set('be been being')]);
const PLURAL_PRONOUNS = set('we they you i');
// "can be felt", "may be seen": a thing there to be perceived, which is a present fact ("Its
// influence can be felt across genres, underscoring its legacy" → "This shows", not "This can show").
const PERCEIVED = set('seen felt heard found observed noticed traced spotted detected witnessed glimpsed');
const PERCEPTION_MODALS = set('can may');

/** Right before toks[i]: a plural pronoun or a plural noun, as a present verb's subject stands. */
function pluralSubjectBefore(toks: readonly Tok[], i: number, pos: PosCache): boolean {
  const p = prevIndex(toks, i);
  if (p < 0 || toks[p].kind !== 'word') return false;
  const k = keyOf(toks[p]);
  if (PLURAL_PRONOUNS.has(k)) return true;
  const tags = tagsAt(toks, p, pos);
  if (!tags.has('Noun') || tags.has('Verb')) return false;
  // A plural the tagger files as uncountable ("the combat mechanics lack …", "the ethics demand"):
  // its -s still makes the verb after it a present.
  return tags.has('Plural') || (tags.has('Uncountable') && /[^s]s$/.test(k));
}

/**
 * A past form right after a noun and before a preposition is a participle describing the noun
 * ("the precision found in Arkham City", "a chair made of oak"), not the clause's verb.
 */
function reducedRelative(toks: readonly Tok[], i: number, pos: PosCache): boolean {
  const p = prevIndex(toks, i);
  const n = nextIndex(toks, i);
  if (p < 0 || n < 0 || toks[p].kind !== 'word' || toks[n].kind !== 'word') return false;
  const before = tagsAt(toks, p, pos);
  return before.has('Noun') && !before.has('Pronoun') && tagsAt(toks, n, pos).has('Preposition');
}

/**
 * The tense of the finite verbs in toks[0..end): 'past' or 'present' when all agree, the modal
 * when the clause is built on one ("can", "may", …) and has no other finite verb, null when there
 * is none, they differ, or the clause is perfect or negated (then a split that needs a tense is
 * not made).
 */
export function mainTense(toks: readonly Tok[], end: number, pos: PosCache): Tense | null {
  let tense: Tense | null = null;
  let modal: Tense | null = null;
  let afterAux = false;
  let perceived = false;
  let prev = '';
  for (let i = 0; i < end; i++) {
    const t = toks[i];
    if (t.kind !== 'word') continue;
    const k = keyOf(t);
    let here: Tense | null = null;
    if (k === 'be' && prev === modal && PERCEPTION_MODALS.has(prev)) {
      const n = nextIndex(toks, i);
      if (n >= 0 && n < end && PERCEIVED.has(keyOf(toks[n]))) perceived = true;
    }
    if (TENSE_MODALS.has(k) && !modal) {
      modal = k as Tense;
      prev = k;
      continue;
    }
    if (MODALS.has(k) || (/n't$/.test(k) && !PRESENT_BE.has(k) && !PAST_BE.has(k))) return null;
    if (PERFECT.has(k)) return null;
    if (PRESENT_BE.has(k)) here = 'present';
    else if (PAST_BE.has(k)) here = 'past';
    else if (!afterAux && prev !== 'to') {
      const tags = tagsAt(toks, i, pos);
      if (tags.has('Verb') && !tags.has('Gerund') && !tags.has('Participle')) {
        if (!tags.has('Infinitive')) {
          // Once the clause has its present, a participle after a noun is no second verb; before
          // any tense, one before "by" is read as a passive's too ("The Pro X features call quality
          // powered by six microphones", where the tagger reads "features" as a noun: not "This
          // ensured …"), while "The pursuit of justice led to …" is the clause's past.
          if (tags.has('PastTense')) {
            const relative = reducedRelative(toks, i, pos);
            const passive: boolean = relative && !tense && keyOf(toks[nextIndex(toks, i)]) === 'by';
            here = (tense === 'present' && relative) || passive || attributiveParticiple(toks, i, pos) ? null : 'past';
          } else if (tags.has('PresentTense')) here = 'present';
          // A phrasal verb the tagger leaves untensed ("the fire that broke out"): the lexicon's.
          else if (lexiconHas(k, 'PastTense')) here = 'past';
        } else if (tags.has('PresentTense') && pluralSubjectBefore(toks, i, pos)) {
          // A plural subject's present ("The pigments cause the feathers to fade"), which the
          // tagger also calls the base form.
          here = 'present';
        }
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
  // A clause on one modal ("can become blurred") is that modal's; with a finite verb besides it
  // (a relative clause's "are"), which one governs is unclear.
  if (modal) return tense ? null : perceived ? 'present' : modal;
  return tense;
}

/**
 * A word in -ed between a determiner, a preposition or a gerund and the noun it describes
 * ("exploring rounded characters", "the crowded streets"): an adjective, no past tense.
 */
function attributiveParticiple(toks: readonly Tok[], i: number, pos: PosCache): boolean {
  const p = prevIndex(toks, i);
  const n = nextIndex(toks, i);
  if (p < 0 || n < 0 || toks[p].kind !== 'word' || toks[n].kind !== 'word') return false;
  const pk = keyOf(toks[p]);
  const before = DETERMINERS.has(pk) || PREPOSITIONS.has(pk) || tagsAt(toks, p, pos).has('Gerund');
  const nt = tagsAt(toks, n, pos);
  return before && nt.has('Noun') && !nt.has('Pronoun') && !DETERMINERS.has(keyOf(toks[n]));
}

export function commaThenVerb(toks: readonly Tok[], from: number, pos: PosCache): boolean {
  for (let i = from; i < toks.length; i++) {
    if (toks[i].kind !== 'punctuation' || toks[i].text !== ',') continue;
    const n = nextIndex(toks, i);
    if (n < 0 || toks[n].kind !== 'word') continue;
    const k = keyOf(toks[n]);
    if (FINITE_AUX.has(k)) return true;
    if (finiteTags(tagsAt(toks, n, pos)) && !CONJ_OR_SUB.has(k)) return true;
  }
  return false;
}
export const CONJ_OR_SUB = new Set<string>(['and', 'or', 'but', 'so', 'yet', 'nor', ...SUBORDINATORS, ...RELATIVES]);

/** Joins two very short sentences: "It works. It is fast." → "It works, and it is fast." */
