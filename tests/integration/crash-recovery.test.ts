/**
 * Crash safety: a real `inkproof serve` process is killed with SIGKILL in the middle of a revision,
 * started again on the same data folder, and the job completes — no job and no event lost, the
 * event log's seq unbroken, progress never going backwards.
 */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, startServeProcess, type ServeProcess } from '../helpers/server-process';
import { TestSocket, type Frame } from '../helpers/socket';
import { tempDir } from '../helpers/temp';
import { aiText } from '../helpers/texts';

describe('kill -9 in the middle of a revision', () => {
  const t = tempDir();
  const running: ServeProcess[] = [];
  afterAll(async () => {
    for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    t.cleanup();
  });

  const api = async (p: ServeProcess, method: string, path: string, body?: unknown): Promise<any> => {
    const res = await fetch(p.url + path, {
      method,
      headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.json();
  };
  const subscribe = async (p: ServeProcess, channel: string, since: number | null) => {
    const s = await TestSocket.open(`${p.url.replace('http', 'ws')}/app/inkproof?protocol=7&token=${p.token}`);
    const socketId = await s.established();
    const res = await fetch(p.url + '/broadcasting/auth', {
      method: 'POST',
      headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ socket_id: socketId, channel_name: channel }),
    });
    const { auth } = (await res.json()) as { auth: string };
    s.send({ event: 'pusher:subscribe', data: { channel, auth, ...(since === null ? {} : { since }) } });
    await s.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    return s;
  };

  it('completes the job after a restart with every event in order', async () => {
    const env = { INKPROOF_THREADS: '1' };
    const first = await startServeProcess(t.dir, [], env);
    running.push(first);
    // Long enough that the revision is still running when the first progress arrives.
    const { document } = await api(first, 'POST', '/api/documents', { name: 'long.txt', text: aiText(3000) });
    const docSocket = await subscribe(first, `private-documents.${document.id}`, 0);
    await docSocket.next((f) => f.event === 'document.analyzed', 60_000);
    docSocket.close();

    const { rewrite } = await api(first, 'POST', `/api/documents/${document.id}/rewrites`, { scope: 'document' });
    const channel = `private-rewrites.${rewrite.id}`;
    const live = await subscribe(first, channel, 0);
    const seen: Frame[] = [];
    const progressed = await live.next(
      (f) => f.event === 'rewrite.progress' && (f.data as { progress: number }).progress < 100,
      60_000,
    );
    seen.push(...[...live.frames.filter((f) => f.channel === channel)], progressed);
    first.child.kill('SIGKILL');
    await exited(first.child);
    expect(seen.some((f) => f.event === 'rewrite.completed')).toBe(false);
    const lastSeen = Math.max(...seen.map((f) => f.seq!));

    const second = await startServeProcess(t.dir, [], env);
    running.push(second);
    const resumed = await subscribe(second, channel, lastSeen);
    await resumed.next((f) => f.event === 'rewrite.completed', 60_000);
    resumed.close();

    // The whole log of the revision: unbroken seq; queued then processing for each attempt (the
    // recovered job is announced as queued again); progress never going backwards and ending at
    // 100; then completed.
    const log = (await api(second, 'GET', `/api/events?channel=${channel}&since=0`)) as {
      events: { event: string; seq: number; data: { progress?: number } }[];
    };
    const events = log.events;
    expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
    const names = events.map((e) => e.event);
    expect(names.filter((n) => n === 'rewrite.queued')).toHaveLength(2);
    expect(names.filter((n) => n === 'rewrite.processing')).toHaveLength(2);
    expect(names.slice(0, 2)).toEqual(['rewrite.queued', 'rewrite.processing']);
    expect(names.filter((n) => n === 'rewrite.completed')).toHaveLength(1);
    expect(names[names.length - 1]).toBe('rewrite.completed');
    const progress = events.filter((e) => e.event === 'rewrite.progress').map((e) => e.data.progress!);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(100);
    // Everything the first process delivered before it died is still in the log, unchanged.
    for (const f of seen) expect(events[f.seq! - 1]).toMatchObject({ event: f.event, seq: f.seq });

    const jobs = (await api(second, 'GET', '/api/jobs?type=rewrite')) as {
      jobs: { subject_id: number; status: string; attempts: number }[];
    };
    expect(jobs.jobs.find((j) => j.subject_id === rewrite.id)).toMatchObject({ status: 'completed', attempts: 2 });
    const result = (await api(second, 'GET', `/api/rewrites/${rewrite.id}`)) as {
      rewrite: { status: string; result: string };
    };
    expect(result.rewrite.status).toBe('completed');
    expect(result.rewrite.result.length).toBeGreaterThan(0);

    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    expect(fs.existsSync(`${t.dir}/inkproof.db`)).toBe(true);
  }, 180_000);
});
