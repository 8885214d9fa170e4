/**
 * The commands behind the review: an export of a revision keeps exactly the changes the reader
 * accepted, versions carry their own scores, the event log's history is each account's own, and
 * `whoami` names the account whose channels the interface follows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyHunks } from '../../src-shared/hunks';
import { createCore, type Core } from '../../src-main/core/core';
import { AccountStore } from '../../src-main/core/accounts/accounts';
import { dispatch } from '../../src-main/core/commands';
import { fakeBroadcasts, type BroadcastFake } from '../../src-main/core/hub/fake';
import { silentLogger } from '../../src-main/core/logger';
import type { HubUser } from '../../src-main/core/hub/authorizer';
import { tempDir } from '../helpers/temp';
import { aiText, humanText } from '../helpers/texts';

describe('review commands', () => {
  let core: Core;
  let fake: BroadcastFake;
  let other: HubUser;
  const t = tempDir();
  const ctx = () => ({ user: core.localUser });

  beforeAll(async () => {
    core = createCore({ dataDir: t.dir, logger: silentLogger(), threads: 1, progressIntervalMs: 0 });
    fake = fakeBroadcasts(core.hub);
    const added = await new AccountStore(core.db).add('other', null);
    other = { id: added.id, name: added.name ?? 'other' };
  });
  afterAll(async () => {
    await core.close();
    t.cleanup();
  });

  async function revised(name: string) {
    const { documents } = await core.api.importDocuments({ files: [{ name, text: aiText(3) }] }, ctx());
    const id = documents[0].id;
    await fake.waitFor(`private-documents.${id}`, 'document.analyzed');
    const { rewrite } = await core.api.rewriteDocument(
      { id, options: { scope: 'document', mode: 'standard', strength: 2 } },
      ctx(),
    );
    await fake.waitFor(`private-rewrites.${rewrite.id}`, 'rewrite.completed');
    const detail = await core.api.getRewrite({ id: rewrite.id }, ctx());
    expect(detail.hunks.length).toBeGreaterThan(2);
    return { id, detail };
  }

  const textOf = (file: { base64: string }) => Buffer.from(file.base64, 'base64').toString('utf8').replace(/\n$/, '');

  it('exports a revision with the accepted changes only, and an applied one as applied', async () => {
    const { id, detail } = await revised('decide.txt');
    const accepted = [detail.hunks[0].id];
    const rejected = detail.hunks[1];
    const exported = await core.api.exportDocument(
      { id, format: 'txt', rewrite_id: detail.id, accepted_hunks: accepted },
      ctx(),
    );
    expect(exported.name).toBe('decide-revised.txt');
    expect(textOf(exported)).toBe(applyHunks(detail.original, detail.hunks, accepted));
    // The rejected change is not in the file.
    expect(textOf(exported)).not.toBe(detail.result);
    const shift = detail.hunks[0].after.length - detail.hunks[0].before.length;
    const at = rejected.start + shift;
    expect(textOf(exported).slice(at, at + rejected.before.length)).toBe(rejected.before);

    const none = await core.api.exportDocument({ id, format: 'txt', rewrite_id: detail.id, accepted_hunks: [] }, ctx());
    expect(textOf(none)).toBe(detail.original);
    await expect(
      core.api.exportDocument({ id, format: 'txt', rewrite_id: detail.id, accepted_hunks: [987654] }, ctx()),
    ).rejects.toMatchObject({ code: 'invalid_input' });

    // Applied with two changes: without a list, the revision exports as what was applied.
    const two = detail.hunks.slice(0, 2).map((h) => h.id);
    await core.api.applyRewrite({ id: detail.id, accepted_hunks: two }, ctx());
    const applied = await core.api.exportDocument({ id, format: 'md', rewrite_id: detail.id }, ctx());
    expect(textOf(applied)).toBe(applyHunks(detail.original, detail.hunks, two));
  });

  it('refuses accepted_hunks without a revision, and a version together with a revision', async () => {
    await expect(
      dispatch(core.api, 'exportDocument', { id: 1, format: 'txt', accepted_hunks: [1] }, ctx()),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      dispatch(core.api, 'exportDocument', { id: 1, format: 'txt', version: 1, rewrite_id: 1 }, ctx()),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('gives every version its own score, and an earlier version reads with its own', async () => {
    const { id, detail } = await revised('versions.txt');
    await core.api.applyRewrite({ id: detail.id, accepted_hunks: 'all' }, ctx());
    await fake.waitFor(`private-documents.${id}`, 'document.analyzed', (d) => d.analyzed_at > detail.completed_at!);
    const doc = await core.api.getDocument({ id }, ctx());
    expect(doc.versions.map((v) => v.version)).toEqual([1, 2]);
    const [v1, v2] = doc.versions;
    expect(v1.ai_confidence).toEqual(expect.any(Number));
    expect(v1.verdict).toEqual(expect.any(String));
    expect(v2.ai_confidence).toBe(doc.ai_confidence);
    expect(v2.rewrite_id).toBe(detail.id);
    const old = await core.api.getDocument({ id, version: 1 }, ctx());
    expect(old.text).toBe(detail.original);
    expect(old.ai_confidence).toBe(v1.ai_confidence);
    expect(old.verdict).toBe(v1.verdict);
  });

  it("lists the newest events of the caller's own channels, newest first", async () => {
    const mine = await core.api.importDocuments({ files: [{ name: 'log-mine.txt', text: humanText(3) }] }, ctx());
    const theirs = await core.api.importDocuments(
      { files: [{ name: 'log-theirs.txt', text: humanText(3) }] },
      { user: other },
    );
    await fake.waitFor(`private-documents.${theirs.documents[0].id}`, 'document.analyzed');
    await fake.waitFor(`private-documents.${mine.documents[0].id}`, 'document.analyzed');
    core.hub.flush();

    const { events } = await core.api.getRecentEvents({ limit: 5000 }, ctx());
    expect(events.length).toBeGreaterThan(10);
    expect(events.some((e) => e.channel === `private-documents.${mine.documents[0].id}`)).toBe(true);
    expect(events.some((e) => e.channel === `private-documents.${theirs.documents[0].id}`)).toBe(false);
    expect(events.some((e) => e.channel === `private-library.${other.id}`)).toBe(false);
    for (let i = 1; i < events.length; i++) expect(events[i - 1].ts).toBeGreaterThanOrEqual(events[i].ts);

    const theirsLog = await core.api.getRecentEvents({ limit: 3 }, { user: other });
    expect(theirsLog.events).toHaveLength(3);
    for (const e of theirsLog.events) expect(e.channel).not.toBe(`private-library.${core.localUser.id}`);
  });

  it('names the signed-in account', async () => {
    expect(await core.api.whoami({}, ctx())).toEqual({ user: { id: 1, name: 'local' } });
    expect(await core.api.whoami({}, { user: other })).toEqual({ user: { id: other.id, name: 'other' } });
  });
});
