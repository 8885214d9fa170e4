/** A minimal Pusher-protocol test client on `ws`: waits for frames instead of sleeping. */
import WebSocket from 'ws';

export interface Frame {
  event: string;
  channel?: string;
  data: unknown;
  seq?: number;
  ts?: number;
}

export class TestSocket {
  readonly frames: Frame[] = [];
  private waiters: { test: (f: Frame) => boolean; resolve: (f: Frame) => void; reject: (e: Error) => void }[] = [];
  socketId = '';
  closeCode: number | null = null;
  private closed: Promise<number>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const msg = JSON.parse(raw.toString()) as Frame;
      if (typeof msg.data === 'string') {
        try {
          msg.data = JSON.parse(msg.data);
        } catch {
          /* plain string data */
        }
      }
      this.frames.push(msg);
      for (const w of [...this.waiters]) {
        if (w.test(msg)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(msg);
        }
      }
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code) => {
        this.closeCode = code;
        for (const w of this.waiters.splice(0)) w.reject(new Error(`socket closed (${code}) while waiting`));
        resolve(code);
      }),
    );
  }

  static async open(url: string, headers: Record<string, string> = {}): Promise<TestSocket> {
    const ws = new WebSocket(url, { headers });
    const s = new TestSocket(ws);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) =>
        reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })),
      );
    });
    return s;
  }

  async established(): Promise<string> {
    const f = await this.next((m) => m.event === 'pusher:connection_established');
    this.socketId = (f.data as { socket_id: string }).socket_id;
    return this.socketId;
  }

  next(test: (f: Frame) => boolean, timeoutMs = 15_000): Promise<Frame> {
    const hit = this.frames.find(test);
    if (hit) {
      this.frames.splice(this.frames.indexOf(hit), 1);
      return Promise.resolve(hit);
    }
    return new Promise((resolve, reject) => {
      const w = {
        test,
        resolve: (f: Frame) => {
          clearTimeout(timer);
          this.frames.splice(this.frames.indexOf(f), 1);
          resolve(f);
        },
        reject,
      };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        reject(
          new Error(`no frame matched within ${timeoutMs} ms; got: ${JSON.stringify(this.frames).slice(0, 2000)}`),
        );
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  send(msg: unknown): void {
    this.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  }

  waitClosed(): Promise<number> {
    return this.closed;
  }

  close(): void {
    this.ws.close();
  }
}
