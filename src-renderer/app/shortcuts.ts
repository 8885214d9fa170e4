/**
 * Keyboard shortcuts. Single keys are ignored while typing in a field; combinations with Ctrl,
 * Cmd or Alt work everywhere. Every shortcut also has a visible control.
 */
import { useEffect, useRef } from 'react';

export interface Shortcut {
  /** e.g. "r", "Delete", "Alt+1", "Mod+O" (Mod = Cmd on macOS, Ctrl elsewhere), "Mod+Enter", "?" */
  keys: string;
  description: string;
}

export const GLOBAL_SHORTCUTS: Shortcut[] = [
  { keys: 'Alt+1', description: 'Library' },
  { keys: 'Alt+2', description: 'Queue' },
  { keys: 'Alt+3', description: 'Events' },
  { keys: 'Alt+4', description: 'Settings' },
  { keys: 'Mod+O', description: 'Import documents' },
  { keys: '/', description: 'Search or filter' },
  { keys: '?', description: 'Show keyboard shortcuts' },
];

export const VIEW_SHORTCUTS: Record<string, Shortcut[]> = {
  Library: [
    { keys: '↑ ↓ PageUp PageDown Home End', description: 'Move in the document list' },
    { keys: 'Enter', description: 'Open the selected document' },
    { keys: 'Delete', description: 'Delete the selected document' },
  ],
  Document: [
    { keys: 'r', description: 'Revise' },
    { keys: 'v', description: 'Check the selected passage' },
    { keys: 'e', description: 'Export' },
    { keys: 'Delete', description: 'Delete' },
  ],
  Revision: [
    { keys: 'j / k', description: 'Next / previous change' },
    { keys: 'y / n', description: 'Accept / reject the focused change' },
    { keys: 'a', description: 'Accept all changes' },
    { keys: 'Mod+Enter', description: 'Apply the accepted changes' },
  ],
  Events: [{ keys: 'p', description: 'Pause or resume the log' }],
};

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function matches(e: KeyboardEvent, keys: string): boolean {
  const parts = keys.split('+');
  const key = parts.pop()!;
  const mods = new Set(parts);
  const wantMod = mods.has('Mod');
  const ctrl = wantMod ? (isMac ? e.metaKey : e.ctrlKey) : mods.has('Ctrl') ? e.ctrlKey : false;
  if (wantMod || mods.has('Ctrl')) {
    if (!ctrl) return false;
  } else if (e.ctrlKey || e.metaKey) return false;
  if (mods.has('Alt') !== e.altKey) return false;
  if (mods.has('Alt') && /^[0-9]$/.test(key)) return e.code === `Digit${key}`;
  return e.key.toLowerCase() === key.toLowerCase() || (key === '?' && e.key === '?');
}

export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

/** Binds shortcuts while mounted: `{ 'r': fn, 'Mod+Enter': fn }`. */
export function useShortcuts(bindings: Record<string, ((e: KeyboardEvent) => void) | null | undefined>): void {
  const ref = useRef(bindings);
  ref.current = bindings;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      // A modal dialog owns the keyboard.
      if (document.querySelector('dialog[open]')) return;
      for (const [keys, fn] of Object.entries(ref.current)) {
        if (!fn) continue;
        const single = !/(Mod|Ctrl|Alt)\+/.test(keys);
        if (single && isTyping(e.target)) continue;
        if (matches(e, keys)) {
          e.preventDefault();
          fn(e);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
