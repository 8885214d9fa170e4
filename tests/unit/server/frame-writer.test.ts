import { describe, expect, it } from 'vitest';
import * as wsModule from 'ws';
import type { WebSocket } from 'ws';
import { InkproofError } from '../../../src-shared/errors';
import { checkWsInternals, FrameWriter, textFrame, type FrameSink } from '../../../src-main/server/pusher/frame-writer';

/** A connection whose socket records what is written to it, one entry per write. */
function sink(open = true): FrameSink & { writes: Buffer[] } {
  const writes: Buffer[] = [];
  const ws = { readyState: open ? 1 : 3, _sender: { sendFrame: (list: Buffer[]) => writes.push(Buffer.concat(list)) } };
  return { ws: ws as unknown as WebSocket, out: null, outBytes: 0, writes };
}

/** The text messages in a byte stream, as a WebSocket client reads them (ws's own parser). */
function messages(bytes: Buffer): string[] {
  const got: string[] = [];
  // ws exports its Receiver without describing it in its type definitions.
  const { Receiver } = wsModule as unknown as {
    Receiver: new (opts: { isServer: boolean }) => import('node:stream').Writable;
  };
  const receiver = new Receiver({ isServer: false });
  receiver.on('message', (data: Buffer, isBinary: boolean) => got.push(isBinary ? '<binary>' : data.toString()));
  receiver.write(bytes);
  return got;
}

const turn = () => new Promise<void>((r) => setImmediate(r));

describe('textFrame', () => {
  it('frames short and long text as a client parses it', () => {
    const long = 'é'.repeat(40_000); // 80,000 bytes: the 64-bit length form
    expect(messages(Buffer.concat([textFrame('{"event":"a"}'), textFrame('x'.repeat(300)), textFrame(long)]))).toEqual([
      '{"event":"a"}',
      'x'.repeat(300),
      long,
    ]);
  });
});

describe('FrameWriter', () => {
  it('writes the frames of one turn to each socket in one write, in order, at the end of the turn', async () => {
    const writer = new FrameWriter();
    const a = sink();
    const b = sink();
    writer.write(a, textFrame('1'));
    writer.write(b, textFrame('x'));
    writer.write(a, textFrame('2'));
    expect(a.writes).toEqual([]);
    await turn();
    expect(a.writes.map(messages)).toEqual([['1', '2']]);
    expect(b.writes.map(messages)).toEqual([['x']]);
    expect(a.out).toBeNull();
    expect(a.outBytes).toBe(0);
  });

  it('after a heavy fan-out, holds the next flush so that later turns leave together', async () => {
    const writer = new FrameWriter({ heavyFlushMs: 0, holdMs: 200 }); // every flush counts as heavy
    const sockets = [sink(), sink(), sink(), sink()];
    const one = textFrame('1');
    for (const s of sockets) writer.write(s, one); // one frame to four sockets: a fan-out
    await turn();
    const [a] = sockets;
    expect(a.writes.length).toBe(1);
    writer.write(a, textFrame('2'));
    await turn();
    writer.write(a, textFrame('3'));
    await turn();
    expect(a.writes.length).toBe(1); // held
    await new Promise<void>((resolve) => {
      const check = () => (a.writes.length === 2 ? resolve() : setTimeout(check, 5));
      check();
    });
    expect(messages(a.writes[1])).toEqual(['2', '3']);
  });

  it('does not hold after a flush of different frames to different sockets (nothing to merge)', async () => {
    const writer = new FrameWriter({ heavyFlushMs: 0, holdMs: 60_000 });
    const sockets = [sink(), sink(), sink(), sink()];
    sockets.forEach((s, i) => writer.write(s, textFrame(String(i))));
    await turn();
    writer.write(sockets[0], textFrame('next'));
    await turn();
    expect(sockets[0].writes.map(messages)).toEqual([['0'], ['next']]);
  });

  it('does not hold after a light flush', async () => {
    const writer = new FrameWriter({ heavyFlushMs: 60_000, holdMs: 60_000 });
    const a = sink();
    writer.write(a, textFrame('1'));
    await turn();
    writer.write(a, textFrame('2'));
    await turn();
    expect(a.writes.map(messages)).toEqual([['1'], ['2']]);
  });

  it('writes a connection at once when asked (before a close), and nothing to a closed socket', async () => {
    const writer = new FrameWriter();
    const a = sink();
    const closed = sink(false);
    writer.write(a, textFrame('last words'));
    writer.write(closed, textFrame('lost'));
    writer.flushSink(a);
    expect(a.writes.map(messages)).toEqual([['last words']]);
    await turn();
    expect(a.writes.length).toBe(1);
    expect(closed.writes).toEqual([]);
  });
});

describe('the ws internals the writer relies on', () => {
  // ws exports its Sender without describing it in its type definitions.
  const Sender = (wsModule as unknown as { Sender: { prototype: Record<string, unknown> } }).Sender;

  it('are what the installed ws has (the check the server runs at start-up passes)', () => {
    expect(() => checkWsInternals()).not.toThrow();
  });

  it('fail loudly, with what to do, when the sender is gone or writes something else', () => {
    const original = Sender.prototype.sendFrame;
    try {
      delete Sender.prototype.sendFrame;
      expect(() => checkWsInternals()).toThrow(/no longer works the way Inkproof's frame writer needs.*npm ci/s);
      // Still there, but no longer writing the frame as given (e.g. framing it a second time).
      Sender.prototype.sendFrame = function (this: { _socket: { write(b: Buffer): void } }, list: Buffer[]) {
        this._socket.write(Buffer.concat([Buffer.from([0x81, 0x7e]), ...list]));
      };
      expect(() => checkWsInternals()).toThrow(InkproofError);
    } finally {
      Sender.prototype.sendFrame = original;
    }
    expect(() => checkWsInternals()).not.toThrow();
  });

  it('stop a server from starting, with the same message', async () => {
    const original = Sender.prototype.sendFrame;
    const { PusherSocketServer } = await import('../../../src-main/server/pusher/socket-server');
    try {
      delete Sender.prototype.sendFrame;
      expect(
        () =>
          new PusherSocketServer({
            runtimes: new Map(),
            apps: { all: () => [] } as never,
            cluster: {} as never,
            logger: {} as never,
          }),
      ).toThrow(/frame writer/);
    } finally {
      Sender.prototype.sendFrame = original;
    }
  });
});
