/**
 * The Electron shell's logic, tested under plain Node (the Electron binary is not needed): sender
 * validation, navigation rules, the app protocol's path mapping, remembered window bounds, menus
 * per platform, recent files, the dock/taskbar progress and notifications, the event port
 * (authorization, replay, per-frame batching), and the built preload's shape.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../src-shared/events';
import { ChannelAuthorizer } from '../../../src-main/core/hub/authorizer';
import { BroadcastHub } from '../../../src-main/core/hub/hub';
import { buildMenuTemplate, type MenuActions } from '../../../src-main/electron/menu';
import { nativeBindingPath, findNativeBinding } from '../../../src-main/electron/native-binding';
import { PortSession, type PortMessage } from '../../../src-main/electron/port-session';
import { addRecent } from '../../../src-main/electron/recent';
import {
  isAppUrl,
  isExternalLink,
  isTrustedSender,
  resolveAppFile,
  secureWebPreferences,
} from '../../../src-main/electron/security';
import { restoreState } from '../../../src-main/electron/window-state';
import { WorkMonitor } from '../../../src-main/electron/work-monitor';

const root = path.resolve(import.meta.dirname, '../../..');

describe('security rules', () => {
  it('windows are isolated, sandboxed and without Node', () => {
    const p = secureWebPreferences('/x/preload.cjs');
    expect(p).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
    });
  });

  it('only the app origin (or the dev server) counts as the app', () => {
    expect(isAppUrl('inkproof://app/index.html#/documents/3')).toBe(true);
    expect(isAppUrl('inkproof://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('IPC is accepted only from the top frame of our window on our origin', () => {
    const top = { url: 'inkproof://app/index.html', top: null as unknown };
    top.top = top;
    const ids = new Set([7]);
    expect(isTrustedSender(top, 7, ids)).toBe(true);
    expect(isTrustedSender(top, 8, ids)).toBe(false);
    expect(isTrustedSender({ url: 'inkproof://app/index.html', top }, 7, ids)).toBe(false);
    const navigated = { url: 'https://example.com/', top: null as unknown };
    navigated.top = navigated;
    expect(isTrustedSender(navigated, 7, ids)).toBe(false);
    expect(isTrustedSender(null, 7, ids)).toBe(false);
  });

  it('links open outside only for web and mail addresses', () => {
    expect(isExternalLink('https://laravel.com/docs')).toBe(true);
    expect(isExternalLink('mailto:a@b.c')).toBe(true);
    expect(isExternalLink('file:///etc/passwd')).toBe(false);
    expect(isExternalLink('javascript:alert(1)')).toBe(false);
    expect(isExternalLink('smb://host/share')).toBe(false);
  });

  it('the app protocol maps paths inside the renderer folder and nowhere else', () => {
    expect(resolveAppFile('/app/out/renderer', '/')).toBe('/app/out/renderer/index.html');
    expect(resolveAppFile('/app/out/renderer', '/assets/index-1.js')).toBe('/app/out/renderer/assets/index-1.js');
    expect(resolveAppFile('/app/out/renderer', '/../main/index.js')).toBeNull();
    expect(resolveAppFile('/app/out/renderer', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveAppFile('/app/out/renderer', '/a%5c..%5cb')).toBeNull();
    expect(resolveAppFile('/app/out/renderer', '/%00')).toBeNull();
    expect(resolveAppFile('/app/out/renderer', '/%E0%A4%A')).toBeNull();
  });
});

describe('window bounds', () => {
  const screens = [{ x: 0, y: 0, width: 1920, height: 1040 }];
  it('restores a saved position on a screen that is still there', () => {
    expect(restoreState({ x: 100, y: 80, width: 1000, height: 700, maximized: true }, screens)).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });
  it('drops a position on a screen that is gone, and clamps sizes', () => {
    expect(restoreState({ x: 3000, y: 80, width: 5000, height: 100 }, screens)).toEqual({
      width: 1920,
      height: 520,
      maximized: false,
    });
    expect(restoreState('garbage', screens)).toEqual({ width: 1280, height: 820, maximized: false });
  });
});

describe('menus', () => {
  const actions: MenuActions = {
    openFiles: vi.fn(),
    openRecent: vi.fn(),
    clearRecent: vi.fn(),
    exportCurrent: vi.fn(),
    navigate: vi.fn(),
    showShortcuts: vi.fn(),
    openDataFolder: vi.fn(),
    about: vi.fn(),
  };
  const labels = (items: { label?: string; role?: string }[]) => items.map((m) => m.label ?? m.role);

  it('has File (Open, Open Recent, Export), Edit, View and Help; macOS adds the app and Window menus', () => {
    const linux = buildMenuTemplate({ platform: 'linux', appName: 'Inkproof', recent: [], dev: false }, actions);
    expect(labels(linux)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = linux[0].submenu as { label?: string; accelerator?: string; submenu?: unknown }[];
    expect(file.filter((m) => m.label).map((m) => m.label)).toEqual([
      'Open…',
      'Open Recent',
      'Export…',
      'Settings',
      'E&xit',
    ]);
    expect(file[0].accelerator).toBe('CmdOrCtrl+O');
    const mac = buildMenuTemplate({ platform: 'darwin', appName: 'Inkproof', recent: [], dev: false }, actions);
    expect(labels(mac)).toEqual(['Inkproof', '&File', '&Edit', '&View', 'windowMenu', '&Help']);
  });

  it('lists recent files and acts on them', () => {
    const t = buildMenuTemplate(
      { platform: 'win32', appName: 'Inkproof', recent: ['/docs/a.txt', '/docs/b.docx'], dev: false },
      actions,
    );
    const recent = (t[0].submenu as { label?: string; submenu?: unknown }[]).find((m) => m.label === 'Open Recent')!
      .submenu as { label?: string; click?: () => void }[];
    expect(recent.map((m) => m.label).filter(Boolean)).toEqual(['&1 a.txt', '&2 b.docx', 'Clear Recently Opened']);
    recent[1].click!();
    expect(actions.openRecent).toHaveBeenCalledWith('/docs/b.docx');
    expect(addRecent(['/x', '/y'], ['/z', '/x'])).toEqual(['/x', '/z', '/y']);
  });

  it('developer tools only in development', () => {
    const view = (dev: boolean) =>
      (
        buildMenuTemplate({ platform: 'linux', appName: 'I', recent: [], dev }, actions)[2].submenu as {
          role?: string;
        }[]
      ).map((m) => m.role);
    expect(view(false)).not.toContain('toggleDevTools');
    expect(view(true)).toContain('toggleDevTools');
  });
});

describe('dock/taskbar progress and notifications', () => {
  afterEach(() => vi.useRealTimers());
  const env = (event: string, data: unknown): Envelope => ({ channel: 'c', event, data, seq: 1, ts: 0 });

  it('shows the average progress of running revisions and clears it when they end', () => {
    const sink = { setProgress: vi.fn(), notify: vi.fn(), isFocused: () => true };
    const m = new WorkMonitor(sink);
    m.onEnvelope(env('rewrite.processing', { rewrite_id: 1 }));
    m.onEnvelope(env('rewrite.progress', { rewrite_id: 1, progress: 40 }));
    m.onEnvelope(env('rewrite.processing', { rewrite_id: 2 }));
    m.onEnvelope(env('rewrite.progress', { rewrite_id: 2, progress: 60 }));
    expect(sink.setProgress).toHaveBeenLastCalledWith(0.5);
    m.onEnvelope(
      env('rewrite.completed', { rewrite_id: 1, diff_summary: { additions: 1, deletions: 2, similarity: 90 } }),
    );
    m.onEnvelope(env('rewrite.failed', { rewrite_id: 2, error: 'x' }));
    expect(sink.setProgress).toHaveBeenLastCalledWith(-1);
    expect(sink.notify).not.toHaveBeenCalled();
  });

  it('notifies when work completes while the window is not focused, one notification for many analyses', () => {
    vi.useFakeTimers();
    const sink = { setProgress: vi.fn(), notify: vi.fn(), isFocused: () => false };
    const m = new WorkMonitor(sink, 1000);
    m.onEnvelope(
      env('rewrite.completed', { rewrite_id: 3, diff_summary: { additions: 5, deletions: 6, similarity: 80 } }),
    );
    expect(sink.notify).toHaveBeenCalledWith('Revision ready', expect.stringContaining('5 words added'));
    for (let i = 0; i < 4; i++) m.onEnvelope(env('document.analyzed', { document_id: i }));
    vi.advanceTimersByTime(1000);
    expect(sink.notify).toHaveBeenLastCalledWith('Analysis complete', '4 documents have been analysed.');
    expect(sink.notify).toHaveBeenCalledTimes(2);
  });
});

describe('the event port', () => {
  function setup() {
    const authorizer = new ChannelAuthorizer();
    authorizer.channel('documents.{documentId}', (user, { documentId }) => documentId !== '666' && user.id === 1);
    const hub = new BroadcastHub({ authorizer });
    const sent: PortMessage[] = [];
    const session = new PortSession(hub, { id: 1 }, { postMessage: (m) => sent.push(m), close: () => {} }, 'ipc-1', 10);
    return { hub, sent, session };
  }
  const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms));

  it('authorizes, replays from since, then delivers live events in one batch per frame', async () => {
    const { hub, sent, session } = setup();
    hub.broadcast({ channel: 'private-documents.1', event: 'document.analyzed', data: { n: 1 } });
    hub.broadcast({ channel: 'private-documents.1', event: 'document.analyzed', data: { n: 2 } });
    hub.flush();
    session.handle({ type: 'subscribe', sid: 1, channel: 'private-documents.1', since: 1 });
    await tick(1);
    for (let n = 3; n <= 50; n++)
      hub.broadcast({ channel: 'private-documents.1', event: 'document.analyzed', data: { n } });
    hub.flush();
    await tick();
    expect(sent).toHaveLength(1);
    const batch = sent[0] as Extract<PortMessage, { type: 'batch' }>;
    expect(
      batch.items.map((i) => (i.message.type === 'event' ? (i.message.envelope.data as { n: number }).n : 0)),
    ).toEqual(Array.from({ length: 49 }, (_, i) => i + 2));
    expect(session.stats).toEqual({ batches: 1, messages: 49 });
  });

  it('refuses channels the user may not read, and malformed requests', async () => {
    const { sent, session } = setup();
    session.handle({ type: 'subscribe', sid: 1, channel: 'private-documents.666', since: null });
    session.handle({ type: 'subscribe', sid: 2, channel: 'no spaces allowed', since: null });
    session.handle({ type: 'subscribe', sid: -1, channel: 'private-documents.1', since: null });
    session.handle('junk');
    await tick(1);
    expect(sent).toEqual([
      { type: 'denied', sid: 2, channel: 'no spaces allowed', reason: 'not a valid channel name' },
      { type: 'denied', sid: 1, channel: 'private-documents.666', reason: 'forbidden' },
    ]);
    expect(session.subscriptions).toBe(0);
  });

  it("leaves out the window's own connection (toOthers) and stops on unsubscribe and close", async () => {
    const { hub, sent, session } = setup();
    session.handle({ type: 'subscribe', sid: 4, channel: 'private-documents.2', since: null });
    await tick(1);
    hub.broadcast({ channel: 'private-documents.2', event: 'a', data: {} }, { except: 'ipc-1' });
    hub.broadcast({ channel: 'private-documents.2', event: 'b', data: {} });
    hub.flush();
    await tick();
    expect(
      (sent[0] as Extract<PortMessage, { type: 'batch' }>).items.map(
        (i) => i.message.type === 'event' && i.message.envelope.event,
      ),
    ).toEqual(['b']);
    session.handle({ type: 'unsubscribe', sid: 4 });
    hub.broadcast({ channel: 'private-documents.2', event: 'c', data: {} });
    hub.flush();
    await tick();
    expect(sent).toHaveLength(1);
    session.close();
    expect(session.subscriptions).toBe(0);
  });

  it('works over a real MessagePort, with the firehose', async () => {
    const authorizer = new ChannelAuthorizer();
    authorizer.channel('documents.{documentId}', () => true);
    const hub = new BroadcastHub({ authorizer });
    const { port1, port2 } = new MessageChannel();
    const session = new PortSession(
      hub,
      { id: 1 },
      { postMessage: (m) => port1.postMessage(m), close: () => port1.close() },
      'ipc-2',
      5,
    );
    const got: PortMessage[] = [];
    port2.on('message', (m) => got.push(m));
    session.handle({ type: 'subscribe', sid: 9, channel: '*', since: null });
    hub.broadcast({ channel: 'private-documents.5', event: 'document.analyzed', data: { x: 1 } });
    hub.flush();
    await tick(40);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      type: 'batch',
      items: [{ sid: 9, message: { type: 'event', envelope: { event: 'document.analyzed' } } }],
    });
    session.close();
    port2.close();
  });
});

describe('native module and build', () => {
  it('looks for the Electron build of better-sqlite3 by ABI, only inside Electron', () => {
    expect(nativeBindingPath('/app', '140', 'linux', 'x64')).toBe(
      path.join('/app', 'native', 'better-sqlite3', 'electron-v140-linux-x64', 'better_sqlite3.node'),
    );
    expect(
      findNativeBinding('/app', { ...process.versions, electron: undefined } as unknown as NodeJS.ProcessVersions),
    ).toBeNull();
  });

  const preload = path.join(root, 'out', 'preload', 'index.cjs');
  it.skipIf(!fs.existsSync(preload))(
    'the built preload is one CommonJS file that requires only electron and exposes only window.inkproof',
    () => {
      const code = fs.readFileSync(preload, 'utf8');
      expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
      expect([...code.matchAll(/exposeInMainWorld\(\s*["']([^"']+)["']/g)].map((m) => m[1])).toEqual(['inkproof']);
      expect(code).not.toMatch(/\bimport\s/);
    },
  );

  it.skipIf(!fs.existsSync(path.join(root, 'out', 'main', 'index.js')))(
    'the main build has one worker entry per task',
    () => {
      for (const t of ['extract', 'analyze', 'rewrite', 'validate'])
        expect(fs.existsSync(path.join(root, 'out', 'main', 'workers', `${t}.js`))).toBe(true);
    },
  );
});
