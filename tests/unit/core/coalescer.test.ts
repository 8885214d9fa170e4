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

  describe('with steps (sections done and in all)', () => {
    type Sent = { p: number; steps?: { done: number; total: number } };
    const recorder = () => {
      const sent: Sent[] = [];
      const c = new ProgressCoalescer(50, (_k, p, steps) => sent.push(steps ? { p, steps } : { p }));
      return { sent, c };
    };

    it('a step forward is progress even when the percentage stays; steps never go backwards', () => {
      const { sent, c } = recorder();
      c.push('a', 10, 0, { done: 1, total: 4 });
      c.push('a', 10, 100, { done: 2, total: 4 });
      c.push('a', 10, 200, { done: 2, total: 4 }); // nothing new
      c.push('a', 9, 300, { done: 1, total: 4 }); // backwards on both: ignored
      c.push('a', 8, 400, { done: 3, total: 4 }); // a step, but the percentage stays at its floor
      expect(sent).toEqual([
        { p: 10, steps: { done: 1, total: 4 } },
        { p: 10, steps: { done: 2, total: 4 } },
        { p: 10, steps: { done: 3, total: 4 } },
      ]);
    });

    it('coalesces steps like values: the latest at the end of the interval', () => {
      const { sent, c } = recorder();
      let now = 1_000_000;
      c.push('a', 5, now, { done: 0, total: 10 });
      for (let i = 1; i <= 6; i++) c.push('a', 5 + i * 10, (now += 1), { done: i, total: 10 });
      expect(sent).toHaveLength(1);
      vi.advanceTimersByTime(50);
      expect(sent.at(-1)).toEqual({ p: 65, steps: { done: 6, total: 10 } });
    });

    it('finish sends 100 with every step done, unless that was the last thing sent', () => {
      const { sent, c } = recorder();
      c.push('a', 40, 0, { done: 4, total: 10 });
      c.finish('a');
      expect(sent.at(-1)).toEqual({ p: 100, steps: { done: 10, total: 10 } });
      const second = recorder();
      second.c.push('b', 100, 0, { done: 3, total: 3 });
      second.c.finish('b');
      expect(second.sent).toEqual([{ p: 100, steps: { done: 3, total: 3 } }]);
      const third = recorder();
      third.c.push('c', 100, 0, { done: 2, total: 3 });
      third.c.finish('c');
      expect(third.sent).toEqual([
        { p: 100, steps: { done: 2, total: 3 } },
        { p: 100, steps: { done: 3, total: 3 } },
      ]);
    });
  });
});
