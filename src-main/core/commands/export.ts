/** Exports a text as .txt, .md or .docx (built with the docx package). */
import { Document, Packer, Paragraph, TextRun } from 'docx';
import type { ExportResult } from '../../../src-shared/commands';

export async function buildExport(
  baseName: string,
  format: 'txt' | 'md' | 'docx',
  text: string,
): Promise<ExportResult> {
  if (format === 'docx') {
    const paragraphs = text.split(/\n{2,}/).map(
      (p) =>
        new Paragraph({
          children: p
            .split('\n')
            .flatMap((line, i) => (i === 0 ? [new TextRun(line)] : [new TextRun({ text: line, break: 1 })])),
        }),
    );
    const buffer = await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
    return {
      name: `${baseName}.docx`,
      mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      base64: Buffer.from(buffer).toString('base64'),
    };
  }
  const body = text.endsWith('\n') ? text : text + '\n';
  return {
    name: `${baseName}.${format}`,
    mime: format === 'md' ? 'text/markdown; charset=utf-8' : 'text/plain; charset=utf-8',
    base64: Buffer.from(body, 'utf8').toString('base64'),
  };
}
