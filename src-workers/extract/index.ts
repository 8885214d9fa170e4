/**
 * Document extraction: a dropped file's bytes in, plain text out, or an InkproofError whose
 * message a user understands. See README.md in this folder for the rules; in short:
 *
 * 1. The name's extension must be a supported one (.txt, .md, .html/.htm, .docx, .pdf and their
 *    common aliases), else `unsupported_format`.
 * 2. More than `max_bytes` → `too_large`; no bytes → `empty_document`.
 * 3. The content decides what the file is, not its name:
 *    - a PDF or a Word document is read as what it really is, whatever its extension says
 *      (a PDF named .txt is read as a PDF, and `format` says "pdf");
 *    - a password-protected Office file → `encrypted_file`; a zip that is not a Word document, a
 *      legacy .doc, an image, an archive, a program… → `unsupported_format` naming what it is
 *      (`corrupt_file` when the name says .docx, since a .docx must be a Word zip);
 *    - a file named .pdf or .docx whose content is text, HTML or unrecognised data →
 *      `corrupt_file`, saying what it looks like (typically a failed download saved under the
 *      document's name — reading it would analyse an error page instead of the document);
 *    - text content is read by its extension: .txt as plain text, .md as Markdown, .html as HTML.
 * 4. The text is normalised (LF, no trailing spaces, one blank line between paragraphs, NFC);
 *    nothing left → `empty_document` (or `no_text_layer` for a PDF of images).
 * 5. Beside the text, `blocks` say what each paragraph of a Markdown, HTML or Word document was
 *    (heading, list item, quotation, code) and where its bold, italic, code and links are; plain
 *    text and PDFs have none (src-shared/blocks.ts has the rules blocks obey).
 */
import { InkproofError } from '../../src-shared/errors';
import type { DocumentFormat } from '../../src-shared/models';
import type { ExtractInput, ExtractOutput } from '../../src-shared/tasks';
import { countWords } from '../text/segment';
import { convertDocx, docxHtmlToParagraphs } from './docx';
import { declaredHtmlCharset, htmlToParagraphs } from './html';
import { markdownToParagraphs } from './md';
import { extractPdf } from './pdf';
import { tooLargeError } from './size';
import { describeUnknown, findPdfHeader, sniff } from './sniff';
import { claimedFormat, FORMAT_NAMES, oleError, unsupported } from './formats';

export { claimedFormat, EXTENSIONS } from './formats';
export { admitFile } from './admit';
import { assembleParagraphs, plainParagraphs, type RawParagraph } from './structure';
import { decodeText } from './text';

function validate(input: ExtractInput): Uint8Array {
  if (!input || typeof input !== 'object') throw new InkproofError('invalid_input', 'No file was given.');
  if (typeof input.name !== 'string' || input.name.length === 0)
    throw new InkproofError('invalid_input', 'The file has no name.');
  if (!(input.bytes instanceof Uint8Array)) throw new InkproofError('invalid_input', 'The file content is missing.');
  if (typeof input.max_bytes !== 'number' || !(input.max_bytes > 0))
    throw new InkproofError('invalid_input', 'The size limit for files is not set.');
  return input.bytes;
}

export async function extractDocument(input: ExtractInput): Promise<ExtractOutput> {
  const bytes = validate(input);
  const claimed = claimedFormat(input.name);
  const max = input.max_bytes;
  if (bytes.byteLength > max) throw tooLargeError(bytes.byteLength, max);
  if (bytes.byteLength === 0) throw new InkproofError('empty_document', 'This file is empty.');

  const { format, paragraphs } = await extractRaw(bytes, claimed, max);
  const { text, blocks } = assembleParagraphs(paragraphs);
  if (text.length === 0) {
    throw new InkproofError(
      'empty_document',
      format === 'txt' || format === 'md'
        ? 'This file contains no text, only blank space.'
        : `This file is ${FORMAT_NAMES[format]} with no text in it.`,
    );
  }
  return { text, blocks, format, word_count: countWords(text) };
}

async function extractRaw(
  bytes: Uint8Array,
  claimed: DocumentFormat,
  max: number,
): Promise<{ format: DocumentFormat; paragraphs: RawParagraph[] }> {
  const sniffed = sniff(bytes);
  switch (sniffed.kind) {
    case 'pdf':
      return { format: 'pdf', paragraphs: plainParagraphs(await extractPdf(bytes, max)) };
    case 'zip': {
      const outcome = await convertDocx(bytes, max, claimed === 'docx');
      if (outcome.ok) return { format: 'docx', paragraphs: docxHtmlToParagraphs(outcome.html) };
      const { what, hint } = outcome.identity;
      if (claimed === 'docx') {
        throw new InkproofError(
          'corrupt_file',
          `This file is named .docx but is not a Word document: it is ${what}.${hint ? ` ${hint}` : ''}`,
        );
      }
      throw unsupported(what, hint);
    }
    case 'ole':
      throw oleError(bytes);
    case 'other':
      throw unsupported(sniffed.what, sniffed.hint);
    case 'unknown':
      break;
  }
  if (claimed === 'pdf') {
    // PDF readers accept a header a little way into the file, after some junk.
    if (findPdfHeader(bytes) >= 0) return { format: 'pdf', paragraphs: plainParagraphs(await extractPdf(bytes, max)) };
    throw notWhatItSays('a PDF', '.pdf', describeUnknown(bytes));
  }
  if (claimed === 'docx') throw notWhatItSays('a Word document', '.docx', describeUnknown(bytes));

  if (claimed === 'html') {
    const { text } = decodeText(bytes, declaredHtmlCharset(bytes));
    return { format: 'html', paragraphs: htmlToParagraphs(text) };
  }
  const { text } = decodeText(bytes);
  if (claimed === 'md') return { format: 'md', paragraphs: markdownToParagraphs(text) };
  return { format: 'txt', paragraphs: plainParagraphs(text) };
}

function notWhatItSays(expected: string, ext: string, actual: string): InkproofError {
  const likelyDownload =
    actual === 'an HTML web page'
      ? " This often happens when a download fails and the error page is saved under the document's name."
      : ' It may be damaged, incomplete, or a different kind of file renamed to ' + ext + '.';
  return new InkproofError(
    'corrupt_file',
    `This file is named ${ext} but is not ${expected}: it contains ${actual}.${likelyDownload}`,
  );
}
