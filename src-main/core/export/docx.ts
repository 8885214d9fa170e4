/**
 * A text with its blocks as a Word document (the `docx` package): headings in Word's Heading 1–6
 * styles, bulleted and numbered lists (nested up to Word's nine levels, each list numbered from
 * 1), quotations in Word's Quote style, code in a monospaced "Source Code" paragraph style and
 * "Verbatim Char" run style (pandoc's names), bold, italic and hyperlinks. Line breaks inside a
 * paragraph stay line breaks, tabs stay tabs. Our own extraction reads every one of these back as
 * the same structure (src-workers/extract/docx.ts maps these styles), as does pandoc.
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Tab,
  TextRun,
  type ILevelsOptions,
  type ParagraphChild,
} from 'docx';
import type { TextBlock } from '../../../src-shared/models';
import { flatRuns, type Run } from './inline';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** Word's list levels. */
const LIST_LEVELS = 9;
const BULLETS = ['•', '◦', '▪'];
const MONOSPACE = 'Courier New';

function listLevels(ordered: boolean): ILevelsOptions[] {
  return Array.from({ length: LIST_LEVELS }, (_, level) => ({
    level,
    format: ordered ? LevelFormat.DECIMAL : LevelFormat.BULLET,
    text: ordered ? `%${level + 1}.` : BULLETS[level % BULLETS.length],
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

/** Builds the .docx bytes of a text and its blocks (a text without blocks is plain paragraphs). */
export async function toDocx(text: string, blocks: readonly TextBlock[]): Promise<Uint8Array> {
  const structure = blocks.length > 0 ? blocks : plainBlocks(text);
  const lists = new ListInstances();
  const children = structure.map((b) => paragraph(text, b, lists));
  const doc = new Document({
    styles: {
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          run: { italics: true, color: '404040' },
          paragraph: { indent: { left: 720, right: 720 } },
        },
        {
          id: 'SourceCode',
          name: 'Source Code',
          basedOn: 'Normal',
          quickFormat: true,
          run: { font: MONOSPACE, size: 20 },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      ],
      characterStyles: [
        { id: 'VerbatimChar', name: 'Verbatim Char', basedOn: 'DefaultParagraphFont', run: { font: MONOSPACE } },
      ],
    },
    numbering: {
      config: [
        { reference: 'bullets', levels: listLevels(false) },
        { reference: 'numbers', levels: listLevels(true) },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The paragraphs of a text as plain blocks. */
function plainBlocks(text: string): TextBlock[] {
  const out: TextBlock[] = [];
  let start = 0;
  for (const part of text.split('\n\n')) {
    out.push({ kind: 'paragraph', start, end: start + part.length });
    start += part.length + 2;
  }
  return out;
}

/**
 * Which Word list each list item belongs to: a run of list items is one list per kind (bulleted or
 * numbered), and a numbered list after anything else starts again from 1.
 */
class ListInstances {
  private next = 1;
  private current: { bullets: number; numbers: number } | null = null;

  instance(ordered: boolean): number {
    this.current ??= { bullets: this.next++, numbers: this.next++ };
    return ordered ? this.current.numbers : this.current.bullets;
  }

  end(): void {
    this.current = null;
  }
}

function paragraph(text: string, b: TextBlock, lists: ListInstances): Paragraph {
  if (b.kind !== 'list_item') lists.end();
  if (b.kind === 'code') {
    return new Paragraph({ style: 'SourceCode', children: lines(text.slice(b.start, b.end), {}) });
  }
  const children = inline(text, b);
  switch (b.kind) {
    case 'heading':
      return new Paragraph({ heading: HEADINGS[Math.min(6, Math.max(1, b.level ?? 1)) - 1], children });
    case 'list_item': {
      const ordered = b.ordered === true;
      return new Paragraph({
        numbering: {
          reference: ordered ? 'numbers' : 'bullets',
          level: Math.min(LIST_LEVELS, Math.max(1, b.level ?? 1)) - 1,
          instance: lists.instance(ordered),
        },
        children,
      });
    }
    case 'quote':
      return new Paragraph({ style: 'Quote', children });
    default:
      return new Paragraph({ children });
  }
}

/** The runs of a block, consecutive runs of one link grouped into one hyperlink. */
function inline(text: string, b: TextBlock): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const runs = flatRuns(text, b);
  for (let i = 0; i < runs.length; i++) {
    const href = runs[i].href;
    if (href === null) {
      out.push(...lines(runs[i].text, runFormat(runs[i])));
      continue;
    }
    const linked: TextRun[] = [];
    while (i < runs.length && runs[i].href === href) {
      // Code inside a link keeps its code style; other runs take the link style.
      linked.push(...lines(runs[i].text, { style: 'Hyperlink', ...runFormat(runs[i]) }));
      i++;
    }
    i--;
    out.push(new ExternalHyperlink({ link: href, children: linked }));
  }
  return out;
}

type Format = { bold?: boolean; italics?: boolean; style?: string };

function runFormat(r: Run): Format {
  const f: Format = {};
  if (r.strong) f.bold = true;
  if (r.emphasis) f.italics = true;
  if (r.code) f.style = 'VerbatimChar';
  return f;
}

/** Text as runs: a line break before each line after the first, tabs as Word tabs. */
function lines(s: string, format: Format): TextRun[] {
  return s.split('\n').map((line, i) => {
    const parts = line.split('\t');
    const children: (string | Tab)[] = [];
    parts.forEach((p, k) => {
      if (k > 0) children.push(new Tab());
      if (p) children.push(p);
    });
    return new TextRun({ ...format, ...(i > 0 ? { break: 1 } : {}), children });
  });
}
