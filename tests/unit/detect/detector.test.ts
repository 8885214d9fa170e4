import { existsSync, readFileSync } from 'node:fs';
import { countWords as countWordsIn } from '../../../src-workers/text/segment';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_SCORED_WORDS } from '../../../src-shared/models';
import {
  analyzeText,
  DEFAULT_THRESHOLD,
  DETECTOR_MODEL_ID,
  SECTION_TEXT_MAX,
  SHORT_WORDS,
  UNCERTAIN_LOW,
  detectorScore,
  uncertainLowFor,
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
    expect(DETECTOR_MODEL_ID).toBe('ngram-stylo-lr-v3');
    expect(DEFAULT_THRESHOLD).toBeGreaterThan(50);
    expect(DEFAULT_THRESHOLD).toBeLessThan(100);
    expect(UNCERTAIN_LOW).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('marks texts under 50 words too_short, without a score, with a note rather than a signal', () => {
    const text = HUMAN_INFORMAL.split(' ').slice(0, 45).join(' ');
    const r = analyzeText(text);
    expect(MIN_SCORED_WORDS).toBe(50);
    expect(r.verdict).toBe('too_short');
    expect(r.ai_confidence).toBeNull();
    expect(r.ai_share).toBeNull();
    expect(r.sentences).toEqual([]);
    expect(r.word_count).toBe(45);
    expect(r.critical_sections).toEqual([]);
    expect(r.explanations).toEqual([expect.objectContaining({ signal: 'length', weight: 0 })]);
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

  it('calls a short English text English, not the language character trigrams guess', () => {
    // franc alone called the first French and the second Danish.
    for (const text of [
      'Today, technology plays a key part in our lives. It encourages innovation.',
      'Thanks for the update, see you at the meeting tomorrow morning.',
      'Innovation drives progress in modern societies.',
    ]) {
      const r = analyzeText(text);
      expect(r.language).toBe('eng');
      expect(r.verdict).toBe('too_short');
    }
    // A short text that reads as another language still says so.
    for (const [text, lang] of [
      ['Jeg har en hund og to katte, og det er dejligt at bo på landet.', 'dan'],
      ['Das ist ein kurzer Satz über das Wetter in Berlin heute.', 'deu'],
      ['Le chat est assis sur le tapis et regarde les oiseaux par la fenêtre.', 'fra'],
    ] as const) {
      const r = analyzeText(text);
      expect(r.language).toBe(lang);
      expect(r.verdict).toBe('unsupported_language');
    }
  });

  it('handles empty and odd input without throwing', () => {
    for (const t of ['', '   ', '....', '123 456', 'a'.repeat(5000), 'word '.repeat(400)]) {
      const r = analyzeText(t);
      expect(['too_short', 'unsupported_language', 'human', 'uncertain', 'ai', 'mixed']).toContain(r.verdict);
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
      const expected = c >= DEFAULT_THRESHOLD ? 'ai' : c >= uncertainLowFor(r.word_count) ? 'uncertain' : 'human';
      if (r.verdict !== 'mixed') expect(r.verdict).toBe(expected);
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
      expect(r.word_count).toBeGreaterThanOrEqual(MIN_SCORED_WORDS);
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

  /** Characters of [start, end) inside [a, b). */
  const overlap = (start: number, end: number, a: number, b: number) =>
    Math.max(0, Math.min(end, b) - Math.max(start, a));

  it('finds the planted paragraph as one section with offsets into the text', () => {
    const r = analyzeText(doc);
    expect(r.critical_sections.length).toBe(1);
    const s = r.critical_sections[0];
    // One passage of 20 sentences; its edges may miss by a sentence, never by a paragraph.
    expect(overlap(s.start, s.end, aiStart, aiEnd)).toBeGreaterThan(0.8 * planted.length);
    expect(s.end - s.start - overlap(s.start, s.end, aiStart, aiEnd)).toBeLessThan(0.2 * planted.length);
    expect(doc.slice(s.start, s.end).trim()).toBe(doc.slice(s.start, s.end));
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
    // The human paragraphs between the two planted ones are not in any section.
    const gapA = two.indexOf(HUMAN_PARAGRAPHS[1]),
      gapB = two.indexOf(HUMAN_INFORMAL);
    for (const c of r.critical_sections) expect(overlap(c.start, c.end, gapA, gapB)).toBe(0);
  });

  it('short sections keep their whole text', () => {
    const r = analyzeText(doc);
    for (const s of r.critical_sections) {
      if (s.end - s.start <= SECTION_TEXT_MAX) expect(s.text).toBe(doc.slice(s.start, s.end));
    }
  });
});

describe('detector: short texts', () => {
  const short = HUMAN_INFORMAL.split(' ').slice(0, 70).join(' ');
  const shortAi = LLM_STUFFED.split(' ').slice(0, 70).join(' ');

  it('scores texts from 50 words, with a note that a short text is less certain', () => {
    for (const t of [short, shortAi]) {
      const r = analyzeText(t);
      expect(r.word_count).toBeGreaterThanOrEqual(MIN_SCORED_WORDS);
      expect(r.word_count).toBeLessThan(SHORT_WORDS);
      expect(r.ai_confidence).not.toBeNull();
      expect(r.sentences.length).toBeGreaterThan(0);
      const note = r.explanations.find((e) => e.signal === 'length');
      expect(note).toMatchObject({ weight: 0 });
      expect(note!.label).toMatch(/short text \(70 words\).*less certain/);
    }
    expect(analyzeText(shortAi).ai_confidence!).toBeGreaterThan(analyzeText(short).ai_confidence!);
    // Full-length texts carry no such note.
    expect(
      analyzeText(HUMAN_PARAGRAPHS.join('\n\n') + ' ' + HUMAN_INFORMAL).explanations.some((e) => e.signal === 'length'),
    ).toBe(false);
  });

  it('scores from exactly MIN_SCORED_WORDS words and declines one word fewer', () => {
    const words = HUMAN_INFORMAL.split(' ');
    const at = analyzeText(words.slice(0, MIN_SCORED_WORDS).join(' '));
    expect(at.word_count).toBe(MIN_SCORED_WORDS);
    expect(at.ai_confidence).not.toBeNull();
    expect(['human', 'uncertain', 'ai', 'mixed']).toContain(at.verdict);
    const under = analyzeText(words.slice(0, MIN_SCORED_WORDS - 1).join(' '));
    expect(under.word_count).toBe(MIN_SCORED_WORDS - 1);
    expect(under.verdict).toBe('too_short');
  });

  it('widens the uncertain band for short texts instead of refusing them', () => {
    expect(uncertainLowFor(60)).toBeLessThanOrEqual(uncertainLowFor(200));
    expect(uncertainLowFor(400)).toBe(UNCERTAIN_LOW);
    expect(uncertainLowFor(60)).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('calibrates by length: the same evidence counts less in a short text than in a long one', () => {
    // The AI caricature's first 70 words score below the whole text, whose evidence is larger.
    expect(detectorScore(shortAi)).toBeLessThan(detectorScore(LLM_STUFFED + ' ' + LLM_STUFFED));
  });
});

describe('detector: sentence scores and mixed documents', () => {
  const ai = LLM_STUFFED;
  const human = [HUMAN_PARAGRAPHS[0], HUMAN_PARAGRAPHS[1], HUMAN_PARAGRAPHS[2], HUMAN_INFORMAL];
  const half = [...human, ai, ai.replace("In today's fast-paced world", 'In the realm of modern schooling')].join(
    '\n\n',
  );

  it('scores every sentence with offsets into the text, in order', () => {
    const r = analyzeText(half);
    expect(r.sentences.length).toBeGreaterThan(20);
    let prev = -1;
    for (const s of r.sentences) {
      expect(s.start).toBeGreaterThan(prev);
      expect(s.end).toBeGreaterThan(s.start);
      expect(half.slice(s.start, s.end).trim()).toBe(half.slice(s.start, s.end));
      expect(s.score).toBeGreaterThanOrEqual(0);
      expect(s.score).toBeLessThanOrEqual(100);
      prev = s.end;
    }
    const aiStart = half.indexOf(ai);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const inAi = r.sentences.filter((s) => s.start >= aiStart).map((s) => s.score);
    const inHuman = r.sentences.filter((s) => s.end <= aiStart).map((s) => s.score);
    expect(mean(inAi) - mean(inHuman)).toBeGreaterThan(40);
  });

  it('calls a half-human, half-AI document mixed, with ai_share near one half, not "AI"', () => {
    const r = analyzeText(half);
    const aiWords = countWordsIn(half.slice(half.indexOf(ai)));
    expect(r.verdict).toBe('mixed');
    expect(r.ai_share!).toBeGreaterThan(0.3);
    expect(r.ai_share!).toBeLessThan(0.7);
    expect(Math.abs(r.ai_share! - aiWords / r.word_count)).toBeLessThan(0.15);
    // The critical sections are the AI passages, built from the sentence scores.
    expect(r.critical_sections.length).toBeGreaterThan(0);
    for (const s of r.critical_sections) expect(s.start).toBeGreaterThanOrEqual(half.indexOf(ai) - 1);
  });

  it('keeps a wholly human or wholly AI document out of mixed', () => {
    const h = analyzeText(human.join('\n\n'));
    expect(h.verdict).toBe('human');
    expect(h.ai_share!).toBeLessThan(0.2);
    const a = analyzeText([ai, ai, ai].join('\n\n'));
    expect(a.verdict).toBe('ai');
    expect(a.ai_share!).toBeGreaterThan(0.8);
  });
});

describe('detector: where the evidence stands (explanation spans)', () => {
  it('marks each overused word and stock phrase it names', () => {
    const r = analyzeText(LLM_STUFFED);
    const vocab = r.explanations.find((e) => e.signal === 'overused_vocabulary')!;
    expect(vocab.spans!.length).toBeGreaterThan(3);
    const words = vocab.spans!.map((s) => LLM_STUFFED.slice(s.start, s.end).toLowerCase());
    for (const w of ['delve', 'pivotal', 'multifaceted']) expect(words).toContain(w);
    // The label names some of them (the most telling first); every one it names is marked.
    const named = vocab.label.split(': ')[1].replace(', …', '').split(', ');
    for (const w of named) expect(words).toContain(w);
    const phrases = r.explanations.find((e) => e.signal === 'stock_phrases')!;
    const quoted = phrases.spans!.map((s) => LLM_STUFFED.slice(s.start, s.end).toLowerCase());
    expect(quoted).toContain('delve into');
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
