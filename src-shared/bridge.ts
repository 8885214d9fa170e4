/**
 * What the renderer talks to (docs/architecture.md §9). Two implementations: Electron IPC (preload) and
 * HTTP/WebSocket for the browser version.
 */
import type { CommandArgs, CommandName, CommandResult } from './commands';
import type { Envelope } from './events';

export type ConnectionState = 'live' | 'reconnecting' | 'offline';

/** Delivered to a subscriber: an event, or a signal that events were missed and state must be reloaded. */
export type SubscriptionMessage =
  { type: 'event'; envelope: Envelope } | { type: 'resync'; channel: string; last_seq: number };

export type Unsubscribe = () => void;

export interface Bridge {
  invoke<C extends CommandName>(command: C, args: CommandArgs<C>): Promise<CommandResult<C>>;
  /**
   * Subscribes to a channel (Inkproof name, e.g. `documents.12`). With `sinceSeq`, missed envelopes
   * after that seq are delivered first, in order, before live ones; never twice.
   */
  subscribe(channel: string, sinceSeq: number | null, onMessage: (message: SubscriptionMessage) => void): Unsubscribe;
  onConnection(listener: (state: ConnectionState) => void): Unsubscribe;
}
