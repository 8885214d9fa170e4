/**
 * Requests answered before their body was read — refused (401, 403, 429) or cut at a limit (413,
 * 400) — and how their connections end. Node would otherwise read and drop the whole rest of the
 * body to keep the connection: megabytes of work the sender chose. Closing at once is no better: a
 * socket closed with data still unread is reset, and a reset can destroy the answer before the
 * client reads it (measured: 6 answers in 20 lost). So the connection closes the way web servers
 * close it ("lingering close"): what still arrives is dropped up to a small byte budget, after
 * which reading stops (TCP then holds the sender back at no cost); the answer goes out, saying
 * `Connection: close` so that no client sends its next request on this connection (an HTTP client
 * that reused it would find it closed under its request), and the write side is closed, so the
 * client sees the answer end; the socket is destroyed when the client closes or the time runs out.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Whether a request is being answered before all of its body arrived. */
export function bodyLeftUnread(req: IncomingMessage): boolean {
  return !req.complete;
}

/**
 * Arranges the close described above; call it before the answer is sent. The answer carries
 * `Connection: close`; Node would then end it with `socket.destroySoon()`, which destroys the
 * socket — unread bytes and all — once the answer is written, so this socket's `destroySoon` only
 * ends the write side and the lingering close below does the rest.
 */
export function closeAfterAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  linger: { bytes: number; ms: number },
): void {
  res.setHeader('Connection', 'close');
  const socket = req.socket as IncomingMessage['socket'] & { destroySoon?: () => void };
  socket.destroySoon = () => socket.end();
  let dropped = 0;
  // Reading the rest ourselves also keeps Node from reading all of it once the answer is sent.
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > linger.bytes) req.pause();
  });
  res.once('finish', () => {
    if (socket.destroyed) return;
    const timer = setTimeout(() => socket.destroy(), linger.ms);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    socket.end();
  });
}
