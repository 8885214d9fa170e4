/**
 * Light and dark themes: following the system unless the settings say otherwise. The choice is
 * also kept in localStorage so the first paint of the next start already has it.
 */
import { useEffect } from 'react';
import type { Settings } from '../../src-shared/models';

const KEY = 'inkproof.theme';

export function applyTheme(theme: Settings['theme']): void {
  const root = document.documentElement;
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    /* storage may be unavailable */
  }
}

export function applyStoredTheme(): void {
  try {
    const t = localStorage.getItem(KEY);
    if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
  } catch {
    /* storage may be unavailable */
  }
}

export function useTheme(theme: Settings['theme'] | undefined): void {
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
}
