import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionState, SubscriptionMessage } from '../../../src-shared/bridge';
import type { Envelope } from '../../../src-shared/events';
import { BridgeError } from '../../../src-renderer/bridge/types';
import { WebBridge } from '../../../src-renderer/bridge/web';

/** A WebSocket double: the test plays the server. */
class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: { event: string; data?: any }[] = [];
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(code = 1000): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.onclose?.({ code });
  }
  // Server side
  open(socketId = '1.1'): void {
    this.readyState = 1;
    this.server({
      event: 'pusher:connection_established',
      data: JSON.stringify({ socket_id: socketId, activity_timeout: 30 }),
    });
  }
  server(frame: object): void {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  event(channel: string, event: string, data: unknown, seq: number, ts?: number): void {
    this.server({ event, channel, data: JSON.stringify(data), seq, ...(ts === undefined ? {} : { ts }) });
  }
  drop(code = 1006): void {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  subscribes(): { channel: string; since?: number }[] {
    return this.sent.filter((f) => f.event === 'pusher:subscribe').map((f) => f.data);
  }
  pings(): number {
    return this.sent.filter((f) => f.event === 'pusher:ping').length;
  }
}

const last = () => FakeSocket.all[FakeSocket.all.length - 1];

function makeFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: string, init: RequestInit = {}) => {
    calls.push({ url, init });
    if (url.endsWith('/broadcasting/auth')) {
      const body = JSON.parse(String(init.body));
      if (body.channel_name === 'private-documents.666')
        return new Response(JSON.stringify({ error: { code: 'forbidden', message: 'no' } }), { status: 403 });
      return new Response(JSON.stringify({ auth: `inkproof:sig-${body.channel_name}` }), { status: 200 });
    }
    if (url.includes('/api/commands/getDocument'))
      return new Response(JSON.stringify({ error: { code: 'not_found', message: 'There is no document 9.' } }), {
        status: 404,
      });
    if (url.includes('/api/commands/getEvents')) return new Response(JSON.stringify({ events: [] }), { status: 200 });
    return new Response(JSON.stringify({ ok: true }), { status: 200 });
  });
  return { fetch, calls };
}

/** Lets pending promises (auth requests) settle. */
const settle = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
  await vi.advanceTimersByTimeAsync(0);
};

function setup() {
  const { fetch, calls } = makeFetch();
  const states: ConnectionState[] = [];
  const bridge = new WebBridge({
    baseUrl: 'http://127.0.0.1:8080',
    token: 'tok',
    WebSocket: FakeSocket as unknown as typeof WebSocket,
    fetch: fetch as unknown as typeof globalThis.fetch,
    random: () => 1,
  });
  bridge.onConnection((s) => states.push(s));
  return { bridge, fetch, calls, states };
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.all = [];
});
afterEach(() => vi.useRealTimers());

