/** Starts `inkproof serve` as a real child process and waits until it prints its address. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(__dirname, '../../bin/inkproof.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `inkproof ARGS…` to completion with `stdin` as its input. */
export function runCli(args: string[], stdin = '', env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  token: string;
  stderr: () => string;
}

export function startServeProcess(
  dataDir: string,
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<ServeProcess> {
  const token = 'test-token-' + Math.random().toString(36).slice(2);
  const child = spawn(
    process.execPath,
    [BIN, 'serve', '--port', '0', '--data', dataDir, '--token', token, ...extraArgs],
    {
      env: { ...process.env, NO_COLOR: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Inkproof is running at (http:\/\/[^/\s]+)\/\?token=/.exec(out);
      if (m) resolve({ child, url: m[1], token, stderr: () => err });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before it was ready:\n${err}`)));
  });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
