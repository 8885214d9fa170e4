import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressCoalescer } from '../../../src-main/core/hub/coalescer';

describe('ProgressCoalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends at most one value per interval, the latest at the end of the interval, never backwards', () => {
    const sent: number[] = [];
    const c = new ProgressCoalescer(50, (_k, p) => sent.push(p));
    let now = 1_000_000;
    c.push('a', 1, now);
    for (let p = 2; p <= 30; p++) c.push('a', p, (now += 1));
    c.push('a', 10, (now += 1)); // backwards: ignored
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([1, 30]);
    c.finish('a');
    expect(sent).toEqual([1, 30, 100]);
  });

  it('does not repeat 100 when it was already sent', () => {
    const sent: number[] = [];
    const c = new ProgressCoalescer(50, (_k, p) => sent.push(p));
    c.push('a', 100, 0);
    c.finish('a');
    expect(sent).toEqual([100]);
  });

  it('keeps keys apart and drops a key without sending', () => {
    const sent: string[] = [];
    const c = new ProgressCoalescer(50, (k, p) => sent.push(`${k}:${p}`));
    c.push('a', 5, 0);
    c.push('b', 7, 0);
    c.push('a', 9, 10);
    c.drop('a');
    vi.advanceTimersByTime(100);
    expect(sent).toEqual(['a:5', 'b:7']);
  });

  it('treats a seeded value as the floor (progress of an earlier attempt)', () => {
    const sent: number[] = [];
    const c = new ProgressCoalescer(50, (_k, p) => sent.push(p));
    c.seed('a', 40);
    c.push('a', 10, 0);
    c.push('a', 40, 100);
    c.push('a', 41, 200);
    expect(sent).toEqual([41]);
  });
});
