/** JSON Lines in and out: a line over the size limit is answered with an error, never parsed or handled. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mapJsonl } from '../../../src-main/cli/jsonl';

async function collect(input: string, maxLineBytes: number): Promise<{ out: unknown[]; handled: unknown[] }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let written = '';
  stdout.on('data', (d) => (written += d));
  const handled: unknown[] = [];
  stdin.end(input);
  await mapJsonl(
    stdin,
    stdout,
    async (line) => {
      handled.push(line.id);
      return { id: line.id, length: (line.text as string).length };
    },
    2,
    maxLineBytes,
  );
  return {
    out: written
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l)),
    handled,
  };
}

describe('mapJsonl', () => {
  it('answers a line larger than the limit with an error, in order, without handling it', async () => {
    const line = (id: number, text: string) => JSON.stringify({ id, text });
    const { out, handled } = await collect(
      [line(1, 'short'), line(2, 'é'.repeat(600)), line(3, 'ok')].join('\n'),
      1000,
    );
    expect(handled).toEqual([1, 3]);
    expect(out).toEqual([
      { id: 1, length: 5 },
      { id: null, error: 'Line 2 is 1 KB, larger than the limit of 1000 bytes for one text.' },
      { id: 3, length: 2 },
    ]);
  });
});
