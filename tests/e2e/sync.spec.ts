/**
 * Settings → Sync and the sync status in Chromium: the browser version's device (the worker's
 * `inkproof serve`) signs in to a second `inkproof serve` acting as the sync server, with an
 * account and password; the server lists the device's own token under the device's name; the
 * status bar says "Synced", then "Offline — changes are kept on this device" with a Retry when the
 * server stops (a document imported meanwhile shows "Waiting to sync"), and "Synced" again once
 * the server is back; signing out leaves the documents in place.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, screenshot, test } from './fixtures';
import { cli, startSyncServer, stop } from './sync-server';
import { longText } from './texts';

test('signing in to a sync server, the status through an outage, and signing out', async ({ app: page, server }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-e2e-sync-'));
  cli(['user', 'add', 'alice', '--password-stdin', '--data', dir], 'a long password\n');
  let sync = await startSyncServer(dir, 0);
  const port = Number(new URL(sync.url).port);
  try {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    const card = page.getByRole('region', { name: 'Sync' });
    const form = card.getByRole('form', { name: 'Sign in to a sync server' });
    await form.getByLabel('Sync server').fill(sync.url);
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

    // Back, on the same address: Retry sends what waited. The device also tries again on its own
    // (with backoff), and may reconnect first, taking the button away before the click lands:
    // retry while it is offline, until it is synced.
    sync = await startSyncServer(dir, port);
    const retry = bar.getByRole('button', { name: 'Retry' });
    await expect(async () => {
      const state = await bar.getAttribute('data-sync-state');
      if (state === 'offline' || state === 'error') await retry.click({ timeout: 2_000 });
      await expect(bar).toHaveAttribute('data-sync-state', 'synced', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
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
