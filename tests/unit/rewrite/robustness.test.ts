/**
 * Input a careless user or an attacker sends: the reviser finishes, keeps what it must, and
 * changes nothing it should not — a run-on sentence of half a megabyte, a paragraph full of
 * unclosed quotation marks.
 */
import { describe, expect, it } from 'vitest';
import type { ProgressMessage } from '../../../src-shared/tasks';
import { findProtectedSpans } from '../../../src-workers/rewrite/protect';
import { planSections, SectionProgress } from '../../../src-workers/rewrite/sections';
import { planUnits } from '../../../src-workers/rewrite/units';
import { opts, revise } from './helpers';

describe('pathological input', () => {
  it('revises a run-on line of 80,000 words with no punctuation (its tokens once overflowed the stack)', async () => {
    const text = 'moreover it is crucial that the team leverage comprehensive data and '.repeat(7000);
    const out = await revise(text, opts('standard', 2));
    expect(out.hunks.length).toBeGreaterThan(0);
    expect(out.text.length).toBeGreaterThan(text.length / 2);
  }, 60_000);

  it('hands out the 200,000 changes of one long paragraph (they once overflowed the call stack)', () => {
    const text = 'It is vital. '.repeat(200_000).trim();
    const sections = planSections(planUnits(text, null), null, text.length);
    const messages: ProgressMessage[] = [];
    const progress = new SectionProgress(text, sections, (m) => messages.push(m));
    progress.start();
    const units = sections[0].units;
    for (let k = 0; k < units.length; k++) {
      const hunks = [];
      for (
        let at = text.indexOf('vital', units[k].start);
        at >= 0 && at < units[k].end;
        at = text.indexOf('vital', at + 1)
      )
        hunks.push({ start: at, end: at + 5, after: 'key' });
      progress.unitDone(units[k], hunks);
    }
    progress.finish();
    expect(messages.flatMap((m) => m.hunks ?? []).map((h) => h.id)).toEqual([...Array(200_000).keys()]);
  });

  it('finds quotations in a paragraph of 200,000 unclosed ‘ in one pass, not one pass per mark', () => {
    // Each unclosed ‘ used to be searched to the paragraph's end: minutes for this one.
    const text = '‘word '.repeat(200_000) + '\n\nAnd ‘a real quotation’ in the next paragraph.';
    const spans = findProtectedSpans(text, []).filter((s) => s.kind === 'quote');
    expect(spans.map((s) => s.text)).toEqual(['‘a real quotation’']);
  });
});
