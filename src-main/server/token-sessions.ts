/**
 * Revoking a token closes what it opened: event streams (`/api/events/stream`) and sockets opened
 * or authorized with it. Tokens can be revoked by another process (`inkproof user token --revoke`
 * works on the data folder while the server runs), so the live tokens of open streams and sockets
 * are checked again every `intervalMs` (one indexed lookup per distinct token); a logout through
 * this server checks at once.
 */
import type { PusherSocketServer } from './pusher/socket-server';

export interface TokenSessionsOptions {
  /** Whether a token is still valid (known, not revoked, not expired). */
  isLive: (token: string) => boolean;
  sockets: PusherSocketServer;
  intervalMs?: number;
}

export class TokenSessions {
  private readonly streams = new Map<string, Set<() => void>>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly opts: TokenSessionsOptions) {
    this.timer = setInterval(() => this.sweep(), opts.intervalMs ?? 2000);
    this.timer.unref();
  }

  /** Registers an open stream; `close` ends it if its token is revoked. Returns its removal. */
  addStream(token: string, close: () => void): () => void {
    let set = this.streams.get(token);
    if (!set) this.streams.set(token, (set = new Set()));
    set.add(close);
    return () => {
      set.delete(close);
      if (set.size === 0 && this.streams.get(token) === set) this.streams.delete(token);
    };
  }

  /** Closes the streams and sockets of every token that is no longer live. */
  sweep(): void {
    const verdicts = new Map<string, boolean>();
    const isLive = (token: string): boolean => {
      let live = verdicts.get(token);
      if (live === undefined) verdicts.set(token, (live = this.opts.isLive(token)));
      return live;
    };
    for (const [token, closers] of [...this.streams]) {
      if (isLive(token)) continue;
      this.streams.delete(token);
      for (const close of closers) close();
    }
    this.opts.sockets.closeRevoked(isLive);
  }

  close(): void {
    clearInterval(this.timer);
  }
}
