/**
 * "Whether you're a seasoned barista or a complete beginner, this guide will help you …": the
 * opening names every reader there is, so the sentence holds for all of them without it. An
 * editor cuts it; what follows says the same ("This guide will help you …"). Only an opening of
 * "Whether you're …" or "Whether you are …" with an "or" that names the readers, up to its comma,
 * with no protected text (a name, a number) in it, before a main clause that does not point back
 * at the alternatives ("…, this quiz shows which one you are" needs them).
 */
import { REASONS } from './reasons';
import { capitalize, firstContentIndex, isWord, keyOf, nextIndex, type Tok } from './tokens';
import { set } from './wordsets';

/** Words of a main clause that point back at the alternatives the opening named. */
const POINTS_AT_CHOICE = set('one ones either neither both each which whichever whatever former latter whoever');
/**
 * What the readers are named with after "you're": a kind of person ("a beginner", "new to …") or
 * what they are after ("looking for …"); "Whether you're right or wrong, …" is a judgement and stays.
 */
const READER_WORDS = set('a an new just already looking planning starting hoping trying interested seeking searching');
/** Words before "you" that say the thing suits the reader ("for you", "suits you"). */
const SUITS = set('for suit suits fit fits');
/** Words of a main clause that says who qualifies. */
const ENTITLED = set('apply applies eligible qualify qualifies entitled welcome allowed');
/** Longest opening (in words) read as a list of readers, not a clause with a point of its own. */
const MAX_OPENING_WORDS = 16;
/** Shortest main clause that says what it says without the opening. */
const MIN_MAIN_WORDS = 5;

/** Index of the first word after "Whether you're" / "Whether you are", or -1. */
function afterWhetherYouAre(toks: readonly Tok[], first: number): number {
  if (toks[first]?.text !== 'Whether') return -1;
  const you = nextIndex(toks, first);
  if (you < 0) return -1;
  const k = keyOf(toks[you]).replace('’', "'");
  if (k === "you're") return nextIndex(toks, you);
  if (k !== 'you') return -1;
  const are = nextIndex(toks, you);
  return are >= 0 && keyOf(toks[are]) === 'are' ? nextIndex(toks, are) : -1;
}

export function dropAudienceOpening(toks: Tok[]): boolean {
  const first = firstContentIndex(toks);
  if (first < 0) return false;
  let i = afterWhetherYouAre(toks, first);
  if (i < 0 || !READER_WORDS.has(keyOf(toks[i]))) return false;
  let words = 0;
  let or = false;
  for (; i >= 0 && toks[i].text !== ','; i = nextIndex(toks, i)) {
    if (!isWord(toks[i]) || ++words > MAX_OPENING_WORDS) return false;
    if (keyOf(toks[i]) === 'or') or = true;
  }
  if (i < 0 || !or) return false;
  const rest = nextIndex(toks, i);
  if (rest < 0 || (toks[rest].kind !== 'word' && toks[rest].kind !== 'placeholder')) return false;
  // A short main clause may lean on the opening for its object ("…, Bali delivers.").
  let mainWords = 0;
  for (let k = rest, prev = ''; k >= 0; k = nextIndex(toks, k)) {
    if (!isWord(toks[k])) continue;
    mainWords++;
    const key = keyOf(toks[k]);
    if (POINTS_AT_CHOICE.has(key)) return false;
    // A clause that says whom it suits ("this course is for you", "Aurora X is the perfect
    // solution for you") says it of the readers the opening names: without them it says nothing.
    if (key === 'you' && SUITS.has(prev)) return false;
    // Nor one that says who may act ("…, you can apply for the grant", "you are eligible").
    if (ENTITLED.has(key)) return false;
    prev = key;
  }
  if (mainWords < MIN_MAIN_WORDS) return false;
  const why = REASONS.opener;
  const head = toks[rest];
  toks[rest] = {
    ...head,
    text: head.kind === 'word' ? capitalize(head.text) : head.text,
    reason: why,
    removedBefore: why,
  };
  toks.splice(first, rest - first);
  return true;
}
