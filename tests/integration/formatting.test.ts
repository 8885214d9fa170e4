/**
 * Formatting kept end to end, with real workers: a Word document's and a Markdown file's headings,
 * lists and emphasis survive import, display (getDocument's blocks), revision (applied as a new
 * version) and export — checked by reading the exports back with mammoth and marked.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { blocksProblem } from '../../src-shared/blocks';
import type { DocumentDetail } from '../../src-shared/models';
import { coreForTests } from '../helpers/core';
import { AI_STYLE_PARAGRAPH } from '../helpers/texts';

const PARA = AI_STYLE_PARAGRAPH.trim();

async function wordDocument(): Promise<string> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('The Digital Classroom')] }),
          new Paragraph({
            children: [
              new TextRun(PARA.slice(0, PARA.indexOf('crucial'))),
              new TextRun({ text: 'crucial', bold: true }),
              new TextRun(PARA.slice(PARA.indexOf('crucial') + 7)),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('What changes')] }),
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun('Furthermore, it is important to note that tools matter.')],
          }),
          new Paragraph({
            bullet: { level: 0 },
            children: [new TextRun({ text: 'Moreover, teachers utilize data.', italics: true })],
          }),
          new Paragraph({ children: [new TextRun(PARA)] }),
        ],
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc)).toString('base64');
}

const MARKDOWN = `# The Digital Classroom

${PARA.replace('crucial role', '**crucial role**')}

## What changes

- Furthermore, it is important to note that tools matter.
- *Moreover*, teachers utilize data.

${PARA}
`;

/** Headings (level and text) of Markdown, read with marked. */
function markdownHeadings(md: string): [number, string][] {
  const out: [number, string][] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.type === 'heading') out.push([(t as Tokens.Heading).depth, (t as Tokens.Heading).text]);
    }
  };
  walk(marked.lexer(md));
  return out;
}

