#!/usr/bin/env node
/**
 * `npm run rebuild:electron`: puts a build of better-sqlite3 for Electron's ABI next to the Node
 * build (which tests, the CLI and the server keep using), at
 *
 *   native/better-sqlite3/electron-v<ABI>-<platform>-<arch>/better_sqlite3.node
 *
 * where the desktop app finds it (native-binding.ts) and hands it to better-sqlite3 through
 * `createCore({ nativeBinding })`. It never touches node_modules/better-sqlite3/build.
 *
 * 1. A prebuilt binary: prebuild-install (better-sqlite3's own dependency) fetches the release
 *    asset for `--runtime electron --target <electron version>`, in a scratch copy of the package.
 * 2. Otherwise a compile from source: node-gyp (the one npm ships) against Electron's headers.
 *
 * Both need the network (GitHub releases, or Electron's header server). `--check` only reports
 * whether the build is present (exit 0) or missing (exit 1).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const electronVersion = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
).version;
const sqliteDir = path.join(root, 'node_modules/better-sqlite3');
const { getAbi } = require('node-abi');
const abi = getAbi(electronVersion, 'electron');
const platform = process.env.npm_config_platform || process.platform;
const arch = process.env.npm_config_arch || process.arch;
const targetDir = path.join(root, 'native', 'better-sqlite3', `electron-v${abi}-${platform}-${arch}`);
const target = path.join(targetDir, 'better_sqlite3.node');

if (process.argv.includes('--check')) {
  const ok = fs.existsSync(target);
  console.log(ok ? `present: ${path.relative(root, target)}` : `missing: ${path.relative(root, target)}`);
  process.exit(ok ? 0 : 1);
}

console.log(
  `better-sqlite3 for Electron ${electronVersion} (ABI ${abi}, ${platform}-${arch}) → ${path.relative(root, target)}`,
);

function scratchCopy(full) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-sqlite-electron-'));
  const items = full ? ['package.json', 'binding.gyp', 'src', 'deps', 'lib'] : ['package.json'];
  for (const item of items) {
    const from = path.join(sqliteDir, item);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(dir, item), { recursive: true });
  }
  return dir;
}

function install(from) {
  fs.mkdirSync(targetDir, { recursive: true });
  fs.copyFileSync(from, target);
  console.log(`done: ${path.relative(root, target)}`);
}

function attempt(title, cmd, argv, cwd) {
  console.log(`\n${title}\n  $ ${[cmd, ...argv].join(' ')}`);
  const r = spawnSync(cmd, argv, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, npm_config_runtime: 'electron', npm_config_target: electronVersion },
  });
  const built = path.join(cwd, 'build', 'Release', 'better_sqlite3.node');
  return r.status === 0 && fs.existsSync(built) ? built : null;
}

// 1. A prebuilt binary for Electron.
{
  const dir = scratchCopy(false);
  try {
    const bin = path.join(path.dirname(require.resolve('prebuild-install/package.json')), 'bin.js');
    const built = attempt(
      'Trying a prebuilt binary (prebuild-install)…',
      process.execPath,
      [bin, '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--platform', platform, '--verbose'],
      dir,
    );
    if (built) {
      install(built);
      process.exit(0);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// 2. Compile from source against Electron's headers.
{
  const candidates = [
    path.join(
      path.dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    path.join(path.dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  try {
    candidates.unshift(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    /* not installed locally */
  }
  const gyp = candidates.find((c) => fs.existsSync(c));
  if (gyp) {
    const dir = scratchCopy(true);
    try {
      const built = attempt(
        'Compiling from source against the Electron headers (node-gyp)…',
        process.execPath,
        [
          gyp,
          'rebuild',
          '--release',
          `--target=${electronVersion}`,
          `--arch=${arch}`,
          '--runtime=electron',
          '--dist-url=https://electronjs.org/headers',
        ],
        dir,
      );
      if (built) {
        install(built);
        process.exit(0);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } else {
    console.log('\nnode-gyp was not found (it ships with npm); cannot compile from source.');
  }
}

console.error(
  `\nCould not produce better-sqlite3 for Electron ${electronVersion}: both need the network (a GitHub release asset, or Electron's headers). ` +
    'Run this again where they can be reached. Tests, the CLI and `inkproof serve` use the Node build and are not affected.',
);
process.exit(1);
