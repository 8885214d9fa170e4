/**
 * The revision engine's entry point. Rules (default, offline) or a local LLM (optional), both
 * behind the same contract: protected spans masked before and verified after, only the requested
 * ranges touched, paragraph structure kept, progress per paragraph, a word-level diff as hunks.
 */
import { InkproofError } from '../../src-shared/errors';
import { rewriteOptionsSchema } from '../../src-shared/models';
import type { ProgressMessage, RewriteOutput } from '../../src-shared/tasks';
import {
  apostropheStyle,
  checkAborted,
  dashStyle,
  ProgressReporter,
  verifyRevision,
  type RewriteRequest,
} from './common';
import { countWordTokens, diffPiece, summarize, toHunks, type RawHunk } from './diff';
import { rewriteWithLlm } from './llm';
import { findProtectedSpans, maskRange, unmask } from './protect';
import { newState, reviseUnit } from './reviser';
import { countWords } from '../text/segment';
import { planUnits } from './units';

export const RULES_ENGINE = 'rules-v2';
export type { RewriteRequest };

export function validateOptions(input: RewriteRequest): void {
  const parsed = rewriteOptionsSchema.safeParse(input.options);
  if (!parsed.success) {
    throw new InkproofError('invalid_input', 'The revision options are not valid.', {
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
  }
  if (typeof input.text !== 'string') throw new InkproofError('invalid_input', 'There is no text to revise.');
}

/** Rule-based revision. */
export async function rewriteWithRules(
  input: RewriteRequest,
  onProgress: (p: ProgressMessage) => void,
  signal?: AbortSignal,
): Promise<RewriteOutput> {
  const { text, options, ranges } = input;
  checkAborted(signal);
  const reporter = new ProgressReporter(onProgress, 50);
  reporter.report(0, 0, true);
  const spans = findProtectedSpans(text, options.frozen_terms);
  const plan = planUnits(text, ranges);
  const state = newState(options.mode, options.strength, apostropheStyle(text), dashStyle(text));
  const total = Math.max(1, text.length);
  let result = '';
  let pos = 0;
  const raw: RawHunk[] = [];
  let additions = 0;
  let deletions = 0;
  let wordsDone = 0;
  let lastYield = Date.now();
  // Progress runs to 99 over the paragraphs (revision and diff); 100 comes after the final checks.
  const fraction = (at: number) => Math.min(0.99, at / total);
  for (const para of plan) {
    for (const u of para.units) {
      const { masked, spans: used } = maskRange(text, spans, u.start, u.end);
      state.spans = used;
      const revised = reviseUnit(masked, state);
      const restored = unmask(revised, used);
      const before = text.slice(u.start, u.end);
      if (restored !== before) {
        result += text.slice(pos, u.start) + restored;
        pos = u.end;
        const d = diffPiece(before, restored, u.start);
        for (const h of d.hunks) raw.push(h);
        additions += d.additions;
        deletions += d.deletions;
      }
      if (Date.now() - lastYield > 20) {
        // Let cancellation and progress messages through on long documents.
        reporter.report(fraction(u.end), wordsDone + countWords(text.slice(para.start, u.end)));
        await new Promise<void>((r) => setImmediate(r));
        checkAborted(signal);
        lastYield = Date.now();
      }
    }
    wordsDone += countWords(text.slice(para.start, para.end));
    reporter.report(fraction(para.end), wordsDone);
  }
  checkAborted(signal);
  result += text.slice(pos);
  const hunks = toHunks(text, raw);
  verifyRevision(text, result, spans, hunks, ranges);
  const diff_summary = summarize(countWordTokens(text), countWordTokens(result), additions, deletions);
  reporter.finish(wordsDone);
  return { text: result, hunks, diff_summary, engine: `${RULES_ENGINE}/${options.mode}-${options.strength}` };
}

/**
 * Revises `input.text`. Progress (integer 0–100, never backwards, ending at 100) is reported per
 * paragraph and, on long paragraphs, within them. Throws InkproofError: `invalid_input`,
 * `cancelled`, `protected_span_changed`, and for the LLM engine `llm_unavailable`,
 * `llm_bad_response` or `timeout`.
 */
export async function rewriteText(
  input: RewriteRequest,
  onProgress: (p: ProgressMessage) => void,
  signal?: AbortSignal,
): Promise<RewriteOutput> {
  validateOptions(input);
  if (input.options.engine === 'llm') return rewriteWithLlm(input, onProgress, signal);
  return rewriteWithRules(input, onProgress, signal);
}
