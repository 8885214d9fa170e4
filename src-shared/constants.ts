/**
 * Lists and limits that every process shares, the interface included, as plain values with no
 * dependency: models.ts builds its zod schemas from them, and the renderer imports them from here
 * (importing models.ts's values would bundle zod into the page).
 */

/**
 * The styles a revision can be written in. `casual`: contractions, shorter sentences, plain words;
 * `formal`: no contractions, precise vocabulary; `academic`: formal, with hedges where a claim is
 * stated more strongly than a paper would; `concise`: shorter — filler, comment tails, wordy
 * phrases and points made twice cut.
 */
export const REWRITE_MODES = ['standard', 'formal', 'casual', 'academic', 'concise'] as const;

export const JOB_TYPES = ['analyze', 'rewrite', 'validate'] as const;

export const LLM_KINDS = ['openai', 'ollama'] as const;

/**
 * The fewest words the detector scores: a text with fewer is `too_short` (no score). Shared so
 * that the interface can say how many words a text needs before it is checked.
 */
export const MIN_SCORED_WORDS = 50;

/**
 * A sentence scoring at least this (percent) reads as AI-generated: the document view shades it
 * so, and a revision of a mixed document revises it even outside the AI passages.
 */
export const SENTENCE_READS_AS_AI = 80;
