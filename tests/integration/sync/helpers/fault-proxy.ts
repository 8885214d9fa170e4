/**
 * The network between a device and its sync server, with faults on demand: a proxy that forwards
 * HTTP and WebSocket traffic to a server process and can
 *
 * - go `down()` (every connection cut, new ones refused: the device is offline) and `up()` again;
 * - answer the next matching requests badly: `500` (without forwarding), or after forwarding (so
 *   the server did the work) with `garbage`, a `truncated` body, a `slow` answer (later than the
 *   device waits), or no answer at all (`hang`, until the connection is cut);
 * - forward to another server process (`setTarget`), as a load balancer would after a restart.
 *
 * Every finished exchange is announced (`exchange`), so tests wait for events, not for time.
 */
import { EventEmitter } from 'node:events';
import http from 'node:http';
import net from 'node:net';

export type Fault = '500' | 'garbage' | 'truncate' | 'slow' | 'hang';

export interface Exchange {
  method: string;
  path: string;
  status: number | null;
  fault: Fault | null;
}

export class FaultProxy extends EventEmitter {
  private target: number;
  private readonly server: http.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly faults: { path: RegExp; fault: Fault }[] = [];
  private isDown = false;
  port = 0;
  readonly exchanges: Exchange[] = [];

  constructor(
    target: number,
    private readonly slowMs = 3000,
  ) {
    super();
    this.target = target;
    this.server = http.createServer((req, res) => void this.forward(req, res));
    this.server.on('connection', (s) => {
      if (this.isDown) {
        s.destroy();
        return;
      }
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.on('upgrade', (req, socket, head) => this.tunnel(req, socket as net.Socket, head));
  }

  async listen(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  setTarget(port: number): void {
    this.target = port;
  }

  /** Cuts every connection and refuses new ones. */
  down(): void {
    this.isDown = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  up(): void {
    this.isDown = false;
  }

  /** The next requests whose path matches get these faults, one each, in order. */
  inject(path: RegExp, ...faults: Fault[]): void {
    for (const fault of faults) this.faults.push({ path, fault });
  }

  /** Faults not used yet. */
  get pendingFaults(): number {
    return this.faults.length;
  }

  /** Resolves with the first exchange (from now on) that `test` accepts. */
  next(test: (e: Exchange) => boolean, what: string, timeoutMs = 30_000): Promise<Exchange> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('exchange', on);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const on = (e: Exchange) => {
        if (!test(e)) return;
        clearTimeout(timer);
        this.off('exchange', on);
        resolve(e);
      };
      this.on('exchange', on);
    });
  }

  async close(): Promise<void> {
    this.down();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private takeFault(path: string): Fault | null {
    const i = this.faults.findIndex((f) => f.path.test(path));
    if (i < 0) return null;
    return this.faults.splice(i, 1)[0].fault;
  }

  private done(e: Exchange): void {
    this.exchanges.push(e);
    this.emit('exchange', e);
  }

  private async forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    const method = req.method ?? 'GET';
    const fault = this.takeFault(path);
    const body = await readAll(req);
    if (fault === '500') {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"internal","message":"injected failure"}}');
      this.done({ method, path, status: 500, fault });
      return;
    }
    let upstream: { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
    try {
      upstream = await this.request(req, body);
    } catch {
      // The server is not there: to the device this is a dead connection.
      req.socket.destroy();
      this.done({ method, path, status: null, fault });
      return;
    }
    const headers = { ...upstream.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    headers['content-length'] = String(upstream.body.length);
    switch (fault) {
      case 'garbage':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"receipts": [ <html>503 Service Temporarily Unavailable</html>');
        break;
      case 'truncate':
        res.writeHead(upstream.status, headers);
        res.write(upstream.body.subarray(0, Math.floor(upstream.body.length / 2)));
        res.socket?.destroy();
        break;
      case 'hang':
        // Forwarded, never answered: the device waits until its timeout or its death.
        this.done({ method, path, status: upstream.status, fault });
        return;
      case 'slow':
        await new Promise((r) => setTimeout(r, this.slowMs));
        if (!res.socket || res.socket.destroyed) break;
        res.writeHead(upstream.status, headers);
        res.end(upstream.body);
        break;
      default:
        res.writeHead(upstream.status, headers);
        res.end(upstream.body);
    }
    this.done({ method, path, status: upstream.status, fault });
  }

  /**
   * The Host the server is asked for, as a reverse proxy sends it (nginx's default): the server
   * accepts only its own host and port unless told of others (`--allowed-hosts`).
   */
  private get upstreamHost(): string {
    return `127.0.0.1:${this.target}`;
  }

  private request(
    req: http.IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const up = http.request(
        {
          host: '127.0.0.1',
          port: this.target,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: this.upstreamHost },
        },
        (r) => {
          readAll(r).then((b) => resolve({ status: r.statusCode ?? 502, headers: r.headers, body: b }), reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });
  }

  private tunnel(req: http.IncomingMessage, socket: net.Socket, head: Buffer): void {
    if (this.isDown) {
      socket.destroy();
      return;
    }
    const upstream = net.connect(this.target, '127.0.0.1');
    this.sockets.add(socket).add(upstream);
    const end = () => {
      socket.destroy();
      upstream.destroy();
      this.sockets.delete(socket);
      this.sockets.delete(upstream);
    };
    socket.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    upstream.on('connect', () => {
      let head0 = `${req.method} ${req.url} HTTP/1.1\r\n`;
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const value = req.rawHeaders[i].toLowerCase() === 'host' ? this.upstreamHost : req.rawHeaders[i + 1];
        head0 += `${req.rawHeaders[i]}: ${value}\r\n`;
      }
      upstream.write(head0 + '\r\n');
      if (head.length) upstream.write(head);
      socket.pipe(upstream);
      upstream.pipe(socket);
    });
  }
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
