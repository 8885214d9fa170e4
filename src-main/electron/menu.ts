/**
 * The native menus, per platform: the application menu on macOS, File (Open, Open Recent,
 * Export), Edit, View, Window (macOS) and Help. Built as plain data so it is tested without
 * Electron.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  openFiles(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  exportCurrent(): void;
  navigate(route: string): void;
  showShortcuts(): void;
  openDataFolder(): void;
  about(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  appName: string;
  recent: readonly string[];
  dev: boolean;
}

export function buildMenuTemplate(o: MenuOptions, a: MenuActions): MenuItemConstructorOptions[] {
  const mac = o.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] = o.recent.length
    ? [
        ...o.recent.map((file, i): MenuItemConstructorOptions => ({
          label: `${i < 9 ? `&${i + 1} ` : ''}${path.basename(file)}`,
          sublabel: file,
          toolTip: file,
          click: () => a.openRecent(file),
        })),
        { type: 'separator' },
        { label: mac ? 'Clear Menu' : 'Clear Recently Opened', click: () => a.clearRecent() },
      ]
    : [{ label: 'No Recent Files', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => a.openFiles() },
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => a.exportCurrent() },
      { type: 'separator' },
      ...(mac
        ? [{ role: 'close' } as MenuItemConstructorOptions]
        : [
            {
              label: 'Settings',
              accelerator: 'Ctrl+,',
              click: () => a.navigate('/settings'),
            } as MenuItemConstructorOptions,
            { type: 'separator' } as MenuItemConstructorOptions,
            { role: 'quit', label: 'E&xit' } as MenuItemConstructorOptions,
          ]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(mac
        ? [
            { role: 'pasteAndMatchStyle' } as MenuItemConstructorOptions,
            { role: 'delete' } as MenuItemConstructorOptions,
          ]
        : [{ role: 'delete' } as MenuItemConstructorOptions]),
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { label: 'Library', accelerator: 'CmdOrCtrl+1', click: () => a.navigate('/') },
      { label: 'Queue', accelerator: 'CmdOrCtrl+2', click: () => a.navigate('/queue') },
      { label: 'Events', accelerator: 'CmdOrCtrl+3', click: () => a.navigate('/events') },
      { type: 'separator' },
      ...(o.dev
        ? [
            { role: 'reload' } as MenuItemConstructorOptions,
            { role: 'toggleDevTools' } as MenuItemConstructorOptions,
            { type: 'separator' } as MenuItemConstructorOptions,
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      { label: 'Keyboard Shortcuts', accelerator: mac ? 'Cmd+/' : 'F1', click: () => a.showShortcuts() },
      { label: 'Open Data Folder', click: () => a.openDataFolder() },
      ...(mac
        ? []
        : [
            { type: 'separator' } as MenuItemConstructorOptions,
            { label: `About ${o.appName}`, click: () => a.about() } as MenuItemConstructorOptions,
          ]),
    ],
  };

  if (!mac) return [file, edit, view, help];
  const appMenu: MenuItemConstructorOptions = {
    label: o.appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { label: 'Settings…', accelerator: 'Cmd+,', click: () => a.navigate('/settings') },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };
  return [appMenu, file, edit, view, windowMenu, help];
}
