/**
 * Real processes for the sync end-to-end tests: sync server processes (`inkproof serve`, optionally
 * `--redis`), and devices — each `inkproof serve --sync URL --sync-token T` on its own data folder,
 * driven through its HTTP command API like the browser version drives it. Waiting is event-driven:
 * a condition is checked again on every event of the device's event stream.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Truthy } from './devices';
import { exited, runCli, startServeProcess, type ServeProcess } from '../../../helpers/server-process';

/** What a condition resolves with: its value, once it is neither false nor empty. */

/** Short waits, so that faults and reconnections play out within a test's time. */
export const DEVICE_ENV = {
  INKPROOF_THREADS: '1',
  INKPROOF_LOG_LEVEL: 'warn',
  INKPROOF_SYNC_TIMEOUT_MS: '1500',
  INKPROOF_SYNC_BACKOFF_MS: '100',
  INKPROOF_SYNC_BACKOFF_MAX_MS: '800',
};

export async function cli(args: string[], stdin = ''): Promise<string> {
  const r = await runCli(args, stdin);
  if (r.code !== 0) throw new Error(`inkproof ${args.join(' ')} failed (${r.code}):\n${r.stderr}`);
  return r.stdout.trim();
}

export const portOf = (p: ServeProcess): number => Number(new URL(p.url).port);

export async function kill(p: ServeProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const gone = exited(p.child);
  p.child.kill(signal);
  await gone;
}

export class DeviceProcess {
  private constructor(
    readonly name: string,
    readonly dir: string,
    private readonly args: string[],
    public proc: ServeProcess,
  ) {}

  static async start(name: string, dir: string, serverUrl: string, token: string): Promise<DeviceProcess> {
    fs.mkdirSync(dir, { recursive: true });
    const args = ['--sync', serverUrl, '--sync-token', token, '--sync-device', name];
    return new DeviceProcess(name, dir, args, await startServeProcess(dir, args, DEVICE_ENV));
  }

  get child(): ChildProcess {
    return this.proc.child;
  }

  /** Starts the device again on its data folder (after a kill). */
  async restart(): Promise<void> {
    this.proc = await startServeProcess(this.dir, this.args, DEVICE_ENV);
  }

  async command<T = any>(name: string, args: unknown = {}): Promise<T> {
    const res = await fetch(`${this.proc.url}/api/commands/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.proc.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    const body = await res.json();
    if (!res.ok) throw new Error(`${this.name} ${name}: ${JSON.stringify(body)}`);
    return body as T;
  }

  async docs(): Promise<Map<string, any>> {
    const { documents } = await this.command<{ documents: any[] }>('listDocuments', { limit: 20000 });
    return new Map(documents.map((d) => [d.name, d]));
  }

  status(): Promise<any> {
    return this.command('getSyncStatus');
  }

  /** Resolves with the first truthy value of `check`, evaluated now and after each event of the device. */
  async until<T>(check: () => Promise<T>, what: string, timeoutMs = 60_000): Promise<Truthy<T>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    try {
      const first = await check();
      if (first) return first as Truthy<T>;
      const res = await fetch(`${this.proc.url}/api/events/stream?token=${encodeURIComponent(this.proc.token)}`, {
        signal: controller.signal,
      });
      const reader = res.body!.getReader();
      // Checked once more after subscribing: nothing that happened in between is missed.
      const again = await check();
      if (again) return again as Truthy<T>;
      const decoder = new TextDecoder();
      let pending = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`${this.name}: the event stream ended while waiting for ${what}`);
        pending += decoder.decode(value, { stream: true });
        if (!pending.includes('\n\n')) continue;
        pending = pending.slice(pending.lastIndexOf('\n\n') + 2);
        const v = await check();
        if (v) return v as Truthy<T>;
      }
    } catch (err) {
      if (controller.signal.aborted) throw new Error(`${this.name}: timed out waiting for ${what}`);
      throw err;
    } finally {
      clearTimeout(timer);
      controller.abort();
    }
  }

  /** Synced: nothing waiting, nothing failing. */
  synced(): Promise<any> {
    return this.until(async () => {
      const s = await this.status();
      return s.state === 'synced' && s.pending === 0 && s;
    }, 'synced');
  }

  async stop(): Promise<void> {
    await kill(this.proc, 'SIGTERM');
  }
}

/** Counts in a sync server's store, read from its database (read-only, beside the running server). */
export function serverRecords(dataDir: string): { kind: string; doc: string | null; vid: string | null }[] {
  const db = new Database(path.join(dataDir, 'inkproof.db'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT kind, doc, vid FROM sync_records ORDER BY library_id, seq').all() as {
      kind: string;
      doc: string | null;
      vid: string | null;
    }[];
  } finally {
    db.close();
  }
}

/** Nothing stored twice: one `document` record per import, one record per version. */
export function duplicatesIn(records: { kind: string; doc: string | null; vid: string | null }[]): string[] {
  const seen = new Set<string>();
  const dups: string[] = [];
  for (const r of records) {
    if (r.kind !== 'version') continue;
    const key = `${r.kind}:${r.vid}`;
    if (seen.has(key)) dups.push(key);
    seen.add(key);
  }
  return dups;
}
