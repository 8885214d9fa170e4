/**
 * The review's pure parts: how a text is laid out (paragraphs from blocks or blank lines, runs cut
 * at sentences, marks and signal spans; a revision's changes placed in paragraphs and sections),
 * what a verdict says in words, and signals in plain language.
 */
import { describe, expect, it } from 'vitest';
import { MIN_SCORED_WORDS } from '../../../src-shared/constants';
import type { DiffHunk, Explanation } from '../../../src-shared/models';
import {
  groupBySentence,
  mergeSpans,
  paragraphsOf,
  reviewParagraphs,
  runsOf,
  wholeWords,
} from '../../../src-renderer/review/layout';
import { plainSignal, splitSignals } from '../../../src-renderer/review/signals';
import { roundedPercent, verdictText } from '../../../src-renderer/review/verdict';

describe('layout', () => {
  it('takes paragraphs from the blocks when there are any, else from blank lines', () => {
    const text = '  First one.\n\n \nSecond one.\n\nThird.';
    expect(paragraphsOf(text).map((p) => text.slice(p.start, p.end))).toEqual(['First one.', 'Second one.', 'Third.']);
    const blocks = [
      { kind: 'heading' as const, start: 2, end: 12, level: 2 },
      { kind: 'paragraph' as const, start: 16, end: 27 },
    ];
    expect(paragraphsOf(text, blocks).map((p) => [p.kind, p.level])).toEqual([
      ['heading', 2],
      ['paragraph', undefined],
    ]);
  });

  it('cuts a paragraph into runs at sentences, marks and signal spans, and groups them by sentence', () => {
    const text = 'Alpha beta. Gamma delta.';
    const [p] = paragraphsOf(text, [
      { kind: 'paragraph', start: 0, end: 24, marks: [{ kind: 'strong', start: 6, end: 10 }] },
    ]);
    const sentences = [
      { start: 0, end: 11, score: 90 },
      { start: 12, end: 24, score: 20 },
    ];
    const runs = runsOf(p, sentences, [{ start: 18, end: 23 }]);
    expect(runs.map((r) => [text.slice(r.start, r.end), r.sentence, r.marks.length, r.signal])).toEqual([
      ['Alpha ', 0, 0, false],
      ['beta', 0, 1, false],
      ['.', 0, 0, false],
      [' ', -1, 0, false],
      ['Gamma ', 1, 0, false],
      ['delta', 1, 0, true],
      ['.', 1, 0, false],
    ]);
    expect(groupBySentence(runs).map((g) => [g.sentence, g.runs.length])).toEqual([
      [0, 3],
      [-1, 1],
      [1, 3],
    ]);
  });

  it('merges overlapping signal spans and clips them to the text', () => {
    expect(
      mergeSpans(
        [
          { start: 5, end: 9 },
          { start: -2, end: 2 },
          { start: 8, end: 12 },
          { start: 30, end: 40 },
        ],
        32,
      ),
    ).toEqual([
      { start: 0, end: 2 },
      { start: 5, end: 12 },
      { start: 30, end: 32 },
    ]);
  });

  it('places changes in their paragraphs, joins paragraphs a change crosses, and groups sections by heading', () => {
    const original = 'Intro\n\nOne. Two.\n\nThree.\n\nNext\n\nFour.';
    const at = (s: string) => original.indexOf(s);
    const hunk = (id: number, before: string, after: string, start = at(before)): DiffHunk => ({
      id,
      start,
      end: start + before.length,
      before,
      after,
    });
    const blocks = [
      { kind: 'heading' as const, start: at('Intro'), end: at('Intro') + 5, level: 1 },
      { kind: 'paragraph' as const, start: at('One'), end: at('Two.') + 4 },
      { kind: 'paragraph' as const, start: at('Three'), end: at('Three') + 6 },
      { kind: 'heading' as const, start: at('Next'), end: at('Next') + 4, level: 1 },
      { kind: 'paragraph' as const, start: at('Four'), end: at('Four') + 5 },
    ];
    // "Two.\n\nThree." becomes one sentence: the change crosses a paragraph break.
    const hunks = [hunk(1, 'One', 'First'), hunk(2, 'Two.\n\nThree', 'Two and three'), hunk(3, 'Four', '4')];
    const paras = reviewParagraphs(original, hunks, blocks);
    expect(paras.map((p) => [p.kind, p.section, original.slice(p.start, p.end)])).toEqual([
      ['heading', 0, 'Intro'],
      ['paragraph', 0, 'One. Two.\n\nThree.'],
      ['heading', 1, 'Next'],
      ['paragraph', 1, 'Four.'],
    ]);
    expect(paras[1].pieces.map((x) => (x.kind === 'change' ? x.hunk.id : original.slice(x.start, x.end)))).toEqual([
      1,
      '. ',
      2,
      '.',
    ]);
  });

  it('with a single title, groups by paragraph and the title goes with the first (section 1 is the first)', () => {
    const original = 'Title\n\nOne.\n\nTwo.';
    const at = (s: string) => original.indexOf(s);
    const blocks = [
      { kind: 'heading' as const, start: 0, end: 5, level: 1 },
      { kind: 'paragraph' as const, start: at('One'), end: at('One') + 4 },
      { kind: 'paragraph' as const, start: at('Two'), end: at('Two') + 4 },
    ];
    const hunks: DiffHunk[] = [
      { id: 1, start: at('One'), end: at('One') + 3, before: 'One', after: '1' },
      { id: 2, start: at('Two'), end: at('Two') + 3, before: 'Two', after: '2' },
    ];
    expect(reviewParagraphs(original, hunks, blocks).map((p) => [p.kind, p.section])).toEqual([
      ['heading', 0],
      ['paragraph', 0],
      ['paragraph', 1],
    ]);
  });

  it('widens context to whole words', () => {
    const text = 'The quick brown fox jumps';
    const w = wholeWords(text, 6, 12);
    expect(text.slice(w.start, w.end)).toBe('quick brown');
  });
});

