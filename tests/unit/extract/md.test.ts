import { describe, expect, it } from 'vitest';
import { plainMarkdown, tooComplexForMarked } from '../../../src-workers/extract/md';
import { expectExtractError, extract } from './fixtures';

const EVERYTHING = `---
title: A document with every construct
tags: [test]
---

# Heading *one*

A paragraph with **bold**, __strong__, *em*, _em_, ~~struck~~, \`inline code\`,
a [link](https://example.com "title"), a [reference link][ref], an autolink
<https://auto.example.org> and an image ![alt text of the image](pic.png) &amp; an entity.

Setext heading
==============

Second level
------------

> A blockquote
> over two lines.
>
> > Nested quote.

- bullet one
- bullet *two*
  - nested bullet
* [ ] open task
* [x] done task

1. first
2. second

\`\`\`typescript
const answer = 42;

console.log(answer);
\`\`\`

    indented code block

| Left | Right |
|:-----|------:|
| a1   | b1    |
| a2   | **b2** |

<div class="note">
<script>alert("no")</script>
<p>Raw <em>HTML</em> block</p>
</div>

<!-- an html comment -->

Escaped \\*not emphasis\\* and a line with a hard  
break, and a footnote[^1].

***

[^1]: The footnote text.

[ref]: https://example.com/ref "Reference"
`;

describe('Markdown (.md)', () => {
  it('removes every kind of markup and keeps the text, paragraph by paragraph', async () => {
    const out = await extract('doc.md', EVERYTHING);
    expect(out.format).toBe('md');
    expect(out.text.split('\n\n')).toEqual([
      'Heading one',
      'A paragraph with bold, strong, em, em, struck, inline code, a link, a reference link, an autolink https://auto.example.org and an image alt text of the image & an entity.',
      'Setext heading',
      'Second level',
      'A blockquote over two lines.',
      'Nested quote.',
      'bullet one',
      'bullet two',
      'nested bullet',
      'open task',
      'done task',
      'first',
      'second',
      'const answer = 42;',
      'console.log(answer);',
      'indented code block',
      'Left\tRight',
      'a1\tb1',
      'a2\tb2',
      'Raw HTML block',
      'Escaped *not emphasis* and a line with a hard\nbreak, and a footnote.',
      'The footnote text.',
    ]);
    for (const gone of ['title:', '#', '**', '`', '](', '[ref]', '<', 'alert', 'comment', '---', '|', '[^1]']) {
      expect(out.text).not.toContain(gone);
    }
  });

  it('a leading thematic break followed by prose is not front matter', async () => {
    expect((await extract('a.md', '---\n\nJust prose after a rule.\n\n---\n\nMore prose.')).text).toBe(
      'Just prose after a rule.\n\nMore prose.',
    );
  });

  it('CRLF sources and a BOM work', async () => {
    expect((await extract('a.md', '\uFEFF# Title\r\n\r\nBody *text*\r\nwrapped.\r\n')).text).toBe(
      'Title\n\nBody text wrapped.',
    );
  });

  it('refuses a file with only markup and no text', async () => {
    await expectExtractError(
      extract('a.md', '---\ntitle: x\n---\n\n***\n\n<!-- nothing -->\n\n[ref]: https://example.com\n'),
      'empty_document',
    );
  });

  it('stays fast on a large file', async () => {
    const para =
      'Some *emphasised* prose with a [link](https://x.y) and `code`, repeated many times over. '.repeat(10) + '\n\n';
    const src = para.repeat(Math.ceil((1024 * 1024) / para.length));
    const out = await extract('big.md', src);
    expect(out.text.split('\n\n').length).toBe(Math.ceil((1024 * 1024) / para.length));
  }, 10_000);

  it('sources shaped to make the parser slow or overflow are converted plainly, in linear time', async () => {
    // Each of these took from seconds to minutes in the parser, or overflowed its stack.
    const nestedList = Array.from({ length: 2000 }, (_, i) => ' '.repeat(i * 2) + '- item ' + i).join('\n');
    const nestedQuote = '>'.repeat(10_000) + ' deep';
    const delimiters = 'a_b'.repeat(80_000);
    // Markers on one line each open a list: "- - - … item" (50,000 of them took 6 s).
    const markersOnOneLine = `${'- '.repeat(50_000)}item`;
    const mixedMarkers = `${'> 1. '.repeat(40)}item`;
    for (const src of [nestedList, nestedQuote, delimiters, markersOnOneLine, mixedMarkers])
      expect(tooComplexForMarked(src)).toBe(true);
    const list = await extract('list.md', nestedList);
    expect(list.text.split('\n')[1999]).toBe('item 1999');
    expect((await extract('quote.md', nestedQuote)).text).toBe('deep');
    expect((await extract('delims.md', delimiters)).word_count).toBe(1);
    expect((await extract('markers.md', markersOnOneLine)).text).toMatch(/ item$/);
  }, 10_000);

  it('ordinary documents are not mistaken for pathological ones', () => {
    const ordinary =
      'Some_snake_case and *emphasis* and _more_ with [links](x) '.repeat(5000) +
      '\n\n> > quoted\n\n' +
      '    - indented list item\n' +
      '- - -\n\n1. 2. a list in a list\n';
    expect(tooComplexForMarked(ordinary)).toBe(false);
  });

  it('the plain conversion removes block markup line by line', () => {
    expect(
      plainMarkdown(
        '# Title #\n> quoted\n> > deeper\n- [x] task\n12. numbered\n```js\ncode\n```\n| a | b |\n|---|:-:|\n',
      ),
    ).toBe('Title\nquoted\ndeeper\ntask\nnumbered\ncode\n| a | b |\n');
  });
});
