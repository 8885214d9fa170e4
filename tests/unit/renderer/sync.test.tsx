// @vitest-environment happy-dom
/**
 * The sync pieces of the interface against a fake device: the status bar says what a person
 * understands and offers a retry where one helps, a document's badge follows its state, both load
 * again when the device announces a change, and nothing of sync shows where the device refuses
 * (another account's window).
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentConflict, DocumentSyncState, SyncStatus } from '../../../src-shared/sync';
import { AppProvider, createApp, type App } from '../../../src-renderer/app/context';
import { ConflictList } from '../../../src-renderer/sync/ConflictList';
import { SyncBadge } from '../../../src-renderer/sync/SyncBadge';
import { syncLabel } from '../../../src-renderer/sync/labels';
import { SyncStatusBar } from '../../../src-renderer/sync/SyncStatusBar';
import { asAppBridge, FakeBridge, ManualClock } from './fakes';

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
});

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({
  state: 'synced',
  pending: 0,
  message: null,
  server_url: 'http://sync.test',
  account: 'alice',
  library: 2,
  device_id: '00000000-0000-4000-8000-000000000000',
  device_name: 'laptop',
  last_synced_at: null,
  retry_at: null,
  conflicts: 0,
  token_kept: 'in memory',
  ...over,
});

let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
});

function setup(
  current: {
    status: SyncStatus | null;
    badges: Record<string, DocumentSyncState>;
    conflicts?: DocumentConflict[];
  },
  user: { id: number; name: string } | null = { id: 1, name: 'owner' },
) {
  const bridge = new FakeBridge();
  bridge.handlers = {
    getSyncStatus: () => {
      if (!current.status) throw new Error('forbidden');
      return current.status;
    },
    getSyncBadges: () => ({ documents: current.badges }),
    listConflicts: () => ({ conflicts: current.conflicts ?? [] }),
    resolveConflict: (args) => {
      current.conflicts = [];
      current.status = { ...current.status!, conflicts: 0 };
      return { document: { id: (args as { id: number }).id }, version: 4 };
    },
    retrySync: () => ({ ...current.status!, state: 'syncing' }),
  };
  const appBridge = asAppBridge(bridge);
  const clock = new ManualClock();
  const app: App = createApp(appBridge, { clock });
  // Who is signed in (the app asks with whoami when it starts): by default the device's owner.
  if (user) app.store.setState({ user });
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  act(() =>
    root!.render(
      <AppProvider app={app}>
        <SyncStatusBar />
        <SyncBadge documentId={7} />
        <ConflictList />
      </AppProvider>,
    ),
  );
  return { bridge, app, clock };
}

/** Lets the model's loads settle. */
async function settle() {
  await act(async () => {
    for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  });
}

