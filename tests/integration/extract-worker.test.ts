/**
 * The extract task in a real piscina worker thread: bytes cross the thread boundary, pdf.js runs
 * its in-thread "fake worker" inside our worker, and errors come back as values.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtractInput, ExtractOutput, TaskResult } from '../../src-shared/tasks';
import { buildDocx, buildPdf, bytesOf, layout, MB } from '../unit/extract/fixtures';

const here = path.dirname(fileURLToPath(import.meta.url));
const filename = path.resolve(here, '../../src-workers/tasks/extract.ts');

describe('extract task in a worker pool', () => {
  let pool: Piscina;
  beforeAll(() => {
    pool = new Piscina({
      filename,
      execArgv: ['--import', 'tsx'],
      maxThreads: 2,
      minThreads: 1,
      idleTimeout: 1000,
      maxQueue: 16,
    });
  });
  afterAll(async () => {
    await pool.destroy();
  });
  const run = (input: ExtractInput) => pool.run(input) as Promise<TaskResult<ExtractOutput>>;

  it('extracts .txt, .docx and .pdf sent as Buffers and Uint8Arrays', async () => {
    const [txt, docx, pdf] = await Promise.all([
      run({ name: 'a.txt', bytes: Buffer.from('Plain text through a worker.'), max_bytes: MB }),
      run({
        name: 'b.docx',
        bytes: await buildDocx([{ heading: 'Word through a worker.' }, 'Second paragraph.']),
        max_bytes: MB,
      }),
      run({ name: 'c.pdf', bytes: buildPdf([{ lines: layout(['PDF through a worker.']) }]), max_bytes: MB }),
    ]);
    expect(txt).toEqual({
      ok: true,
      value: { text: 'Plain text through a worker.', blocks: [], format: 'txt', word_count: 5 },
    });
    // The blocks come back through the thread boundary with the text.
    expect(docx).toEqual({
      ok: true,
      value: {
        text: 'Word through a worker.\n\nSecond paragraph.',
        blocks: [
          { kind: 'heading', level: 1, start: 0, end: 22 },
          { kind: 'paragraph', start: 24, end: 41 },
        ],
        format: 'docx',
        word_count: 6,
      },
    });
    expect(pdf).toEqual({
      ok: true,
      value: { text: 'PDF through a worker.', blocks: [], format: 'pdf', word_count: 4 },
    });
  });

  it('returns bad files as typed errors and keeps working', async () => {
    const encrypted = await run({
      name: 'e.pdf',
      bytes: buildPdf([{ lines: layout(['x']) }], { userPassword: 'pw' }),
      max_bytes: MB,
    });
    expect(encrypted).toMatchObject({ ok: false, error: { code: 'encrypted_file' } });
    const binary = await run({ name: 'b.txt', bytes: new Uint8Array([1, 0, 2, 0, 3]), max_bytes: MB });
    expect(binary).toMatchObject({ ok: false, error: { code: 'binary_content' } });
    const again = await run({ name: 'ok.md', bytes: bytesOf('# Still *fine*'), max_bytes: MB });
    expect(again).toMatchObject({ ok: true, value: { text: 'Still fine', format: 'md' } });
  });
});
