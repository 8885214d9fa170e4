/**
 * Webhooks (docs/protocol.md): POST `{time_ms, events:[…]}` to each of an app's webhook URLs, with
 * `X-Pusher-Key` and `X-Pusher-Signature` (HMAC-SHA256 hex of the raw body with the app secret).
 * Events are batched briefly (like Pusher), and a delivery that fails (network error or non-2xx)
 * is retried with exponential backoff. The queue is bounded: a webhook receiver that is down for
 * long loses the oldest events rather than the server's memory.
 */
import type { Logger } from 'pino';
import type { PusherApp, WebhookTarget } from './apps';
import { hmacHex } from './signature';

export type WebhookEvent =
  | { name: 'channel_occupied' | 'channel_vacated'; channel: string }
  | { name: 'member_added' | 'member_removed'; channel: string; user_id: string }
  | { name: 'client_event'; channel: string; event: string; data: string; socket_id: string; user_id?: string }
  | { name: 'cache_miss'; channel: string };

export interface WebhookOptions {
  /** Events of the same moment go out in one request after this delay. */
  batchMs?: number;
  attempts?: number;
  /** First retry after this delay, doubling each time. */
  retryBaseMs?: number;
  timeoutMs?: number;
  maxQueued?: number;
  logger?: Logger;
  onDelivered?: (ok: boolean) => void;
}

export class WebhookSender {
  private pending: WebhookEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;
  private readonly batchMs: number;
  private readonly attempts: number;
  private readonly retryBaseMs: number;
  private readonly timeoutMs: number;
  private readonly maxQueued: number;
  readonly stats = { sent: 0, failed: 0, retried: 0, dropped: 0 };

  constructor(
    private readonly app: PusherApp,
    private readonly opts: WebhookOptions = {},
  ) {
    this.batchMs = opts.batchMs ?? 50;
    this.attempts = opts.attempts ?? 5;
    this.retryBaseMs = opts.retryBaseMs ?? 1000;
    this.timeoutMs = opts.timeoutMs ?? 5000;
    this.maxQueued = opts.maxQueued ?? 10_000;
  }

  get enabled(): boolean {
    return this.app.webhooks.length > 0;
  }

  wants(name: WebhookEvent['name']): boolean {
    return this.app.webhooks.some((w) => w.eventTypes === null || w.eventTypes.includes(name));
  }

  send(event: WebhookEvent): void {
    if (this.closed || !this.wants(event.name)) return;
    if (this.pending.length >= this.maxQueued) {
      this.pending.shift();
      this.stats.dropped++;
    }
    this.pending.push(event);
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.batchMs);
      this.timer.unref();
    }
  }

  private flush(): void {
    this.timer = null;
    const events = this.pending;
    this.pending = [];
    if (events.length === 0) return;
    for (const target of this.app.webhooks) {
      const mine = events.filter((e) => target.eventTypes === null || target.eventTypes.includes(e.name));
      if (mine.length > 0) void this.deliver(target, JSON.stringify({ time_ms: Date.now(), events: mine }), 1);
    }
  }

  private async deliver(target: WebhookTarget, body: string, attempt: number): Promise<void> {
    this.inFlight++;
    let ok = false;
    let problem = '';
    try {
      const res = await fetch(target.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-pusher-key': this.app.key,
          'x-pusher-signature': hmacHex(this.app.secret, body),
        },
        body,
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      ok = res.status >= 200 && res.status < 300;
      problem = `status ${res.status}`;
      await res.body?.cancel().catch(() => undefined);
    } catch (err) {
      problem = (err as Error).message;
    } finally {
      this.inFlight--;
    }
    this.opts.onDelivered?.(ok);
    if (ok) {
      this.stats.sent++;
      return;
    }
    if (this.closed || attempt >= this.attempts) {
      this.stats.failed++;
      this.opts.logger?.warn({ url: target.url, attempt, problem }, 'webhook not delivered; giving up');
      return;
    }
    this.stats.retried++;
    const delay = this.retryBaseMs * 2 ** (attempt - 1);
    this.opts.logger?.debug({ url: target.url, attempt, problem, delay }, 'webhook failed; retrying');
    const t = setTimeout(() => {
      this.timers.delete(t);
      void this.deliver(target, body, attempt + 1);
    }, delay);
    t.unref();
    this.timers.add(t);
  }

  /** Sends what is batched (one attempt) and stops retrying. */
  close(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.flush();
    }
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
