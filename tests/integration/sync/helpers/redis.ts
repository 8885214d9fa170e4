/**
 * A real redis-server for the scale-out tests, started by the test on a free port (and restarted
 * on the same port when a test needs Redis to go away and come back). Without the binary the tests
 * that need it are skipped with that reason printed — `.ci/run` installs it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export function redisMissing(): string | null {
  const r = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    const reason = 'skipped: the redis-server binary is not installed (apt-get install redis-server; .ci/run does it)';
    console.warn(reason);
    return reason;
  }
  return null;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export class RedisProcess {
  private child: ChildProcess | null = null;

  private constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<RedisProcess> {
    const r = new RedisProcess(await freePort());
    await r.startProcess();
    return r;
  }

  /** Starts redis-server and resolves when it accepts connections. No persistence: a restart loses everything. */
  async startProcess(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--loglevel', 'notice'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (d) => {
        out += d;
        if (/Ready to accept connections/.test(out)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}:\n${out}`)));
    });
  }

  /** Stops redis-server (SIGKILL: as abrupt as a crash) and resolves when it is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGKILL');
    await gone;
    this.child = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    // The port may linger for a moment after a kill: retry until it binds.
    for (let i = 0; ; i++) {
      try {
        await this.startProcess();
        return;
      } catch (err) {
        if (i > 50) throw err;
        await new Promise((r) => setImmediate(r));
      }
    }
  }
}
