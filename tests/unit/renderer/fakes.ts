/** Test doubles: a Bridge with an in-memory event log that can lose and regain its connection, and a hand-driven frame clock. */
import type { Bridge, ConnectionState, SubscriptionMessage } from '../../../src-shared/bridge';
import type { CommandArgs, CommandName, CommandResult } from '../../../src-shared/commands';
import type { Envelope } from '../../../src-shared/events';
import { vi } from 'vitest';
import type { AppBridge } from '../../../src-renderer/bridge/types';
import type { FrameClock } from '../../../src-renderer/live/frame';

interface Sub {
  channel: string;
  cb: (m: SubscriptionMessage) => void;
  lastSeq: number | null;
  active: boolean;
}

export class FakeBridge implements Bridge {
  readonly logs = new Map<string, Envelope[]>();
  /** Channels whose history before this seq is gone (replay answers resync). */
  readonly prunedBefore = new Map<string, number>();
  readonly subs = new Set<Sub>();
  readonly subscribeCalls: { channel: string; since: number | null }[] = [];
  readonly invoked: { command: string; args: unknown }[] = [];
  handlers: Partial<Record<CommandName, (args: unknown) => unknown>> = {};
  private listeners = new Set<(s: ConnectionState) => void>();
  state: ConnectionState = 'live';
  up = true;

  invoke<C extends CommandName>(command: C, args: CommandArgs<C>): Promise<CommandResult<C>> {
    this.invoked.push({ command, args });
    const h = this.handlers[command];
    return h ? Promise.resolve(h(args) as CommandResult<C>) : Promise.reject(new Error(`no handler for ${command}`));
  }

  publish(channel: string, event: string, data: unknown): Envelope {
    const log = this.logs.get(channel) ?? [];
    this.logs.set(channel, log);
    const env: Envelope = { channel, event, data, seq: (log.at(-1)?.seq ?? 0) + 1, ts: Date.now() };
    log.push(env);
    if (this.up) for (const s of [...this.subs]) if (s.active && s.channel === channel) this.deliver(s, env);
    return env;
  }

  /** Sends the same envelope again, as a flaky transport might. */
  redeliver(env: Envelope): void {
    for (const s of [...this.subs]) if (s.active && s.channel === env.channel) s.cb({ type: 'event', envelope: env });
  }

  private deliver(s: Sub, env: Envelope): void {
    if (s.lastSeq !== null && env.seq <= s.lastSeq) return;
    s.lastSeq = env.seq;
    s.cb({ type: 'event', envelope: env });
  }

  private replay(s: Sub, since: number): void {
    const log = this.logs.get(s.channel) ?? [];
    const pruned = this.prunedBefore.get(s.channel) ?? 0;
    const last = log.at(-1)?.seq ?? 0;
    if (since < last && pruned > since + 1) {
      s.lastSeq = last;
      s.cb({ type: 'resync', channel: s.channel, last_seq: last });
      return;
    }
    for (const env of log) if (env.seq > since) this.deliver(s, env);
  }

  subscribe(channel: string, sinceSeq: number | null, onMessage: (message: SubscriptionMessage) => void): () => void {
    this.subscribeCalls.push({ channel, since: sinceSeq });
    const s: Sub = { channel, cb: onMessage, lastSeq: sinceSeq, active: true };
    this.subs.add(s);
    if (sinceSeq !== null && this.up) this.replay(s, sinceSeq);
    return () => {
      s.active = false;
      this.subs.delete(s);
    };
  }

  onConnection(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  setState(s: ConnectionState): void {
    this.state = s;
    for (const l of [...this.listeners]) l(s);
  }

  /** The connection drops: nothing is delivered until restore(). */
  drop(state: ConnectionState = 'reconnecting'): void {
    this.up = false;
    this.setState(state);
  }

  /** Back: every subscription gets what it missed (as the web bridge's resubscribe with since), then live. */
  restore(): void {
    this.up = true;
    for (const s of [...this.subs]) if (s.active) this.replay(s, s.lastSeq ?? 0);
    this.setState('live');
  }
}

/** A frame clock driven by the test: "soon" callbacks and frames run when asked. */
export class ManualClock implements FrameClock {
  private micro: (() => void)[] = [];
  private frames: (() => void)[] = [];
  /** Time only moves when a test says so (advance()). */
  private time = 0;
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
  requestFrame(cb: () => void): void {
    this.frames.push(cb);
  }
  soon(cb: () => void): void {
    this.micro.push(cb);
  }
  runSoon(): void {
    while (this.micro.length) this.micro.shift()!();
  }
  frame(): void {
    this.runSoon();
    const f = this.frames;
    this.frames = [];
    for (const cb of f) cb();
    this.runSoon();
  }
  get pendingFrames(): number {
    return this.frames.length;
  }
}

/** The fake as the app's Bridge: the web kind, with file import and saving as spies. */
export function asAppBridge(bridge: FakeBridge): AppBridge & FakeBridge {
  return Object.assign(bridge, {
    kind: 'web' as const,
    importFiles: vi.fn(),
    saveFile: vi.fn(),
    onAppCommand: () => () => {},
  }) as unknown as AppBridge & FakeBridge;
}
