/**
 * Optional revision by a local language model, behind the same contract as the rules engine
 * (docs/reviser.md, "Optional local model"). One request per section — a critical section, or a
 * paragraph of a whole document — with the signals the analysis found there, the mode, the
 * strength and the frozen terms (a section too long for the model's context goes in several
 * requests, cut at sentence ends). Each answer streams in (progress within the section) and is
 * checked before use (`llm-verify.ts`); a section whose answer fails a check, or whose request
 * fails, is revised by the rule engine instead and its changes carry a note saying so. A model
 * that cannot be used at all (nothing listens at the address, the address is not allowed, the
 * server does not know the model) fails the revision with `llm_unavailable`.
 */
import { InkproofError } from '../../src-shared/errors';
import { applyHunks } from '../../src-shared/hunks';
import type { ProgressMessage, RewriteOutput, SectionSignals } from '../../src-shared/tasks';
import { countWordTokens } from '../text/segment';
import { checkAborted, verifyRevision, type RewriteRequest } from './common';
import { diffPiece, summarize, type RawHunk } from './diff';
import { assertAllowedLlmEndpoint } from './endpoint';
import { LlmRequestError, streamChat, type LlmSettings } from './llm-client';
import {
  inputBudgetChars,
  LLM_PLACEHOLDER_RE,
  maskForModel,
  splitToBudget,
  systemPrompt,
  type MaskedPiece,
} from './llm-prompt';
import { checkAnswer } from './llm-verify';
import { findProtectedSpans, type ProtectedSpan } from './protect';
import { planSections, SectionProgress, type Section, type SectionHunk } from './sections';
import { planUnits, type Unit } from './units';

/** The rule engine (`rewriteWithRules` in index.ts), passed in so that this module does not import its caller. */
export type RulesEngine = (
  input: RewriteRequest,
  onProgress: (p: ProgressMessage) => void,
  signal?: AbortSignal,
) => Promise<RewriteOutput>;

/** The end of every fallback note. */
const FALLBACK = 'this section was revised by the rules instead.';

export function fallbackNote(what: string): string {
  return `${what}; ${FALLBACK}`;
}

interface SectionResult {
  hunks: SectionHunk[];
  additions: number;
  deletions: number;
}

export async function rewriteWithLlm(
  input: RewriteRequest,
  onProgress: (p: ProgressMessage) => void,
  signal: AbortSignal | undefined,
  rules: RulesEngine,
): Promise<RewriteOutput> {
  const { text, options, ranges } = input;
  const llm = input.llm;
  if (!llm || !llm.url.trim()) {
    throw new InkproofError(
      'llm_unavailable',
      'No local model is set up. Set its address and model in Settings, or use the built-in rules.',
    );
  }
  const allowList = llm.allowed_hosts ?? [];
  assertAllowedLlmEndpoint(llm.url, allowList);
  checkAborted(signal);
  const spans = protectedSpansForModel(text, options.frozen_terms);
  const plan = planUnits(text, ranges);
  const sections = planSections(plan, ranges, text.length);
  const progress = new SectionProgress(text, sections, onProgress);
  progress.start();

  let additions = 0;
  let deletions = 0;
  for (const section of sections) {
    checkAborted(signal);
    let done: SectionResult;
    try {
      done = await reviseSectionWithModel(text, section, spans, input, llm, allowList, progress, signal);
    } catch (e) {
      if (!(e instanceof LlmRequestError) || e.fatal) throw e;
      done = await reviseSectionWithRules(rules, input, section, fallbackNote(e.what), signal);
    }
    additions += done.additions;
    deletions += done.deletions;
    progress.sectionDone(done.hunks);
  }
  checkAborted(signal);
  const hunks = progress.hunks;
  const result = applyHunks(text, hunks, 'all');
  verifyRevision(text, result, spans, hunks, ranges);
  const diff_summary = summarize(countWordTokens(text), countWordTokens(result), additions, deletions);
  progress.finish();
  return { text: result, hunks, diff_summary, engine: `llm-${llm.kind}:${llm.model || 'default'}` };
}

/** Protected spans, plus any literal "[[P7]]" in the text, so that placeholders stay unambiguous. */
function protectedSpansForModel(text: string, frozen: readonly string[]): ProtectedSpan[] {
  const spans = findProtectedSpans(text, frozen);
  const literal: ProtectedSpan[] = [];
  for (const m of text.matchAll(LLM_PLACEHOLDER_RE))
    literal.push({ start: m.index, end: m.index + m[0].length, kind: 'symbol', text: m[0] });
  if (!literal.length) return spans;
  const out: ProtectedSpan[] = [];
  for (const s of [...spans, ...literal].sort((x, y) => x.start - y.start)) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
  }
  return out;
}

