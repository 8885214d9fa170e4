import { describe, expect, it } from 'vitest';
import {
  applyRevision,
  blocksProblem,
  hunksWithinParagraphs,
  mapBlocks,
  normalizeMarks,
  paragraphRanges,
  revisableRanges,
} from '../../../src-shared/blocks';
import { applyHunks } from '../../../src-shared/hunks';
import type { DiffHunk, TextBlock } from '../../../src-shared/models';

/** A tiny document: a heading, a paragraph with bold and a link, a list item with code. */
const TEXT = 'A crucial title\n\nWe utilize robust data to delve into results.\n\nRun the tool now';
const BLOCKS: TextBlock[] = [
  { kind: 'heading', level: 1, start: 0, end: 15 },
  {
    kind: 'paragraph',
    start: 17,
    end: 62,
    marks: [
      { kind: 'strong', start: 20, end: 27 }, // "utilize"
      { kind: 'link', start: 35, end: 39, href: 'https://example.com' }, // "data"
    ],
  },
  { kind: 'list_item', level: 1, ordered: false, start: 64, end: 80, marks: [{ kind: 'code', start: 72, end: 76 }] },
];

const hunk = (id: number, text: string, before: string, after: string, from = 0): DiffHunk => {
  const start = text.indexOf(before, from);
  if (start < 0) throw new Error(`"${before}" is not in the text`);
  return { id, start, end: start + before.length, before, after };
};

/** The text each block and mark covers, for readable assertions. */
const view = (text: string, blocks: TextBlock[]) =>
  blocks.map((b) => ({
    kind: b.kind,
    text: text.slice(b.start, b.end),
    marks: (b.marks ?? []).map((m) => `${m.kind}:${text.slice(m.start, m.end)}`),
  }));

describe('paragraphRanges and blocksProblem', () => {
  it('finds the paragraphs between blank lines', () => {
    expect(paragraphRanges(TEXT).map((r) => TEXT.slice(r.start, r.end))).toEqual([
      'A crucial title',
      'We utilize robust data to delve into results.',
      'Run the tool now',
    ]);
    expect(paragraphRanges('')).toEqual([]);
    expect(paragraphRanges('one\nline')).toEqual([{ start: 0, end: 8 }]);
  });

  it('accepts valid blocks and no blocks, and names what is wrong otherwise', () => {
    expect(blocksProblem(TEXT, BLOCKS)).toBeNull();
    expect(blocksProblem(TEXT, [])).toBeNull();
    expect(blocksProblem(TEXT, BLOCKS.slice(1))).toMatch(/3 paragraphs but 2 blocks/);
    expect(blocksProblem(TEXT, [{ ...BLOCKS[0], end: 14 }, BLOCKS[1], BLOCKS[2]])).toMatch(/does not span/);
    expect(blocksProblem(TEXT, [{ ...BLOCKS[0], level: 7 }, BLOCKS[1], BLOCKS[2]])).toMatch(/level from 1 to 6/);
    expect(
      blocksProblem(TEXT, [BLOCKS[0], { ...BLOCKS[1], marks: [{ kind: 'strong', start: 10, end: 20 }] }, BLOCKS[2]]),
    ).toMatch(/outside/);
    expect(
      blocksProblem(TEXT, [BLOCKS[0], { ...BLOCKS[1], marks: [{ kind: 'link', start: 20, end: 25 }] }, BLOCKS[2]]),
    ).toMatch(/link target/);
    expect(
      blocksProblem(TEXT, [
        BLOCKS[0],
        {
          ...BLOCKS[1],
          marks: [
            { kind: 'strong', start: 20, end: 27 },
            { kind: 'strong', start: 25, end: 30 },
          ],
        },
        BLOCKS[2],
      ]),
    ).toMatch(/overlap/);
  });

  it('normalizeMarks sorts, merges touching marks of one kind and keeps links to different targets apart', () => {
    expect(
      normalizeMarks([
        { kind: 'strong', start: 5, end: 8 },
        { kind: 'strong', start: 0, end: 5 },
        { kind: 'emphasis', start: 2, end: 6 },
        { kind: 'link', start: 0, end: 3, href: 'https://a.example' },
        { kind: 'link', start: 3, end: 6, href: 'https://b.example' },
        { kind: 'code', start: 4, end: 4 },
      ]),
    ).toEqual([
      { kind: 'link', start: 0, end: 3, href: 'https://a.example' },
      { kind: 'strong', start: 0, end: 8 },
      { kind: 'emphasis', start: 2, end: 6 },
      { kind: 'link', start: 3, end: 6, href: 'https://b.example' },
    ]);
  });
});

