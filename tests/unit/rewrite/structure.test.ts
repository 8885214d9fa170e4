/**
 * Revisions keep a document's structure: every change stays inside one paragraph (so blocks map
 * through it), and code — blocks and inline — is left out of what may be revised.
 */
import { describe, expect, it } from 'vitest';
import { applyRevision, blocksProblem, hunksWithinParagraphs, revisableRanges } from '../../../src-shared/blocks';
import { REWRITE_MODES, type Span, type TextBlock } from '../../../src-shared/models';
import { extractDocument } from '../../../src-workers/extract/index';
import { AI_ESSAY, opts, revise } from './helpers';

const paragraphs = AI_ESSAY.split('\n\n');
const MARKDOWN = [
  '# In today’s fast-paced world, a crucial guide',
  paragraphs[0].replace('crucial role', '**crucial role**').replace('innovative platforms', '*innovative platforms*'),
  '## Key points to delve into',
  '- Furthermore, it is important to note that teachers utilize data.',
  '- Moreover, schools leverage platforms.\n  1. It is not easy.\n  2. It takes time.',
  '> ' + paragraphs[1],
  'Run `leverage --utilize crucial` first, then read the [comprehensive report](https://example.com/r).',
  '```\n// Furthermore, it is important to note that\nutilize(crucial, pivotal);\n```',
  paragraphs[2],
].join('\n\n');

/** Where the code is: code blocks and inline code marks. */
function codeSpans(blocks: TextBlock[]): Span[] {
  return blocks.flatMap((b): Span[] => (b.kind === 'code' ? [b] : (b.marks ?? []).filter((m) => m.kind === 'code')));
}

describe('revision and structure', () => {
  it('every change stays inside one paragraph, blocks map through it, and code is untouched', async () => {
    const original = await extractDocument({
      name: 'essay.md',
      bytes: new TextEncoder().encode(MARKDOWN),
      max_bytes: 1 << 20,
    });
    const code = codeSpans(original.blocks);
    expect(code.map((c) => original.text.slice(c.start, c.end))).toEqual([
      'leverage --utilize crucial',
      '// Furthermore, it is important to note that\nutilize(crucial, pivotal);',
    ]);
    const ranges = revisableRanges(original.text.length, original.blocks, null);
    let changed = 0;
    for (const mode of REWRITE_MODES) {
      for (const strength of [1, 2, 3]) {
        const out = await revise(original.text, opts(mode, strength), ranges);
        changed += out.hunks.length;
        expect(hunksWithinParagraphs(original.text, out.hunks), `${mode} ${strength}`).toBe(true);
        const revised = applyRevision(original, out.hunks, 'all');
        expect(revised.text).toBe(out.text);
        expect(blocksProblem(revised.text, revised.blocks)).toBeNull();
        expect(revised.blocks.map((b) => [b.kind, b.level, b.ordered])).toEqual(
          original.blocks.map((b) => [b.kind, b.level, b.ordered]),
        );
        const codeAfter = codeSpans(revised.blocks);
        expect(codeAfter.map((c) => revised.text.slice(c.start, c.end))).toEqual(
          code.map((c) => original.text.slice(c.start, c.end)),
        );
      }
    }
    // The document was revised, not left alone.
    expect(changed).toBeGreaterThan(20);
  }, 60_000);
});

