/** The renderer's entry: picks the Bridge (desktop preload or the browser's HTTP/WebSocket) and renders. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppProvider, createApp } from './app/context';
import { applyStoredTheme } from './app/theme';
import { desktopApi, ElectronBridge } from './bridge/electron';
import type { AppBridge } from './bridge/types';
import { takeTokenFromLocation, WebBridge } from './bridge/web';
import './styles.css';

applyStoredTheme();

function makeBridge(): AppBridge {
  const api = desktopApi();
  if (api) return new ElectronBridge(api);
  const key =
    new URL(window.location.href).searchParams.get('key') ?? sessionStorage.getItem('inkproof.key') ?? undefined;
  if (key) sessionStorage.setItem('inkproof.key', key);
  return new WebBridge({ baseUrl: window.location.origin, token: takeTokenFromLocation(), appKey: key });
}

const app = createApp(makeBridge());
app.actions.start();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider app={app}>
      <App />
    </AppProvider>
  </StrictMode>,
);
