/** Wiring: one Bridge, one live client, one store, and their React context. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppBridge } from '../bridge/types';
import { LiveClient } from '../live/client';
import type { FrameClock } from '../live/frame';
import { LiveContext } from '../live/hooks';
import type { AppState } from '../store/state';
import { Actions, createAppStore, type AppStore } from '../store/store';

export interface App {
  bridge: AppBridge;
  live: LiveClient;
  store: AppStore;
  actions: Actions;
}

export function createApp(bridge: AppBridge, opts: { clock?: FrameClock; pollIntervalMs?: number } = {}): App {
  const live = new LiveClient({ bridge, clock: opts.clock, pollIntervalMs: opts.pollIntervalMs, lingerMs: 2000 });
  const store = createAppStore();
  const actions = new Actions(bridge, store, live);
  return { bridge, live, store, actions };
}

const AppContext = createContext<App | null>(null);

export function AppProvider({ app, children }: { app: App; children: ReactNode }) {
  return (
    <AppContext.Provider value={app}>
      <LiveContext.Provider value={app.live}>{children}</LiveContext.Provider>
    </AppContext.Provider>
  );
}

export function useApp(): App {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp needs an <AppProvider>.');
  return app;
}

export function useActions(): Actions {
  return useApp().actions;
}

export function useAppState<T>(selector: (s: AppState) => T): T {
  return useStore(useApp().store, selector);
}
