import { describe, expect, it } from 'vitest';
import { claimedFormat } from '../../../src-workers/extract/index';
import { formatSize } from '../../../src-workers/extract/size';
import { normalizeText } from '../../../src-workers/extract/normalize';
import { decodeText } from '../../../src-workers/extract/text';
import { bytesOf, expectExtractError, expectUserMessage, extract, MB } from './fixtures';

const utf16le = (s: string, bom = true) => new Uint8Array([...(bom ? [0xff, 0xfe] : []), ...Buffer.from(s, 'utf16le')]);
const utf16be = (s: string) => new Uint8Array([0xfe, 0xff, ...Buffer.from(s, 'utf16le').swap16()]);

describe('plain text (.txt)', () => {
  it('decodes UTF-8, strips the BOM, normalises CRLF and trailing spaces, keeps paragraphs', async () => {
    const out = await extract(
      'notes.txt',
      '\uFEFFFirst line  \r\nsecond line\t\r\n\r\n\r\n\r\nNext paragraph.   \r\n\r\n',
    );
    expect(out).toEqual({
      text: 'First line\nsecond line\n\nNext paragraph.',
      blocks: [],
      format: 'txt',
      word_count: 6,
    });
  });

  it('keeps non-ASCII text intact and in NFC', async () => {
    const out = await extract('a.txt', 'Cafe\u0301 — “quoted” naïve 東京 😀');
    expect(out.text).toBe('Café — “quoted” naïve 東京 😀');
  });

  it('reads UTF-16 LE and BE with a BOM', async () => {
    expect((await extract('le.txt', utf16le('Héllo from UTF-16\r\n\r\nLittle endian.'))).text).toBe(
      'Héllo from UTF-16\n\nLittle endian.',
    );
    expect((await extract('be.txt', utf16be('Big endian “text”.'))).text).toBe('Big endian “text”.');
  });

  it('recognises BOM-less UTF-16 from its zero bytes', async () => {
    expect((await extract('nobom.txt', utf16le('Written by an old tool without a byte order mark.', false))).text).toBe(
      'Written by an old tool without a byte order mark.',
    );
  });

  it('falls back to windows-1252 for 8-bit text that is not UTF-8, curly quotes included', async () => {
    const bytes = new Uint8Array(Buffer.from('Caf\xe9 cr\xe8me br\xfbl\xe9e \x93quoted\x94 \x96 \x80 5', 'latin1'));
    expect((await extract('legacy.txt', bytes)).text).toBe('Café crème brûlée “quoted” – € 5');
  });

  it('reads Latin-1 text with a single accented letter as windows-1252, not as UTF-8 with a replacement character', async () => {
    const bytes = new Uint8Array(Buffer.from('We met at the caf\xe9 on Friday and talked for an hour.', 'latin1'));
    expect((await extract('one-accent.txt', bytes)).text).toBe('We met at the café on Friday and talked for an hour.');
  });

  it('tolerates a few invalid UTF-8 bytes among valid ones as replacement characters', async () => {
    const good = bytesOf('A long enough paragraph of ordinary text — naïve, with one broken byte: ');
    const bytes = new Uint8Array([...good, 0xc3, 0x28, ...bytesOf(' and more text after it.')]);
    const out = await extract('a.txt', bytes);
    expect(out.text).toContain('\uFFFD(');
    expect(out.format).toBe('txt');
  });

  it('refuses a file with NUL bytes as binary content', async () => {
    const bytes = new Uint8Array([...bytesOf('looks like text'), 0, 0, 0, ...bytesOf('but is not')]);
    const err = await expectExtractError(extract('data.txt', bytes), 'binary_content');
    expect(err.message).toMatch(/binary data/);
  });

  it('refuses random bytes as binary content', async () => {
    let x = 12345;
    const bytes = new Uint8Array(4096).map(() => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return (x >> 16) & 255;
    });
    bytes[0] = 0x41; // no magic number
    await expectExtractError(extract('random.txt', bytes), 'binary_content');
  });

  it('refuses text full of control characters', async () => {
    const bytes = bytesOf('abc\x01\x02\x03def\x04\x05\x06ghi\x07\x08\x0e'.repeat(20));
    await expectExtractError(extract('ctl.txt', bytes), 'binary_content');
  });

  it('refuses an empty file and a whitespace-only file', async () => {
    const empty = await expectExtractError(extract('empty.txt', new Uint8Array(0)), 'empty_document');
    expect(empty.message).toBe('This file is empty.');
    await expectExtractError(extract('blank.txt', ' \r\n\t\n\u00a0 \n'), 'empty_document');
    await expectExtractError(extract('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a])), 'empty_document');
  });

  it('refuses a file over the limit, giving the limit in MB, before reading it', async () => {
    const bytes = new Uint8Array(50 * MB); // a 50 MB text file (zeros: it is never decoded)
    const err = await expectExtractError(extract('huge.txt', bytes, 20 * MB), 'too_large');
    expect(err.message).toBe(
      'This file is 50 MB, larger than the limit of 20 MB. Split it into smaller files, or raise the limit in Settings.',
    );
    const small = await expectExtractError(extract('a.txt', new Uint8Array(1536 * 1024), 1 * MB), 'too_large');
    expect(small.message).toContain('1.5 MB, larger than the limit of 1 MB');
  });

  it('refuses UTF-32 with a clear message', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]);
    const err = await expectExtractError(extract('u32.txt', bytes), 'unsupported_format');
    expect(err.message).toMatch(/UTF-32/);
  });

  it('is linear: 1 MB of text, and 1 MB of pathological whitespace, stay fast', async () => {
    const para = 'The quick brown fox jumps over the lazy dog. '.repeat(20) + '\n\n';
    const text = para.repeat(Math.ceil(MB / para.length));
    const out = await extract('big.txt', text);
    expect(out.word_count).toBe(Math.ceil(MB / para.length) * 180);
    // Quadratic trimming would take minutes here; linear code takes milliseconds.
    const spaces = await extract('spaces.txt', ' '.repeat(MB) + 'x' + '\t \u00a0'.repeat(100_000) + '\n\ny');
    expect(spaces.text).toBe(' '.repeat(MB) + 'x\n\ny');
  }, 10_000);
});

