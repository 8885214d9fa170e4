/**
 * The status bar: the connection (live, reconnecting, or offline with 5-second polling), then
 * whatever items the window adds (counts, the activity list, …) — it is composed, not fixed.
 */
import type { ReactNode } from 'react';
import { useAppState } from '../app/context';
import { useLiveStatus } from '../live/hooks';
import { formatClock } from '../store/format';
import { SyncStatusBar } from '../sync/SyncStatusBar';

const LABEL = { live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' } as const;

export function StatusBar({ kind, children }: { kind: 'web' | 'electron'; children?: ReactNode }) {
  const status = useLiveStatus();
  const docs = useAppState((s) => s.docs.size);
  const running = useAppState((s) => {
    let n = 0;
    for (const j of s.jobs.values()) if (j.status === 'processing') n++;
    return n;
  });
  const detail =
    status.connection === 'live'
      ? kind === 'electron'
        ? 'Events arrive as they happen.'
        : 'Connected to the Inkproof server; events arrive as they happen.'
      : status.polling
        ? `Checking for changes every 5 s${status.lastPollAt ? ` (last at ${formatClock(status.lastPollAt).slice(0, 8)})` : ''}.`
        : 'Trying to reconnect.';
  return (
    <footer className="statusbar" aria-label="Status bar">
      <div
        className="conn"
        role="status"
        aria-live="polite"
        data-connection={status.connection}
        data-polling={status.polling ? 'true' : 'false'}
      >
        <span className={`dot dot-${status.connection}`} aria-hidden="true" />
        <strong>{LABEL[status.connection]}</strong>
        <span className="muted"> — {detail}</span>
      </div>
      <SyncStatusBar />
      <div className="muted statusbar-right">
        <span>
          {docs} document{docs === 1 ? '' : 's'}
        </span>
        <span>
          {running} job{running === 1 ? '' : 's'} running
        </span>
        {children}
      </div>
    </footer>
  );
}
