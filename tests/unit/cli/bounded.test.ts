/** Reading stdin within the limit: an oversize line or text is counted and refused, never held whole. */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { boundedLines, readBounded, type BoundedLine } from '../../../src-main/cli/bounded';

async function lines(chunks: string[], max: number): Promise<BoundedLine[]> {
  const out: BoundedLine[] = [];
  for await (const l of boundedLines(Readable.from(chunks.map((c) => Buffer.from(c))), max)) out.push(l);
  return out;
}

describe('boundedLines', () => {
  it('splits at newlines across chunks, drops a CR before them, and keeps a last line without one', async () => {
    expect(await lines(['ab', 'c\r\nd', 'é\n\nlast'], 10)).toEqual([
      { text: 'abc' },
      { text: 'dé' },
      { text: '' },
      { text: 'last' },
    ]);
  });

  it('decodes a character split between chunks once the line is whole', async () => {
    const bytes = Buffer.from('café\n');
    const chunks = [bytes.subarray(0, 4), bytes.subarray(4)];
    const out: BoundedLine[] = [];
    for await (const l of boundedLines(Readable.from(chunks), 10)) out.push(l);
    expect(out).toEqual([{ text: 'café' }]);
  });

  it('answers a line over the limit with its size only, and goes on with the next', async () => {
    expect(await lines(['12345', '67890123\nok\n'], 10)).toEqual([{ oversize: 13 }, { text: 'ok' }]);
    // Exactly the limit passes; a CR does not count towards it.
    expect(await lines(['1234567890\r\n'], 10)).toEqual([{ text: '1234567890' }]);
  });

  it('counts a line far over the limit to its end and reads on after it', async () => {
    async function* long() {
      for (let i = 0; i < 400; i++) yield Buffer.alloc(64 * 1024, 0x61); // 25 MB on one line
      yield Buffer.from('\nnext\n');
    }
    const out: BoundedLine[] = [];
    for await (const l of boundedLines(long(), 1000)) out.push(l);
    expect(out).toEqual([{ oversize: 400 * 64 * 1024 }, { text: 'next' }]);
  });
});

describe('readBounded', () => {
  it('returns the whole input within the limit', async () => {
    expect((await readBounded(Readable.from([Buffer.from('ab'), Buffer.from('c')]), 3)).toString()).toBe('abc');
  });

  it('refuses input over the limit as soon as it passes it', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield Buffer.alloc(1024);
      }
    }
    await expect(readBounded(endless(), 4096)).rejects.toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/^The text on stdin is larger than the limit of 4 KB\./),
    });
    expect(pulled).toBe(5);
  });
});
