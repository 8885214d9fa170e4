/**
 * Who reaches what (real server): Host and Origin must name the server exactly, over HTTP and for
 * WebSocket upgrades; every other spelling of a path (`\`, `%5c`, `%2e%2e`, `//` …) is refused
 * before routing, so no route runs without a user and no file outside the interface is served;
 * one account reaches nothing of another's, through any route, the command API, the event log or
 * channel authorisations; and forged or replayed channel signatures are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signChannel } from '../../../src-main/server/pusher/signature';
import { TestSocket } from '../../helpers/socket';
import { humanText } from '../../helpers/texts';
import { api, eventLog, rawRequest, serve, type Serve } from './helpers';

describe('access (real server)', () => {
  let s: Serve;
  beforeAll(async () => {
    s = await serve({ accounts: ['alice', 'bob'] });
  });
  afterAll(async () => s?.stop());

  const get = (path: string, headers: Record<string, string> = {}) =>
    rawRequest(
      s.port,
      `GET ${path} HTTP/1.1\r\n${Object.entries({ Host: `127.0.0.1:${s.port}`, ...headers })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}Connection: close\r\n\r\n`,
    );
  const upgrade = (headers: Record<string, string>) =>
    rawRequest(
      s.port,
      `GET /app/inkproof?protocol=7&token=${s.token} HTTP/1.1\r\n${Object.entries({
        Host: `127.0.0.1:${s.port}`,
        Upgrade: 'websocket',
        Connection: 'Upgrade',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version': '13',
        ...headers,
      })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}\r\n`,
    );

  it('accepts only its own host names and port in Host and Origin, over HTTP and WebSocket', async () => {
    const auth = { Authorization: `Bearer ${s.token}` };
    const own = `127.0.0.1:${s.port}`;
    for (const host of [own, `localhost:${s.port}`, `[::1]:${s.port}`])
      expect((await get('/api/queue/stats', { ...auth, Host: host })).status, host).toBe(200);
    for (const host of [
      `127.0.0.1.evil.com:${s.port}`,
      `127.0.0.1:${s.port + 1}`,
      '127.0.0.1',
      `evil.com:${s.port}`,
      `localhost.evil.com:${s.port}`,
    ]) {
      expect((await get('/api/queue/stats', { ...auth, Host: host })).status, host).toBe(403);
      expect((await upgrade({ Host: host })).status, `upgrade ${host}`).toBe(403);
    }
    expect((await upgrade({})).status).toBe(101);
    for (const origin of [
      `http://127.0.0.1.evil.com:${s.port}`,
      `http://localhost:${s.port}`,
      'https://evil.example',
    ]) {
      expect((await get('/api/queue/stats', { ...auth, Origin: origin })).status, origin).toBe(403);
      expect((await upgrade({ Origin: origin })).status, `upgrade ${origin}`).toBe(403);
    }
    expect((await get('/api/queue/stats', { ...auth, Origin: `http://${own}` })).status).toBe(200);
  });

  it('refuses every other spelling of a path before any route runs, with or without a token', async () => {
    const protectedPaths = ['/api/documents', '/api/settings', '/api/queue/stats', '/metrics', '/api/auth/me'];
    const tricks = (p: string) => [
      `${p}\\..\\..\\up`,
      `${p}\\..\\..\\..\\api\\auth\\login`,
      `${p}%5c..%5c..%5cup`,
      `${p}%5C..%5C..%5Cup`,
      `${p}/..%2f..%2fup`,
      `${p}/%2e%2e/%2e%2e/up`,
      `/up/..${p}`,
      `/up/%2e%2e${p}`,
      `/apps/..${p}`,
      `/apps/x\\..\\..${p}`,
      `/${p}`,
      `/.${p}`,
    ];
    const files = [
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/..\\..\\package.json',
      '/assets/%2e%2e%2f%2e%2e%2fREADME.md',
      '/%252e%252e/package.json',
      '/index.html%00.js',
    ];
    const probes = [...protectedPaths.flatMap(tricks), ...files];
    expect(probes.length).toBeGreaterThanOrEqual(44);
    for (const path of probes) {
      for (const headers of [{}, { Authorization: `Bearer ${s.token}` }] as Record<string, string>[]) {
        const answer = await get(path, headers);
        expect(answer.status, path).toBeGreaterThanOrEqual(400);
        expect(answer.status, path).toBeLessThan(500);
        expect(answer.body, path).not.toMatch(/"name": "inkproof"|root:x:0|"queue"|"concurrency"/);
      }
    }
  });

  it("gives one account nothing of another's, by any route", async () => {
    const alice = s.tokens.alice;
    const bob = s.tokens.bob;
    const events = eventLog(s, alice);
    await events.ready;
    const created = await api(s, 'POST', '/api/documents', {
      token: alice,
      body: { name: 'a.txt', text: humanText(1) },
    });
    expect(created.status).toBe(201);
    const id = created.body.document.id as number;
    await events.next((e) => e.event === 'document.analyzed' && e.data.document_id === id);
    await events.close();
    const started = await api(s, 'POST', `/api/documents/${id}/rewrites`, {
      token: alice,
      body: { scope: 'document' },
    });
    expect(started.status).toBe(202);
    const rewriteId = started.body.rewrite.id as number;
    const jobs = await api(s, 'GET', '/api/jobs', { token: alice });
    const jobId = jobs.body.jobs[0].id as number;

    const asBob = (method: string, path: string, body?: unknown) => api(s, method, path, { token: bob, body });
    const refused: [string, string, unknown?][] = [
      ['GET', `/api/documents/${id}`],
      ['GET', `/api/documents/${id}?version=1`],
      ['GET', `/api/documents/${id}/export?format=txt`],
      ['POST', `/api/documents/${id}/analyze`, {}],
      ['POST', `/api/documents/${id}/rewrites`, {}],
      ['POST', `/api/documents/${id}/samples`, { text: 'x' }],
      ['GET', `/api/rewrites/${rewriteId}`],
      ['POST', `/api/rewrites/${rewriteId}/apply`, { accepted_hunks: 'all' }],
      ['POST', `/api/jobs/${jobId}/cancel`, {}],
      ['POST', `/api/jobs/${jobId}/retry`, {}],
      ['GET', `/api/events?channel=private-documents.${id}&since=0`],
      ['GET', `/api/events?channel=private-rewrites.${rewriteId}&since=0`],
      ['GET', `/api/events?channel=private-library.${s.userIds.alice}&since=0`],
      ['GET', `/api/events?channel=private-queue.${s.userIds.alice}&since=0`],
      ['POST', '/api/commands/getDocument', { id }],
      ['POST', '/api/commands/exportDocument', { id, format: 'txt' }],
      ['POST', '/api/commands/getRewrite', { id: rewriteId }],
      ['DELETE', `/api/documents/${id}`],
    ];
    for (const [method, path, body] of refused) {
      const answer = await asBob(method, path, body);
      expect([403, 404], `${method} ${path}`).toContain(answer.status);
      expect(JSON.stringify(answer.body), `${method} ${path}`).not.toContain('a.txt');
    }
    for (const channel of [
      `private-documents.${id}`,
      `private-rewrites.${rewriteId}`,
      `private-library.${s.userIds.alice}`,
      `private-queue.${s.userIds.alice}`,
    ]) {
      const answer = await api(s, 'POST', '/broadcasting/auth', {
        token: bob,
        body: { socket_id: '1.2', channel_name: channel },
      });
      expect(answer.status, channel).toBe(403);
    }
    expect((await asBob('GET', '/api/documents')).body.documents).toEqual([]);
    expect((await asBob('GET', '/api/jobs')).body.jobs).toEqual([]);
    // Alice still has her document, untouched by Bob's attempts.
    expect((await api(s, 'GET', `/api/documents/${id}`, { token: alice })).status).toBe(200);
  });

  it('refuses forged and replayed channel signatures', async () => {
    const open = async (token: string) => {
      const socket = await TestSocket.open(`ws://127.0.0.1:${s.port}/app/inkproof?protocol=7&token=${token}`);
      return { socket, id: await socket.established() };
    };
    const alice = await open(s.tokens.alice);
    const bob = await open(s.tokens.bob);
    const channel = `private-library.${s.userIds.alice}`;
    const granted = await api(s, 'POST', '/broadcasting/auth', {
      token: s.tokens.alice,
      body: { socket_id: alice.id, channel_name: channel },
    });
    expect(granted.status).toBe(200);
    const attempt = async (auth: string) => {
      bob.socket.send({ event: 'pusher:subscribe', data: { channel, auth } });
      return bob.socket.next(
        (f) => (f.channel === channel && /subscription_(error|succeeded)/.test(f.event)) || f.event === 'pusher:error',
      );
    };
    // Alice's signature replayed on Bob's socket, one made with a guessed secret, garbage.
    for (const auth of [granted.body.auth, signChannel('inkproof', 'guessed', bob.id, channel), 'inkproof:00'])
      expect((await attempt(auth)).event).not.toBe('pusher_internal:subscription_succeeded');
    alice.socket.send({ event: 'pusher:subscribe', data: { channel, auth: granted.body.auth } });
    await alice.socket.next((f) => f.event === 'pusher_internal:subscription_succeeded');
    alice.socket.close();
    bob.socket.close();
  });
});
