/** Toasts for completed and failed work; errors stay longer, hovering or focusing pauses them. */
import { useEffect, useRef, useState } from 'react';
import { useActions, useAppState } from '../app/context';
import { href } from '../app/router';
import type { Toast } from '../store/state';

function ToastItem({ toast }: { toast: Toast }) {
  const actions = useActions();
  const [paused, setPaused] = useState(false);
  const left = useRef(toast.kind === 'error' ? 12000 : 6000);
  useEffect(() => {
    if (paused) return;
    const started = Date.now();
    const t = setTimeout(() => actions.dismissToast(toast.id), left.current);
    return () => {
      clearTimeout(t);
      left.current -= Date.now() - started;
    };
  }, [paused, actions, toast.id]);
  return (
    <div
      className={`toast toast-${toast.kind}`}
      role={toast.kind === 'error' ? 'alert' : 'status'}
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={() => setPaused(false)}
    >
      <span className="toast-icon" aria-hidden="true">
        {toast.kind === 'error' ? '⚠' : toast.kind === 'success' ? '✓' : 'ℹ'}
      </span>
      <p>{toast.message}</p>
      {toast.route && (
        <a className="button small" href={href(toast.route)} onClick={() => actions.dismissToast(toast.id)}>
          Open
        </a>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss notification"
        onClick={() => actions.dismissToast(toast.id)}
      >
        ×
      </button>
    </div>
  );
}

export function Toasts() {
  const toasts = useAppState((s) => s.toasts);
  return (
    <section className="toasts" aria-label="Notifications">
      {toasts.map((t) => (
        <ToastItem key={t.id} toast={t} />
      ))}
    </section>
  );
}
