import { describe, expect, it } from 'vitest';
import { applyHunks, hunksMatch } from '../../../src-shared/hunks';
import type { DiffHunk } from '../../../src-shared/models';

const original = 'We utilize data to delve into results.';
const hunks: DiffHunk[] = [
  { id: 0, start: 3, end: 10, before: 'utilize', after: 'use' },
  { id: 1, start: 19, end: 29, before: 'delve into', after: 'look at' },
  { id: 2, start: 37, end: 38, before: '.', after: '!' },
];

describe('applyHunks', () => {
  it('all accepted gives the revision, none gives the original', () => {
    expect(applyHunks(original, hunks, 'all')).toBe('We use data to look at results!');
    expect(applyHunks(original, hunks, [])).toBe(original);
  });
  it('applies any subset, in any order of ids', () => {
    expect(applyHunks(original, hunks, [1])).toBe('We utilize data to look at results.');
    expect(applyHunks(original, hunks, [2, 0])).toBe('We use data to delve into results!');
    expect(applyHunks(original, [...hunks].reverse(), 'all')).toBe('We use data to look at results!');
  });
  it('ignores unknown ids', () => {
    expect(applyHunks(original, hunks, [7])).toBe(original);
  });
  it('handles insertions and deletions', () => {
    const h: DiffHunk[] = [
      { id: 0, start: 0, end: 0, before: '', after: 'Now ' },
      { id: 1, start: 2, end: 11, before: ' utilize ', after: ' ' },
    ];
    expect(applyHunks(original, h, 'all')).toBe('Now We data to delve into results.');
  });
  it('refuses a hunk that does not match or overlaps', () => {
    expect(() => applyHunks(original, [{ id: 0, start: 3, end: 10, before: 'utilise', after: 'use' }], 'all')).toThrow(
      RangeError,
    );
    expect(() =>
      applyHunks(
        original,
        [
          { id: 0, start: 3, end: 10, before: 'utilize', after: 'use' },
          { id: 1, start: 5, end: 12, before: 'ilize d', after: '' },
        ],
        'all',
      ),
    ).toThrow(RangeError);
    expect(() => applyHunks(original, [{ id: 0, start: 30, end: 99, before: 'x', after: '' }], 'all')).toThrow(
      RangeError,
    );
  });
  it('hunksMatch checks offsets, order and ids', () => {
    expect(hunksMatch(original, hunks)).toBe(true);
    expect(hunksMatch(original, [...hunks, { ...hunks[0] }])).toBe(false);
    expect(hunksMatch('other text', hunks)).toBe(false);
  });
});
