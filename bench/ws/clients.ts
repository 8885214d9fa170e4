/**
 * A process holding many client connections to the server under test (see bench/lib/raw-ws.ts):
 * connects and subscribes them, counts delivered messages and records publish→receive latency in a
 * histogram (0.05 ms buckets). Driven over IPC by bench/ws.ts.
 */
import { RawWs } from '../lib/raw-ws';

type Kind = 'inkproof' | 'ws' | 'ws-cork' | 'socketio';
interface Init {
  op: 'init';
  kind: Kind;
  port: number;
  key: string;
  channels: string[];
  concurrency: number;
}

const BUCKET_MS = 0.05;
const BUCKETS = 40_000; // up to 2 s
const hist = new Uint32Array(BUCKETS + 1);
let count = 0;
let last = 0;
const conns: RawWs[] = [];
const now = () => Number(process.hrtime.bigint()) / 1e6;
const T = 't'.charCodeAt(0);
const QUOTE = '"'.charCodeAt(0);
const BACKSLASH = '\\'.charCodeAt(0);

/** Finds `"t":<number>` (or its escaped form `\"t\":` inside a JSON string) and records the latency. */
function record(buf: Buffer, start: number, end: number): void {
  const at = buf.indexOf('"bench"', start);
  if (at < 0 || at >= end) return;
  count++;
  const received = now();
  last = received;
  let i = buf.indexOf(T, at + 7);
  while (i >= 0 && i < end) {
    if (buf[i - 1] === QUOTE || buf[i - 1] === BACKSLASH) {
      let j = i + 1;
      if (buf[j] === BACKSLASH) j++;
      if (buf[j] === QUOTE && buf[j + 1] === 58) {
        j += 2;
        let k = j;
        while (k < end && ((buf[k] >= 48 && buf[k] <= 57) || buf[k] === 46)) k++;
        const sent = Number(buf.toString('latin1', j, k));
        const b = Math.min(BUCKETS, Math.max(0, Math.floor((received - sent) / BUCKET_MS)));
        hist[b]++;
        return;
      }
    }
    i = buf.indexOf(T, i + 1);
  }
}

async function open(init: Init, channel: string): Promise<RawWs> {
  let ready!: (ws: RawWs) => void;
  const subscribed = new Promise<RawWs>((r) => (ready = r));
  if (init.kind === 'inkproof') {
    let established = false;
    await RawWs.connect(init.port, `/app/${init.key}?protocol=7&client=js&version=8.6.0`, {
      onText(buf, s, e, ws) {
        if (established) {
          const at = buf.indexOf('subscription_succeeded', s);
          if (at >= 0 && at < e) ready(ws);
          else record(buf, s, e);
          return;
        }
        established = true;
        ws.send(JSON.stringify({ event: 'pusher:subscribe', data: { channel } }));
      },
    });
  } else if (init.kind === 'ws' || init.kind === 'ws-cork') {
    let first = true;
    await RawWs.connect(init.port, `/?channel=${encodeURIComponent(channel)}`, {
      onText(buf, s, e, ws) {
        if (first) {
          first = false;
          ready(ws);
        } else record(buf, s, e);
      },
    });
  } else {
    // Engine.IO 4 / Socket.IO 5 protocol over the WebSocket transport.
    await RawWs.connect(init.port, '/socket.io/?EIO=4&transport=websocket', {
      onText(buf, s, e, ws) {
        const type = buf[s];
        if (type === 48 /* '0' open */) ws.send('40');
        else if (type === 50 /* '2' ping */) ws.send('3');
        else if (type === 52 /* '4' message */) {
          const sub = buf[s + 1];
          if (sub === 48 /* '0' connect */) ws.send(`421${JSON.stringify(['join', channel])}`);
          else if (sub === 51 /* '3' ack */) ready(ws);
          else record(buf, s, e);
        }
      },
    });
  }
  return subscribed;
}

process.on('message', async (msg: Init | { op: 'snapshot' } | { op: 'reset' } | { op: 'close' } | { op: 'cpu' }) => {
  if (msg.op === 'cpu') return void process.send!({ op: 'cpu', cpu: process.cpuUsage(), at: now() });
  if (msg.op === 'init') {
    let next = 0;
    const worker = async () => {
      while (next < msg.channels.length) {
        const channel = msg.channels[next++];
        conns.push(await open(msg, channel));
      }
    };
    await Promise.all(Array.from({ length: Math.min(msg.concurrency, msg.channels.length) }, worker));
    process.send!({ op: 'ready', connections: conns.length });
  } else if (msg.op === 'snapshot') {
    const buckets: [number, number][] = [];
    for (let i = 0; i <= BUCKETS; i++) if (hist[i]) buckets.push([i, hist[i]]);
    process.send!({ op: 'snapshot', count, last, buckets });
  } else if (msg.op === 'reset') {
    count = 0;
    last = 0;
    hist.fill(0);
    process.send!({ op: 'reset' });
  } else if (msg.op === 'close') {
    for (const c of conns) c.destroy();
    process.send!({ op: 'close' }, () => process.exit(0));
  }
});
process.send!({ op: 'started' });
// The orchestrator is gone: so is this process.
process.on('disconnect', () => process.exit(0));
