/**
 * Lists the views offer. They mirror src-shared/models.ts, which also holds zod schemas the
 * renderer does not need: importing its values would bundle zod into the page.
 */
import type { JobType, RewriteMode, Settings } from '../../src-shared/models';

export const REWRITE_MODES: readonly RewriteMode[] = ['standard', 'formal', 'casual', 'concise'];
export const JOB_TYPES: readonly JobType[] = ['analyze', 'rewrite', 'validate'];
export const LLM_KINDS: readonly Settings['llm']['kind'][] = ['openai', 'ollama'];

/** The detector scores texts of at least this many words (shorter ones are `too_short`). */
export const MIN_SCORED_WORDS = 150;

/** What a document or a revision can be exported as (the exportDocument command's formats). */
export type ExportFormat = 'txt' | 'md' | 'docx';
