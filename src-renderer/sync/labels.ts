/** What the status bar and the badges say, in words a person understands. */
import type { DocumentSyncState, SyncStatus } from '../../src-shared/sync';

export function syncLabel(s: SyncStatus): string {
  switch (s.state) {
    case 'synced':
      return 'Synced';
    case 'syncing':
      return s.pending > 0 ? `Syncing ${s.pending} change${s.pending === 1 ? '' : 's'}` : 'Syncing…';
    case 'offline':
      return 'Offline — changes are kept on this device';
    case 'error':
      return `Sync error: ${s.message ?? 'the server answered badly'}`;
    case 'signed_out':
      return 'Sync error: this device was signed out — sign in again';
    case 'off':
      return 'Sync is off';
  }
}

export const BADGE: Record<DocumentSyncState, { label: string; title: string } | null> = {
  local: null,
  synced: { label: 'Synced', title: 'This document is the same on the sync server.' },
  pending: { label: 'Waiting to sync', title: 'Changes to this document are kept here until the server has them.' },
  conflict: {
    label: 'Conflict',
    title: 'Two devices changed this document from the same version: both versions are kept. Review them in Settings.',
  },
};
