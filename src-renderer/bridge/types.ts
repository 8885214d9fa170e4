/**
 * The Bridge the renderer talks to (src-shared/bridge.ts), plus the few things only a window can
 * do and that differ between the desktop app and the browser version: importing files the user
 * dropped or picked, and saving an exported file.
 */
import type { Bridge } from '../../src-shared/bridge';
import type { ImportResult } from '../../src-shared/commands';
import type { DesktopCommand } from '../../src-shared/desktop';
import type { ErrorBody, ErrorCode } from '../../src-shared/errors';

export interface SavedFile {
  /** False when the user cancelled a save dialog. */
  saved: boolean;
  path?: string;
}

/** Application messages from the shell (native menus). */
export type AppCommand = DesktopCommand;

export interface AppBridge extends Bridge {
  readonly kind: 'web' | 'electron';
  /** Imports files from a drop or a file picker: uploads them (browser) or passes their paths (desktop). */
  importFiles(files: File[]): Promise<ImportResult>;
  /** Saves an export: a download in the browser, a save dialog in the desktop app. */
  saveFile(name: string, mime: string, base64: string): Promise<SavedFile>;
  /** Menu actions and other requests from the shell; the browser version has none. */
  onAppCommand(listener: (command: AppCommand) => void): () => void;
}

/** A failed command, with the typed code and the sentence for the user. */
export class BridgeError extends Error {
  readonly code: ErrorCode | 'network';
  readonly issues?: ErrorBody['issues'];
  readonly status?: number;

  constructor(
    code: ErrorCode | 'network',
    message: string,
    opts: { issues?: ErrorBody['issues']; status?: number } = {},
  ) {
    super(message);
    this.name = 'BridgeError';
    this.code = code;
    this.issues = opts.issues;
    this.status = opts.status;
  }
}

/** The message to show for anything a command threw. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
