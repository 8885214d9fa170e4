/**
 * Revisions through the real core and worker pool, section by section (rule engine): progress
 * events that count sections, never go backwards and end with 100 before `rewrite.completed`
 * (with the real ~50 ms coalescing), and partial results — the finished sections' changes, with
 * their final ids — readable while the revision runs and equal to a one-shot revision at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src-shared/events';
import type { RewriteDetail, RewriteOptions } from '../../src-shared/models';
import { createCore, type Core } from '../../src-main/core/core';
import { fakeBroadcasts, type BroadcastFake } from '../../src-main/core/hub/fake';
import { silentLogger } from '../../src-main/core/logger';
import { rewriteText } from '../../src-workers/rewrite/index';
import { tempDir } from '../helpers/temp';
import { aiText, humanText } from '../helpers/texts';

describe('revision progress per section, with partial results', () => {
  let core: Core;
  let fake: BroadcastFake;
  const t = tempDir();
  const ctx = () => ({ user: core.localUser });

  beforeAll(() => {
    core = createCore({ dataDir: t.dir, logger: silentLogger(), threads: 1 });
    fake = fakeBroadcasts(core.hub);
  });
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  async function importAnalysed(text: string): Promise<number> {
    const { documents } = await core.api.importDocuments({ files: [{ name: 'doc.txt', text }] }, ctx());
    await fake.waitFor(`private-documents.${documents[0].id}`, 'document.analyzed', undefined, 60_000);
    return documents[0].id;
  }

  /** Runs a revision, taking a snapshot of it (as a client would read it) at every progress event. */
  async function reviseWatched(id: number, options: Partial<RewriteOptions>) {
    const snapshots: { event: Envelope; detail: Promise<RewriteDetail> }[] = [];
    let watched = -1;
    const untap = core.hub.tap((env) => {
      if (env.channel === `private-rewrites.${watched}` && env.event === 'rewrite.progress')
        snapshots.push({ event: env, detail: core.api.getRewrite({ id: watched }, ctx()) });
    });
    const { rewrite } = await core.api.rewriteDocument({ id, options }, ctx());
    watched = rewrite.id;
    await fake.waitFor(`private-rewrites.${rewrite.id}`, 'rewrite.completed', undefined, 60_000);
    untap();
    const seq = fake.recorded.filter((e) => e.channel === `private-rewrites.${rewrite.id}`);
    return { id: rewrite.id, seq, snapshots, detail: await core.api.getRewrite({ id: rewrite.id }, ctx()) };
  }

  function checkProgress(seq: Envelope[], total: number) {
    const progress = seq.filter((e) => e.event === 'rewrite.progress').map((e) => e.data as any);
    expect(progress.length).toBeGreaterThan(1);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i].progress).toBeGreaterThanOrEqual(progress[i - 1].progress);
      expect(progress[i].sections_done).toBeGreaterThanOrEqual(progress[i - 1].sections_done);
      // Each event says something new.
      expect(
        progress[i].progress > progress[i - 1].progress || progress[i].sections_done > progress[i - 1].sections_done,
      ).toBe(true);
    }
    expect(progress.every((p) => p.sections_total === total)).toBe(true);
    expect(progress.at(-1)).toMatchObject({ progress: 100, sections_done: total });
    expect(seq.at(-2)!.event).toBe('rewrite.progress');
    expect(seq.at(-1)!.event).toBe('rewrite.completed');
    expect(fake.invalid).toEqual([]);
  }

  it('a whole document: one section per paragraph, partial results as they finish, the final result as a one-shot run gives it', async () => {
    const text = aiText(120);
    const id = await importAnalysed(text);
    const options = { scope: 'document', mode: 'standard', strength: 2 } as const;
    const run = await reviseWatched(id, options);
    checkProgress(run.seq, 120);

    const oneShot = await rewriteText(
      { text, options: { ...options, engine: 'rules', frozen_terms: [] }, ranges: null, llm: null },
      () => {},
    );
    expect(run.detail).toMatchObject({ status: 'completed', partial: false, sections_done: null });
    expect(run.detail.hunks).toEqual(oneShot.hunks);
    expect(run.detail.result).toBe(oneShot.text);

    let inBetween = 0;
    for (const { event, detail } of run.snapshots) {
      const snap = await detail;
      const data = event.data as { progress: number; sections_done: number };
      if (snap.status !== 'processing') continue;
      expect(snap.partial).toBe(true);
      expect(snap.sections_done).toBeGreaterThanOrEqual(data.sections_done);
      expect(snap.hunks).toEqual(oneShot.hunks.slice(0, snap.hunks.length));
      if (snap.hunks.length > 0 && snap.hunks.length < oneShot.hunks.length) inBetween++;
    }
    expect(inBetween).toBeGreaterThan(0);
  }, 120_000);

  it('critical sections: one section per range, the count in every event', async () => {
    const text = `${humanText(2)}\n\n${aiText(3)}\n\n${humanText(2)}\n\n${aiText(3)}`;
    const id = await importAnalysed(text);
    const doc = await core.api.getDocument({ id }, ctx());
    expect(doc.critical_sections.length).toBeGreaterThan(0);
    const run = await reviseWatched(id, { scope: 'sections' });
    const total = (run.seq.find((e) => e.event === 'rewrite.progress')!.data as any).sections_total;
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThanOrEqual(doc.critical_sections.length);
    checkProgress(run.seq, total);
    for (const h of run.detail.hunks)
      expect(doc.critical_sections.some((c) => h.start >= c.start && h.end <= c.end)).toBe(true);
  }, 120_000);
});
