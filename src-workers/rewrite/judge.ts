/**
 * Is the text to revise already judged human, and if so, what in it is flagged? A whole-document
 * revision of a text the detector judges human-written changes only what the detector points at;
 * everything else is left as the writer wrote it. For a `human` verdict that is its critical
 * sections and what the detector marks in the text: the machine words and stock phrases it lists
 * ("delve", "a plethora of"). Not the sentence-opening transitions ("Thus,", "As a result,",
 * "Moreover,"), openers and closers ("In conclusion,"), which it counts but never marks, and which
 * are how people argue too; nor the wider over-used vocabulary behind its explanations
 * ("primarily", "enhance"), which people write too. Changing those in a person's text buys
 * nothing and, to another detector, reads as often more machine-like as less (measured: most of
 * the human texts the independent detector in `npm run eval:rewrite` scored higher). For a `mixed`
 * verdict it is that vocabulary too, and every sentence that reads as AI-generated (its AI
 * passages are revised throughout anyway). The score is
 * also the ceiling for any whole-document revision (rules.ts).
 */
import { MIN_SCORED_WORDS, SENTENCE_READS_AS_AI, type Span } from '../../src-shared/models';
import { analyzeText, detectorScore } from '../detect/index';
import { LLM_PHRASES } from '../detect/lexicon';
import { countWords, words, type WordToken } from '../text/segment';
import { LISTED_WORDS } from './wordsets';

export interface Judgement {
  /** The detector's document confidence, percent. */
  score: number;
  /** The text is long enough for the detector's verdict (shorter texts are not judged). */
  scored: boolean;
  /** The detector's verdict is `human` or `mixed`: what it does not flag is left as written. */
  human: boolean;
  /** The verdict is `mixed`: the detector finds AI passages (`aiShare` of the words) among human ones. */
  mixed: boolean;
  /**
   * The verdict is `uncertain`: the score lies between the human and the AI bands. Such a text is
   * read sentence by sentence, as a mixed one is, and keeps its listed stock phrases' edits and
   * the mode's contractions throughout (rules.ts): a person's text that says "Furthermore" once
   * is not rewritten throughout, and an AI text's sentences that read as AI-generated still are.
   */
  uncertain: boolean;
  aiShare: number;
  /** What the detector flags in it (offsets into the text), sorted. */
  flagged: Span[];
}

export function judge(text: string): Judgement {
  const prose = asProse(text);
  // A text too short for a verdict is not judged either way.
  if (countWords(prose) < MIN_SCORED_WORDS)
    return {
      score: detectorScore(prose),
      scored: false,
      human: false,
      mixed: false,
      uncertain: false,
      aiShare: 0,
      flagged: [],
    };
  // The full analysis, whatever the score: a document with both kinds of passage is `mixed` at
  // any score, and its human passages are left alone as a human text is.
  const analysis = analyzeText(prose);
  const score = analysis.ai_confidence ?? detectorScore(prose);
  const mixed = analysis.verdict === 'mixed';
  const uncertain = analysis.verdict === 'uncertain';
  const human = analysis.verdict === 'human' || mixed;
  const aiShare = analysis.ai_share ?? 0;
  if (!human && !uncertain) return { score, scored: true, human, mixed, uncertain, aiShare, flagged: [] };
  const flagged: Span[] = markedSpans(text);
  for (const s of analysis.critical_sections) flagged.push({ start: s.start, end: s.end });
  if (mixed || uncertain) {
    // A sentence the document view shows as reading AI-generated is flagged too, inside a human
    // passage or not: a run of them too short for a passage of its own ("In conclusion, …" after
    // a list) would otherwise stay as the machine wrote it while the view marks it.
    for (const s of analysis.sentences)
      if (s.score >= SENTENCE_READS_AS_AI) flagged.push({ start: s.start, end: s.end });
    for (const e of analysis.explanations) for (const sp of e.spans ?? []) flagged.push(sp);
    for (const s of analysis.critical_sections)
      for (const e of s.explanations) for (const sp of e.spans ?? []) flagged.push(sp);
  }
  flagged.sort((a, b) => a.start - b.start || a.end - b.end);
  return { score, scored: true, human, mixed, uncertain, aiShare, flagged };
}

