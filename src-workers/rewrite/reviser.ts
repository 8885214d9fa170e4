/**
 * The rule-based reviser for one unit of masked text (a line, or the part of it inside the
 * requested ranges). Formula sentences dropped (formulas.ts); per sentence: structural edits (structure.ts), passive to active
 * (passive.ts), table swaps and cuts (swaps.ts), contractions or their expansion by mode; then
 * across the unit's sentences, rhythm (rhythm.ts) and, in concise prose, points already made
 * dropped (concise.ts). Returns the revised tokens, each new one marked with the reason of the
 * edit that made it. Deterministic: a function of the text, the options and the running counters
 * the caller keeps per document.
 */
import { dropRepeated, noteContent } from './concise';
import { contract, contractionLevel, expand } from './contractions';
import { dropFormulas } from './formulas';
import { passiveToActive } from './passive';
import { forget } from './pos';
import { rhythm } from './rhythm';
import { formalMode, type ReviseState } from './state';
import { contrastAcross, restructure } from './structure';
import { toBritish } from './spelling';
import { applyTable, neighboursOf, stemIndex } from './swaps';
import { firstContentIndex, isLowerWord, openingWord, splitSentences, tokenize, type Tok } from './tokens';

export { newState, formalMode, type ReviseState } from './state';

/**
 * The words edits wrote, in British spelling: lower-case ones, and a capital only where it opens
 * the sentence (elsewhere it may be a name: "Lincoln Center" stays).
 */
function britishWords(toks: Tok[]): void {
  const first = firstContentIndex(toks);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.reason || t.kind !== 'word' || !(isLowerWord(t.text) || i === first)) continue;
    const text = toBritish(t.text);
    if (text !== t.text) toks[i] = { ...t, text };
  }
}

/** A quotation that ends with its own full stop, question or exclamation mark ("… left."). */
function endsSentence(placeholder: Tok, state: ReviseState): boolean {
  const span = state.spans[Number(placeholder.text.slice(1, -1))];
  return span?.kind === 'quote' && /[.!?…]["'”’)\]]*$/.test(span.text);
}

/** Revises one unit of masked text; returns its tokens. */
export function reviseUnit(masked: string, state: ReviseState): Tok[] {
  const sents = contrastAcross(
    dropFormulas(
      splitSentences(tokenize(masked), (p) => endsSentence(p, state)),
      state,
    ),
    state,
  );
  state.previousOpening = '';
  state.previousSentence = [];
  const stems = stemIndex(sents);
  for (const [k, s] of sents.entries()) {
    if (!s.toks.length) continue;
    state.nextSentence = sents[k + 1]?.toks ?? [];
    restructure(s.toks, state);
    passiveToActive(s.toks, state);
    applyTable(s.toks, state, neighboursOf(stems, k, sents[k - 1]?.toks));
    state.previousOpening = openingWord(s.toks);
    state.previousSentence = s.toks;
  }
  let out = rhythm(sents, state);
  // Contractions last: the sentence edits read "it is" more easily than "it's".
  const level = contractionLevel(state.mode, state.strength, state.contracts);
  for (const s of out) {
    const changed = formalMode(state.mode) ? expand(s.toks) : contract(s.toks, level, state.apostrophe);
    if (changed > 0) forget(state.pos, s.toks);
  }
  if (state.mode === 'concise') {
    out = dropRepeated(out, state);
    noteContent(masked, state.seen);
  }
  const toks: Tok[] = [];
  const british = state.spelling === 'british';
  for (const s of out) {
    if (british) britishWords(s.toks);
    // One by one: spreading a run-on sentence's tokens overflows the call stack.
    for (const t of s.toks) toks.push(t);
    if (s.gap) toks.push({ text: s.gap, kind: 'space' });
  }
  return toks;
}
