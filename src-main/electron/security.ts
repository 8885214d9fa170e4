/**
 * Who may talk to the main process, and where a window may go. Pure functions (no Electron
 * import) so that they are unit-tested under plain Node.
 */

/** The app's own pages are served from this origin by a privileged protocol. */
export const APP_SCHEME = 'inkproof';
export const APP_HOST = 'app';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True when `url` is one of the app's own pages: `inkproof://app/…`, or the development server's
 * origin when one is given. Node's URL gives custom schemes an opaque origin, so the scheme and
 * host are compared instead.
 */
export function isAppUrl(url: string, devOrigin: string | null = null): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST) return true;
  if (devOrigin) {
    try {
      return u.origin === new URL(devOrigin).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** Links that may open in the user's browser: web pages and mail, nothing local or scriptable. */
export function isExternalLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' || u.protocol === 'mailto:';
  } catch {
    return false;
  }
}

export interface SenderFrame {
  url: string;
  /** The frame's top frame; the sender must be a top frame itself. */
  top: unknown;
}

/**
 * An IPC message is accepted only from the top frame of one of our windows showing one of our
 * pages: not from an iframe, not after a navigation elsewhere, not from an unknown webContents.
 */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  senderId: number,
  windowIds: ReadonlySet<number>,
  devOrigin: string | null = null,
): boolean {
  if (!frame) return false;
  if (!windowIds.has(senderId)) return false;
  if (frame.top !== frame) return false;
  return isAppUrl(frame.url, devOrigin);
}

/** The web preferences of every window: isolated, sandboxed, no Node. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    experimentalFeatures: false,
    safeDialogs: true,
    spellcheck: true,
  } as const;
}

/** Maps a request path of the app protocol to a file inside `root`, or null when it would leave it. */
export function resolveAppFile(root: string, pathname: string, sep = '/'): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..' || p.includes('\\'))) return null;
  const rel = parts.length === 0 ? ['index.html'] : parts;
  return [root.replace(/[\\/]+$/, ''), ...rel].join(sep);
}
