/**
 * Sync end to end with real processes: two devices (`inkproof serve --sync`, each its own data
 * folder) and a sync server — then the same with two server processes sharing Redis (device A on
 * one, device B on the other). Each device reaches its server through a proxy that can cut it off
 * or answer badly. What must hold:
 *
 * - an import on A appears on B with its analysis, and B analyses nothing;
 * - A offline revises while B revises the same document → both versions on both devices;
 * - A killed (SIGKILL) while its push is on the server but unanswered → resumes, no duplicates;
 * - the server killed mid-sync and started again → both devices catch up;
 * - garbage, 500s, slow and truncated answers → retried, nothing stored twice or corrupted;
 * - B's token revoked → B stops with a clear status and keeps its documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServeProcess, type ServeProcess } from '../../helpers/server-process';
import { tempDir } from '../../helpers/temp';
import { aiText, humanText } from '../../helpers/texts';
import { FaultProxy } from './helpers/fault-proxy';
import { cli, DeviceProcess, duplicatesIn, kill, portOf, serverRecords } from './helpers/processes';
import { RedisProcess, redisMissing } from './helpers/redis';

const SERVER_ENV = { INKPROOF_THREADS: '1', INKPROOF_LOG_LEVEL: 'warn' };
const missingRedis = redisMissing();

interface Topology {
  name: string;
  /** Starts the server process(es) on `dir`; returns the ports devices A and B go to. */
  start(dir: string): Promise<void>;
  portFor(device: 'a' | 'b'): number;
  /** Kills the server process A talks to and starts it again; returns its new port. */
  restartA(dir: string): Promise<number>;
  stop(): Promise<void>;
}

function oneServer(): Topology {
  let server: ServeProcess;
  return {
    name: 'one sync server',
    async start(dir) {
      server = await startServeProcess(dir, [], SERVER_ENV);
    },
    portFor: () => portOf(server),
    async restartA(dir) {
      await kill(server);
      server = await startServeProcess(dir, [], SERVER_ENV);
      return portOf(server);
    },
    async stop() {
      if (server) await kill(server, 'SIGTERM');
    },
  };
}

function twoNodes(): Topology {
  let redis: RedisProcess;
  let nodes: ServeProcess[] = [];
  const env = { ...SERVER_ENV, INKPROOF_CLUSTER_HEARTBEAT_MS: '200', INKPROOF_CLUSTER_NODE_TIMEOUT_MS: '1500' };
  const node = (dir: string) => startServeProcess(dir, ['--redis', redis.url], env);
  return {
    name: 'two sync server processes sharing Redis',
    async start(dir) {
      redis = await RedisProcess.start();
      // One after the other: the first makes the data folder's app secret, the second reads it.
      nodes = [await node(dir)];
      nodes.push(await node(dir));
    },
    portFor: (d) => portOf(nodes[d === 'a' ? 0 : 1]),
    async restartA(dir) {
      await kill(nodes[0]);
      nodes[0] = await node(dir);
      return portOf(nodes[0]);
    },
    async stop() {
      for (const n of nodes) await kill(n, 'SIGTERM');
      await redis?.stop();
    },
  };
}

const topologies = missingRedis ? [oneServer] : [oneServer, twoNodes];
if (missingRedis) console.warn(`two-node sync tests ${missingRedis}`);

