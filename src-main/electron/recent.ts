/** Recently opened files (File › Open Recent), newest first, at most ten, kept in the data folder. */
import fs from 'node:fs';

export const RECENT_LIMIT = 10;

export function addRecent(list: readonly string[], paths: readonly string[], limit = RECENT_LIMIT): string[] {
  const out = [...paths].reverse();
  for (const p of list) if (!out.includes(p)) out.push(p);
  return out.slice(0, limit);
}

export function loadRecent(file: string): string[] {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(v) ? v.filter((p): p is string => typeof p === 'string').slice(0, RECENT_LIMIT) : [];
  } catch {
    return [];
  }
}

export function saveRecent(file: string, list: readonly string[]): void {
  try {
    fs.writeFileSync(file, JSON.stringify(list));
  } catch {
    /* not worth failing over */
  }
}
