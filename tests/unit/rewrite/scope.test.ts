import { describe, expect, it } from 'vitest';
import { applyHunks } from '../../../src-shared/hunks';
import { planUnits } from '../../../src-workers/rewrite/units';
import { AI_ESSAY, opts, revise } from './helpers';

describe('scope: ranges', () => {
  const text = AI_ESSAY;
  const second = text.indexOf('Moreover');
  const secondEnd = text.indexOf('\n\n', second);

  it('only text inside the ranges changes', async () => {
    const out = await revise(text, opts('standard', 3), [{ start: second, end: secondEnd }]);
    expect(out.text.slice(0, second)).toBe(text.slice(0, second));
    const tailOrig = text.slice(secondEnd);
    expect(out.text.endsWith(tailOrig)).toBe(true);
    expect(out.text).not.toBe(text);
    for (const h of out.hunks) {
      expect(h.start).toBeGreaterThanOrEqual(second);
      expect(h.end).toBeLessThanOrEqual(secondEnd);
    }
    expect(applyHunks(text, out.hunks, 'all')).toBe(out.text);
  });

  it('a range cutting a word is snapped inward; nothing outside changes', async () => {
    const s = 'We utilize tools. We utilize data. We utilize time.';
    const a = s.indexOf('ilize data'); // inside "utilize"
    const out = await revise(s, opts('standard', 1), [{ start: a, end: s.length }]);
    expect(out.text).toBe('We utilize tools. We utilize data. We use time.');
  });

  it('empty ranges change nothing', async () => {
    const out = await revise(text, opts('standard', 3), []);
    expect(out.text).toBe(text);
    expect(out.hunks).toEqual([]);
  });

  it('overlapping and unsorted ranges are merged', async () => {
    const s = 'We utilize tools. We utilize data. We utilize time.';
    const out = await revise(s, opts('standard', 1), [
      { start: 20, end: 40 },
      { start: 0, end: 25 },
    ]);
    expect(out.text).toBe('We use tools. We use data. We utilize time.');
  });
});

describe('paragraph structure', () => {
  it('blank lines, line breaks, headings, list markers and tables stay', async () => {
    const md = [
      '# Why we delve into data',
      '',
      '- We utilize tools.',
      '- Moreover, we leverage data to grow.',
      '',
      '| Crucial | Pivotal |',
      '|---|---|',
      '| utilize | delve |',
      '',
      '> In conclusion, we utilize it.',
      '',
      '',
      '1. It is crucial.',
      '2. It is pivotal.   ',
      '',
    ].join('\n');
    const out = await revise(md, opts('casual', 3));
    const lines = out.text.split('\n');
    const orig = md.split('\n');
    expect(lines.length).toBe(orig.length);
    expect(lines[0]).toBe(orig[0]);
    expect(lines[5]).toBe(orig[5]);
    expect(lines[7]).toBe(orig[7]);
    expect(lines[2]).toBe('- We use tools.');
    expect(lines[9]).toBe('> We use it.');
    expect(lines[12].startsWith('1. It')).toBe(true);
    expect(lines[13].endsWith('   ')).toBe(true);
    for (let i = 0; i < orig.length; i++) if (orig[i] === '') expect(lines[i]).toBe('');
  });

  it('never joins or splits across a line break', async () => {
    const s = 'It rained.\nThe roads flooded.';
    expect((await revise(s, opts('standard', 3))).text).toBe(s);
  });

  it('planUnits keeps separators out of every unit', () => {
    const t = 'A b c.\n\nD e f.\nG h i.\n\n\n# T\n\n- j k';
    for (const p of planUnits(t, null)) for (const u of p.units) expect(t.slice(u.start, u.end)).not.toMatch(/\n/);
  });
});
