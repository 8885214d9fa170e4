/**
 * The interface's view of this device's sync (docs/sync.md): its status, the per-document badges
 * and the conflicts to review, loaded by command and loaded again whenever the device announces a
 * change (`sync.status` on its private sync channel) or the connection comes back. One model per
 * app, shared by every component that shows a part of it.
 *
 * Where this window is not the device's own (the browser version opened with another account's
 * token) the device refuses these commands, and nothing of sync is shown.
 */
import { useSyncExternalStore } from 'react';
import { syncChannel } from '../../src-shared/channels';
import type { CommandArgs } from '../../src-shared/commands';
import type { DocumentConflict, DocumentSyncState, SyncStatus } from '../../src-shared/sync';
import { useApp, type App } from '../app/context';

export interface SyncView {
  /** null: not loaded yet, or not this window's business. */
  status: SyncStatus | null;
  badges: Record<string, DocumentSyncState>;
  conflicts: DocumentConflict[];
}

export class SyncModel {
  view: SyncView = { status: null, badges: {}, conflicts: [] };
  private readonly listeners = new Set<() => void>();
  private loading = false;
  private again = false;
  private started = false;

  constructor(private readonly app: App) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    // The signed-in account's own sync channel, once the window knows who that is.
    const follow = (userId: number) =>
      this.app.live.private(syncChannel(userId)).listen('.sync.status', () => void this.refresh());
    const user = this.app.store.getState().user;
    if (user) follow(user.id);
    else {
      const stop = this.app.store.subscribe((s) => {
        if (!s.user) return;
        stop();
        follow(s.user.id);
      });
    }
    this.app.live.onStatus((s) => {
      if (s.connection === 'live') void this.refresh();
    });
    void this.refresh();
  }

  /** Loads status, badges and conflicts again (one load at a time; a request meanwhile loads once more after). */
  async refresh(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = true;
    try {
      const status = await this.app.bridge.invoke('getSyncStatus', {});
      const attached = status.server_url !== null;
      const [badges, conflicts] = attached
        ? await Promise.all([
            this.app.bridge.invoke('getSyncBadges', {}),
            status.conflicts > 0 ? this.app.bridge.invoke('listConflicts', {}) : Promise.resolve({ conflicts: [] }),
          ])
        : [{ documents: {} }, { conflicts: [] }];
      this.set({ status, badges: badges.documents, conflicts: conflicts.conflicts });
    } catch {
      // Not this window's device (forbidden), or the connection is down: show nothing new.
    } finally {
      this.loading = false;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    }
  }

  /** Runs a sync command that answers with the status (sign in, sign out, retry), and shows it. */
  async run(
    command: 'connectSync' | 'disconnectSync' | 'retrySync',
    args: CommandArgs<'connectSync'> | Record<string, never>,
  ): Promise<SyncStatus> {
    const status = (await this.app.bridge.invoke(command, args as never)) as SyncStatus;
    this.set({ ...this.view, status });
    void this.refresh();
    return status;
  }

  /** Keeps one of a document's conflicting versions (a new version every device gets). */
  async resolve(documentId: number, version: number): Promise<void> {
    await this.app.bridge.invoke('resolveConflict', { id: documentId, keep_version: version });
    await this.refresh();
  }

  private set(view: SyncView): void {
    this.view = view;
    for (const l of [...this.listeners]) l();
  }
}

const models = new WeakMap<App, SyncModel>();

export function syncModel(app: App): SyncModel {
  let m = models.get(app);
  if (!m) {
    m = new SyncModel(app);
    models.set(app, m);
  }
  return m;
}

export function useSync(): { view: SyncView; model: SyncModel } {
  const model = syncModel(useApp());
  const view = useSyncExternalStore(
    (cb) => model.subscribe(cb),
    () => model.view,
    () => model.view,
  );
  return { view, model };
}
