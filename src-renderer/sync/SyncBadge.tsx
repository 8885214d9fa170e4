/** A document's sync badge in the library: synced, waiting to sync, or in conflict. */
import { BADGE } from './labels';
import { useSync } from './model';
import './sync.css';

export function SyncBadge({ documentId }: { documentId: number }) {
  const { view } = useSync();
  const state = view.badges[documentId];
  const badge = state ? BADGE[state] : null;
  if (!badge) return null;
  return (
    <span className={`sync-badge sync-badge-${state}`} title={badge.title} data-sync-badge={state}>
      {badge.label}
    </span>
  );
}
