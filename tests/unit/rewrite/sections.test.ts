/**
 * Progress section by section and partial results, for the rule engine: sections are the
 * paragraphs of a whole document or the requested ranges; each finished section's changes come
 * with the progress, with the ids they keep in the final result.
 */
import { describe, expect, it } from 'vitest';
import type { DiffHunk } from '../../../src-shared/models';
import type { ProgressMessage } from '../../../src-shared/tasks';
import { planSections, SectionProgress } from '../../../src-workers/rewrite/sections';
import { planUnits } from '../../../src-workers/rewrite/units';
import { AI_ESSAY, opts, revise } from './helpers';

describe('planSections', () => {
  it('a whole document: one section per paragraph with something to revise', () => {
    const text = '# Title\n\nFirst paragraph here.\n\n| a | b |\n\nSecond one.\nWith a second line.';
    const sections = planSections(planUnits(text, null), null, text.length);
    expect(sections.map((s) => text.slice(s.start, s.end))).toEqual([
      'First paragraph here.',
      'Second one.\nWith a second line.',
    ]);
    expect(sections[1].units).toHaveLength(2);
  });

  it('ranges: one section per merged range, across paragraphs if the range spans them', () => {
    const text = 'One two three.\n\nFour five six.\n\nSeven eight nine.\n\nTen eleven.';
    const r1 = { start: text.indexOf('two'), end: text.indexOf('six') + 4 };
    const r2 = { start: text.indexOf('Ten'), end: text.length };
    const r3 = { start: text.indexOf('Ten') + 2, end: text.length - 2 }; // inside r2: merged
    const sections = planSections(planUnits(text, [r2, r1, r3]), [r2, r1, r3], text.length);
    expect(sections).toHaveLength(2);
    expect(sections[0].units).toHaveLength(2);
    expect(text.slice(sections[0].start, sections[0].end)).toBe('two three.\n\nFour five six.');
    expect(text.slice(sections[1].start, sections[1].end)).toBe('Ten eleven.');
  });
});

describe('SectionProgress', () => {
  it('sends finished sections only, with ids in order; 100 once, at the end', () => {
    const text = 'aaa bbb.\n\nccc ddd.';
    const sections = planSections(planUnits(text, null), null, text.length);
    const sent: ProgressMessage[] = [];
    const p = new SectionProgress(text, sections, (m) => sent.push(m), 0);
    p.start();
    p.unitDone(sections[0].units[0], [{ start: 0, end: 3, after: 'AAA' }]);
    p.within(0.5, 8);
    expect(sent.at(-1)).toMatchObject({ sections_done: 1, sections_total: 2 });
    p.sectionDone([{ start: 10, end: 13, after: 'CCC', note: 'n' }]);
    p.finish();
    p.finish();
    expect(sent.map((m) => m.progress)).toEqual([0, 50, 75, 99, 100]);
    expect(sent.flatMap((m) => m.hunks ?? [])).toEqual([
      { id: 0, start: 0, end: 3, before: 'aaa', after: 'AAA' },
      { id: 1, start: 10, end: 13, before: 'ccc', after: 'CCC', note: 'n' },
    ]);
    expect(sent.at(-1)).toMatchObject({ progress: 100, sections_done: 2, sections_total: 2 });
  });

  it('a section whose changes are not all in yet is not sent', () => {
    const text = 'aaa.\nbbb.';
    const sections = planSections(planUnits(text, null), null, text.length);
    const sent: ProgressMessage[] = [];
    const p = new SectionProgress(text, sections, (m) => sent.push(m), 0);
    p.start();
    p.unitDone(sections[0].units[0], [{ start: 0, end: 3, after: 'AAA' }]);
    expect(sent.every((m) => !m.hunks)).toBe(true);
    expect(sent.at(-1)!.sections_done).toBe(0);
    p.unitDone(sections[0].units[1], []);
    expect(sent.at(-1)).toMatchObject({ sections_done: 1, hunks: [{ id: 0 }] });
  });

  it('an empty text: no sections to count, 100 at the end', () => {
    const sent: ProgressMessage[] = [];
    const p = new SectionProgress('', [], (m) => sent.push(m));
    p.start();
    p.finish();
    expect(sent).toEqual([{ progress: 0 }, { progress: 100 }]);
  });
});

describe('the rule engine reports sections and partial results', () => {
  const doc = Array.from({ length: 12 }, () => AI_ESSAY).join('\n\n');
  const paragraphs = doc.split('\n\n').length;

  function checkStream(progress: ProgressMessage[], hunks: DiffHunk[], total: number) {
    const ps = progress.map((m) => m.progress);
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThanOrEqual(ps[i - 1]);
    expect(ps.filter((p) => p === 100)).toEqual([100]);
    expect(ps.at(-1)).toBe(100);
    const done = progress.map((m) => m.sections_done);
    expect(done.every((d) => d !== undefined)).toBe(true);
    expect(done).toEqual([...done].sort((a, b) => a! - b!));
    expect(progress.every((m) => m.sections_total === total)).toBe(true);
    expect(progress[0]).toMatchObject({ progress: 0, sections_done: 0 });
    expect(progress.at(-1)).toMatchObject({ sections_done: total });
    // The partial results, put together, are exactly the final ones.
    expect(progress.flatMap((m) => m.hunks ?? [])).toEqual(hunks);
    // Real steps in between: not 0 then a jump to 100.
    expect(new Set(done).size).toBeGreaterThan(total / 2);
  }

  it('whole document: one section per paragraph', async () => {
    const out = await revise(doc, opts('standard', 2));
    expect(out.hunks.length).toBeGreaterThan(20);
    checkStream(out.progress, out.hunks, paragraphs);
  });

  it('ranges: one section per range', async () => {
    const ranges = [0, 4, 7, 10].map((i) => {
      const start = doc.split('\n\n').slice(0, i).join('\n\n').length + (i ? 2 : 0);
      return { start, end: start + 300 };
    });
    const out = await revise(doc, opts('casual', 3), ranges);
    checkStream(out.progress, out.hunks, 4);
  });

  it('a revision with nothing to change still counts its sections', async () => {
    const out = await revise('Plain words here.\n\nAnd here.', opts('standard', 1));
    expect(out.hunks).toEqual([]);
    expect(out.progress.at(-1)).toMatchObject({ progress: 100, sections_done: 2, sections_total: 2 });
  });
});