describe('file names', () => {
  it('maps extensions and aliases to formats, case-insensitively, from the last path segment', () => {
    expect(claimedFormat('A.TXT')).toBe('txt');
    expect(claimedFormat('notes.markdown')).toBe('md');
    expect(claimedFormat('page.HTM')).toBe('html');
    expect(claimedFormat('C:\\Users\\me\\report.final.docx')).toBe('docx');
    expect(claimedFormat('/home/me/paper.pdf')).toBe('pdf');
  });

  it('refuses unknown extensions and names without one, listing what is supported', async () => {
    const err = await expectExtractError(extract('essay.odt', 'text'), 'unsupported_format');
    expect(err.message).toBe('.odt files are not supported. Inkproof reads .txt, .md, .html, .docx and .pdf files.');
    const none = await expectExtractError(extract('README', 'text'), 'unsupported_format');
    expect(none.message).toMatch(
      /^Files without an extension are not supported\. Inkproof reads \.txt, \.md, \.html, \.docx and \.pdf files\.$/,
    );
    await expectExtractError(extract('.txt', 'text'), 'unsupported_format');
    await expectExtractError(extract('trailingdot.', 'text'), 'unsupported_format');
  });

  it('refuses malformed input as invalid_input', async () => {
    const { extractDocument } = await import('../../../src-workers/extract/index');
    await expectExtractError(extractDocument({ name: '', bytes: new Uint8Array(1), max_bytes: 10 }), 'invalid_input');
    await expectExtractError(
      extractDocument({ name: 'a.txt', bytes: 'text' as unknown as Uint8Array, max_bytes: 10 }),
      'invalid_input',
    );
    await expectExtractError(
      extractDocument({ name: 'a.txt', bytes: new Uint8Array(1), max_bytes: 0 }),
      'invalid_input',
    );
  });
});

describe('decodeText and normalizeText', () => {
  it('uses an encoding the document declares when there is no BOM', () => {
    const bytes = new Uint8Array(Buffer.from('na\xefve \x93text\x94', 'latin1'));
    expect(decodeText(bytes, 'iso-8859-1')).toEqual({ text: 'naïve “text”', encoding: 'windows-1252' });
    expect(decodeText(bytesOf('naïve'), 'utf-8').text).toBe('naïve');
  });

  it('gives every output one shape', () => {
    expect(
      normalizeText('\n\n  \nA  \r\nB\rC\u2028D\u2029E\fF\u000bG\u0007\uFEFFH\u00ad\n \u200b \n\n\n\nI \t\n\n'),
    ).toBe('A\nB\nC\nD\n\nE\n\nF\nGH\n\nI');
  });

  it('sizes read naturally in messages', () => {
    expect([
      formatSize(20 * MB),
      formatSize(1.5 * MB),
      formatSize(10.4 * MB),
      formatSize(64 * 1024),
      formatSize(100),
    ]).toEqual(['20 MB', '1.5 MB', '10 MB', '64 KB', '100 bytes']);
  });

  it('messages are sentences', () => {
    expectUserMessage('This file is empty.');
    expect(() => expectUserMessage('TypeError: x is undefined')).toThrow();
  });
});
