/**
 * Exports read back: Markdown through marked (our Markdown extraction) and Word documents through
 * mammoth (our .docx extraction) must give the same text and the same blocks they were written from.
 */
import { describe, expect, it } from 'vitest';
import { blocksProblem, normalizeMarks } from '../../../src-shared/blocks';
import type { TextBlock, TextMark } from '../../../src-shared/models';
import { buildExport, exportBytes, exportFormatOf } from '../../../src-main/core/export';
import { toMarkdown } from '../../../src-main/core/export/markdown';
import { extractDocument } from '../../../src-workers/extract/index';

const readBack = (name: string, bytes: Uint8Array) => extractDocument({ name, bytes, max_bytes: 20 * 1024 * 1024 });

/**
 * What a reader sees of a document's structure: each block's kind, level and numbering, and the
 * formatting of each visible character. (Marks may be cut differently and say the same: bold over
 * "a b" and bold over "a" and "b" look alike.)
 */
function formatting(d: { text: string; blocks: TextBlock[] }) {
  return d.blocks.map((b) => {
    const chars: string[] = [];
    for (let i = b.start; i < b.end; i++) {
      if (/\s/.test(d.text[i])) continue;
      const on = (b.marks ?? []).filter((m) => m.start <= i && i < m.end);
      chars.push(
        d.text[i] +
          ' ' +
          on
            .map((m) => m.kind + (m.href ? ` ${m.href}` : ''))
            .sort()
            .join(','),
      );
    }
    return { kind: b.kind, level: b.level, ordered: b.ordered, chars };
  });
}

/** Builds a text and its blocks from paragraphs, with marks given as [kind, word(s)] found in each. */
function doc(
  paragraphs: {
    kind: TextBlock['kind'];
    text: string;
    level?: number;
    ordered?: boolean;
    marks?: [string, string][];
  }[],
) {
  let text = '';
  const blocks: TextBlock[] = [];
  for (const p of paragraphs) {
    if (text) text += '\n\n';
    const start = text.length;
    text += p.text;
    const block: TextBlock = { kind: p.kind, start, end: text.length };
    if (p.level !== undefined) block.level = p.level;
    if (p.ordered !== undefined) block.ordered = p.ordered;
    const marks: TextMark[] = (p.marks ?? []).map(([kind, words]) => {
      const at = p.text.indexOf(words);
      if (at < 0) throw new Error(`"${words}" is not in "${p.text}"`);
      const [k, href] = kind.split(' ');
      return {
        kind: k as TextMark['kind'],
        start: start + at,
        end: start + at + words.length,
        ...(href ? { href } : {}),
      };
    });
    if (marks.length) block.marks = normalizeMarks(marks);
    blocks.push(block);
  }
  expect(blocksProblem(text, blocks)).toBeNull();
  // As extraction does: blocks that say nothing beyond "paragraph" are no blocks.
  return { text, blocks: blocks.every((b) => b.kind === 'paragraph' && !b.marks) ? [] : blocks };
}

const SAMPLE = doc([
  { kind: 'heading', level: 1, text: 'Report on the *new* tools #1', marks: [['emphasis', 'tools']] },
  {
    kind: 'paragraph',
    text: 'We use snake_case, a * star, [brackets], <tags> & &amp; entities, a \\ backslash and `ticks`.\nA second line.',
    marks: [
      ['strong', 'We use'],
      ['emphasis', 'snake_case'],
      ['code', '`ticks`'],
      ['link https://example.com/a_(b)', 'brackets'],
    ],
  },
  { kind: 'heading', level: 3, text: 'Steps' },
  { kind: 'list_item', level: 1, ordered: true, text: 'First step', marks: [['strong', 'First']] },
  { kind: 'list_item', level: 2, ordered: false, text: '- a nested bullet that starts with a dash' },
  { kind: 'list_item', level: 2, ordered: false, text: '1. and one with a number' },
  { kind: 'list_item', level: 1, ordered: true, text: 'Second step' },
  {
    kind: 'paragraph',
    text: '# not a heading, > not a quote, and (“punctuated”) emphasis.',
    marks: [['emphasis', '(“punctuated”)']],
  },
  { kind: 'quote', text: 'A quotation,\nover two lines.' },
  { kind: 'quote', text: 'And its second paragraph with **stars**.', marks: [['strong', 'second']] },
  { kind: 'code', text: 'const x = `a`;\n\tif (x) return **x**;' },
  { kind: 'code', text: '```\nfenced inside' },
  {
    kind: 'paragraph',
    text: 'Bold and italic together, then touching.',
    marks: [
      ['strong', 'Bold and italic'],
      ['emphasis', 'and italic together'],
      ['strong', 'then'],
      ['emphasis', 'touching'],
    ],
  },
  { kind: 'paragraph', text: 'A mark inside a word: intra(word)text.', marks: [['emphasis', '(word)']] },
  { kind: 'heading', level: 6, text: '2024. A year' },
]);

