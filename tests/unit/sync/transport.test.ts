/**
 * How a device reads the sync server's failures: a 401 signs it out, a full or failing disk on the
 * server is said in this device's words (changes wait here), other 5xx and garbage are server
 * errors, and an unreachable server is a network failure. The server's own text is not shown for
 * those it did not mean for the user.
 */
import { describe, expect, it } from 'vitest';
import { SyncFailure, SyncTransport } from '../../../src-main/core/sync/transport';

function answering(status: number, body: string): SyncTransport {
  return new SyncTransport({
    serverUrl: 'http://sync.test',
    token: () => 'a-token',
    fetch: async () => new Response(body, { status, headers: { 'content-type': 'application/json' } }),
  });
}

async function failureOf(t: SyncTransport): Promise<SyncFailure> {
  const err = await t.hello().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(SyncFailure);
  return err as SyncFailure;
}

const errorBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });

describe('sync transport failures', () => {
  it("says that the server's disk is full, or cannot be written, as a server error", async () => {
    const full = await failureOf(answering(507, errorBody('storage_full', 'disk full on /srv/inkproof')));
    expect(full).toMatchObject({ kind: 'server', status: 507 });
    expect(full.message).toMatch(/sync server's disk is full.*kept on this device/);
    expect(full.message).not.toMatch(/srv/);
    const failing = await failureOf(answering(503, errorBody('storage_unavailable', 'EIO')));
    expect(failing).toMatchObject({ kind: 'server', status: 503 });
    expect(failing.message).toMatch(/cannot write its data right now/);
  });

  it('tells a refused token, other server errors and garbage apart', async () => {
    expect(await failureOf(answering(401, errorBody('unauthorized', 'Token revoked.')))).toMatchObject({
      kind: 'unauthorized',
    });
    const internal = await failureOf(answering(500, errorBody('internal', 'stack trace here')));
    expect(internal).toMatchObject({ kind: 'server', message: 'The sync server answered with an error (500).' });
    expect(await failureOf(answering(200, '{"account":'))).toMatchObject({ kind: 'server' });
    const down = new SyncTransport({
      serverUrl: 'http://sync.test',
      token: () => 'a-token',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(await failureOf(down)).toMatchObject({ kind: 'network', message: 'The sync server cannot be reached.' });
  });
});
