import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentSummary } from '../../../src-shared/models';
import { LiveClient } from '../../../src-renderer/live/client';
import { Actions, createAppStore, DOCUMENT_WINDOW } from '../../../src-renderer/store/store';
import { asAppBridge, FakeBridge, ManualClock } from './fakes';

const summary = (id: number, status: DocumentSummary['status'] = 'queued'): DocumentSummary => ({
  id,
  name: `d${id}.txt`,
  format: 'txt',
  status,
  word_count: null,
  size_bytes: 10,
  ai_confidence: null,
  ai_share: null,
  verdict: null,
  error: null,
  version: 1,
  created_at: new Date(1_700_000_000_000 + id).toISOString(),
  analyzed_at: null,
});

function setup(docs: DocumentSummary[] = [], userId = 1) {
  const bridge = new FakeBridge();
  bridge.handlers = {
    whoami: () => ({ user: { id: userId, name: `user ${userId}` } }),
    listDocuments: () => ({ documents: docs, total: docs.length }),
    listJobs: () => ({ jobs: [] }),
    getSettings: () => ({ theme: 'system' }),
    getQueueStats: () => null,
  };
  const appBridge = asAppBridge(bridge);
  const clock = new ManualClock();
  const live = new LiveClient({ bridge: appBridge, clock });
  const store = createAppStore();
  const actions = new Actions(appBridge, store, live);
  return { bridge: appBridge, clock, live, store, actions };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

/** The payload of a `document.imported` event. */
const imported = (id: number, name: string, size_bytes = 10) => ({
  document_id: id,
  name,
  format: 'txt',
  size_bytes,
  imported_at: new Date().toISOString(),
});

afterEach(() => vi.useRealTimers());

describe('the signed-in account', () => {
  it("follows the account's own library and queue channels, not a fixed user's", async () => {
    const { bridge, clock, store, actions } = setup([], 7);
    actions.start();
    await flush();
    expect(store.getState().user).toEqual({ id: 7, name: 'user 7' });
    bridge.publish('private-library.7', 'document.imported', imported(70, 'mine.txt'));
    bridge.publish('private-library.1', 'document.imported', imported(10, 'not-mine.txt'));
    clock.runSoon();
    await flush();
    expect([...store.getState().docs.keys()]).toEqual([70]);
  });
});

describe('store updates from live events', () => {
  it('a burst of 1,000 events costs one store update per frame', async () => {
    const { bridge, clock, store, actions } = setup();
    actions.start();
    await flush();
    let updates = 0;
    store.subscribe(() => updates++);
    for (let i = 1; i <= 1000; i++) {
      bridge.publish('private-library.1', 'document.imported', imported(i, `f${i}.txt`, 1));
    }
    clock.runSoon();
    expect(store.getState().docs.size).toBe(1000);
    // One update for the batch (plus none for the toasts: they ride in the same patch).
    expect(updates).toBe(1);
    for (let i = 1; i <= 200; i++)
      bridge.publish('private-queue.1', 'job.updated', {
        id: i,
        type: 'analyze',
        subject_id: i,
        status: 'processing',
        progress: 0,
        attempts: 1,
        error: null,
        created_at: 'x',
        started_at: 'x',
        finished_at: null,
        runtime: null,
      });
    clock.runSoon();
    expect(updates).toBe(1);
    clock.frame();
    expect(updates).toBe(2);
    expect(store.getState().jobs.size).toBe(200);
  });

  it('follows the analysis of pending documents on their own channels, a bounded number at a time', async () => {
    const docs = Array.from({ length: DOCUMENT_WINDOW + 10 }, (_, i) => summary(i + 1));
    const { bridge, clock, live, store, actions } = setup(docs);
    actions.start();
    await flush();
    const held = () => live.subscribedChannels().filter((c) => c.startsWith('private-documents.'));
    expect(held()).toHaveLength(DOCUMENT_WINDOW);
    expect(held()).toContain('private-documents.1');
    // Document 1 was analysed before we subscribed: the replay from 0 brings it.
    bridge.publish('private-documents.1', 'document.analyzed', {
      document_id: 1,
      ai_confidence: 42.42,
      critical_sections: [],
      analyzed_at: new Date().toISOString(),
      verdict: 'uncertain',
    });
    clock.frame();
    expect(store.getState().docs.get(1)).toMatchObject({ status: 'analyzed', ai_confidence: 42.42 });
    // Its slot goes to the next document waiting.
    expect(held()).not.toContain('private-documents.1');
    expect(held()).toContain(`private-documents.${DOCUMENT_WINDOW + 1}`);
  });

  it('a resync of the library reloads it by command', async () => {
    const { bridge, clock, store, actions } = setup([summary(1, 'analyzed')]);
    actions.start();
    await flush();
    const before = bridge.invoked.filter((c) => c.command === 'listDocuments').length;
    for (const s of bridge.subs)
      if (s.channel === 'private-library.1') s.cb({ type: 'resync', channel: 'private-library.1', last_seq: 99 });
    clock.frame();
    await flush();
    expect(bridge.invoked.filter((c) => c.command === 'listDocuments').length).toBe(before + 1);
    expect(store.getState().docs.get(1)!.status).toBe('analyzed');
  });

  it('while the connection is down the library is polled every 5 s', async () => {
    vi.useFakeTimers();
    const { bridge, actions } = setup([summary(1, 'analyzed')]);
    actions.start();
    await vi.advanceTimersByTimeAsync(0);
    const count = () => bridge.invoked.filter((c) => c.command === 'listDocuments').length;
    const before = count();
    bridge.drop('offline');
    await vi.advanceTimersByTimeAsync(5000);
    expect(count()).toBe(before + 1);
    await vi.advanceTimersByTimeAsync(5000);
    expect(count()).toBe(before + 2);
    bridge.restore();
    await vi.advanceTimersByTimeAsync(15000);
    expect(count()).toBe(before + 2);
    actions.stop();
  });

  it('our own imports are added from the command result (the server does not echo them to us)', async () => {
    const { store, actions } = setup();
    actions.noteImported({
      documents: [summary(5)],
      errors: [{ name: 'bad.exe', error: { code: 'unsupported_format', message: 'Not a document.' } }],
    });
    expect(store.getState().docs.get(5)).toBeDefined();
    expect(store.getState().toasts.map((t) => t.kind)).toEqual(['info', 'error']);
  });

  it('a library list read before an import or a deletion neither drops the new document nor brings back the deleted one', async () => {
    const { bridge, clock, store, actions } = setup([summary(1), summary(2)]);
    actions.start();
    await flush();
    expect([...store.getState().docs.keys()].sort()).toEqual([1, 2]);
    // The next reload (a poll, a resync) reads the list; its answer is held back …
    let answer!: (v: unknown) => void;
    bridge.handlers.listDocuments = () => new Promise((r) => (answer = r));
    const reload = actions.loadLibrary();
    // … while document 3 is imported and document 2 deleted.
    bridge.publish('private-library.1', 'document.imported', imported(3, 'new.txt'));
    bridge.publish('private-library.1', 'document.deleted', { document_id: 2 });
    clock.frame();
    // The list was read before either.
    answer({ documents: [summary(1), summary(2)], total: 2 });
    await reload;
    expect([...store.getState().docs.keys()].sort()).toEqual([1, 3]);
  });

  it('a command answer older than the events that followed it does not undo them', async () => {
    const { bridge, clock, store, actions } = setup();
    const job = (status: string) => ({
      id: 7,
      type: 'analyze',
      subject_id: 1,
      status,
      progress: 0,
      attempts: 1,
      error: null,
      created_at: 'x',
      started_at: null,
      finished_at: null,
      runtime: null,
    });
    let answer!: (v: unknown) => void;
    bridge.handlers.retryJob = () => new Promise((r) => (answer = r));
    actions.start();
    await flush();
    const done = actions.retryJob(7);
    // The job runs and fails again before the answer to "retry" arrives.
    bridge.publish('private-queue.1', 'job.updated', job('queued'));
    bridge.publish('private-queue.1', 'job.updated', job('failed'));
    clock.frame();
    answer({ job: { ...job('queued'), max_attempts: 3, run_after: null, units: 1 } });
    await done;
    expect(store.getState().jobs.get(7)!.status).toBe('failed');
  });
});
