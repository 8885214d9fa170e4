/** The activity list: every notification of finished (or failed) work, kept after its toast goes. */
import { useState } from 'react';
import { useAppState } from '../app/context';
import { href } from '../app/router';
import { formatClock } from '../store/format';
import { Dialog } from './Dialog';

export function ActivityButton() {
  const activity = useAppState((s) => s.activity);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button small ghost" onClick={() => setOpen(true)} data-testid="activity-button">
        Activity ({activity.length})
      </button>
      <Dialog open={open} title="Activity" onClose={() => setOpen(false)}>
        {activity.length === 0 ? (
          <p className="muted">Nothing has finished yet in this window.</p>
        ) : (
          <ol className="activity-list" data-testid="activity-list">
            {activity.map((a) => (
              <li key={a.id} data-kind={a.kind}>
                <time className="mono muted">{formatClock(a.at).slice(0, 8)}</time>
                <span>
                  {a.message}{' '}
                  {a.route && (
                    <a href={href(a.route)} onClick={() => setOpen(false)}>
                      Open
                    </a>
                  )}
                </span>
              </li>
            ))}
          </ol>
        )}
        <div className="dialog-actions">
          <button type="button" className="button primary" onClick={() => setOpen(false)} autoFocus>
            Close
          </button>
        </div>
      </Dialog>
    </>
  );
}
