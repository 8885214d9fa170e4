/**
 * The sync part of the status bar: "Synced", "Syncing 3 changes", "Offline — changes are kept on
 * this device", "Sync error: …" with a retry, and the conflicts waiting for review.
 */
import { useActions } from '../app/context';
import { href } from '../app/router';
import { syncLabel } from './labels';
import { useSync } from './model';
import './sync.css';

export function SyncStatusBar() {
  const { view, model } = useSync();
  const actions = useActions();
  const s = view.status;
  // Nothing to say before the first sign-in, or after signing out.
  if (!s || s.server_url === null || s.state === 'off') return null;
  const canRetry = s.state === 'offline' || s.state === 'error';
  return (
    <div
      className="sync-status"
      role="status"
      aria-live="polite"
      data-sync-state={s.state}
      data-sync-pending={s.pending}
    >
      <span className={`sync-dot sync-${s.state}`} aria-hidden="true" />
      <a href={href('/settings')} className="sync-label" title={s.message ?? undefined}>
        {syncLabel(s)}
      </a>
      {canRetry && (
        <button
          type="button"
          className="button small ghost"
          onClick={() => model.run('retrySync', {}).catch((err) => actions.toastError(err, 'Could not retry'))}
        >
          Retry
        </button>
      )}
      {s.conflicts > 0 && (
        <a href={href('/settings')} className="sync-conflicts">
          {s.conflicts} conflict{s.conflicts === 1 ? '' : 's'} to review
        </a>
      )}
    </div>
  );
}
