/**
 * Writes the socket server's frames, coalesced: every frame a connection is sent is framed once
 * (a fan-out shares one Buffer between all its sockets), appended to the connection's outgoing list,
 * and the lists leave in one write per socket at the end of the turn.
 *
 * Why: on a fan-out to many sockets the cost is the write itself (a syscall per socket, the kernel's
 * loopback or TCP path behind it), not the bytes. After a heavy fan-out (a flush that kept the
 * event loop `heavyFlushMs` or longer, writing the same frames to many sockets), the next flush
 * waits until `holdMs` have passed since it ended, so that what is broadcast meanwhile leaves in the
 * same write per socket — the write delay Centrifugo offers, applied only where it pays: a lone
 * event after a quiet moment still leaves at the end of its turn, and a flush of different frames
 * to different sockets (many small channels) does not hold, since waiting would merge nothing.
 *
 * The writer hands whole frames to `ws`'s sender (`WebSocket#_sender.sendFrame`), which is not
 * public API: checkWsInternals() runs at start-up (PusherSocketServer) and in the tests, and stops
 * the server with a clear message if an upgrade of `ws` changed what it relies on.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { InkproofError } from '../../../src-shared/errors';

/**
 * A complete server→client WebSocket text frame (RFC 6455 §5.2: FIN + text opcode, unmasked, the
 * payload length in 7, 16 or 64 bits), header and UTF-8 payload written into one Buffer: one
 * allocation and no copy per frame, which matters when every event is framed on its way out.
 */
export function textFrame(payload: string): Buffer {
  const length = Buffer.byteLength(payload);
  const head = length < 126 ? 2 : length < 65536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + length);
  frame[0] = 0x81;
  if (head === 2) {
    frame[1] = length;
  } else if (head === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.write(payload, head, 'utf8');
  return frame;
}

/** What the writer keeps on a connection. */
export interface FrameSink {
  readonly ws: WebSocket;
  /** Frames waiting for the next flush, or null. */
  out: Buffer[] | null;
  outBytes: number;
}

/** ws's sender writes whole frames to the socket; engine.io sends pre-built frames the same way. */
type SenderOf = { _sender?: { sendFrame?(list: Buffer[]): void } };

const WS_INTERNALS_CHANGED =
  "The installed 'ws' package no longer works the way Inkproof's frame writer needs " +
  '(WebSocket#_sender.sendFrame writing a complete frame to the socket as given). Install the version ' +
  'package.json pins (npm ci), or adapt src-main/server/pusher/frame-writer.ts to the new one.';

/** The sender of an open socket, or a loud failure when ws no longer has one. */
function senderOf(ws: WebSocket): { sendFrame(list: Buffer[]): void } {
  const sender = (ws as WebSocket & SenderOf)._sender;
  if (!sender || typeof sender.sendFrame !== 'function') throw new InkproofError('internal', WS_INTERNALS_CHANGED);
  return sender as { sendFrame(list: Buffer[]): void };
}

/**
 * Checks, through ws's public upgrade path on an in-memory socket, that an accepted WebSocket has
 * the sender the writer uses and that a frame given to it reaches the socket byte for byte.
 * Throws an InkproofError naming the problem otherwise.
 */
export function checkWsInternals(): void {
  const written: Buffer[] = [];
  const socket = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, done) {
      written.push(Buffer.from(chunk));
      done();
    },
  });
  Object.assign(socket, { setTimeout: () => socket, setNoDelay: () => socket, setKeepAlive: () => socket });
  const request = {
    method: 'GET',
    url: '/',
    headers: {
      host: 'localhost',
      upgrade: 'websocket',
      connection: 'Upgrade',
      'sec-websocket-key': crypto.randomBytes(16).toString('base64'),
      'sec-websocket-version': '13',
    },
    socket,
  } as unknown as IncomingMessage;
  const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false, clientTracking: false });
  let accepted: WebSocket | null = null;
  wss.handleUpgrade(request, socket, Buffer.alloc(0), (ws) => (accepted = ws));
  const ws = accepted as WebSocket | null;
  try {
    if (!ws || ws.readyState !== 1) throw new InkproofError('internal', WS_INTERNALS_CHANGED);
    written.length = 0;
    const frame = textFrame('{"event":"inkproof:check"}');
    const writer = new FrameWriter();
    const sink: FrameSink = { ws, out: null, outBytes: 0 };
    writer.write(sink, frame);
    writer.flushSink(sink);
    if (!Buffer.concat(written).equals(frame)) throw new InkproofError('internal', WS_INTERNALS_CHANGED);
  } finally {
    ws?.terminate();
    socket.destroy();
    wss.close();
  }
}

export interface FrameWriterOptions {
  /** A flush that took at least this long counts as heavy. */
  heavyFlushMs?: number;
  /** After a heavy flush, the next one waits until this long after it ended. */
  holdMs?: number;
}

export class FrameWriter {
  private queued: FrameSink[] = [];
  private scheduled = false;
  private holdUntil = 0;
  /** Since the last flush: frames queued, and how many of them differed from the one before. */
  private framesQueued = 0;
  private distinctFrames = 0;
  private lastFrame: Buffer | null = null;
  private readonly heavyFlushMs: number;
  private readonly holdMs: number;

  constructor(opts: FrameWriterOptions = {}) {
    this.heavyFlushMs = opts.heavyFlushMs ?? 1;
    this.holdMs = opts.holdMs ?? 2;
  }

  /** Queues a complete frame (see textFrame) for a connection. */
  write(sink: FrameSink, frame: Buffer): void {
    this.framesQueued++;
    if (frame !== this.lastFrame) {
      this.distinctFrames++;
      this.lastFrame = frame;
    }
    if (sink.out === null) {
      sink.out = [frame];
      this.queued.push(sink);
      this.schedule();
    } else {
      sink.out.push(frame);
    }
    sink.outBytes += frame.length;
  }

  /** Writes a connection's queued frames now (before it is closed, so that they go first). */
  flushSink(sink: FrameSink): void {
    const out = sink.out;
    if (out === null) return;
    sink.out = null;
    sink.outBytes = 0;
    const ws = sink.ws;
    if (ws.readyState !== 1) return;
    senderOf(ws).sendFrame([out.length === 1 ? out[0] : Buffer.concat(out)]);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const wait = this.holdUntil - performance.now();
    if (wait > 0) setTimeout(this.flush, wait);
    else process.nextTick(this.flush);
  }

  readonly flush = (): void => {
    this.scheduled = false;
    const list = this.queued;
    if (list.length === 0) return;
    this.queued = [];
    // A fan-out: each frame went to several sockets (the same Buffer, queued one after the other).
    const fanOut = this.framesQueued >= 4 * this.distinctFrames;
    this.framesQueued = 0;
    this.distinctFrames = 0;
    this.lastFrame = null;
    const started = performance.now();
    for (const sink of list) this.flushSink(sink);
    const ended = performance.now();
    this.holdUntil = fanOut && ended - started >= this.heavyFlushMs ? ended + this.holdMs : 0;
  };
}
