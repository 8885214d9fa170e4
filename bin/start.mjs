#!/usr/bin/env node
/**
 * `npm start`: opens the desktop app where Electron can run. Where it cannot — its binary is not
 * installed (and cannot be downloaded), or there is no display — it says so in one line and starts
 * the browser version instead (`inkproof serve`), which prints the address to open.
 *
 *   npm start                  desktop app, or the browser version on 127.0.0.1:8080
 *   npm start -- --port 0      arguments after -- go to `inkproof serve` in the fallback
 *   INKPROOF_BROWSER=1 npm start   always the browser version
 *   npm run serve              the browser version (this script with --browser), built first if needed
 *
 * The interface is built when it is missing or older than its sources. This process stays the
 * parent of what it starts: SIGINT and SIGTERM are passed on, and it exits with the child — also
 * when npm's own wrapper was killed (see lib/parent.mjs).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from './lib/freshness.mjs';
import { signalSelfWhenOrphaned, startedByNpm } from './lib/parent.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const browserOnly = process.argv[2] === '--browser';
const args = process.argv.slice(browserOnly ? 3 : 2);
const electronDir = path.join(root, 'node_modules', 'electron');

function electronBinary() {
  try {
    const rel = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
    const full = path.join(electronDir, 'dist', rel);
    return fs.existsSync(full) ? full : null;
  } catch {
    return null;
  }
}

/**
 * Electron's install script downloads its binary; where install scripts did not run (npm's
 * allowScripts policy, or an offline install) it is tried once here, quietly.
 */
function tryDownloadElectron() {
  if (!fs.existsSync(path.join(electronDir, 'install.js'))) return null;
  const r = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], {
    cwd: root,
    stdio: 'pipe',
    timeout: 180_000,
  });
  return r.status === 0 ? electronBinary() : null;
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', ...opts });
  return r.status === 0;
}

/** Sources of the build: any change under them makes `npm start` build again. */
const SOURCES = ['src-renderer', 'src-shared', 'src-main', 'src-workers', 'electron.vite.config.ts'];
const RENDERER_SOURCES = ['src-renderer', 'src-shared', 'src-main/electron/csp.ts', 'electron.vite.config.ts'];
const built = (outputs, sources) => !buildIsStale(root, outputs, sources);

function build() {
  process.stderr.write('Building Inkproof (electron-vite build)…\n');
  if (
    !run(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    })
  ) {
    process.stderr.write('The build failed; see the errors above.\n');
    process.exit(1);
  }
}

const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

/** Passes signals on to the child and exits with it (128 + n when a signal ended it). */
function forward(child) {
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => child.kill(sig));
  if (startedByNpm()) signalSelfWhenOrphaned('SIGTERM');
  child.on('exit', (code, signal) => process.exit(code ?? SIGNAL_EXIT[signal] ?? 1));
}

function startBrowserVersion(reason) {
  if (reason)
    console.log(
      `Inkproof: the desktop app cannot start here (${reason}), so the browser version starts instead — open the address printed below.`,
    );
  if (!built(['out/renderer/index.html'], RENDERER_SOURCES)) build();
  const hasPort = args.some((a) => a === '--port' || a.startsWith('--port='));
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'inkproof.mjs'), 'serve', ...(hasPort ? [] : ['--port', '8080']), ...args],
    { cwd: root, stdio: 'inherit' },
  );
  forward(child);
}

function startDesktop(binary) {
  if (!built(['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'], SOURCES)) build();
  const check = spawnSync(
    process.execPath,
    [path.join(root, 'src-main', 'electron', 'rebuild-native.mjs'), '--check'],
    { cwd: root, stdio: 'pipe' },
  );
  if (check.status !== 0) {
    process.stderr.write('Building better-sqlite3 for Electron (npm run rebuild:electron)…\n');
    if (
      !run(process.execPath, [path.join(root, 'src-main', 'electron', 'rebuild-native.mjs')], {
        stdio: ['ignore', 'ignore', 'inherit'],
      })
    ) {
      return startBrowserVersion('better-sqlite3 could not be built for Electron; see "npm run rebuild:electron"');
    }
  }
  const child = spawn(binary, [root, ...args], { cwd: root, stdio: 'inherit' });
  forward(child);
}

if (browserOnly) {
  startBrowserVersion(null);
} else if (process.env.INKPROOF_BROWSER === '1') {
  startBrowserVersion('INKPROOF_BROWSER=1 asks for the browser version');
} else {
  const display = hasDisplay();
  let binary = electronBinary();
  if (!binary && display) binary = tryDownloadElectron();
  if (!binary) {
    startBrowserVersion(
      `the Electron binary is not installed in node_modules/electron and could not be downloaded${display ? '' : ', and there is no display'}`,
    );
  } else if (!display) {
    startBrowserVersion('there is no display: DISPLAY and WAYLAND_DISPLAY are not set');
  } else {
    startDesktop(binary);
  }
}