describe('WebBridge connection', () => {
  it('connects with the token, authorizes and subscribes each channel, and is live after the ping barrier', async () => {
    const { bridge, calls, states } = setup();
    const got: SubscriptionMessage[] = [];
    bridge.subscribe('private-library.1', null, (m) => got.push(m));
    expect(last().url).toBe(
      'ws://127.0.0.1:8080/app/inkproof?protocol=7&client=inkproof-web&version=0.1.0&flash=false&token=tok',
    );
    last().open('7.9');
    await settle();
    const auth = calls.find((c) => c.url.endsWith('/broadcasting/auth'))!;
    expect(JSON.parse(String(auth.init.body))).toEqual({ socket_id: '7.9', channel_name: 'private-library.1' });
    expect(last().subscribes()).toEqual([{ channel: 'private-library.1', auth: 'inkproof:sig-private-library.1' }]);
    expect(last().pings()).toBe(1);
    expect(states.at(-1)).toBe('reconnecting');
    last().server({ event: 'pusher:pong', data: '{}' });
    expect(states.at(-1)).toBe('live');
    last().event('private-library.1', 'document.imported', { document_id: 1 }, 1);
    last().event('private-library.1', 'document.imported', { document_id: 1 }, 1);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      type: 'event',
      envelope: { channel: 'private-library.1', event: 'document.imported', data: { document_id: 1 }, seq: 1 },
    });
    bridge.close();
  });

  it('sends the socket id with commands (so the server leaves us out of what we cause) and maps errors', async () => {
    const { bridge, calls } = setup();
    last().open('3.4');
    await settle();
    await bridge.invoke('listJobs', {});
    const req = calls.find((c) => c.url.endsWith('/api/commands/listJobs'))!;
    expect((req.init.headers as Record<string, string>)['x-socket-id']).toBe('3.4');
    expect((req.init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    const err = await bridge.invoke('getDocument', { id: 9 }).catch((e) => e);
    expect(err).toBeInstanceOf(BridgeError);
    expect(err).toMatchObject({ code: 'not_found', status: 404, message: 'There is no document 9.' });
    bridge.close();
  });

  it('reconnects with backoff, resubscribes with since = the last seq, replays, then goes live', async () => {
    const { bridge, states } = setup();
    const got: number[] = [];
    bridge.subscribe('private-rewrites.3', 0, (m) => m.type === 'event' && got.push(m.envelope.seq));
    last().open();
    await settle();
    expect(last().subscribes()).toEqual([
      { channel: 'private-rewrites.3', auth: 'inkproof:sig-private-rewrites.3', since: 0 },
    ]);
    last().server({ event: 'pusher_internal:subscription_succeeded', channel: 'private-rewrites.3', data: '{}' });
    last().server({ event: 'pusher:pong', data: '{}' });
    last().event('private-rewrites.3', 'rewrite.progress', { progress: 10 }, 1);
    last().event('private-rewrites.3', 'rewrite.progress', { progress: 20 }, 2);
    last().drop();
    expect(states.at(-1)).toBe('reconnecting');
    const before = FakeSocket.all.length;
    await vi.advanceTimersByTimeAsync(250);
    expect(FakeSocket.all.length).toBe(before + 1);
    last().open();
    await settle();
    expect(last().subscribes()).toEqual([
      { channel: 'private-rewrites.3', auth: 'inkproof:sig-private-rewrites.3', since: 2 },
    ]);
    // The server replays 3 and 4, then answers the barrier ping.
    last().event('private-rewrites.3', 'rewrite.progress', { progress: 60 }, 3);
    last().event('private-rewrites.3', 'rewrite.completed', {}, 4);
    expect(states.at(-1)).toBe('reconnecting');
    last().server({ event: 'pusher:pong', data: '{}' });
    expect(states.at(-1)).toBe('live');
    expect(got).toEqual([1, 2, 3, 4]);
    bridge.close();
  });

  it("dates each event by the hub's time, so history replayed on joining a channel is not news", async () => {
    const { bridge } = setup();
    const got: Envelope[] = [];
    bridge.subscribe('private-rewrites.4', 0, (m) => m.type === 'event' && got.push(m.envelope));
    last().open();
    await settle();
    last().server({ event: 'pusher_internal:subscription_succeeded', channel: 'private-rewrites.4', data: '{}' });
    const published = Date.now() - 60_000;
    last().event('private-rewrites.4', 'rewrite.completed', {}, 1, published);
    // A server that does not say: the time it arrived.
    const before = Date.now();
    last().event('private-rewrites.4', 'rewrite.progress', {}, 2);
    expect(got.map((e) => e.seq)).toEqual([1, 2]);
    expect(got[0].ts).toBe(published);
    expect(got[1].ts).toBeGreaterThanOrEqual(before);
    bridge.close();
  });

  it('after several failed attempts says offline, with growing delays', async () => {
    const { bridge, states } = setup();
    last().drop();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const n = FakeSocket.all.length;
      let waited = 0;
      while (FakeSocket.all.length === n) {
        await vi.advanceTimersByTimeAsync(50);
        waited += 50;
      }
      times.push(waited);
      last().drop();
    }
    expect(times).toEqual([250, 500, 1000, 2000, 4000]);
    expect(states).toContain('offline');
    expect(states.at(-1)).toBe('offline');
    bridge.close();
  });

  it('a channel whose position is unknown gets a resync after a reconnect (its state must be reloaded)', async () => {
    const { bridge } = setup();
    const got: SubscriptionMessage[] = [];
    bridge.subscribe('private-queue.1', null, (m) => got.push(m));
    last().open();
    await settle();
    last().server({ event: 'pusher_internal:subscription_succeeded', channel: 'private-queue.1', data: '{}' });
    last().drop();
    await vi.advanceTimersByTimeAsync(300);
    last().open();
    await settle();
    expect(last().subscribes()).toEqual([{ channel: 'private-queue.1', auth: 'inkproof:sig-private-queue.1' }]);
    expect(got).toEqual([{ type: 'resync', channel: 'private-queue.1', last_seq: 0 }]);
    bridge.close();
  });

  it('passes a server resync on, and a refused channel does not block going live', async () => {
    const { bridge, states } = setup();
    const got: SubscriptionMessage[] = [];
    bridge.subscribe('private-documents.5', 3, (m) => got.push(m));
    bridge.subscribe('private-documents.666', null, () => {});
    last().open();
    await settle();
    expect(
      last()
        .subscribes()
        .map((s) => s.channel),
    ).toEqual(['private-documents.5']);
    last().server({
      event: 'pusher_internal:resync',
      channel: 'private-documents.5',
      data: JSON.stringify({ last_seq: 40 }),
    });
    last().server({ event: 'pusher:pong', data: '{}' });
    expect(got).toEqual([{ type: 'resync', channel: 'private-documents.5', last_seq: 40 }]);
    expect(states.at(-1)).toBe('live');
    bridge.close();
  });

  it('unsubscribes on the wire when the last local subscriber leaves', async () => {
    const { bridge } = setup();
    const a = bridge.subscribe('private-documents.2', null, () => {});
    const b = bridge.subscribe('private-documents.2', null, () => {});
    last().open();
    await settle();
    last().server({ event: 'pusher_internal:subscription_succeeded', channel: 'private-documents.2', data: '{}' });
    a();
    expect(last().sent.some((f) => f.event === 'pusher:unsubscribe')).toBe(false);
    b();
    expect(last().sent.filter((f) => f.event === 'pusher:unsubscribe')).toEqual([
      { event: 'pusher:unsubscribe', data: { channel: 'private-documents.2' } },
    ]);
    bridge.close();
  });

  it('answers server pings, and pings a silent connection then drops it when nothing comes back', async () => {
    const { bridge } = setup();
    last().open();
    await settle();
    last().server({ event: 'pusher:pong', data: '{}' });
    last().server({ event: 'pusher:ping', data: '{}' });
    expect(last().sent.at(-1)).toEqual({ event: 'pusher:pong', data: {} });
    const sock = last();
    const pings = sock.pings();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(sock.pings()).toBe(pings + 1);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(sock.readyState).toBe(3);
    bridge.close();
  });
});