describe('verse', () => {
  // Written for this test: a stanza a chat model might write, with words the table swaps.
  const stanza = [
    'In the quiet embrace of the autumn night,',
    'The stars unveil their tapestry of light,',
    'A testament to the beauty of the unknown,',
    'Where every whisper is a song of its own.',
  ].join('\n');
  it('a stanza is left as written, and the note says why', async () => {
    const prose =
      'It is important to note that the poem below was written in a single evening. Furthermore, it was never revised.';
    const text = `${prose}\n\n${stanza}`;
    const out = await revise(text, opts('standard', 2));
    expect(out.text.endsWith(stanza)).toBe(true);
    expect(out.hunks.length).toBeGreaterThan(0);
    expect(out.hunks.every((h) => h.end <= prose.length)).toBe(true);
    expect(out.diff_summary.note).toMatch(/One stanza of verse was left as written/);
  });
  it('a stanza of rhymed couplets, each closing with a full stop, is verse too', async () => {
    const couplets = [
      'In the quiet hush of morning light,',
      'The world awakens, soft and bright.',
      'A tapestry of dreams unfolds,',
      'As every heart its story holds.',
    ].join('\n');
    const out = await revise(couplets, opts('standard', 2));
    expect(out.text).toBe(couplets);
    expect(out.diff_summary.note).toMatch(/One stanza of verse was left as written/);
  });
  it('lines after a colon are a list, not a stanza', async () => {
    const list = [
      'Structure',
      'Under the council are the following officers, who meet monthly:',
      'The Director of Finance and Planning.',
      'The Director of Public Works and Transport.',
    ].join('\n');
    const out = await revise(`Furthermore, the council meets every month.\n\n${list}`, opts('standard', 2));
    expect(out.diff_summary.note ?? '').not.toMatch(/verse/);
  });
  it('a stanza the user selected is revised', async () => {
    const out = await revise(stanza, opts('standard', 2), [{ start: 0, end: stanza.length }]);
    expect(out.text).not.toBe(stanza);
  });
  it('a signature is no stanza', async () => {
    const letter =
      'Furthermore, it is important to note that your order will arrive on Friday.\n\nWarm regards,\nDaniel Brooks\nCustomer Care Team';
    const out = await revise(letter, opts('standard', 2));
    expect(out.diff_summary.note ?? '').not.toMatch(/verse/);
  });
  it('verse in lower case, and a song with its section labels and no punctuation, are verse too', async () => {
    const modern = [
      'a tapestry of silver threads;',
      'the stars are out — and I have wept,',
      'and every road is a testament to rain,',
      'if love could ever truly grow this old.',
    ].join('\n');
    expect((await revise(modern, opts('standard', 2))).text).toBe(modern);
    const song = [
      '[Verse 1]',
      'Standing in the rain on a Friday night',
      'Every heartbeat is a testament to you',
      'City lights are fading out of sight',
      'Every whisper tells me what is true',
      '',
      '[Pre-Chorus]',
      "And I couldn't help but fall",
      "Couldn't help but give it all",
    ].join('\n');
    const out = await revise(song, opts('standard', 2));
    expect(out.text).toBe(song);
    expect(out.diff_summary.note).toMatch(/2 stanzas of verse were left as written/);
  });
  it('hard-wrapped prose and a list of fragments are not verse', async () => {
    const wrapped = [
      'It is important to note that the council',
      'met on Monday, and furthermore it decided',
      'to leverage the new budget for the library.',
    ].join('\n');
    expect((await revise(wrapped, opts('standard', 2))).text).not.toBe(wrapped);
    const list = ['Seamless integration with tools', 'Robust support for teams', 'Enhanced security for data'].join(
      '\n',
    );
    expect((await revise(list, opts('standard', 2))).text).not.toBe(list);
    // Four unpunctuated lines, as a song has them, but of things, not sung to anyone.
    const features = [...list.split('\n'), 'Seamless onboarding for new staff'].join('\n');
    expect((await revise(features, opts('standard', 2))).text).not.toBe(features);
  });
  it('a chat, a checklist and a recipe in short unpunctuated lines addressed to "you" are not verse', async () => {
    for (const lines of [
      [
        'Alex: hey are you coming tonight',
        'Sam: yes I will be there around eight',
        'Alex: great we can utilize the back room',
        'Sam: additionally I will bring snacks',
      ],
      [
        'Before your trip',
        'Check that your passport is valid',
        'Book your hotel as early as you can',
        'Additionally buy travel insurance',
        'Leverage a budget app to track your spending',
      ],
      [
        'Mix the flour and sugar in your bowl',
        'Add the eggs and utilize a whisk',
        'Pour the batter into your pan',
        'Bake until you see a golden crust',
      ],
    ]) {
      const text = lines.join('\n');
      const out = await revise(text, opts('standard', 2));
      expect(out.text).not.toBe(text);
      expect(out.diff_summary.note ?? '').not.toMatch(/verse/);
    }
  });
});
