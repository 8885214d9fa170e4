import { describe, expect, it } from 'vitest';
import { InkproofError } from '../../../src-shared/errors';
import { JsonShapeCheck } from '../../../src-main/server/json-body';

const check = (text: string, maxDepth = 4, maxValues = 20) => {
  const c = new JsonShapeCheck({ maxDepth, maxValues });
  c.feed(Buffer.from(text));
};

describe('the JSON shape check', () => {
  it('counts nesting and values, not what strings contain', () => {
    expect(() => check('[[[[1]]]]')).not.toThrow();
    expect(() => check('[[[[[1]]]]]')).toThrow(/nested more than 4 levels/);
    expect(() => check('"[[[[[[[[[[{{{{{{"')).not.toThrow();
    expect(() => check('"\\"[[[[[[[["')).not.toThrow();
    // Two objects, an array, four keys, five scalars: 12 values.
    expect(() => check('{"a":[1,2,3],"b":{"c":null,"d":true}}', 4, 12)).not.toThrow();
    expect(() => check('{"a":[1,2,3],"b":{"c":null,"d":true}}', 4, 11)).toThrow(/more than 11 values/);
    expect(() => check('[' + '1,'.repeat(20) + '1]')).toThrow(InkproofError);
    expect(() => check('["é", "日本", 12.5e-3, -0]')).not.toThrow();
  });

  it('gives the same answer however the bytes are split (UTF-8 and escapes across chunks)', () => {
    const text = Buffer.from('{"k\\"ey":["é\\\\",{"日":[1,[2,[3]]]}],"z":"\\u005b"}');
    const whole = new JsonShapeCheck({ maxDepth: 6, maxValues: 100 });
    whole.feed(text);
    for (let at = 0; at <= text.length; at++) {
      const split = new JsonShapeCheck({ maxDepth: 6, maxValues: 100 });
      split.feed(text.subarray(0, at));
      split.feed(text.subarray(at));
      expect(split).toEqual(whole);
    }
  });

  it('stops at the first byte past a limit', () => {
    const c = new JsonShapeCheck({ maxDepth: 32, maxValues: 1000 });
    expect(() => c.feed(Buffer.alloc(26 * 1024 * 1024, '['))).toThrow(/32 levels/);
  });
});
