import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { looksComplete, MAX_PDF_PAGES, unreadableShare } from '../../../src-workers/extract/pdf';
import { checkPdfExpansion, decodedSize, PdfExpansionError } from '../../../src-workers/extract/pdf-guard';
import { buildPdf, deflatedZeros, expectExtractError, extract, layout, lzwEncode, lzwZeroBomb, MB } from './fixtures';

describe('PDF', () => {
  it('reads a text PDF: lines joined into paragraphs, a heading apart, a hyphenated word rejoined', async () => {
    const pdf = buildPdf([
      {
        lines: [
          { text: 'A Study of Paragraphs', y: 740, size: 18 },
          ...layout(
            [
              'The first paragraph begins here and runs over several',
              'lines of text, with a word that is hyphen-',
              'ated at the end of a line. It ends here.',
            ],
            { top: 700 },
          ),
          // A blank line's worth of extra space: a new paragraph.
          ...layout(['The second paragraph comes after a larger gap and it', 'also runs over two lines.'], {
            top: 650,
          }),
          // No gap, but the previous line is short and ends a sentence: a new paragraph.
          ...layout(['A third paragraph follows without any gap at all in', 'between.', 'Fourth paragraph.'], {
            top: 622,
          }),
        ],
      },
    ]);
    const out = await extract('paper.pdf', pdf);
    expect(out.format).toBe('pdf');
    expect(out.text.split('\n\n')).toEqual([
      'A Study of Paragraphs',
      'The first paragraph begins here and runs over several lines of text, with a word that is hyphenated at the end of a line. It ends here.',
      'The second paragraph comes after a larger gap and it also runs over two lines.',
      'A third paragraph follows without any gap at all in between.',
      'Fourth paragraph.',
    ]);
    expect(out.word_count).toBe(out.text.split(/\s+/).length);
  });

  it('drops running headers and page numbers and joins a paragraph across a page break', async () => {
    const page = (n: number, body: string[]) => ({
      lines: [
        { text: 'Journal of Careful Tests', y: 760, size: 9 },
        ...layout(body, { top: 720 }),
        { text: String(n), y: 40, x: 300, size: 9 },
      ],
    });
    const pdf = buildPdf([
      page(1, ['Page one starts a paragraph that does not end on this', 'page but goes on']),
      page(2, [
        'to the next one, where it finishes.',
        'Then a new paragraph starts; it runs to the full width of',
        'the column before it ends.',
      ]),
      page(3, ['The last page has one more paragraph of its own.']),
    ]);
    const out = await extract('journal.pdf', pdf);
    expect(out.text.split('\n\n')).toEqual([
      'Page one starts a paragraph that does not end on this page but goes on to the next one, where it finishes.',
      'Then a new paragraph starts; it runs to the full width of the column before it ends.',
      'The last page has one more paragraph of its own.',
    ]);
  });

  it('breaks paragraphs at a column change', async () => {
    const pdf = buildPdf([
      {
        lines: [
          ...layout(['Left column text that runs', 'down the page'], { top: 700, x: 72 }),
          ...layout(['Right column text', 'starts at the top again'], { top: 700, x: 330 }),
        ],
      },
    ]);
    expect((await extract('cols.pdf', pdf)).text).toBe(
      'Left column text that runs down the page\n\nRight column text starts at the top again',
    );
  });

  it('reads compressed content streams and text encrypted with an empty user password', async () => {
    expect(
      (await extract('c.pdf', buildPdf([{ lines: layout(['Compressed content stream.']) }], { compress: true }))).text,
    ).toBe('Compressed content stream.');
    // Owner-password-only PDFs ("restrictions") open without a password, as in any viewer.
    const restricted = buildPdf([{ lines: layout(['Readable despite restrictions.']) }], {
      userPassword: '',
      compress: true,
    });
    expect((await extract('r.pdf', restricted)).text).toBe('Readable despite restrictions.');
  });

  it('refuses a password-protected PDF', async () => {
    const pdf = buildPdf([{ lines: layout(['Secret text.']) }], { userPassword: 'hunter2' });
    const err = await expectExtractError(extract('secret.pdf', pdf), 'encrypted_file');
    expect(err.message).toBe(
      'This PDF is protected by a password. Open it, save or print a copy without the password, and try again.',
    );
  });

  it('refuses a scanned PDF (images, no text layer)', async () => {
    const err = await expectExtractError(
      extract('scan.pdf', buildPdf([{ image: true }, { image: true }])),
      'no_text_layer',
    );
    expect(err.message).toBe(
      'This PDF has no text layer: its pages are images, as in a scanned document, or blank. If it is a scan, run it through text recognition (OCR) and try again, or use the original file.',
    );
  });

  it('refuses a PDF whose pages have no content at all as having no text layer', async () => {
    await expectExtractError(extract('blank.pdf', buildPdf([{}])), 'no_text_layer');
  });

  it('refuses a truncated PDF as corrupt', async () => {
    const pdf = buildPdf([
      { lines: layout(['Some text in a file that will be cut short.']) },
      { lines: layout(['Second page.']) },
    ]);
    for (const cut of [
      pdf.subarray(0, pdf.length - 40),
      pdf.subarray(0, Math.floor(pdf.length / 2)),
      pdf.subarray(0, 20),
    ]) {
      const err = await expectExtractError(extract('cut.pdf', cut), 'corrupt_file');
      expect(err.message).toMatch(/^This PDF is incomplete or damaged/);
    }
  });

  it('refuses a PDF whose body is garbage as corrupt', async () => {
    const junk = new TextEncoder().encode(
      '%PDF-1.7\n' + 'not a pdf object at all '.repeat(50) + '\nstartxref\n999999\n%%EOF\n',
    );
    const err = await expectExtractError(extract('junk.pdf', junk), 'corrupt_file');
    expect(err.message).toBe(
      'This PDF is damaged and cannot be read. Open it in a PDF viewer and save or export it again.',
    );
  });

  it('accepts a few junk bytes before the header, as PDF readers do', async () => {
    const pdf = buildPdf([{ lines: layout(['After some junk.']) }]);
    const prefixed = new Uint8Array([...new TextEncoder().encode('junk\r\n'), ...pdf]);
    expect(await extract('prefixed.pdf', prefixed)).toMatchObject({ text: 'After some junk.', format: 'pdf' });
  });

  it(`refuses more than ${MAX_PDF_PAGES} pages`, async () => {
    const pdf = buildPdf(Array.from({ length: MAX_PDF_PAGES + 1 }, () => ({ lines: layout(['x']) })));
    const err = await expectExtractError(extract('long.pdf', pdf, 50 * MB), 'too_large');
    expect(err.message).toBe(
      'This PDF has 2,001 pages; Inkproof reads documents of up to 2,000 pages. Split it into parts and try again.',
    );
  });

  it('refuses more text than the byte limit', async () => {
    const lines = Array.from(
      { length: 40 },
      (_, i) => `Line ${i} with enough words to fill the page a little bit more.`,
    );
    const pdf = buildPdf(
      Array.from({ length: 30 }, () => ({ lines: layout(lines, { leading: 16 }) })),
      { compress: true },
    );
    expect(pdf.length).toBeLessThan(64 * 1024);
    const err = await expectExtractError(extract('dense.pdf', pdf, 64 * 1024), 'too_large');
    expect(err.message).toBe(
      'This PDF holds more text than the limit of 64 KB allows. Split it into parts and try again.',
    );
  });

  it('judges text made of unmapped glyphs unreadable', () => {
    expect(unreadableShare('Ordinary words, fine.')).toBe(0);
    expect(unreadableShare('\ue001\ue002\ue003 \ue004\ufffd ab')).toBeCloseTo(5 / 7);
  });

  it('looksComplete: startxref/%%EOF near the end, trailing whitespace and padding allowed', () => {
    const pdf = buildPdf([{ lines: layout(['x']) }]);
    expect(looksComplete(pdf)).toBe(true);
    expect(looksComplete(new Uint8Array([...pdf, ...new Uint8Array(3000)]))).toBe(true);
    expect(looksComplete(pdf.subarray(0, pdf.length - 30))).toBe(false);
  });
});

