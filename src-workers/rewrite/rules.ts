/**
 * The rule engine over a whole document: protected spans masked, each editable unit revised
 * (reviser.ts), the changes diffed into hunks that each say what they address, every hunk checked
 * by the meaning guard (guard.ts), and — when the whole text is revised — never a higher score
 * from the detector than the text had, and, if it judges the text human-written, only what it
 * flags kept (judge.ts). The final checks (protected spans byte for byte, paragraph structure,
 * ranges) run on the result.
 */
import type { RewriteMode, Span } from '../../src-shared/models';
import type { ProgressMessage, RewriteOutput } from '../../src-shared/tasks';
import { countWordTokens, sentenceSpans, words } from '../text/segment';
import { apostropheStyle, checkAborted, verifyRevision, type RewriteRequest } from './common';
import { diffPiece, summarize, toHunks, type RawHunk } from './diff';
import { readsAsEnglish } from './english';
import { makeGuard, type Guard } from './guard';
import { planSections, SectionProgress } from './sections';
import { DEFAULT_THRESHOLD, detectorScore } from '../detect/index';
import { asProse, judge, proseScore, touches, type Judgement } from './judge';
import { insertableWords } from './lexicon';
import { findProtectedSpans, maskRange, unmask, type ProtectedSpan } from './protect';
import { REASONS, STOCK_REASONS, type Reason } from './reasons';
import { newState, reviseUnit } from './reviser';
import type { Tok } from './tokens';
import { planUnits } from './units';
import { set } from './wordsets';

export const RULES_ENGINE = 'rules-v3';

interface Mark {
  start: number;
  end: number;
  /** One reason, or several joined by "; ". */
  reason: string;
  /** From a token of an edit whose pieces stand or fall together (`Tok.joint`). */
  joint?: boolean;
}

/**
 * The revised unit as text (placeholders put back; throws `protected_span_changed` if one moved,
 * vanished or repeated) and where each edit's tokens stand in it.
 */
function render(toks: readonly Tok[], spans: readonly ProtectedSpan[]): { text: string; marks: Mark[] } {
  let masked = '';
  for (const t of toks) masked += t.text;
  const text = unmask(masked, spans);
  const marks: Mark[] = [];
  let at = 0;
  for (const t of toks) {
    const len = t.kind === 'placeholder' ? spans[Number(t.text.slice(1, -1))].text.length : t.text.length;
    const joint = t.joint === true;
    if (t.removedBefore) marks.push({ start: at, end: at, reason: t.removedBefore, joint });
    if (t.reason) marks.push({ start: at, end: at + len, reason: t.reason, joint });
    if (joint && !t.reason && !t.removedBefore) marks.push({ start: at, end: at + len, reason: '', joint });
    at += len;
    if (t.removedAfter) marks.push({ start: at, end: at, reason: t.removedAfter });
  }
  return { text, marks };
}

/** The reasons of the edits behind a hunk whose new text stands at [at, at + length) of the unit. */
function reasonOf(marks: readonly Mark[], at: number, length: number): string {
  const from = at - 1;
  const to = at + length + 1;
  const found: string[] = [];
  for (const m of marks) {
    if (m.end < from || m.start > to) continue;
    for (const r of m.reason.split('; ')) if (r && !found.includes(r)) found.push(r);
  }
  return found.length ? found.join('; ') : REASONS.reworded;
}

function apply(text: string, hunks: readonly RawHunk[]): string {
  let out = '';
  let pos = 0;
  for (const h of hunks) {
    out += text.slice(pos, h.start) + h.after;
    pos = h.end;
  }
  return out + text.slice(pos);
}

/** Whether a hunk whose new text stands at [at, at + length) holds a piece of a joint edit. */
function jointAt(marks: readonly Mark[], at: number, length: number): boolean {
  return marks.some((m) => m.joint && m.end >= at - 1 && m.start <= at + length + 1);
}

/** Edits that move words: their hunks only make sense together, so a sentence's hunks become one. */
const MOVES: ReadonlySet<string> = new Set<Reason>([
  REASONS.active,
  REASONS.reorder,
  REASONS.notOnly,
  REASONS.contrast,
  REASONS.stock,
  // A cut sentence: the word diff may pair its words with a neighbour's and tear the cut into
  // pieces, which kept apart would splice two sentences into one.
  REASONS.repeated,
]);

