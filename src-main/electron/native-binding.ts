/**
 * better-sqlite3 is a native module: Node (tests, CLI, server) and Electron need different builds
 * of it (their ABIs differ). The Node build stays where npm put it; `npm run rebuild:electron`
 * (rebuild-native.mjs) puts the Electron build next to it under native/, named by ABI, and the
 * desktop app passes that file to better-sqlite3 through `createCore({ nativeBinding })`.
 */
import fs from 'node:fs';
import path from 'node:path';

export function nativeBindingDir(
  appRoot: string,
  abi: string,
  platform: string = process.platform,
  arch: string = process.arch,
): string {
  return path.join(appRoot, 'native', 'better-sqlite3', `electron-v${abi}-${platform}-${arch}`);
}

export function nativeBindingPath(
  appRoot: string,
  abi: string,
  platform: string = process.platform,
  arch: string = process.arch,
): string {
  return path.join(nativeBindingDir(appRoot, abi, platform, arch), 'better_sqlite3.node');
}

/** The Electron build for this process, or null outside Electron or when it has not been built. */
export function findNativeBinding(appRoot: string, versions: NodeJS.ProcessVersions = process.versions): string | null {
  if (!versions.electron) return null;
  const file = nativeBindingPath(appRoot, versions.modules);
  return fs.existsSync(file) ? file : null;
}
