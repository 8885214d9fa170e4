/**
 * Back-pressure and filters of `/api/events/stream` (real server): readers that stop reading are
 * disconnected once they leave 4 MB unread — five of them no longer grow the server's memory with
 * everything broadcast — while a reader that keeps up receives every event; a filter of many stars
 * costs nothing; and each user holds a bounded number of streams.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  LatencyProbe,
  metric,
  metrics,
  peakMemoryMb,
  percentile,
  resetPeakMemory,
  serve,
  type Serve,
} from './helpers';

const APP = { id: 'security', key: 'security-key', secret: 'security-secret' };

/** Opens a stream on a raw socket and stops reading once it is established. */
function stalledReader(s: Serve, query: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(s.port, '127.0.0.1');
    let head = '';
    const onData = (d: Buffer) => {
      head += d.toString('latin1');
      if (!head.includes(': connected')) return;
      socket.off('data', onData);
      socket.pause();
      resolve(socket);
    };
    socket.on('data', onData);
    socket.on('error', () => undefined);
    socket.once('close', () => reject(new Error(`closed before it was established: ${head.slice(0, 200)}`)));
    socket.write(
      `GET /api/events/stream?${query} HTTP/1.1\r\nHost: 127.0.0.1:${s.port}\r\nAuthorization: Bearer ${s.token}\r\n\r\n`,
    );
  });
}

/** A reader that keeps up: counts the events it receives and resolves when it has `n`. */
function reader(s: Serve, query: string) {
  const controller = new AbortController();
  let count = 0;
  let waiting = null as { n: number; resolve: () => void } | null;
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const done = (async () => {
    const res = await fetch(`${s.url}/api/events/stream?${query}`, {
      headers: { authorization: `Bearer ${s.token}` },
      signal: controller.signal,
    });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      if (buffer.includes(': connected')) connected();
      const parts = buffer.split('\n\n');
      buffer = parts.pop()!;
      count += parts.filter((p) => p.includes('data: ')).length;
      if (waiting && count >= waiting.n) waiting.resolve();
    }
  })().catch(() => undefined);
  return {
    ready,
    get count() {
      return count;
    },
    received: (n: number) =>
      count >= n ? Promise.resolve() : new Promise<void>((resolve) => (waiting = { n, resolve })),
    close: async () => {
      controller.abort();
      await done;
    },
  };
}

describe('the event stream (real server)', () => {
  let s: Serve;
  beforeAll(async () => {
    s = await serve({ app: APP });
  });
  afterAll(async () => s?.stop());

  const batch = (channel: string, size: number) =>
    s.sdk.triggerBatch(
      Array.from({ length: 10 }, (_, i) => ({ channel, name: 'flood', data: `${i}`.padEnd(size, 'x') })),
    );

  it('disconnects readers that stop reading, and keeps those that read', async () => {
    const stalled = await Promise.all(Array.from({ length: 5 }, () => stalledReader(s, 'channel=flood')));
    const keeping = reader(s, 'channel=flood');
    await keeping.ready;
    await batch('flood', 100);
    await keeping.received(10);
    const droppedBefore = metric(await metrics(s), 'inkproof_errors_total', 'kind="slow_stream_reader"');
    resetPeakMemory(s.pid);
    const before = peakMemoryMb(s.pid);
    // 10 KB events, 10 at a time, until the five stalled readers are gone (or 60 MB were sent).
    let sent = 0;
    let dropped = 0;
    for (let round = 0; round < 600 && dropped < 5; round++) {
      await batch('flood', 10_000);
      sent += 10;
      if (round % 20 === 19)
        dropped = metric(await metrics(s), 'inkproof_errors_total', 'kind="slow_stream_reader"') - droppedBefore;
    }
    const grown = peakMemoryMb(s.pid) - before;
    console.log(
      `${sent} events of 10 KB: ${dropped} stalled readers dropped; server peak memory +${grown.toFixed(0)} MB`,
    );
    expect(dropped).toBe(5);
    // The reader that reads gets everything, in full.
    await keeping.received(10 + sent);
    expect(keeping.count).toBe(10 + sent);
    await keeping.close();
    // Each stalled reader got the end of its stream (a reset, once it reads again).
    await Promise.all(
      stalled.map(
        (socket) =>
          new Promise<void>((resolve) => {
            socket.once('close', () => resolve());
            socket.resume();
          }),
      ),
    );
    // Without the limit each stalled reader kept everything sent to it (5 × what was sent).
    expect(grown).toBeLessThan(Math.max(100, (sent * 10_000 * 2) / 1024 / 1024));
    expect(metric(await metrics(s), 'inkproof_event_streams')).toBe(0);
  }, 120_000);

  it('matches a filter of many stars without holding the server', async () => {
    const probe = new LatencyProbe(s);
    probe.start();
    await probe.rounds(10);
    const baseline = [...probe.http];
    // 15 stars and an x against names of 164 characters: 11.5 s per event with a backtracking regex.
    const hostile = reader(s, `channel=${encodeURIComponent('*'.repeat(15) + 'x')}`);
    const all = reader(s, 'channel=*');
    await Promise.all([hostile.ready, all.ready]);
    const long = 'a'.repeat(164);
    for (let i = 0; i < 5; i++) await batch(long, 10);
    await all.received(50);
    await probe.rounds(10);
    const { http } = await probe.stop();
    expect(hostile.count).toBe(0);
    await hostile.close();
    await all.close();
    const during = http.slice(baseline.length);
    expect(percentile(during, 0.5)).toBeLessThan(percentile(baseline, 0.5) * 10 + 50);
    expect((await api(s, 'GET', `/api/events/stream?channel=${'*'.repeat(300)}`)).status).toBe(422);
  });

  it('holds each user to 16 streams at a time', async () => {
    const open = await Promise.all(Array.from({ length: 16 }, () => stalledReader(s, 'channel=none')));
    const refused = await api(s, 'GET', '/api/events/stream');
    expect([refused.status, refused.body.error.code]).toEqual([429, 'forbidden']);
    await new Promise<void>((resolve) => {
      open[0].once('close', () => resolve());
      open[0].destroy();
    });
    const again = await stalledReader(s, 'channel=none').catch(async () => {
      // The server may see the close a moment after the client: one more try once it has.
      return stalledReader(s, 'channel=none');
    });
    for (const socket of [...open.slice(1), again]) socket.destroy();
  });
});