describe('sync in the interface', () => {
  it('says what is happening in words', () => {
    expect(syncLabel(status())).toBe('Synced');
    expect(syncLabel(status({ state: 'syncing', pending: 3 }))).toBe('Syncing 3 changes');
    expect(syncLabel(status({ state: 'syncing', pending: 1 }))).toBe('Syncing 1 change');
    expect(syncLabel(status({ state: 'offline' }))).toBe('Offline — changes are kept on this device');
    expect(syncLabel(status({ state: 'error', message: 'The sync server answered with an error (500).' }))).toBe(
      'Sync error: The sync server answered with an error (500).',
    );
  });

  it("follows the signed-in account's own sync channel once the window knows who that is", async () => {
    const current = { status: status({ state: 'syncing', pending: 2 }), badges: {} };
    const { bridge, app, clock } = setup(current, null);
    await settle();
    const channels = () => bridge.subscribeCalls.map((c) => c.channel);
    expect(channels().some((c) => c.startsWith('private-sync.'))).toBe(false);
    act(() => app.store.setState({ user: { id: 5, name: 'account 5' } }));
    await settle();
    expect(channels()).toContain('private-sync.5');
    expect(channels()).not.toContain('private-sync.1');
    current.status = status({ state: 'offline' });
    act(() => {
      bridge.publish('private-sync.5', 'sync.status', {
        state: 'offline',
        pending: 0,
        message: null,
        conflicts: 0,
        documents: [],
      });
      clock.frame();
    });
    await settle();
    expect(host!.querySelector('[data-sync-state]')?.getAttribute('data-sync-state')).toBe('offline');
  });

  it('shows the status and the badge, and follows the device when it announces a change', async () => {
    const current: { status: SyncStatus; badges: Record<string, DocumentSyncState> } = {
      status: status({ state: 'syncing', pending: 2 }),
      badges: { 7: 'pending' },
    };
    const { bridge, clock } = setup(current);
    await settle();
    const bar = host!.querySelector('[data-sync-state]')!;
    expect(bar.getAttribute('data-sync-state')).toBe('syncing');
    expect(bar.textContent).toContain('Syncing 2 changes');
    expect(host!.querySelector('[data-sync-badge]')?.textContent).toBe('Waiting to sync');
    current.status = status({ state: 'offline' });
    current.badges = { 7: 'conflict' };
    act(() => {
      bridge.publish('private-sync.1', 'sync.status', {
        state: 'offline',
        pending: 0,
        message: null,
        conflicts: 1,
        documents: [7],
      });
      // The live client hands events over once per frame.
      clock.frame();
    });
    await settle();
    expect(host!.querySelector('[data-sync-state]')?.textContent).toContain(
      'Offline — changes are kept on this device',
    );
    expect(host!.querySelector('[data-sync-badge]')?.textContent).toBe('Conflict');
    const retry = [...host!.querySelectorAll('button')].find((b) => b.textContent === 'Retry')!;
    expect(retry).toBeTruthy();
    act(() => retry.click());
    await settle();
    expect(bridge.invoked.some((c) => c.command === 'retrySync')).toBe(true);
  });

  it('shows nothing of sync where the device refuses (another account) or sync was never set up', async () => {
    setup({ status: null, badges: {} });
    await settle();
    expect(host!.querySelector('[data-sync-state]')).toBeNull();
    act(() => root?.unmount());
    host?.remove();
    setup({ status: status({ state: 'off', server_url: null }), badges: {} });
    await settle();
    expect(host!.querySelector('[data-sync-state]')).toBeNull();
    expect(host!.querySelector('[data-sync-badge]')).toBeNull();
  });

  it('lists conflicting versions with the device of each, and keeps the one chosen', async () => {
    const current = {
      status: status({ conflicts: 1 }),
      badges: { 7: 'conflict' as const },
      conflicts: [
        {
          document_id: 7,
          name: 'report.md',
          versions: [
            {
              version: 3,
              device_name: 'office',
              created_at: '2026-01-02T00:00:00.000Z',
              word_count: 410,
              origin: 'revision' as const,
              current: true,
            },
            {
              version: 2,
              device_name: null,
              created_at: '2026-01-01T00:00:00.000Z',
              word_count: 398,
              origin: 'revision' as const,
              current: false,
            },
          ],
        },
      ],
    };
    const { bridge } = setup(current);
    await settle();
    const list = host!.querySelector('[data-conflict-document="7"]')!;
    expect(list.textContent).toContain('report.md');
    const rows = [...list.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows[0]).toContain('3 (shown)');
    expect(rows[0]).toContain('office');
    expect(rows[1]).toContain('this device');
    expect(host!.querySelector('.sync-conflicts')?.textContent).toBe('1 conflict to review');
    const keep = list.querySelectorAll('button')[1] as HTMLButtonElement;
    act(() => keep.click());
    await settle();
    expect(bridge.invoked.find((c) => c.command === 'resolveConflict')?.args).toEqual({ id: 7, keep_version: 2 });
    expect(host!.querySelector('[data-conflict-document]')).toBeNull();
  });
});