describe('mapBlocks', () => {
  it('shifts blocks and marks by what the changes before them added or removed', () => {
    const hunks = [hunk(0, TEXT, 'crucial', 'key'), hunk(1, TEXT, 'delve into', 'study')];
    const revised = applyHunks(TEXT, hunks, 'all');
    const blocks = mapBlocks(BLOCKS, hunks);
    expect(blocksProblem(revised, blocks)).toBeNull();
    expect(view(revised, blocks)).toEqual([
      { kind: 'heading', text: 'A key title', marks: [] },
      {
        kind: 'paragraph',
        text: 'We utilize robust data to study results.',
        marks: ['strong:utilize', 'link:data'],
      },
      { kind: 'list_item', text: 'Run the tool now', marks: ['code:tool'] },
    ]);
    expect(blocks[0].level).toBe(1);
    expect(blocks[1].marks![1].href).toBe('https://example.com');
  });

  it('moves a mark on a replaced word to its replacement, and drops one whose words were deleted', () => {
    const replaced = [hunk(0, TEXT, 'utilize', 'use')];
    expect(view(applyHunks(TEXT, replaced, 'all'), mapBlocks(BLOCKS, replaced))[1].marks).toEqual([
      'strong:use',
      'link:data',
    ]);
    const deleted = [hunk(0, TEXT, 'utilize ', '')];
    const blocks = mapBlocks(BLOCKS, deleted);
    expect(view(applyHunks(TEXT, deleted, 'all'), blocks)[1].marks).toEqual(['link:data']);
    expect(blocksProblem(applyHunks(TEXT, deleted, 'all'), blocks)).toBeNull();
  });

  it('keeps the shared part of a mark a change cuts into, and gives it the changed middle', () => {
    // "robust data" → "sound data": the link on "data" keeps exactly "data".
    const h1 = [hunk(0, TEXT, 'robust data', 'sound data')];
    expect(view(applyHunks(TEXT, h1, 'all'), mapBlocks(BLOCKS, h1))[1].marks).toEqual(['strong:utilize', 'link:data']);
    // "utilize robust" → "rely on solid": the bold on "utilize" takes the whole replacement of it.
    const h2 = [hunk(0, TEXT, 'utilize robust', 'rely on solid')];
    expect(view(applyHunks(TEXT, h2, 'all'), mapBlocks(BLOCKS, h2))[1].marks).toEqual([
      'strong:rely on solid',
      'link:data',
    ]);
  });

  it('drops a mark on deleted words inside a longer change, and keeps the words both texts share', () => {
    // Before: the bold on "In summary," took the whole changed middle — "**Incorporating … your genera**l".
    const text = 'In summary, exercise helps to enhance your overall mood.';
    const blocks: TextBlock[] = [
      { kind: 'paragraph', start: 0, end: text.length, marks: [{ kind: 'strong', start: 0, end: 11 }] },
    ];
    const change = [
      hunk(0, text, 'In summary, exercise helps to enhance your overall', 'Exercise helps to improve your general'),
    ];
    const revised = applyHunks(text, change, 'all');
    expect(revised).toBe('Exercise helps to improve your general mood.');
    expect(view(revised, mapBlocks(blocks, change))[0].marks).toEqual([]);
    // A mark strictly inside replaced words goes with them.
    const inside = 'It plays a crucial role in keeping us well.';
    const italic: TextBlock[] = [
      { kind: 'paragraph', start: 0, end: inside.length, marks: [{ kind: 'emphasis', start: 11, end: 23 }] },
    ];
    const shortened = [hunk(0, inside, 'plays a crucial role in keeping', 'keeps')];
    expect(view(applyHunks(inside, shortened, 'all'), mapBlocks(italic, shortened))[0].marks).toEqual([]);
    // A bold label whose first word is replaced keeps its bold on the whole label.
    const label = 'Enhanced sleep quality: people sleep better.';
    const labelled: TextBlock[] = [
      {
        kind: 'list_item',
        level: 1,
        ordered: false,
        start: 0,
        end: label.length,
        marks: [{ kind: 'strong', start: 0, end: 23 }],
      },
    ];
    const swap = [hunk(0, label, 'Enhanced', 'Improved')];
    expect(view(applyHunks(label, swap, 'all'), mapBlocks(labelled, swap))[0].marks).toEqual([
      'strong:Improved sleep quality:',
    ]);
  });

  it('gives text inserted at a block edge to that block', () => {
    const hunks: DiffHunk[] = [
      { id: 0, start: 17, end: 17, before: '', after: 'Today, ' },
      { id: 1, start: 62, end: 62, before: '', after: ' Really.' },
      { id: 2, start: 80, end: 80, before: '', after: ' please' },
    ];
    const revised = applyHunks(TEXT, hunks, 'all');
    const blocks = mapBlocks(BLOCKS, hunks);
    expect(view(revised, blocks).map((b) => b.text)).toEqual([
      'A crucial title',
      'Today, We utilize robust data to delve into results. Really.',
      'Run the tool now please',
    ]);
    expect(blocksProblem(revised, blocks)).toBeNull();
  });

  it('maps only the accepted changes, like applyHunks', () => {
    const hunks = [hunk(0, TEXT, 'crucial', 'key'), hunk(1, TEXT, 'utilize', 'use')];
    const revised = applyHunks(TEXT, hunks, [1]);
    const blocks = mapBlocks(BLOCKS, hunks, [1]);
    expect(blocksProblem(revised, blocks)).toBeNull();
    expect(view(revised, blocks)[0].text).toBe('A crucial title');
    expect(view(revised, blocks)[1].marks[0]).toBe('strong:use');
  });

  it('refuses a change that crosses or adds a paragraph break, or overlaps another', () => {
    const crossing: DiffHunk = { id: 0, start: 10, end: 20, before: TEXT.slice(10, 20), after: 'x' };
    expect(() => mapBlocks(BLOCKS, [crossing])).toThrow(/crosses a paragraph/);
    const splitting = hunk(0, TEXT, 'robust', 'robust.\n\nNew');
    expect(() => mapBlocks(BLOCKS, [splitting])).toThrow(/crosses a paragraph/);
    const inSeparator: DiffHunk = { id: 0, start: 16, end: 16, before: '', after: 'x' };
    expect(() => mapBlocks(BLOCKS, [inSeparator])).toThrow(/crosses a paragraph/);
    expect(() => mapBlocks(BLOCKS, [hunk(0, TEXT, 'utilize', 'a'), hunk(1, TEXT, 'lize rob', 'b')])).toThrow(
      /overlaps/,
    );
    expect(hunksWithinParagraphs(TEXT, [crossing])).toBe(false);
    expect(hunksWithinParagraphs(TEXT, [splitting])).toBe(false);
    expect(hunksWithinParagraphs(TEXT, [hunk(0, TEXT, 'utilize', 'use')])).toBe(true);
  });

  it('returns no blocks for a text without blocks', () => {
    expect(mapBlocks([], [hunk(0, TEXT, 'crucial', 'key')])).toEqual([]);
  });

  it('keeps every block valid under any set of changes within words (property)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const words = ['new', '', 'a longer phrase', 'x', 'Moreover,'];
    for (let round = 0; round < 500; round++) {
      // Random non-overlapping hunks inside paragraphs, on word boundaries or not.
      const hunks: DiffHunk[] = [];
      let pos = 0;
      for (const p of paragraphRanges(TEXT)) {
        pos = Math.max(pos, p.start);
        while (pos < p.end && random() < 0.6) {
          const start = pos + Math.floor(random() * Math.min(8, p.end - pos));
          const end = Math.min(p.end, start + Math.floor(random() * 6));
          const after = words[Math.floor(random() * words.length)];
          hunks.push({ id: hunks.length, start, end, before: TEXT.slice(start, end), after });
          pos = end + 1;
        }
      }
      const accepted = hunks.filter(() => random() < 0.7).map((h) => h.id);
      const revised = applyHunks(TEXT, hunks, accepted);
      const blocks = mapBlocks(BLOCKS, hunks, accepted);
      expect(blocksProblem(revised, blocks), JSON.stringify(hunks)).toBeNull();
      expect(blocks.map((b) => b.kind)).toEqual(BLOCKS.map((b) => b.kind));
    }
  });
});

