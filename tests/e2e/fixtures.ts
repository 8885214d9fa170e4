/**
 * Playwright fixtures: each worker starts `inkproof serve` on a fresh temporary data folder and a
 * free port, reads the address from its first line, and stops it at the end. `api()` calls the
 * server's commands directly, to set up and to check the screen against the server's state.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface Server {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The address the server printed, with its token. */
  openUrl: string;
  token: string;
  dataDir: string;
  command<T = any>(name: string, args?: unknown): Promise<T>;
  /** Imports text files as the browser does, with a multipart upload (JSON imports stop at 4 MB). */
  upload(files: { name: string; text: string }[]): Promise<{ documents: any[]; errors: any[] }>;
  logs(): string;
}

export const ROOT = path.resolve(import.meta.dirname, '../..');

async function startServer(): Promise<{ server: Server; child: ChildProcess }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-e2e-'));
  const token = crypto.randomBytes(12).toString('hex');
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'inkproof.mjs'), 'serve', '--port', '0', '--data', dataDir, '--token', token],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        INKPROOF_THREADS: '1',
        INKPROOF_LOG_LEVEL: process.env.INKPROOF_LOG_LEVEL ?? 'warn',
        NO_COLOR: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const openUrl = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const m = /Inkproof is running at (\S+)/.exec(out);
      if (m) {
        child.stdout!.off('data', onData);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`inkproof serve exited (${code}) before it was ready:\n${out}`)));
  });
  const origin = new URL(openUrl).origin;
  const server: Server = {
    origin,
    openUrl,
    token,
    dataDir,
    logs: () => out,
    async command(name, args = {}) {
      const res = await fetch(`${origin}/api/commands/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`${name}: ${JSON.stringify(body)}`);
      return body;
    },
    async upload(files) {
      const form = new FormData();
      for (const f of files) form.append('file', new Blob([f.text], { type: 'text/plain' }), f.name);
      const res = await fetch(`${origin}/api/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`upload: ${JSON.stringify(body)}`);
      return 'document' in body ? { documents: [body.document], errors: [] } : body;
    },
  };
  return { server, child };
}

async function stopServer(child: ChildProcess, dataDir: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(t);
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export const test = base.extend<{ app: Page }, { server: Server }>({
  server: [
    async ({}, use) => {
      const { server, child } = await startServer();
      try {
        await use(server);
      } finally {
        await stopServer(child, server.dataDir);
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  /** The page, opened on the address the server printed, once the status bar says live. */
  app: async ({ page, server }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.openUrl);
    await expect(page.locator('[data-connection]')).toHaveAttribute('data-connection', 'live');
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** Screenshots of the views go to test-results/screens (not committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.join(ROOT, 'test-results', 'screens');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
}

/**
 * How long work on the server (an analysis, a revision) may take to show on a busy machine, where
 * jobs wait for a worker thread: for expectations that wait for the server, not the page.
 */
export const SERVER_WORK = { timeout: 60_000 };

/** Waits for a document to be analysed on the server. */
export async function waitAnalyzed(server: Server, id: number): Promise<any> {
  let doc: any;
  await expect
    .poll(async () => {
      doc = await server.command('getDocument', { id });
      return doc.status;
    }, SERVER_WORK)
    .toMatch(/analyzed|failed/);
  return doc;
}

/**
 * Waits until the server has no queued or running job: the worker's server is shared by the tests
 * it runs, and work an earlier test left behind must not finish inside a later one's window.
 */
export async function waitIdle(server: Server): Promise<void> {
  await expect
    .poll(async () => {
      const stats = await server.command('getQueueStats', {});
      return Object.values(stats.by_type as Record<string, { queued: number; processing: number }>).reduce(
        (n, t) => n + t.queued + t.processing,
        0,
      );
    }, SERVER_WORK)
    .toBe(0);
}

/** The library's score cell: the share judged AI and the rounded probability. */
export const LIBRARY_SCORE = /% AI text · AI probability (<1|>99|\d{1,2})%$/;

/** A probability as the interface rounds it: "88%", ">99%", "<1%". */
export function rounded(p: number): string {
  if (p >= 99.5) return '>99%';
  if (p < 0.5) return '<1%';
  return `${Math.round(p)}%`;
}

/** Runs axe-core (the npm package, injected into the page: no network) and returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the app's Content-Security-Policy allows no inline script.
  await page.evaluate(fs.readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return (result.violations as { id: string; impact: string; help: string; nodes: { target: string[] }[] }[])
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
}
