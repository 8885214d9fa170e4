/**
 * The preload: exposes exactly one object, the Bridge (`window.inkproof`, see
 * src-shared/desktop.ts), through contextBridge. Sandboxed: it requires nothing but `electron`.
 *
 * Commands go over ipcRenderer.invoke (the main process validates the sender and the arguments).
 * Events come over a MessagePort the main process hands over after `hello`, in batches of one
 * frame; every subscription returns its unsubscribe.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { ConnectionState, SubscriptionMessage } from '../../src-shared/bridge';
import { IPC, type DesktopApi, type DesktopCommand, type InvokeOutcome } from '../../src-shared/desktop';
import type { PortMessage, PortRequest } from './port-session';

// The build bundles what this imports into one file: a sandboxed preload can require only `electron`.
const { invoke: IPC_INVOKE, hello: IPC_HELLO, port: IPC_PORT, save: IPC_SAVE } = IPC;

/** The renderer-side MessagePort, typed here without the DOM library. */
interface RendererPort {
  postMessage(message: unknown): void;
  onmessage: ((e: { data: unknown }) => void) | null;
  start(): void;
  close(): void;
}

let port: RendererPort | null = null;
let outbox: PortRequest[] = [];
let nextSid = 1;
let state: ConnectionState = 'reconnecting';
const subs = new Map<number, (m: SubscriptionMessage) => void>();
const connectionListeners = new Set<(s: ConnectionState) => void>();
const appListeners = new Set<(c: DesktopCommand) => void>();

function send(req: PortRequest): void {
  if (port) port.postMessage(req);
  else outbox.push(req);
}

function setState(s: ConnectionState): void {
  state = s;
  for (const l of [...connectionListeners]) l(s);
}

function onPortMessage(msg: PortMessage): void {
  if (!msg || typeof msg !== 'object') return;
  if (msg.type === 'batch') {
    for (const item of msg.items) subs.get(item.sid)?.(item.message);
  } else if (msg.type === 'app') {
    for (const l of [...appListeners]) l(msg.command);
  } else if (msg.type === 'denied') {
    subs.delete(msg.sid);
    console.warn(`Inkproof: subscription to ${msg.channel} refused (${msg.reason}).`);
  }
}

ipcRenderer.on(IPC_PORT, (event) => {
  const p = event.ports[0] as unknown as RendererPort | undefined;
  if (!p) return;
  port?.close();
  port = p;
  p.onmessage = (e) => onPortMessage(e.data as PortMessage);
  p.start();
  // Subscriptions made before the port arrived, in order.
  const pending = outbox;
  outbox = [];
  for (const req of pending) p.postMessage(req);
  setState('live');
});
ipcRenderer.send(IPC_HELLO);

const api: DesktopApi = {
  kind: 'electron',
  platform: process.platform,
  invoke: (command, args) => ipcRenderer.invoke(IPC_INVOKE, command, args) as Promise<InvokeOutcome>,
  subscribe(channel, since, onMessage) {
    const sid = nextSid++;
    subs.set(sid, onMessage);
    send({ type: 'subscribe', sid, channel: String(channel), since: typeof since === 'number' ? since : null });
    return () => {
      if (subs.delete(sid)) send({ type: 'unsubscribe', sid });
    };
  },
  onConnection(listener) {
    connectionListeners.add(listener);
    listener(state);
    return () => {
      connectionListeners.delete(listener);
    };
  },
  pathForFile(file) {
    try {
      return webUtils.getPathForFile(file as File);
    } catch {
      return '';
    }
  },
  saveFile: (name, mime, base64) =>
    ipcRenderer.invoke(IPC_SAVE, name, mime, base64) as Promise<{ saved: boolean; path?: string }>,
  onAppCommand(listener) {
    appListeners.add(listener);
    return () => {
      appListeners.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('inkproof', api);
