/**
 * "Docker allows developers to package their apps" → "Docker lets developers package their apps":
 * "allow" and "enable" with someone who then acts say what the plain "let" says, without the "to".
 * Machine prose leans on them ("allows", "allowing", "enables", "enabling" are two to eleven times
 * as common in the corpus's AI texts as in its human ones; "lets" is eighteen times rarer).
 *
 * Only where the one allowed is someone who can act (a pronoun, a word for people, a name) or what
 * a recipe or a garden lets be: "allows time to rest" and "allows room to grow" make time for
 * something, and "lets time rest" would say another thing. Standard, casual and concise prose;
 * formal and academic keep the verb.
 */
import { canBeVerb } from './pos';
import { verbForms } from './inflect';
import { REASONS } from './reasons';
import type { ReviseState } from './state';
import { isCapitalized, isLowerWord, keyOf, matchCase, nextIndex, prevIndex, type Tok } from './tokens';
import { BE_FORMS, set } from './wordsets';

const LET_FOR = new Map<string, string>([
  ['allow', 'let'],
  ['allows', 'lets'],
  ['allowed', 'let'],
  ['allowing', 'letting'],
  ['enable', 'let'],
  ['enables', 'lets'],
  ['enabled', 'let'],
  ['enabling', 'letting'],
]);

/** The words "let" brings in (for the meaning guard's list of words edits may insert). */
export const LET_WORDS: readonly string[] = ['let', 'lets', 'letting'];

/**
 * Who can be let do something: pronouns and words for people, and what a recipe or a garden lets
 * be ("allow the dough to rest", "allowing the soil to dry out").
 */
const ACTORS = set(
  'you us them him her me it everyone everybody anyone anybody someone somebody people users students developers readers teams companies individuals learners children kids employees workers businesses organizations organisations customers patients players viewers visitors families parents teachers researchers scientists doctors nurses citizens consumers writers artists athletes farmers residents communities members owners buyers sellers clients professionals engineers managers staff travelers travellers others yourself yourselves themselves ourselves himself herself myself designers creators musicians voters women men girls boys pupils listeners audiences fans guests shoppers drivers walkers hikers runners riders cyclists tourists passengers commuters homeowners beginners ' +
    'soil dough mixture batter paint glue plants plant body mind muscles skin meat sauce cake bread roots seeds wound',
);
/** What may stand before the one let: a determiner or possessive, and one describing word. */
const BEFORE_ACTOR = set(
  'the their our your his her its these those many more all other some both younger older local new',
);

/** Where the "to" stands after the one let (a phrase of up to three words), or null if none does. */
function actorBeforeTo(toks: readonly Tok[], from: number): { to: number } | null {
  const words: number[] = [];
  for (let i = from; i >= 0 && i < toks.length && words.length < 4; i = nextIndex(toks, i)) {
    if (toks[i].kind !== 'word') return null;
    if (keyOf(toks[i]) === 'to') {
      if (words.length === 0) return null;
      const head = toks[words[words.length - 1]];
      const actor = ACTORS.has(keyOf(head)) || (words.length === 1 && isCapitalized(head.text) && keyOf(head) !== 'i');
      if (!actor) return null;
      if (words.slice(0, -1).some((w) => !BEFORE_ACTOR.has(keyOf(toks[w])))) return null;
      return { to: i };
    }
    words.push(i);
  }
  return null;
}

/** A verb's base form after "to", perhaps after one adverb in -ly ("to quickly find"). */
function verbAfter(toks: readonly Tok[], to: number): boolean {
  let v = nextIndex(toks, to);
  if (v >= 0 && toks[v].kind === 'word' && /^[a-z]+ly$/.test(toks[v].text)) v = nextIndex(toks, v);
  if (v < 0 || toks[v].kind !== 'word' || !isLowerWord(toks[v].text)) return false;
  const k = keyOf(toks[v]);
  return /^[a-z]+$/.test(k) && verbForms(k).base === k && canBeVerb(k);
}

/** Words before a second "to" that make it one of a pair with the first. */
const COORDINATORS = set('and or also as then nor');

/**
 * A second "to" of the same verb later in the sentence ("allows developers to select data and to
 * filter it", "… as well as to establish bounds"): "let" would leave it standing alone.
 */
function secondInfinitive(toks: readonly Tok[], to: number): boolean {
  for (let i = nextIndex(toks, to); i >= 0; i = nextIndex(toks, i)) {
    if (keyOf(toks[i]) !== 'to') continue;
    const p = prevIndex(toks, i);
    if (p >= 0 && COORDINATORS.has(keyOf(toks[p]))) return true;
  }
  return false;
}

export function allowToLet(toks: Tok[], state: ReviseState): boolean {
  if (state.mode !== 'standard' && state.mode !== 'casual' && state.mode !== 'concise') return false;
  let changed = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const let_ = t.kind === 'word' ? LET_FOR.get(keyOf(t)) : undefined;
    if (!let_) continue;
    // A passive's participle ("students are allowed to leave") has no one after it to let.
    const p = prevIndex(toks, i);
    if (p >= 0 && BE_FORMS.has(keyOf(toks[p]))) continue;
    const found = actorBeforeTo(toks, nextIndex(toks, i));
    if (!found || !verbAfter(toks, found.to) || secondInfinitive(toks, found.to)) continue;
    const why = REASONS.plain;
    toks[i] = { ...t, text: matchCase(let_, t.text), reason: why, joint: true };
    // "to" and the space after it go; the word after carries the cut.
    const after = nextIndex(toks, found.to);
    toks[after] = { ...toks[after], removedBefore: why, joint: true };
    toks.splice(found.to, after - found.to);
    changed = true;
  }
  return changed;
}
