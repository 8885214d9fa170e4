/**
 * The contract between the desktop app's preload script and the renderer: what the preload
 * exposes on `window.inkproof` through contextBridge. It is the Bridge, in a form that survives
 * contextBridge (errors travel as values), plus the few things only the desktop shell can do.
 * Types only, no DOM or Electron imports.
 */
import type { ConnectionState, SubscriptionMessage } from './bridge';
import type { ImportResult } from './commands';
import type { ErrorBody } from './errors';

export type InvokeOutcome<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** Requests from the shell (native menus) to the window. */
export type DesktopCommand =
  | { type: 'open-files' }
  | { type: 'export' }
  | { type: 'navigate'; route: string }
  | { type: 'shortcuts' }
  | { type: 'imported'; result: ImportResult };

export interface DesktopApi {
  readonly kind: 'electron';
  readonly platform: string;
  invoke(command: string, args: unknown): Promise<InvokeOutcome>;
  /** As Bridge.subscribe: `since` replays what came after it; returns the unsubscribe. */
  subscribe(channel: string, since: number | null, onMessage: (message: SubscriptionMessage) => void): () => void;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  /** The path of a dropped or picked file (webUtils.getPathForFile), or '' when it has none. */
  pathForFile(file: unknown): string;
  /** Shows a save dialog and writes the file. */
  saveFile(name: string, mime: string, base64: string): Promise<{ saved: boolean; path?: string }>;
  onAppCommand(listener: (command: DesktopCommand) => void): () => void;
}

/** The names of the IPC channels between the preload and the main process. */
export const IPC = {
  invoke: 'inkproof:invoke',
  hello: 'inkproof:hello',
  port: 'inkproof:port',
  save: 'inkproof:save',
} as const;
