/**
 * What an operator relies on: `GET /up`, Prometheus `GET /metrics`, signed webhooks with retries,
 * the activity timeout with both kinds of ping (and 4201 for a silent peer), catch-up with `seq`
 * (`since` on subscribe, `/api/events`), and a graceful shutdown that closes with 4200, staggered.
 */
import http from 'node:http';
import PusherServer from 'pusher';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmacHex, signChannel } from '../../../src-main/server/pusher/signature';
import { TestSocket } from '../../helpers/socket';
import { APP, SERVER_TOKEN, startSyncEnv, type SyncEnv } from './helpers/env';

describe('health, metrics and catch-up', () => {
  let env: SyncEnv;
  let sdk: PusherServer;
  beforeAll(async () => {
    env = await startSyncEnv();
    sdk = new PusherServer({
      appId: APP.id,
      key: APP.key,
      secret: APP.secret,
      host: '127.0.0.1',
      port: String(env.port),
      useTLS: false,
    });
  });
  afterAll(async () => env.close());

  it('answers GET /up without a token, with its state', async () => {
    const res = await fetch(`${env.base}/up`, { headers: { host: 'lb.internal' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', cluster: 'ready' });
  });

  it('exposes Prometheus metrics (behind a token) that follow connections, channels, messages, errors and latency', async () => {
    expect((await fetch(`${env.base}/metrics`)).status).toBe(401);
    const metrics = async () => {
      const res = await fetch(`${env.base}/metrics`, { headers: { authorization: `Bearer ${env.users.alice.token}` } });
      expect(res.headers.get('content-type')).toMatch(/text\/plain/);
      return res.text();
    };
    const value = (text: string, name: string) =>
      Number(new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN);
    const s = await TestSocket.open(`${env.base.replace('http', 'ws')}/app/${APP.key}?protocol=7`);
    await s.established();
    s.send({ event: 'pusher:subscribe', data: { channel: 'metered' } });
    await s.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    const before = await metrics();
    await sdk.trigger('metered', 'tick', {});
    await s.next((f) => f.event === 'tick');
    s.send('{broken');
    await s.next((f) => f.event === 'pusher:error');
    const after = await metrics();
    expect(value(before, 'inkproof_connections')).toBe(1);
    expect(value(before, 'inkproof_channels')).toBe(1);
    expect(value(after, 'inkproof_messages_out_total')).toBeGreaterThan(value(before, 'inkproof_messages_out_total'));
    expect(value(after, 'inkproof_messages_in_total')).toBeGreaterThan(value(before, 'inkproof_messages_in_total'));
    expect(after).toMatch(/^inkproof_errors_total\{kind="bad_message"[^}]*\} 1$/m);
    expect(value(after, 'inkproof_delivery_latency_seconds_count')).toBeGreaterThan(0);
    expect(after).toMatch(/inkproof_http_request_duration_seconds_bucket\{[^}]*route="\/apps\/:appId\/events"/);
    expect(after).toMatch(/^inkproof_process_resident_memory_bytes/m);
    s.close();
  });

  it('puts a seq on every event and on subscription_succeeded, and replays what was missed (since, /api/events)', async () => {
    const channel = `private-library.${env.users.alice.id}`;
    const ws = `${env.base.replace('http', 'ws')}/app/${APP.key}?protocol=7`;
    const s = await TestSocket.open(ws);
    const sid = await s.established();
    s.send({ event: 'pusher:subscribe', data: { channel, auth: signChannel(APP.key, APP.secret, sid, channel) } });
    const ok = await s.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    const start = ok.seq!;
    expect(start).toBeGreaterThanOrEqual(0);
    for (let i = 1; i <= 3; i++) await sdk.trigger(channel, 'step', { i });
    const seen = [
      await s.next((f) => f.event === 'step'),
      await s.next((f) => f.event === 'step'),
      await s.next((f) => f.event === 'step'),
    ];
    expect(seen.map((f) => f.seq)).toEqual([start + 1, start + 2, start + 3]);
    s.close();
    // While away: two more.
    await sdk.trigger(channel, 'step', { i: 4 });
    await sdk.trigger(channel, 'step', { i: 5 });
    const back = await TestSocket.open(ws);
    const sid2 = await back.established();
    back.send({
      event: 'pusher:subscribe',
      data: { channel, auth: signChannel(APP.key, APP.secret, sid2, channel), since: start + 3 },
    });
    await back.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    const missed = [await back.next((f) => f.event === 'step'), await back.next((f) => f.event === 'step')];
    expect(missed.map((f) => [(f.data as { i: number }).i, f.seq])).toEqual([
      [4, start + 4],
      [5, start + 5],
    ]);
    back.close();
    const api = await fetch(`${env.base}/api/events?channel=${channel}&since=${start + 3}`, {
      headers: { authorization: `Bearer ${env.users.alice.token}` },
    });
    const body = (await api.json()) as { events: { seq: number; event: string }[] };
    expect(body.events.map((e) => e.seq)).toEqual([start + 4, start + 5]);
    const forbidden = await fetch(`${env.base}/api/events?channel=${channel}&since=0`, {
      headers: { authorization: `Bearer ${env.users.bob.token}` },
    });
    expect(forbidden.status).toBe(403);
  });
});

describe('cross-origin pages an app allows', () => {
  it('may call the auth endpoint with a bearer token (CORS preflight), others may not', async () => {
    const env = await startSyncEnv({ apps: [{ ...APP, allowedOrigins: ['https://app.example'] }] });
    try {
      const pre = await fetch(`${env.base}/broadcasting/auth`, {
        method: 'OPTIONS',
        headers: {
          origin: 'https://app.example',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization',
        },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/);
      expect(pre.headers.get('access-control-allow-credentials')).toBeNull();
      const s = await TestSocket.open(`${env.base.replace('http', 'ws')}/app/${APP.key}?protocol=7`, {
        origin: 'https://app.example',
      });
      const sid = await s.established();
      const auth = await fetch(`${env.base}/broadcasting/auth`, {
        method: 'POST',
        headers: {
          origin: 'https://app.example',
          authorization: `Bearer ${env.users.alice.token}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: `socket_id=${sid}&channel_name=private-library.${env.users.alice.id}`,
      });
      expect(auth.status).toBe(200);
      expect(auth.headers.get('access-control-allow-origin')).toBe('https://app.example');
      s.close();
      expect(
        (
          await fetch(`${env.base}/broadcasting/auth`, {
            method: 'OPTIONS',
            headers: { origin: 'https://evil.example' },
          })
        ).status,
      ).toBe(403);
      await expect(
        TestSocket.open(`${env.base.replace('http', 'ws')}/app/${APP.key}?protocol=7`, {
          origin: 'https://evil.example',
        }),
      ).rejects.toMatchObject({ status: 403 });
    } finally {
      await env.close();
    }
  });
});

describe('webhooks', () => {
  let env: SyncEnv;
  let receiver: http.Server;
  const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  let attempts = 0;
  const waiters: (() => void)[] = [];

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        attempts++;
        // The first delivery fails: it must be retried.
        if (attempts === 1) {
          res.writeHead(503).end();
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(200).end('{}');
        for (const w of waiters.splice(0)) w();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const port = (receiver.address() as { port: number }).port;
    env = await startSyncEnv({
      apps: [{ ...APP, webhooks: [{ url: `http://127.0.0.1:${port}/hooks`, eventTypes: null }] }],
      server: { webhooks: { batchMs: 10, retryBaseMs: 20 } },
    });
  });
  afterAll(async () => {
    await env.close();
    receiver.close();
  });

  const events = () => received.flatMap((r) => (JSON.parse(r.body) as { events: Record<string, string>[] }).events);
  const waitForEvent = (test: (e: Record<string, string>) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no such webhook; got ${JSON.stringify(events())}`)), 10_000);
      const check = () => {
        if (events().some(test)) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(check);
      };
      check();
    });

  it('posts signed channel, member, client and cache events, and retries a failed delivery', async () => {
    const ws = `${env.base.replace('http', 'ws')}/app/${APP.key}?protocol=7`;
    const s = await TestSocket.open(ws);
    const sid = await s.established();
    const cd = JSON.stringify({ user_id: 'u-9', user_info: {} });
    s.send({
      event: 'pusher:subscribe',
      data: {
        channel: 'presence-hooks',
        auth: signChannel(APP.key, APP.secret, sid, 'presence-hooks', cd),
        channel_data: cd,
      },
    });
    await s.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    s.send({ event: 'client-ping', channel: 'presence-hooks', data: { a: 1 } });
    s.send({ event: 'pusher:subscribe', data: { channel: 'cache-hooks' } });
    await s.next((f) => f.event === 'pusher:cache_miss');
    await waitForEvent((e) => e.name === 'client_event');
    s.close();
    await waitForEvent((e) => e.name === 'channel_vacated' && e.channel === 'presence-hooks');
    await waitForEvent((e) => e.name === 'member_removed');
    const names = events().map((e) => `${e.name}:${e.channel}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'channel_occupied:presence-hooks',
        'member_added:presence-hooks',
        'client_event:presence-hooks',
        'cache_miss:cache-hooks',
        'member_removed:presence-hooks',
        'channel_vacated:presence-hooks',
      ]),
    );
    expect(events().find((e) => e.name === 'client_event')).toMatchObject({
      event: 'client-ping',
      data: '{"a":1}',
      socket_id: sid,
      user_id: 'u-9',
    });
    expect(attempts).toBeGreaterThan(received.length);
    for (const r of received) {
      expect(r.headers['x-pusher-key']).toBe(APP.key);
      expect(r.headers['x-pusher-signature']).toBe(hmacHex(APP.secret, r.body));
      expect(JSON.parse(r.body).time_ms).toBeGreaterThan(0);
    }
  });
});

describe('activity timeout and pings', () => {
  let env: SyncEnv;
  beforeAll(async () => {
    env = await startSyncEnv({ apps: [{ ...APP, activityTimeout: 1, pongTimeout: 1 }], server: { sweepMs: 100 } });
  });
  afterAll(async () => env.close());

  it('pings a silent connection both ways and closes it with 4201 when nothing answers', async () => {
    const ws = new WebSocket(`${env.base.replace('http', 'ws')}/app/${APP.key}?protocol=7`, { autoPong: false });
    const seen: string[] = [];
    ws.on('message', (raw) => seen.push(JSON.parse(raw.toString()).event));
    const protocolPing = new Promise<void>((r) => ws.once('ping', () => r()));
    const code = new Promise<number>((r) => ws.once('close', (c) => r(c)));
    await protocolPing;
    expect(await code).toBe(4201);
    expect(seen).toContain('pusher:ping');
  });

  it('keeps a connection that answers pusher:ping with pusher:pong', async () => {
    const ws = new WebSocket(`${env.base.replace('http', 'ws')}/app/${APP.key}?protocol=7`, { autoPong: false });
    let pings = 0;
    const threePings = new Promise<void>((resolve) =>
      ws.on('message', (raw) => {
        if (JSON.parse(raw.toString()).event !== 'pusher:ping') return;
        ws.send(JSON.stringify({ event: 'pusher:pong', data: {} }));
        if (++pings === 3) resolve();
      }),
    );
    let closed = false;
    ws.on('close', () => (closed = true));
    await threePings;
    expect(closed).toBe(false);
    ws.close();
  });

  it('answers a client pusher:ping with pusher:pong at once', async () => {
    const s = await TestSocket.open(`${env.base.replace('http', 'ws')}/app/${APP.key}?protocol=7`);
    await s.established();
    s.send({ event: 'pusher:ping', data: {} });
    await s.next((f) => f.event === 'pusher:pong');
    s.close();
  });
});

describe('graceful shutdown', () => {
  it('closes every connection with 4200, spread over the configured time', async () => {
    const env = await startSyncEnv({ server: { shutdownSpreadMs: 400 } });
    const sockets = await Promise.all(
      Array.from({ length: 20 }, () => TestSocket.open(`${env.base.replace('http', 'ws')}/app/${APP.key}?protocol=7`)),
    );
    await Promise.all(sockets.map((s) => s.established()));
    const closedAt: number[] = [];
    const codes = Promise.all(sockets.map((s) => s.waitClosed().then((c) => (closedAt.push(Date.now()), c))));
    const upDuring = env.server.close().then(() => undefined);
    expect(new Set(await codes)).toEqual(new Set([4200]));
    expect(Math.max(...closedAt) - Math.min(...closedAt)).toBeGreaterThanOrEqual(200);
    await upDuring;
    await env.close();
  });

  it('keeps the server token working for its own clients', async () => {
    const env = await startSyncEnv();
    const res = await fetch(`${env.base}/api/queue/stats`, { headers: { authorization: `Bearer ${SERVER_TOKEN}` } });
    expect(res.status).toBe(200);
    await env.close();
  });
});