describe('PDF decompression bombs', () => {
  const contentBomb = (size: number) =>
    deflatedZeros(size, { fill: 0x20, zlib: true, prefix: 'BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n' });

  it('refuses a content stream that inflates far beyond the limit, before pdf.js decodes it', async () => {
    // 100 MB of blanks after a line of text; the budget for a 1 MB limit is its floor, 64 MB.
    const bomb = await contentBomb(100 * MB);
    const pdf = buildPdf([{ rawContent: { data: bomb.deflated, filter: '/FlateDecode' } }]);
    expect(pdf.length).toBeLessThan(200 * 1024);
    const err = await expectExtractError(extract('bomb.pdf', pdf, 1 * MB), 'too_large');
    expect(err.message).toBe(
      'This PDF expands too much to be read safely: its compressed contents would unpack to more than 64 MB. It may be a "decompression bomb" rather than a real document.',
    );
  });

  it('sees through doubled filters and escaped filter names', async () => {
    const bomb = await contentBomb(80 * MB);
    const twice = deflateSync(bomb.deflated);
    const pdf = buildPdf([{ rawContent: { data: twice, filter: '[/Fl#61teDecode /FlateDecode]' } }]);
    await expectExtractError(extract('twice.pdf', pdf, 1 * MB), 'too_large');
  });

  it('counts LZW exactly as pdf.js decodes it, and refuses an LZW bomb', async () => {
    let content = 'BT\n';
    for (let i = 0; i < 40; i++)
      content += `/F1 12 Tf 1 0 0 1 72 ${740 - i * 16} Tm (Line ${i} of an LZW compressed page, with repeated words words words.) Tj\n`;
    content += 'ET\n';
    const raw = Buffer.from(content, 'latin1');
    const lzw = lzwEncode(raw);
    expect(decodedSize(lzw, ['LZWDecode'], Number.MAX_SAFE_INTEGER)).toBe(raw.length);
    const out = await extract('lzw.pdf', buildPdf([{ rawContent: { data: lzw, filter: '/LZWDecode' } }]));
    expect(out.text.split('\n')).toHaveLength(1);
    expect(out.text).toMatch(
      /^Line 0 of an LZW compressed page, with repeated words words words\. Line 1 .* Line 39 of .*words\.$/,
    );

    const bomb = lzwZeroBomb(20_000); // about 30 KB that decode to about 84 MB
    expect(decodedSize(bomb, ['LZWDecode'], Number.MAX_SAFE_INTEGER)).toBeGreaterThan(80 * MB);
    await expectExtractError(
      extract('lzw-bomb.pdf', buildPdf([{ rawContent: { data: bomb, filter: '/LZWDecode' } }]), 1 * MB),
      'too_large',
    );
  });

  it('ignores image streams, which pdf.js does not decode to read text', () => {
    const pdf = buildPdf([{ image: true, lines: layout(['Text over an image.']) }], { compress: true });
    expect(checkPdfExpansion(pdf, { perStream: MB, total: MB })).toBeLessThan(1000);
  });

  it('decodes ASCIIHex and ASCII85 in front of Flate, and RunLength', () => {
    const data = deflateSync(Buffer.alloc(5000, 0x41));
    const hex = Buffer.from(data.toString('hex') + '>', 'latin1');
    expect(decodedSize(hex, ['ASCIIHexDecode', 'FlateDecode'], 1e9)).toBe(5000);
    expect(decodedSize(Buffer.from(ascii85(data), 'latin1'), ['ASCII85Decode', 'FlateDecode'], 1e9)).toBe(5000);
    // RunLength: 129 + n repeats the next byte 257 - n times.
    expect(decodedSize(new Uint8Array([129, 0x41, 129, 0x42, 2, 1, 2, 3, 128]), ['RunLengthDecode'], 1e9)).toBe(
      128 + 128 + 3,
    );
    expect(() =>
      checkPdfExpansion(buildPdf([{ rawContent: { data: hex, filter: '[/AHx /Fl]' } }]), {
        perStream: 4000,
        total: 4000,
      }),
    ).toThrow(PdfExpansionError);
  });
});

function ascii85(data: Uint8Array): string {
  let out = '';
  for (let i = 0; i < data.length; i += 4) {
    const chunk = [data[i], data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
    let v = ((chunk[0] << 24) | (chunk[1] << 16) | (chunk[2] << 8) | chunk[3]) >>> 0;
    const n = Math.min(4, data.length - i);
    if (v === 0 && n === 4) {
      out += 'z';
      continue;
    }
    const digits: string[] = [];
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (v % 85)));
      v = Math.floor(v / 85);
    }
    out += digits.slice(0, n + 1).join('');
  }
  return out + '~>';
}
