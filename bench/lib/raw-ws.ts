/**
 * A minimal WebSocket client for load generation: the HTTP upgrade, then a frame parser that hands
 * out text payloads without copying and without an event per frame. Much cheaper per message than a
 * full client, so that on a small machine the clients are less of a bottleneck than the server
 * under test. The same client is used against every server measured.
 */
import crypto from 'node:crypto';
import net from 'node:net';

export interface RawWsHandlers {
  /** A text frame: `buf[start..end)` is the payload (valid until the handler returns). */
  onText(buf: Buffer, start: number, end: number, ws: RawWs): void;
  onClose?(code: number): void;
}

export class RawWs {
  private pending: Buffer | null = null;
  private closed = false;

  private constructor(
    private readonly socket: net.Socket,
    private readonly handlers: RawWsHandlers,
  ) {}

  static connect(port: number, path: string, handlers: RawWsHandlers, host = '127.0.0.1'): Promise<RawWs> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host });
      socket.setNoDelay(true);
      const key = crypto.randomBytes(16).toString('base64');
      let head: Buffer = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        head = head.length ? Buffer.concat([head, chunk]) : chunk;
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        const status = head.subarray(0, head.indexOf('\r\n')).toString();
        if (!/^HTTP\/1\.1 101/.test(status)) {
          socket.destroy();
          reject(new Error(`upgrade refused: ${status}`));
          return;
        }
        const ws = new RawWs(socket, handlers);
        socket.on('data', (d: Buffer) => ws.onData(d));
        socket.on('close', () => ws.onSocketClose());
        resolve(ws);
        const rest = head.subarray(end + 4);
        if (rest.length) ws.onData(rest);
      };
      socket.on('data', onData);
      socket.once('error', (err) => reject(err));
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
  }

  private onData(chunk: Buffer): void {
    const buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    let off = 0;
    while (off + 2 <= buf.length) {
      const b0 = buf[off];
      const b1 = buf[off + 1];
      let len = b1 & 0x7f;
      let hdr = 2;
      if (len === 126) {
        if (off + 4 > buf.length) break;
        len = buf.readUInt16BE(off + 2);
        hdr = 4;
      } else if (len === 127) {
        if (off + 10 > buf.length) break;
        len = Number(buf.readBigUInt64BE(off + 2));
        hdr = 10;
      }
      if (off + hdr + len > buf.length) break;
      const start = off + hdr;
      const opcode = b0 & 0x0f;
      if (opcode === 1) this.handlers.onText(buf, start, start + len, this);
      else if (opcode === 9) this.sendFrame(10, buf.subarray(start, start + len));
      else if (opcode === 8) {
        const code = len >= 2 ? buf.readUInt16BE(start) : 1005;
        this.closeWith(code);
        return;
      }
      off = start + len;
    }
    // Keep only the incomplete tail (copied, so the chunk it came from can be freed).
    if (off < buf.length) this.pending = Buffer.from(buf.subarray(off));
  }

  send(text: string): void {
    this.sendFrame(1, Buffer.from(text));
  }

  private sendFrame(opcode: number, payload: Buffer): void {
    if (this.closed) return;
    const len = payload.length;
    const hdr = len < 126 ? 2 : len < 65536 ? 4 : 10;
    const frame = Buffer.allocUnsafe(hdr + 4 + len);
    frame[0] = 0x80 | opcode;
    if (hdr === 2) frame[1] = 0x80 | len;
    else if (hdr === 4) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(len, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeBigUInt64BE(BigInt(len), 2);
    }
    const mask = crypto.randomBytes(4);
    mask.copy(frame, hdr);
    for (let i = 0; i < len; i++) frame[hdr + 4 + i] = payload[i] ^ mask[i & 3];
    this.socket.write(frame);
  }

  private closeWith(code: number): void {
    if (this.closed) return;
    this.closed = true;
    this.handlers.onClose?.(code);
    this.socket.end();
  }

  private onSocketClose(): void {
    if (!this.closed) {
      this.closed = true;
      this.handlers.onClose?.(1006);
    }
  }

  close(): void {
    if (this.closed) return;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(1000, 0);
    this.sendFrame(8, payload);
    this.closed = true;
    this.socket.end();
  }

  destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }
}
