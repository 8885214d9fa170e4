/**
 * Checks a local model's answer for one request before any of it is used. The answer must have
 * one paragraph per piece sent; in each, every placeholder back once and in order (the protected
 * text is then put back byte for byte), every frozen or defined term still there, no new number, date,
 * amount, citation or address, every name and every negation of the original kept and no new
 * name, a length within bounds for the mode; and the answer must still be English. The first
 * failed check is returned as a clause for the hunk's note ("The local model's answer changed a
 * number"); the engine then revises the section with the rules instead.
 */
import type { RewriteMode } from '../../src-shared/models';
import { sentences, words } from '../text/segment';
import { englishFunctionWordShare } from './english';
import { LLM_PLACEHOLDER_RE, type MaskedPiece } from './llm-prompt';
import { describeKind, findProtectedSpans, verifyProtected, type ProtectedSpan, type SpanKind } from './protect';

export type AnswerCheck = { ok: true; texts: string[] } | { ok: false; what: string };

/** Words after / words before, per piece; beyond these the model dropped or invented content. */
const LENGTH_BOUNDS: Record<RewriteMode, { min: number; max: number }> = {
  standard: { min: 0.5, max: 1.6 },
  formal: { min: 0.5, max: 1.7 },
  academic: { min: 0.5, max: 1.7 },
  casual: { min: 0.5, max: 1.6 },
  concise: { min: 0.35, max: 1.2 },
};
/** Slack in words, so that a short piece is not judged by a ratio of small numbers. */
const LENGTH_SLACK = 2;

/** Kinds of protected text the model must not add: facts and sources. */
const FACT_KINDS = new Set<SpanKind>(['number', 'percentage', 'currency', 'date', 'citation', 'url', 'email', 'doi']);

const NEGATION =
  /\b(?:not|no|never|nor|neither|none|nobody|nothing|nowhere|cannot|without|hardly|barely|scarcely)\b|n['’]t\b/gi;

const answer = (clause: string) => `The local model's answer ${clause}`;

/** Cleans a model's answer: code fences around it, Windows line ends, surrounding whitespace. */
export function cleanAnswer(s: string): string {
  let t = s.replace(/\r\n/g, '\n').trim();
  const fence = /^```[^\n]*\n([\s\S]*?)\n```$/.exec(t);
  if (fence) t = fence[1].trim();
  return t;
}

function splitParagraphs(s: string): string[] {
  return (
    s
      .split(/\n[ \t]*\n+/)
      // Lines joined with one space, each trimmed: a regular expression "\s*\n\s*" backtracked
      // through a garbage answer's long runs of blanks from each of them.
      .map((p) =>
        p
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line.length > 0)
          .join(' '),
      )
      .filter((p) => p.length > 0)
  );
}

export function checkAnswer(
  original: string,
  pieces: readonly MaskedPiece[],
  rawAnswer: string,
  mode: RewriteMode,
  frozenTerms: readonly string[],
): AnswerCheck {
  let paras = splitParagraphs(cleanAnswer(rawAnswer));
  // One piece answered as several paragraphs is still one piece.
  if (pieces.length === 1 && paras.length > 1) paras = [paras.join(' ')];
  if (paras.length !== pieces.length) return { ok: false, what: answer('merged or split paragraphs') };
  const languageProblem = notEnglish(pieces.map((p) => original.slice(p.start, p.end)).join(' '), paras.join(' '));
  if (languageProblem) return { ok: false, what: answer(languageProblem) };
  const texts: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    const before = original.slice(piece.start, piece.end);
    const added = addedFact(paras[i], frozenTerms);
    const restored = restorePlaceholders(paras[i], piece, added !== null);
    if (typeof restored !== 'string') return restored;
    const problem =
      readableProblem(restored, piece.readable) ??
      (added ? `added ${describeKind(added.kind)} that is not in your text` : null) ??
      nameProblem(piece.masked, paras[i]) ??
      negationProblem(before, restored) ??
      lengthProblem(before, restored, mode);
    if (problem) return { ok: false, what: answer(problem) };
    texts.push(restored);
  }
  return { ok: true, texts };
}

