/**
 * The main-process end of a window's event port. The preload sends `subscribe`/`unsubscribe`
 * over the MessagePort; each subscription is authorized with the same callbacks as the WebSocket
 * (routes/channels.php), replays from `since` and then stays live. Outgoing messages are batched:
 * everything that happens within one frame (16 ms) crosses the process boundary as one message.
 * Electron-free, so it is tested under Node with a plain MessageChannel.
 */
import type { SubscriptionMessage, Unsubscribe } from '../../src-shared/bridge';
import { CHANNEL_NAME_RE } from '../../src-shared/channels';
import type { DesktopCommand } from '../../src-shared/desktop';
import type { HubUser } from '../core/hub/authorizer';
import type { BroadcastHub } from '../core/hub/hub';
import { readableChannels } from '../core/hub/readable';

/** What the renderer sends over the port. */
export type PortRequest =
  { type: 'subscribe'; sid: number; channel: string; since: number | null } | { type: 'unsubscribe'; sid: number };

/** What the main process sends over the port. */
export type PortMessage =
  | { type: 'batch'; items: { sid: number; message: SubscriptionMessage }[] }
  | { type: 'denied'; sid: number; channel: string; reason: string }
  | { type: 'app'; command: DesktopCommand };

export interface PortLike {
  postMessage(message: PortMessage): void;
  close(): void;
}

export const FRAME_MS = 16;

export class PortSession {
  private readonly subs = new Map<number, Unsubscribe>();
  private queue: { sid: number; message: SubscriptionMessage }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** Messages and batches sent, for tests and debug logs. */
  readonly stats = { batches: 0, messages: 0 };

  constructor(
    private readonly hub: BroadcastHub,
    private readonly user: HubUser,
    private readonly port: PortLike,
    readonly connectionId: string,
    private readonly frameMs = FRAME_MS,
  ) {}

  /** Handles one request from the renderer; anything malformed is ignored. */
  handle(raw: unknown): void {
    if (this.closed || !raw || typeof raw !== 'object') return;
    const req = raw as Partial<PortRequest> & Record<string, unknown>;
    if (!Number.isSafeInteger(req.sid) || (req.sid as number) <= 0) return;
    const sid = req.sid as number;
    if (req.type === 'unsubscribe') {
      this.subs.get(sid)?.();
      this.subs.delete(sid);
      return;
    }
    if (req.type !== 'subscribe' || this.subs.has(sid)) return;
    const channel = req.channel;
    const since =
      req.since === null || req.since === undefined
        ? null
        : Number.isSafeInteger(req.since) && (req.since as number) >= 0
          ? (req.since as number)
          : null;
    if (channel === '*') {
      this.subs.set(
        sid,
        readableChannels(this.hub, this.user, (envelope) => this.push(sid, { type: 'event', envelope })),
      );
      return;
    }
    if (typeof channel !== 'string' || !CHANNEL_NAME_RE.test(channel)) {
      this.send({ type: 'denied', sid, channel: String(channel), reason: 'not a valid channel name' });
      return;
    }
    // Reserve the id while authorization runs, so an early unsubscribe wins.
    let cancelled = false;
    this.subs.set(sid, () => {
      cancelled = true;
    });
    void this.hub.authorizer.authorize(this.user, channel).then(
      (ok) => {
        if (cancelled || this.closed) return;
        if (!ok) {
          this.subs.delete(sid);
          this.send({ type: 'denied', sid, channel, reason: 'forbidden' });
          return;
        }
        this.subs.set(
          sid,
          this.hub.subscribe(channel, (message) => this.push(sid, message), { since, connectionId: this.connectionId }),
        );
      },
      () => {
        this.subs.delete(sid);
        this.send({ type: 'denied', sid, channel, reason: 'authorization failed' });
      },
    );
  }

  /** A menu action for the window. */
  command(command: DesktopCommand): void {
    this.send({ type: 'app', command });
  }

  get subscriptions(): number {
    return this.subs.size;
  }

  private push(sid: number, message: SubscriptionMessage): void {
    if (this.closed) return;
    this.queue.push({ sid, message });
    this.timer ??= setTimeout(() => this.flush(), this.frameMs);
  }

  /** Sends what is queued as one batch. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed || this.queue.length === 0) return;
    const items = this.queue;
    this.queue = [];
    this.stats.batches++;
    this.stats.messages += items.length;
    this.send({ type: 'batch', items });
  }

  private send(m: PortMessage): void {
    if (this.closed) return;
    try {
      this.port.postMessage(m);
    } catch {
      this.close();
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const u of this.subs.values()) u();
    this.subs.clear();
    try {
      this.port.close();
    } catch {
      /* already closed */
    }
  }
}
