/**
 * What the local model is sent for one section: a system prompt with the mode, the strength, the
 * signals the analysis found in that section, the user's frozen terms and the terms the text
 * defines with their abbreviation, and the section's text with every protected span but those
 * terms replaced by a placeholder ([[P1]], [[P2]], …) the model is told to copy. The terms stay
 * readable (they are often what the sentence is about) and are checked afterwards like every
 * other protected span.
 */
import type { RewriteMode } from '../../src-shared/models';
import { sentences } from '../text/segment';
import type { ProtectedSpan, SpanKind } from './protect';
import type { Unit } from './units';

export const LLM_PLACEHOLDER_RE = /\[\[P(\d+)\]\]/g;

/** Tokens are estimated as characters / 4. */
export function estimateTokens(s: string): number {
  return Math.ceil(s.length / 4);
}

const MODE_TEXT: Record<RewriteMode, string> = {
  standard: 'Use a natural, neutral tone.',
  formal: 'Use a formal tone and precise words. Do not use contractions.',
  casual: 'Use a relaxed, conversational tone, plain words and shorter sentences; contractions are welcome.',
  academic:
    'Use an academic tone and precise words. Do not use contractions. Where a claim is stated more strongly than the evidence allows, hedge it.',
  concise: 'Make it at least 15% shorter: cut filler words, redundancy and empty phrases, but keep every point.',
};
const STRENGTH_TEXT: Record<number, string> = {
  1: 'Change as little as possible: only the most obviously machine-like words and phrases.',
  2: 'Edit moderately: plainer words, fewer formulaic transitions, more varied sentence length.',
  3: 'Rewrite freely, sentence by sentence, while keeping the meaning.',
};

/** Most signals listed per request: the strongest come first in an analysis. */
const MAX_SIGNALS = 8;

export interface PromptContext {
  mode: RewriteMode;
  strength: number;
  /** What the analysis found in this section, in words. */
  signals: readonly string[];
  /** The user's frozen terms that occur in this section. */
  frozen: readonly string[];
  /** Terms the text defines with their abbreviation that occur in this section ("large language models (LLMs)"). */
  terms?: readonly string[];
}

export function systemPrompt(ctx: PromptContext): string {
  const lines = [
    'You are a careful human editor. Rewrite the text the user sends so that it reads as plain, natural writing by a person:',
    'replace words language models overuse (delve, crucial, pivotal, tapestry, testament, foster, leverage, showcase, intricate, ...),',
    'drop formulaic openers and closers ("In conclusion,", "Furthermore,", "It is important to note that"), and vary sentence length.',
    "Where it reads better, reorder the sentences within a paragraph (for example, lead with the paragraph's point); never move a sentence to another paragraph, nor one holding a [[P1]]-style token.",
    `${MODE_TEXT[ctx.mode]} ${STRENGTH_TEXT[ctx.strength] ?? STRENGTH_TEXT[2]}`,
  ];
  const signals = [...new Set(ctx.signals)].slice(0, MAX_SIGNALS);
  if (signals.length) {
    lines.push('A detector found these signs of machine writing in this text; fix them:');
    for (const s of signals) lines.push(`- ${s}`);
  }
  if (ctx.frozen.length) {
    lines.push(
      `The author froze these terms: keep each exactly as written, every time it occurs: ${ctx.frozen.map((t) => `"${t}"`).join(', ')}.`,
    );
  }
  if (ctx.terms?.length) {
    lines.push(
      `These are terms of the field, as the text defines them: keep each exactly as written: ${ctx.terms.map((t) => `"${t}"`).join(', ')}.`,
    );
  }
  lines.push(
    'Rules:',
    '1. Tokens such as [[P1]] stand for protected text (numbers, dates, quotations, citations, code, web addresses). Copy every one exactly, once each, in the same order. Never change, drop, add or split them.',
    '2. Keep the meaning and every fact. Keep every name and every negation. Do not add facts, numbers, names, examples or opinions.',
    '3. The text has paragraphs separated by blank lines. Answer with exactly the same number of paragraphs, separated by blank lines, in the same order.',
    '4. Answer with the rewritten text only: no preamble, no notes, no quotation marks or code fences around it.',
  );
  return lines.join('\n');
}

/** Input budget in characters for one request: what is left of the context after the prompt and room for the answer. */
export function inputBudgetChars(contextTokens: number, prompt: string): number {
  const promptTokens = estimateTokens(prompt) + 32;
  // The answer needs about as many tokens as the input, plus some slack.
  const inputTokens = Math.floor((contextTokens - promptTokens) / 2.25);
  return Math.max(200, inputTokens * 4);
}

/** A piece of a section as the model sees it. */
export interface MaskedPiece extends Unit {
  masked: string;
  /** Spans replaced by placeholders, numbered first, first+1, …. */
  spans: ProtectedSpan[];
  first: number;
  /** Spans left readable in the piece: frozen terms and terms the text defines (checked afterwards). */
  readable: ProtectedSpan[];
}

const READABLE_KINDS: ReadonlySet<SpanKind> = new Set<SpanKind>(['frozen', 'term']);

export function maskForModel(text: string, spans: readonly ProtectedSpan[], piece: Unit, first: number): MaskedPiece {
  let masked = '';
  let pos = piece.start;
  const used: ProtectedSpan[] = [];
  const readable: ProtectedSpan[] = [];
  for (const sp of spans) {
    if (sp.end <= piece.start) continue;
    if (sp.start >= piece.end) break;
    const s = Math.max(sp.start, piece.start);
    const e = Math.min(sp.end, piece.end);
    const part = s === sp.start && e === sp.end ? sp : { start: s, end: e, kind: sp.kind, text: text.slice(s, e) };
    // Words the model must read to rewrite the sentence around them: left as they are, listed
    // in the prompt, and checked in the answer.
    if (READABLE_KINDS.has(sp.kind)) {
      readable.push(part);
      continue;
    }
    masked += text.slice(pos, s) + `[[P${first + used.length}]]`;
    used.push(part);
    pos = e;
  }
  masked += text.slice(pos, piece.end);
  return { start: piece.start, end: piece.end, masked, spans: used, first, readable };
}

/**
 * Cuts a unit longer than `maxChars` at sentence ends into pieces of at most `maxChars` where the
 * sentences allow (a single longer sentence stays whole). The pieces keep their offsets; the
 * spaces between them are not part of any piece.
 */
export function splitToBudget(text: string, unit: Unit, maxChars: number): Unit[] {
  if (unit.end - unit.start <= maxChars) return [unit];
  const out: Unit[] = [];
  let cur: Unit | null = null;
  for (const s of sentences(text.slice(unit.start, unit.end))) {
    const start = unit.start + s.start;
    const end = unit.start + s.end;
    if (cur && end - cur.start > maxChars) {
      out.push(cur);
      cur = null;
    }
    cur = cur ? { start: cur.start, end } : { start, end };
  }
  if (cur) out.push(cur);
  return out;
}
