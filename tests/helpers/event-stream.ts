/** Reads `GET /api/events/stream` (server-sent events) of a running server into a list, for tests. */
import type { Envelope } from '../../src-shared/events';

export interface EventStreamReader {
  events: Envelope[];
  /** Resolves with the first event (already received or still to come) that matches. */
  next(match: (e: Envelope) => boolean, timeoutMs?: number): Promise<Envelope>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function readEventStream(url: string, token: string, query = ''): Promise<EventStreamReader> {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/events/stream${query}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (res.status !== 200 || !res.body) throw new Error(`event stream answered ${res.status}`);
  const events: Envelope[] = [];
  const waiters: { match: (e: Envelope) => boolean; resolve: (e: Envelope) => void }[] = [];
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (!data) continue;
          const env = JSON.parse(data.slice(6)) as Envelope;
          events.push(env);
          for (const w of [...waiters])
            if (w.match(env)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(env);
            }
        }
      }
    } catch {
      /* aborted by close() or cut by the server */
    }
  })();
  return {
    events,
    ended,
    next(match, timeoutMs = 20_000) {
      const seen = events.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no matching event on the stream in time')), timeoutMs);
        waiters.push({
          match,
          resolve: (e) => {
            clearTimeout(timer);
            resolve(e);
          },
        });
      });
    },
    close: () => controller.abort(),
  };
}
