/**
 * The formats Inkproof reads and the rules a file's name and first bytes must pass. Light on
 * purpose (no parser is loaded): the core checks every import with `admitFile` before it queues
 * the full extraction in a worker.
 */
import { Buffer } from 'node:buffer';
import { InkproofError } from '../../src-shared/errors';
import type { DocumentFormat } from '../../src-shared/models';
import { includesBytes, type FileBytes } from './pieces';

/** Extensions accepted, and the format each one claims. */
export const EXTENSIONS: Readonly<Record<string, DocumentFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  mdown: 'md',
  mkd: 'md',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

export const SUPPORTED_LIST = '.txt, .md, .html, .docx and .pdf';

export const FORMAT_NAMES: Record<DocumentFormat, string> = {
  txt: 'a text file',
  md: 'a Markdown file',
  html: 'a web page',
  docx: 'a Word document (.docx)',
  pdf: 'a PDF',
};

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The format a file name claims, or `unsupported_format`. */
export function claimedFormat(name: string): DocumentFormat {
  const ext = extensionOf(name);
  const format = EXTENSIONS[ext];
  if (format) return format;
  const what = ext ? `.${ext} files` : 'Files without an extension';
  throw new InkproofError('unsupported_format', `${what} are not supported. Inkproof reads ${SUPPORTED_LIST} files.`);
}

export function unsupported(what: string, hint?: string): InkproofError {
  return new InkproofError(
    'unsupported_format',
    `This file is ${what}, which Inkproof cannot read. ${hint ?? `Inkproof reads ${SUPPORTED_LIST} files.`}`,
  );
}

/** Legacy Office files and password-protected .docx share the OLE compound file container. */
export function oleError(bytes: FileBytes): InkproofError {
  const has = (name: string) => includesBytes(bytes, Buffer.from(name, 'utf16le'));
  if (has('EncryptedPackage')) {
    return new InkproofError(
      'encrypted_file',
      'This Office document is protected by a password. Open it, save a copy without the password, and try again.',
    );
  }
  if (has('WordDocument')) {
    return new InkproofError(
      'unsupported_format',
      'This file is an older Word document (.doc), which Inkproof cannot read. Open it in Word or LibreOffice and save it as .docx, then try again.',
    );
  }
  if (has('Workbook') || has('Book')) return unsupported('an older Excel workbook (.xls)');
  if (has('PowerPoint Document')) return unsupported('an older PowerPoint presentation (.ppt)');
  return unsupported('an older Microsoft Office file');
}