describe('Markdown export', () => {
  it('writes headings, lists, quotations, code and marks as Markdown', () => {
    const md = toMarkdown(SAMPLE.text, SAMPLE.blocks);
    expect(md).toContain('# Report on the \\*new\\* *tools* #1\n');
    expect(md).toContain('### Steps\n');
    // A number at a heading's start is plain text after its "#": no escape.
    expect(md).toContain('###### 2024. A year\n');
    expect(md).toContain('1. **First** step\n   - \\- a nested bullet');
    expect(md).toContain('   - 1\\. and one with a number\n2. Second step');
    expect(md).toContain('> A quotation,\\\n> over two lines.\n>\n> And its **second** paragraph');
    expect(md).toContain('[brackets](<https://example.com/a_(b)>)');
    expect(md).toContain('and *(“punctuated”)* emphasis');
    expect(md).toContain('intra<em>(word)</em>text');
    expect(md).toContain('<strong>Bold <em>and italic</em></strong><em> together</em>, **then** *touching*');
    expect(md).toMatch(/````\nconst x = `a`;\n\tif \(x\) return \*\*x\*\*;\n\n```\nfenced inside\n````/);
  });

  it('reads back as the same text and blocks', async () => {
    const md = toMarkdown(SAMPLE.text, SAMPLE.blocks);
    const out = await readBack('x.md', new TextEncoder().encode(md));
    expect(out.text).toBe(SAMPLE.text);
    expect(formatting(out)).toEqual(formatting(SAMPLE));
  });

  it('writes a text without blocks as it is', () => {
    expect(toMarkdown('# already markdown\n\nplain', [])).toBe('# already markdown\n\nplain');
  });

  it('round-trips random documents (property)', async () => {
    for (let round = 0; round < 150; round++) {
      const d = randomDocument(round + 1);
      const md = toMarkdown(d.text, d.blocks);
      const out = await readBack('x.md', new TextEncoder().encode(md));
      expect(out.text, md).toBe(d.text);
      expect(formatting(out), md).toEqual(formatting(d));
    }
  });
});

describe('Word export', () => {
  it('reads back (with mammoth) as the same text and blocks: heading styles, lists, quotations, code, marks', async () => {
    const bytes = await exportBytes('docx', SAMPLE);
    const out = await readBack('x.docx', bytes);
    expect(out.format).toBe('docx');
    expect(out.text).toBe(SAMPLE.text);
    expect(formatting(out)).toEqual(formatting(SAMPLE));
  });

  it('writes a text without blocks as plain paragraphs with its line breaks', async () => {
    const out = await readBack('x.docx', await exportBytes('docx', { text: 'One\nline two\n\nThree', blocks: [] }));
    expect(out.text).toBe('One\nline two\n\nThree');
    expect(out.blocks).toEqual([]);
  });

  it('round-trips random documents (property)', async () => {
    for (let round = 0; round < 25; round++) {
      const d = randomDocument(1000 + round);
      const out = await readBack('x.docx', await exportBytes('docx', d));
      expect(out.text).toBe(d.text);
      expect(formatting(out)).toEqual(formatting(d));
    }
  });
});

describe('export formats', () => {
  it('plain text is the text itself; names and types follow the format', async () => {
    const txt = await buildExport('report', 'txt', SAMPLE);
    expect(Buffer.from(txt.base64, 'base64').toString('utf8')).toBe(SAMPLE.text + '\n');
    expect(txt).toMatchObject({ name: 'report.txt', mime: 'text/plain; charset=utf-8' });
    expect(await buildExport('report', 'md', SAMPLE)).toMatchObject({ name: 'report.md', mime: /markdown/ });
    const docx = await buildExport('report', 'docx', SAMPLE);
    expect(docx.name).toBe('report.docx');
    expect(Buffer.from(docx.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('exportFormatOf reads the extension', () => {
    expect(exportFormatOf('out/essay.DOCX')).toBe('docx');
    expect(exportFormatOf('a.markdown')).toBe('md');
    expect(exportFormatOf('notes.txt')).toBe('txt');
    expect(exportFormatOf('x.pdf')).toBeNull();
    expect(exportFormatOf('noextension')).toBeNull();
    expect(exportFormatOf('.md')).toBeNull();
  });
});

/**
 * A random document of the shape extraction produces: no tabs, doubled spaces or leading spaces
 * outside code, headings on one line, list levels rising one at a time, marks on whole words.
 */
function randomDocument(seed: number): { text: string; blocks: TextBlock[] } {
  let state = seed;
  const random = (n: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return Math.floor((state / 2 ** 31) * n);
  };
  const pick = <T>(xs: readonly T[]) => xs[random(xs.length)];
  const vocabulary = [
    'plain',
    'words',
    'snake_case',
    '_under',
    'over_',
    '*',
    '**',
    'a*b',
    '#',
    '##',
    '>',
    '-',
    '+',
    '1.',
    '2)',
    '=',
    '[x]',
    ']',
    '<b>',
    '&amp;',
    '&',
    '\\',
    '`',
    '``code``',
    '~',
    '~~',
    '|',
    ':',
    '!',
    '(paren)',
    '“quote”',
    'café',
    'C#',
    'end.',
    '2024.',
    'e.g.',
    '---',
    '***',
    '___',
    'x',
    'Word',
  ];
  const kinds = ['paragraph', 'heading', 'list_item', 'quote', 'code'] as const;
  const hrefs = ['https://example.com/', 'https://example.com/a_(b)?c=d&e', 'mailto:someone@example.com'];
  const paragraphs: Parameters<typeof doc>[0] = [];
  let listLevel = 0;
  for (let i = 1 + random(7); i > 0; i--) {
    const kind = pick(kinds);
    if (kind === 'code') {
      const lines = Array.from({ length: 1 + random(3) }, () =>
        Array.from({ length: 1 + random(4) }, () => pick(['\tx', '  y', '`', '```', '**b**', 'z;'])).join(' '),
      );
      paragraphs.push({ kind, text: lines.join('\n').trimEnd() });
      listLevel = 0;
      continue;
    }
    const words = Array.from({ length: 1 + random(8) }, () => pick(vocabulary));
    const lines =
      kind === 'heading' || words.length < 3 || random(3) > 0 ? [words] : [words.slice(0, 2), words.slice(2)];
    const text = lines.map((l) => l.join(' ')).join('\n');
    const marks: [string, string][] = [];
    // Marks on whole words (each word's first occurrence), one per kind at most.
    for (const k of ['strong', 'emphasis', 'code', 'link']) {
      if (random(3) > 0) continue;
      const w = pick(words);
      marks.push([k === 'link' ? `link ${pick(hrefs)}` : k, w]);
    }
    const p: Parameters<typeof doc>[0][number] = { kind, text, marks };
    if (kind === 'heading') p.level = 1 + random(6);
    if (kind === 'list_item') {
      listLevel = 1 + random(Math.min(3, listLevel + 1));
      p.level = listLevel;
      p.ordered = random(2) === 0;
    } else listLevel = 0;
    paragraphs.push(p);
  }
  // Some structure, or the text would be written as it is (plain text is not escaped).
  if (paragraphs.every((p) => p.kind === 'paragraph' && !p.marks?.length)) paragraphs[0].kind = 'quote';
  return doc(paragraphs);
}
