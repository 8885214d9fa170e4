/**
 * Formatting benchmark: `node --import tsx bench/formatting.ts` (or `npm run bench -- formatting`).
 *
 * What keeping a document's structure costs, each against a baseline measured in the same run, on a
 * generated 10,000-word Markdown document (headings, lists, bold and links; bench/lib/textgen.ts,
 * never corpus text):
 *  1. extraction: the parse alone (marked), the text alone (plain normalisation of the parsed
 *     paragraphs) and the text with its blocks (normalisation with offsets carried through);
 *  2. applying a revision: the text alone (`applyHunks`, what applying did before) against the text
 *     and its blocks (`applyRevision`), with the rule reviser's own changes;
 *  3. export: plain text, Markdown and Word, with and without blocks;
 *  4. reading a version from the store: the text alone against the text with its checked blocks.
 */
import { applyRevision } from '../src-shared/blocks';
import { applyHunks } from '../src-shared/hunks';
import { DEFAULT_SETTINGS } from '../src-shared/models';
import { exportBytes } from '../src-main/core/export';
import { openDatabase } from '../src-main/core/store/db';
import { DocumentStore } from '../src-main/core/store/documents';
import { extractDocument } from '../src-workers/extract/index';
import { htmlToParagraphs, htmlToText } from '../src-workers/extract/html';
import { normalizeText } from '../src-workers/extract/normalize';
import { assembleParagraphs } from '../src-workers/extract/structure';
import { rewriteText } from '../src-workers/rewrite/index';
import { countWords } from '../src-workers/text/segment';
import { Marked } from 'marked';
import { generateText } from './lib/textgen';
import { median, printTable, timeRuns } from './lib/stats';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

/** Markdown with a heading every fifth paragraph, a three-item list every seventh, bold and links. */
function structuredMarkdown(words: number): string {
  const paragraphs = generateText(words, 11).split('\n\n');
  const out: string[] = [];
  paragraphs.forEach((p, i) => {
    if (i % 5 === 0) out.push(`## Section ${i / 5 + 1}`);
    const ws = p.split(' ');
    if (ws.length > 6) ws[3] = `**${ws[3]}**`;
    if (i % 3 === 0 && ws.length > 9) ws[8] = `[${ws[8]}](https://example.com/${i})`;
    if (i % 7 === 6) {
      const sentences = ws.join(' ').split(/(?<=\.) /);
      out.push(sentences.map((s) => `- ${s}`).join('\n'));
    } else out.push(ws.join(' '));
  });
  return out.join('\n\n');
}

const md = structuredMarkdown(10_000);
const mdBytes = new TextEncoder().encode(md);
const html = new Marked({ gfm: true }).parse(md, { async: false });
const extracted = await extractDocument({ name: 'bench.md', bytes: mdBytes, max_bytes: 1 << 26 });
const words = countWords(extracted.text);
const docxBytes = await exportBytes('docx', extracted);

const ms = async (fn: () => unknown) => median(await timeRuns(fn, RUNS, 2));

// 1. Extraction.
const parse = await ms(() => new Marked({ gfm: true }).parse(md, { async: false }));
const textOnly = await ms(() => normalizeText(htmlToText(html)));
const withBlocks = await ms(() => assembleParagraphs(htmlToParagraphs(html)));
const wholeMd = await ms(() => extractDocument({ name: 'bench.md', bytes: mdBytes, max_bytes: 1 << 26 }));
const wholeDocx = await ms(() => extractDocument({ name: 'bench.docx', bytes: docxBytes, max_bytes: 1 << 26 }));
printTable(
  `Extraction of a ${words.toLocaleString('en-US')}-word Markdown document (${extracted.blocks.length} blocks, ${extracted.blocks.reduce((n, b) => n + (b.marks?.length ?? 0), 0)} marks; median of ${RUNS})`,
  ['step', 'median (ms)', '× the parse'],
  [
    ['marked: Markdown → HTML (baseline)', parse, 1],
    ['HTML → text only (plain normalisation)', textOnly, textOnly / parse],
    ['HTML → text and blocks (offsets carried through)', withBlocks, withBlocks / parse],
    ['whole .md extraction (decode, parse, text, blocks)', wholeMd, wholeMd / parse],
    ['whole .docx extraction of the same document (mammoth)', wholeDocx, wholeDocx / parse],
  ],
);

// 2. Applying a revision.
const revision = await rewriteText(
  {
    text: extracted.text,
    options: { ...DEFAULT_SETTINGS.revision, scope: 'document', frozen_terms: [] },
    ranges: null,
    llm: null,
  },
  () => undefined,
);
const accepted = revision.hunks.filter((h) => h.id % 2 === 0).map((h) => h.id);
const applyText = await ms(() => applyHunks(extracted.text, revision.hunks, accepted));
const applyBoth = await ms(() => applyRevision(extracted, revision.hunks, accepted));
printTable(
  `Applying a revision (${revision.hunks.length} changes, ${accepted.length} accepted; median of ${RUNS})`,
  ['what', 'median (ms)', '× baseline'],
  [
    ['text only: applyHunks (baseline)', applyText, 1],
    ['text and blocks: applyRevision (paragraph check, mapBlocks)', applyBoth, applyBoth / applyText],
  ],
);

// 3. Export.
const plain = { text: extracted.text, blocks: [] };
const exports: [string, () => unknown][] = [
  ['.txt (baseline)', () => exportBytes('txt', extracted)],
  ['.md without blocks (the text as it is)', () => exportBytes('md', plain)],
  ['.md with blocks', () => exportBytes('md', extracted)],
  ['.docx without blocks (plain paragraphs)', () => exportBytes('docx', plain)],
  ['.docx with blocks', () => exportBytes('docx', extracted)],
];
const exportTimes: number[] = [];
for (const [, fn] of exports) exportTimes.push(await ms(fn));
printTable(
  `Export of the same document (median of ${RUNS})`,
  ['format', 'median (ms)', '× .txt'],
  exports.map(([name], i) => [name, exportTimes[i], exportTimes[i] / exportTimes[0]]),
);

// 4. Reading a version back from the store.
const db = openDatabase({ dataDir: ':memory:' });
const store = new DocumentStore(db);
const doc = store.insert(1, 'bench.md', 'md', mdBytes.byteLength);
store.setExtracted(doc.id, extracted.text, 'md', words, extracted.blocks);
const readText = await ms(() => {
  for (let i = 0; i < 20; i++) store.versionText(doc.id, 1);
});
const readBoth = await ms(() => {
  for (let i = 0; i < 20; i++) store.version(doc.id, 1);
});
printTable(
  `Reading version 1 from the store, 20 times (blocks JSON ${(JSON.stringify(extracted.blocks).length / 1024).toFixed(0)} KB beside ${(extracted.text.length / 1024).toFixed(0)} KB of text; median of ${RUNS})`,
  ['what', 'median (ms)', '× baseline'],
  [
    ['text only (baseline)', readText, 1],
    ['text and blocks (JSON, schema and offsets checked)', readBoth, readBoth / readText],
  ],
);
db.close();
