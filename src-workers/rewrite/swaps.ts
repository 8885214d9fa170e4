/**
 * Table swaps: the curated table (table.ts, compiled by lexicon.ts) applied to a sentence —
 * each match checked against its guards (neighbouring words, part of speech, attributive use),
 * verbs inflected, alternatives rotated through the document, a/an fixed after a swap, and each
 * change marked with the reason its entry gives.
 */
import { LLM_OPENERS, LLM_TRANSITIONS } from '../detect/lexicon';
import { baseOfGerund, basesOfThirdPerson, verbForms, type VerbForm } from './inflect';
import { lexicon, type Alt, type Rule, type TrieNode } from './lexicon';
import { canBeVerb, forget, lexiconHas, readsAsNoun, readsAsVerb, tagsAt, type PosCache } from './pos';
import { REASONS, type Reason } from './reasons';
import type { ReviseState } from './state';
import type { Guard } from './table';
import {
  fixArticle,
  capitalize,
  firstContentIndex,
  isCapitalized,
  isLowerWord,
  keyOf,
  matchCase,
  newTokens,
  nextIndex,
  prevIndex,
  type Tok,
  withinHas,
  withRemovedBefore,
  wordCount,
} from './tokens';
import {
  DETERMINERS,
  FINITE_AUX,
  LISTED_WORDS,
  NON_HEAD,
  OBJECT_PRONOUNS,
  OBJECT_START,
  PERFECT_OR_PASSIVE,
  POSSESSIVES,
  PREPOSITIONS,
  SUBJECT_PRONOUNS,
  set,
} from './wordsets';

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
    if (t.kind === 'space') {
      if (t.text !== ' ') break;
      j++;
      continue;
    }
    if (t.kind === 'placeholder') break;
    node = node.next.get(keyOf(t));
    if (!node) break;
    if (node.rules.length) out.push({ end: j, node });
    j++;
  }
  return out.reverse();
}

/** Nouns in -ly ("family", "supply", "assembly"), which the lexicon may not list. */
const NOUNS_IN_LY = set(
  'family supply ally rally assembly monopoly anomaly reply italy july jelly belly bully lily fly butterfly dragonfly melancholy',
);
/** A word in -ly that is an adverb ("typically", "quickly"), not a noun ("family") or an adjective ("friendly"). */
function adverbInLy(k: string): boolean {
  if (NOUNS_IN_LY.has(k) || lexiconHas(k, 'Noun') || lexiconHas(k, 'Adjective')) return false;
  return lexiconHas(k, 'Adverb') || k.length > 5;
}

/** A name at toks[n], or after the article there ("Mars", "the Sierra Nevada"). */
function nameAhead(toks: readonly Tok[], n: number): boolean {
  const at = n >= 0 && keyOf(toks[n]) === 'the' ? nextIndex(toks, n) : n;
  return at >= 0 && toks[at].kind === 'word' && isCapitalized(toks[at].text) && keyOf(toks[at]) !== 'i';
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
  if (g.nextLower && !(nextTok && nextTok.kind === 'word' && isLowerWord(nextTok.text))) return false;
  if (g.nextGerund && !gerundPhraseAt(toks, n, next)) return false;
  if (g.nextName && !(nextTok && nextTok.kind === 'word' && isCapitalized(nextTok.text) && next !== 'i')) return false;
  if (g.nextName === false && nameAhead(toks, n)) return false;
  if (g.clauseThat && !clauseThatAfter(toks, end)) return false;
  if (g.notCondition && conditionAt(toks, start, n)) return false;
  if (g.doerAfter && !doerAfterComma(toks, end)) return false;
  if (g.beforeClause === false && clauseAfter(toks, n, false)) return false;
  if (g.beforeClause === true && !clauseAfter(toks, n, true)) return false;
  if (
    g.object &&
    !(
      nextTok &&
      nextTok.kind === 'word' &&
      // A name is an object too ("leveraging Redis as a cache").
      ((isLowerWord(nextTok.text) && (OBJECT_START.has(next) || !NON_HEAD.has(next))) ||
        (isCapitalized(nextTok.text) && next !== 'i'))
    )
  )
    return false;
  // An adverb in -ly after a noun that reads as a verb ("Marketplace purchases typically appear"):
  // the verb comes after it, and the word is the noun.
  // (Read from the lexicon: the tagger would parse every sentence with a word in -ly.)
  if (g.object && next.endsWith('ly') && !OBJECT_START.has(next) && adverbInLy(next)) return false;
  if (g.next2In || g.next2NotIn) {
    const n2 = n >= 0 ? nextIndex(toks, n) : -1;
    if (g.next2In && (n2 < 0 || !g.next2In.has(keyOf(toks[n2])))) return false;
    if (g.next2NotIn && n2 >= 0 && g.next2NotIn.has(keyOf(toks[n2]))) return false;
  }
  if (g.nextWithin && !withinHas(toks, end, 1, g.nextWithin, g.nextWithin.overProtected)) return false;
  if (g.notNextWithin && withinHas(toks, end, 1, g.notNextWithin, true)) return false;
  if (g.prevWithin && !withinHas(toks, start, -1, g.prevWithin)) return false;
  if (g.notPrevWithin && withinHas(toks, start, -1, g.notPrevWithin, true)) return false;
  if (g.noAppositive && appositiveAfter(toks, end)) return false;
  if (g.notInSentence && toks.some((t) => t.kind === 'word' && g.notInSentence!.has(keyOf(t)))) return false;
  if (g.notMeasured && amountWithin(toks, end, g.notMeasured === true ? 6 : g.notMeasured)) return false;
  if (g.beforeAmount && !amountWithin(toks, end, 1)) return false;
  if (g.notAfterPossessive && possessiveBefore(toks, start, g.notAfterPossessive)) return false;
  if (g.notParallel && parallelAfter(toks, end)) return false;
  if (g.notFirstOfVerbPair && thirdPersonVerbAfterLink(toks, end)) return false;
  if (g.notFirstOfActs && actAfterLink(toks, end)) return false;
  return true;
}

const QUESTION_WORDS = set('what how why where when which who whom whose');