describe.each(topologies.map((make) => [make().name, make] as const))('sync end to end: %s', (_name, make) => {
  const t = tempDir('inkproof-sync-e2e-');
  const serverDir = path.join(t.dir, 'server');
  const topology = make();
  let proxyA: FaultProxy;
  let proxyB: FaultProxy;
  let a: DeviceProcess;
  let b: DeviceProcess;
  const tokens: Record<'a' | 'b', { id: number; token: string }> = {} as never;

  beforeAll(async () => {
    fs.mkdirSync(serverDir);
    await cli(['user', 'add', 'alice', '--password-stdin', '--data', serverDir], 'a long password\n');
    for (const d of ['a', 'b'] as const)
      tokens[d] = JSON.parse(
        await cli(['user', 'token', 'alice', '--name', `device-${d}`, '--json', '--data', serverDir]),
      );
    await topology.start(serverDir);
    proxyA = new FaultProxy(topology.portFor('a'));
    proxyB = new FaultProxy(topology.portFor('b'));
    await Promise.all([proxyA.listen(), proxyB.listen()]);
    [a, b] = await Promise.all([
      DeviceProcess.start('device-a', path.join(t.dir, 'a'), proxyA.url, tokens.a.token),
      DeviceProcess.start('device-b', path.join(t.dir, 'b'), proxyB.url, tokens.b.token),
    ]);
    await Promise.all([a.synced(), b.synced()]);
  }, 120_000);

  afterAll(async () => {
    for (const d of [a, b]) if (d) await kill(d.proc);
    await proxyA?.close();
    await proxyB?.close();
    await topology.stop();
    t.cleanup();
  }, 60_000);

  const analyzedOn = (d: DeviceProcess, names: string[]) =>
    d.until(async () => {
      const docs = await d.docs();
      return names.every((n) => docs.get(n)?.status === 'analyzed') && docs;
    }, `${names.length} analysed document(s)`);
  /** Every name once on the device, and nothing stored twice on the server. */
  const noDuplicates = async (d: DeviceProcess) => {
    const { documents } = await d.command<{ documents: { name: string }[] }>('listDocuments', { limit: 20000 });
    const names = documents.map((x) => x.name);
    expect(names.length).toBe(new Set(names).size);
    expect(duplicatesIn(serverRecords(serverDir))).toEqual([]);
  };
  const sameText = async (name: string) => {
    const [da, db] = await Promise.all([a.docs(), b.docs()]);
    const [ta, tb] = await Promise.all([
      a.command('getDocument', { id: da.get(name).id }),
      b.command('getDocument', { id: db.get(name).id }),
    ]);
    expect(tb.text).toBe(ta.text);
    return [ta, tb];
  };

  it('brings an import on A to B with its analysis; B analyses nothing', async () => {
    await a.command('importDocuments', { files: [{ name: 'first.txt', text: aiText(3) }] });
    await analyzedOn(b, ['first.txt']);
    const [onA, onB] = await sameText('first.txt');
    expect(onB).toMatchObject({ ai_confidence: onA.ai_confidence, verdict: onA.verdict });
    expect(onB.critical_sections).toEqual(onA.critical_sections);
    expect((await b.command('listJobs')).jobs).toEqual([]);
  });

  it('keeps both versions when A revises offline while B revises the same document', async () => {
    const idA = (await a.docs()).get('first.txt').id;
    const idB = (await b.docs()).get('first.txt').id;
    proxyA.down();
    await a.until(async () => (await a.status()).state === 'offline', 'offline');
    const revise = async (d: DeviceProcess, id: number) => {
      const { rewrite } = await d.command('rewriteDocument', { id, options: { scope: 'document', strength: 3 } });
      await d.until(async () => (await d.command('getRewrite', { id: rewrite.id })).status === 'completed', 'revision');
      await d.command('applyRewrite', { id: rewrite.id, accepted_hunks: 'all' });
    };
    await revise(a, idA);
    const offline = await a.status();
    expect(offline).toMatchObject({ state: 'offline' });
    expect(offline.pending).toBeGreaterThan(0);
    await revise(b, idB);
    await b.synced();
    proxyA.up();
    await a.synced();
    const conflict = (d: DeviceProcess) =>
      d.until(async () => {
        const { conflicts } = await d.command('listConflicts');
        return conflicts.length === 1 && conflicts[0].versions.length === 2 && conflicts[0];
      }, 'both versions');
    const [ca, cb] = await Promise.all([conflict(a), conflict(b)]);
    expect(ca.versions.find((v: any) => !v.current).device_name).toBe('device-b');
    expect(cb.versions.find((v: any) => v.current).device_name).toBe('device-a');
    await b.until(async () => {
      const [x, y] = await Promise.all([a.command('getDocument', { id: idA }), b.command('getDocument', { id: idB })]);
      return x.text === y.text && x.versions.length === 3 && y.versions.length === 3;
    }, 'the same current version');
  });

  it('resumes without duplicates after A is killed mid-push', async () => {
    const names = ['k1.txt', 'k2.txt', 'k3.txt'];
    // The server gets the push and stores it; A never hears back, and dies waiting.
    proxyA.inject(/^\/api\/sync\/push/, 'hang');
    const hung = proxyA.next((e) => e.fault === 'hang', 'the unanswered push');
    await a.command('importDocuments', { files: names.map((name) => ({ name, text: humanText(2) })) });
    await hung;
    await kill(a.proc);
    await a.restart();
    await a.synced();
    await analyzedOn(b, names);
    await noDuplicates(b);
    await noDuplicates(a);
  });

  it('catches up on both devices after the server is killed mid-sync and started again', async () => {
    const names = ['r1.txt', 'r2.txt', 'r3.txt'];
    const pushed = proxyA.next((e) => e.path.startsWith('/api/sync/push') && e.status === 200, 'a push');
    await a.command('importDocuments', { files: names.map((name) => ({ name, text: aiText(2) })) });
    await pushed;
    const port = await topology.restartA(serverDir);
    proxyA.setTarget(port);
    if (topology.portFor('b') === port) proxyB.setTarget(port);
    await analyzedOn(b, names);
    await Promise.all([a.synced(), b.synced()]);
    for (const n of names) await sameText(n);
    await noDuplicates(b);
  });

  it('retries garbage, 500s, slow and truncated answers without storing anything twice', async () => {
    const names = ['f1.txt', 'f2.txt'];
    proxyA.inject(/^\/api\/sync\/push/, '500', 'garbage', 'truncate', 'slow');
    proxyB.inject(/^\/api\/sync\/changes/, 'garbage', 'truncate', '500', 'slow');
    await a.command('importDocuments', { files: names.map((name) => ({ name, text: aiText(2) })) });
    await analyzedOn(b, names);
    await Promise.all([a.synced(), b.synced()]);
    expect(proxyA.pendingFaults + proxyB.pendingFaults).toBe(0);
    for (const n of names) await sameText(n);
    await noDuplicates(a);
    await noDuplicates(b);
  });

  it("stops B when its token is revoked, with a clear status, and keeps B's documents", async () => {
    const before = await b.docs();
    // Revoked from the command line while the server runs: the server closes B's socket (it checks
    // revocations every 2 s), and B, asking why, is refused — with nothing else happening.
    await cli(['user', 'token', 'alice', '--revoke', String(tokens.b.id), '--data', serverDir]);
    const status = await b.until(async () => {
      const s = await b.status();
      return s.state === 'signed_out' && s;
    }, 'signed out');
    expect(status.message).toMatch(/no longer accepts this device/);
    await a.command('importDocuments', { files: [{ name: 'after-revoke.txt', text: humanText(2) }] });
    await a.synced();
    const after = await b.docs();
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    expect(after.has('after-revoke.txt')).toBe(false);
  });
});
