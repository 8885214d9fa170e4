/** Blocks beside the extracted text: what each paragraph was, and where its inline marks are. */
import {
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { blocksProblem } from '../../../src-shared/blocks';
import type { TextBlock } from '../../../src-shared/models';
import type { ExtractOutput } from '../../../src-shared/tasks';
import { htmlToParagraphs, htmlToText } from '../../../src-workers/extract/html';
import { normalizeText, normalizeTracked } from '../../../src-workers/extract/normalize';
import {
  assembleParagraphs,
  MAX_BLOCKS,
  MAX_MARKS,
  safeHref,
  type RawParagraph,
} from '../../../src-workers/extract/structure';
import { buildPdf, extract, layout } from './fixtures';

/** Each block as its kind (with level and ordered), its text and its marks' texts. */
function view(out: { text: string; blocks: TextBlock[] }) {
  expect(blocksProblem(out.text, out.blocks)).toBeNull();
  return out.blocks.map((b) => {
    let kind: string = b.kind;
    if (b.level !== undefined) kind += ` ${b.level}`;
    if (b.ordered !== undefined) kind += b.ordered ? ' ordered' : ' bulleted';
    const marks = (b.marks ?? []).map(
      (m) => `${m.kind}:${out.text.slice(m.start, m.end)}${m.href !== undefined ? ` → ${m.href}` : ''}`,
    );
    return marks.length ? [kind, out.text.slice(b.start, b.end), marks] : [kind, out.text.slice(b.start, b.end)];
  });
}

describe('Markdown structure', () => {
  it('headings, lists, quotations, code and marks become blocks; the text stays plain', async () => {
    const md = [
      '# Title with *emphasis*',
      'A paragraph with **bold**, _italic_, `code`, a [link](https://example.com/a "t") and a [relative one](./b.md).',
      '## Second level',
      '- bullet one\n- bullet **two**\n  1. nested first\n  2. nested second\n- bullet three',
      '> Quoted **start\n> of** a line.',
      '```js\nconst a = 1;\n\nconst b = 2;\n```',
      'Last line with a hard  \nbreak.',
    ].join('\n\n');
    const out = await extract('doc.md', md);
    expect(out.text).toBe(
      [
        'Title with emphasis',
        'A paragraph with bold, italic, code, a link and a relative one.',
        'Second level',
        'bullet one',
        'bullet two',
        'nested first',
        'nested second',
        'bullet three',
        'Quoted start of a line.',
        'const a = 1;',
        'const b = 2;',
        'Last line with a hard\nbreak.',
      ].join('\n\n'),
    );
    expect(view(out)).toEqual([
      ['heading 1', 'Title with emphasis', ['emphasis:emphasis']],
      [
        'paragraph',
        'A paragraph with bold, italic, code, a link and a relative one.',
        ['strong:bold', 'emphasis:italic', 'code:code', 'link:link → https://example.com/a'],
      ],
      ['heading 2', 'Second level'],
      ['list_item 1 bulleted', 'bullet one'],
      ['list_item 1 bulleted', 'bullet two', ['strong:two']],
      ['list_item 2 ordered', 'nested first'],
      ['list_item 2 ordered', 'nested second'],
      ['list_item 1 bulleted', 'bullet three'],
      ['quote', 'Quoted start of a line.', ['strong:start of']],
      ['code', 'const a = 1;'],
      ['code', 'const b = 2;'],
      ['paragraph', 'Last line with a hard\nbreak.'],
    ]);
  });

  it('plain paragraphs give no blocks, and neither does the plain fallback for pathological sources', async () => {
    expect((await extract('a.md', 'One paragraph.\n\nAnother one.')).blocks).toEqual([]);
    const nested = Array.from({ length: 2000 }, (_, i) => ' '.repeat(i * 2) + '- **item** ' + i).join('\n');
    expect((await extract('deep.md', nested)).blocks).toEqual([]);
  });
});

describe('HTML structure', () => {
  it('reads headings, nested lists, quotations, pre and marks; drops unsafe link targets', async () => {
    const html = `<h2>Sub <i>title</i></h2>
      <ul><li>one<ol><li>inner <b>bold</b></li></ol></li><li><p>two</p></li></ul>
      <blockquote><p>Quoted</p><p>twice</p></blockquote>
      <pre>line 1
  line 2</pre>
      <p><a href="javascript:alert(1)">bad</a> <a href="/relative">rel</a> <a href=" https://ok.example/x ">ok</a>
      <a href="mailto:a@b.example">mail</a> <code>x()</code> <kbd>Ctrl</kbd></p>`;
    const out = await extract('page.html', html);
    expect(view(out)).toEqual([
      ['heading 2', 'Sub title', ['emphasis:title']],
      ['list_item 1 bulleted', 'one'],
      ['list_item 2 ordered', 'inner bold', ['strong:bold']],
      ['list_item 1 bulleted', 'two'],
      ['quote', 'Quoted'],
      ['quote', 'twice'],
      ['code', 'line 1\n  line 2'],
      [
        'paragraph',
        'bad rel ok mail x() Ctrl',
        ['link:ok → https://ok.example/x', 'link:mail → mailto:a@b.example', 'code:x()', 'code:Ctrl'],
      ],
    ]);
  });

  it('a mark over several paragraphs or line breaks is cut at each, without the whitespace at its ends', async () => {
    const out = await extract('a.html', '<b><p>first </p><p> second<br><br>third</p></b><p><em>a<br>b</em></p>');
    expect(view(out)).toEqual([
      ['paragraph', 'first', ['strong:first']],
      ['paragraph', 'second', ['strong:second']],
      ['paragraph', 'third', ['strong:third']],
      ['paragraph', 'a\nb', ['emphasis:a\nb']],
    ]);
  });

  it('marks keep their words through Unicode composition and removed characters', async () => {
    const out = await extract(
      'a.html',
      '<p>cafe\u0301 <b>re\u0301sume\u0301</b> soft\u00adhy<i>phen\u0007ated</i></p>',
    );
    expect(out.text).toBe('café résumé softhyphenated');
    expect(view(out)).toEqual([['paragraph', 'café résumé softhyphenated', ['strong:résumé', 'emphasis:phenated']]]);
  });

  it('text and blocks agree with plain normalisation on random markup (property)', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * n);
    };
    const tags = ['p', 'h1', 'h3', 'li', 'ul', 'ol', 'blockquote', 'pre', 'b', 'em', 'code', 'a', 'div', 'td', 'tr'];
    const texts = [
      'word',
      ' ',
      '  two  words ',
      'e\u0301',
      '\u00a0',
      '\u200b',
      '\r\n',
      '\f',
      'x\u00ady',
      '&amp;',
      '\t',
    ];
    const build = (depth: number): string => {
      let s = '';
      const parts = 1 + random(4);
      for (let i = 0; i < parts; i++) {
        if (depth > 0 && random(3) > 0) {
          const tag = tags[random(tags.length)];
          const attrs = tag === 'a' ? ' href="https://x.example/"' : '';
          s += `<${tag}${attrs}>${build(depth - 1)}</${tag}>`;
        } else if (random(6) === 0) s += '<br>';
        else s += texts[random(texts.length)];
      }
      return s;
    };
    for (let round = 0; round < 400; round++) {
      const html = build(4);
      const structured = assembleParagraphs(htmlToParagraphs(html));
      expect(structured.text, html).toBe(normalizeText(htmlToText(html)));
      expect(blocksProblem(structured.text, structured.blocks), html).toBeNull();
    }
  });
});

