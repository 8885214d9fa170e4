import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  analyzeText,
  DEFAULT_THRESHOLD,
  DETECTOR_MODEL_ID,
  MIN_WORDS,
  SECTION_TEXT_MAX,
  UNCERTAIN_LOW,
  detectorScore,
} from '../../../src-workers/detect/index';
import {
  FRENCH,
  GERMAN,
  HUMAN_INFORMAL,
  HUMAN_PARAGRAPHS,
  LEARNER_ESSAY,
  LEARNER_LETTER,
  LLM_STUFFED,
  SIMPLE_ESSAY,
} from './fixtures';

describe('detector: gates', () => {
  it('exports its model id and thresholds', () => {
    expect(DETECTOR_MODEL_ID).toMatch(/^ngram-stylo-lr-v\d+$/);
    expect(DEFAULT_THRESHOLD).toBeGreaterThan(50);
    expect(DEFAULT_THRESHOLD).toBeLessThan(100);
    expect(UNCERTAIN_LOW).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('marks texts under the minimum length too_short, without a score', () => {
    const text = HUMAN_INFORMAL.split(' ').slice(0, 60).join(' ');
    const r = analyzeText(text);
    expect(r.verdict).toBe('too_short');
    expect(r.ai_confidence).toBeNull();
    expect(r.word_count).toBe(60);
    expect(r.word_count).toBeLessThan(MIN_WORDS);
    expect(r.critical_sections).toEqual([]);
  });

  it('does not score German or French text', () => {
    const spanish =
      'El sábado nos levantamos temprano porque queríamos ir a la playa con mis primos. El autobús llegó tarde y tuvimos que esperar casi media hora bajo el sol, pero al final valió la pena porque el agua estaba muy tranquila.';
    const dutch =
      'Op zaterdag zijn we vroeg opgestaan omdat we met de trein naar Amsterdam wilden gaan. Het station was erg druk en onze trein had natuurlijk vertraging, maar mijn zus heeft koffie gehaald en we hebben gewacht.';
    for (const [text, lang] of [
      [GERMAN, 'deu'],
      [FRENCH, 'fra'],
      [`${GERMAN} ${GERMAN} ${GERMAN}`, 'deu'],
      [spanish, 'spa'],
      [dutch, 'nld'],
    ] as const) {
      const r = analyzeText(text);
      expect(r.verdict).toBe('unsupported_language');
      expect(r.ai_confidence).toBeNull();
      expect(r.language).toBe(lang);
    }
  });

  it('handles empty and odd input without throwing', () => {
    for (const t of ['', '   ', '....', '123 456', 'a'.repeat(5000), 'word '.repeat(400)]) {
      const r = analyzeText(t);
      expect(['too_short', 'unsupported_language', 'human', 'uncertain', 'ai']).toContain(r.verdict);
    }
  });
});

describe('detector: scores', () => {
  it('is deterministic', () => {
    const a = analyzeText(LLM_STUFFED);
    const b = analyzeText(HUMAN_INFORMAL);
    expect(analyzeText(LLM_STUFFED)).toEqual(a);
    expect(analyzeText(HUMAN_INFORMAL)).toEqual(b);
  });

  it('returns a calibrated percentage with one decimal and a consistent verdict', () => {
    for (const t of [LLM_STUFFED, HUMAN_INFORMAL, SIMPLE_ESSAY, HUMAN_PARAGRAPHS.join('\n\n')]) {
      const r = analyzeText(t);
      expect(r.language).toBe('eng');
      expect(r.ai_confidence).not.toBeNull();
      const c = r.ai_confidence!;
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(100);
      expect(Math.round(c * 10) / 10).toBe(c);
      const expected = c >= DEFAULT_THRESHOLD ? 'ai' : c >= UNCERTAIN_LOW ? 'uncertain' : 'human';
      expect(r.verdict).toBe(expected);
      expect(r.model).toBe(DETECTOR_MODEL_ID);
    }
  });

  it('scores plainly informal human prose far below text stuffed with LLM phrasing', () => {
    const ai = analyzeText(LLM_STUFFED);
    const human = analyzeText(HUMAN_INFORMAL);
    expect(ai.verdict).toBe('ai');
    expect(human.verdict).toBe('human');
    expect(ai.ai_confidence! - human.ai_confidence!).toBeGreaterThan(50);
  });

  it('does not flag simple non-native-style writing as AI', () => {
    for (const t of [SIMPLE_ESSAY, LEARNER_LETTER, LEARNER_ESSAY]) {
      const r = analyzeText(t);
      expect(r.word_count).toBeGreaterThanOrEqual(MIN_WORDS);
      expect(r.verdict).not.toBe('ai');
    }
  });

  it('detectorScore matches analyzeText for scored texts', () => {
    expect(detectorScore(LLM_STUFFED)).toBe(analyzeText(LLM_STUFFED).ai_confidence);
  });
});

describe('detector: explanations', () => {
  it('names the planted overused words and phrases', () => {
    const r = analyzeText(LLM_STUFFED);
    const vocab = r.explanations.find((e) => e.signal === 'overused_vocabulary');
    expect(vocab).toBeDefined();
    expect(vocab!.direction).toBe('ai');
    expect(vocab!.weight).toBeGreaterThan(0);
    expect(vocab!.label).toMatch(/^\d+ words language models overuse: /);
    const phrases = r.explanations.find((e) => e.signal === 'stock_phrases');
    expect(phrases?.label).toContain('“delve into”');
  });

  it('lists the overused words planted in otherwise plain prose', () => {
    const text = [
      HUMAN_PARAGRAPHS[0],
      'The garden was a tapestry of weeds, and my father set out to delve into it with a shovel, showcasing a patience none of us had seen before.',
      HUMAN_PARAGRAPHS[1],
      'Finding the letters proved pivotal, and we read them with meticulous care.',
      HUMAN_PARAGRAPHS[2],
    ].join('\n\n');
    const r = analyzeText(text);
    const vocab = r.explanations.find((e) => e.signal === 'overused_vocabulary');
    expect(vocab?.direction).toBe('ai');
    for (const w of ['delve', 'pivotal', 'tapestry', 'showcasing', 'meticulous']) expect(vocab!.label).toContain(w);
  });

  it('gives each explanation a direction that matches the sign of its weight, strongest first', () => {
    for (const t of [LLM_STUFFED, HUMAN_INFORMAL, SIMPLE_ESSAY]) {
      const r = analyzeText(t);
      expect(r.explanations.length).toBeGreaterThan(0);
      for (const e of r.explanations) {
        expect(e.direction).toBe(e.weight > 0 ? 'ai' : 'human');
        expect(e.label.length).toBeGreaterThan(10);
      }
      const w = r.explanations.map((e) => Math.abs(e.weight));
      expect([...w].sort((a, b) => b - a)).toEqual(w);
    }
  });

  it('explains the human side of an informal text', () => {
    const r = analyzeText(HUMAN_INFORMAL);
    expect(r.explanations.some((e) => e.direction === 'human')).toBe(true);
    const vocab = r.explanations.find((e) => e.signal === 'overused_vocabulary');
    if (vocab) expect(vocab.direction).toBe('human');
  });
});

describe('detector: critical sections', () => {
  const planted =
    LLM_STUFFED + ' ' + LLM_STUFFED.replace("In today's fast-paced world", 'In the realm of modern schooling');
  const doc = [HUMAN_PARAGRAPHS[0], HUMAN_PARAGRAPHS[1], planted, HUMAN_PARAGRAPHS[2]].join('\n\n');
  const aiStart = doc.indexOf(planted);
  const aiEnd = aiStart + planted.length;

  it('finds the planted paragraph as one merged section with offsets into the text', () => {
    const r = analyzeText(doc);
    expect(r.critical_sections.length).toBe(1);
    const s = r.critical_sections[0];
    // Merged: the planted paragraph has 20 sentences, i.e. several windows of 3–5.
    expect(s.start).toBe(aiStart);
    expect(s.end).toBe(aiEnd);
    expect(s.confidence).toBeGreaterThan(50);
    expect(s.confidence).toBeLessThanOrEqual(100);
    // Text is truncated with an ellipsis; the offsets still cover the whole section.
    expect(s.text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX);
    expect(s.text.endsWith('…')).toBe(true);
    expect(doc.slice(s.start, s.end).startsWith(s.text.slice(0, -1))).toBe(true);
    expect(s.explanations.length).toBeGreaterThan(0);
    expect(s.explanations.every((e) => e.direction === 'ai')).toBe(true);
  });

  it('returns sections sorted, not overlapping and separated by unflagged text', () => {
    const two = [planted, HUMAN_PARAGRAPHS[0], HUMAN_PARAGRAPHS[1], HUMAN_PARAGRAPHS[2], HUMAN_INFORMAL, planted].join(
      '\n\n',
    );
    const r = analyzeText(two);
    expect(r.critical_sections.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < r.critical_sections.length; i++) {
      const a = r.critical_sections[i - 1],
        b = r.critical_sections[i];
      expect(b.start).toBeGreaterThan(a.end);
      expect(two.slice(a.end, b.start).trim().length).toBeGreaterThan(0);
    }
    const first = r.critical_sections[0],
      last = r.critical_sections[r.critical_sections.length - 1];
    expect(first.start).toBe(0);
    expect(last.end).toBe(two.length);
  });

  it('short sections keep their whole text', () => {
    const r = analyzeText(doc);
    for (const s of r.critical_sections) {
      if (s.end - s.start <= SECTION_TEXT_MAX) expect(s.text).toBe(doc.slice(s.start, s.end));
    }
  });
});

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/train.jsonl');
const hasCorpus = existsSync(CORPUS);
if (!hasCorpus) console.log(`detector corpus test skipped: ${CORPUS} is absent`);

describe('detector: training corpus (in-sample sanity)', () => {
  it.skipIf(!hasCorpus)(
    'separates a sample of the training corpus (the model saw these rows: a sanity check, not a measurement)',
    async () => {
      const { auroc } = await import('../../../src-workers/detect/evaluate');
      const lines = readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean).slice(0, 400);
      const rows = lines.map((l) => JSON.parse(l) as { label: string; text: string });
      const h = rows.filter((r) => r.label === 'human').map((r) => detectorScore(r.text));
      const a = rows.filter((r) => r.label === 'ai').map((r) => detectorScore(r.text));
      expect(h.length).toBeGreaterThan(20);
      expect(auroc(h, a)!).toBeGreaterThan(0.9);
    },
  );
});