/** Puts the protected text back; every placeholder must come back exactly once and in order. */
function restorePlaceholders(
  revised: string,
  piece: MaskedPiece,
  somethingAdded: boolean,
): string | { ok: false; what: string } {
  let expected = piece.first;
  let failure: { span: ProtectedSpan; how: 'changed' | 'dropped' | 'repeated' | 'moved' } | null = null;
  const out = revised.replace(LLM_PLACEHOLDER_RE, (m, d: string) => {
    if (failure) return m;
    const n = Number(d);
    const span = piece.spans[n - piece.first];
    if (!span) failure = { span: piece.spans[expected - piece.first] ?? piece.spans[0], how: 'changed' };
    else if (n < expected) failure = { span, how: 'repeated' };
    else if (n > expected) failure = { span: piece.spans[expected - piece.first], how: 'moved' };
    else expected++;
    return span ? span.text : m;
  });
  if (!failure && expected - piece.first !== piece.spans.length) {
    const span = piece.spans[expected - piece.first];
    // A placeholder gone and a new number (or date, …) in the answer: the model wrote it its own way.
    const how = somethingAdded ? 'changed' : 'dropped';
    failure = { span, how };
  }
  if (failure) {
    const { span, how } = failure as { span: ProtectedSpan | undefined; how: string };
    return { ok: false, what: answer(span ? `${how} ${describeKind(span.kind)}` : 'changed protected text') };
  }
  return out;
}

/** A readable span (a frozen term, a defined term) missing from the answer, in words. */
function readableProblem(restored: string, readable: readonly ProtectedSpan[]): string | null {
  for (const kind of ['frozen', 'term'] as const) {
    try {
      verifyProtected(
        restored,
        readable.filter((s) => s.kind === kind),
      );
    } catch {
      return `changed ${describeKind(kind)}`;
    }
  }
  return null;
}

/** A number, date, amount, citation or address in the answer (outside placeholders and frozen terms): it is new. */
function addedFact(masked: string, frozenTerms: readonly string[]): ProtectedSpan | null {
  // Placeholders become a private-use character, which protect.ts marks as a mere symbol.
  const plain = masked.replace(LLM_PLACEHOLDER_RE, '\uE000');
  return findProtectedSpans(plain, frozenTerms).find((sp) => FACT_KINDS.has(sp.kind)) ?? null;
}

/** Names: capitalised words that do not start a sentence (and "I" aside). */
function namesIn(text: string): Set<string> {
  const out = new Set<string>();
  const starts = new Set(sentences(text).map((s) => s.start));
  for (const w of words(text)) {
    if (starts.has(w.start) || w.text === 'I' || !/^[A-Z]/.test(w.text)) continue;
    // Placeholders are "[[P3]]": their letter is not a name.
    if (text[w.start - 1] === '[' || /^P\d+$/.test(w.text)) continue;
    out.add(w.text);
  }
  return out;
}

function nameProblem(maskedBefore: string, maskedAfter: string): string | null {
  const after = new Set(words(maskedAfter).map((w) => w.text));
  for (const name of namesIn(maskedBefore)) if (!after.has(name)) return `dropped the name “${name}”`;
  const known = new Set(words(maskedBefore).map((w) => w.norm));
  for (const name of namesIn(maskedAfter))
    if (!known.has(name.toLowerCase().replace(/’/g, "'"))) return 'added a name that is not in your text';
  return null;
}

function negationProblem(before: string, after: string): string | null {
  // "not only … but also" is a formula to undo, not a negation.
  const count = (s: string) => (s.replace(/\bnot\s+only\b/gi, '').match(NEGATION) ?? []).length;
  return count(after) < count(before) ? 'dropped a negation' : null;
}

function lengthProblem(before: string, after: string, mode: RewriteMode): string | null {
  const a = words(before).length;
  const b = words(after).length;
  const { min, max } = LENGTH_BOUNDS[mode];
  if (b < a * min - LENGTH_SLACK) return 'was much shorter than the text';
  if (b > a * max + LENGTH_SLACK) return 'was much longer than the text';
  return null;
}

/**
 * English prose is about a third function words ("the", "of", "we", …); another language has
 * few of them. An answer with far fewer than the original is not English. (A language detector
 * cannot judge the short sections a revision sends.)
 */
function notEnglish(before: string, after: string): string | null {
  const was = englishFunctionWordShare(before);
  const is = englishFunctionWordShare(after);
  if (was.words < 5 || was.share < 0.15 || is.words < 3) return null;
  return is.share < was.share * 0.4 ? 'was not in English' : null;
}
