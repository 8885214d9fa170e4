/** The one segmentation module: sentences, tokens and their agreement. Sentences written for these tests. */
import { describe, expect, it } from 'vitest';
import {
  countWordTokens,
  isAbbreviation,
  paragraphs,
  sentenceSpans,
  sentenceTokens,
  sentences,
  tokenize,
} from '../../../src-workers/text/segment';

const texts = (s: string) => sentences(s).map((x) => x.text);

describe('sentences', () => {
  it('end at . ! ? … before a capital, a digit or an opening quote', () => {
    expect(texts('It rained. Then it stopped! Did it? "Yes," she said. 2020 was dry… Rain came.')).toEqual([
      'It rained.',
      'Then it stopped!',
      'Did it?',
      '"Yes," she said.',
      '2020 was dry…',
      'Rain came.',
    ]);
  });
  it('not after abbreviations, initials or inside numbers', () => {
    expect(texts('Dr. Smith met J. R. Jones at 3.5 km, e.g. near St. Ives. They left.')).toEqual([
      'Dr. Smith met J. R. Jones at 3.5 km, e.g. near St. Ives.',
      'They left.',
    ]);
    expect(isAbbreviation('e.g')).toBe(true);
    expect(isAbbreviation('Prof')).toBe(true);
    expect(isAbbreviation('J')).toBe(true);
    expect(isAbbreviation('house')).toBe(false);
  });
  it('keep closing quotes and brackets, and never run over a blank line', () => {
    expect(texts('He said "go." She went (quickly.) Done\n\nNext one.')).toEqual([
      'He said "go."',
      'She went (quickly.)',
      'Done',
      'Next one.',
    ]);
    expect(sentences('One.\n\nTwo.').map((s) => s.paragraph)).toEqual([0, 1]);
    expect(paragraphs('  A.\n \nB.  ')).toEqual([
      { start: 2, end: 4 },
      { start: 7, end: 9 },
    ]);
  });
  it('not before a lower-case word ("etc. and more")', () => {
    expect(texts('Bring pens. and paper. Then go.')).toEqual(['Bring pens. and paper.', 'Then go.']);
  });
  it('a placeholder (masked protected text) may open a sentence', () => {
    expect(sentenceSpans('It ended. \uE0003\uE001 was all she said.')).toEqual([
      { start: 0, end: 9 },
      { start: 10, end: 31 },
    ]);
  });
});

describe('tokens', () => {
  it('give the text back exactly, with kinds', () => {
    const s = "Don't re-use it — e.g. \uE0001\uE001 costs 3.5%!\n";
    const toks = tokenize(s);
    expect(toks.map((t) => t.text).join('')).toBe(s);
    expect(toks.filter((t) => t.kind === 'word').map((t) => t.text)).toEqual([
      "Don't",
      're-use',
      'it',
      'e',
      'g',
      'costs',
      '3',
      '5',
    ]);
    expect(toks.find((t) => t.kind === 'placeholder')?.text).toBe('\uE0001\uE001');
    expect(toks.filter((t) => t.kind === 'punctuation').map((t) => t.text)).toEqual(['—', '.', '.', '.', '%', '!']);
  });
  it('are counted as words without being made, to the same count', () => {
    for (const s of [
      "Don't re-use it — e.g. \uE0001\uE001 costs 3.5%!\n",
      "\uE000x\uE001 \uE00012 ab'c-d’e x-'y '' -a- ü\u0301 日本語 ٣٤",
      '',
      '   \n\t',
    ])
      expect(countWordTokens(s)).toBe(tokenize(s).filter((t) => t.kind === 'word').length);
    expect(countWordTokens("Don't re-use it \uE0001\uE001.")).toBe(3);
  });
  it('split into sentences exactly where `sentences` does, each with the whitespace after it', () => {
    const s = '  Mr. Brown left.  He came back! Then\nhe slept.';
    const parts = sentenceTokens(tokenize(s));
    expect(parts.map((p) => p.tokens.map((t) => t.text).join(''))).toEqual([
      '',
      'Mr. Brown left.',
      'He came back!',
      'Then\nhe slept.',
    ]);
    expect(parts.map((p) => p.gap)).toEqual(['  ', '  ', ' ', '']);
    expect(parts.map((p) => p.tokens.map((t) => t.text).join('') + p.gap).join('')).toBe(s);
    expect(texts(s)).toEqual(parts.slice(1).map((p) => p.tokens.map((t) => t.text).join('')));
  });
});
