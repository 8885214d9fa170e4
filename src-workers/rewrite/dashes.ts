/**
 * Dashes where plainer punctuation says the same: chat models set off asides and afterthoughts
 * with dashes far more often than people do. Two safe shapes only:
 * - an aside between two dashes that parts a subject from its verb → parentheses: "Small
 *   actions — showing up, listening — matter most." → "Small actions (showing up, listening)
 *   matter most.";
 * - one dash before a conjunction or a "which / whether / where" clause → a comma: "… stunning
 *   views — but be prepared for a steep climb." → "… stunning views, but be prepared …".
 * Any other dash (before a clause of its own, an explanation or a list) stays as written.
 */
import { verbForms } from './inflect';
import { canBeVerb, tagsAt } from './pos';
import { REASONS } from './reasons';
import type { ReviseState } from './state';
import { isLowerWord, keyOf, nextIndex, prevIndex, tok, type Tok } from './tokens';
import { FINITE_AUX, set } from './wordsets';

const DASHES = new Set(['—', '–']);
/** Words after which a dash reads as a comma: a coordinated clause or a trailing clause. */
const COMMA_AFTER = set('but and so yet or which whether where while though although');
/** The most words an aside in parentheses may hold. */
const MAX_ASIDE_WORDS = 15;

const isDash = (t: Tok | undefined) => !!t && t.kind === 'punctuation' && DASHES.has(t.text);

/** The dashes of one sentence, eased where the shape allows; whether it changed. */
export function easeDashes(toks: Tok[], state: ReviseState): boolean {
  if (state.strength < 2) return false;
  const at: number[] = [];
  for (let i = 0; i < toks.length; i++) if (isDash(toks[i])) at.push(i);
  if (at.length === 2) return asideInParentheses(toks, at[0], at[1], state);
  if (at.length === 1) return dashAsComma(toks, at[0]);
  return false;
}

/** "actions — showing up, listening — matter" → "actions (showing up, listening) matter". */
function asideInParentheses(toks: Tok[], a: number, b: number, state: ReviseState): boolean {
  const inside = toks.slice(a + 1, b);
  const words = inside.filter((t) => t.kind === 'word').length;
  if (words < 2 || words > MAX_ASIDE_WORDS) return false;
  if (inside.some((t) => t.kind === 'punctuation' && /^[;:?!()]$/.test(t.text))) return false;
  const before = prevIndex(toks, a);
  const after = nextIndex(toks, b);
  if (before < 0 || after < 0 || toks[before].kind !== 'word' || toks[after].kind !== 'word') return false;
  // The verb of the subject the aside interrupts comes straight after it. (The tagger often
  // misreads the word after a dash: a plural present as an infinitive, "lies" as a noun.)
  if (!verbAfterAside(toks, after, before, state)) return false;
  const why = REASONS.dash;
  const open = inside.findIndex((t) => t.kind !== 'space');
  const close = inside.findLastIndex((t) => t.kind !== 'space');
  toks.splice(
    before + 1,
    after - before - 1,
    tok(' ', 'space', why),
    { ...tok('(', 'punctuation', why), joint: true },
    ...inside.slice(open, close + 1),
    { ...tok(')', 'punctuation', why), joint: true },
    tok(' ', 'space', why),
  );
  return true;
}

/** toks[i], after an aside that follows the noun at toks[subject], is that noun's verb. */
function verbAfterAside(toks: readonly Tok[], i: number, subject: number, state: ReviseState): boolean {
  const k = keyOf(toks[i]);
  if (!isLowerWord(toks[i].text)) return false;
  if (FINITE_AUX.has(k)) return true;
  const tags = tagsAt(toks, i, state.pos);
  if (['Gerund', 'Participle', 'Adverb', 'Preposition', 'Adjective', 'Determiner'].some((t) => tags.has(t)))
    return false;
  if (tags.has('Verb')) return true;
  const f = verbForms(k);
  if (f.base !== k) return f.s3 === k || f.past === k;
  // A plural subject's present ("actions — … — matter most"), which the tagger calls a noun.
  return f.s3 !== k && tagsAt(toks, subject, state.pos).has('Plural') && canBeVerb(k);
}

/** "views — but be prepared" → "views, but be prepared". */
function dashAsComma(toks: Tok[], d: number): boolean {
  const before = prevIndex(toks, d);
  const after = nextIndex(toks, d);
  if (before < 0 || after < 0 || toks[before].kind !== 'word' || toks[after].kind !== 'word') return false;
  if (!COMMA_AFTER.has(keyOf(toks[after])) || toks[after].text !== keyOf(toks[after])) return false;
  const why = REASONS.dash;
  toks.splice(before + 1, after - before - 1, tok(',', 'punctuation', why), tok(' ', 'space', why));
  return true;
}
