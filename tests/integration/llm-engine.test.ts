/**
 * The local-model engine end to end: revision jobs with engine 'llm' through the real core, queue
 * and worker pool, against a fake model server (tests/helpers/fake-llm.ts, a real HTTP server in
 * this process). Pinned by the events the core broadcasts and by the hunks and notes it stores.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src-shared/events';
import { applyHunks } from '../../src-shared/hunks';
import type { DiffHunk, RewriteDetail, Settings } from '../../src-shared/models';
import { createCore, type Core } from '../../src-main/core/core';
import { fakeBroadcasts, type BroadcastFake } from '../../src-main/core/hub/fake';
import { silentLogger } from '../../src-main/core/logger';
import { dropMidStream, FakeLlmServer, ndjson, pretendRewrite, sse, type Answer } from '../helpers/fake-llm';
import { tempDir } from '../helpers/temp';
import { AI_STYLE_PARAGRAPH } from '../helpers/texts';

const MARKERS = ['alpha', 'bravo', 'charlie', 'delta', 'echo'] as const;
/** Five AI-style paragraphs, each with its own marker word and a protected number. */
const DOC = MARKERS.map((m, i) => `${AI_STYLE_PARAGRAPH.trim()} The ${m} team counted ${i + 3} results.`).join('\n\n');

/** The hunks of the paragraph holding `marker`. */
function hunksOf(detail: RewriteDetail, marker: string): DiffHunk[] {
  const at = detail.original.indexOf(` ${marker} team`);
  const start = detail.original.lastIndexOf('\n\n', at);
  const end = detail.original.indexOf('\n\n', at);
  return detail.hunks.filter((h) => h.start > start && (end < 0 || h.end <= end));
}

const marker = (user: string) => MARKERS.find((m) => user.includes(` ${m} team`));

