/** Pieces every view shares. */
import { useEffect, useRef, type ReactNode } from 'react';

/** The view's title; it takes the focus when the view opens, so keyboard and screen-reader users land on it. */
export function ViewHeading({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Only when the user navigated (not on the very first load, where the focus stays at the top).
    if (document.activeElement === document.body || document.activeElement?.closest('nav, .toast, dialog') || document.activeElement === null) {
      ref.current?.focus({ preventScroll: true });
    }
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
