/** The reviser's sentences: the segmentation module's, with a name's initials kept inside one. */
import { describe, expect, it } from 'vitest';
import { detokenize, splitSentences, tokenize } from '../../../src-workers/rewrite/tokens';

const texts = (s: string) => splitSentences(tokenize(s)).map((x) => detokenize(x.toks));

describe("the reviser's sentences", () => {
  it('keep a name with initials in one sentence ("at S.P. Jenkinson he rose")', () => {
    expect(texts('Through his work at S.P. Jenkinson he rose fast. Then he left.')).toEqual([
      'Through his work at S.P. Jenkinson he rose fast.',
      'Then he left.',
    ]);
    expect(texts('J.R.R. Tolkien wrote it. It sold.')).toEqual(['J.R.R. Tolkien wrote it.', 'It sold.']);
  });
  it('still end at initials before a word that opens a sentence', () => {
    expect(texts('We met at the U.N. The talks failed.')).toEqual(['We met at the U.N.', 'The talks failed.']);
  });
  it('give the text back exactly, gaps included', () => {
    const s = 'Through his work at S.P. Jenkinson he rose fast.  Then he left.\n';
    expect(
      splitSentences(tokenize(s))
        .map((x) => detokenize(x.toks) + x.gap)
        .join(''),
    ).toBe(s);
  });
});
