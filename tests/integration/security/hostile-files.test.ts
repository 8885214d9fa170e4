/**
 * Hostile files through the real upload path of a real server, each three times: zip bombs (with
 * honest and with lying directories), billion laughs and an external entity (XXE) in a .docx, PDF
 * decompression bombs (Flate and LZW), markup nested thousands deep, Markdown built to make its
 * parser slow. Every one is refused at the door or fails its analysis with a typed error — the
 * server process stays the same one, keeps answering, and no file's secret reaches the text.
 * Then 20 importers in parallel, 20 documents each: no document lost or counted twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src-shared/errors';
import { buildPdf, buildZip, deflatedZeros, lzwZeroBomb } from '../../unit/extract/fixtures';
import { api, eventLog, serve, upload, type Serve } from './helpers';

const MB = 1024 * 1024;

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A .docx whose document.xml starts with `doctype` and says `body` in one run of text. */
function docxWith(doctype: string, body: string): Buffer {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>${doctype}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${body}</w:t></w:r></w:p></w:body></w:document>`;
  return Buffer.from(
    buildZip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: '_rels/.rels', data: RELS },
      { name: 'word/document.xml', data: xml },
    ]),
  );
}

const SENTENCE = 'The committee met on Tuesday and agreed to publish the report in May after a short review. ';

async function hostileFiles(): Promise<{ name: string; bytes: Buffer }[]> {
  const laughs =
    '<!DOCTYPE lolz [<!ENTITY lol "lol">' +
    Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('') +
    ']>';
  const zeros = await deflatedZeros(64 * MB);
  // Past what the PDF guard allows for the server's 20 MB limit (10×: 200 MB), in 300 KB of file.
  const pdfBomb = await deflatedZeros(300 * MB, { zlib: true, prefix: 'BT /F1 12 Tf (x) Tj ET\n' });
  return [
    { name: 'bomb.docx', bytes: Buffer.from(buildZip([{ name: 'word/document.xml', raw: zeros }])) },
    {
      name: 'lying.docx',
      bytes: Buffer.from(buildZip([{ name: 'word/document.xml', raw: zeros, declaredSize: 1000 }])),
    },
    { name: 'laughs.docx', bytes: docxWith(laughs, `${SENTENCE.repeat(8)}&lol9;`) },
    {
      name: 'xxe.docx',
      bytes: docxWith('<!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', `${SENTENCE.repeat(8)}&xxe;`),
    },
    {
      name: 'flate-bomb.pdf',
      bytes: Buffer.from(buildPdf([{ rawContent: { data: pdfBomb.deflated, filter: '/FlateDecode' } }])),
    },
    {
      name: 'lzw-bomb.pdf',
      bytes: Buffer.from(buildPdf([{ rawContent: { data: lzwZeroBomb(60_000), filter: '/LZWDecode' } }])),
    },
    { name: 'deep.html', bytes: Buffer.from('<div>'.repeat(20_000) + SENTENCE.repeat(8)) },
    { name: 'quotes.md', bytes: Buffer.from('> '.repeat(5000) + SENTENCE.repeat(8)) },
    { name: 'stars.md', bytes: Buffer.from('*a'.repeat(100_000) + ' ' + SENTENCE.repeat(8)) },
    { name: 'spaces.txt', bytes: Buffer.from(' \t'.repeat(500_000) + SENTENCE.repeat(8)) },
  ];
}

describe('hostile files and parallel importers (real server)', () => {
  let s: Serve;
  beforeAll(async () => {
    s = await serve();
  });
  afterAll(async () => s?.stop());

  it('refuses or fails with a typed error every hostile file, three times, and stays up', async () => {
    const files = await hostileFiles();
    const events = eventLog(s);
    await events.ready;
    const outcomes = new Map<string, string[]>();
    for (let round = 0; round < 3; round++) {
      for (const file of files) {
        const answer = await upload(s.port, s.token, [
          { name: file.name, size: file.bytes.length, content: file.bytes },
        ]);
        if (answer === 'aborted') throw new Error(`${file.name}: upload aborted`);
        let outcome: string;
        if (answer.status !== 201) {
          expect(answer.status, file.name).toBeLessThan(500);
          outcome = `refused: ${answer.body.error.code}`;
        } else {
          const id = answer.body.document.id as number;
          const done = await events.next(
            (e) =>
              (e.event === 'document.analyzed' || e.event === 'document.analysis_failed') && e.data.document_id === id,
          );
          outcome = done.event === 'document.analyzed' ? 'analyzed' : `failed: ${done.data.code}`;
          if (done.event === 'document.analysis_failed') expect(ERROR_CODES, file.name).toContain(done.data.code);
          const doc = await api(s, 'GET', `/api/documents/${id}`);
          expect(JSON.stringify(doc.body), file.name).not.toMatch(/root:x?:0:0|lollollollollol/);
        }
        outcomes.set(file.name, [...(outcomes.get(file.name) ?? []), outcome]);
        expect(s.child.exitCode, file.name).toBeNull();
      }
    }
    await events.close();
    console.log([...outcomes].map(([name, o]) => `${name}: ${[...new Set(o)].join(' / ')}`).join('; '));
    // Each file met the same fate every time, and the bombs were stopped.
    for (const [name, o] of outcomes) expect(new Set(o).size, name).toBe(1);
    for (const bomb of ['bomb.docx', 'lying.docx', 'flate-bomb.pdf', 'lzw-bomb.pdf'])
      expect(outcomes.get(bomb)![0], bomb).toMatch(/too_large|corrupt_file/);
    expect((await api(s, 'GET', '/up')).status).toBe(200);
  }, 180_000);

  it('imports 20 × 20 documents from 20 parallel clients with none lost or doubled', async () => {
    const before = (await api(s, 'GET', '/api/documents?limit=1')).body.total as number;
    const ids = (
      await Promise.all(
        Array.from({ length: 20 }, async (_, client) => {
          const mine: number[] = [];
          for (let i = 0; i < 20; i++) {
            const answer = await api(s, 'POST', '/api/documents', {
              body: { name: `c${client}-${i}.txt`, text: `Note ${i} from client ${client}, short on purpose.` },
            });
            expect(answer.status).toBe(201);
            mine.push(answer.body.document.id);
          }
          return mine;
        }),
      )
    ).flat();
    expect(new Set(ids).size).toBe(400);
    const listed = await api(s, 'GET', '/api/documents?limit=1');
    expect(listed.body.total - before).toBe(400);
  }, 120_000);
});