/** The analysis's signals for the part of the text a section covers. */
function signalsFor(section: Section, signals: readonly SectionSignals[] | undefined): string[] {
  const out: string[] = [];
  for (const s of signals ?? []) if (s.start < section.end && s.end > section.start) out.push(...s.labels);
  return out;
}

/** Requests for one section: pieces that fit the context, grouped while they fit together. */
function requestsFor(text: string, section: Section, spans: readonly ProtectedSpan[], budget: number): MaskedPiece[][] {
  const pieces: Unit[] = section.units.flatMap((u) => splitToBudget(text, u, budget));
  const requests: MaskedPiece[][] = [];
  let cur: MaskedPiece[] = [];
  let size = 0;
  for (const p of pieces) {
    const next = cur.length ? cur[cur.length - 1].first + cur[cur.length - 1].spans.length : 1;
    const masked = maskForModel(text, spans, p, next);
    // Nothing for a model to revise: only protected text and punctuation.
    if (!/\p{L}/u.test(masked.masked.replace(LLM_PLACEHOLDER_RE, ''))) continue;
    if (cur.length && size + masked.masked.length + 2 > budget) {
      requests.push(cur);
      const renumbered = maskForModel(text, spans, p, 1);
      cur = [renumbered];
      size = renumbered.masked.length;
      continue;
    }
    cur.push(masked);
    size += masked.masked.length + 2;
  }
  if (cur.length) requests.push(cur);
  return requests;
}

async function reviseSectionWithModel(
  text: string,
  section: Section,
  spans: readonly ProtectedSpan[],
  input: RewriteRequest,
  llm: LlmSettings,
  allowList: readonly string[],
  progress: SectionProgress,
  signal?: AbortSignal,
): Promise<SectionResult> {
  const { options } = input;
  const here = (kind: string) => [
    ...new Set(
      spans.filter((s) => s.kind === kind && s.start < section.end && s.end > section.start).map((s) => s.text),
    ),
  ];
  const system = systemPrompt({
    mode: options.mode,
    strength: options.strength,
    signals: signalsFor(section, input.signals),
    frozen: here('frozen'),
    terms: here('term'),
  });
  const requests = requestsFor(text, section, spans, inputBudgetChars(llm.context_tokens, system));
  const sectionChars = section.units.reduce((n, u) => n + u.end - u.start, 0) || 1;
  const out: SectionResult = { hunks: [], additions: 0, deletions: 0 };
  let charsDone = 0;
  for (const pieces of requests) {
    checkAborted(signal);
    const inputChars = pieces.reduce((n, p) => n + p.end - p.start, 0);
    const answer = await streamChat({
      llm,
      allowList,
      system,
      user: pieces.map((p) => p.masked).join('\n\n'),
      signal,
      maxAnswerChars: inputChars * 4 + 2000,
      // The answer is about as long as the text; its length so far is progress within the section.
      onText: (chars) => progress.within((charsDone + Math.min(inputChars, chars) * 0.98) / sectionChars, sectionChars),
    });
    const checked = checkAnswer(text, pieces, answer, options.mode, options.frozen_terms);
    if (!checked.ok) throw new LlmRequestError('llm_bad_response', checked.what, false);
    pieces.forEach((p, i) => {
      const before = text.slice(p.start, p.end);
      if (checked.texts[i] === before) return;
      const d = diffPiece(before, checked.texts[i], p.start);
      out.hunks.push(...(d.hunks as RawHunk[]));
      out.additions += d.additions;
      out.deletions += d.deletions;
    });
    charsDone += inputChars;
  }
  return out;
}

/** The rule engine on this section alone; its changes carry `note`. */
async function reviseSectionWithRules(
  rules: RulesEngine,
  input: RewriteRequest,
  section: Section,
  note: string,
  signal?: AbortSignal,
): Promise<SectionResult> {
  const r = await rules(
    {
      text: input.text,
      options: { ...input.options, engine: 'rules' },
      ranges: [{ start: section.start, end: section.end }],
      llm: null,
    },
    () => {},
    signal,
  );
  return {
    hunks: r.hunks.map(({ id: _id, before: _before, ...h }) => ({ ...h, note })),
    additions: r.diff_summary.additions,
    deletions: r.diff_summary.deletions,
  };
}
