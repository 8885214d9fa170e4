/**
 * Builds the three parts of the desktop app, and the renderer the browser version serves:
 *
 *   out/main/index.js            Electron main process (src-main/electron/main.ts), ESM
 *   out/main/workers/<task>.js   one entry per worker task (src-workers/tasks), found by the pool
 *   out/preload/index.cjs        the preload, CommonJS and self-contained so it runs sandboxed
 *   out/renderer/                the React UI (also served by `inkproof serve`)
 *
 * Main keeps package.json `dependencies` external (better-sqlite3, piscina, …): they load from
 * node_modules at run time. The preload bundles everything but `electron`.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { TASK_NAMES } from './src-shared/tasks';
import { RENDERER_CSP } from './src-main/electron/csp';

const root = import.meta.dirname;
const r = (p: string) => resolve(root, p);

/** The built page carries its Content-Security-Policy (development keeps Vite's inline preamble working). */
function cspMeta(): Plugin {
  return {
    name: 'inkproof-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

const workerEntries = Object.fromEntries(
  TASK_NAMES.map((name) => [`workers/${name}`, r(`src-workers/tasks/${name}.ts`)]),
);

export default defineConfig({
  main: {
    build: {
      outDir: r('out/main'),
      emptyOutDir: true,
      sourcemap: true,
      rolldownOptions: {
        input: { index: r('src-main/electron/main.ts'), ...workerEntries },
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: r('out/preload'),
      emptyOutDir: true,
      // Sandboxed preloads can require nothing but `electron`: bundle the rest.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: r('src-main/electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: r('src-renderer'),
    base: './',
    plugins: [react(), cspMeta()],
    build: {
      outDir: r('out/renderer'),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      rolldownOptions: { input: { index: r('src-renderer/index.html') } },
    },
  },
});
