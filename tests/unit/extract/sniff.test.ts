/**
 * Files whose extension lies. The rule: the content decides. A PDF or Word document is read as
 * what it is whatever its name; a .pdf/.docx that holds something else is corrupt_file saying what
 * it holds; any other recognised format is unsupported_format naming it; text is read by its
 * extension.
 */
import { describe, expect, it } from 'vitest';
import { describeUnknown, sniff } from '../../../src-workers/extract/sniff';
import { buildDocx, buildPdf, buildZip, bytesOf, expectExtractError, extract, layout, oleFile } from './fixtures';

describe('extensions that lie', () => {
  it('a PDF named .txt (or .md, .html, .docx) is read as a PDF', async () => {
    const pdf = buildPdf([{ lines: layout(['Really a PDF.']) }]);
    for (const name of ['paper.txt', 'paper.md', 'paper.html', 'paper.docx']) {
      expect(await extract(name, pdf)).toEqual({ text: 'Really a PDF.', blocks: [], format: 'pdf', word_count: 3 });
    }
  });

  it('a Word document named .txt or .pdf is read as a Word document', async () => {
    const docx = await buildDocx(['Really a Word document.']);
    expect(await extract('essay.txt', docx)).toMatchObject({ text: 'Really a Word document.', format: 'docx' });
    expect(await extract('essay.pdf', docx)).toMatchObject({ format: 'docx' });
  });

  it('a .pdf that is really an HTML page is refused, saying so (a failed download)', async () => {
    const err = await expectExtractError(
      extract(
        'paper.pdf',
        '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><p>Please sign in to download.</p></body></html>',
      ),
      'corrupt_file',
    );
    expect(err.message).toBe(
      "This file is named .pdf but is not a PDF: it contains an HTML web page. This often happens when a download fails and the error page is saved under the document's name.",
    );
  });

  it('a .docx that is really plain text is refused, saying so', async () => {
    const err = await expectExtractError(
      extract('essay.docx', 'Just some plain text someone renamed.'),
      'corrupt_file',
    );
    expect(err.message).toBe(
      'This file is named .docx but is not a Word document: it contains plain text. It may be damaged, incomplete, or a different kind of file renamed to .docx.',
    );
  });

  it('a .pdf of unrecognised binary data is refused as corrupt', async () => {
    const err = await expectExtractError(
      extract('x.pdf', new Uint8Array([1, 2, 3, 0, 0, 9, 200, 17, 4, 4, 4, 0, 1])),
      'corrupt_file',
    );
    expect(err.message).toMatch(/it contains unrecognised binary data/);
  });

  it('images, archives and other formats are refused by what they are, whatever the name', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const err = await expectExtractError(extract('scan.txt', png), 'unsupported_format');
    expect(err.message).toBe(
      'This file is a PNG image, which Inkproof cannot read. Inkproof reads .txt, .md, .html, .docx and .pdf files.',
    );
    expect(
      (
        await expectExtractError(
          extract('photo.pdf', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])),
          'unsupported_format',
        )
      ).message,
    ).toMatch(/a JPEG image/);
    expect(
      (await expectExtractError(extract('a.md', new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0])), 'unsupported_format'))
        .message,
    ).toMatch(/gzip/);
    const rtf = await expectExtractError(extract('letter.txt', '{\\rtf1\\ansi Hello}'), 'unsupported_format');
    expect(rtf.message).toBe(
      'This file is a Rich Text Format (RTF) document, which Inkproof cannot read. Open it in a word processor and save it as .docx or .txt.',
    );
  });

  it('a zip that is not a Word document is unsupported when not named .docx', async () => {
    const zip = buildZip([{ name: 'a.txt', data: 'hello' }]);
    expect((await expectExtractError(extract('notes.txt', zip), 'unsupported_format')).message).toMatch(
      /^This file is a zip archive, which Inkproof cannot read\./,
    );
    const epub = buildZip([{ name: 'mimetype', data: 'application/epub+zip', store: true }]);
    expect((await expectExtractError(extract('book.html', epub), 'unsupported_format')).message).toMatch(
      /an EPUB e-book/,
    );
  });

  it('a legacy .doc or encrypted Office file named .txt is recognised too', async () => {
    await expectExtractError(extract('old.txt', oleFile(['Root Entry', 'WordDocument'])), 'unsupported_format');
    await expectExtractError(extract('locked.pdf', oleFile(['Root Entry', 'EncryptedPackage'])), 'encrypted_file');
    expect(
      (await expectExtractError(extract('sheet.docx', oleFile(['Root Entry', 'Workbook'])), 'unsupported_format'))
        .message,
    ).toMatch(/older Excel workbook/);
  });

  it('text is read by its extension: HTML in a .txt stays text, Markdown in a .html is HTML', async () => {
    expect(await extract('snippet.txt', '<p>Tags are text here.</p>')).toMatchObject({
      text: '<p>Tags are text here.</p>',
      format: 'txt',
    });
    expect(await extract('notes.html', '# Not a heading in HTML')).toMatchObject({
      text: '# Not a heading in HTML',
      format: 'html',
    });
  });
});

describe('sniff', () => {
  it('needs a full signature; text that merely starts like one stays unknown', () => {
    expect(sniff(bytesOf('%PDF-1.7'))).toEqual({ kind: 'pdf' });
    expect(sniff(bytesOf('%PDF is a format'))).toEqual({ kind: 'unknown' });
    expect(sniff(bytesOf('PK is my initials'))).toEqual({ kind: 'unknown' });
    expect(sniff(bytesOf('ID3 tags are metadata'))).toEqual({ kind: 'unknown' });
    expect(sniff(bytesOf('GIF is pronounced'))).toEqual({ kind: 'unknown' });
    expect(sniff(bytesOf('OggS and fLaC are codecs'))).toEqual({ kind: 'unknown' });
    expect(sniff(bytesOf('Any ftyp word'))).toEqual({ kind: 'unknown' });
    expect(sniff(new Uint8Array([0, 0, 0, 0x20, ...bytesOf('ftypisom')]))).toMatchObject({
      kind: 'other',
      what: 'an MP4/MOV video, audio or HEIC image file',
    });
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toEqual({ kind: 'zip' });
  });

  it('describes unknown content for messages', () => {
    expect(describeUnknown(bytesOf('  <html><body>x</body></html>'))).toBe('an HTML web page');
    expect(describeUnknown(bytesOf('<?xml version="1.0"?><a/>'))).toBe('an XML file');
    expect(describeUnknown(bytesOf('{"a": 1}'))).toBe('JSON or other structured text');
    expect(describeUnknown(bytesOf('Dear reader,'))).toBe('plain text');
    expect(describeUnknown(new Uint8Array([0xff, 0xfe, ...Buffer.from('Hi there', 'utf16le')]))).toBe('plain text');
  });
});
