/**
 * Laravel Echo 2.5 (`broadcaster: 'reverb'`, with the real pusher-js passed in) against
 * `inkproof serve`, as a Laravel front end would use it: `.private('documents.12')
 * .listen('.document.analyzed')`, toOthers through the socket id, whispers, presence
 * here/joining/leaving, sign-in with server-to-user messages, and reconnecting on 4200.
 */
import Echo from 'laravel-echo';
import PusherServer from 'pusher';
import Pusher from 'pusher-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { humanText } from '../../helpers/texts';
import { APP, startSyncEnv, type SyncEnv } from './helpers/env';
import { connected, stateAfter } from './helpers/pusher';

type EchoClient = Echo<'reverb'>;

describe('Laravel Echo 2.5 (reverb broadcaster) against inkproof serve', () => {
  let env: SyncEnv;
  let sdk: PusherServer;
  const echos: EchoClient[] = [];

  const echo = (token: string): EchoClient => {
    const e = new Echo({
      broadcaster: 'reverb',
      key: APP.key,
      wsHost: '127.0.0.1',
      wsPort: env.port,
      wssPort: env.port,
      forceTLS: false,
      enabledTransports: ['ws'],
      Pusher,
      authEndpoint: `${env.base}/broadcasting/auth`,
      userAuthentication: { endpoint: `${env.base}/broadcasting/user-auth`, headers: {} } as never,
      bearerToken: token,
      withoutInterceptors: true,
    });
    echos.push(e);
    return e;
  };
  const pusherOf = (e: EchoClient) => e.connector.pusher as unknown as InstanceType<typeof Pusher>;
  const ready = async (e: EchoClient) => connected(pusherOf(e));
  const subscribedTo = (ch: { subscribed(cb: () => void): unknown; error(cb: (e: unknown) => void): unknown }) =>
    new Promise<void>((resolve, reject) => {
      ch.subscribed(() => resolve());
      ch.error((err) => reject(new Error(`subscription refused: ${JSON.stringify(err)}`)));
    });
  const api = async (token: string, path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(env.base + path, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, never> };
  };

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
  afterAll(async () => {
    for (const e of echos) e.disconnect();
    await env.close();
  });

  it("listens to the seed's document.analyzed on the document's private channel", async () => {
    const alice = echo(env.users.alice.token);
    await ready(alice);
    const library = alice.private(`library.${env.users.alice.id}`);
    await subscribedTo(library);
    const imported = new Promise<{ document_id: number }>((resolve) => library.listen('.document.imported', resolve));
    const created = await api(env.users.alice.token, '/api/documents', { name: 'seed.txt', text: humanText(3) });
    expect(created.status).toBe(201);
    const id = (await imported).document_id;
    const analyzed = new Promise<Record<string, unknown>>((resolve) =>
      alice.private(`documents.${id}`).listen('.document.analyzed', resolve),
    );
    await subscribedTo(alice.private(`documents.${id}`));
    // The analysis may already be done: ask again (analyzeDocument) so that a fresh event follows the subscription.
    await api(env.users.alice.token, `/api/documents/${id}/analyze`, {});
    const data = await analyzed;
    expect(data).toMatchObject({ document_id: id });
    expect(typeof data.ai_confidence).toBe('number');
    expect(Array.isArray(data.critical_sections)).toBe(true);
    expect(typeof data.analyzed_at).toBe('string');
  });

  it('does not deliver an event to the connection whose request caused it (toOthers via X-Socket-ID)', async () => {
    const mine = echo(env.users.alice.token);
    const other = echo(env.users.alice.token);
    await Promise.all([ready(mine), ready(other)]);
    const channel = `library.${env.users.alice.id}`;
    const got: Record<'mine' | 'other', { event: string; id: number }[]> = { mine: [], other: [] };
    for (const [who, e] of [
      ['mine', mine],
      ['other', other],
    ] as const) {
      const ch = e.private(channel);
      ch.listen('.document.imported', (d: { document_id: number }) =>
        got[who].push({ event: 'imported', id: d.document_id }),
      );
      ch.listen('.document.analysis_started', (d: { document_id: number }) =>
        got[who].push({ event: 'started', id: d.document_id }),
      );
      await subscribedTo(ch);
    }
    const created = await api(
      env.users.alice.token,
      '/api/documents',
      { name: 'others.txt', text: humanText(2) },
      { 'X-Socket-ID': mine.socketId()! },
    );
    const id = (created.body.document as { id: number }).id;
    await until(() => got.other.some((g) => g.event === 'imported' && g.id === id));
    // The later analysis_started reaches both: proof that `mine` was listening all along.
    await until(() => got.mine.some((g) => g.event === 'started' && g.id === id));
    expect(got.mine.some((g) => g.event === 'imported' && g.id === id)).toBe(false);
  });

  it('whispers (client events) to the others and not to the sender', async () => {
    const alice = echo(env.users.alice.token);
    const bob = echo(env.users.bob.token);
    await Promise.all([ready(alice), ready(bob)]);
    const a = alice.private('room.echo');
    const b = bob.private('room.echo');
    await Promise.all([subscribedTo(a), subscribedTo(b)]);
    const heardByAlice: unknown[] = [];
    a.listenForWhisper('typing', (d: unknown) => heardByAlice.push(d));
    const heard = new Promise<unknown>((resolve) => b.listenForWhisper('typing', resolve));
    a.whisper('typing', { name: 'alice' });
    expect(await heard).toEqual({ name: 'alice' });
    const marker = new Promise<void>((resolve) => a.listen('.marker', () => resolve()));
    await sdk.trigger('private-room.echo', 'marker', {});
    await marker;
    expect(heardByAlice).toEqual([]);
  });

  it('tells who is here, who joins and who leaves a presence channel', async () => {
    const bob = echo(env.users.bob.token);
    await ready(bob);
    const here = new Promise<{ name: string }[]>((resolve) => bob.join('chat.echo-room').here(resolve));
    const bobHere = await here;
    expect(bobHere).toEqual([{ name: 'bob' }]);
    const joining = new Promise<unknown>((resolve) => bob.join('chat.echo-room').joining(resolve));
    const leaving = new Promise<unknown>((resolve) => bob.join('chat.echo-room').leaving(resolve));

    const alice = echo(env.users.alice.token);
    await ready(alice);
    const aliceHere = await new Promise<{ name: string }[]>((resolve) => alice.join('chat.echo-room').here(resolve));
    expect(aliceHere.map((m) => m.name).sort()).toEqual(['alice', 'bob']);
    expect(await joining).toEqual({ name: 'alice' });

    const whisper = new Promise<unknown>((resolve) => bob.join('chat.echo-room').listenForWhisper('wave', resolve));
    alice.join('chat.echo-room').whisper('wave', { from: 'alice' });
    expect(await whisper).toEqual({ from: 'alice' });

    alice.leave('chat.echo-room');
    expect(await leaving).toEqual({ name: 'alice' });
  });

  it('signs in and receives messages sent to the user (sendToUser)', async () => {
    const alice = echo(env.users.alice.token);
    await ready(alice);
    const p = pusherOf(alice);
    const note = new Promise<unknown>((resolve) => p.user.bind('note', resolve));
    alice.connector.signin();
    await p.user.signinDonePromise;
    await until(() => p.user.serverToUserChannel?.subscribed === true);
    await sdk.sendToUser(String(env.users.alice.id), 'note', { hello: 'alice' });
    expect(await note).toEqual({ hello: 'alice' });
  });

  it('comes back by itself after a 4200 close, with its channels', async () => {
    const alice = echo(env.users.alice.token);
    await ready(alice);
    const ch = alice.private(`library.${env.users.alice.id}`);
    await subscribedTo(ch);
    const before = alice.socketId()!;
    const back = stateAfter(pusherOf(alice), 'connected');
    env.server.sockets.closeConnection(before, 4200, 'test');
    await back;
    expect(alice.connectionStatus()).toBe('connected');
    expect(alice.socketId()).not.toBe(before);
    const after = new Promise<unknown>((resolve) => ch.listen('.after-reconnect', resolve));
    await until(
      async () =>
        (pusherOf(alice).channel(`private-library.${env.users.alice.id}`) as unknown as { subscribed: boolean })
          .subscribed,
    );
    await sdk.trigger(`private-library.${env.users.alice.id}`, 'after-reconnect', { ok: true });
    expect(await after).toEqual({ ok: true });
  });
});

async function until(test: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setImmediate(r));
  }
}
