/**
 * The server is the process a user starts: `kill PID` of `npm run serve` or `npx inkproof serve`
 * (npm's wrapper, which runs the command through `sh -c`) stops the server and frees its port.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { waitFor } from '../../helpers/wait';

const ROOT = path.resolve(__dirname, '../../..');
const started: ChildProcess[] = [];
const cleanups: (() => void)[] = [];

afterEach(() => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const c of cleanups.splice(0)) c();
});

function launch(cmd: string, args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(cmd, args, {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', INKPROOF_BROWSER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', () => {
      const m = /Inkproof is running at (http:\/\/[^/\s]+)\/\?token=/.exec(out);
      if (m) resolve({ child, url: m[1], output: () => out });
    });
    child.once('exit', (code) => reject(new Error(`${cmd} exited with ${code} before the server was ready:\n${out}`)));
  });
}

/** True once nothing accepts connections on the port any more (and we can listen on it ourselves). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '127.0.0.1', port }, () => server.close(() => resolve(true)));
  });
}

async function expectKillStopsServer(cmd: string, args: string[]): Promise<void> {
  const data = tempDir();
  cleanups.push(data.cleanup);
  const { child, url, output } = await launch(cmd, [...args, '--port', '0', '--data', data.dir, '--token', 'tok']);
  const port = Number(new URL(url).port);
  expect((await fetch(`${url}/up`)).status).toBe(200);
  expect(await portIsFree(port)).toBe(false);

  child.kill('SIGTERM');
  await waitFor(() => child.exitCode !== null || child.signalCode !== null, `${cmd} itself to exit:\n${output()}`);
  await waitFor(() => portIsFree(port), `the server behind ${cmd} to free port ${port}:\n${output()}`);
  await expect(fetch(`${url}/up`)).rejects.toThrow();
}

describe('kill PID stops the server behind npm', () => {
  it('npm run serve', async () => {
    await expectKillStopsServer('npm', ['run', '--silent', 'serve', '--']);
  }, 120_000);

  it('npx inkproof serve', async () => {
    await expectKillStopsServer('npx', ['--no-install', 'inkproof', 'serve']);
  }, 60_000);

  it('node bin/start.mjs --browser passes SIGTERM on and exits with the server', async () => {
    await expectKillStopsServer(process.execPath, [path.join(ROOT, 'bin', 'start.mjs'), '--browser']);
  }, 120_000);
});
