import { describe, expect, it } from 'vitest';
import { DEFAULT_ZIP_LIMITS, openZip, ZipBombError } from '../../../src-workers/extract/zip';
import { buildDocx, buildZip, deflatedZeros, expectExtractError, extract, MB, oleFile } from './fixtures';

const WORD_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';

const DOCUMENT_XML = (body: string) =>
  '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
  body +
  '</w:body></w:document>';

describe('Word documents (.docx)', () => {
  it('reads a one-paragraph document made with the docx package', async () => {
    const out = await extract('one.docx', await buildDocx(['Hello from a real Word document.']));
    expect(out).toEqual({ text: 'Hello from a real Word document.', blocks: [], format: 'docx', word_count: 6 });
  });

  it('keeps paragraphs, headings, list items and table rows apart; footnote text without its markers', async () => {
    const bytes = await buildDocx([
      { heading: 'Quarterly report' },
      'The first paragraph explains the context of the report.',
      'The second paragraph, which is longer, gives the details and the numbers.',
      { bullet: 'A first point' },
      { bullet: 'A second point' },
      {
        table: [
          ['Region', 'Sales'],
          ['North', '12'],
        ],
      },
      { withFootnote: 'A claim that needs a source.', footnote: 'The source of the claim.' },
    ]);
    const out = await extract('report.docx', bytes);
    expect(out.format).toBe('docx');
    expect(out.text.split('\n\n')).toEqual([
      'Quarterly report',
      'The first paragraph explains the context of the report.',
      'The second paragraph, which is longer, gives the details and the numbers.',
      'A first point',
      'A second point',
      'Region\tSales',
      'North\t12',
      'A claim that needs a source.',
      'The source of the claim.',
    ]);
    expect(out.text).not.toMatch(/\[1\]|↑/);
  });

  it('reads a hand-made minimal .docx (content types and document part only)', async () => {
    const zip = buildZip([
      { name: '[Content_Types].xml', data: WORD_TYPES },
      {
        name: 'word/document.xml',
        data: DOCUMENT_XML(
          '<w:p><w:r><w:t>Minimal but valid.</w:t></w:r></w:p><w:p><w:r><w:t>Two paragraphs.</w:t></w:r></w:p>',
        ),
      },
    ]);
    expect((await extract('min.docx', zip)).text).toBe('Minimal but valid.\n\nTwo paragraphs.');
  });

  it('refuses a document with no text as empty', async () => {
    const err = await expectExtractError(extract('blank.docx', await buildDocx([''])), 'empty_document');
    expect(err.message).toBe('This file is a Word document (.docx) with no text in it.');
  });

  it('refuses a truncated .docx as corrupt', async () => {
    const bytes = await buildDocx(['Some text that will be cut off.']);
    for (const cut of [
      bytes.subarray(0, bytes.length - 10),
      bytes.subarray(0, Math.floor(bytes.length / 2)),
      bytes.subarray(0, 30),
    ]) {
      const err = await expectExtractError(extract('cut.docx', cut), 'corrupt_file');
      expect(err.message).toMatch(/^This Word document is damaged or incomplete/);
    }
  });

  it('refuses a zip whose Word part is not XML, or that has no document part, as corrupt', async () => {
    const garbage = buildZip([
      { name: '[Content_Types].xml', data: WORD_TYPES },
      { name: 'word/document.xml', data: 'this is not xml <<<' },
    ]);
    await expectExtractError(extract('garbage.docx', garbage), 'corrupt_file');
    const missing = buildZip([{ name: '[Content_Types].xml', data: WORD_TYPES }]);
    await expectExtractError(extract('missing.docx', missing), 'corrupt_file');
  });

  it('refuses a zip that is not a Word document, saying what it is', async () => {
    const xlsx = buildZip([
      {
        name: '[Content_Types].xml',
        data: '<Types><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
      },
    ]);
    const err = await expectExtractError(extract('numbers.docx', xlsx), 'corrupt_file');
    expect(err.message).toBe('This file is named .docx but is not a Word document: it is an Excel workbook (.xlsx).');
    const plain = buildZip([{ name: 'notes.txt', data: 'hello' }]);
    expect((await expectExtractError(extract('archive.docx', plain), 'corrupt_file')).message).toContain(
      'it is a zip archive',
    );
    const odt = buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', store: true }]);
    expect((await expectExtractError(extract('essay.docx', odt), 'corrupt_file')).message).toContain(
      'OpenDocument text file (.odt)',
    );
  });

  it('refuses a password-protected Word file (an OLE container with an EncryptedPackage)', async () => {
    const err = await expectExtractError(
      extract('secret.docx', oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage'])),
      'encrypted_file',
    );
    expect(err.message).toMatch(/protected by a password/);
  });

  it('refuses a legacy .doc, even named .docx, with advice to save as .docx', async () => {
    const err = await expectExtractError(
      extract('old.docx', oleFile(['Root Entry', 'WordDocument', '1Table'])),
      'unsupported_format',
    );
    expect(err.message).toMatch(/older Word document \(\.doc\).*save it as \.docx/);
  });
});

describe('zip bombs', () => {
  // 64 MB of zeros deflate to about 64 KB; made once for the tests below.
  let zerosPromise: ReturnType<typeof deflatedZeros> | null = null;
  const zeros64 = () => (zerosPromise ??= deflatedZeros(64 * MB));

  it('refuses a .docx whose declared uncompressed size exceeds the limit, without inflating it', async () => {
    const zeros = await zeros64();
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: WORD_TYPES },
      { name: 'word/document.xml', raw: zeros },
    ]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const err = await expectExtractError(extract('bomb.docx', bomb, 20 * MB), 'too_large');
    expect(err.message).toBe(
      'This file expands too much to be read safely: its contents would expand to more than 20 MB. It may be a "zip bomb" rather than a real document.',
    );
  });

  it('refuses an entry with an extreme compression ratio even under a generous limit', async () => {
    const zeros = await zeros64();
    const bomb = buildZip([
      { name: '[Content_Types].xml', data: WORD_TYPES },
      { name: 'word/document.xml', raw: zeros },
    ]);
    const err = await expectExtractError(extract('bomb.docx', bomb, 1024 * MB), 'too_large');
    expect(err.message).toMatch(/one of its parts would expand 1,0\d\d times/);
  });

  it('refuses an entry that holds more than its central directory declares (a lying zip)', async () => {
    const zeros = await zeros64();
    const liar = buildZip([
      { name: '[Content_Types].xml', data: WORD_TYPES },
      { name: 'word/document.xml', raw: { ...zeros, size: 4000 } },
    ]);
    const err = await expectExtractError(extract('liar.docx', liar, 20 * MB), 'too_large');
    expect(err.message).toMatch(/holds far more data than it declares/);
  });

  it('refuses an archive with too many entries', async () => {
    const entries = Array.from({ length: DEFAULT_ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({
      name: `f${i}.xml`,
      data: '',
      store: true,
    }));
    const err = await expectExtractError(extract('many.docx', buildZip(entries)), 'too_large');
    expect(err.message).toMatch(/holds 5,001 files/);
  });

  it('a zip bomb named .txt is still caught (the content decides)', async () => {
    const zeros = await zeros64();
    const bomb = buildZip([{ name: 'word/document.xml', raw: zeros }]);
    await expectExtractError(extract('innocent.txt', bomb, 20 * MB), 'too_large');
  });

  it('openZip inflates entries lazily, within their declared sizes', async () => {
    const zip = await openZip(
      buildZip([
        { name: 'a.txt', data: 'x'.repeat(5000) },
        { name: 'b.txt', data: 'hello', store: true },
      ]),
      { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: MB },
    );
    expect(zip.names).toEqual(['a.txt', 'b.txt']);
    expect(zip.totalUncompressed).toBe(5005);
    expect(new TextDecoder().decode(await zip.read('b.txt'))).toBe('hello');
    expect((await zip.read('a.txt')).length).toBe(5000);
    await expect(zip.read('missing.xml')).rejects.toThrow(/missing part/);
    zip.close();
    await expect(
      openZip(buildZip([{ name: 'a', data: 'x'.repeat(2 * MB) }]), { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: MB }),
    ).rejects.toBeInstanceOf(ZipBombError);
  });
});
