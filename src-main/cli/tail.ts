/**
 * `inkproof tail`: a live log of a running server's events, in the spirit of Laravel Pail. Reads
 * the server's event stream and reconnects by itself when the server goes away.
 */
import type { Envelope } from '../../src-shared/events';

export interface TailOptions {
  url: string;
  token?: string;
  channel?: string;
  event?: string;
  json?: boolean;
}

const colour = !process.env.NO_COLOR && process.stdout.isTTY;
const paint = (code: number, s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);

export function formatEnvelope(env: Envelope, width = process.stdout.columns || 160): string {
  const time = new Date(env.ts).toISOString().slice(11, 23);
  const head = `${time}  ${env.channel}  ${env.event}  #${env.seq}  `;
  const data = JSON.stringify(env.data);
  const room = Math.max(20, width - head.length);
  const body = data.length > room ? data.slice(0, room - 1) + '…' : data;
  return `${paint(2, time)}  ${paint(36, env.channel)}  ${paint(1, env.event)}  ${paint(2, `#${env.seq}`)}  ${body}`;
}

export function streamUrl(opts: TailOptions): { url: string; token: string | null } {
  const base = new URL(opts.url);
  const token = opts.token ?? base.searchParams.get('token') ?? process.env.INKPROOF_TOKEN ?? null;
  const url = new URL('/api/events/stream', base);
  if (opts.channel) url.searchParams.set('channel', opts.channel);
  if (opts.event) url.searchParams.set('event', opts.event);
  return { url: url.href, token };
}

export async function tail(opts: TailOptions, signal?: AbortSignal): Promise<number> {
  const { url, token } = streamUrl(opts);
  if (!token) {
    process.stderr.write(
      "inkproof tail needs the server's token: pass --token, set INKPROOF_TOKEN, or give the full address it printed (with ?token=).\n",
    );
    return 2;
  }
  let delay = 500;
  let announced = false;
  while (!signal?.aborted) {
    try {
      const res = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        signal,
      });
      if (res.status === 401 || res.status === 403) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        process.stderr.write(`The server refused the connection: ${body?.error?.message ?? res.statusText}\n`);
        return 1;
      }
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      if (!announced)
        process.stderr.write(
          `Listening to ${new URL(url).origin}${opts.channel ? ` channel ${opts.channel}` : ''}${opts.event ? ` event ${opts.event}` : ''} — Ctrl+C to stop.\n`,
        );
      else process.stderr.write('Reconnected.\n');
      announced = true;
      delay = 500;
      await readStream(res.body, (env) =>
        process.stdout.write((opts.json ? JSON.stringify(env) : formatEnvelope(env)) + '\n'),
      );
      if (!signal?.aborted) process.stderr.write('The server closed the stream; reconnecting…\n');
    } catch (err) {
      if (signal?.aborted) break;
      process.stderr.write(
        `Cannot reach ${new URL(url).origin} (${(err as Error).message}); retrying in ${(delay / 1000).toFixed(1)} s…\n`,
      );
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(10_000, delay * 2);
  }
  return 0;
}

async function readStream(body: ReadableStream<Uint8Array>, onEnvelope: (env: Envelope) => void): Promise<void> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      if (data) onEnvelope(JSON.parse(data) as Envelope);
    }
  }
}
