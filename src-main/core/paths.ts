/**
 * Where Inkproof keeps its data. Electron passes its userData folder; everything else uses the
 * per-OS convention, overridable with `--data DIR` or `INKPROOF_DATA`.
 */
import os from 'node:os';
import path from 'node:path';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home = os.homedir(),
): string {
  if (env.INKPROOF_DATA) return path.resolve(env.INKPROOF_DATA);
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'Inkproof');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Inkproof');
    default:
      return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'inkproof');
  }
}

/** An explicit `--data DIR` wins over the environment and the default. */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return explicit ? path.resolve(explicit) : defaultDataDir(env);
}
