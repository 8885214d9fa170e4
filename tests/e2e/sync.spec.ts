/**
 * Settings → Sync and the sync status in Chromium: the browser version's device (the worker's
 * `inkproof serve`) signs in to a second `inkproof serve` acting as the sync server, with an
 * account and password; the server lists the device's own token under the device's name; the
 * status bar says "Synced", then "Offline — changes are kept on this device" with a Retry when the
 * server stops (a document imported meanwhile shows "Waiting to sync"), and "Synced" again once
 * the server is back; signing out leaves the documents in place.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, ROOT, screenshot, test } from './fixtures';
import { longText } from './texts';

const BIN = path.join(ROOT, 'bin', 'inkproof.mjs');

function cli(args: string[], input = ''): string {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.status !== 0) throw new Error(`inkproof ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A sync server on `port` (0: any), resolving with its address once it serves. */
function startSyncServer(dir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--data', dir, '--port', String(port)], {
    env: { ...process.env, INKPROOF_THREADS: '1', INKPROOF_LOG_LEVEL: 'warn', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Inkproof is running at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.stderr!.on('data', (d) => (out += d));
    child.once('exit', (code) => reject(new Error(`the sync server exited (${code}):\n${out}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await gone;
}

test('signing in to a sync server, the status through an outage, and signing out', async ({ app: page, server }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-e2e-sync-'));
  cli(['user', 'add', 'alice', '--password-stdin', '--data', dir], 'a long password\n');
  let sync = await startSyncServer(dir, 0);
  const port = Number(new URL(sync.url).port);
  try {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const card = page.getByRole('region', { name: 'Sync' });
    const form = card.getByRole('form', { name: 'Sign in to a sync server' });
    await form.getByLabel('Server address').fill(sync.url);
    await form.getByLabel('This device’s name').fill('e2e-laptop');
    await form.getByLabel('Account', { exact: true }).fill('alice');
    await form.getByLabel('Password', { exact: true }).fill('a long password');
    await form.getByRole('button', { name: 'Sign in' }).click();

    const bar = page.locator('[data-sync-state]');
    await expect(bar).toHaveAttribute('data-sync-state', 'synced');
    await expect(bar).toHaveText(/Synced/);
    await expect(card.getByTestId('sync-summary')).toContainText(`alice at ${sync.url}, as “e2e-laptop”`);
    // The device signed in with its own token, named after it, which the server lists.
    const tokens = JSON.parse(cli(['user', 'token', 'alice', '--list', '--json', '--data', dir]));
    expect(tokens.map((t: { name: string }) => t.name)).toEqual(['e2e-laptop']);
    await screenshot(page, 'sync-settings');

    // The server goes away: the status says so, and changes wait on this device.
    await stop(sync.child);
    await expect(bar).toHaveAttribute('data-sync-state', 'offline', { timeout: 30_000 });
    await expect(bar).toContainText('Offline — changes are kept on this device');
    await server.command('importDocuments', { files: [{ name: 'while-offline.txt', text: longText(2) }] });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
    const row = page.getByRole('grid', { name: 'Documents' }).getByRole('row').filter({ hasText: 'while-offline.txt' });
    await expect(row.locator('[data-sync-badge]')).toHaveText('Waiting to sync');
    await expect(bar).toHaveAttribute('data-sync-state', 'offline');
    await screenshot(page, 'sync-offline');

    // Back, on the same address: Retry sends what waited.
    sync = await startSyncServer(dir, port);
    await bar.getByRole('button', { name: 'Retry' }).click();
    await expect(bar).toHaveAttribute('data-sync-state', 'synced', { timeout: 30_000 });
    await expect(row.locator('[data-sync-badge]')).toHaveText('Synced', { timeout: 30_000 });

    // Signing out: the server revokes the token; the documents stay here.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await card.getByRole('button', { name: 'Sign out' }).click();
    await expect(card.getByRole('form', { name: 'Sign in to a sync server' })).toBeVisible();
    await expect(page.locator('[data-sync-state]')).toHaveCount(0);
    const after = JSON.parse(cli(['user', 'token', 'alice', '--list', '--json', '--data', dir]));
    expect(after[0].revoked_at).not.toBeNull();
    const { documents } = await server.command('listDocuments', {});
    expect(documents.some((d: { name: string }) => d.name === 'while-offline.txt')).toBe(true);
  } finally {
    await server.command('disconnectSync').catch(() => undefined);
    await stop(sync.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
