/** React hooks over the live client. */
import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import type { Envelope } from '../../src-shared/events';
import type { EventCallback, LiveClient, LiveStatus } from './client';

export const LiveContext = createContext<LiveClient | null>(null);

export function useLive(): LiveClient {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive needs a <LiveContext.Provider>.');
  return live;
}

/** The connection status (live / reconnecting / offline, polling). */
export function useLiveStatus(): LiveStatus {
  const live = useLive();
  return useSyncExternalStore(
    (cb) => live.onStatus(cb),
    () => live.status,
    () => live.status,
  );
}

/**
 * Listens to an event on a private channel while the component is mounted (Echo's
 * `Echo.private(channel).listen(event, cb)`), with the latest callback always called.
 */
export function useListen(channel: string | null, event: string, cb: EventCallback): void {
  const live = useLive();
  const ref = useRef(cb);
  ref.current = cb;
  useEffect(() => {
    if (!channel) return;
    const handler = (data: unknown, env: Envelope) => ref.current(data, env);
    const ch = live.private(channel).listen(event, handler);
    return () => void ch.stopListening(event, handler);
  }, [live, channel, event]);
}

/** Keeps a channel (full name) subscribed while mounted; its events reach the store. */
export function useHold(fullName: string | null, since: number | null = 0): void {
  const live = useLive();
  useEffect(() => {
    if (!fullName) return;
    return live.hold(fullName, { since });
  }, [live, fullName, since]);
}

/** Runs `poll` every 5 s while the connection is down (the seed's wire:poll.5s fallback). */
export function usePoll(poll: (() => unknown) | null): void {
  const live = useLive();
  const ref = useRef(poll);
  ref.current = poll;
  const enabled = poll !== null;
  useEffect(() => {
    if (!enabled) return;
    return live.addPoller(() => ref.current?.());
  }, [live, enabled]);
}
