/**
 * Accounts: `inkproof user add|list|remove|token` on the data folder of a running server (which
 * sees new and revoked tokens on its next request), scrypt password hashes, login for a token,
 * per-user data behind each token, and login rate limiting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src-main/core/accounts/passwords';
import { runCli } from '../../helpers/server-process';
import { startSyncEnv, type SyncEnv } from './helpers/env';

describe('passwords', () => {
  it('are hashed with scrypt, salted, and verified in constant time', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsE', a)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1$1$1$$')).toBe(false);
    expect(await verifyPassword('x', null)).toBe(false);
  });
});

describe('accounts on a running server', () => {
  let env: SyncEnv;
  const get = (path: string, token?: string) =>
    fetch(env.base + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const post = (path: string, body: unknown, token?: string) =>
    fetch(env.base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    env = await startSyncEnv({ server: { loginAttemptsPerMinute: 6 } });
  });
  afterAll(async () => env.close());

  it('adds users, issues, lists and revokes tokens from the CLI while the server runs', async () => {
    const data = ['--data', env.dataDir];
    const added = await runCli(['user', 'add', 'carol', '--password-stdin', '--token', ...data], 'carol-password\n');
    expect(added.code).toBe(0);
    expect(added.stderr).toMatch(/Added user "carol"/);
    const token = added.stdout.trim();
    expect(token).toMatch(/^ink_[\w-]{43}$/);
    const me = await get('/api/auth/me', token);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { name: string } }).user.name).toBe('carol');

    const list = JSON.parse((await runCli(['user', 'list', '--json', ...data])).stdout) as {
      name: string;
      has_password: boolean;
      tokens: number;
    }[];
    expect(list.find((u) => u.name === 'carol')).toMatchObject({ has_password: true, tokens: 1 });
    expect(list.find((u) => u.name === 'local')).toBeDefined();
    const tokens = JSON.parse((await runCli(['user', 'token', 'carol', '--list', '--json', ...data])).stdout) as {
      id: number;
      name: string;
      revoked_at: string | null;
    }[];
    expect(tokens).toEqual([expect.objectContaining({ name: 'cli', revoked_at: null })]);
    expect(JSON.stringify(tokens)).not.toContain(token);

    expect((await runCli(['user', 'token', 'carol', '--revoke', String(tokens[0].id), ...data])).code).toBe(0);
    expect((await get('/api/auth/me', token)).status).toBe(401);

    expect((await runCli(['user', 'remove', 'local', ...data])).code).toBe(2);
    expect((await runCli(['user', 'remove', 'carol', ...data])).code).toBe(0);
    expect(env.server.accounts.find('carol')).toBeNull();
  }, 60_000);

  it('logs in with a password for a revocable token, and keeps each user to their own documents', async () => {
    await env.server.accounts.add('dave', 'dave-password');
    expect((await post('/api/auth/login', { name: 'dave', password: 'wrong-password' })).status).toBe(401);
    expect((await post('/api/auth/login', { name: 'nobody', password: 'whatever-pass' })).status).toBe(401);
    const login = await post('/api/auth/login', { name: 'dave', password: 'dave-password' });
    expect(login.status).toBe(200);
    const { token, user } = (await login.json()) as { token: string; user: { id: number; name: string } };
    expect(user.name).toBe('dave');

    const created = await post(
      '/api/documents',
      { name: 'dave.txt', text: 'Dave wrote this short note himself, on a rainy day.' },
      token,
    );
    expect(created.status).toBe(201);
    const id = ((await created.json()) as { document: { id: number } }).document.id;
    expect((await get(`/api/documents/${id}`, token)).status).toBe(200);
    expect((await get(`/api/documents/${id}`, env.users.alice.token)).status).toBe(404);
    const aliceList = (await (await get('/api/documents', env.users.alice.token)).json()) as {
      documents: { id: number }[];
    };
    expect(aliceList.documents.some((d) => d.id === id)).toBe(false);

    expect((await post('/api/auth/logout', {}, token)).status).toBe(200);
    expect((await get('/api/documents', token)).status).toBe(401);
  });

  it('limits login attempts per address', async () => {
    let limited = false;
    for (let i = 0; i < 10 && !limited; i++)
      limited = (await post('/api/auth/login', { name: 'dave', password: `guess-${i}-xx` })).status === 429;
    expect(limited).toBe(true);
  });
});
