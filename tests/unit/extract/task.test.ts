import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import extract from '../../../src-workers/tasks/extract';
import { tempDir } from '../../helpers/temp';
import { bytesOf, expectUserMessage, MB } from './fixtures';

describe('extract task (piscina entry)', () => {
  it('returns the extraction as a value', async () => {
    const result = await extract({ name: 'a.txt', bytes: bytesOf('Hello there.'), max_bytes: MB });
    expect(result).toEqual({ ok: true, value: { text: 'Hello there.', blocks: [], format: 'txt', word_count: 2 } });
  });

  it('accepts a Buffer, a Uint8Array view into a larger buffer, and a bare ArrayBuffer', async () => {
    expect(await extract({ name: 'a.txt', bytes: Buffer.from('From a Buffer.'), max_bytes: MB })).toMatchObject({
      ok: true,
      value: { text: 'From a Buffer.' },
    });
    const big = bytesOf('xxxxIn the middle.yyyy');
    expect(await extract({ name: 'a.txt', bytes: big.subarray(4, big.length - 4), max_bytes: MB })).toMatchObject({
      ok: true,
      value: { text: 'In the middle.' },
    });
    const ab = bytesOf('From an ArrayBuffer.').buffer;
    expect(await extract({ name: 'a.txt', bytes: ab as unknown as Uint8Array, max_bytes: MB })).toMatchObject({
      ok: true,
      value: { text: 'From an ArrayBuffer.' },
    });
  });

  it('turns an InkproofError into a typed error value', async () => {
    const result = await extract({ name: 'a.txt', bytes: new Uint8Array(0), max_bytes: MB });
    expect(result).toEqual({
      ok: false,
      error: { code: 'empty_document', message: 'This file is empty.', retryable: false },
    });
  });

  it('reads a stored file itself, checked against the size it was stored with', async () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'source');
      fs.writeFileSync(file, 'Read by the worker.');
      expect(await extract({ name: 'a.txt', path: file, size: 19, max_bytes: MB })).toMatchObject({
        ok: true,
        value: { text: 'Read by the worker.' },
      });
      // Cut short on disk (a power cut before the data reached it, say): not analysed as it is.
      expect(await extract({ name: 'a.txt', path: file, size: 40, max_bytes: MB })).toMatchObject({
        ok: false,
        error: { code: 'corrupt_file', message: expect.stringMatching(/import it again/) },
      });
      // The limit was lowered since the import: refused without reading.
      expect(await extract({ name: 'a.txt', path: file, size: 2 * MB, max_bytes: MB })).toMatchObject({
        ok: false,
        error: { code: 'too_large' },
      });
      expect(await extract({ name: 'a.txt', path: path.join(t.dir, 'gone'), size: 19, max_bytes: MB })).toMatchObject({
        ok: false,
        error: { code: 'not_found', message: expect.stringMatching(/import it again/) },
      });
    } finally {
      t.cleanup();
    }
  });

  it('turns malformed input into invalid_input rather than throwing', async () => {
    const result = await extract(null as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expectUserMessage(result.error.message);
  });
});

describe('extract task, unexpected failures', () => {
  it('reports anything unexpected as internal, never throwing', async () => {
    vi.resetModules();
    vi.doMock('../../../src-workers/extract/index', () => ({
      extractDocument: () => Promise.reject(new RangeError('Array buffer allocation failed')),
    }));
    const { default: task } = await import('../../../src-workers/tasks/extract');
    const result = await task({ name: 'a.pdf', bytes: new Uint8Array(10), max_bytes: MB });
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Could not read this file: Array buffer allocation failed' },
    });
    vi.doUnmock('../../../src-workers/extract/index');
  });
});
