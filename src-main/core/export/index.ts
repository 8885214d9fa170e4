/**
 * Exports a document version or a revision as .txt (the plain text), .md (Markdown with its
 * headings, lists, quotations, code, bold, italic and links) or .docx (a Word document with
 * heading styles, lists, bold, italic and hyperlinks) — the one writer the app, the HTTP API and
 * the command line share.
 */
import type { StructuredText } from '../../../src-shared/blocks';
import type { ExportResult } from '../../../src-shared/commands';
import { toDocx } from './docx';
import { toMarkdown } from './markdown';

export const EXPORT_FORMATS = ['txt', 'md', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const MIME: Record<ExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** File name extensions written, and the format each one means. */
const EXTENSIONS: Record<string, ExportFormat> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  docx: 'docx',
};

/** The export format a file name asks for by its extension, or null when it is none of them. */
export function exportFormatOf(fileName: string): ExportFormat | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? (EXTENSIONS[base.slice(dot + 1).toLowerCase()] ?? null) : null;
}

/** The bytes of a document in a format. */
export async function exportBytes(format: ExportFormat, doc: StructuredText): Promise<Uint8Array> {
  if (format === 'docx') return toDocx(doc.text, doc.blocks);
  const body = format === 'md' ? toMarkdown(doc.text, doc.blocks) : doc.text;
  return Buffer.from(body.endsWith('\n') ? body : body + '\n', 'utf8');
}

export async function buildExport(baseName: string, format: ExportFormat, doc: StructuredText): Promise<ExportResult> {
  const bytes = await exportBytes(format, doc);
  return {
    name: `${baseName}.${format}`,
    mime: MIME[format],
    base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
  };
}
