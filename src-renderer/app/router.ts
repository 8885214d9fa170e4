/**
 * Hash routes (`#/documents/12`): they work the same from `inkproof serve` and from the desktop
 * app's own protocol, and reloading never asks the server for a path it does not know.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'library' }
  | { name: 'document'; id: number }
  | { name: 'rewrite'; id: number }
  | { name: 'version'; id: number; version: number; compare: number | null }
  | { name: 'queue' }
  | { name: 'events' }
  | { name: 'settings' }
  | { name: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  let m: RegExpExecArray | null;
  if (path === '/' || path === '/library') return { name: 'library' };
  if ((m = /^\/documents\/([1-9][0-9]*)$/.exec(path))) return { name: 'document', id: Number(m[1]) };
  if ((m = /^\/rewrites\/([1-9][0-9]*)$/.exec(path))) return { name: 'rewrite', id: Number(m[1]) };
  if ((m = /^\/documents\/([1-9][0-9]*)\/versions\/([1-9][0-9]*)(?:\?compare=([1-9][0-9]*))?$/.exec(path)))
    return { name: 'version', id: Number(m[1]), version: Number(m[2]), compare: m[3] ? Number(m[3]) : null };
  if (path === '/queue') return { name: 'queue' };
  if (path === '/events') return { name: 'events' };
  if (path === '/settings') return { name: 'settings' };
  return { name: 'not-found', path };
}

export function href(path: string): string {
  return `#${path}`;
}

export function navigate(path: string): void {
  if (window.location.hash !== `#${path}`) window.location.hash = path;
}

function subscribe(cb: () => void): () => void {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useHash(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
}

export function useRoute(): Route {
  return parseRoute(useHash());
}
