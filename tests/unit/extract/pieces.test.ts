/**
 * An upload's pieces, checked as they are (src-workers/extract/pieces.ts and admitFile): the same
 * answers as for the joined bytes, however the file was cut — a signature split between pieces, an
 * Office stream name across a seam, pieces shorter than what is searched.
 */
import { describe, expect, it } from 'vitest';
import { admitFile } from '../../../src-workers/extract/admit';
import { headOf, includesBytes, sizeOf } from '../../../src-workers/extract/pieces';
import { InkproofError } from '../../../src-shared/errors';
import { buildPdf, layout, MB, oleFile } from './fixtures';

/** `bytes` cut at the given offsets. */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const to of [...at, bytes.byteLength]) {
    pieces.push(bytes.subarray(from, to));
    from = to;
  }
  return pieces;
}

/** Every way of cutting `bytes` into three pieces at the offsets of `offsets`. */
function cuts(bytes: Uint8Array, offsets: number[]): Uint8Array[][] {
  const out: Uint8Array[][] = [];
  for (const a of offsets) for (const b of offsets) if (a <= b) out.push(cut(bytes, [a, b]));
  return out;
}

const outcome = (fn: () => unknown) => {
  try {
    return { format: fn() };
  } catch (err) {
    return { code: (err as InkproofError).code, message: (err as InkproofError).message };
  }
};

describe('pieces', () => {
  it('measures, heads and searches pieces like the joined bytes, across every seam', () => {
    const bytes = Buffer.from('abcdefghijklmnopqrstuvwxyz');
    for (const pieces of cuts(bytes, [0, 1, 2, 5, 6, 7, 12, 25, 26])) {
      expect(sizeOf(pieces)).toBe(26);
      for (const n of [0, 1, 3, 7, 26, 40]) expect(Buffer.from(headOf(pieces, n))).toEqual(bytes.subarray(0, n));
      for (const needle of ['a', 'fgh', 'efghijklm', 'xyz', 'abcdefghijklmnopqrstuvwxyz', 'fgx', 'zz', 'yza'])
        expect(includesBytes(pieces, Buffer.from(needle)), `${needle} in ${pieces.length}`).toBe(
          bytes.includes(needle),
        );
    }
    // Many pieces shorter than the needle.
    const tiny = cut(
      bytes,
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
    expect(includesBytes(tiny, Buffer.from('jklmnop'))).toBe(true);
    expect(includesBytes(tiny, Buffer.from('jklmnoq'))).toBe(false);
  });

  it('admits or refuses a file in pieces exactly as the same file whole', () => {
    const office = oleFile(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']);
    const files: [string, Uint8Array][] = [
      ['locked.docx', office],
      ['old.doc.txt', oleFile(['Root Entry', 'WordDocument'])],
      ['paper.pdf', buildPdf([{ lines: layout(['A page of text.']) }])],
      ['photo.txt', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
      ['notes.txt', Buffer.from('Plain words, and more of them.')],
      ['blank.txt', Buffer.from('   \n\n  ')],
      ['binary.txt', Buffer.alloc(70_000, 0)],
    ];
    for (const [name, bytes] of files) {
      const whole = outcome(() => admitFile(name, bytes, 20 * MB));
      const offsets = [0, 1, 3, 4, 7, 8, 513, 645, 700, 780, 790, bytes.byteLength - 1, bytes.byteLength].filter(
        (o) => o >= 0 && o <= bytes.byteLength,
      );
      for (const pieces of cuts(bytes, offsets))
        expect(
          outcome(() => admitFile(name, pieces, 20 * MB)),
          name,
        ).toEqual(whole);
    }
    // "EncryptedPackage" (UTF-16, at 768–800) cut in three.
    expect(outcome(() => admitFile('locked.docx', cut(office, [780, 790]), 20 * MB))).toMatchObject({
      code: 'encrypted_file',
    });
  });

  it('refuses pieces over the limit by their total size', () => {
    const pieces = [Buffer.alloc(600_000, 'a'), Buffer.alloc(600_000, 'b')];
    expect(outcome(() => admitFile('big.txt', pieces, MB))).toMatchObject({ code: 'too_large' });
    expect(outcome(() => admitFile('empty.txt', [Buffer.alloc(0), Buffer.alloc(0)], MB))).toMatchObject({
      code: 'empty_document',
    });
  });
});
