/**
 * Revoking a token closes what it opened — the live event stream and the socket — whether it is
 * revoked from the command line (another process) or by a logout through the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEventStream } from '../../helpers/event-stream';
import { exited, runCli, startServeProcess, type ServeProcess } from '../../helpers/server-process';
import { TestSocket } from '../../helpers/socket';
import { tempDir } from '../../helpers/temp';

const data = tempDir();
let server: ServeProcess;

async function tokenFor(name: string): Promise<string> {
  const r = await runCli(['user', 'token', name, '--data', data.dir]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
}

beforeAll(async () => {
  expect((await runCli(['user', 'add', 'carol', '--data', data.dir])).code).toBe(0);
  server = await startServeProcess(data.dir);
});

afterAll(async () => {
  server.child.kill('SIGTERM');
  await exited(server.child);
  data.cleanup();
});

async function openBoth(token: string) {
  const stream = await readEventStream(server.url, token);
  const ws = await TestSocket.open(`${server.url.replace('http', 'ws')}/app/inkproof?protocol=7&token=${token}`);
  const socketId = await ws.established();
  // A private channel authorized over HTTP with the same token.
  const auth = await fetch(`${server.url}/broadcasting/auth`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ socket_id: socketId, channel_name: 'private-queue.2' }),
  });
  expect(auth.status).toBe(200);
  ws.send({
    event: 'pusher:subscribe',
    data: { channel: 'private-queue.2', auth: ((await auth.json()) as { auth: string }).auth },
  });
  await ws.next((f) => f.event === 'pusher_internal:subscription_succeeded');
  return { stream, ws };
}

describe('revoking a token', () => {
  it('from the command line closes its event stream and its socket', async () => {
    const token = await tokenFor('carol');
    const other = await openBoth(await tokenFor('carol'));
    const { stream, ws } = await openBoth(token);
    const r = await runCli(['user', 'token', 'carol', '--revoke', token.slice(0, 10), '--data', data.dir]);
    expect(r.code, r.stderr).toBe(0);
    await stream.ended;
    expect(await ws.waitClosed()).toBe(4009);
    // The account's other token keeps its stream and socket.
    expect(other.ws.closeCode).toBeNull();
    expect((await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
      401,
    );
    other.stream.close();
    other.ws.close();
  });

  it('by logging out closes them at once', async () => {
    const token = await tokenFor('carol');
    const { stream, ws } = await openBoth(token);
    const out = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await out.json()) as { revoked: boolean }).revoked).toBe(true);
    await stream.ended;
    expect(await ws.waitClosed()).toBe(4009);
  });
});
