/**
 * The version graph's rules: heads are versions nothing was made on top of; among several heads
 * the current one is the one the server stored last, and one not yet on the server counts as
 * newest — so two devices that have seen the same versions always pick the same one.
 */
import { describe, expect, it } from 'vitest';
import { currentOf, headsOf, type VersionNode } from '../../../src-main/core/sync/versions';

const v = (version: number, vid: string, parents: string[], server_seq: number | null): VersionNode => ({
  version,
  vid,
  parents,
  server_seq,
  device_name: null,
  created_at: '2026-01-01T00:00:00.000Z',
  word_count: 10,
  origin: version === 1 ? 'import' : 'revision',
});

describe('version graph', () => {
  it('has one head along a line of versions', () => {
    const line = [v(1, 'a', [], 1), v(2, 'b', ['a'], 2), v(3, 'c', ['b'], 3)];
    expect(headsOf(line).map((n) => n.vid)).toEqual(['c']);
    expect(currentOf(line)?.vid).toBe('c');
  });

  it('keeps both versions made on the same one; the later on the server is current, whatever the local order', () => {
    const onA = [v(1, 'a', [], 1), v(2, 'mine', ['a'], 9), v(3, 'theirs', ['a'], 7)];
    const onB = [v(1, 'a', [], 1), v(2, 'theirs', ['a'], 7), v(3, 'mine', ['a'], 9)];
    expect(
      headsOf(onA)
        .map((n) => n.vid)
        .sort(),
    ).toEqual(['mine', 'theirs']);
    expect(currentOf(onA)?.vid).toBe('mine');
    expect(currentOf(onB)?.vid).toBe('mine');
  });

  it('takes a version not yet on the server as newest, and the later local one of two', () => {
    const nodes = [v(1, 'a', [], 1), v(2, 'remote', ['a'], 50), v(3, 'local', ['a'], null)];
    expect(currentOf(nodes)?.vid).toBe('local');
    const two = [v(1, 'a', [], null), v(2, 'x', ['a'], null), v(3, 'y', ['a'], null)];
    expect(currentOf(two)?.vid).toBe('y');
  });

  it('closes a conflict with a version made on top of every head', () => {
    const nodes = [v(1, 'a', [], 1), v(2, 'x', ['a'], 2), v(3, 'y', ['a'], 3), v(4, 'merge', ['y', 'x'], 4)];
    expect(headsOf(nodes).map((n) => n.vid)).toEqual(['merge']);
  });

  it('has no current version before the first one arrives', () => {
    expect(currentOf([])).toBeNull();
  });
});
