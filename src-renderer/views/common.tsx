/** Pieces every view shares. */
import { useEffect, useRef, type ReactNode } from 'react';

let firstView = true;

/**
 * The view's title. When the user moves to another view it takes the focus, so keyboard and
 * screen-reader users land on the new view's name; on the first load the focus stays at the top
 * of the page (where the skip link is).
 */
export function ViewHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstView) {
      firstView = false;
      return;
    }
    // Not while the user is typing or working in a dialog.
    const active = document.activeElement as HTMLElement | null;
    if (active && (active.closest('dialog') || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName))) return;
    ref.current?.focus({ preventScroll: true });
  }, [title]);
  return (
    <header className="view-header">
      <h1 ref={ref} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </header>
  );
}

export function Spinner({ label }: { label: string }) {
  return (
    <div className="analyzing" role="status">
      <span className="spinner" aria-hidden="true" />
      <p>{label}</p>
    </div>
  );
}