describe('Word structure', () => {
  it('reads heading styles, the title, lists, quotations, code styles, bold, italic and hyperlinks', async () => {
    const run = (text: string, o: { bold?: boolean; italics?: boolean; style?: string } = {}) =>
      new TextRun({ text, ...o });
    const para = (children: ParagraphChild[], o: Record<string, unknown> = {}) => new Paragraph({ children, ...o });
    const doc = new Document({
      styles: {
        paragraphStyles: [
          { id: 'Quote', name: 'Quote', basedOn: 'Normal' },
          { id: 'SourceCode', name: 'Source Code', basedOn: 'Normal' },
        ],
        characterStyles: [{ id: 'VerbatimChar', name: 'Verbatim Char' }],
      },
      numbering: {
        config: [
          {
            reference: 'numbers',
            levels: [0, 1].map((level) => ({ level, format: LevelFormat.DECIMAL, text: `%${level + 1}.` })),
          },
        ],
      },
      sections: [
        {
          children: [
            para([run('The Title')], { heading: HeadingLevel.TITLE }),
            para([run('Chapter')], { heading: HeadingLevel.HEADING_1 }),
            para([run('Plain, '), run('bold', { bold: true }), run(' and '), run('italic', { italics: true })]),
            para([run('Section')], { heading: HeadingLevel.HEADING_3 }),
            para([run('a bullet')], { bullet: { level: 0 } }),
            para([run('a deeper bullet')], { bullet: { level: 1 } }),
            para([run('step one')], { numbering: { reference: 'numbers', level: 0 } }),
            para([run('Said once.')], { style: 'Quote' }),
            para([run('x = 1')], { style: 'SourceCode' }),
            para([
              run('See '),
              new ExternalHyperlink({ link: 'https://example.com/doc', children: [run('the docs')] }),
              run(' and call '),
              run('run()', { style: 'VerbatimChar' }),
            ]),
          ],
        },
      ],
    });
    const out = await extract('doc.docx', new Uint8Array(await Packer.toBuffer(doc)));
    expect(view(out)).toEqual([
      ['heading 1', 'The Title'],
      ['heading 1', 'Chapter'],
      ['paragraph', 'Plain, bold and italic', ['strong:bold', 'emphasis:italic']],
      ['heading 3', 'Section'],
      ['list_item 1 bulleted', 'a bullet'],
      ['list_item 2 bulleted', 'a deeper bullet'],
      ['list_item 1 ordered', 'step one'],
      ['quote', 'Said once.'],
      ['code', 'x = 1'],
      ['paragraph', 'See the docs and call run()', ['link:the docs → https://example.com/doc', 'code:run()']],
    ]);
  });
});

