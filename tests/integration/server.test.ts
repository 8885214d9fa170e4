/**
 * `inkproof serve` in process: the token, Host/Origin checks, the HTTP API with typed errors, and
 * the Pusher-protocol WebSocket with private channels, replay and toOthers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core';
import { fakeBroadcasts, type BroadcastFake } from '../../src-main/core/hub/fake';
import { silentLogger } from '../../src-main/core/logger';
import { startServer, type RunningServer } from '../../src-main/server/server';
import { signChannel } from '../../src-main/server/pusher/signature';
import { TestSocket } from '../helpers/socket';
import { tempDir } from '../helpers/temp';
import { aiText, humanText, mixedText } from '../helpers/texts';

const TOKEN = 'sesame';
const APP = {
  id: 'inkproof',
  key: 'inkproof-key',
  secret: 'inkproof-secret',
  clientEvents: false,
  activityTimeout: 30,
  maxMessageBytes: 10 * 1024,
};

describe('headless server', () => {
  const t = tempDir();
  let core: Core;
  let server: RunningServer;
  let fake: BroadcastFake;
  let base: string;
  const auth = { authorization: `Bearer ${TOKEN}` };
  const json = { ...auth, 'content-type': 'application/json' };
  const wsUrl = (q = `protocol=7&token=${TOKEN}`) => `${base.replace('http', 'ws')}/app/${APP.key}?${q}`;
  const api = async (method: string, path: string, body?: unknown, headers: Record<string, string> = json) => {
    const res = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  };
  const channelAuth = async (socketId: string, channel: string) =>
    api('POST', '/broadcasting/auth', `socket_id=${socketId}&channel_name=${channel}`, {
      ...auth,
      'content-type': 'application/x-www-form-urlencoded',
    });

  beforeAll(async () => {
    core = createCore({ dataDir: t.dir, logger: silentLogger(), threads: 1, progressIntervalMs: 0 });
    fake = fakeBroadcasts(core.hub);
    server = await startServer({ core, host: '127.0.0.1', port: 0, token: TOKEN, app: APP, logger: silentLogger() });
    base = server.url;
  });
  afterAll(async () => {
    await server.close();
    await core.close();
    t.cleanup();
  });

  describe('access', () => {
    it('answers /up without a token and nothing else', async () => {
      expect((await fetch(base + '/up')).status).toBe(200);
      const missing = await api('GET', '/api/documents', undefined, {});
      expect(missing.status).toBe(401);
      expect(missing.body.error.code).toBe('unauthorized');
      expect((await api('GET', '/api/documents', undefined, { authorization: 'Bearer wrong' })).status).toBe(401);
    });

    it('accepts ?token= once and then the cookie it sets', async () => {
      const first = await fetch(`${base}/api/documents?token=${TOKEN}`);
      expect(first.status).toBe(200);
      const cookie = first.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect((await fetch(`${base}/api/documents`, { headers: { cookie: cookie.split(';')[0] } })).status).toBe(200);
    });

    it('refuses foreign Host headers (DNS rebinding) and cross-site origins', async () => {
      const http = await import('node:http');
      const status = (headers: Record<string, string>) =>
        new Promise<number>((resolve) => {
          const req = http.request(base + '/api/documents', { headers: { ...auth, ...headers } }, (res) => {
            res.resume();
            resolve(res.statusCode!);
          });
          req.end();
        });
      expect(await status({ host: 'evil.example:80' })).toBe(403);
      expect(await status({ origin: 'https://evil.example' })).toBe(403);
      expect(await status({ origin: base })).toBe(200);
    });
  });

  describe('HTTP API', () => {
    it('imports JSON and multipart uploads and shows the analysis once it is done', async () => {
      const created = await api('POST', '/api/documents', { name: 'a.txt', text: aiText(3) });
      expect(created.status).toBe(201);
      const id = created.body.document.id;
      const form = new FormData();
      form.append('file', new Blob([humanText(3)]), 'b.md');
      const uploaded = await fetch(base + '/api/documents', { method: 'POST', headers: auth, body: form });
      expect(uploaded.status).toBe(201);
      expect(((await uploaded.json()) as { document: { name: string } }).document.name).toBe('b.md');
      await fake.waitFor(`private-documents.${id}`, 'document.analyzed');
      const got = await api('GET', `/api/documents/${id}`);
      expect(got.status).toBe(200);
      expect(got.body.document).toMatchObject({ id, status: 'analyzed', verdict: 'ai' });
      expect(got.body.document.ai_confidence).toBeGreaterThan(0);
      expect(got.body.document.critical_sections.length).toBeGreaterThan(0);
      expect(got.body.document.analyzed_at).toBeTruthy();
      const list = await api('GET', '/api/documents?sort=name&order=asc');
      expect(list.body.documents.map((d: { name: string }) => d.name)).toEqual(['a.txt', 'b.md']);
    });

    it('shows a half-human document as mixed with its ai_share, in the document and the listing', async () => {
      const created = await api('POST', '/api/documents', { name: 'half.txt', text: mixedText(3) });
      expect(created.status).toBe(201);
      const id = created.body.document.id;
      const env = await fake.waitFor(`private-documents.${id}`, 'document.analyzed');
      expect(env.data).toMatchObject({ verdict: 'mixed' });
      const got = await api('GET', `/api/documents/${id}`);
      expect(got.body.document).toMatchObject({ id, verdict: 'mixed', ai_share: env.data.ai_share });
      expect(got.body.document.ai_share).toBeGreaterThan(0.3);
      expect(got.body.document.ai_share).toBeLessThan(0.7);
      expect(got.body.document.sentences.length).toBeGreaterThan(5);
      const list = await api('GET', '/api/documents?query=half');
      expect(list.body.documents[0]).toMatchObject({ id, verdict: 'mixed', ai_share: env.data.ai_share });
    });

    it('answers bad requests with typed errors and the right status', async () => {
      const malformed = await api('POST', '/api/documents', '{"name": ');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('invalid_input');
      const schema = await api('POST', '/api/documents', { name: 42 });
      expect(schema.status).toBe(422);
      expect(schema.body.error.issues.length).toBeGreaterThan(0);
      expect((await api('GET', '/api/nowhere')).body.error.code).toBe('not_found');
      expect((await api('GET', '/api/nowhere')).status).toBe(404);
      expect((await api('GET', '/api/documents/424242')).status).toBe(404);
      expect((await api('GET', '/api/documents/abc')).status).toBe(404);
      expect((await api('POST', '/api/commands/dropDatabase', {})).status).toBe(404);
      const empty = await api('POST', '/api/documents', { name: 'e.txt', text: '' });
      expect([empty.status, empty.body.error.code]).toEqual([422, 'empty_document']);
      const pathImport = await api('POST', '/api/documents', { name: 'x.txt', path: '/etc/passwd' });
      expect(pathImport.body.error.code).toBe('invalid_input');
    });

    it('refuses a 50 MB upload as too_large, and keeps serving', async () => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(50 * 1024 * 1024).fill(97)]), 'huge.txt');
      const res = await fetch(base + '/api/documents', { method: 'POST', headers: auth, body: form });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_large');
      expect((await api('GET', '/api/queue/stats')).status).toBe(200);
    });

    it('starts a revision, reports it, and exports the result as a download', async () => {
      const created = await api('POST', '/api/documents', { name: 'r.txt', text: aiText(4) });
      const id = created.body.document.id;
      await fake.waitFor(`private-documents.${id}`, 'document.analyzed');
      const started = await api('POST', `/api/documents/${id}/rewrites`, { mode: 'formal', strength: 3 });
      expect(started.status).toBe(202);
      const rid = started.body.rewrite.id;
      await fake.waitFor(`private-rewrites.${rid}`, 'rewrite.completed');
      const rw = await api('GET', `/api/rewrites/${rid}`);
      expect(rw.body.rewrite).toMatchObject({ id: rid, status: 'completed', progress: 100 });
      expect(rw.body.rewrite.options).toMatchObject({ mode: 'formal', strength: 3 });
      const exported = await fetch(`${base}/api/documents/${id}/export?format=txt&rewrite_id=${rid}`, {
        headers: auth,
      });
      expect(exported.headers.get('content-disposition')).toMatch(/r-revised\.txt/);
      expect(await exported.text()).toBe(rw.body.rewrite.result + (rw.body.rewrite.result.endsWith('\n') ? '' : '\n'));
      const sample = await api('POST', `/api/documents/${id}/samples`, { rewrite_id: rid });
      expect(sample.status).toBe(202);
      const jobs = await api('GET', '/api/jobs?type=rewrite');
      expect(jobs.body.jobs.some((j: { subject_id: number }) => j.subject_id === rid)).toBe(true);
      const replay = await api('GET', `/api/events?channel=private-rewrites.${rid}&since=0`);
      expect(replay.body.events.map((e: { event: string }) => e.event)).toContain('rewrite.completed');
    });
  });

  describe('WebSocket (Pusher protocol v7)', () => {
    it('needs the token, a known app key and a protocol version', async () => {
      await expect(TestSocket.open(wsUrl('protocol=7'))).rejects.toMatchObject({ status: 401 });
      const unknown = await TestSocket.open(`${base.replace('http', 'ws')}/app/nope?protocol=7&token=${TOKEN}`);
      expect(await unknown.waitClosed()).toBe(4001);
      const noProtocol = await TestSocket.open(wsUrl(`token=${TOKEN}`));
      expect(await noProtocol.waitClosed()).toBe(4008);
    });

    it('establishes a connection, answers pings and reports malformed frames without closing', async () => {
      const s = await TestSocket.open(wsUrl());
      expect(await s.established()).toMatch(/^\d+\.\d+$/);
      s.send({ event: 'pusher:ping', data: {} });
      await s.next((f) => f.event === 'pusher:pong');
      s.send('{not json');
      await s.next((f) => f.event === 'pusher:error');
      s.send({ event: 'pusher:ping', data: {} });
      await s.next((f) => f.event === 'pusher:pong');
      s.close();
    });

    it('authorizes private channels through the auth endpoint and delivers events with their seq', async () => {
      const s = await TestSocket.open(wsUrl());
      const socketId = await s.established();
      s.send({ event: 'pusher:subscribe', data: { channel: 'private-library.1' } });
      const refused = await s.next((f) => f.event === 'pusher:subscription_error');
      expect(refused.data).toMatchObject({ status: 401 });

      const forged = signChannel(APP.key, 'not-the-secret', socketId, 'private-library.1');
      s.send({ event: 'pusher:subscribe', data: { channel: 'private-library.1', auth: forged } });
      await s.next((f) => f.event === 'pusher:subscription_error');

      const granted = await channelAuth(socketId, 'private-library.1');
      expect(granted.status).toBe(200);
      s.send({ event: 'pusher:subscribe', data: { channel: 'private-library.1', auth: granted.body.auth } });
      await s.next((f) => f.event === 'pusher_internal:subscription_succeeded' && f.channel === 'private-library.1');

      const created = await api('POST', '/api/documents', { name: 'live.txt', text: humanText(2) });
      const imported = await s.next((f) => f.event === 'document.imported');
      expect(imported.channel).toBe('private-library.1');
      expect(imported.data).toMatchObject({ document_id: created.body.document.id, name: 'live.txt' });
      expect(imported.seq).toBeGreaterThan(0);
      const replay = await api('GET', `/api/events?channel=private-library.1&since=${imported.seq! - 1}`);
      expect(replay.body.events[0]).toMatchObject({
        seq: imported.seq,
        event: 'document.imported',
        data: imported.data,
      });
      s.close();
    });

    it("refuses someone else's channel at the auth endpoint", async () => {
      const s = await TestSocket.open(wsUrl());
      const socketId = await s.established();
      expect((await channelAuth(socketId, 'private-library.2')).status).toBe(403);
      expect((await channelAuth(socketId, 'private-documents.999999')).status).toBe(403);
      expect((await channelAuth('nonsense', 'private-library.1')).status).toBe(422);
      s.close();
    });

    it('replays what a reconnecting client missed when it subscribes with since', async () => {
      const created = await api('POST', '/api/documents', { name: 'replay.txt', text: aiText(2) });
      const id = created.body.document.id;
      await fake.waitFor(`private-documents.${id}`, 'document.analyzed');
      const s = await TestSocket.open(wsUrl());
      const socketId = await s.established();
      const channel = `private-documents.${id}`;
      const { body } = await channelAuth(socketId, channel);
      s.send({ event: 'pusher:subscribe', data: { channel, auth: body.auth, since: 0 } });
      await s.next((f) => f.event === 'pusher_internal:subscription_succeeded');
      const replayed = await s.next((f) => f.event === 'document.analyzed');
      expect(replayed.seq).toBe(1);
      expect(replayed.data).toMatchObject({ document_id: id });
      // With the hub's time it was published at, so the client can tell it is history.
      const stored = await api('GET', `/api/events?channel=${channel}&since=0`);
      const analyzed = stored.body.events.find((e: { event: string }) => e.event === 'document.analyzed');
      expect(typeof replayed.ts).toBe('number');
      expect(replayed.ts).toBe(analyzed.ts);
      s.close();
    });

    it('does not send a client the events its own request caused (toOthers)', async () => {
      const [me, other] = await Promise.all([TestSocket.open(wsUrl()), TestSocket.open(wsUrl())]);
      const [myId, otherId] = await Promise.all([me.established(), other.established()]);
      for (const [s, sid] of [
        [me, myId],
        [other, otherId],
      ] as const) {
        const { body } = await channelAuth(sid, 'private-library.1');
        s.send({ event: 'pusher:subscribe', data: { channel: 'private-library.1', auth: body.auth } });
        await s.next((f) => f.event === 'pusher_internal:subscription_succeeded');
      }
      const created = await api(
        'POST',
        '/api/documents',
        { name: 'mine.txt', text: humanText(1) },
        { ...json, 'x-socket-id': myId },
      );
      const docId = created.body.document.id;
      await other.next(
        (f) => f.event === 'document.imported' && (f.data as { document_id: number }).document_id === docId,
      );
      // The later analysis_started of the same document reaches both: proof that `me` was listening.
      await me.next(
        (f) => f.event === 'document.analysis_started' && (f.data as { document_id: number }).document_id === docId,
      );
      expect(
        me.frames.some(
          (f) => f.event === 'document.imported' && (f.data as { document_id: number }).document_id === docId,
        ),
      ).toBe(false);
      me.close();
      other.close();
    });
  });
});

describe('graceful shutdown', () => {
  it('closes sockets with 4200 so clients reconnect', async () => {
    const t = tempDir();
    const core = createCore({ dataDir: t.dir, logger: silentLogger(), threads: 1 });
    const server = await startServer({
      core,
      host: '127.0.0.1',
      port: 0,
      token: TOKEN,
      app: APP,
      logger: silentLogger(),
    });
    const s = await TestSocket.open(`${server.url.replace('http', 'ws')}/app/${APP.key}?protocol=7&token=${TOKEN}`);
    await s.established();
    await server.close();
    expect(await s.waitClosed()).toBe(4200);
    await core.close();
    t.cleanup();
  });
});
