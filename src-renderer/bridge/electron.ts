/**
 * The desktop app's Bridge: a thin wrapper over what the preload exposes (`window.inkproof`).
 * Commands go over IPC (validated in the main process like HTTP), events arrive over a MessagePort
 * batched per frame, dropped files are imported by path.
 */
import type { ConnectionState, SubscriptionMessage, Unsubscribe } from '../../src-shared/bridge';
import type { CommandArgs, CommandName, CommandResult, ImportFile, ImportResult } from '../../src-shared/commands';
import type { DesktopApi } from '../../src-shared/desktop';
import { BridgeError, type AppBridge, type AppCommand, type SavedFile } from './types';

export function desktopApi(): DesktopApi | null {
  const api = (window as unknown as { inkproof?: DesktopApi }).inkproof;
  return api && api.kind === 'electron' ? api : null;
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export class ElectronBridge implements AppBridge {
  readonly kind = 'electron' as const;
  constructor(private readonly api: DesktopApi) {}

  async invoke<C extends CommandName>(command: C, args: CommandArgs<C>): Promise<CommandResult<C>> {
    const r = await this.api.invoke(command, args ?? {});
    if (r.ok) return r.value as CommandResult<C>;
    throw new BridgeError(r.error.code, r.error.message, { issues: r.error.issues });
  }

  subscribe(channel: string, sinceSeq: number | null, onMessage: (message: SubscriptionMessage) => void): Unsubscribe {
    return this.api.subscribe(channel, sinceSeq, onMessage);
  }

  onConnection(listener: (state: ConnectionState) => void): Unsubscribe {
    return this.api.onConnection(listener);
  }

  async importFiles(files: File[]): Promise<ImportResult> {
    const out: ImportResult = { documents: [], errors: [] };
    const items: ImportFile[] = [];
    for (const f of files) {
      const path = this.api.pathForFile(f);
      // Files without a path (dragged from a web page) travel as bytes.
      items.push(path ? { name: f.name, path } : { name: f.name, base64: await toBase64(f) });
    }
    for (let i = 0; i < items.length; i += 500) {
      const r = await this.invoke('importDocuments', { files: items.slice(i, i + 500) });
      out.documents.push(...r.documents);
      out.errors.push(...r.errors);
    }
    return out;
  }

  saveFile(name: string, mime: string, base64: string): Promise<SavedFile> {
    return this.api.saveFile(name, mime, base64);
  }

  onAppCommand(listener: (command: AppCommand) => void): () => void {
    return this.api.onAppCommand(listener);
  }
}
