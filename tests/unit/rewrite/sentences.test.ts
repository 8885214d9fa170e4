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
  it('end a run-in heading in emphasis, with its stop inside or after it', () => {
    expect(texts('**Water often.** It is important to water.')).toEqual([
      '**Water often.**',
      'It is important to water.',
    ]);
    expect(texts('**Cost savings**: Firms save. They grow.')).toEqual([
      '**Cost savings**:',
      'Firms save.',
      'They grow.',
    ]);
    expect(texts('*Tip*. Rest well.')).toEqual(['*Tip*.', 'Rest well.']);
    const label = splitSentences(tokenize('**Tip:** Rest well.'));
    expect(label.map((x) => !!x.label)).toEqual([true, false]);
  });
  it('keep emphasis that is no heading inside its sentence', () => {
    expect(texts('**Bold** text is here. It is.')).toEqual(['**Bold** text is here.', 'It is.']);
    expect(texts('*Never* leave it on.')).toEqual(['*Never* leave it on.']);
    expect(texts('**Note:** the value is kept.')).toEqual(['**Note:** the value is kept.']);
  });
  it('give the text back exactly, gaps included', () => {
    const s = 'Through his work at S.P. Jenkinson he rose fast.  Then he left.\n**Tip:**  Rest well.';
    expect(
      splitSentences(tokenize(s))
        .map((x) => detokenize(x.toks) + x.gap)
        .join(''),
    ).toBe(s);
  });
});
