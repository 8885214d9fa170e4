/**
 * What a result says, in words and one colour that always agree: the verdict, the share of the
 * text judged AI and in how many passages, the probability rounded to what the model can tell
 * (no "100.0 %"), why a result is uncertain, and why a text has no score.
 */
import type { DocumentDetail, Explanation, Verdict } from '../../src-shared/models';
import { MIN_SCORED_WORDS } from '../../src-shared/constants';
import { isNote } from './signals';
import { countWords } from './words';

/** The colour family of a verdict: the number, the chip, the bar and the card's edge all use it. */
export type Tone = 'ai' | 'mixed' | 'human' | 'neutral';

export const VERDICT_TONE: Record<Verdict, Tone> = {
  ai: 'ai',
  mixed: 'mixed',
  human: 'human',
  uncertain: 'neutral',
  too_short: 'neutral',
  unsupported_language: 'neutral',
};

/** Short names, for chips and headings. */
export const VERDICT_SHORT: Record<Verdict, string> = {
  ai: 'AI',
  mixed: 'Mixed',
  human: 'Human',
  uncertain: 'Uncertain',
  too_short: 'Too short',
  unsupported_language: 'Not English',
};

/** "88%", ">99%", "<1%": a calibrated probability, without false precision. */
export function roundedPercent(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  if (p >= 99.5) return '>99%';
  if (p < 0.5) return '<1%';
  return `${Math.round(p)}%`;
}

/** A share (0–1) as a whole percent. */
export function sharePercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** The language named in a language note ("… (fra) …"), in English, or null. */
export function languageName(notes: readonly Explanation[]): string | null {
  for (const n of notes) {
    const m = /\(([a-z]{2,3})\)/.exec(n.label);
    if (n.signal === 'language' && m) {
      try {
        const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(m[1]);
        if (name && name !== m[1]) return name;
      } catch {
        /* an unknown code */
      }
    }
  }
  return null;
}

/** The share of words in critical sections: what stands in for `ai_share` when the detector gives none. */
export function shareFromSections(
  doc: Pick<DocumentDetail, 'text' | 'critical_sections' | 'word_count'>,
): number | null {
  if (!doc.text || !doc.word_count) return null;
  let words = 0;
  for (const s of doc.critical_sections) words += countWords(doc.text.slice(s.start, s.end));
  return Math.min(1, words / doc.word_count);
}

export interface VerdictText {
  verdict: Verdict;
  tone: Tone;
  /** "Mixed", "Likely AI", … */
  title: string;
  /** "49% of the text reads as AI-generated, in 10 passages". */
  summary: string;
  /** "Probability that the text as a whole is AI-generated: 88%", or null when not scored. */
  probability: string | null;
  share: number | null;
  /** Why the result is uncertain, or why there is no score. */
  why: string | null;
}

const TITLE: Record<Verdict, string> = {
  ai: 'Likely AI',
  mixed: 'Mixed',
  human: 'Likely human',
  uncertain: 'Uncertain',
  too_short: 'Too short',
  unsupported_language: 'Not English',
};

function passages(n: number): string {
  return `${n} passage${n === 1 ? '' : 's'}`;
}

export function verdictText(
  doc: Pick<
    DocumentDetail,
    'verdict' | 'ai_confidence' | 'ai_share' | 'word_count' | 'text' | 'critical_sections' | 'explanations'
  >,
): VerdictText | null {
  const verdict = doc.verdict;
  if (!verdict) return null;
  const notes = (doc.explanations ?? []).filter(isNote);
  const n = doc.critical_sections.length;
  const share = doc.ai_share ?? (doc.ai_confidence === null ? null : shareFromSections(doc));
  const words = doc.word_count ?? 0;
  const shareLine =
    share === null
      ? ''
      : share === 0 || n === 0
        ? // The detector can judge a text AI as a whole without any one passage standing out.
          verdict === 'ai'
          ? 'The text as a whole reads as AI-generated; no single passage stands out'
          : 'No passage reads as AI-generated'
        : `${sharePercent(share)} of the text reads as AI-generated, in ${passages(n)}`;
  const probability =
    doc.ai_confidence === null
      ? null
      : `Probability that the text as a whole is AI-generated: ${roundedPercent(doc.ai_confidence)}`;
  let summary = shareLine;
  let why: string | null = null;
  if (verdict === 'too_short') {
    summary = `${words} word${words === 1 ? '' : 's'}: too few to judge`;
    why = `Inkproof scores texts of at least ${MIN_SCORED_WORDS} words; below that, the signals are too weak to tell a person from a model.`;
  } else if (verdict === 'unsupported_language') {
    const lang = languageName(notes);
    summary = lang ? `This text seems to be in ${lang}` : 'This text does not seem to be in English';
    why = 'Inkproof scores English text only, so this one has no score. Nothing is wrong with the file.';
  } else if (verdict === 'uncertain') {
    const towardsAi = (doc.explanations ?? []).filter((e) => !isNote(e) && e.direction === 'ai').length;
    const towardsHuman = (doc.explanations ?? []).filter((e) => !isNote(e) && e.direction === 'human').length;
    if (words > 0 && words < 2 * MIN_SCORED_WORDS)
      why = `At ${words} words the evidence is thin: scores of short texts swing easily, so no call is made.`;
    else if (towardsAi > 0 && towardsHuman > 0)
      why =
        'Its signals point both ways — some towards AI, some towards a human writer — and neither side is strong enough for a call.';
    else
      why = `The probability (${roundedPercent(doc.ai_confidence)}) is too close to the middle for a call either way.`;
    if (!summary) summary = 'The evidence points neither way clearly';
  }
  return { verdict, tone: VERDICT_TONE[verdict], title: TITLE[verdict], summary, probability, share, why };
}

/** One line for a chip's tooltip, a toast or an announcement. */
export function verdictLine(doc: Parameters<typeof verdictText>[0]): string {
  const v = verdictText(doc);
  if (!v) return '';
  return v.summary ? `${v.title} — ${v.summary}` : v.title;
}
