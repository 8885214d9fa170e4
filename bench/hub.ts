/**
 * Hub fan-out in process against a bare EventEmitter delivering the same messages:
 * one publisher to 1,000 subscribers of one channel, and 10,000 channels with one subscriber each.
 * The hub runs as the app runs it: seq, history ring and queued delivery; the durable rows also
 * write every event to the SQLite log first.
 */
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { ChannelHistory, DurableEventLog } from '../src-main/core/hub/history';
import { BroadcastHub } from '../src-main/core/hub/hub';
import { openDatabase } from '../src-main/core/store/db';
import { tempDir } from '../tests/helpers/temp';
import { collectGarbage } from './lib/gc';
import { median, printTable } from './lib/stats';

interface Scenario {
  name: string;
  channels: number;
  subscribersPerChannel: number;
  messages: number;
}

const SCENARIOS: Scenario[] = [
  { name: '1 channel × 1,000 subscribers', channels: 1, subscribersPerChannel: 1000, messages: 2_000 },
  { name: '10,000 channels × 1 subscriber', channels: 10_000, subscribersPerChannel: 1, messages: 200_000 },
];
const RUNS = 5;

function channelName(i: number): string {
  return `private-documents.${i + 1}`;
}

/** Deliveries per second of a bare EventEmitter: same channels, same envelope objects. */
function bare(s: Scenario): number {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let delivered = 0;
  const names = Array.from({ length: s.channels }, (_, i) => channelName(i));
  for (const name of names) for (let k = 0; k < s.subscribersPerChannel; k++) emitter.on(name, () => delivered++);
  const seqs = new Array<number>(s.channels).fill(0);
  collectGarbage();
  const t0 = performance.now();
  for (let m = 0; m < s.messages; m++) {
    const c = m % s.channels;
    const env = {
      channel: names[c],
      event: 'rewrite.progress',
      data: { rewrite_id: c + 1, progress: m % 100, status: 'processing' },
      seq: ++seqs[c],
      ts: Date.now(),
    };
    emitter.emit(env.channel, env);
  }
  const seconds = (performance.now() - t0) / 1000;
  if (delivered !== s.messages * s.subscribersPerChannel) throw new Error('bare loop lost messages');
  return delivered / seconds;
}

function hubRun(s: Scenario, durable: boolean): number {
  const t = tempDir('inkproof-bench-');
  const db = durable ? openDatabase({ dataDir: t.dir }) : null;
  const hub = new BroadcastHub({
    history: new ChannelHistory(),
    durable: db ? new DurableEventLog(db, { maxBatches: 1_000_000 }) : null,
  });
  let delivered = 0;
  const names = Array.from({ length: s.channels }, (_, i) => channelName(i));
  for (const name of names) for (let k = 0; k < s.subscribersPerChannel; k++) hub.subscribe(name, () => delivered++);
  collectGarbage();
  const t0 = performance.now();
  for (let m = 0; m < s.messages; m++) {
    const c = m % s.channels;
    hub.broadcast({
      channel: names[c],
      event: 'rewrite.progress',
      data: { rewrite_id: c + 1, progress: m % 100, status: 'processing' },
    });
  }
  hub.flush();
  const seconds = (performance.now() - t0) / 1000;
  if (delivered !== s.messages * s.subscribersPerChannel) throw new Error(`hub lost messages: ${delivered}`);
  hub.close();
  db?.close();
  t.cleanup();
  return delivered / seconds;
}

const rows: (string | number)[][] = [];
for (const s of SCENARIOS) {
  const bareRates: number[] = [];
  const memRates: number[] = [];
  const durRates: number[] = [];
  // Interleaved runs, so that a slow moment of the machine hits all three alike.
  for (let r = 0; r < RUNS + 1; r++) {
    const b = bare(s);
    const m = hubRun(s, false);
    const d = hubRun(s, true);
    if (r === 0) continue; // warm-up
    bareRates.push(b);
    memRates.push(m);
    durRates.push(d);
  }
  const b = median(bareRates);
  rows.push([s.name, 'bare EventEmitter (baseline)', Math.round(b), '1.00']);
  rows.push([s.name, 'hub, history in memory', Math.round(median(memRates)), (median(memRates) / b).toFixed(2)]);
  rows.push([s.name, 'hub, durable SQLite log', Math.round(median(durRates)), (median(durRates) / b).toFixed(2)]);
}
printTable(
  `Hub fan-out (median of ${RUNS} runs, deliveries/s; targets ≥ 0.5× bare and ≥ 1,000,000/s)`,
  ['scenario', 'implementation', 'deliveries/s', '× bare'],
  rows,
);