/**
 * The detector's score of a text's prose (markup and headings blanked, as `judge` reads it): what a revision
 * must not raise.
 */
export function proseScore(text: string): number {
  return detectorScore(asProse(text));
}

/**
 * The text as the detector is shown it, offsets kept: Markdown's emphasis markers and list
 * bullets blanked (a chat answer saved as plain text keeps them), then its headings. Markup is no
 * prose: measured on a chat answer with bold labels and bullets, the detector read "**" and "- "
 * as a human writer's punctuation (9.5 % with them, 58.6 % without).
 */
export function asProse(text: string): string {
  return withoutHeadings(withoutMarkup(text));
}

/** A list item's bullet or number at the start of a line ("- ", "* ", "+ ", "1. ", "2) "). */
const BULLET = /^([ \t]*)([-*+•]|\d{1,3}[.)])(?=[ \t])/gm;
/** Bold and italic markers of two characters ("**Upfront costs:**", "__note__"). */
const EMPHASIS = /\*\*|__/g;

function withoutMarkup(text: string): string {
  return text
    .replace(BULLET, (_m, indent: string, mark: string) => indent + ' '.repeat(mark.length))
    .replace(EMPHASIS, '  ');
}

/** A line that ends a sentence or a clause: prose, not a heading. */
const PROSE_END = /[.!?…:;,]["'”’)\]]*$/;
const MAX_HEADING_WORDS = 12;

/**
 * The text with its headings blanked, offsets kept: a line of its own (a blank line or the text's
 * start before it) of at most twelve words, opening with a capital or a digit and ending without a
 * stop, before more text. A title or a section heading ("1. Purpose", "Key Benefits") is no
 * sentence, and the detector, which learned from running prose, reads a run of such short lines
 * as the varied rhythm of human writing (measured: a policy with four numbered headings scored
 * 9.5 % with them, 77.5 % without).
 */
export function withoutHeadings(text: string): string {
  const lines = text.split('\n');
  // More text must follow a heading: the last line with any (found once, not per line).
  const lastText = lines.findLastIndex((l) => l.trim() !== '');
  let out = '';
  let previousBlank = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const body = line.trim();
    const heading =
      previousBlank &&
      /^[\p{Lu}\d#]/u.test(body) &&
      /\p{L}/u.test(body) &&
      !PROSE_END.test(body) &&
      body.split(/\s+/).length <= MAX_HEADING_WORDS &&
      i < lastText;
    out += (heading ? ' '.repeat(line.length) : line) + (i < lines.length - 1 ? '\n' : '');
    previousBlank = body === '';
  }
  return out;
}

const PHRASES = LLM_PHRASES.map((p) => p.split(/[\s,]+/).filter(Boolean));

function matchAt(ws: readonly WordToken[], i: number, phrase: readonly string[]): Span | null {
  if (i + phrase.length > ws.length) return null;
  for (let k = 0; k < phrase.length; k++) if (ws[i + k].norm !== phrase[k]) return null;
  return { start: ws[i].start, end: ws[i + phrase.length - 1].end };
}

/** The machine words and stock phrases the detector lists, wherever they stand: what it marks. */
export function markedSpans(text: string): Span[] {
  const out: Span[] = [];
  const ws = words(text);
  for (let i = 0; i < ws.length; i++) {
    if (LISTED_WORDS.has(ws[i].norm)) out.push({ start: ws[i].start, end: ws[i].end });
    for (const p of PHRASES) {
      const m = matchAt(ws, i, p);
      if (m) out.push(m);
    }
  }
  return out;
}

/** Does [start, end) touch one of the sorted spans? */
export function touches(spans: readonly Span[], start: number, end: number): boolean {
  for (const s of spans) {
    if (s.start > end) break;
    if (s.end >= start) return true;
  }
  return false;
}
