/** A second `inkproof serve` for the sync specs: the sync server the page's device signs in to. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './fixtures';

const BIN = path.join(ROOT, 'bin', 'inkproof.mjs');

export function cli(args: string[], input = ''): string {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.status !== 0) throw new Error(`inkproof ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A sync server on `port` (0: any), resolving with its address once it serves. */
export function startSyncServer(dir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
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

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await gone;
}
