/**
 * Uploads streamed and checked file by file (real server): however many files a request carries,
 * the server holds a few of them at a time (measured as its peak memory against what was sent);
 * the file count and each file's size are checked as parts arrive; malformed multipart answers
 * 400 with a typed error, never 500; and senders that vanish or stall do not keep the slots that
 * bound memory. The stall is tested in process, with a short idle limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../src-main/server/server';
import { humanText } from '../../helpers/texts';
import { api, inProcessServer, peakMemoryMb, rawRequest, resetPeakMemory, serve, upload, type Serve } from './helpers';

const MB = 1024 * 1024;

describe('uploads, file by file (real server)', () => {
  let s: Serve;
  beforeAll(async () => {
    s = await serve();
  });
  afterAll(async () => s?.stop());

  it('holds a few files at a time, not the request: 3 × 40 files of 8 MB in parallel', async () => {
    // NUL bytes named .txt: each file is read whole, then refused (binary_content) without being stored.
    const files = Array.from({ length: 40 }, (_, i) => ({ name: `zeros-${i}.txt`, size: 8 * MB }));
    const one = await upload(s.port, s.token, files.slice(0, 2));
    expect(one).toMatchObject({ status: 422 });
    const resettable = resetPeakMemory(s.pid);
    const before = peakMemoryMb(s.pid);
    const answers = await Promise.all([0, 1, 2].map(() => upload(s.port, s.token, files)));
    const grown = peakMemoryMb(s.pid) - before;
    console.log(
      `3 uploads of 40 × 8 MB (960 MB sent): server peak memory +${grown.toFixed(0)} MB${resettable ? '' : ' (peak not resettable here: measured from the start)'}`,
    );
    for (const a of answers) {
      if (a === 'aborted') throw new Error('upload aborted');
      expect(a.status).toBe(422);
      expect(a.body.errors).toHaveLength(40);
      expect(a.body.errors.every((e: { error: { code: string } }) => e.error.code === 'binary_content')).toBe(true);
    }
    // Four files in memory at a time (each read, then copied once): tens of MB, not the 960 sent.
    expect(grown).toBeLessThan(200);
  }, 120_000);

  it('counts files as they arrive and refuses the ones past the limit', async () => {
    const files = Array.from({ length: 101 }, (_, i) => ({ name: `f${i}.exe`, size: 10, fill: 'x' }));
    const a = await upload(s.port, s.token, files);
    if (a === 'aborted') throw new Error('upload aborted');
    expect(a.status).toBe(422);
    expect(a.body.errors).toHaveLength(101);
    expect(a.body.errors[0].error.code).toBe('unsupported_format');
    expect(a.body.errors[100]).toMatchObject({
      name: '(the rest of the upload)',
      error: { code: 'too_large', message: expect.stringMatching(/at most 100 files/) },
    });
  });

  it('refuses a file over the size limit on its own and imports the others', async () => {
    expect((await api(s, 'PATCH', '/api/settings', { body: { limits: { max_file_bytes: 1 * MB } } })).status).toBe(200);
    try {
      const text = humanText(1);
      const a = await upload(s.port, s.token, [
        { name: 'first.txt', size: text.length, fill: text },
        { name: 'big.txt', size: 2 * MB, fill: 'a' },
        { name: 'last.txt', size: text.length, fill: text },
      ]);
      if (a === 'aborted') throw new Error('upload aborted');
      expect(a.status).toBe(201);
      expect(a.body.documents.map((d: { name: string }) => d.name)).toEqual(['first.txt', 'last.txt']);
      expect(a.body.errors).toEqual([
        {
          name: 'big.txt',
          error: { code: 'too_large', message: expect.stringMatching(/larger than the limit of 1\.0 MB|1 MB/) },
        },
      ]);
    } finally {
      await api(s, 'PATCH', '/api/settings', { body: { limits: { max_file_bytes: 20 * MB } } });
    }
  });

  it('answers malformed uploads with 400 and a typed error, never 500', async () => {
    const send = (type: string, body: string) =>
      rawRequest(
        s.port,
        `POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nAuthorization: Bearer ${s.token}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
        Buffer.from(body),
      );
    const part = (b: string) =>
      `--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nSome words of text.\r\n`;
    const cases: [string, string, string][] = [
      ['no boundary', 'multipart/form-data', part('B') + '--B--\r\n'],
      ['wrong boundary', 'multipart/form-data; boundary=other', part('B') + '--B--\r\n'],
      ['truncated', 'multipart/form-data; boundary=B', part('B').slice(0, 90)],
      ['no closing boundary', 'multipart/form-data; boundary=B', part('B')],
      [
        'prototype field',
        'multipart/form-data; boundary=B',
        '--B\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\nx\r\n--B--\r\n',
      ],
      [
        'bad JSON field',
        'multipart/form-data; boundary=B',
        '--B\r\nContent-Disposition: form-data; name="x"\r\nContent-Type: application/json\r\n\r\n{bad\r\n--B--\r\n',
      ],
    ];
    for (const [what, type, body] of cases) {
      const a = await send(type, body);
      expect(a.status, what).toBe(400);
      expect(JSON.parse(a.body).error.code, what).toBe('invalid_input');
    }
    // More fields than an upload may carry: the parser reports it with the next part, so the file
    // after the fields is imported and the rest of the upload refused.
    const fields = Array.from(
      { length: 21 },
      (_, i) => `--B\r\nContent-Disposition: form-data; name="f${i}"\r\n\r\nx\r\n`,
    );
    const many = await send('multipart/form-data; boundary=B', fields.join('') + part('B') + '--B--\r\n');
    expect(many.status).toBe(201);
    expect(JSON.parse(many.body).errors).toEqual([
      {
        name: '(the rest of the upload)',
        error: { code: 'too_large', message: expect.stringMatching(/at most 20 fields/) },
      },
    ]);
  });

  it('frees the memory slots of senders that vanish mid-file', async () => {
    const half = Array.from({ length: 6 }, () =>
      upload(s.port, s.token, [{ name: 'gone.txt', size: 4 * MB, fill: 'a' }], { abortAfter: 2 * MB }),
    );
    expect(await Promise.all(half)).toEqual(Array(6).fill('aborted'));
    const text = humanText(1);
    const after = await upload(s.port, s.token, [{ name: 'after.txt', size: text.length, fill: text }]);
    expect(after).toMatchObject({ status: 201 });
  });
});

describe('uploads that stall (in process, short idle limit)', () => {
  let server: RunningServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ server, close } = await inProcessServer('stall', { uploadsInMemory: 1, uploadIdleMs: 300 }));
  });
  afterAll(() => close());

  it('drops a sender that stops in the middle of a file, so that the next upload gets the slot', async () => {
    const stalled = upload(server.port, 'stall', [{ name: 'stuck.txt', size: 4 * MB, fill: 'a' }], {
      stallAfter: 1 * MB,
    });
    const text = humanText(1);
    const next = upload(server.port, 'stall', [{ name: 'next.txt', size: text.length, fill: text }]);
    expect(await stalled).toBe('aborted');
    expect(await next).toMatchObject({ status: 201 });
  });
});