describe('formatting kept through import, revision and export', () => {
  const harness = coreForTests();
  const ctx = () => harness.ctx();

  async function imported(name: string, file: { text: string } | { base64: string }): Promise<DocumentDetail> {
    const { documents, errors } = await harness.core.api.importDocuments({ files: [{ name, ...file }] }, ctx());
    expect(errors).toEqual([]);
    const id = documents[0].id;
    await harness.fake.waitFor(`private-documents.${id}`, 'document.analyzed');
    return harness.core.api.getDocument({ id }, ctx());
  }

  const kinds = (d: { text: string | null; blocks: DocumentDetail['blocks'] }) =>
    d.blocks.map((b) => [b.kind, b.level ?? null, d.text!.slice(b.start, b.end).slice(0, 25)]);

  it('getDocument returns the blocks of a Word document and of a Markdown file', async () => {
    for (const doc of [
      await imported('class.docx', { base64: await wordDocument() }),
      await imported('class.md', { text: MARKDOWN }),
    ]) {
      expect(blocksProblem(doc.text!, doc.blocks)).toBeNull();
      expect(kinds(doc)).toEqual([
        ['heading', 1, 'The Digital Classroom'],
        ['paragraph', null, PARA.slice(0, 25)],
        ['heading', 2, 'What changes'],
        ['list_item', 1, 'Furthermore, it is import'],
        ['list_item', 1, 'Moreover, teachers utiliz'],
        ['paragraph', null, PARA.slice(0, 25)],
      ]);
      expect(doc.blocks[4].marks?.[0].kind).toBe('emphasis');
      expect(doc.blocks[1].marks?.[0].kind).toBe('strong');
    }
    const plain = await imported('plain.txt', { text: '# not a heading\n\nJust text.' });
    expect(plain.blocks).toEqual([]);
  });

  it('a revision applied as a new version keeps headings, lists and marks; every version and the revision export with them', async () => {
    const doc = await imported('essay.docx', { base64: await wordDocument() });
    const { rewrite } = await harness.core.api.rewriteDocument(
      { id: doc.id, options: { scope: 'document', strength: 3 } },
      ctx(),
    );
    await harness.fake.waitFor(`private-rewrites.${rewrite.id}`, 'rewrite.completed');
    const detail = await harness.core.api.getRewrite({ id: rewrite.id }, ctx());
    expect(detail.hunks.length).toBeGreaterThan(3);
    // Headings are text like any other: some change lands in the heading-free paragraphs.
    const accepted = detail.hunks.filter((_, i) => i % 2 === 0).map((h) => h.id);
    const { version } = await harness.core.api.applyRewrite({ id: rewrite.id, accepted_hunks: accepted }, ctx());
    const v2 = await harness.core.api.getDocument({ id: doc.id }, ctx());
    expect(version).toBe(2);
    expect(v2.text).not.toBe(doc.text);
    expect(blocksProblem(v2.text!, v2.blocks)).toBeNull();
    expect(v2.blocks.map((b) => [b.kind, b.level])).toEqual(doc.blocks.map((b) => [b.kind, b.level]));
    expect(v2.text!.slice(v2.blocks[0].start, v2.blocks[0].end)).toBe('The Digital Classroom');
    // Version 1 keeps its own blocks.
    expect(await harness.core.api.getDocument({ id: doc.id, version: 1 }, ctx())).toMatchObject({
      text: doc.text,
      blocks: doc.blocks,
    });

    for (const which of [{ version: 1 }, { version: 2 }, { rewrite_id: rewrite.id }]) {
      const md = await harness.core.api.exportDocument({ id: doc.id, format: 'md', ...which }, ctx());
      const source = Buffer.from(md.base64, 'base64').toString('utf8');
      expect(markdownHeadings(source)).toEqual([
        [1, 'The Digital Classroom'],
        [2, 'What changes'],
      ]);
      // The second item is italic all through, whatever the revision made of its words.
      expect(source).toMatch(/^- .*\n- \*[^*\n]+\*$/m);
      const docx = await harness.core.api.exportDocument({ id: doc.id, format: 'docx', ...which }, ctx());
      const html = (await mammoth.convertToHtml({ buffer: Buffer.from(docx.base64, 'base64') })).value;
      expect(html).toMatch(
        /^<h1>The Digital Classroom<\/h1><p>.*<\/p><h2>What changes<\/h2><ul><li>.*<\/li><li><em>.*<\/em><\/li><\/ul><p>/,
      );
      // The bold "crucial" is kept where its words are; a change that rewrites "plays a crucial
      // role in shaping" as "shapes" takes it away (as Word does with typed-over text), and it
      // never spreads over other words.
      if ('version' in which && which.version === 1) expect(html).toContain('<strong>crucial</strong>');
      else expect(html).toMatch(/^<h1>[^<]*<\/h1><p>(?:[^<]*|[^<]*<strong>crucial<\/strong>[^<]*)<\/p>/);
      const txt = await harness.core.api.exportDocument({ id: doc.id, format: 'txt', ...which }, ctx());
      expect(Buffer.from(txt.base64, 'base64').toString('utf8')).toMatch(/^The Digital Classroom\n\n/);
    }
  }, 60_000);

  it('stores blocks per version in document_versions, and a text survives blocks that do not fit it', async () => {
    const doc = await imported('stored.md', { text: MARKDOWN });
    const row = harness.core.db
      .prepare('SELECT blocks FROM document_versions WHERE document_id = ? AND version = 1')
      .get(doc.id) as {
      blocks: string;
    };
    expect(JSON.parse(row.blocks)).toEqual(doc.blocks);
    const plain = await imported('plain2.txt', { text: 'Plain.\n\nText.' });
    expect(harness.core.db.prepare('SELECT blocks FROM document_versions WHERE document_id = ?').get(plain.id)).toEqual(
      {
        blocks: null,
      },
    );
    // Blocks written by something else that no longer fit the text are ignored, not trusted.
    const shifted = doc.blocks.map((b) => ({ ...b, end: b.end + 1 }));
    harness.core.db
      .prepare('UPDATE document_versions SET blocks = ? WHERE document_id = ?')
      .run(JSON.stringify(shifted), doc.id);
    expect((await harness.core.api.getDocument({ id: doc.id }, ctx())).blocks).toEqual([]);
    harness.core.db.prepare("UPDATE document_versions SET blocks = '{not json' WHERE document_id = ?").run(doc.id);
    const again = await harness.core.api.getDocument({ id: doc.id }, ctx());
    expect(again.blocks).toEqual([]);
    expect(again.text).toBe(doc.text);
  });
});