interface UnitHunk extends RawHunk {
  unit: number;
}

/**
 * Groups the hunks of a unit by the sentences they touch (a join links two): the meaning guard
 * judges each group as a whole, and a group with an edit that moves words becomes one hunk.
 * `spans`: the text's sentences.
 */
function groupBySentence(spans: readonly Span[], hunks: UnitHunk[]): UnitHunk[][] {
  const sentenceAt = (pos: number) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (spans[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const groups: UnitHunk[][] = [];
  let reach = -1; // the last sentence the current group touches
  for (const h of hunks) {
    const first = sentenceAt(h.start);
    const last = sentenceAt(Math.max(h.start, h.end - 1));
    const g = groups[groups.length - 1];
    if (g && g[0].unit === h.unit && first <= reach) {
      g.push(h);
      reach = Math.max(reach, last);
    } else {
      groups.push([h]);
      reach = last;
    }
  }
  return groups;
}

/** Does the hunk's old text run from one sentence into the next? */
function crossesSentences(spans: readonly Span[], h: RawHunk): boolean {
  return spans.some((sp) => sp.end > h.start && sp.end < h.end);
}

/** One hunk for a group: from its first change to its last, the text between kept. */
function mergeGroup(text: string, g: readonly UnitHunk[]): UnitHunk {
  let after = '';
  for (let i = 0; i < g.length; i++) {
    if (i > 0) after += text.slice(g[i - 1].end, g[i].start);
    after += g[i].after;
  }
  const reasons: string[] = [];
  for (const h of g) for (const r of (h.reason ?? '').split('; ')) if (r && !reasons.includes(r)) reasons.push(r);
  // "reworded" is the fallback for a piece no edit marked: beside a named edit it says nothing.
  const named = reasons.filter((r) => r !== REASONS.reworded);
  const reason = (named.length ? named : reasons).join('; ');
  return { start: g[0].start, end: g[g.length - 1].end, after, reason, unit: g[0].unit };
}

const reasonsOf = (h: RawHunk) => (h.reason ?? '').split('; ');
const stockOnly = (h: RawHunk) => reasonsOf(h).every((r) => STOCK_REASONS.has(r as Reason));

interface NotRaising {
  kept: RawHunk[];
  /** Only the edits to stock phrases and over-used words were kept. */
  stock?: boolean;
  /** The one edit family left out. */
  without?: string;
  /** Picked one change at a time: no family as a whole could stay. */
  picked?: boolean;
}

/** The edit families that set a mode's register, kept or left out whole. */
const REGISTER_REASONS: ReadonlySet<string> = new Set([REASONS.contraction, REASONS.expansion]);

/** Above this many changes, picking them one by one costs more detector runs than it is worth. */
const MAX_PICKED = 16;

/**
 * The widest of `hunks` that does not raise the detector's score above `score`, tried in this
 * order: all of them; all but one family of edits other than those to stock phrases (the one
 * whose absence keeps the most: one family the detector happens to like should not cost every
 * other change); the edits to stock phrases and over-used words alone; those but one of their
 * families; all but one stock-phrase family; on a short revision, the changes one at a time
 * (those that lower the score most alone first, each kept if the score stays down with it: "Great
 * question!" cut raises a chat answer's score while "nuanced" → "subtle" halves it); none. At most
 * one detector run per family and step, two per change for the last.
 */
function notRaising(text: string, hunks: RawHunk[], score: number): NotRaising {
  // Where markup or headings were blanked for the judgement, the score of the document as it
  // stands (what its analysis shows) may not rise either.
  const shown = asProse(text) === text ? null : detectorScore(text);
  const fits = (kept: RawHunk[]) => {
    if (!kept.length) return true;
    const after = apply(text, kept);
    return proseScore(after) <= score && (shown === null || detectorScore(after) <= shown);
  };
  const withoutOne = (from: RawHunk[], stockFamilies: boolean): NotRaising | null => {
    const families = [...new Set(from.flatMap(reasonsOf))].filter(
      (f) => f && STOCK_REASONS.has(f as Reason) === stockFamilies,
    );
    let best: NotRaising | null = null;
    for (const f of families) {
      const kept = from.filter((h) => !reasonsOf(h).includes(f));
      if ((!best || kept.length > best.kept.length) && kept.length && fits(kept)) best = { kept, without: f };
    }
    return best;
  };
  if (fits(hunks)) return { kept: hunks };
  const stock = hunks.filter(stockOnly);
  const stockWithout = () => {
    const r = withoutOne(stock, true);
    return r && { ...r, stock: true };
  };
  return (
    withoutOne(hunks, false) ??
    (stock.length && fits(stock) ? { kept: stock, stock: true } : null) ??
    stockWithout() ??
    withoutOne(hunks, true) ??
    oneByOne() ?? { kept: [] }
  );

  function oneByOne(): NotRaising | null {
    if (hunks.length > MAX_PICKED) return null;
    // A mode's contractions (or their writing out) go together: "It has been …, and it is hard
    // … That's what she'd said" would be neither register.
    const register = hunks.filter((h) => reasonsOf(h).some((r) => REGISTER_REASONS.has(r)));
    const pieces: RawHunk[][] = [...hunks.filter((h) => !register.includes(h)).map((h) => [h])];
    if (register.length) pieces.push(register);
    const alone = new Map(pieces.map((p) => [p, proseScore(apply(text, p))]));
    const kept: RawHunk[] = [];
    for (const p of [...pieces].sort((a, b) => alone.get(a)! - alone.get(b)!)) {
      if (alone.get(p)! > score) break;
      // Applied in document order, as the revision applies them.
      const next = [...kept, ...p].sort((a, b) => a.start - b.start);
      if (fits(next)) kept.splice(0, kept.length, ...next);
    }
    return kept.length ? { kept, picked: true } : null;
  }
}

const leftAsVerse = (n: number) =>
  `${n === 1 ? 'One stanza of verse was' : `${n} stanzas of verse were`} left as written: a word swapped or a line split in a poem breaks its rhyme and metre.`;

const leftInOtherLanguage = (n: number) =>
  `${n === 1 ? 'One passage is' : `${n} passages are`} not in English and ${n === 1 ? 'was' : 'were'} left as written: the reviser revises English text.`;

/** Why a revision changed nothing, where no judgement or ceiling says so: a result without a word would look broken. */
const nothingApplies = (found: number) =>
  found
    ? `The ${found === 1 ? 'one change' : `${found} changes`} the rules found would have altered what the text says (a number, a name, a negation or a claim), so it is left as written.`
    : 'The rules found nothing to change in this text at this strength (no stock phrase, over-used word, filler, hedge or over-long sentence they revise), so it is left as written.';

const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'}`;

/**
 * An edit a text judged human (or mixed, or uncertain) keeps: one to what the detector flags in it.
 * An uncertain text also keeps every edit to a stock phrase, opener, closer or transition the
 * detector lists, wherever it stands — those are what tips such a text towards the AI range — and
 * the mode's contractions, while its other sentences keep their words and rhythm.
 */
function flaggedEdit(j: Judgement, h: RawHunk, mode: RewriteMode): boolean {
  if (touches(j.flagged, h.start, h.end)) return true;
  if (!j.uncertain) return false;
  const kept = mode === 'concise' ? CONCISE_KEPT_EDITS : LISTED_EDITS;
  return reasonsOf(h).some((r) => kept.has(r as Reason));
}
/**
 * Edits to what the detector lists as stock (openers, closers, transitions, filler, stock
 * phrases), and the register the mode asks for (contractions made or written out: formal prose
 * the user asked for has none).
 */
const LISTED_EDITS: ReadonlySet<Reason> = new Set<Reason>([
  ...[...STOCK_REASONS].filter((r) => r !== REASONS.plain && r !== REASONS.precise),
  REASONS.contraction,
  REASONS.expansion,
]);
/**
 * What an uncertain text keeps throughout in concise prose: the listed edits and every cut the
 * writer asked for by asking for concise prose — wordy phrases, filler, intensifiers, doubled
 * words, points made twice, nouns made verbs. Shorter is the mode's register, as contractions are
 * casual prose's; hedges stay, as what they qualify is a claim.
 */
const CONCISE_KEPT_EDITS: ReadonlySet<Reason> = new Set<Reason>([
  ...LISTED_EDITS,
  REASONS.wordy,
  REASONS.intensifier,
  REASONS.adjectives,
  REASONS.synonymPair,
  REASONS.repeated,
  REASONS.verb,
  REASONS.notOnly,
]);

/**
 * A text judged human keeps only the changes to what the detector flags (`flagged`, picked per
 * unit), and only as far as they do not raise its score. A mixed one is the same: its AI
 * passages and the sentences that read as AI-generated are what is flagged; so is an uncertain
 * one, whose sentences that read as AI-generated are.
 */
function keepFlagged(
  text: string,
  flagged: RawHunk[],
  j: Judgement,
  mode: RewriteMode,
): { hunks: RawHunk[]; note: string } {
  const { kept } = notRaising(text, flagged, j.score);
  const bySentence = j.mixed || j.uncertain;
  const what = j.mixed
    ? 'its AI passages, the sentences that read as AI-generated and the words'
    : j.uncertain
      ? 'the sentences that read as AI-generated and the words'
      : 'what';
  // (An uncertain text's concise revision also makes concise prose's cuts throughout: flaggedEdit.)
  const concisely = j.uncertain && mode === 'concise' ? ', with the cuts concise prose makes throughout' : '';
  const person = j.mixed
    ? `This text reads as partly written by a person (AI passages in ${Math.round(100 * j.aiShare)} % of it)`
    : j.uncertain
      ? `This text may be written by a person (AI confidence ${j.score.toFixed(1)} %, below the ${DEFAULT_THRESHOLD} % at which the detector calls a text AI-generated)`
      : `This text reads as written by a person (AI confidence ${j.score.toFixed(1)} %)`;
  const note = kept.length
    ? `${person}, so only ${what} the detector flags in it ${bySentence ? 'were' : 'was'} revised${concisely}: ${changes(kept.length)}; the rest is left as written.`
    : flagged.length
      ? `${person} and nothing the detector flags in it could be revised without raising its score, so nothing was changed.`
      : `${person} and nothing in it is flagged, so nothing was changed.`;
  return { hunks: kept, note };
}

/**
 * Any other text is revised throughout, but a revision never leaves it looking more
 * machine-written to the detector than it was: if all the changes together would raise its
 * score, one edit family is left out, or else only the edits to stock phrases and over-used words
 * are kept, or else the changes that lower it picked one at a time, or else none (`notRaising`
 * has the order) — and the note says so.
 */
export function keepNotRaising(text: string, hunks: RawHunk[], j: Judgement): { hunks: RawHunk[]; note?: string } {
  const { kept, stock, without, picked } = j.scored ? notRaising(text, hunks, j.score) : { kept: hunks };
  if (kept.length === hunks.length) return { hunks };
  const all =
    hunks.length === 1
      ? `The one change would have raised the detector's score (AI confidence ${j.score.toFixed(1)} %)`
      : `All ${changes(hunks.length)} together would have raised the detector's score (AI confidence ${j.score.toFixed(1)} %)`;
  const family = without ? `those of one kind (“${without}”)` : '';
  let note: string;
  if (!kept.length)
    note =
      hunks.length === 1
        ? `${all}, so nothing was changed.`
        : `${all}, and so would the edits to stock phrases alone, so nothing was changed.`;
  else if (picked)
    note = `${all}, so only the ${changes(kept.length)} that ${kept.length === 1 ? 'lowers it was' : 'lower it were'} kept.`;
  else if (stock)
    note = `${all}, so only the ${changes(kept.length)} to stock phrases and over-used words ${kept.length === 1 ? 'was' : 'were'} kept${without ? `, without ${family}` : ''}.`;
  else {
    const n = hunks.length - kept.length;
    note = `${all}, so ${n === 1 ? 'the change' : `the ${n} changes`} of one kind (“${without}”) ${n === 1 ? 'was' : 'were'} left out: ${changes(kept.length)} kept.`;
  }
  return { hunks: kept, note };
}

/** The text before `at` ends with a question, past blank space and Markdown emphasis ("**Can I …?**"). */
function endsWithQuestion(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && /[\s*_]/.test(text[i])) i--;
  return text[i] === '?';
}

/**
 * Is this a revision of the whole document? The core sends a whole-document revision of a text
 * with code as ranges around the code (the code stays as it is), so the scope says it, not
 * `ranges === null` alone.
 */
function wholeDocument(input: RewriteRequest): boolean {
  return input.ranges === null || input.options.scope === 'document';
}

const movesWords = (h: RawHunk) => reasonsOf(h).some((r) => MOVES.has(r));
const passes = (text: string, guard: Guard, h: RawHunk) => guard.check(text.slice(h.start, h.end), h.after) === null;

/**
 * The hunks of one unit that pass the meaning guard, grouped by sentence: a group with an edit
 * that moves words becomes one hunk, kept or withheld whole. In a group of separate word edits
 * that fails as a whole, the edits that fail on their own are withheld and the rest kept if they
 * pass together — one wrong swap should not cost the sentence its other edits ("It is important
 * to note that" cut although a swap beside it was refused).
 */
export function guarded(
  text: string,
  spans: readonly Span[],
  guard: Guard,
  hunks: UnitHunk[],
  joint: ReadonlySet<RawHunk> = new Set(),
): RawHunk[] {
  const kept: RawHunk[] = [];
  for (const g of groupBySentence(spans, hunks)) {
    const merged = mergeGroup(text, g);
    // A piece no edit marked ("reworded") is a piece of another edit the word diff split from it
    // ("On the other hand, the" → "But the" as "On" → "But" and "other hand, the" cut).
    // So is a split or join the diff tore into a cut and an insertion (see keepsRhythmWords).
    const moves =
      g.length > 1 &&
      g.some((h) => movesWords(h) || joint.has(h) || h.reason === REASONS.reworded || !keepsRhythmWords(text, h));
    if (passes(text, guard, merged)) {
      if (moves) kept.push(merged);
      else kept.push(...g);
      continue;
    }
    if (moves || g.length === 1) continue;
    // A piece that crosses from one sentence into the next belongs to a split, a join or a cut:
    // alone it would splice two sentences.
    const rest = g.filter((h) => passes(text, guard, h) && !crossesSentences(spans, h));
    if (rest.length && passes(text, guard, mergeGroup(text, rest))) kept.push(...rest);
  }
  return kept;
}

/**
 * Does the change keep every protected span it touches whole — inside it, and in its new text? A
 * change that cuts into a quotation or a number is withheld, so the protected text stays whole
 * whichever other changes are kept (only a diff that paired the wrong sentences made one).
 */
export function keepsProtected(h: RawHunk, spans: readonly ProtectedSpan[]): boolean {
  for (const sp of spans) {
    if (sp.start >= h.end) break;
    if (sp.end <= h.start) continue;
    if (sp.start < h.start || sp.end > h.end || !h.after.includes(sp.text)) return false;
  }
  return true;
}

/** Edits that only split or join sentences: they change the joint, never the content. */
const RHYTHM: ReadonlySet<string> = new Set<Reason>([REASONS.split, REASONS.join]);
/**
 * The words a joint brings or takes away (", and it" → ". It", ". This" → ", which", ", leading
 * to" → ". This can lead to").
 */
const JOINT_WORDS = set(
  'and but yet which this these that the its they them their he she his her also can could may might must will would shall should has have had does did are was were',
);

/** A word without its inflection, for matching "making" with "make" and "caused" with "causing". */
const stemOf = (w: string) => w.replace(/(?:ing|ed|es|e|s)$/, '').slice(0, 4);

function contentWords(s: string): string[] {
  return words(s)
    .map((w) => w.norm)
    .filter((w) => w.length >= 3 && /^[a-z]/.test(w) && !JOINT_WORDS.has(w));
}

/** How many of `from` have no word in `to` with the same stem. */
function unmatched(from: readonly string[], to: readonly string[]): number {
  let n = 0;
  const stems = new Set(to.map(stemOf));
  for (const w of from) if (!stems.has(stemOf(w))) n++;
  return n;
}

/**
 * Does a change made only to split or join sentences keep its words? Such an edit rewrites a
 * joint (", and employees" → ". Employees"; ", causing" → ". This caused" changes one word's
 * form), so a change of that kind that drops or brings in a clause is a diff that paired the
 * wrong sentences — a split part joined to the sentence after it — and the guard could withhold
 * the half that carries the clause while the half that cuts it stays: the clause would be lost.
 */
export function keepsRhythmWords(text: string, h: RawHunk): boolean {
  if (!reasonsOf(h).every((r) => RHYTHM.has(r))) return true;
  const before = contentWords(text.slice(h.start, h.end)),
    after = contentWords(h.after);
  return unmatched(before, after) <= 1 && unmatched(after, before) <= 1;
}

/**
 * Rule-based revision of a document (see the file's comment). Each unit's changes are final once
 * the unit is done (meaning guard, and for a text judged human the flagged ones only), but for
 * the score ceiling, which looks at all of them together at the end.
 */
export async function reviseDocument(
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
  const state = newState(options.mode, options.strength, apostropheStyle(text), text);
  const judgement = wholeDocument(input) ? judge(text) : null;
  // A text judged human, mixed or uncertain keeps only the edits to what the detector flags.
  const flaggedOnly = !!judgement && (judgement.human || judgement.uncertain);
  const guard = makeGuard(text, insertableWords());
  const sentences = sentenceSpans(text);
  let kept: RawHunk[] = [];
  // The id each change was handed out with (SectionProgress numbers them in order): the result
  // keeps it, even where the score ceiling below drops changes before it.
  const idOf = new Map<RawHunk, number>();
  let found = 0;
  let passed = 0;
  let unit = 0;
  let notEnglish = 0;
  let lastYield = Date.now();
  for (const para of plan) {
    for (const u of para.units) {
      if (!readsAsEnglish(text.slice(u.start, u.end))) {
        // The rules are English: a line in another language is left as written.
        notEnglish++;
        progress.unitDone(u, []);
        continue;
      }
      const { masked, spans: used } = maskRange(text, spans, u.start, u.end);
      state.spans = used;
      state.afterQuestion = endsWithQuestion(text, u.start);
      state.atStart = unit === 0 && !/\S/.test(text.slice(0, u.start));
      unit++;
      const revised = render(reviseUnit(masked, state), used);
      const before = text.slice(u.start, u.end);
      const done: RawHunk[] = [];
      if (revised.text !== before) {
        const raw: UnitHunk[] = [];
        const joint = new Set<RawHunk>();
        for (const h of diffPiece(before, revised.text, u.start).hunks) {
          const r = { ...h, reason: reasonOf(revised.marks, h.at ?? 0, h.after.length), unit };
          raw.push(r);
          if (jointAt(revised.marks, h.at ?? 0, h.after.length)) joint.add(r);
        }
        const ok = guarded(text, sentences, guard, raw, joint).filter(
          (h) => keepsProtected(h, spans) && keepsRhythmWords(text, h),
        );
        found += raw.length;
        passed += ok.length;
        done.push(...(flaggedOnly ? ok.filter((h) => flaggedEdit(judgement, h, options.mode)) : ok));
      }
      for (const h of done) idOf.set(h, idOf.size);
      kept.push(...done);
      progress.unitDone(u, done);
      if (Date.now() - lastYield > 20) {
        // Let cancellation and progress messages through on long documents.
        await new Promise<void>((r) => setImmediate(r));
        checkAborted(signal);
        lastYield = Date.now();
      }
    }
  }
  checkAborted(signal);
  let note: string | undefined;
  // A text judged human says why it is left as it is even when no edit applied; one the detector
  // is uncertain about, only when the rules found something to change (else the rules' own
  // "found nothing" says why).
  if (judgement && (passed > 0 || judgement.human))
    ({ hunks: kept, note } = flaggedOnly
      ? keepFlagged(text, kept, judgement, options.mode)
      : keepNotRaising(text, kept, judgement));
  const result = apply(text, kept);
  const hunks = toHunks(text, kept).map((h, i) => ({ ...h, id: idOf.get(kept[i]) ?? h.id }));
  verifyRevision(text, result, spans, hunks, ranges);
  let additions = 0;
  let deletions = 0;
  for (const h of hunks) {
    additions += countWordTokens(h.after);
    deletions += countWordTokens(h.before);
  }
  const diff_summary = summarize(countWordTokens(text), countWordTokens(result), additions, deletions);
  if (!note && !hunks.length && unit > 0) note = nothingApplies(found);
  if (notEnglish) note = [note, leftInOtherLanguage(notEnglish)].filter(Boolean).join(' ');
  const verse = plan.filter((p) => p.verse).length;
  if (verse) note = [note, leftAsVerse(verse)].filter(Boolean).join(' ');
  if (note) diff_summary.note = note;
  progress.finish();
  return { text: result, hunks, diff_summary, engine: `${RULES_ENGINE}/${options.mode}-${options.strength}` };
}
