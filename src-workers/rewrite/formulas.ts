/**
 * Whole sentences that are a chat assistant's or a form letter's formula, not part of what the
 * text says: the acknowledgement before an answer ("Great question!", "Certainly!"), the stock
 * greeting of an email ("I hope this email finds you well."), a guide's "Let's dive in!" and the
 * sign-off after an answer ("I hope this helps!"). An editor deletes them; a unit keeps one sentence at least, so a line
 * that is nothing but the formula stays (cutting it would change the document's structure).
 */
import { REASONS, type Reason } from './reasons';
import type { ReviseState } from './state';
import { keyOf, type Sentence } from './tokens';

const OPENING: ReadonlySet<string> = new Set([
  'great question!',
  'what a great question!',
  'that is a great question!',
  "that's a great question!",
  'good question!',
  'excellent question!',
  'certainly!',
  'absolutely!',
  'of course!',
  'sure!',
  "i'd be happy to help!",
  "i'd be happy to help.",
  "i'd be happy to help with that!",
  "i'd be happy to help with that.",
  'i would be happy to help.',
  "i'm happy to help!",
  'happy to help!',
  'i hope this email finds you well.',
  'i hope this message finds you well.',
  'i hope this email finds you well!',
  'i hope this message finds you well!',
  // The announcement before a guide's first step.
  "let's dive in!",
  "let's dive in.",
  "let's dive right in!",
  "let's dive right in.",
  "let's get started!",
  "let's get started.",
  "let's break it down.",
  "let's break it down!",
]);
const CLOSING: ReadonlySet<string> = new Set([
  'i hope this helps!',
  'i hope this helps.',
  'hope this helps!',
  'hope this helps.',
  'i hope you find this helpful!',
  'i hope you find this helpful.',
]);
/**
 * An assistant's offer of more help after an answer ("Let me know if you'd like a shorter
 * version!", "Feel free to ask if you have more questions!"): read from the opening words, ending
 * in "!" or "?" as a chat reply does. A letter's "Let me know if you have any questions." ends in a
 * full stop and stays: it is part of the message.
 */
const OFFER_OPENINGS: readonly string[] = [
  "let me know if you'd like",
  'let me know if you would like',
  'let me know if you want me to',
  'let me know if you need any more',
  'let me know if you have any other questions',
  'let me know if you have any more questions',
  'let me know if you have any further questions',
  'feel free to ask if',
  'feel free to ask any',
  'if you have any other questions',
  'if you have any more questions',
  'if you have any further questions',
  'would you like me to',
  'want me to',
];

/** The sentence's words and punctuation, lower case, spaces only between words. */
function shape(s: Sentence): string {
  let out = '';
  for (const t of s.toks) {
    if (t.kind === 'space') continue;
    if (t.kind === 'placeholder') return '';
    out += t.kind === 'word' && out && !out.endsWith(' ') ? ` ${keyOf(t)}` : keyOf(t);
  }
  return out.replace(/’/g, "'");
}

/** `signedOff`: the sentence before was a sign-off, after which a full stop ends the chat's offer too. */
function isOffer(k: string, signedOff: boolean): boolean {
  if (!k.endsWith('!') && !k.endsWith('?') && !(signedOff && k.endsWith('.'))) return false;
  return OFFER_OPENINGS.some((o) => k.startsWith(o) && (k.length === o.length || /[\s,!?.]/.test(k[o.length])));
}

/**
 * The sign-off naming what it closes ("I hope this essay helps!", "I hope this guide was
 * helpful."): only about the text itself, so "I hope this treatment helps her." stays.
 */
const HOPE_IT_HELPS =
  /^i hope (?:this|that) (?:essay|article|answer|explanation|guide|overview|summary|response|information|list|post|breakdown) (?:(?:helps|was helpful|is helpful|helped)(?: you)?|(?:clarifies|clears up|gives you|makes)\b[^.!?]*)[.!]$/;
/** The sign-off naming what it helps with: "I hope this helps clarify things!", "… helps you understand the difference!" */
const HOPE_IT_HELPS_TO =
  /^(?:i )?hope (?:this|that) helps(?: you)? (?:clarify|clear up|explain|understand|answer|make sense of)\b[^.!?]*[.!]$/;
/** The sign-off with a wish: "Hope this helps, and happy coding!", "I hope this helps. Good luck!" */
const HOPE_AND_WISH = /^(?:i )?hope (?:this|that) helps,? (?:and )?(?:happy \w+|good luck\b[^.!?]*)!$/;
/**
 * The assistant's offer before its answer, naming the topic the answer then covers: "I'd be happy
 * to help you understand the concept of opportunity cost!"
 */
const HAPPY_TO_HELP =
  /^(?:i'd|i would|i'm|i am) (?:be )?(?:happy|glad) to help(?: you)? (?:with|understand|learn|explore|figure out)\b[^.!?]*!$/;

/**
 * Why the sentence goes, if it is a formula; `first`: it opens the document; `signedOff`: the
 * sentence before it was a sign-off ("I hope this helps! Let me know if you have any other
 * questions.").
 */
function reasonFor(s: Sentence, first: boolean, signedOff: boolean): Reason | null {
  const k = shape(s);
  // A letter's "I'd be happy to help you with the move!" further on is an offer of its own.
  if (OPENING.has(k) || (first && HAPPY_TO_HELP.test(k))) return REASONS.opener;
  const closes =
    CLOSING.has(k) ||
    HOPE_IT_HELPS.test(k) ||
    HOPE_IT_HELPS_TO.test(k) ||
    HOPE_AND_WISH.test(k) ||
    isOffer(k, signedOff);
  return closes ? REASONS.closer : null;
}

/** "Certainly!", "Absolutely!", "Of course!", "Sure!": formulas before an answer — unless they are it. */
const ANSWERS: ReadonlySet<string> = new Set(['certainly!', 'absolutely!', 'of course!', 'sure!']);

/**
 * After the text's own question ("Would I read it again? Absolutely!") the word is the answer —
 * also where the question is the line before (a FAQ's "**Can I return an item?**").
 */
function answersQuestion(sents: readonly Sentence[], n: number, state: ReviseState): boolean {
  if (!ANSWERS.has(shape(sents[n]))) return false;
  if (n === 0) return state.afterQuestion;
  const prev = sents[n - 1].toks.filter((t) => t.kind !== 'space');
  return prev[prev.length - 1]?.text === '?';
}

/** The unit's sentences without its formulas (from strength 2); the neighbour carries the reason. */
export function dropFormulas(sents: Sentence[], state: ReviseState): Sentence[] {
  if (state.strength < 2 || sents.length < 2) return sents;
  const out: Sentence[] = [];
  let signedOff = false;
  for (let n = 0; n < sents.length; n++) {
    const s = sents[n];
    const why = reasonFor(s, n === 0 && state.atStart, signedOff);
    signedOff = why === REASONS.closer;
    const left = out.length + (sents.length - n - 1);
    if (!why || left === 0 || answersQuestion(sents, n, state)) {
      out.push(s);
      continue;
    }
    const next = sents[n + 1];
    if (next?.toks[0]) next.toks[0] = { ...next.toks[0], removedBefore: why };
    else {
      const prev = out[out.length - 1];
      prev.toks[prev.toks.length - 1] = { ...prev.toks[prev.toks.length - 1], removedAfter: why };
      prev.gap = s.gap;
    }
  }
  return out;
}