describe('verdict', () => {
  const base = {
    ai_confidence: 50,
    ai_share: null,
    word_count: 1000,
    text: null,
    critical_sections: [],
    explanations: [] as Explanation[],
  };

  it('rounds probabilities to what the model can tell', () => {
    expect([99.96, 99.4, 88.2, 0.3, null].map(roundedPercent)).toEqual(['>99%', '99%', '88%', '<1%', '—']);
  });

  it('says why a result is uncertain, why a text is not scored, and which language it is in', () => {
    const both: Explanation[] = [
      { signal: 'stock_phrases', label: 'x', direction: 'ai', weight: 1 },
      { signal: 'contractions', label: 'y', direction: 'human', weight: -1 },
    ];
    expect(verdictText({ ...base, verdict: 'uncertain', explanations: both })!.why).toMatch(/point both ways/);
    expect(verdictText({ ...base, verdict: 'uncertain', word_count: MIN_SCORED_WORDS + 10 })!.why).toMatch(
      /evidence is thin/,
    );
    const short = verdictText({ ...base, verdict: 'too_short', ai_confidence: null, word_count: 52 })!;
    expect(short.summary).toBe('52 words: too few to judge');
    expect(short.why).toContain(`at least ${MIN_SCORED_WORDS} words`);
    expect(short.tone).toBe('neutral');
    const french = verdictText({
      ...base,
      verdict: 'unsupported_language',
      ai_confidence: null,
      explanations: [
        { signal: 'language', label: 'the text seems to be in French (fra)', direction: 'human', weight: 0 },
      ],
    })!;
    expect(french.summary).toBe('This text seems to be in French');
  });

  it('derives the share from the critical sections when the detector gives none', () => {
    const text = 'one two three four five six seven eight nine ten';
    const v = verdictText({
      ...base,
      verdict: 'ai',
      word_count: 10,
      text,
      critical_sections: [{ start: 0, end: 13, text: '', confidence: 90, explanations: [] }],
    })!;
    expect(v.share).toBeCloseTo(0.3);
    expect(v.summary).toBe('30% of the text reads as AI-generated, in 1 passage');
    expect(v.tone).toBe('ai');
  });

  it('an AI text without a passage that stands out says so, not "no passage reads as AI"', () => {
    const whole = verdictText({ ...base, verdict: 'ai', ai_share: 0, critical_sections: [] })!;
    expect(whole.summary).toBe('The text as a whole reads as AI-generated; no single passage stands out');
    const human = verdictText({ ...base, verdict: 'human', ai_confidence: 3, ai_share: 0, critical_sections: [] })!;
    expect(human.summary).toBe('No passage reads as AI-generated');
  });
});

describe('signals in plain words', () => {
  it('maps known signals to plain sentences and keeps the evidence the detector quotes', () => {
    const s = plainSignal({
      signal: 'overused_vocabulary',
      label: '3 words language models overuse: delve, tapestry, pivotal',
      direction: 'ai',
      weight: 1.4,
    });
    expect(s.text).toBe('Uses words chatbots are known to overuse');
    expect(s.evidence).toBe('delve, tapestry, pivotal');
  });

  it('never shows statistics jargon, even for a signal it does not know', () => {
    const s = plainSignal({
      signal: 'brand_new_signal',
      label: 'average bigram surprisal 10.7 bits',
      direction: 'ai',
      weight: 0.8,
    });
    expect(s.text).not.toMatch(/bits|surprisal|bigram/);
  });

  it('sets length and language notes apart from the signals', () => {
    const { signals, notes } = splitSignals([
      { signal: 'length', label: 'only 52 words', direction: 'human', weight: 0 },
      { signal: 'contractions', label: 'contractions', direction: 'human', weight: -0.4 },
      { signal: 'stock_phrases', label: 'stock phrases', direction: 'ai', weight: 1.1 },
    ]);
    expect(signals.map((s) => s.signal)).toEqual(['stock_phrases', 'contractions']);
    expect(notes.map((n) => n.signal)).toEqual(['length']);
  });
});

describe('overview strip', () => {
  it('finds the sentence at a place in the text (a click on the strip)', async () => {
    const { sentenceAt } = await import('../../../src-renderer/components/OverviewStrip');
    const sentences = [
      { start: 0, end: 10, score: 1 },
      { start: 11, end: 30, score: 1 },
      { start: 32, end: 40, score: 1 },
    ];
    expect([0, 9, 10.5, 11, 29, 31, 35, 99].map((at) => sentenceAt(sentences, at))).toEqual([0, 0, 1, 1, 1, 2, 2, 2]);
  });
});
