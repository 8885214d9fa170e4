/**
 * SIGTERM in the middle of work (real server; SIGKILL is crash-recovery.test.ts): a revision that
 * is running when the server is told to stop either finishes during the drain or goes back to the
 * queue, and after a restart on the same data folder it completes exactly once, with its event log
 * unbroken; imports in flight when the signal arrives are either answered and kept, or refused —
 * never answered and lost.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { exited, startServeProcess, type ServeProcess } from '../../helpers/server-process';
import { TestSocket } from '../../helpers/socket';
import { tempDir } from '../../helpers/temp';
import { aiText } from '../../helpers/texts';

describe('SIGTERM in the middle of work (real server)', () => {
  const t = tempDir();
  const running: ServeProcess[] = [];
  afterAll(async () => {
    for (const p of running) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    t.cleanup();
  });
  const env = { INKPROOF_THREADS: '1' };
  const api = async (p: ServeProcess, method: string, path: string, body?: unknown): Promise<any> => {
    const res = await fetch(p.url + path, {
      method,
      headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, ...((await res.json()) as object) };
  };
  const subscribe = async (p: ServeProcess, channel: string) => {
    const s = await TestSocket.open(`${p.url.replace('http', 'ws')}/app/inkproof?protocol=7&token=${p.token}`);
    const socketId = await s.established();
    const { auth } = await api(p, 'POST', '/broadcasting/auth', { socket_id: socketId, channel_name: channel });
    s.send({ event: 'pusher:subscribe', data: { channel, auth, since: 0 } });
    await s.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    return s;
  };

  it('finishes or requeues a running revision and loses no import in flight', async () => {
    const first = await startServeProcess(t.dir, [], env);
    running.push(first);
    const { document } = await api(first, 'POST', '/api/documents', { name: 'long.txt', text: aiText(300) });
    const docSocket = await subscribe(first, `private-documents.${document.id}`);
    await docSocket.next((f) => f.event === 'document.analyzed', 60_000);
    docSocket.close();
    const { rewrite } = await api(first, 'POST', `/api/documents/${document.id}/rewrites`, { scope: 'document' });
    const channel = `private-rewrites.${rewrite.id}`;
    const live = await subscribe(first, channel);
    await live.next((f) => f.event === 'rewrite.processing', 60_000);

    // Imports keep arriving while the signal is sent.
    const imports = Array.from({ length: 20 }, (_, i) =>
      api(first, 'POST', '/api/documents', { name: `inflight-${i}.txt`, text: `A short note, number ${i}.` }).then(
        (r) => (r.status === 201 ? (r.document.name as string) : null),
        () => null,
      ),
    );
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
    const answered = (await Promise.all(imports)).filter((n): n is string => n !== null);

    const second = await startServeProcess(t.dir, [], env);
    running.push(second);
    const resumed = await subscribe(second, channel);
    await resumed.next((f) => f.event === 'rewrite.completed', 120_000);
    resumed.close();
    const { events } = (await api(second, 'GET', `/api/events?channel=${channel}&since=0`)) as {
      events: { event: string; seq: number; data: { progress?: number } }[];
    };
    expect(events.map((e) => e.seq)).toEqual(events.map((_e, i) => i + 1));
    const names = events.map((e) => e.event);
    expect(names.filter((n) => n === 'rewrite.completed')).toHaveLength(1);
    expect(names[names.length - 1]).toBe('rewrite.completed');
    expect(names.filter((n) => n === 'rewrite.failed')).toHaveLength(0);
    const progress = events.filter((e) => e.event === 'rewrite.progress').map((e) => e.data.progress!);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const listed = (await api(second, 'GET', '/api/documents?limit=100')) as { documents: { name: string }[] };
    const names2 = new Set(listed.documents.map((d) => d.name));
    for (const name of answered) expect(names2.has(name), name).toBe(true);
    console.log(
      `SIGTERM mid-revision: ${events.length} events, ${answered.length} of 20 imports answered before the stop`,
    );
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
  }, 240_000);
});
