/**
 * Lists the views offer. They mirror src-shared/models.ts, which also holds zod schemas the
 * renderer does not need: importing its values would bundle zod into the page.
 */
import type { JobType, RewriteMode, Settings } from '../../src-shared/models';

export const REWRITE_MODES = [
  'standard',
  'formal',
  'casual',
  'academic',
  'concise',
] as const satisfies readonly RewriteMode[];
// Fails to compile when src-shared/models.ts gains a mode this list lacks.
const _everyMode: Record<Exclude<RewriteMode, (typeof REWRITE_MODES)[number]>, never> = {};
void _everyMode;
export const JOB_TYPES: readonly JobType[] = ['analyze', 'rewrite', 'validate'];
export const LLM_KINDS: readonly Settings['llm']['kind'][] = ['openai', 'ollama'];

/** What a document or a revision can be exported as (the exportDocument command's formats). */
export type ExportFormat = 'txt' | 'md' | 'docx';
