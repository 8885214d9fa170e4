/**
 * The revision engine's entry point. Rules (default, offline) or a local LLM (optional), both
 * behind the same contract: protected spans masked before and verified after, only the requested
 * ranges touched, paragraph structure kept, progress per paragraph, a word-level diff as hunks.
 */
import { InkproofError } from '../../src-shared/errors';
import { rewriteOptionsSchema } from '../../src-shared/models';
import type { ProgressMessage, RewriteOutput } from '../../src-shared/tasks';
import { apostropheStyle, checkAborted, dashStyle, verifyRevision, type RewriteRequest } from './common';
import { countWordTokens, diffPiece, summarize, toHunks, type RawHunk } from './diff';
import { rewriteWithLlm } from './llm';
import { findProtectedSpans, maskRange, unmask } from './protect';
import { newState, reviseUnit } from './reviser';
import { planSections, SectionProgress } from './sections';
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

/**
 * Rule-based revision. Progress and partial results go section by section (`sections.ts`): each
 * finished section's changes travel with the progress message, with the ids they keep here.
 */
export async function rewriteWithRules(
  input: RewriteRequest,
  onProgress: (p: ProgressMessage) => void,
  signal?: AbortSignal,
): Promise<RewriteOutput> {
  const { text, options, ranges } = input;
  checkAborted(signal);
  const spans = findProtectedSpans(text, options.frozen_terms);
  const plan = planUnits(text, ranges);
  const progress = new SectionProgress(text, planSections(plan, ranges, text.length), onProgress);
  progress.start();
  const state = newState(options.mode, options.strength, apostropheStyle(text), dashStyle(text));
  let result = '';
  let pos = 0;
  const raw: RawHunk[] = [];
  let additions = 0;
  let deletions = 0;
  let lastYield = Date.now();
  for (const para of plan) {
    for (const u of para.units) {
      const { masked, spans: used } = maskRange(text, spans, u.start, u.end);
      state.spans = used;
      const revised = reviseUnit(masked, state);
      const restored = unmask(revised, used);
      const before = text.slice(u.start, u.end);
      const unitHunks: RawHunk[] = [];
      if (restored !== before) {
        result += text.slice(pos, u.start) + restored;
        pos = u.end;
        const d = diffPiece(before, restored, u.start);
        for (const h of d.hunks) unitHunks.push(h);
        additions += d.additions;
        deletions += d.deletions;
      }
      raw.push(...unitHunks);
      progress.unitDone(u, unitHunks);
      if (Date.now() - lastYield > 20) {
        // Let cancellation and progress messages through on long documents.
        await new Promise<void>((r) => setImmediate(r));
        checkAborted(signal);
        lastYield = Date.now();
      }
    }
  }
  checkAborted(signal);
  result += text.slice(pos);
  const hunks = toHunks(text, raw);
  verifyRevision(text, result, spans, hunks, ranges);
  const diff_summary = summarize(countWordTokens(text), countWordTokens(result), additions, deletions);
  progress.finish();
  return { text: result, hunks, diff_summary, engine: `${RULES_ENGINE}/${options.mode}-${options.strength}` };
}

/**
 * Revises `input.text`. Progress (integer 0–100, never backwards, ending at 100) is reported per
 * section (a critical section, or a paragraph of a whole document) and within long ones, with
 * each finished section's changes. Throws InkproofError: `invalid_input`,
 * `cancelled`, `protected_span_changed`, and for the LLM engine `llm_unavailable`,
 * `llm_bad_response` or `timeout`.
 */
export async function rewriteText(
  input: RewriteRequest,
  onProgress: (p: ProgressMessage) => void,
  signal?: AbortSignal,
): Promise<RewriteOutput> {
  validateOptions(input);
  if (input.options.engine === 'llm') return rewriteWithLlm(input, onProgress, signal, rewriteWithRules);
  return rewriteWithRules(input, onProgress, signal);
}
