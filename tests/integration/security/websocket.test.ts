/**
 * Bad WebSocket traffic against a real server: malformed and binary frames get error events and
 * the connection stays; a frame over the size limit closes with 1009; a flood of client events is
 * rate-limited (4301 error events); a client that never answers pings is closed with 4201; and a
 * client that stops reading is disconnected with 4100 instead of growing the server's memory — the
 * back-pressure the event stream now shares.
 */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSocket } from '../../helpers/socket';
import { api, serve, type Serve } from './helpers';

const APP = { id: 'ws', key: 'ws-key', secret: 'ws-secret' };

describe('bad WebSocket traffic (real server)', () => {
  let s: Serve;
  beforeAll(async () => {
    s = await serve({
      app: APP,
      env: { INKPROOF_APP_CLIENT_EVENTS: 'true' },
    });
  });
  afterAll(async () => s?.stop());

  const url = `/app/${APP.key}?protocol=7`;
  const open = async () => {
    const socket = await TestSocket.open(`ws://127.0.0.1:${s.port}${url}`);
    await socket.established();
    return socket;
  };
  /** Answers the server's pusher:ping events, so that only what the test does decides the outcome. */
  const keepAlive = (socket: TestSocket) =>
    socket.ws.on('message', (raw) => {
      if (String(raw).includes('"pusher:ping"')) socket.send({ event: 'pusher:pong', data: {} });
    });

  it('answers malformed and binary frames with error events and keeps the connection', async () => {
    const socket = await open();
    keepAlive(socket);
    for (const bad of [
      '{not json',
      '[]',
      '"text"',
      'null',
      '{"event":17}',
      '{"event":"x","channel":{}}',
      '['.repeat(10_000),
    ]) {
      socket.ws.send(bad);
      await socket.next((f) => f.event === 'pusher:error');
    }
    socket.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    await socket.next((f) => f.event === 'pusher:error');
    socket.send({ event: 'pusher:ping', data: {} });
    await socket.next((f) => f.event === 'pusher:pong');
    socket.close();
  });

  it('closes a connection that sends a frame over the limit with 1009', async () => {
    const socket = await open();
    socket.ws.send('x'.repeat(200 * 1024));
    expect(await socket.waitClosed()).toBe(1009);
  });

  it('rate-limits a flood of client events with 4301 error events', async () => {
    const me = await api(s, 'GET', '/api/auth/me');
    const channel = `private-library.${me.body.user.id}`;
    const socket = await open();
    keepAlive(socket);
    const auth = await api(s, 'POST', '/broadcasting/auth', {
      body: { socket_id: socket.socketId, channel_name: channel },
    });
    socket.send({ event: 'pusher:subscribe', data: { channel, auth: auth.body.auth } });
    await socket.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    for (let i = 0; i < 200; i++) socket.send({ event: 'client-flood', channel, data: { i } });
    const limited = await socket.next((f) => f.event === 'pusher:error');
    expect(limited.data).toMatchObject({ code: 4301 });
    socket.send({ event: 'pusher:ping', data: {} });
    await socket.next((f) => f.event === 'pusher:pong');
    socket.close();
  });

  it('disconnects a client that stops reading with 4100', async () => {
    const socket = await open();
    keepAlive(socket);
    socket.send({ event: 'pusher:subscribe', data: { channel: 'firehose' } });
    await socket.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    // Stop reading: what the server sends piles up in the kernel, then in the server, until its limit.
    (socket.ws as unknown as { _socket: import('node:net').Socket })._socket.pause();
    const closed = socket.waitClosed();
    let sent = 0;
    let done = false;
    void closed.then(() => (done = true));
    // 10 KB events until the server gives up on the client (at most 100 MB).
    for (let i = 0; i < 1000 && !done; i++) {
      await s.sdk.triggerBatch(
        Array.from({ length: 10 }, () => ({ channel: 'firehose', name: 'e', data: 'x'.repeat(10_000) })),
      );
      sent += 10;
      if (i % 50 === 49) {
        // The close frame can only be read once reading resumes; peek at the server's count instead.
        const m = (await api(s, 'GET', '/metrics')).body as string;
        if (/inkproof_errors_total\{kind="slow_client"[^}]*\} [1-9]/.test(m)) break;
      }
    }
    (socket.ws as unknown as { _socket: import('node:net').Socket })._socket.resume();
    expect(await closed).toBe(4100);
    console.log(`slow WebSocket reader closed with 4100 after ${sent} events of 10 KB`);
  }, 120_000);

  describe('with a short activity timeout (1 s, and 1 s to answer)', () => {
    let quick: Serve;
    beforeAll(async () => {
      quick = await serve({
        app: APP,
        env: { INKPROOF_APP_ACTIVITY_TIMEOUT: '1', INKPROOF_APP_PONG_TIMEOUT: '1' },
      });
    });
    afterAll(async () => quick?.stop());

    it('closes a client that never answers pings with 4201', async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${quick.port}${url}`, { autoPong: false });
      const code = await new Promise<number>((resolve) => ws.on('close', resolve));
      expect(code).toBe(4201);
    });
  });
});
