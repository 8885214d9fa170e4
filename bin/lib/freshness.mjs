/**
 * Whether a build is older than its sources: the newest modification time under the source paths
 * against the oldest of the built files. Used so that `npm start` rebuilds after a `git pull`
 * instead of serving the previous interface.
 */
import fs from 'node:fs';
import path from 'node:path';

function newestMtime(p) {
  let stat;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** True when an output is missing or some source changed after the oldest output was written. */
export function buildIsStale(root, outputs, sources) {
  let oldestOutput = Infinity;
  for (const out of outputs) {
    try {
      oldestOutput = Math.min(oldestOutput, fs.statSync(path.join(root, out)).mtimeMs);
    } catch {
      return true;
    }
  }
  return sources.some((src) => newestMtime(path.join(root, src)) > oldestOutput);
}
