/** How the command line puts a detector's result into words. */
import type { AnalysisResult, Verdict } from '../../src-shared/models';

export const VERDICT_WORDS: Record<Verdict, string> = {
  ai: 'AI-generated',
  mixed: 'mixed: both AI-generated and human-written passages',
  human: 'human-written',
  uncertain: 'uncertain',
  too_short: 'too short to judge',
  unsupported_language: 'language not supported',
};

/** "97.3% (AI-generated)", or "not scored (too short to judge)". */
export function describeScore(r: Pick<AnalysisResult, 'ai_confidence' | 'verdict'>): string {
  const verdict = r.verdict === 'mixed' ? 'mixed' : VERDICT_WORDS[r.verdict];
  return r.ai_confidence === null ? `not scored (${verdict})` : `${r.ai_confidence.toFixed(1)}% (${verdict})`;
}