describe('applyRevision', () => {
  it('applies the accepted changes to the text and maps the blocks with them', () => {
    const hunks = [hunk(0, TEXT, 'crucial', 'key'), hunk(1, TEXT, 'delve into', 'study')];
    const out = applyRevision({ text: TEXT, blocks: BLOCKS }, hunks, [0]);
    expect(out.text).toBe(applyHunks(TEXT, hunks, [0]));
    expect(blocksProblem(out.text, out.blocks)).toBeNull();
    expect(() => applyRevision({ text: TEXT, blocks: [] }, [hunk(0, TEXT, 'title', 'title.\n\nMore')], 'all')).toThrow(
      RangeError,
    );
  });
});

describe('revisableRanges', () => {
  it('leaves out code blocks and inline code, within the requested scope', () => {
    const blocks: TextBlock[] = [
      { kind: 'paragraph', start: 0, end: 20, marks: [{ kind: 'code', start: 5, end: 9 }] },
      { kind: 'code', start: 22, end: 40 },
      { kind: 'paragraph', start: 42, end: 60 },
    ];
    expect(revisableRanges(60, blocks, null)).toEqual([
      { start: 0, end: 5 },
      { start: 9, end: 22 },
      { start: 40, end: 60 },
    ]);
    expect(
      revisableRanges(60, blocks, [
        { start: 45, end: 50 },
        { start: 2, end: 30 },
      ]),
    ).toEqual([
      { start: 2, end: 5 },
      { start: 9, end: 22 },
      { start: 45, end: 50 },
    ]);
  });

  it('changes nothing when there is no code', () => {
    expect(revisableRanges(80, BLOCKS.slice(0, 2), null)).toBeNull();
    expect(revisableRanges(80, [], [{ start: 3, end: 9 }])).toEqual([{ start: 3, end: 9 }]);
  });
});