describe('LLM engine through the core and the worker pool', () => {
  let core: Core;
  let fake: BroadcastFake;
  let documentId: number;
  const t = tempDir();
  const ctx = () => ({ user: core.localUser });
  const servers: FakeLlmServer[] = [];

  beforeAll(async () => {
    core = createCore({ dataDir: t.dir, logger: silentLogger(), threads: 1, progressIntervalMs: 0, backoffBaseMs: 10 });
    fake = fakeBroadcasts(core.hub);
    const { documents } = await core.api.importDocuments({ files: [{ name: 'essay.txt', text: DOC }] }, ctx());
    documentId = documents[0].id;
    await fake.waitFor(`private-documents.${documentId}`, 'document.analyzed', undefined, 60_000);
  }, 90_000);
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.stop();
  });
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  async function useServer(answer: Answer, llm: Partial<Settings['llm']> = {}): Promise<FakeLlmServer> {
    const srv = await FakeLlmServer.start(answer);
    servers.push(srv);
    await core.api.updateSettings(
      { patch: { llm: { kind: 'openai', url: srv.url, model: 'fake-model', timeout_seconds: 5, ...llm } } },
      ctx(),
    );
    return srv;
  }

  async function revise(options: Record<string, unknown> = {}) {
    const { rewrite } = await core.api.rewriteDocument(
      { id: documentId, options: { engine: 'llm', scope: 'document', ...options } },
      ctx(),
    );
    return rewrite.id;
  }

  const events = (rewriteId: number) => fake.recorded.filter((e) => e.channel === `private-rewrites.${rewriteId}`);

  it('revises paragraph by paragraph: a request each with its signals, progress per section, partial results, a note where the answer changed a number', async () => {
    const srv = await useServer((req, res) => {
      const answer = pretendRewrite(req.user);
      // The bravo paragraph's answer writes its number in another way.
      return sse(res, marker(req.user) === 'bravo' ? answer.replace(/\[\[P\d+\]\] results/, 'four results') : answer);
    });
    // Snapshots of the revision at each progress event, as a client opening it then would see it.
    const snapshots: { event: Envelope; detail: Promise<RewriteDetail> }[] = [];
    let watched = -1;
    const untap = core.hub.tap((env) => {
      if (env.channel === `private-rewrites.${watched}` && env.event === 'rewrite.progress')
        snapshots.push({ event: env, detail: core.api.getRewrite({ id: watched }, ctx()) });
    });
    const id = (watched = await revise({ mode: 'casual' }));
    await fake.waitFor(`private-rewrites.${id}`, 'rewrite.completed', undefined, 60_000);
    untap();

    // Events: queued → processing → progress (sections 0…5 of 5, never backwards, ending at 100) → completed.
    const seq = events(id);
    expect(seq.map((e) => e.event)[0]).toBe('rewrite.queued');
    expect(seq.map((e) => e.event)[1]).toBe('rewrite.processing');
    expect(seq.at(-1)!.event).toBe('rewrite.completed');
    const progress = seq.filter((e) => e.event === 'rewrite.progress').map((e) => e.data as any);
    expect(progress.every((p) => p.sections_total === 5)).toBe(true);
    expect(progress.map((p) => p.sections_done)).toEqual([...progress.map((p) => p.sections_done)].sort());
    expect(new Set(progress.map((p) => p.sections_done))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(progress.map((p) => p.progress)).toEqual([...progress.map((p) => p.progress)].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ progress: 100, sections_done: 5 });
    expect(fake.invalid).toEqual([]);

    // One request per paragraph, each with the mode and the analysis's signals for it.
    expect(srv.requests).toHaveLength(5);
    const analysed = await core.api.getDocument({ id: documentId }, ctx());
    const labels = analysed.critical_sections.flatMap((c) =>
      c.explanations.filter((e) => e.direction === 'ai').map((e) => e.label),
    );
    expect(labels.length).toBeGreaterThan(0);
    for (const r of srv.requests) {
      expect(r.system).toContain('conversational tone');
      expect(r.system).toContain('A detector found these signs of machine writing in this text');
      expect(labels.some((l) => r.system.includes(`- ${l}`))).toBe(true);
      expect(r.user).toMatch(/The \w+ team counted \[\[P\d+\]\] results\.$/);
    }

    // The result: the model's changes, and the rules' (with a note) where the answer changed a number.
    const detail = await core.api.getRewrite({ id }, ctx());
    expect(detail).toMatchObject({ status: 'completed', partial: false, sections_done: null });
    expect(applyHunks(detail.original, detail.hunks, 'all')).toBe(detail.result);
    expect(detail.result).toContain('team counted 4 results.');
    for (const m of MARKERS) {
      const hs = hunksOf(detail, m);
      expect(hs.length, m).toBeGreaterThan(0);
      const notes = new Set(hs.map((h) => h.note));
      expect([...notes], m).toEqual([
        m === 'bravo'
          ? "The local model's answer changed a number; this section was revised by the rules instead."
          : undefined,
      ]);
    }

    // Partial results while it ran: a prefix of the final changes, same ids, growing with the sections.
    expect(snapshots.length).toBe(progress.length);
    let grew = false;
    let before = 0;
    for (const { event, detail: pending } of snapshots) {
      const snap = await pending;
      const data = event.data as { progress: number; sections_done: number };
      if (data.progress === 100) continue;
      expect(snap.status).toBe('processing');
      expect(snap.partial).toBe(true);
      expect(snap.sections_total).toBe(5);
      expect(snap.sections_done).toBeGreaterThanOrEqual(data.sections_done);
      expect(snap.hunks).toEqual(detail.hunks.slice(0, snap.hunks.length));
      expect(snap.hunks.length).toBeGreaterThanOrEqual(before);
      if (snap.hunks.length > 0 && snap.hunks.length < detail.hunks.length) grew = true;
      before = snap.hunks.length;
    }
    expect(grew).toBe(true);
  }, 90_000);

  it('falls back per section on a dropped connection, garbage, an HTTP error or silence; never shows what the server said', async () => {
    await useServer(
      (req, res) => {
        switch (marker(req.user)) {
          case 'alpha':
            return dropMidStream(res, pretendRewrite(req.user));
          case 'bravo':
            res.writeHead(200, { 'content-type': 'text/event-stream' });
            return void res.end('data: {SECRET-A this is not json\n\n');
          case 'charlie':
            res.writeHead(502, { 'content-type': 'text/html' });
            return void res.end('<h1>SECRET-B fetched from http://10.0.0.1/admin</h1>');
          case 'delta':
            return sse(res, pretendRewrite(req.user), { hold: 2 });
          default:
            return sse(res, pretendRewrite(req.user));
        }
      },
      { timeout_seconds: 1 },
    );
    const id = await revise();
    await fake.waitFor(`private-rewrites.${id}`, 'rewrite.completed', undefined, 60_000);
    const detail = await core.api.getRewrite({ id }, ctx());
    const noteOf = (m: string) => [...new Set(hunksOf(detail, m).map((h) => h.note))];
    const rules = 'this section was revised by the rules instead.';
    expect(noteOf('alpha')).toEqual([`The local model stopped before its answer was complete; ${rules}`]);
    expect(noteOf('bravo')).toEqual([
      `The local model's answer was not in the format of an OpenAI-compatible server (an event that is not JSON); ${rules}`,
    ]);
    expect(noteOf('charlie')).toEqual([`The local model's server answered HTTP 502 (Bad Gateway); ${rules}`]);
    expect(noteOf('delta')).toEqual([`The local model sent nothing for 1 s; ${rules}`]);
    expect(noteOf('echo')).toEqual([undefined]);
    expect(JSON.stringify(detail)).not.toContain('SECRET');
    expect(JSON.stringify(events(id))).not.toContain('SECRET');
    expect(applyHunks(detail.original, detail.hunks, 'all')).toBe(detail.result);
  }, 90_000);

  it('revises the critical sections through Ollama’s /api/chat, one request per section', async () => {
    const srv = await useServer((req, res) => ndjson(res, pretendRewrite(req.user)), { kind: 'ollama' });
    const id = await revise({ scope: 'sections' });
    await fake.waitFor(`private-rewrites.${id}`, 'rewrite.completed', undefined, 60_000);
    const last = events(id)
      .filter((e) => e.event === 'rewrite.progress')
      .at(-1)!.data as { sections_done: number; sections_total: number };
    expect(last.sections_total).toBeGreaterThan(0);
    expect(srv.requests).toHaveLength(last.sections_total);
    expect(srv.requests.every((r) => r.path === '/api/chat' && r.body.model === 'fake-model')).toBe(true);
    const detail = await core.api.getRewrite({ id }, ctx());
    expect(detail.hunks.length).toBeGreaterThan(0);
    expect(detail.hunks.every((h) => h.note === undefined)).toBe(true);
  }, 90_000);

  it('a cancel mid-stream stops the revision and closes the connection to the model; the worker goes on', async () => {
    const srv = await useServer((req, res) => sse(res, pretendRewrite(req.user), { chunk: 120, hold: 2 }), {
      timeout_seconds: 600,
    });
    const abandoned = srv.nextAbandoned();
    const id = await revise();
    // Streaming has begun: progress within the first section.
    await fake.waitFor(`private-rewrites.${id}`, 'rewrite.progress', (d) => d.progress > 0, 60_000);
    const job = (await core.api.listJobs({ type: 'rewrite' }, ctx())).jobs.find((j) => j.subject_id === id)!;
    const cancelled = await core.api.cancelJob({ id: job.id }, ctx());
    expect(cancelled.job.status).toBe('cancelled');
    await abandoned;
    const failed = await fake.waitFor(`private-rewrites.${id}`, 'rewrite.failed');
    expect(failed.data.error).toBe('The revision was cancelled.');
    expect(await core.api.getRewrite({ id }, ctx())).toMatchObject({ status: 'cancelled', partial: false, hunks: [] });
    // The pool still works: a rules revision completes.
    const next = await revise({ engine: 'rules' });
    await fake.waitFor(`private-rewrites.${next}`, 'rewrite.completed', undefined, 60_000);
  }, 90_000);

  it('a model server that is down fails the revision (after retries) with a sentence about it', async () => {
    const srv = await useServer(() => {});
    await servers.pop()!.stop();
    void srv;
    const id = await revise();
    const failed = await fake.waitFor(`private-rewrites.${id}`, 'rewrite.failed', undefined, 60_000);
    expect(failed.data.error).toMatch(
      /^The local model at http:\/\/127\.0\.0\.1:\d+ could not be used: the connection was refused/,
    );
    const job = (await core.api.listJobs({ type: 'rewrite' }, ctx())).jobs.find((j) => j.subject_id === id)!;
    expect(job).toMatchObject({ status: 'failed', attempts: 3 });
  }, 90_000);

  it('refuses a model address that is not on this computer: it cannot be saved, and no revision is queued', async () => {
    const before = (await core.api.listJobs({ type: 'rewrite' }, ctx())).jobs.length;
    await expect(
      core.api.updateSettings({ patch: { llm: { url: 'http://192.0.2.1:8080', model: 'fake-model' } } }, ctx()),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/not on this computer/) });
    expect((await core.api.getSettings({}, ctx())).llm.url).not.toContain('192.0.2.1');
    expect((await core.api.listJobs({ type: 'rewrite' }, ctx())).jobs).toHaveLength(before);
  });
});
