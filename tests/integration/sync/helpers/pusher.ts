/** The real pusher-js (Node build) pointed at a local server, with promise helpers that wait for events. */
import Pusher, { type Channel, type Options } from 'pusher-js';
import { APP } from './env';

export type PusherClient = Pusher;

export function pusherClient(
  port: number,
  base: string,
  token?: string,
  extra: Partial<Options> = {},
  key: string = APP.key,
): Pusher {
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  return new Pusher(key, {
    wsHost: '127.0.0.1',
    wsPort: port,
    forceTLS: false,
    enabledTransports: ['ws'],
    cluster: '',
    channelAuthorization: { endpoint: `${base}/broadcasting/auth`, transport: 'ajax', headers } as never,
    userAuthentication: { endpoint: `${base}/broadcasting/user-auth`, transport: 'ajax', headers } as never,
    ...extra,
  });
}

export function connected(p: Pusher, timeoutMs = 10_000): Promise<string> {
  if (p.connection.state === 'connected') return Promise.resolve(p.connection.socket_id);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`pusher-js did not connect (state ${p.connection.state})`)),
      timeoutMs,
    );
    const on = () => {
      clearTimeout(timer);
      p.connection.unbind('connected', on);
      resolve(p.connection.socket_id);
    };
    p.connection.bind('connected', on);
  });
}

export function subscribed(p: Pusher, name: string, timeoutMs = 10_000): Promise<{ channel: Channel; data: unknown }> {
  const channel = p.channel(name) ?? p.subscribe(name);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no subscription_succeeded on ${name}`)), timeoutMs);
    channel.bind('pusher:subscription_succeeded', (data: unknown) => {
      clearTimeout(timer);
      resolve({ channel, data });
    });
    channel.bind('pusher:subscription_error', (err: unknown) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`subscription to ${name} refused: ${JSON.stringify(err)}`), { detail: err }));
    });
  });
}

/** Records every event a channel receives (name, data, metadata), and waits for one. */
export class Recorder {
  readonly events: { event: string; data: unknown; meta?: unknown }[] = [];
  private readonly waiters: {
    test: (e: { event: string; data: unknown }) => boolean;
    resolve: (e: { event: string; data: unknown; meta?: unknown }) => void;
  }[] = [];

  constructor(channel: Channel) {
    channel.bind_global((event: string, data: unknown, meta?: unknown) => {
      const e = { event, data, meta };
      this.events.push(e);
      for (const w of [...this.waiters])
        if (w.test(e)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(e);
        }
    });
  }

  next(
    test: (e: { event: string; data: unknown }) => boolean,
    what = 'an event',
    timeoutMs = 10_000,
  ): Promise<{ event: string; data: unknown; meta?: unknown }> {
    const hit = this.events.find(test);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.events.map((e) => e.event))}`)),
        timeoutMs,
      );
      this.waiters.push({
        test,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  has(event: string): boolean {
    return this.events.some((e) => e.event === event);
  }
}

/** Waits for a connection state (e.g. 'connected' again after a reconnect), recording the states seen. */
export function stateAfter(p: Pusher, state: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`pusher-js never reached ${state} (now ${p.connection.state})`)),
      timeoutMs,
    );
    const on = (change: { current: string }) => {
      if (change.current !== state) return;
      clearTimeout(timer);
      p.connection.unbind('state_change', on);
      resolve();
    };
    p.connection.bind('state_change', on);
  });
}
