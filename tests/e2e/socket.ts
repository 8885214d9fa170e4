/**
 * A test-side proxy for the page's WebSocket (Playwright's routeWebSocket): it records every frame
 * both ways, can hold back server frames and release them one at a time (to watch the screen
 * follow each live event), and can drop the connection and refuse new ones for a while (to test
 * reconnecting, polling and replay). The app itself is unchanged.
 */
import type { Page, WebSocketRoute } from '@playwright/test';

export interface Frame {
  event: string;
  channel?: string;
  data?: any;
  seq?: number;
}

const parse = (m: string | Buffer): Frame => {
  try {
    const f = JSON.parse(String(m)) as Frame;
    if (typeof f.data === 'string') {
      try {
        f.data = JSON.parse(f.data);
      } catch {
        /* keep the string */
      }
    }
    return f;
  } catch {
    return { event: '(unparsable)' };
  }
};

export class SocketGate {
  /** Frames the server sent, in order, whether or not they reached the page. */
  readonly fromServer: Frame[] = [];
  /** Frames the server sent that reached the page. */
  readonly toPage: Frame[] = [];
  /** Frames the page sent. */
  readonly fromPage: Frame[] = [];
  /** Connections opened (including refused ones). */
  connections = 0;
  refused = 0;
  /** Server frames matching this are held back until released. */
  hold: (f: Frame) => boolean = () => false;
  private held: { raw: string; frame: Frame }[] = [];
  private current: { ws: WebSocketRoute; server: WebSocketRoute } | null = null;
  blocked = false;

  static async install(page: Page): Promise<SocketGate> {
    const gate = new SocketGate();
    await page.routeWebSocket(/\/app\//, (ws) => gate.accept(ws));
    return gate;
  }

  private accept(ws: WebSocketRoute): void {
    this.connections++;
    if (this.blocked) {
      this.refused++;
      void ws.close({ code: 4200, reason: 'refused by the test' });
      return;
    }
    const server = ws.connectToServer();
    const conn = { ws, server };
    this.current = conn;
    ws.onMessage((m) => {
      this.fromPage.push(parse(m));
      server.send(m);
    });
    server.onMessage((m) => {
      const frame = parse(m);
      this.fromServer.push(frame);
      if (this.current !== conn) return;
      if (this.hold(frame)) this.held.push({ raw: String(m), frame });
      else {
        this.toPage.push(frame);
        ws.send(m);
      }
    });
    server.onClose(() => {
      if (this.current === conn) void ws.close();
    });
    ws.onClose(() => {
      if (this.current === conn) void server.close();
    });
  }

  get heldCount(): number {
    return this.held.length;
  }

  heldFrames(): Frame[] {
    return this.held.map((h) => h.frame);
  }

  /** Sends the oldest held frame on to the page. */
  releaseNext(): Frame | null {
    const h = this.held.shift();
    if (!h || !this.current) return null;
    this.toPage.push(h.frame);
    this.current.ws.send(h.raw);
    return h.frame;
  }

  releaseAll(): void {
    while (this.releaseNext());
  }

  /** Cuts the connection as a network failure would: held frames are lost, new connections refused until allow(). */
  async drop(): Promise<void> {
    this.blocked = true;
    this.held = [];
    const c = this.current;
    this.current = null;
    if (c) {
      await c.server.close().catch(() => {});
      await c.ws.close({ code: 4200, reason: 'connection lost (test)' }).catch(() => {});
    }
  }

  allow(): void {
    this.blocked = false;
  }

  /** The channel subscriptions the page asked for, with their `since`. */
  subscriptions(): { channel: string; since?: number }[] {
    return this.fromPage
      .filter((f) => f.event === 'pusher:subscribe')
      .map((f) => f.data as { channel: string; since?: number });
  }
}