/**
 * A clause opens at toks[n]: a subject — a pronoun, a bare noun, or a determiner and up to two
 * words — and then a verb ("you are", "reddit existed", "the city was", "dogs could talk"). With
 * `auxOnly`, only an auxiliary or "be" counts as the verb (the words alone can read "the house
 * flooded with light" either way); otherwise a word in -ed does too.
 */
function clauseAfter(toks: readonly Tok[], n: number, auxOnly: boolean): boolean {
  if (n < 0 || toks[n].kind !== 'word') return false;
  const first = keyOf(toks[n]);
  // "you're", "it's": a subject and its verb in one word.
  const contracted = /^(\w+)['’](?:re|s|m|ve|ll|d)$/.exec(first);
  if (contracted) return SUBJECT_PRONOUNS.has(contracted[1]);
  // "what could be achieved" is what is pictured, no supposition.
  if (QUESTION_WORDS.has(first)) return false;
  // "us", "them": no subject ("Imagine us have a job" is a learner's "us having").
  if (auxOnly && OBJECT_PRONOUNS.has(first) && !SUBJECT_PRONOUNS.has(first)) return false;
  // The words that may stand before the verb: the subject alone, or a determiner and two more.
  const reach = DETERMINERS.has(first) || POSSESSIVES.has(first) ? 3 : 1;
  let i = n;
  for (let w = 0; w < reach; w++) {
    i = nextIndex(toks, i);
    if (i < 0 || toks[i].kind !== 'word' || !isLowerWord(toks[i].text)) return false;
    const k = keyOf(toks[i]);
    if (FINITE_AUX.has(k)) return w > 0 || reach === 1;
    if (w === 0 && reach === 3) continue;
    // A plural noun in -s is as likely as a verb ("smart garments", "the weary faces"): only -ed.
    if (!auxOnly && k.endsWith('ed')) return true;
    if (PREPOSITIONS.has(k) || k === 'who' || k === 'which' || k === 'that' || k === 'where') return false;
  }
  return false;
}

/**
 * A "that" within ten words after toks[end] opens a clause with a subject of its own: the cleft
 * "It is a testament to her skill that she finished", not the relative of "… to the quiet bonds
 * that hold a community together".
 */
function clauseThatAfter(toks: readonly Tok[], end: number): boolean {
  for (let i = nextIndex(toks, end), n = 0; i >= 0 && n < 10; i = nextIndex(toks, i), n++) {
    if (toks[i].kind === 'punctuation' && /[.;:!?]/.test(toks[i].text)) return false;
    if (keyOf(toks[i]) !== 'that') continue;
    const s = nextIndex(toks, i);
    if (s < 0) return false;
    const k = keyOf(toks[s]);
    return (
      toks[s].kind === 'placeholder' ||
      SUBJECT_PRONOUNS.has(k) ||
      DETERMINERS.has(k) ||
      POSSESSIVES.has(k) ||
      (toks[s].kind === 'word' && isCapitalized(toks[s].text))
    );
  }
  return false;
}

/** Subjects a condition's clause opens with after "provided" ("provided that", "provided you …"). */
const CONDITION_OPENERS = set('that it you they we he she i');
/**
 * "provided"/"providing" at toks[start] is the conjunction "on condition that": after a comma or
 * at the sentence's start, before a clause ("provided the item is unused", "providing it arrives").
 */
function conditionAt(toks: readonly Tok[], start: number, n: number): boolean {
  if (n < 0) return false;
  const p = prevIndex(toks, start);
  // At the start a noun phrase and a verb after it are more often a gerund's object and the
  // sentence's verb ("Providing these resources can help …"): only a pronoun or "that" opens a condition.
  if (p < 0) return CONDITION_OPENERS.has(keyOf(toks[n]));
  if (toks[p].text !== ',' && toks[p].text !== '(') return false;
  return CONDITION_OPENERS.has(keyOf(toks[n])) || clauseAfter(toks, n, true);
}

/** Subjects that can do what an opening gerund names ("When choosing a car, you …"). */
// ("there" too: "When choosing a laptop, there are several factors to weigh" names no other doer.)
const DOERS = set("you we i they you're we're i'm they're you'll we'll there there's");
/** What follows an order's verb: its object's determiner or a preposition ("check the brakes", "look at"). */
const ORDER_GOES_ON = set(
  'the a an your our this these those it them at for to on with about out up whether if how what that',
);
/**
 * The main clause after the opening that ends at the next comma has a doer for its subject, or
 * is an order ("…, consider the weight"): "When choosing a stroller, safety should …" would
 * leave the choosing to safety.
 */
function doerAfterComma(toks: readonly Tok[], end: number): boolean {
  for (let i = nextIndex(toks, end), n = 0; i >= 0 && n < 20; i = nextIndex(toks, i), n++) {
    if (toks[i].text !== ',') continue;
    const s = nextIndex(toks, i);
    if (s < 0 || toks[s].kind !== 'word') return false;
    const k = keyOf(toks[s]);
    if (DOERS.has(k)) return true;
    // An order opens on a verb and goes on to its object or a preposition ("consider the weight",
    // "look at safety"), not on a noun that could be verbed ("protein intake plays …").
    const after = nextIndex(toks, s);
    return (
      k === 'be' || (canBeVerb(k) && verbForms(k).base === k && after >= 0 && ORDER_GOES_ON.has(keyOf(toks[after])))
    );
  }
  return false;
}

const PARALLEL_LINKS = set('and or also nor');

/** The word at toks[end] comes again later in the sentence after "and", "or" or "also" ("…, but also on …"). */
function parallelAfter(toks: readonly Tok[], end: number): boolean {
  const word = keyOf(toks[end]);
  let before = '';
  for (let k = nextIndex(toks, end); k >= 0; k = nextIndex(toks, k)) {
    const key = keyOf(toks[k]);
    if (key === word && PARALLEL_LINKS.has(before)) return true;
    // A second noun of the verb before "… to" ("is a testament to his vision and a must-see"):
    // "shows his vision and a must-see" would not parse.
    if (word === 'to' && (key === 'a' || key === 'an') && (before === 'and' || before === 'or')) return true;
    if (toks[k].kind === 'word') before = key;
    else if (key !== ',') before = '';
  }
  return false;
}

/**
 * After a comma, "and" or "or", another act named as "the … of" ("by the removal of rubble, the
 * clearing of roads and …"): the first alone said as a verb would break the list.
 */
function actAfterLink(toks: readonly Tok[], end: number): boolean {
  let before = '';
  for (let k = nextIndex(toks, end); k >= 0; k = nextIndex(toks, k)) {
    const key = keyOf(toks[k]);
    if (key === 'the' && (before === ',' || before === 'and' || before === 'or')) {
      const noun = nextIndex(toks, k);
      const of = noun >= 0 ? nextIndex(toks, noun) : -1;
      if (of >= 0 && toks[noun].kind === 'word' && keyOf(toks[of]) === 'of') return true;
    }
    before = key;
  }
  return false;
}

/** "and" or "or" and then a verb in -s, before the clause ends ("… and reduces stress"). */
function thirdPersonVerbAfterLink(toks: readonly Tok[], end: number): boolean {
  let linked = false;
  for (let k = nextIndex(toks, end); k >= 0; k = nextIndex(toks, k)) {
    const t = toks[k];
    if (t.kind === 'punctuation' && /^[.;:!?—–]$/.test(t.text)) return false;
    if (t.kind !== 'word') continue;
    const key = keyOf(t);
    if (linked && isThirdPersonVerb(key)) return true;
    linked = PARALLEL_LINKS.has(key);
  }
  return false;
}

/** A verb's third-person form ("reduces", "carries", "goes"), by its base. */
function isThirdPersonVerb(word: string): boolean {
  return /^[a-z]+s$/.test(word) && basesOfThirdPerson(word).some(canBeVerb);
}

/** A possessive among the n words before toks[i], within its clause ("his madness", "Shylock's decision"). */
function possessiveBefore(toks: readonly Tok[], i: number, n: number): boolean {
  let k = i;
  for (let c = 0; c < n; c++) {
    k = prevIndex(toks, k);
    if (k < 0 || toks[k].kind !== 'word') return false;
    const key = keyOf(toks[k]);
    if (POSSESSIVES.has(key) || /'s$/.test(key)) return true;
  }
  return false;
}

/**
 * A number among the `n` words after `i`, before any punctuation. Numbers are masked as protected
 * text, so any protected span counts: a quotation or a name there only keeps the claim as written.
 */
function amountWithin(toks: readonly Tok[], i: number, n: number): boolean {
  let k = i;
  for (let c = 0; c < n; c++) {
    k = nextIndex(toks, k);
    if (k < 0) return false;
    if (toks[k].kind === 'placeholder' || /^\d/.test(toks[k].text)) return true;
    if (toks[k].kind !== 'word') return false;
  }
  return false;
}

/**
 * After the phrase at `end`, within six words, a comma and an article: "was a testament to
 * resilience, a beacon of hope" names the subject twice, and "showed resilience, a beacon of
 * hope" would make the second name the object's. So does a comma and "not" at any distance ("was
 * a testament to his love for Lily, not an act of futility": "showed his love …, not an act").
 */
function appositiveAfter(toks: readonly Tok[], end: number): boolean {
  let k = end;
  for (let c = 0; ; c++) {
    k = nextIndex(toks, k);
    if (k < 0) return false;
    if (toks[k].kind !== 'punctuation') continue;
    if (toks[k].text !== ',') return false;
    const n = nextIndex(toks, k);
    if (n >= 0 && keyOf(toks[n]) === 'not') return true;
    if (c < 7 && n >= 0 && /^(?:a|an|the)$/.test(keyOf(toks[n]))) return true;
  }
}

/** Pronouns an adjective follows ("nothing crucial"): the adjective is then not before a noun. */
const POSTPOSITIVE_AFTER = set('nothing something anything everything nobody somebody anybody someone anyone everyone');

/** The adjective at [start, end] stands before the noun it modifies. */
function attributive(toks: readonly Tok[], end: number, start = end): boolean {
  const p = prevIndex(toks, start);
  if (p >= 0 && POSTPOSITIVE_AFTER.has(keyOf(toks[p]))) return false;
  const n = nextIndex(toks, end);
  if (n < 0) return false;
  const t = toks[n];
  const k = keyOf(t);
  return t.kind === 'word' && isLowerWord(t.text) && !NON_HEAD.has(k) && !DETERMINERS.has(k) && !k.endsWith('ly');
}

/** Orders that open an offer and take a noun phrase ("Enjoy …", "Try …", "Discover …"). */
const ORDERS_OF_OFFERS = set('enjoy try taste sample savor savour discover explore order book shop browse find see');
/**
 * The participle at [start, end] stands as an adjective before its noun: after an article, a
 * possessive, a preposition or an adverb in -ly ("an enhanced annuity", "its streamlined body",
 * "subject to enhanced due diligence", "illegally obtained funds"), where no subject can make it a
 * verb.
 */
function participleBeforeNoun(toks: readonly Tok[], end: number, start: number): boolean {
  if (!/(?:ed|en)$/.test(keyOf(toks[end]))) return false;
  const p = prevIndex(toks, start);
  const before = p >= 0 ? keyOf(toks[p]) : '';
  // (At a sentence's start too: "Enhanced CT scans show …"; and after an order that opens it:
  // "Enjoy crafted cocktails".)
  const afterOrder = ORDERS_OF_OFFERS.has(before) && prevIndex(toks, p) < 0;
  const modifies =
    p < 0 || afterOrder || DETERMINERS.has(before) || POSSESSIVES.has(before) || PREPOSITIONS.has(before);
  if (!modifies && !before.endsWith('ly')) return false;
  // Its noun may be written in capitals ("a leveraged ETF").
  const n = nextIndex(toks, end);
  const k = n >= 0 ? keyOf(toks[n]) : '';
  return n >= 0 && toks[n].kind === 'word' && !NON_HEAD.has(k) && !DETERMINERS.has(k) && !k.endsWith('ly');
}

/** An adjective follows the phrase that ends at `end` (the next word is tagged one). */
function beforeAdjective(toks: readonly Tok[], end: number, pos: PosCache): boolean {
  const n = nextIndex(toks, end);
  return n >= 0 && toks[n].kind === 'word' && tagsAt(toks, n, pos).has('Adjective');
}

/** Before a word "very" can grade: an adjective that is no participle, or an adverb ("well", "quickly"). */
function beforeGradable(toks: readonly Tok[], end: number, pos: PosCache): boolean {
  const n = nextIndex(toks, end);
  if (n < 0 || toks[n].kind !== 'word') return false;
  const tags = tagsAt(toks, n, pos);
  return (tags.has('Adjective') && !/(?:ed|en)$/.test(keyOf(toks[n]))) || tags.has('Adverb');
}

/** A word the tagger reads as a singular noun (or a verb, and no plural) follows the phrase that ends at `end`. */
function beforeSingular(toks: readonly Tok[], end: number, pos: PosCache): boolean {
  const n = nextIndex(toks, end);
  if (n < 0 || toks[n].kind !== 'word') return false;
  const tags = tagsAt(toks, n, pos);
  if (tags.has('Plural') || tags.has('Adjective') || !(tags.has('Singular') || tags.has('Verb'))) return false;
  // A noun that modifies a plural one is no verb: "many college students", "many news outlets".
  const n2 = nextIndex(toks, n);
  return n2 < 0 || toks[n2].kind !== 'word' || !tagsAt(toks, n2, pos).has('Plural');
}

/** Auxiliaries of a past or a future. */
const NOT_NOW_AUX = set("was were had did will 'll won't shall");
/**
 * The clause after toks[end], up to its first verb, tells a past ("the factory closed", "he was")
 * or a future ("libraries will need").
 * Read from the words and the lexicon (an opening like this one comes before every few sentences
 * of machine prose, too often to ask the tagger).
 */
function tellsPastOrFuture(toks: readonly Tok[], end: number): boolean {
  for (let i = nextIndex(toks, end), n = 0; i >= 0 && n < 10; i = nextIndex(toks, i), n++) {
    const t = toks[i];
    if (t.kind === 'punctuation' && /[.;:!?]/.test(t.text)) return false;
    if (t.kind !== 'word') continue;
    const k = keyOf(t);
    if (NOT_NOW_AUX.has(k)) return true;
    if (FINITE_AUX.has(k)) return false;
    // A past form after the first word (the subject's): "my grandfather wrote", "the factory closed";
    // not a word that only ends so ("users need", "teams succeed") nor an adjective after a
    // determiner ("a balanced diet").
    if (
      n > 0 &&
      (lexiconHas(k, 'PastTense') || (k.endsWith('ed') && !k.endsWith('eed'))) &&
      !DETERMINERS.has(keyOf(toks[prevIndex(toks, i)] ?? t))
    )
      return true;
    if (n > 0 && lexiconHas(k, 'PresentTense')) return false;
  }
  return false;
}

/**
 * The noun that heads the object after toks[end], past its article and every describing word,
 * comma and "and" ("a diverse, equitable, and inclusive workplace" → "workplace"), is in `heads`.
 */
function objectHeadIn(toks: readonly Tok[], end: number, heads: ReadonlySet<string>, pos: PosCache): boolean {
  for (let i = nextIndex(toks, end), n = 0; i >= 0 && n < 10; i = nextIndex(toks, i), n++) {
    const k = keyOf(toks[i]);
    if (k === ',' || k === 'and' || DETERMINERS.has(k)) continue;
    if (toks[i].kind !== 'word') return false;
    if (heads.has(k)) return true;
    const tags = tagsAt(toks, i, pos);
    if ((!tags.has('Adjective') && !tags.has('Adverb')) || tags.has('Noun')) return false;
  }
  return false;
}

/**
 * A plural noun heads what follows the phrase that ends at `end`, after describing words, nouns
 * that modify it, and the commas and "and" of their list ("many cognitive, social, and
 * professional benefits"): "a wide range of music" has none, and "many music" is no English.
 */
function beforePlural(toks: readonly Tok[], end: number, pos: PosCache): boolean {
  for (let i = nextIndex(toks, end), n = 0; i >= 0 && n < 8; i = nextIndex(toks, i), n++) {
    const k = keyOf(toks[i]);
    if (k === ',' || k === 'and' || k === 'or') continue;
    if (toks[i].kind !== 'word') return false;
    const tags = tagsAt(toks, i, pos);
    if (tags.has('Plural')) return true;
    // A describing word or a noun that modifies the head ("skincare products", "dining options").
    if (!tags.has('Adjective') && !tags.has('Noun') && !/[a-z]ing$/.test(k)) return false;
  }
  return false;
}

/** The word before toks[i] is a determiner, a possessive ("his", "the man's") or an adjective. */
function modifierBefore(toks: readonly Tok[], i: number, pos: PosCache): boolean {
  const p = prevIndex(toks, i);
  if (p < 0 || toks[p].kind !== 'word') return false;
  const key = keyOf(toks[p]);
  // "governance that harnesses the benefits": "that" before a word in -s is a relative, no determiner.
  if ((key === 'that' || key === 'this') && keyOf(toks[i]).endsWith('s')) return false;
  if (DETERMINERS.has(key) || POSSESSIVES.has(key) || /'s$/.test(key) || tagsAt(toks, p, pos).has('Adjective'))
    return true;
  // A participle between an article and the word ("a padded harness"): it describes a noun.
  const pp = prevIndex(toks, p);
  return key.endsWith('ed') && pp >= 0 && DETERMINERS.has(keyOf(toks[pp]));
}

/** A participle follows the phrase that ends at `end`, and a noun it modifies after it ("accessed data"). */
function beforeModifier(toks: readonly Tok[], end: number, pos: PosCache): boolean {
  const n = nextIndex(toks, end);
  if (n < 0 || toks[n].kind !== 'word' || !/(?:ed|en|wn)$/.test(keyOf(toks[n]))) return false;
  const n2 = nextIndex(toks, n);
  if (n2 < 0 || toks[n2].kind !== 'word' || !isLowerWord(toks[n2].text)) return false;
  const k2 = keyOf(toks[n2]);
  if (PREPOSITIONS.has(k2) || DETERMINERS.has(k2) || NON_HEAD.has(k2)) return false;
  return tagsAt(toks, n2, pos).has('Noun');
}

/** For a verb surface that can be several forms (e.g. "showcased": past or participle), which one it is here. */
function resolveForm(toks: readonly Tok[], start: number, forms: readonly VerbForm[]): VerbForm | null {
  if (forms.length === 1) return forms[0];
  // Look back over adverbs and "not" to the word that governs the verb.
  let p = prevIndex(toks, start);
  while (
    p >= 0 &&
    toks[p].kind === 'word' &&
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
  concise: boolean,
  neighbours: Neighbours,
): string[] {
  const isAttr = attributive(toks, end, start);
  // Concise prose takes no plainer word that is longer in words ("struggle" → "find it hard").
  const maxWords = concise && rule.reason === REASONS.plain ? wordCount(toks.slice(start, end + 1)) : Infinity;
  const p = prevIndex(toks, start);
  const n = nextIndex(toks, end);
  const before = p >= 0 ? keyOf(toks[p]) : '';
  const after = n >= 0 ? keyOf(toks[n]) : '';
  const eligible: string[] = [];
  const spares: string[] = [];
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
    // Not "the the": the new first word must differ from the word before, the new last word from the word after.
    const ws = text.toLowerCase().split(' ');
    if (text !== '' && (ws[0] === before || ws[ws.length - 1] === after)) continue;
    // Not "difficulties and difficulties": the new content word must not stand within three words.
    // Not "the most deep losses" or "more key": after "more"/"most" only a word that takes them.
    // The first word is the one graded ("more difficult to" → "more hard to").
    const head = ws[0] ?? '';
    if (GRADED.has(before) && (/^[a-z]{1,5}$/.test(head) || TAKES_ER.has(head))) continue;
    // A plainer word must not echo one within a clause or so (eight words: "to reduce the effects of
    // climate change and reduce our effect" reads as an echo); a stock phrase goes even so (three).
    // A verb is held to its sentence: "Our results show the key role … and show the need" repeats
    // the sentence's predicate however far apart.
    const plainer = rule.reason === REASONS.plain || rule.reason === REASONS.precise;
    // Nor, anywhere in the sentence, a word another edit wrote ("grips the reader by presenting …
    // within gripping narratives"): the writer did not repeat it, the reviser would.
    // A participle written for one counts as a verb: "It marked a transition …, characterized by
    // …" is not "…, marked by …".
    const verbal = rule.entry.kind === 'verb' || /^[a-z]+ed$/.test(head);
    const reach = plainer ? (verbal ? SENTENCE_REACH : 8) : 3;
    if (text !== '' && repeatsNearby(toks, start, end, text, reach, plainer ? SENTENCE_REACH : reach)) continue;
    if (ws.length > maxWords) continue;
    (a.spare ? spares : eligible).push(text);
  }
  if (!eligible.length && !spares.length) return eligible;
  const c = eligible.length ? (counters.get(rule.counter) ?? 0) % eligible.length : 0;
  // A spare takes no turn: it follows the others, and so comes first only where each of them echoes.
  const rotated = [...eligible.slice(c), ...eligible.slice(0, c), ...spares];
  const turn = awayFromNeighbours(rule, rotated, neighbours, keyOf(toks[start]));
  // A stock phrase may echo a word three words off, but another of its words that echoes none in
  // eight goes first ("the interplay between the strong and the Coulomb interaction" → "relationship"),
  // and one that none of the sentences either side says ("The built-in grinder is a game-changer.
  // Fresh beans make a noticeable difference" → "changes the game", not "makes a big difference").
  // (A plainer word was held to eight already, and a single word has no other to go first.)
  if (turn.length < 2 || rule.reason === REASONS.plain || rule.reason === REASONS.precise) return turn;
  const echoes = (text: string) =>
    text !== '' && (repeatsNearby(toks, start, end, text, 8) || saidNextDoor(text, neighbours));
  return [...turn.filter((t) => !echoes(t)), ...turn.filter(echoes)];
}

/**
 * A verb or an adverb the sentence before or after already uses reads as an echo across the full
 * stop ("Standard shipping usually takes 3–5 days. Expedited shipping usually arrives …", "Our
 * analysis shows that … These results show …"): another alternative goes first, and where each
 * echoes, a plain word stays as written ("typically", "reveals"). The most flagrant words
 * (strength 1: "utilize") and those the detector lists go all the same. So with an adjective put
 * for another: "raises important questions … Striking the right balance will be key" keeps
 * "important", where "key" would echo the next sentence. A noun may come back ("social norms …
 * social approval"): naming the same thing again is how people write, and varying it is what
 * machines do.
 */
function awayFromNeighbours(rule: Rule, turn: string[], neighbours: Neighbours, source: string): string[] {
  // The writer's own repetition ("The guide emphasizes rest. It also emphasizes …") takes one word throughout.
  if (!VERB_ADVERB_OR_ADJECTIVE(rule) || neighbours.written(echoStem(source))) return turn;
  const echoes = (text: string) => text !== '' && saidNextDoor(text, neighbours);
  const fresh = turn.filter((t) => !echoes(t));
  const plainer = rule.reason === REASONS.plain || rule.reason === REASONS.precise;
  if (plainer && rule.entry.level > 1 && !LISTED_WORDS.has(source)) return fresh;
  return [...fresh, ...turn.filter(echoes)];
}

/**
 * An opening an edit would write that a neighbour says already: "But" after a sentence with a "but"
 * of its own ("it is throttled, but it is not killed. But if it exceeds …": "Yet", or the clause
 * alone), "Also," or "Plus," beside a sentence that says "also" ("Also, technology … Technology has
 * also …").
 */
function saidBeside(opening: string, state: ReviseState): boolean {
  const says = (sentence: readonly Tok[], word: string) => sentence.some((x) => keyOf(x) === word);
  if (opening === 'but') return says(state.previousSentence, 'but');
  if (opening === 'also' || opening === 'plus')
    return says(state.previousSentence, 'also') || says(state.nextSentence, 'also');
  return false;
}

/** A word of the alternative (but the commonest) stands in a sentence either side. */
function saidNextDoor(text: string, neighbours: Neighbours): boolean {
  return text
    .toLowerCase()
    .split(' ')
    .some((w) => !REPEAT_IGNORE.has(w) && neighbours.said(echoStem(w)));
}

/** A verb, or one word put for one (an adverb or an adjective; nouns have entries of their own). */
const VERB_ADVERB_OR_ADJECTIVE = (rule: Rule) =>
  rule.entry.kind === 'verb' || (rule.entry.kind === 'fixed' && rule.length === 1);

/** The sentences either side of the one revised: as they now read, and as the writer wrote them. */
export interface Neighbours {
  /** The stem stands in the sentence before (as revised) or after. */
  said(stem: string): boolean;
  /** The stem stands in the sentence before or after as the writer wrote them. */
  written(stem: string): boolean;
}

/** For each content-word stem of a unit, the sentences (by index) that hold it as written. */
export function stemIndex(sentences: readonly { toks: readonly Tok[] }[]): Map<string, Set<number>> {
  const index = new Map<string, Set<number>>();
  sentences.forEach((s, k) => {
    for (const t of s.toks) {
      if (t.kind !== 'word' || REPEAT_IGNORE.has(keyOf(t))) continue;
      const stem = echoStem(keyOf(t));
      const at = index.get(stem);
      if (at) at.add(k);
      else index.set(stem, new Set([k]));
    }
  });
  return index;
}

/**
 * The neighbours of sentence k, read from the unit's index (one pass over its words, not one per
 * sentence); the sentence before also says what its edits wrote.
 */
export function neighboursOf(
  index: Map<string, Set<number>>,
  k: number,
  before: readonly Tok[] | undefined,
): Neighbours {
  let wroteBefore: Set<string> | undefined;
  const written = (stem: string) => {
    const at = index.get(stem);
    return !!at && (at.has(k - 1) || at.has(k + 1));
  };
  return {
    written,
    said(stem) {
      wroteBefore ??= new Set(
        (before ?? [])
          .filter((t) => t.kind === 'word' && t.reason && !REPEAT_IGNORE.has(keyOf(t)))
          .map((t) => echoStem(keyOf(t))),
      );
      return written(stem) || wroteBefore.has(stem);
    },
  };
}

/** Far enough to reach across any sentence the reviser leaves whole. */
const SENTENCE_REACH = 60;

/** Words that grade the adjective after them ("more", "most"): a short one takes -er/-est instead. */
const GRADED = set('more most less least');
/** Adjectives of six letters or more that take -er/-est all the same ("the most strong" reads wrong). */
const TAKES_ER = set('strong bright smooth simple narrow shallow gentle humble');

// The auxiliaries too: "has" put for "offers" echoes no "has reshaped" next door.
const REPEAT_IGNORE = set(
  'a an the of to in on at for with and or but is are was were be has have had do does did it its his her their this that as by from into very more most so not i me my we us our you your he him she they them one',
);

/** Singular and plural as one word ("effect", "effects"). */
const number = (w: string) => (w.endsWith('ss') || w.length <= 3 ? w : w.replace(/s$/, ''));

/**
 * A word without its inflection, so "showing" echoes "shows" ("The report shows …, showing …") and
 * "used" echoes "uses" (a final "e" goes too: "reduce", "reducing" and "reduced" are one word).
 */
const echoStem = (w: string) => {
  let stem = STEMS.get(w);
  if (stem === undefined) {
    const n = number(w);
    // "-ment" joins a noun to its verb: "improvements designed to improve" is an echo.
    stem = (n.length > 3 ? n.replace(/(?<=.{4})ment$/, '').replace(/(?:ing|ed|es)$/, '') : n).replace(/e$/, '');
    // A consonant doubled before the ending is one: "gripping" echoes "grips", "planned" "plans".
    if (stem.length < n.length) stem = stem.replace(/([bgmnprt])\1$/, '$1');
    // Every sentence's neighbours are read for their stems: a document repeats its words.
    if (STEMS.size > 50_000) STEMS.clear();
    STEMS.set(w, stem);
  }
  return stem;
};
const STEMS = new Map<string, string>();

function repeatsNearby(
  toks: readonly Tok[],
  start: number,
  end: number,
  text: string,
  reach: number,
  editedReach = reach,
): boolean {
  const words = text
    .toLowerCase()
    .split(' ')
    .filter((w) => !REPEAT_IGNORE.has(w))
    .map(echoStem);
  if (!words.length) return false;
  // Function words nearby echo nothing ("is" is no plural of "I").
  // Beyond `reach`, only words an edit wrote count (up to `editedReach`).
  const near = (i: number, c: number) =>
    i >= 0 &&
    toks[i].kind === 'word' &&
    (c < reach || !!toks[i].reason) &&
    !REPEAT_IGNORE.has(keyOf(toks[i])) &&
    words.includes(echoStem(keyOf(toks[i])));
  let p = start;
  let n = end;
  // Up to `reach` words each way: "the most notable effects of social media is its effect" reads as an echo.
  for (let c = 0; c < Math.max(reach, editedReach); c++) {
    p = p >= 0 ? prevIndex(toks, p) : -1;
    n = n >= 0 ? nextIndex(toks, n) : -1;
    if (near(p, c) || near(n, c)) return true;
  }
  return false;
}

function atClauseStart(toks: readonly Tok[], i: number): boolean {
  const p = prevIndex(toks, i);
  if (p < 0) return true;
  const t = toks[p];
  // After a conjunction that opens the sentence ("But it is essential to note that …").
  if (t.kind === 'word' && /^(?:but|and|so|yet)$/i.test(t.text) && prevIndex(toks, p) < 0) return true;
  // Or after one that joins a clause to the one before ("…, but it is important to note that …").
  if (t.kind === 'word' && /^(?:but|and|so|yet)$/i.test(t.text)) {
    const c = prevIndex(toks, p);
    if (toks[c].kind === 'punctuation' && (toks[c].text === ',' || toks[c].text === ';')) return true;
  }
  return (
    t.kind === 'punctuation' &&
    (t.text === ',' || t.text === ';' || t.text === ':' || t.text === '—' || t.text === '–' || t.text === '(')
  );
}

/** Words that open an introductory phrase before an "-ing" form ("When choosing a provider, …"). */
const INTRO_BEFORE_GERUND = set('when while before after by in on upon since through');

/**
 * The clause at i follows a comma that closes an opening verbal phrase with no subject of its own
 * ("When choosing a provider,", "To succeed,", "Looking back,"): that phrase leans on the framing's
 * "it is important" or "we must note" — cut it, and the next clause's subject does the choosing
 * ("When choosing a cloud provider, each platform offers …").
 */
function afterVerbalIntro(toks: readonly Tok[], i: number): boolean {
  const comma = prevIndex(toks, i);
  if (comma < 0 || toks[comma].text !== ',') return false;
  // The phrase's first word: after the comma before it, or the sentence's first.
  let first = firstContentIndex(toks);
  for (let j = prevIndex(toks, comma); j > first; j = prevIndex(toks, j))
    if (toks[j].text === ',') {
      first = nextIndex(toks, j);
      break;
    }
  if (first < 0 || first >= comma) return false;
  const w1 = keyOf(toks[first]);
  const second = nextIndex(toks, first);
  const w2 = second >= 0 && second < comma ? keyOf(toks[second]) : '';
  const gerund = (w: string) => baseOfGerund(w) !== null;
  // "To begin,", "To sum up,", "To be honest,": the writer's own step, which needs no subject.
  if (w1 === 'to') return !WRITERS_STEPS.has(w2);
  return gerund(w1) || (INTRO_BEFORE_GERUND.has(w1) && gerund(w2));
}
/** Infinitives that mark the writer's step in an argument, not an act of the clause's subject. */
const WRITERS_STEPS = set('begin start conclude sum summarize summarise recap be put');

/**
 * A gerund opens a phrase at toks[n] ("choosing a car"), not a noun that a word in -ing modifies
 * ("branching strategies", "cooking classes": a plural straight after it is its head).
 */
function gerundPhraseAt(toks: readonly Tok[], n: number, key: string): boolean {
  if (toks[n]?.kind !== 'word' || baseOfGerund(key) === null) return false;
  const after = toks[nextIndex(toks, n)];
  if (after?.kind !== 'word') return false;
  return !(/[^s]s$/.test(keyOf(after)) && !DETERMINERS.has(keyOf(after)) && !OBJECT_PRONOUNS.has(keyOf(after)));
}

/** A sentence may start with this token after the words before it are deleted. */
function canStartSentence(t: Tok | undefined, state: Pick<ReviseState, 'spans'>): boolean {
  if (!t) return false;
  if (t.kind === 'word') return isLowerWord(t.text) || isCapitalized(t.text);
  if (t.kind === 'placeholder') {
    // A quotation may open a sentence if it starts with a capital letter.
    const m = /\d+/.exec(t.text);
    const sp = m ? state.spans[Number(m[0])] : undefined;
    return !!sp && sp.kind === 'quote' && /^[^\p{L}]*\p{Lu}/u.test(sp.text);
  }
  return t.kind === 'punctuation' && (t.text === '“' || t.text === '"');
}

/** Words that join the capitalised words of a name ("Children and Adults", "Friends of the Earth"). */
const TITLE_JOINERS = new Set(['and', 'of', 'for', 'the', '&']);

/**
 * The capitalised word at toks[i] begins a title-case run or a name: joined by "and"/"of"/"for"
 * to another capitalised word, or followed by one ("Paramount Pictures", "Crucial Ballistix").
 */
function opensTitle(toks: readonly Tok[], i: number): boolean {
  let capitals = 0;
  let joined = false;
  for (let k = nextIndex(toks, i); k >= 0 && capitals < 2; k = nextIndex(toks, k)) {
    const w = toks[k];
    if (w.kind !== 'word') return false;
    if (isCapitalized(w.text)) capitals++;
    else if (TITLE_JOINERS.has(w.text)) joined = true;
    else return capitals >= 1;
    if (capitals === 1 && joined) return true;
  }
  return capitals >= 1;
}

/** A word of `words` stands in the sentence or, as written, in the one before or after it. */
function nearAny(words: ReadonlySet<string>, toks: readonly Tok[], neighbours: Neighbours): boolean {
  if (toks.some((t) => t.kind === 'word' && words.has(keyOf(t)))) return true;
  for (const w of words) if (neighbours.written(echoStem(w))) return true;
  return false;
}

/** Applies the table to one sentence, in place. Returns the number of changes. */
export function applyTable(toks: Tok[], state: ReviseState, neighbours: Neighbours): number {
  const pos = state.pos;
  const root = lexicon();
  let changes = 0;
  let sentenceStart = firstContentIndex(toks);
  let guardSteps = 0;
  for (let i = 0; i < toks.length; i++) {
    if (++guardSteps > 10_000) break;
    const t = toks[i];
    if (t.kind !== 'word') continue;
    const isStart = i === sentenceStart;
    // A capitalised word inside a sentence is a name or a title: leave it. So is one that opens a
    // run of them ("Children and Adults with Attention-Deficit Disorder (CHADD) is …").
    if (!isStart && isCapitalized(t.text) && !(t.text === 'I')) continue;
    if (isStart && opensTitle(toks, i)) continue;
    let applied = 0;
    for (const m of matchesAt(toks, i, root)) {
      for (const rule of m.node.rules) {
        const e = rule.entry;
        if (e.level > state.strength) continue;
        const alts = rule.alts[state.mode];
        if (!alts.length) continue;
        if (e.at === 'sentence' && !isStart) continue;
        if (e.at === 'clause' && !isStart && (!atClauseStart(toks, i) || afterVerbalIntro(toks, i))) continue;
        if (!guardOk(rule.guard, toks, i, m.end)) continue;
        if (rule.guard.notNear && nearAny(rule.guard.notNear, toks, neighbours)) continue;
        if (rule.guard.notOpening && state.atStart && !state.previousSentence.length) continue;
        if (rule.guard.notSentenceStart && isStart) continue;
        if (rule.guard.attributive && !attributive(toks, m.end, i)) continue;
        if (rule.guard.notParticipleBeforeNoun && participleBeforeNoun(toks, m.end, i)) continue;
        if (rule.guard.verb && !readsAsVerb(toks, i, rule.forms, pos)) continue;
        if (rule.guard.noun && !readsAsNoun(toks, i, pos)) continue;
        if (rule.guard.notBeforeAdjective && beforeAdjective(toks, m.end, pos)) continue;
        if (rule.guard.beforeGradable !== undefined && beforeGradable(toks, m.end, pos) !== rule.guard.beforeGradable)
          continue;
        if (rule.guard.notBeforeModifier && beforeModifier(toks, m.end, pos)) continue;
        if (rule.guard.notBeforeSingular && beforeSingular(toks, m.end, pos)) continue;
        if (rule.guard.beforePlural && !beforePlural(toks, m.end, pos)) continue;
        if (rule.guard.objectHeadIn && !objectHeadIn(toks, m.end, rule.guard.objectHeadIn, pos)) continue;
        if (
          rule.guard.beforePastOrFuture !== undefined &&
          tellsPastOrFuture(toks, m.end) !== rule.guard.beforePastOrFuture
        )
          continue;
        if (rule.guard.afterModifier !== undefined && modifierBefore(toks, i, pos) !== rule.guard.afterModifier)
          continue;
        const form = rule.forms ? resolveForm(toks, i, rule.forms) : null;
        let len = -1;
        const reason = rule.reason;
        for (const text of pickAlts(
          rule,
          alts,
          form,
          toks,
          i,
          m.end,
          state.counters,
          state.mode === 'concise',
          neighbours,
        )) {
          // Not the opening the sentence before has ("But … But …"): the next alternative, or none
          // — unless the opening is one the detector lists ("Imagine", "Thus,"), which must go, or
          // the sentence's own first word, kept ("It is a testament to …" → "It is a tribute to …").
          const opening = firstWordOf(text);
          if (
            isStart &&
            state.previousOpening &&
            opening === state.previousOpening &&
            opening !== keyOf(t) &&
            !listedOpening(e.src)
          )
            continue;
          if (isStart && opening !== keyOf(t) && saidBeside(opening, state)) continue;
          len = replace(toks, i, m.end, text, isStart, state, reason);
          if (len >= 0) break;
        }
        if (len < 0) continue;
        if (len === 0 && e.src.endsWith(' that')) dropCoordinatedThat(toks, i, reason);
        forget(pos, toks);
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

const LISTED_OPENINGS: readonly string[] = [...LLM_TRANSITIONS, ...LLM_OPENERS];
/** The entry's source opens with a transition or opener the detector lists as a stock phrase. */
function listedOpening(src: string): boolean {
  const phrase = src.replace(/ ,$/, '');
  return LISTED_OPENINGS.some((o) => phrase === o || phrase.startsWith(`${o} `));
}

/** The first word of a replacement, lower case ("So," → "so"). */
function firstWordOf(text: string): string {
  return /^[A-Za-z'’]+/.exec(text)?.[0].toLowerCase() ?? '';
}

/**
 * After a framing ("it is also important to recognize that") is cut, a second clause it governed
 * loses its "that" too: "…, and that they continue" → "…, and they continue". Only before a
 * subject ("that they", "that the …"), not the pointing "that" of "and that book".
 */
function dropCoordinatedThat(toks: Tok[], from: number, reason: Reason): void {
  for (let k = from; k < toks.length; k++) {
    const t = toks[k];
    if (t.kind === 'punctuation' && /^[.;:!?]$/.test(t.text)) return;
    if (t.kind !== 'word' || !COORDINATORS.has(keyOf(t))) continue;
    const that = nextIndex(toks, k);
    if (that < 0 || toks[that].text !== 'that') continue;
    const next = nextIndex(toks, that);
    if (next < 0 || toks[next].kind !== 'word') continue;
    const n = keyOf(toks[next]);
    if (!(SUBJECT_PRONOUNS.has(n) || DETERMINERS.has(n) || n === 'there')) continue;
    toks[next] = withRemovedBefore(toks[next], reason);
    toks.splice(that, next - that);
    return;
  }
}
const COORDINATORS = set('and but or');

/**
 * A plural possessive whose noun was replaced by one not ending in "s": "individuals' right" →
 * "people's right", not "people' right". `after` is the index right after the new words.
 */
function pluralPossessive(toks: Tok[], after: number, oldLast: string, newLast: string, reason: Reason): void {
  const apostrophe = toks[after];
  if (apostrophe?.kind !== 'punctuation' || !/^['’]$/.test(apostrophe.text)) return;
  if (!/s$/i.test(oldLast) || /s$/i.test(newLast)) return;
  const next = toks[after + 1];
  if (next && next.kind !== 'space') return;
  toks[after] = { text: `${apostrophe.text}s`, kind: 'word', reason };
}

/**
 * Replaces tokens [start, end] by `text` ('' deletes them), marking what it puts in with the
 * reason. Returns the number of tokens put in (0 for a deletion), or -1 when the change would
 * leave a bad sentence and was not made.
 */
export function replace(
  toks: Tok[],
  start: number,
  end: number,
  text: string,
  isStart: boolean,
  state: Pick<ReviseState, 'spans'>,
  reason: Reason,
): number {
  const original = toks[start].text;
  if (text === '') {
    // Delete the phrase and the space after it; the next word starts the sentence or clause.
    let stop = end + 1;
    while (stop < toks.length && toks[stop].kind === 'space' && !toks[stop].text.includes('\n')) stop++;
    const next = toks[stop];
    if (isStart) {
      if (!canStartSentence(next, state)) return -1;
      if (isCapitalized(original) && next.kind === 'word' && isLowerWord(next.text))
        toks[stop] = { text: capitalize(next.text), kind: 'word', reason };
    } else if (!next || next.kind === 'punctuation') {
      return -1;
    }
    // Reasons of earlier removals inside the deleted words move on with them.
    let moved = withRemovedBefore(toks[stop], reason);
    for (let k = start; k < stop; k++)
      if (toks[k].removedBefore) moved = withRemovedBefore(moved, toks[k].removedBefore!);
    toks[stop] = moved;
    toks.splice(start, stop - start);
    // "a truly enjoyable read" → "an enjoyable read": the article agrees with the word now after it.
    fixArticle(toks, start, reason);
    return 0;
  }
  const cased = isStart
    ? matchCase(text, original)
    : original === original.toUpperCase() && original.length > 1
      ? text.toUpperCase()
      : text;
  const repl = newTokens(cased, reason);
  const lastBefore = toks[end].text;
  toks.splice(start, end - start + 1, ...repl);
  pluralPossessive(toks, start + repl.length, lastBefore, repl[repl.length - 1]?.text ?? '', reason);
  fixArticle(toks, start, reason);
  return repl.length;
}
