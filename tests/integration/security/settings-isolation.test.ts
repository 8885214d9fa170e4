/**
 * Settings per account and per machine, against a real `inkproof serve`: an account's settings are
 * its own; the local model and the limits' ceiling change only for the owner (the server's token,
 * the CLI) or an admin account; the model's address is loopback unless allowed; an account's limit
 * can only be lowered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, runCli, startServeProcess, type ServeProcess } from '../../helpers/server-process';
import { tempDir } from '../../helpers/temp';
import { humanText } from '../../helpers/texts';

const data = tempDir();
let server: ServeProcess;
let alice: string;
let bob: string;
let boss: string;

async function addUser(name: string, admin = false): Promise<string> {
  const r = await runCli(['user', 'add', name, '--token', '--data', data.dir, ...(admin ? ['--admin'] : [])]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.trim();
}

const call = async (token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};
const settingsOf = async (token: string) => (await call(token, 'GET', '/api/settings')).body;

beforeAll(async () => {
  alice = await addUser('alice');
  bob = await addUser('bob');
  boss = await addUser('boss', true);
  server = await startServeProcess(data.dir);
});

afterAll(async () => {
  server.child.kill('SIGTERM');
  await exited(server.child);
  data.cleanup();
});

describe('settings of one account', () => {
  it('are its own: no other account sees or changes them', async () => {
    const saved = await call(alice, 'PATCH', '/api/settings', {
      revision: { strength: 3, engine: 'llm' },
      frozen_terms: ['Project Falcon'],
      theme: 'dark',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: { strength: 3 }, frozen_terms: ['Project Falcon'], theme: 'dark' });
    for (const other of [bob, boss, server.token]) {
      const s = await settingsOf(other);
      expect(s.revision).toMatchObject({ strength: 2, engine: 'rules' });
      expect(s.frozen_terms).toEqual([]);
      expect(s.theme).toBe('system');
    }
    expect((await settingsOf(alice)).frozen_terms).toEqual(['Project Falcon']);
  });

  it('can lower its own import limit but not raise it past the machine ceiling', async () => {
    const ceiling = (await settingsOf(bob)).machine_limits.max_file_bytes as number;
    const raised = await call(bob, 'PATCH', '/api/settings', { limits: { max_file_bytes: ceiling * 4 } });
    expect(raised.status).toBe(422);
    expect(JSON.stringify(raised.body)).toMatch(/only be lowered/);
    expect((await call(bob, 'PATCH', '/api/settings', { limits: { max_file_bytes: 2048 } })).status).toBe(200);
    const text = humanText(8).slice(0, 4000);
    const refused = await call(bob, 'POST', '/api/documents', { name: 'big.txt', text });
    expect(refused.status).toBe(413);
    // The same file is fine for an account that did not lower its limit.
    expect((await call(alice, 'POST', '/api/documents', { name: 'big.txt', text })).status).toBe(201);
  });
});

describe('settings of the machine', () => {
  it('cannot be changed by an account that is not an admin', async () => {
    const before = await settingsOf(server.token);
    expect((await settingsOf(alice)).can_change_machine).toBe(false);
    for (const patch of [
      { llm: { url: 'http://127.0.0.1:9/steal' } },
      { llm: { allowed_hosts: ['attacker.example'] } },
      { machine_limits: { max_file_bytes: 1024 * 1024 * 1024 } },
    ]) {
      const r = await call(alice, 'PATCH', '/api/settings', patch);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    const after = await settingsOf(server.token);
    expect(after.llm).toEqual(before.llm);
    expect(after.machine_limits).toEqual(before.machine_limits);
  });

  it('is changed by the owner or an admin, with the model kept on loopback unless a host is allowed', async () => {
    expect((await settingsOf(boss)).can_change_machine).toBe(true);
    expect((await settingsOf(server.token)).can_change_machine).toBe(true);
    for (const url of [
      'http://10.0.0.7:8080',
      'http://169.254.169.254/',
      'http://127.0.0.1.evil.example/',
      'file:///etc/passwd',
    ]) {
      const r = await call(boss, 'PATCH', '/api/settings', { llm: { url } });
      expect(r.status, url).toBe(422);
      expect(r.body.error.issues[0].path).toBe('llm.url');
    }
    const ok = await call(boss, 'PATCH', '/api/settings', {
      llm: { url: 'http://gpu-box.lan:8080', allowed_hosts: ['gpu-box.lan'], model: 'm' },
    });
    expect(ok.status).toBe(200);
    // Every account revises with the machine's model; none chose it.
    expect((await settingsOf(alice)).llm).toMatchObject({ url: 'http://gpu-box.lan:8080', model: 'm' });
    expect((await call(server.token, 'PATCH', '/api/settings', { llm: { url: 'http://127.0.0.1:8081' } })).status).toBe(
      200,
    );
  });

  it('is changed from the command line while the server runs, validated the same way', async () => {
    const bad = await runCli(['settings', 'set', 'llm.url', 'http://10.1.2.3:8080', '--data', data.dir]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/this machine/);
    const good = await runCli(['settings', 'set', 'max_file_bytes', '3000000', '--data', data.dir]);
    expect(good.code, good.stderr).toBe(0);
    expect((await settingsOf(alice)).machine_limits.max_file_bytes).toBe(3_000_000);
    // Alice never lowered hers: she gets the new ceiling.
    expect((await settingsOf(alice)).limits.max_file_bytes).toBe(3_000_000);
  });
});
