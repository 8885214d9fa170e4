/** The window's size and position, remembered between runs and restored only onto a screen that is still there. */
import fs from 'node:fs';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_STATE: WindowState = { width: 1280, height: 820, maximized: false };
export const MIN_SIZE = { width: 760, height: 520 };

const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  return {
    w: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    h: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** Validates what was saved against the screens there are now. */
export function restoreState(saved: unknown, workAreas: Rect[]): WindowState {
  if (!saved || typeof saved !== 'object') return { ...DEFAULT_STATE };
  const s = saved as Record<string, unknown>;
  const largest = workAreas.reduce(
    (m, a) => (a.width * a.height > m.width * m.height ? a : m),
    workAreas[0] ?? { x: 0, y: 0, width: 1920, height: 1080 },
  );
  const width = num(s.width)
    ? Math.round(Math.min(Math.max(s.width, MIN_SIZE.width), largest.width))
    : DEFAULT_STATE.width;
  const height = num(s.height)
    ? Math.round(Math.min(Math.max(s.height, MIN_SIZE.height), largest.height))
    : DEFAULT_STATE.height;
  const state: WindowState = { width, height, maximized: s.maximized === true };
  if (num(s.x) && num(s.y)) {
    const rect = { x: Math.round(s.x), y: Math.round(s.y), width, height };
    // Keep the position only if a good part of the title bar area is on some screen.
    const visible = workAreas.some((a) => {
      const o = overlap(rect, a);
      return o.w >= 120 && o.h >= 60;
    });
    if (visible) {
      state.x = rect.x;
      state.y = rect.y;
    }
  }
  return state;
}

export function loadState(file: string, workAreas: Rect[]): WindowState {
  try {
    return restoreState(JSON.parse(fs.readFileSync(file, 'utf8')), workAreas);
  } catch {
    return restoreState(null, workAreas);
  }
}

export function saveState(file: string, state: WindowState): void {
  try {
    fs.writeFileSync(file, JSON.stringify(state));
  } catch {
    /* not worth failing over */
  }
}
