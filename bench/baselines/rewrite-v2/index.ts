/**
 * rules-v2, frozen: the rule-based reviser as it was before rules-v3, kept byte for byte (only
 * import paths changed) so that `bench/rewrite.ts` and `scripts/eval-rewrite.ts --engine v2` can
 * measure the current reviser against it in the same run. Not used by the product.
 */
import type { RewriteOptions } from '../../../src-shared/models';
import type { ProgressMessage, RewriteOutput } from '../../../src-shared/tasks';
import { apostropheStyle, checkAborted, dashStyle, ProgressReporter, verifyRevision } from './common';
import { countWordTokens, diffPiece, summarize, toHunks, type RawHunk } from './diff';
import type { RewriteMode } from './mode';
import { findProtectedSpans, maskRange, unmask } from './protect';
import { newState, reviseUnit } from './reviser';
// The v2 segmentation is frozen once, with the v2 detector.
import { countWords } from '../detector-v2/segment';
import { planUnits } from './units';

export const RULES_V2_ENGINE = 'rules-v2';

/** The rules-v2 revision of `text` (a mode rules-v2 did not know falls back to standard). */
export async function rewriteV2(
  text: string,
  options: RewriteOptions,
  ranges: { start: number; end: number }[] | null,
  onProgress: (p: ProgressMessage) => void,
  signal?: AbortSignal,
): Promise<RewriteOutput> {
  const mode: RewriteMode = options.mode === 'academic' ? 'formal' : (options.mode as RewriteMode);
  checkAborted(signal);
  const reporter = new ProgressReporter(onProgress, 50);
  reporter.report(0, 0, true);
  const spans = findProtectedSpans(text, options.frozen_terms);
  const plan = planUnits(text, ranges);
  const state = newState(mode, options.strength, apostropheStyle(text), dashStyle(text));
  const total = Math.max(1, text.length);
  let result = '';
  let pos = 0;
  const raw: RawHunk[] = [];
  let additions = 0;
  let deletions = 0;
  let wordsDone = 0;
  let lastYield = Date.now();
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
  return { text: result, hunks, diff_summary, engine: `${RULES_V2_ENGINE}/${mode}-${options.strength}` };
}
