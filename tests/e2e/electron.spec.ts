/**
 * The desktop app itself, through Playwright's Electron driver: the window's security settings,
 * the preload's surface, IPC sender validation, and an import by path. These need the Electron
 * binary (downloaded by `npm install` where GitHub is reachable), a display, and the Electron build
 * of better-sqlite3 (`npm run rebuild:electron`); where any is missing they skip, saying which.
 * The same UI flows run in Chromium against `inkproof serve` in the other specs.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { ROOT } from './fixtures';
import { cli, startSyncServer, stop } from './sync-server';
import { mixedText } from './texts';

function electronBinary(): string | null {
  try {
    const rel = fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'path.txt'), 'utf8').trim();
    const full = path.join(ROOT, 'node_modules', 'electron', 'dist', rel);
    return fs.existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

function electronAbi(): string | null {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'))
      .version as string;
    // node-abi is a dependency of prebuild-install (better-sqlite3's).
    const { getAbi } = createRequire(path.join(ROOT, 'package.json'))('node-abi') as {
      getAbi(v: string, runtime: string): string;
    };
    return getAbi(v, 'electron');
  } catch {
    return null;
  }
}

const binary = electronBinary();
const abi = electronAbi();
const nativeBuilt =
  abi !== null &&
  fs.existsSync(
    path.join(
      ROOT,
      'native',
      'better-sqlite3',
      `electron-v${abi}-${process.platform}-${process.arch}`,
      'better_sqlite3.node',
    ),
  );
const display = process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].every((f) =>
  fs.existsSync(path.join(ROOT, f)),
);
const reason = !binary
  ? 'the Electron binary is not installed (node_modules/electron/dist is missing: it is downloaded from GitHub, which cannot be reached here)'
  : !display
    ? 'there is no display (DISPLAY/WAYLAND_DISPLAY unset; run the tests under xvfb-run)'
    : !nativeBuilt
      ? 'better-sqlite3 has no Electron build yet (run npm run rebuild:electron)'
      : !built
        ? 'the app is not built (npm run build)'
        : null;

test.describe('desktop app (Electron)', () => {
  test.skip(reason !== null, `Electron-only: ${reason}`);
  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-electron-'));
    app = await electron.launch({
      executablePath: binary!,
      args: [ROOT],
      cwd: ROOT,
      env: { ...process.env, INKPROOF_DATA: dataDir, INKPROOF_THREADS: '1' },
    });
    page = await app.firstWindow();
    await expect(page.locator('[data-connection]')).toHaveAttribute('data-connection', 'live');
  });

  test.afterAll(async () => {
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the window is isolated, sandboxed, without Node, with a strict CSP, and cannot navigate away', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // Not in the type definitions, but present on webContents.
      const wc = BrowserWindow.getAllWindows()[0].webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown>;
      };
      const p = wc.getLastWebPreferences();
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        webviewTag: p.webviewTag,
        webSecurity: p.webSecurity,
      };
    });
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    });
    expect(page.url()).toMatch(/^inkproof:\/\/app\//);
    const csp = await page.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')));
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(await page.evaluate(() => window.open('https://example.com/'))).toBeNull();
    await page.evaluate(() => {
      location.href = 'https://example.com/';
    });
    expect(page.url()).toMatch(/^inkproof:\/\/app\//);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('the preload exposes only the Bridge; each subscription returns its unsubscribe', async () => {
    const surface = await page.evaluate(() => {
      const api = (window as unknown as { inkproof: Record<string, unknown> }).inkproof;
      const unsubscribe = (api.subscribe as (c: string, s: null, cb: () => void) => unknown)(
        'private-library.1',
        null,
        () => {},
      );
      const type = typeof unsubscribe;
      (unsubscribe as () => void)();
      return {
        keys: Object.keys(api).sort(),
        unsubscribe: type,
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        globals: Object.keys(window).filter((k) => /ipc|electron|node/i.test(k)),
      };
    });
    expect(surface).toEqual({
      keys: ['invoke', 'kind', 'onAppCommand', 'onConnection', 'pathForFile', 'platform', 'saveFile', 'subscribe'],
      unsubscribe: 'function',
      require: 'undefined',
      process: 'undefined',
      globals: [],
    });
  });

  test('IPC from anything but the app window is refused', async () => {
    const preload = path.join(ROOT, 'out', 'preload', 'index.cjs');
    const outcome = await app.evaluate(async ({ BrowserWindow }, preloadFile) => {
      const w = new BrowserWindow({
        show: false,
        webPreferences: { preload: preloadFile, sandbox: true, contextIsolation: true },
      });
      await w.loadURL('data:text/html,<p>not the app</p>');
      const r = await w.webContents.executeJavaScript('window.inkproof.invoke("listDocuments", {})');
      w.destroy();
      return r;
    }, preload);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The app's own window is served.
    const own = await page.evaluate(() =>
      (window as unknown as { inkproof: { invoke(c: string, a: unknown): Promise<{ ok: boolean }> } }).inkproof.invoke(
        'listDocuments',
        {},
      ),
    );
    expect(own.ok).toBe(true);
  });

  test('a picked file is imported by its path and analysed live', async () => {
    const file = path.join(dataDir, 'from-disk.txt');
    fs.writeFileSync(file, mixedText(2, 'disk'));
    await page.locator('#file-input').setInputFiles(file);
    const row = page.getByRole('grid', { name: 'Documents' }).getByRole('row').filter({ hasText: 'from-disk.txt' });
    await expect(row.getByTestId('score')).toHaveText(/^\d{1,3}\.\d%$/, { timeout: 30_000 });
    const recent = JSON.parse(fs.readFileSync(path.join(dataDir, 'recent.json'), 'utf8'));
    expect(recent).toEqual([file]);
  });

  test('keeps the sync token with safeStorage: encrypted on disk, never readable', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-electron-sync-'));
    cli(['user', 'add', 'alice', '--password-stdin', '--data', dir], 'a long password\n');
    const sync = await startSyncServer(dir, 0);
    try {
      const outcome = await page.evaluate(
        (url) =>
          (
            window as unknown as { inkproof: { invoke(c: string, a: unknown): Promise<{ ok: boolean; value: any }> } }
          ).inkproof.invoke('connectSync', {
            server_url: url,
            device_name: 'electron-test',
            credentials: { name: 'alice', password: 'a long password' },
          }),
        sync.url,
      );
      expect(outcome.ok).toBe(true);
      const encrypted = await app.evaluate(({ safeStorage }) => safeStorage.isEncryptionAvailable());
      const file = path.join(dataDir, 'sync-token.enc');
      const tokens = JSON.parse(cli(['user', 'token', 'alice', '--list', '--json', '--data', dir]));
      expect(tokens.map((t: { name: string }) => t.name)).toEqual(['electron-test']);
      if (encrypted) {
        expect(outcome.value.token_kept).toMatch(/keychain/);
        expect(fs.readFileSync(file).toString('latin1')).not.toMatch(/ink_/);
      } else {
        expect(outcome.value.token_kept).toMatch(/in memory/);
        expect(fs.existsSync(file)).toBe(false);
      }
      expect(fs.existsSync(path.join(dataDir, 'sync-token'))).toBe(false);
    } finally {
      await stop(sync.child);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
