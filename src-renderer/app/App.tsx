/** The window: navigation, the current view, the status bar, toasts, drag and drop, shortcuts. */
import { useEffect, useState } from 'react';
import { openFilePicker, WindowDrop } from '../components/DropZone';
import { Dialog } from '../components/Dialog';
import { StatusBar } from '../components/StatusBar';
import { ActivityButton } from '../components/Activity';
import { Toasts } from '../components/Toasts';
import { DocumentView } from '../views/DocumentView';
import { EventsView } from '../views/EventsView';
import { LibraryView } from '../views/LibraryView';
import { QueueView } from '../views/QueueView';
import { RevisionView } from '../views/RevisionView';
import { SettingsView } from '../views/SettingsView';
import { VersionView } from '../views/VersionView';
import { ViewHeading } from '../views/common';
import { useActions, useApp, useAppState } from './context';
import { href, navigate, useRoute, type Route } from './router';
import { GLOBAL_SHORTCUTS, useShortcuts, VIEW_SHORTCUTS, type Shortcut } from './shortcuts';
import { useTheme } from './theme';

const NAV: { path: string; label: string; match: Route['name'][]; keys: string }[] = [
  { path: '/', label: 'Library', match: ['library', 'document', 'rewrite', 'version'], keys: 'Alt+1' },
  { path: '/queue', label: 'Queue', match: ['queue'], keys: 'Alt+2' },
  { path: '/events', label: 'Events', match: ['events'], keys: 'Alt+3' },
  { path: '/settings', label: 'Settings', match: ['settings'], keys: 'Alt+4' },
];

/** One list of shortcuts, with the platform's modifier key shown. */
function ShortcutList({ list, show }: { list: readonly Shortcut[]; show: (keys: string) => string }) {
  return (
    <dl>
      {list.map((s) => (
        <div key={s.keys}>
          <dt>
            <kbd>{show(s.keys)}</kbd>
          </dt>
          <dd>{s.description}</dd>
        </div>
      ))}
    </dl>
  );
}

function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const mod = /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';
  const show = (k: string) => k.replace('Mod', mod);
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={onClose}>
      <div className="shortcuts">
        <h3>Everywhere</h3>
        <ShortcutList list={GLOBAL_SHORTCUTS} show={show} />
        {Object.entries(VIEW_SHORTCUTS).map(([view, list]) => (
          <section key={view}>
            <h3>{view}</h3>
            <ShortcutList list={list} show={show} />
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}

function View({ route }: { route: Route }) {
  switch (route.name) {
    case 'library':
      return <LibraryView />;
    case 'document':
      return <DocumentView key={route.id} id={route.id} />;
    case 'rewrite':
      return <RevisionView key={route.id} id={route.id} />;
    case 'queue':
      return <QueueView />;
    case 'events':
      return <EventsView />;
    case 'settings':
      return <SettingsView />;
    case 'version':
      return (
        <VersionView
          key={`${route.id}:${route.version}`}
          id={route.id}
          version={route.version}
          compare={route.compare}
        />
      );
    default:
      return (
        <div className="view">
          <ViewHeading title="Page not found" />
          <p>
            Nothing lives at “{route.path}”. <a href={href('/')}>Go to the library</a>
          </p>
        </div>
      );
  }
}

export function App() {
  const app = useApp();
  const actions = useActions();
  const route = useRoute();
  const theme = useAppState((s) => s.settings?.theme);
  const [help, setHelp] = useState(false);
  useTheme(theme);

  useShortcuts({
    'Alt+1': () => navigate('/'),
    'Alt+2': () => navigate('/queue'),
    'Alt+3': () => navigate('/events'),
    'Alt+4': () => navigate('/settings'),
    'Mod+O': () => {
      navigate('/');
      setTimeout(openFilePicker, 0);
    },
    '?': () => setHelp(true),
  });

  // Native menus (desktop app) speak through the Bridge.
  useEffect(
    () =>
      app.bridge.onAppCommand((cmd) => {
        if (cmd.type === 'navigate') navigate(cmd.route);
        else if (cmd.type === 'shortcuts') setHelp(true);
        else if (cmd.type === 'open-files') {
          navigate('/');
          setTimeout(openFilePicker, 0);
        } else if (cmd.type === 'imported') actions.noteImported(cmd.result);
        else if (cmd.type === 'export')
          document.querySelector<HTMLSelectElement>('#export-format, #revision-export-format')?.focus();
      }),
    [app.bridge, actions],
  );

  useEffect(() => {
    const titles: Record<string, string> = {
      library: 'Library',
      document: 'Document',
      rewrite: 'Revision',
      version: 'Version',
      queue: 'Queue',
      events: 'Events',
      settings: 'Settings',
    };
    document.title = `${titles[route.name] ?? 'Inkproof'} — Inkproof`;
  }, [route.name]);

  const focusMain = () => document.getElementById('main')?.focus();

  return (
    <div className="app">
      <button type="button" className="skip-link" onClick={focusMain}>
        Skip to content
      </button>
      <header className="topbar">
        <a className="brand" href={href('/')} aria-label="Inkproof, go to the library">
          <span aria-hidden="true">✒︎</span> Inkproof
        </a>
        <nav aria-label="Main">
          <ul>
            {NAV.map((n) => (
              <li key={n.path}>
                <a
                  href={href(n.path)}
                  aria-current={n.match.includes(route.name) ? 'page' : undefined}
                  aria-keyshortcuts={n.keys}
                >
                  {n.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="button small ghost" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          Shortcuts
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        <View route={route} />
      </main>
      <Toasts />
      <StatusBar kind={app.bridge.kind}>
        <ActivityButton />
      </StatusBar>
      <WindowDrop />
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
