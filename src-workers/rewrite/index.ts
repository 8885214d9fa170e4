/**
 * The revision engine's entry point. Rules (default, offline) or a local LLM (optional), both
 * behind the same contract: protected spans masked before and verified after, only the requested
 * ranges touched, paragraph structure kept, progress per paragraph, a word-level diff as hunks.
 */
import { InkproofError } from '../../src-shared/errors';
import { rewriteOptionsSchema } from '../../src-shared/models';
import type { ProgressMessage, RewriteOutput } from '../../src-shared/tasks';
import type { RewriteRequest } from './common';
import { rewriteWithLlm } from './llm';
import { reviseDocument } from './rules';

export { RULES_ENGINE } from './rules';
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
 * Rule-based revision (rules.ts). Progress and partial results go section by section
 * (`sections.ts`): each finished section's changes travel with the progress message, with the
 * ids they keep in the result.
 */
export function rewriteWithRules(
  input: RewriteRequest,
  onProgress: (p: ProgressMessage) => void,
  signal?: AbortSignal,
): Promise<RewriteOutput> {
  return reviseDocument(input, onProgress, signal);
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
