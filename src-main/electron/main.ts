/**
 * The desktop app's main process: one window (single instance), the core in-process (store, hub,
 * worker pool, queue), and the IPC adapter the preload's Bridge talks to.
 *
 * Security: contextIsolation, sandbox, no Node in the renderer, a strict CSP sent with every page
 * of the app's own protocol, navigation and new windows denied (web links open in the browser),
 * webviews and permission requests refused, and every IPC message checked for its sender (our
 * window's top frame, on our origin) before anything runs.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  MessageChannelMain,
  nativeTheme,
  net,
  Notification,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type WebContents,
} from 'electron';
import type { CommandName } from '../../src-shared/commands';
import type { DesktopCommand, InvokeOutcome } from '../../src-shared/desktop';
import { IPC } from '../../src-shared/desktop';
import { InkproofError, type ErrorBody } from '../../src-shared/errors';
import type { Settings } from '../../src-shared/models';
import type { TaskName } from '../../src-shared/tasks';
import { dispatch } from '../core/commands';
import { createCore, type Core } from '../core/core';
import { createLogger } from '../core/logger';
import { HEADER_CSP } from './csp';
import { buildMenuTemplate } from './menu';
import { findNativeBinding, nativeBindingPath } from './native-binding';
import { PortSession, type PortLike } from './port-session';
import { addRecent, loadRecent, saveRecent } from './recent';
import {
  APP_HOST,
  APP_SCHEME,
  APP_URL,
  isAppUrl,
  isExternalLink,
  isTrustedSender,
  resolveAppFile,
  secureWebPreferences,
} from './security';
import { SafeStorageSecretStore, SYNC_TOKEN_ENC_FILE } from './sync-secret';
import { loadState, saveState, type WindowState } from './window-state';
import { WorkMonitor } from './work-monitor';

const here = import.meta.dirname;
const appRoot = path.resolve(here, '../..');
const rendererDir = path.join(appRoot, 'out', 'renderer');
const preloadFile = path.join(appRoot, 'out', 'preload', 'index.cjs');
const devUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
const logger = createLogger({ name: 'inkproof-desktop' });

// The data folder is Electron's userData, unless INKPROOF_DATA names another (as for the CLI).
if (process.env.INKPROOF_DATA) app.setPath('userData', path.resolve(process.env.INKPROOF_DATA));

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let core: Core | null = null;
let win: BrowserWindow | null = null;
const windowIds = new Set<number>();
const sessions = new Map<number, PortSession>();
let recent: string[] = [];
let quitting = false;
const pendingPaths: string[] = [];

const ACCEPTED = ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'];

function errorBody(err: unknown): ErrorBody {
  if (InkproofError.is(err)) return err.toJSON();
  logger.error({ err }, 'command failed');
  return { code: 'internal', message: 'Something went wrong in Inkproof. The details are in its log.' };
}

function trusted(event: IpcMainEvent | IpcMainInvokeEvent): boolean {
  const ok = isTrustedSender(event.senderFrame ?? null, event.sender.id, windowIds, devUrl);
  if (!ok)
    logger.warn(
      { url: event.senderFrame?.url, sender: event.sender.id },
      'IPC message from an untrusted sender refused',
    );
  return ok;
}

function sendCommand(command: DesktopCommand): void {
  if (!win) return;
  sessions.get(win.webContents.id)?.command(command);
}

// ---- the app protocol ---------------------------------------------------------------------------

function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveAppFile(rendererDir, url.pathname, path.sep) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const res = await net.fetch(pathToFileURL(file).toString());
      const headers = new Headers(res.headers);
      headers.set('Content-Security-Policy', HEADER_CSP);
      headers.set('X-Content-Type-Options', 'nosniff');
      headers.set('Cross-Origin-Opener-Policy', 'same-origin');
      return new Response(res.body, { status: res.status, headers });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}

// ---- the window ---------------------------------------------------------------------------------

function stateFile(): string {
  return path.join(app.getPath('userData'), 'window-state.json');
}

function createWindow(): BrowserWindow {
  const state = loadState(
    stateFile(),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const w = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Inkproof',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#14171c' : '#f6f7f9',
    webPreferences: secureWebPreferences(preloadFile),
  });
  windowIds.add(w.webContents.id);
  if (state.maximized) w.maximize();
  w.once('ready-to-show', () => w.show());

  const contents = w.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  const guard = (e: Electron.Event, url: string) => {
    if (isAppUrl(url, devUrl)) return;
    e.preventDefault();
    if (isExternalLink(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', (e) => {
    if (!e.isMainFrame && !isAppUrl(e.url, devUrl)) e.preventDefault();
  });

  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  const remember = () => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      if (w.isDestroyed()) return;
      const b = w.getNormalBounds();
      const s: WindowState = { x: b.x, y: b.y, width: b.width, height: b.height, maximized: w.isMaximized() };
      saveState(stateFile(), s);
    }, 400);
  };
  w.on('resize', remember);
  w.on('move', remember);
  w.on('maximize', remember);
  w.on('unmaximize', remember);
  w.on('close', () => {
    const b = w.getNormalBounds();
    saveState(stateFile(), { x: b.x, y: b.y, width: b.width, height: b.height, maximized: w.isMaximized() });
  });
  const id = contents.id;
  w.on('closed', () => {
    windowIds.delete(id);
    sessions.get(id)?.close();
    sessions.delete(id);
    if (win === w) win = null;
  });

  if (devUrl) void w.loadURL(devUrl);
  else void w.loadURL(APP_URL);
  return w;
}

// ---- IPC ----------------------------------------------------------------------------------------

function registerIpc(c: Core): void {
  ipcMain.handle(IPC.invoke, async (event, command: unknown, args: unknown): Promise<InvokeOutcome> => {
    if (!trusted(event))
      return { ok: false, error: { code: 'forbidden', message: 'This window may not send commands to Inkproof.' } };
    if (typeof command !== 'string')
      return { ok: false, error: { code: 'invalid_input', message: 'A command name is needed.' } };
    try {
      const value = await dispatch(c.api, command, args, {
        user: c.localUser,
        allowPaths: true,
        connectionId: `ipc-${event.sender.id}`,
      });
      afterCommand(command as CommandName, args, value);
      return { ok: true, value };
    } catch (err) {
      return { ok: false, error: errorBody(err) };
    }
  });

  ipcMain.handle(IPC.save, async (event, name: unknown, mime: unknown, base64: unknown) => {
    if (!trusted(event)) return { saved: false };
    if (typeof name !== 'string' || typeof base64 !== 'string' || typeof mime !== 'string') return { saved: false };
    const owner = BrowserWindow.fromWebContents(event.sender);
    const ext = path.extname(name).slice(1);
    const options = {
      defaultPath: path.join(app.getPath('documents'), path.basename(name)),
      filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
    };
    const r = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
    if (r.canceled || !r.filePath) return { saved: false };
    await fs.writeFile(r.filePath, Buffer.from(base64, 'base64'));
    return { saved: true, path: r.filePath };
  });

  // The preload says hello once per page load; it gets a fresh MessagePort for its events.
  ipcMain.on(IPC.hello, (event) => {
    if (!trusted(event)) return;
    const contents = event.sender;
    sessions.get(contents.id)?.close();
    const { port1, port2 } = new MessageChannelMain();
    const port: PortLike = { postMessage: (m) => port1.postMessage(m), close: () => port1.close() };
    const s = new PortSession(c.hub, c.localUser, port, `ipc-${contents.id}`);
    port1.on('message', (e) => s.handle(e.data));
    port1.start();
    sessions.set(contents.id, s);
    contents.postMessage(IPC.port, null, [port2]);
    contents.once('destroyed', () => {
      s.close();
      if (sessions.get(contents.id) === s) sessions.delete(contents.id);
    });
    // Files given on the command line or opened before the window was ready.
    if (pendingPaths.length) void importPaths(pendingPaths.splice(0));
  });
}

function afterCommand(command: CommandName, args: unknown, value: unknown): void {
  if (command === 'updateSettings' || command === 'getSettings') nativeTheme.themeSource = (value as Settings).theme;
  if (command === 'importDocuments') {
    const files = (args as { files?: { path?: string }[] })?.files ?? [];
    const paths = files.map((f) => f.path).filter((p): p is string => typeof p === 'string');
    if (paths.length) rememberRecent(paths);
  }
}

function rememberRecent(paths: string[]): void {
  recent = addRecent(recent, paths);
  saveRecent(path.join(app.getPath('userData'), 'recent.json'), recent);
  for (const p of paths) app.addRecentDocument(p);
  buildMenu();
}

async function importPaths(paths: string[]): Promise<void> {
  const c = core;
  if (!c || paths.length === 0) return;
  try {
    const result = await c.api.importDocuments(
      { files: paths.map((p) => ({ name: path.basename(p), path: p })) },
      { user: c.localUser, allowPaths: true },
    );
    rememberRecent(paths);
    sendCommand({ type: 'navigate', route: '/' });
    sendCommand({ type: 'imported', result });
  } catch (err) {
    dialog.showErrorBox('Import failed', errorBody(err).message);
  }
}

// ---- menus --------------------------------------------------------------------------------------

function buildMenu(): void {
  const template = buildMenuTemplate(
    { platform: process.platform, appName: app.getName(), recent, dev: !app.isPackaged },
    {
      openFiles: async () => {
        const options = {
          properties: ['openFile', 'multiSelections'] as ('openFile' | 'multiSelections')[],
          filters: [{ name: 'Documents', extensions: ACCEPTED }],
        };
        const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
        if (!r.canceled) await importPaths(r.filePaths);
      },
      openRecent: (file) => void importPaths([file]),
      clearRecent: () => {
        recent = [];
        saveRecent(path.join(app.getPath('userData'), 'recent.json'), recent);
        app.clearRecentDocuments();
        buildMenu();
      },
      exportCurrent: () => sendCommand({ type: 'export' }),
      navigate: (route) => sendCommand({ type: 'navigate', route }),
      showShortcuts: () => sendCommand({ type: 'shortcuts' }),
      openDataFolder: () => void shell.openPath(app.getPath('userData')),
      about: () => app.showAboutPanel(),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

// ---- start and stop -----------------------------------------------------------------------------

function hardenSessions(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.on('will-download', (e) => e.preventDefault());
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isExternalLink(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}

function filesIn(argv: string[]): string[] {
  return argv.slice(1).filter((a) => !a.startsWith('-') && ACCEPTED.includes(path.extname(a).slice(1).toLowerCase()));
}

async function start(): Promise<void> {
  hardenSessions();
  registerAppProtocol();
  const nativeBinding = findNativeBinding(appRoot);
  if (!nativeBinding) {
    const expected = nativeBindingPath(appRoot, process.versions.modules);
    dialog.showErrorBox(
      'Inkproof cannot open its database',
      `The Electron build of better-sqlite3 is missing (${expected}).\n\nRun "npm run rebuild:electron" in the Inkproof folder, then start it again.`,
    );
    app.exit(1);
    return;
  }
  const resolveTask = (name: TaskName) => path.join(here, 'workers', `${name}.js`);
  core = createCore({
    dataDir: app.getPath('userData'),
    logger,
    resolveTask,
    nativeBinding,
    // The sync token is kept encrypted by the system's keychain (docs/sync.md).
    sync: { secrets: new SafeStorageSecretStore(safeStorage, path.join(app.getPath('userData'), SYNC_TOKEN_ENC_FILE)) },
  });
  nativeTheme.themeSource = core.settings.forUser(core.localUser.id).theme;
  recent = loadRecent(path.join(app.getPath('userData'), 'recent.json'));
  registerIpc(core);
  buildMenu();
  win = createWindow();
  const w = win;
  const monitor = new WorkMonitor({
    setProgress: (v) => {
      if (!w.isDestroyed()) w.setProgressBar(v);
    },
    notify: (title, body) => {
      if (!Notification.isSupported()) return;
      const n = new Notification({ title, body, silent: false });
      n.on('click', () => {
        if (!w.isDestroyed()) {
          if (w.isMinimized()) w.restore();
          w.focus();
        }
      });
      n.show();
    },
    isFocused: () => !w.isDestroyed() && w.isFocused(),
  });
  core.hub.tap((env) => monitor.onEnvelope(env));
  pendingPaths.push(...filesIn(process.argv));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_e, argv) => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    void importPaths(filesIn(argv));
  });
  app.on('open-file', (e, file) => {
    e.preventDefault();
    if (core && win) void importPaths([file]);
    else pendingPaths.push(file);
  });
  app.whenReady().then(start, (err) => {
    logger.error({ err }, 'start failed');
    app.exit(1);
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) win = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (e) => {
    if (quitting || !core) return;
    e.preventDefault();
    quitting = true;
    // Running jobs get a moment to finish; the rest go back to the queue for next time.
    core.close({ drainMs: 3000 }).finally(() => app.exit(0));
  });
}