describe('formats without structure', () => {
  it('plain text and PDFs have no blocks', async () => {
    const txt: ExtractOutput = await extract('a.txt', '# Not a heading\n\n- not a list');
    expect(txt.blocks).toEqual([]);
    const pdf = await extract('a.pdf', buildPdf([{ lines: layout(['A heading', 'Body text of the page.']) }]));
    expect(pdf.blocks).toEqual([]);
  });
});

describe('assembleParagraphs', () => {
  it('splits a paragraph at its blank lines into blocks of the same kind, each with its marks', () => {
    const p: RawParagraph = {
      text: 'one two\n \nthree four',
      kind: 'quote',
      marks: [{ kind: 'strong', start: 4, end: 16 }],
    };
    expect(view(assembleParagraphs([p]))).toEqual([
      ['quote', 'one two', ['strong:two']],
      ['quote', 'three four', ['strong:three']],
    ]);
  });

  it('keeps no blocks past the block limit, and no marks past the mark limit', () => {
    expect(MAX_BLOCKS).toBeGreaterThanOrEqual(10_000);
    expect(MAX_MARKS).toBeGreaterThanOrEqual(MAX_BLOCKS);
    const limits = { maxBlocks: 10, maxMarks: 20 };
    const item = (): RawParagraph => ({ text: 'item', kind: 'list_item', level: 1, ordered: false, marks: [] });
    expect(assembleParagraphs(Array.from({ length: 10 }, item), limits).blocks).toHaveLength(10);
    const many = assembleParagraphs(Array.from({ length: 11 }, item), limits);
    expect(many.blocks).toEqual([]);
    expect(many.text.split('\n\n')).toHaveLength(11);
    const marked = (): RawParagraph => ({
      text: 'a b c',
      kind: 'heading',
      level: 2,
      marks: [
        { kind: 'strong', start: 0, end: 1 },
        { kind: 'emphasis', start: 2, end: 3 },
        { kind: 'code', start: 4, end: 5 },
      ],
    });
    expect(assembleParagraphs(Array.from({ length: 6 }, marked), limits).blocks[5].marks).toHaveLength(3);
    const kept = assembleParagraphs(Array.from({ length: 7 }, marked), limits);
    expect(kept.blocks).toHaveLength(7);
    expect(kept.blocks.every((b) => b.kind === 'heading' && b.marks === undefined)).toBe(true);
  });

  it('normalizeTracked maps every offset monotonically onto the normalised text (property)', () => {
    const alphabet = ['a', ' ', '\t', '\n', '\r', '\u2028', '\f', '\u00a0', '\u200b', '\ufeff', 'e', '\u0301', 'Å'];
    let seed = 3;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * n);
    };
    for (let round = 0; round < 2000; round++) {
      let s = '';
      for (let i = random(24); i > 0; i--) s += alphabet[random(alphabet.length)];
      const { text, at } = normalizeTracked(s, true);
      const monotonic = Array.from({ length: s.length }, (_, i) => at![i] <= at![i + 1]).every(Boolean);
      if (text !== normalizeText(s) || !monotonic || at![s.length] !== text.length) {
        expect({ s, text, at: [...at!] }).toBe('a normalisation whose offsets map monotonically onto its text');
      }
    }
  });
});

describe('safeHref', () => {
  it('keeps absolute web and mail addresses only', () => {
    expect(safeHref('https://example.com/a?b=c#d')).toBe('https://example.com/a?b=c#d');
    expect(safeHref(' http://x.example ')).toBe('http://x.example');
    expect(safeHref('mailto:someone@example.com')).toBe('mailto:someone@example.com');
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      'data:text/html,<b>x</b>',
      'file:///etc/passwd',
      '/relative',
      '#anchor',
      'https://exa mple.com',
      'https://x.example/' + 'a'.repeat(3000),
      undefined,
      '',
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});
