/**
 * The checks an import can answer at once, before a worker reads the whole file: a supported
 * extension, the size limit, not empty, and — from the first bytes — not an image, archive or
 * program, and not binary data in a file that claims to be text. Everything deeper (a damaged
 * .docx, an encrypted PDF, a zip bomb) is found by `extractDocument` in the worker.
 */
import { InkproofError } from '../../src-shared/errors';
import type { DocumentFormat } from '../../src-shared/models';
import { claimedFormat, oleError, unsupported } from './formats';
import { headOf, sizeOf, type FileBytes } from './pieces';
import { formatSize } from './size';
import { sniff } from './sniff';
import { decodeText } from './text';

/** How much of a text file is decoded to tell text from binary data. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * The format the file is imported as, or the error that refuses it. `bytes` may be the pieces an
 * upload arrived in: only the first 64 KB are copied to look at them.
 */
export function admitFile(name: string, bytes: FileBytes, maxBytes: number): DocumentFormat {
  const claimed = claimedFormat(name);
  const size = sizeOf(bytes);
  if (size > maxBytes) {
    throw new InkproofError(
      'too_large',
      `"${name}" is ${formatSize(size)}, larger than the limit of ${formatSize(maxBytes)}. Split it into smaller files, or raise the limit in Settings.`,
    );
  }
  if (size === 0) throw new InkproofError('empty_document', `"${name}" is empty.`);
  const head = headOf(bytes, SAMPLE_BYTES);
  const sniffed = sniff(head);
  if (sniffed.kind === 'other') throw unsupported(sniffed.what, sniffed.hint);
  if (sniffed.kind === 'ole') throw oleError(bytes);
  if (sniffed.kind === 'unknown' && (claimed === 'txt' || claimed === 'md' || claimed === 'html')) {
    // Throws binary_content for data that is not text; the cut at the sample's end may split a
    // character, which the decoder tolerates.
    const { text } = decodeText(head);
    if (size <= SAMPLE_BYTES && text.trim() === '')
      throw new InkproofError('empty_document', `"${name}" contains no text, only blank space.`);
  }
  return claimed;
}
