/**
 * The sync model with two devices and a sync server in one process (real HTTP, real WebSocket):
 * an import and its analysis reach the other device without a second analysis; renames and frozen
 * terms follow; concurrent versions are both kept, the later current on both devices, listed as a
 * conflict with the other device's name and settled once for all; a delete wins only over the
 * versions it saw; accounts see only their own library or one shared with them; a resent change
 * is applied once. A version's structure (its blocks) travels with its text, and blocks that do not
 * fit their text are dropped on arrival while the text is kept. A full disk on a device is a sync
 * error that says so, and the device catches up once there is room.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { documentChannel, syncLibraryChannel } from '../../../src-shared/channels';
import { tempDir } from '../../helpers/temp';
import { aiText, humanText } from '../../helpers/texts';
import {
  docsByName,
  reviseAndApply,
  startDevice,
  startSyncServer,
  type Device,
  type SyncServerEnv,
} from './helpers/devices';

const MARKDOWN = [
  '# Field notes',
  `A paragraph with **strong words** and *emphasis*. ${humanText(1)}`,
  '## What to keep',
  '- the first thing to keep',
  '- the second thing to keep',
].join('\n\n');

describe('sync between two devices through a sync server', () => {
  let env: SyncServerEnv;
  let a: Device;
  let b: Device;
  let n = 0;
  const PASSWORD = 'correct horse';

  beforeAll(async () => {
    env = await startSyncServer();
    await env.server.accounts.add('alice', PASSWORD);
    await env.server.accounts.add('bob', PASSWORD);
  });
  afterAll(async () => {
    await env.close();
  });
  afterEach(async () => {
    await a?.close();
    await b?.close();
  });

  /** Two fresh devices signed in to a fresh account each test. */
  async function pair(account = `user${++n}`) {
    if (!env.server.accounts.find(account)) await env.server.accounts.add(account, PASSWORD);
    a = startDevice('laptop');
    b = startDevice('office');
    for (const d of [a, b])
      await d.core.api.connectSync(
        { server_url: env.url, device_name: d.name, credentials: { name: account, password: PASSWORD } },
        d.ctx,
      );
    return account;
  }
  const synced = (d: Device) =>
    d.until(async () => {
      const s = await d.core.api.getSyncStatus({}, d.ctx);
      return s.state === 'synced' && s.pending === 0;
    }, 'synced');

  it('brings an import and its analysis to the other device, which analyses nothing itself', async () => {
    const account = await pair();
    const { documents } = await a.core.api.importDocuments({ files: [{ name: 'essay.txt', text: aiText(3) }] }, a.ctx);
    const onA = await a.until(async () => {
      const d = await a.core.api.getDocument({ id: documents[0].id }, a.ctx);
      return d.status === 'analyzed' && d;
    }, 'analysis');
    const onB = await b.until(async () => (await docsByName(b)).get('essay.txt')?.status === 'analyzed', 'analysis');
    expect(onB).toBe(true);
    const bDoc = (await docsByName(b)).get('essay.txt')!;
    const detail = await b.core.api.getDocument({ id: bDoc.id }, b.ctx);
    expect(detail.text).toBe(onA.text);
    expect(detail.ai_confidence).toBe(onA.ai_confidence);
    expect(detail.verdict).toBe(onA.verdict);
    expect(detail.critical_sections).toEqual(onA.critical_sections);
    expect(detail.sentences).toEqual(onA.sentences);
    // No analysis job ran on B: the result came with the document.
    expect((await b.core.api.listJobs({}, b.ctx)).jobs).toEqual([]);
    await synced(a);
    await synced(b);
    expect(await b.core.api.getSyncBadges({}, b.ctx)).toEqual({ documents: { [bDoc.id]: 'synced' } });
    // Tokens are per device and named after it.
    expect(env.server.accounts.tokens(account).map((t) => t.name)).toEqual(['laptop', 'office']);
  });

  it('follows renames and the frozen terms', async () => {
    await pair();
    const { documents } = await a.core.api.importDocuments(
      { files: [{ name: 'draft.md', text: humanText(2) }] },
      a.ctx,
    );
    const bDoc = await b.until(async () => (await docsByName(b)).get('draft.md'), 'import');
    await a.core.api.renameDocument({ id: documents[0].id, name: 'final.md' }, a.ctx);
    await b.until(async () => (await b.core.api.getDocument({ id: bDoc.id }, b.ctx)).name === 'final.md', 'rename');
    await b.core.api.updateSettings({ patch: { frozen_terms: ['Inkproof', 'WAL mode'] } }, b.ctx);
    await a.until(
      async () => (await a.core.api.getSettings({}, a.ctx)).frozen_terms.join('|') === 'Inkproof|WAL mode',
      'frozen terms',
    );
  });

  it("brings a document's structure with its versions: headings, lists and marks, imported and revised", async () => {
    await pair();
    const { documents } = await a.core.api.importDocuments({ files: [{ name: 'notes.md', text: MARKDOWN }] }, a.ctx);
    const idA = documents[0].id;
    const onA = await a.until(async () => {
      const d = await a.core.api.getDocument({ id: idA }, a.ctx);
      return d.status === 'analyzed' && d;
    }, 'analysis');
    expect(onA.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'list_item', 'list_item']);
    const onB = await b.until(async () => {
      const doc = (await docsByName(b)).get('notes.md');
      return doc?.status === 'analyzed' && b.core.api.getDocument({ id: doc.id }, b.ctx);
    }, 'the import');
    const idB = onB.id;
    expect(onB.text).toBe(onA.text);
    expect(onB.blocks).toEqual(onA.blocks);
    // A revision keeps the structure (mapped through its changes), and so does its arrival.
    const version = await reviseAndApply(a, idA);
    const revisedA = await a.core.api.getDocument({ id: idA, version }, a.ctx);
    expect(revisedA.blocks.map((blk) => blk.kind)).toEqual(onA.blocks.map((blk) => blk.kind));
    const revisedB = await b.until(async () => {
      const d = await b.core.api.getDocument({ id: idB }, b.ctx);
      return d.text === revisedA.text && d;
    }, 'the revised version');
    expect(revisedB.blocks).toEqual(revisedA.blocks);
  });

  it('keeps the text of a version whose blocks do not fit it, without them', async () => {
    const account = `user${++n}`;
    const user = await env.server.accounts.add(account, PASSWORD);
    const token = env.server.accounts.issueToken(account, 'script').token;
    const doc = crypto.randomUUID();
    const text = 'Heading\n\nBody of the note.';
    const version = (blocks: unknown[]) => ({
      kind: 'version',
      key: crypto.randomUUID(),
      doc,
      vid: crypto.randomUUID(),
      parents: [],
      origin: 'import',
      text,
      blocks,
      word_count: 5,
      created_at: new Date().toISOString(),
    });
    const fitting = version([
      { kind: 'heading', start: 0, end: 7, level: 2 },
      { kind: 'paragraph', start: 9, end: 26 },
    ]);
    // One block for two paragraphs, then blocks that are not blocks at all.
    const misfit = { ...version([{ kind: 'heading', start: 0, end: 26, level: 1 }]), parents: [fitting.vid] };
    const garbage = { ...version([{ kind: 'table', rows: 3 }, 'x']), parents: [misfit.vid] };
    const res = await fetch(`${env.url}/api/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        library: user.id,
        device: { id: crypto.randomUUID(), name: 'script' },
        changes: [
          {
            kind: 'document',
            key: crypto.randomUUID(),
            doc,
            name: 'note.md',
            format: 'md',
            size_bytes: text.length,
            created_at: new Date().toISOString(),
            import_error: null,
          },
          fitting,
          misfit,
          garbage,
        ],
      }),
    });
    expect(res.status).toBe(200);
    b = startDevice('office');
    await b.core.api.connectSync(
      { server_url: env.url, device_name: 'office', credentials: { name: account, password: PASSWORD } },
      b.ctx,
    );
    const { id } = await b.until(async () => {
      const doc = (await docsByName(b)).get('note.md');
      return doc?.version === 3 && doc;
    }, 'the versions');
    const blocksOf = async (v: number) => {
      const d = await b.core.api.getDocument({ id, version: v }, b.ctx);
      expect(d.text).toBe(text);
      return d.blocks.map((blk) => blk.kind);
    };
    expect(await blocksOf(1)).toEqual(['heading', 'paragraph']);
    expect(await blocksOf(2)).toEqual([]);
    expect(await blocksOf(3)).toEqual([]);
  });

  it('keeps both versions made on the same one, the later current on both devices, and settles the conflict', async () => {
    await pair();
    const { documents } = await a.core.api.importDocuments({ files: [{ name: 'shared.txt', text: aiText(4) }] }, a.ctx);
    const idA = documents[0].id;
    await a.until(async () => (await a.core.api.getDocument({ id: idA }, a.ctx)).status === 'analyzed', 'analysis');
    const idB = (await b.until(
      async () =>
        (await docsByName(b)).get('shared.txt')?.status === 'analyzed' && (await docsByName(b)).get('shared.txt'),
      'document',
    ))!.id;
    await synced(a);

    // A goes offline and revises; B revises the same version and syncs first.
    await a.core.sync.stop();
    await reviseAndApply(a, idA);
    expect((await a.core.api.getSyncStatus({}, a.ctx)).pending).toBeGreaterThan(0);
    await reviseAndApply(b, idB);
    await synced(b);
    // A comes back: its version reaches the server after B's, so it is the current one everywhere.
    a.core.sync.start();
    await synced(a);
    const conflictOn = (d: Device) =>
      d.until(async () => {
        const { conflicts } = await d.core.api.listConflicts({}, d.ctx);
        return conflicts.length === 1 && conflicts[0];
      }, 'the conflict');
    const [ca, cb] = await Promise.all([conflictOn(a), conflictOn(b)]);
    for (const c of [ca, cb]) {
      expect(c.versions).toHaveLength(2);
      expect(c.versions.filter((v) => v.current)).toHaveLength(1);
    }
    // On A the current one is its own (no device name: this device); the other is B's.
    expect(ca.versions.map((v) => [v.current, v.device_name])).toEqual([
      [true, null],
      [false, 'office'],
    ]);
    expect(cb.versions.map((v) => [v.current, v.device_name])).toEqual([
      [true, 'laptop'],
      [false, null],
    ]);
    const textA = (await a.core.api.getDocument({ id: idA }, a.ctx)).text;
    await b.until(
      async () => (await b.core.api.getDocument({ id: idB }, b.ctx)).text === textA,
      'the same current text',
    );
    expect((await b.core.api.getSyncBadges({}, b.ctx)).documents[idB]).toBe('conflict');

    // B keeps its own version: a merge version on top of both, current on both devices, no conflict left.
    const mine = cb.versions.find((v) => !v.current)!;
    // Its analysis (made on B when the revision was applied) is copied to the settling version.
    const kept = await b.until(async () => {
      const d = await b.core.api.getDocument({ id: idB, version: mine.version }, b.ctx);
      return d.analysis_model !== null && d;
    }, 'the analysis of its own version');
    const keptText = kept.text;
    const resolved = await b.core.api.resolveConflict({ id: idB, keep_version: mine.version }, b.ctx);
    expect(resolved.document.status).toBe('analyzed');
    await a.until(async () => (await a.core.api.listConflicts({}, a.ctx)).conflicts.length === 0, 'conflict settled');
    await a.until(async () => (await a.core.api.getDocument({ id: idA }, a.ctx)).text === keptText, 'kept text');
    const onA = await a.core.api.getDocument({ id: idA }, a.ctx);
    expect(onA.versions).toHaveLength(4);
    expect(onA.status).toBe('analyzed');
  });

  it('lets a delete win only over the versions it saw', async () => {
    await pair();
    const { documents } = await a.core.api.importDocuments(
      {
        files: [
          { name: 'gone.txt', text: humanText(3) },
          { name: 'kept.txt', text: aiText(3) },
        ],
      },
      a.ctx,
    );
    const [gone, kept] = documents.map((d) => d.id);
    const onB = await b.until(async () => {
      const m = await docsByName(b);
      return m.get('gone.txt')?.status === 'analyzed' && m.get('kept.txt')?.status === 'analyzed' && m;
    }, 'both documents');
    await synced(a);
    // A delete that saw every version: gone on B too, with what B's hub kept of its channel.
    const goneChannel = documentChannel(onB.get('gone.txt')!.id);
    const replayed = b.core.hub.replay(goneChannel, 0);
    expect('events' in replayed && replayed.events.length).toBeGreaterThan(0);
    await a.core.api.deleteDocument({ id: gone }, a.ctx);
    await b.until(async () => !(await docsByName(b)).has('gone.txt'), 'the delete');
    expect(b.core.hub.replay(goneChannel, 0)).toMatchObject({ resync: true });

    // A deletes offline while B adds a version A never saw: the delete loses, A gets the document back.
    await a.core.sync.stop();
    await a.core.api.deleteDocument({ id: kept }, a.ctx);
    await reviseAndApply(b, onB.get('kept.txt')!.id);
    await synced(b);
    a.core.sync.start();
    const back = await a.until(async () => (await docsByName(a)).get('kept.txt'), 'the document back');
    const detail = await a.core.api.getDocument({ id: back.id }, a.ctx);
    expect(detail.versions).toHaveLength(2);
    expect(detail.text).toBe((await b.core.api.getDocument({ id: onB.get('kept.txt')!.id }, b.ctx)).text);
    await synced(a);
    expect((await docsByName(b)).has('kept.txt')).toBe(true);
  });

  it("says so when this device's disk is full, applies nothing half, and catches up once there is room", async () => {
    await pair();
    await a.core.api.importDocuments({ files: [{ name: 'small.txt', text: humanText(2) }] }, a.ctx);
    await b.until(async () => (await docsByName(b)).get('small.txt')?.status === 'analyzed', 'the first import');
    await synced(b);
    const stored: string[] = [];
    const untap = b.core.hub.tap((env) => stored.push(env.event));
    // The database may not grow any more: SQLite answers SQLITE_FULL, as on a full disk.
    const pages = b.core.db.pragma('page_count', { simple: true }) as number;
    b.core.db.pragma(`max_page_count = ${pages}`);
    try {
      await a.core.api.importDocuments({ files: [{ name: 'large.txt', text: humanText(400) }] }, a.ctx);
      const status = await b.until(async () => {
        const st = await b.core.api.getSyncStatus({}, b.ctx);
        return st.state === 'error' && st;
      }, 'a sync error');
      expect(status.message).toMatch(/disk that holds Inkproof’s data is full/);
      expect(stored).toContain('storage.failed');
      // Nothing of the page that failed: no text (its document may have come in an earlier page).
      expect((await docsByName(b)).get('large.txt')?.word_count ?? null).toBeNull();
    } finally {
      b.core.db.pragma('max_page_count = 1073741823');
    }
    // Retried by itself: the whole page arrives.
    await b.until(async () => (await docsByName(b)).get('large.txt')?.status === 'analyzed', 'the large import');
    await synced(b);
    await b.until(() => stored.includes('storage.recovered'), 'storage.recovered');
    untap();
  });

  it("catches up by its cursor when the library's announcements overflow what the server keeps of its channel", async () => {
    await pair();
    const { documents } = await a.core.api.importDocuments(
      { files: [{ name: 'busy.txt', text: humanText(2) }] },
      a.ctx,
    );
    await b.until(async () => (await docsByName(b)).get('busy.txt')?.status === 'analyzed', 'the import');
    await synced(b);
    await b.core.sync.stop();
    const seen = b.core.sync.device.row().channel_seq!;
    const library = b.core.sync.device.row().library_id!;
    await a.core.api.renameDocument({ id: documents[0].id, name: 'busy-renamed.txt' }, a.ctx);
    await synced(a);
    // A busy library while B is away: more announcements than one channel may keep in the server's
    // replay window (an eighth of it), as many other devices' pushes would make.
    const channel = syncLibraryChannel(library);
    const head = env.server.syncLibraries.head(library);
    const quota = 20_000 / 8;
    for (let i = 0; i <= quota; i++)
      env.core.hub.broadcast({
        channel,
        event: 'sync.changes',
        data: { head, device_id: a.core.sync.device.deviceId },
      });
    env.core.hub.flush();
    expect(env.core.hub.replay(channel, seen)).toMatchObject({ resync: true });
    b.core.sync.start();
    await b.until(async () => (await docsByName(b)).has('busy-renamed.txt'), 'the rename');
    await synced(b);
  });

  it('stops a device whose token is revoked, with a clear status, and keeps its documents', async () => {
    const account = await pair();
    await a.core.api.importDocuments({ files: [{ name: 'mine.txt', text: humanText(2) }] }, a.ctx);
    await b.until(async () => (await docsByName(b)).get('mine.txt')?.status === 'analyzed', 'document');
    const office = env.server.accounts.tokens(account).find((t) => t.name === 'office')!;
    env.server.accounts.revokeToken(account, String(office.id));
    // Nothing else happens: the server closes the revoked token's socket, and B, asking why, is refused.
    const status = await b.until(async () => {
      const s = await b.core.api.getSyncStatus({}, b.ctx);
      return s.state === 'signed_out' && s;
    }, 'signed out');
    expect(status.message).toMatch(/no longer accepts this device/);
    expect((await docsByName(b)).has('mine.txt')).toBe(true);
    // What A does next never reaches B.
    await a.core.api.importDocuments({ files: [{ name: 'after.txt', text: humanText(2) }] }, a.ctx);
    await synced(a);
    expect((await docsByName(b)).has('after.txt')).toBe(false);
    // It does not come back by itself, and A goes on syncing.
    await b.core.api.retrySync({}, b.ctx);
    expect((await b.core.api.getSyncStatus({}, b.ctx)).state).toBe('signed_out');
    await synced(a);
  });

  it('keeps libraries apart: an account reads only its own, or one shared with it explicitly', async () => {
    const alice = env.server.accounts.find('alice')!;
    const bobToken = env.server.accounts.issueToken('bob', 'test').token;
    const get = (path: string, token: string) =>
      fetch(`${env.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await get(`/api/sync/changes?library=${alice.id}&since=0`, bobToken)).status).toBe(403);
    const hello: any = await (await get('/api/sync/hello', bobToken)).json();
    expect(hello.libraries.map((l: { id: number }) => l.id)).toEqual([env.server.accounts.find('bob')!.id]);
    env.server.syncLibraries.share(alice.id, env.server.accounts.find('bob')!.id);
    const res = await get(`/api/sync/changes?library=${alice.id}&since=0`, bobToken);
    expect(res.status).toBe(200);
    const shared: any = await (await get('/api/sync/hello', bobToken)).json();
    expect(shared.libraries.map((l: { role: string; owner: string }) => [l.role, l.owner])).toEqual([
      ['owner', 'bob'],
      ['shared', 'alice'],
    ]);
    env.server.syncLibraries.unshare(alice.id, env.server.accounts.find('bob')!.id);
    expect((await get(`/api/sync/changes?library=${alice.id}&since=0`, bobToken)).status).toBe(403);
  });

  it('applies a change sent twice once, and says so', async () => {
    const account = `user${++n}`;
    const user = await env.server.accounts.add(account, PASSWORD);
    const token = env.server.accounts.issueToken(account, 'script').token;
    const doc = crypto.randomUUID();
    const vid = crypto.randomUUID();
    const changes = [
      {
        kind: 'document',
        key: crypto.randomUUID(),
        doc,
        name: 'x.txt',
        format: 'txt',
        size_bytes: 5,
        created_at: new Date().toISOString(),
        import_error: null,
      },
      {
        kind: 'version',
        key: crypto.randomUUID(),
        doc,
        vid,
        parents: [],
        origin: 'import',
        text: 'hello',
        word_count: 1,
        created_at: new Date().toISOString(),
      },
    ];
    const push = async (body: unknown): Promise<any> =>
      (
        await fetch(`${env.url}/api/sync/push`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      ).json();
    const device = { id: crypto.randomUUID(), name: 'script' };
    const first = await push({ library: user.id, device, changes });
    const again = await push({ library: user.id, device, changes });
    expect(first.receipts.map((r: { status: string }) => r.status)).toEqual(['applied', 'applied']);
    expect(again.receipts).toEqual(first.receipts.map((r: object) => ({ ...r, status: 'duplicate' })));
    // The same version under another key is still the same version.
    const other = await push({ library: user.id, device, changes: [{ ...changes[1], key: crypto.randomUUID() }] });
    expect(other.receipts[0]).toMatchObject({ status: 'duplicate', seq: first.receipts[1].seq });
    // A version of a document the library never heard of, and garbage, are refused.
    const orphan = await push({
      library: user.id,
      device,
      changes: [{ ...changes[1], key: crypto.randomUUID(), doc: crypto.randomUUID(), vid: crypto.randomUUID() }],
    });
    expect(orphan.receipts[0]).toMatchObject({ status: 'refused', reason: 'unknown_document' });
    const bad = await push({ library: user.id, device, changes: [{ kind: 'version', key: 'nope' }] });
    expect(bad.error.code).toBe('invalid_input');
    // A push holds more values than other bodies may (whole analyses), up to its own limit.
    const manyBlocks = Array.from({ length: 12_000 }, () => ({ kind: 'paragraph', start: 0, end: 5 }));
    const large = await push({
      library: user.id,
      device,
      changes: [{ ...changes[1], key: crypto.randomUUID(), blocks: manyBlocks }],
    });
    expect(large.error).toBeUndefined();
    expect(large.receipts).toHaveLength(1);
    const flood = await push({
      library: user.id,
      device,
      changes: [{ kind: 'version', key: new Array(1_000_001).fill(0) }],
    });
    expect(flood.error.code).toBe('too_large');
    const page: any = await (
      await fetch(`${env.url}/api/sync/changes?library=${user.id}&since=0`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    expect(page.records.map((r: { kind: string }) => r.kind)).toEqual(['document', 'version']);
    expect(page).toMatchObject({ next: 2, head: 2, more: false });
  });
});

describe('a device restarted', () => {
  it("listens again on the server's own Pusher app, whatever its key, without signing in again", async () => {
    const env = await startSyncServer({ id: 'acme', key: 'acme-key', secret: 'acme-secret', requireToken: false });
    const t = tempDir('inkproof-device-restart-');
    let a: Device | null = null;
    let b: Device | null = null;
    try {
      await env.server.accounts.add('carol', 'correct horse');
      a = startDevice('laptop');
      b = startDevice('office', { dir: t.dir });
      for (const d of [a, b])
        await d.core.api.connectSync(
          { server_url: env.url, device_name: d.name, credentials: { name: 'carol', password: 'correct horse' } },
          d.ctx,
        );
      await b.close();
      b = startDevice('office', { dir: t.dir });
      const live = b.core.sync as unknown as { socket: { connectionState: string } | null };
      await b.until(() => live.socket?.connectionState === 'live', 'the live channel');
      // Only the live notification can bring this to B now.
      await a.core.api.importDocuments({ files: [{ name: 'later.txt', text: humanText(2) }] }, a.ctx);
      await b.until(async () => (await docsByName(b!)).has('later.txt'), 'the import');
    } finally {
      await a?.close();
      await b?.close();
      await env.close();
      t.cleanup();
    }
  });
});