describe('WebBridge imports', () => {
  const refused = (name: string) => ({
    name,
    error: { code: 'unsupported_format', message: `${name} is not a document.` },
  });
  const bridgeAnswering = (respond: (files: string[]) => Response) =>
    new WebBridge({
      baseUrl: 'http://127.0.0.1:8080',
      token: 'tok',
      WebSocket: FakeSocket as unknown as typeof WebSocket,
      fetch: (async (_url: string, init: RequestInit) =>
        respond((init.body as FormData).getAll('file').map((f) => (f as File).name))) as unknown as typeof fetch,
    });
  const file = (name: string) => new File(['MZ'], name);

  it('reports each refused file of an upload refused as a whole, with its own reason', async () => {
    const bridge = bridgeAnswering(
      (names) => new Response(JSON.stringify({ documents: [], errors: names.map(refused) }), { status: 422 }),
    );
    const result = await bridge.importFiles(['a.exe', 'b.exe', 'c.exe'].map(file));
    expect(result.documents).toEqual([]);
    expect(result.errors.map((e) => e.name)).toEqual(['a.exe', 'b.exe', 'c.exe']);
    expect(result.errors[1].error).toEqual({ code: 'unsupported_format', message: 'b.exe is not a document.' });
    bridge.close();
  });

  it('reports a single refused file with the reason of the error response', async () => {
    const bridge = bridgeAnswering(
      ([name]) => new Response(JSON.stringify({ error: refused(name).error }), { status: 422 }),
    );
    const result = await bridge.importFiles([file('x.exe')]);
    expect(result.errors).toEqual([refused('x.exe')]);
    bridge.close();
  });
});
