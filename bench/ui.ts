/**
 * UI benchmarks, in Chromium against `inkproof serve` (`node --import tsx bench/ui.ts`):
 *
 * 1. From a `document.analyzed` broadcast (the hub's envelope timestamp) to the updated DOM of the
 *    Document view (WebSocket → Bridge → live client → per-frame batch → zustand → React), against
 *    a bare page that writes the same frames straight into the DOM, in the same run. Target: p99
 *    within one frame (16 ms).
 * 2. First render after `inkproof serve` is ready: from its "running at" line to the Library on
 *    screen, against loading a bare response from the same server. Target: under 1 s.
 * 3. Scrolling a library of 10,000 documents: the main-thread cost of each frame while the list is
 *    flung, against a plain (not virtualised) list of the same 10,000 rows. Target: no sustained
 *    run of frames over 16 ms.
 * 4. The Document view of a 10,000-word document (Markdown with headings): from its data arriving
 *    (the getDocument response) to the text painted with every sentence shaded and the overview
 *    strip, then the cost of each frame while the page is flung — against the Document view as it
 *    was before the review (the renderer at BASELINE_COMMIT, built from git into a temporary
 *    folder), both built alike by this run and served to the page in place of the server's own
 *    files, against the same server and the same document, samples interleaved. Targets: under
 *    300 ms; no sustained run of frames over 16 ms.
 *
 * Each page runs in its own browser context (its own renderer process). Times are wall clock in
 * milliseconds; the server and the browser share the machine's clock.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { median, percentile, printTable } from './lib/stats';
import { generateText } from './lib/textgen';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = Number(process.env.BENCH_UI_SAMPLES ?? 150);
const LIBRARY_SIZE = Number(process.env.BENCH_UI_LIBRARY ?? 10_000);
const CHROMIUM = process.env.INKPROOF_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const AI =
  "In today's fast-paced world, it is important to note that technology plays a crucial role in shaping how we learn. " +
  'Furthermore, digital tools foster a comprehensive understanding of the intricate tapestry of modern education. ' +
  'Moreover, educators must delve into the multifaceted realm of online collaboration to unlock its full potential.';
const HUMAN =
  "I went down to the market on Saturday and, honestly, it was chaos. They'd run out of bread by nine. My neighbour reckons it's the new bakery.";

interface Server {
  child: ChildProcess;
  origin: string;
  openUrl: string;
  token: string;
  dataDir: string;
  readyAt: number;
  command<T = any>(name: string, args?: unknown): Promise<T>;
  stop(): Promise<void>;
}

async function startServer(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-bench-ui-'))): Promise<Server> {
  const token = crypto.randomBytes(12).toString('hex');
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'inkproof.mjs'), 'serve', '--port', '0', '--data', dataDir, '--token', token],
    {
      cwd: root,
      env: { ...process.env, INKPROOF_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /Inkproof is running at (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`inkproof serve exited with ${code}`)));
  });
  const readyAt = Date.now();
  const origin = new URL(openUrl).origin;
  return {
    child,
    origin,
    openUrl,
    token,
    dataDir,
    readyAt,
    async command(name, args = {}) {
      const res = await fetch(`${origin}/api/commands/${name}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(args),
      });
      const body = await res.json();
      if (!res.ok) throw new Error(`${name}: ${JSON.stringify(body)}`);
      return body;
    },
    async stop() {
      if (child.exitCode === null) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await done;
      }
    },
  };
}

async function waitFor<T>(
  fn: () => Promise<T | null | undefined | false>,
  timeoutMs = 120_000,
  everyMs = 25,
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * tsx (esbuild with keepNames) wraps functions in a `__name` helper, which does not exist in the
 * page the functions are sent to; a no-op stands in for it.
 */
async function newContext(browser: Browser) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  await ctx.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return ctx;
}

async function livePage(browser: Browser, url: string): Promise<Page> {
  const ctx = await newContext(browser);
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector('[data-connection="live"]');
  return page;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p99: percentile(s, 99), max: s[s.length - 1] };
};

// ---- 1. document.analyzed → DOM ------------------------------------------------------------------

async function analyzedToDom(browser: Browser): Promise<void> {
  const server = await startServer();
  try {
    const text = [AI, HUMAN, AI, HUMAN, AI].join('\n\n');
    const { documents } = await server.command('importDocuments', { files: [{ name: 'bench.txt', text }] });
    const id = documents[0].id as number;
    const channel = `private-documents.${id}`;
    await waitFor(async () => (await server.command('getDocument', { id })).status === 'analyzed');

    // The app: the Document view; the time the score card shows a given analysis, and the time
    // the page received the frame carrying it (a listener added before the app's own).
    const appCtx = await newContext(browser);
    await appCtx.addInitScript({
      content: `(() => {
        const recv = (window.__recv = {});
        const Native = window.WebSocket;
        window.WebSocket = class extends Native {
          constructor(...a) {
            super(...a);
            this.addEventListener('message', (e) => {
              if (typeof e.data === 'string' && e.data.includes('"document.analyzed"')) {
                try { const at = JSON.parse(JSON.parse(e.data).data).analyzed_at; if (!(at in recv)) recv[at] = performance.timeOrigin + performance.now(); } catch {}
              }
            });
          }
        };
      })();`,
    });
    const app = await appCtx.newPage();
    await app.goto(`${server.openUrl}#/documents/${id}`);
    await app.waitForSelector('[data-connection="live"]');
    await app.waitForSelector('[data-testid="ai-confidence"]');
    await app.evaluate(() => {
      const w = window as unknown as { __seen: Record<string, number> };
      w.__seen = {};
      const record = () => {
        const card = document.querySelector<HTMLElement>('.score-card');
        const at = card?.dataset.analyzedAt;
        if (at && !(at in w.__seen)) w.__seen[at] = performance.timeOrigin + performance.now();
      };
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['data-analyzed-at'],
      });
    });

    // The baseline: a bare page on the same server, same frames, written straight into the DOM.
    const bareCtx = await newContext(browser);
    const bare = await bareCtx.newPage();
    await bare.goto(`${server.origin}/up?token=${server.token}`);
    await bare.evaluate(
      async ({ channel, token }) => {
        const w = window as unknown as { __seen: Record<string, number> };
        w.__seen = {};
        document.body.innerHTML = '<p id="score" data-analyzed-at=""></p>';
        const el = document.getElementById('score')!;
        new MutationObserver(() => {
          const at = el.dataset.analyzedAt!;
          if (at && !(at in w.__seen)) w.__seen[at] = performance.timeOrigin + performance.now();
        }).observe(el, { attributes: true, attributeFilter: ['data-analyzed-at'] });
        const ws = new WebSocket(`ws://${location.host}/app/inkproof?protocol=7&client=bench&version=1&token=${token}`);
        await new Promise<void>((resolve) => {
          ws.onmessage = async (e) => {
            const f = JSON.parse(e.data);
            if (f.event === 'pusher:connection_established') {
              const socketId = JSON.parse(f.data).socket_id;
              const r = await fetch('/broadcasting/auth', {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
                body: JSON.stringify({ socket_id: socketId, channel_name: channel }),
              });
              ws.send(JSON.stringify({ event: 'pusher:subscribe', data: { channel, auth: (await r.json()).auth } }));
            } else if (f.event === 'pusher_internal:subscription_succeeded') {
              resolve();
            } else if (f.event === 'document.analyzed') {
              const d = JSON.parse(f.data);
              const rw = window as unknown as { __recv?: Record<string, number> };
              (rw.__recv ??= {})[d.analyzed_at] = performance.timeOrigin + performance.now();
              el.textContent = `${d.ai_confidence.toFixed(1)}%`;
              el.dataset.analyzedAt = d.analyzed_at;
            }
          };
        });
      },
      { channel, token: server.token },
    );

    // Analyses from before the measurement (the first one, replayed when the page joined) do not count.
    const before0 = await server.command<{ events: { event: string; data: { analyzed_at: string } }[] }>('getEvents', {
      channel,
      since: 0,
    });
    const old = new Set(before0.events.filter((e) => e.event === 'document.analyzed').map((e) => e.data.analyzed_at));
    // One analysis at a time: the next starts once both pages show the last one, so samples do not
    // overlap. The pages are watched, not the server: polling it would load it while it broadcasts.
    const count = (page: Page) =>
      page.evaluate(() => Object.keys((window as unknown as { __seen: object }).__seen).length);
    const shown = (page: Page, n: number) =>
      page.waitForFunction((k) => Object.keys((window as unknown as { __seen: object }).__seen).length >= k, n, {
        polling: 50,
        timeout: 30_000,
      });
    const [appBase, bareBase] = [await count(app), await count(bare)];
    for (let i = 0; i < SAMPLES; i++) {
      await server.command('analyzeDocument', { id });
      await Promise.all([shown(app, appBase + i + 1), shown(bare, bareBase + i + 1)]);
    }
    const replay = await server.command<{ events: { event: string; ts: number; data: { analyzed_at: string } }[] }>(
      'getEvents',
      { channel, since: 0 },
    );
    const broadcastAt = new Map(
      replay.events
        .filter((e) => e.event === 'document.analyzed' && !old.has(e.data.analyzed_at))
        .map((e) => [e.data.analyzed_at, e.ts]),
    );
    const read = (page: Page) =>
      page.evaluate(() => ({
        seen: (window as any).__seen as Record<string, number>,
        recv: ((window as any).__recv ?? {}) as Record<string, number>,
      }));
    const split = async (page: Page) => {
      const { seen, recv } = await read(page);
      const total: number[] = [];
      const network: number[] = [];
      const client: number[] = [];
      for (const [at, t] of Object.entries(seen)) {
        const ts = broadcastAt.get(at);
        if (ts === undefined) continue;
        total.push(t - ts);
        if (recv[at] !== undefined) {
          network.push(recv[at] - ts);
          client.push(t - recv[at]);
        }
      }
      return { total: stats(total), network: stats(network), client: stats(client) };
    };
    const a = await split(app);
    const b = await split(bare);
    printTable(
      `document.analyzed broadcast → updated DOM (${SAMPLES} analyses, ms)`,
      [
        'metric',
        'Document view (live client + zustand + React)',
        'bare DOM update of the same frames (baseline)',
        'target',
      ],
      [
        ['samples', a.total.n, b.total.n, ''],
        ['broadcast → DOM, p50', a.total.p50, b.total.p50, ''],
        ['broadcast → DOM, p99', a.total.p99, b.total.p99, '≤ 16'],
        ['broadcast → DOM, max', a.total.max, b.total.max, ''],
        [
          '  of which broadcast → frame received, p50 / p99',
          `${a.network.p50.toFixed(2)} / ${a.network.p99.toFixed(2)}`,
          `${b.network.p50.toFixed(2)} / ${b.network.p99.toFixed(2)}`,
          '',
        ],
        [
          '  of which frame received → DOM, p50 / p99',
          `${a.client.p50.toFixed(2)} / ${a.client.p99.toFixed(2)}`,
          `${b.client.p50.toFixed(2)} / ${b.client.p99.toFixed(2)}`,
          '',
        ],
      ],
    );
    await appCtx.close();
    await bareCtx.close();
  } finally {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}

// ---- 2. first render after serve is ready -----------------------------------------------------------

async function firstRender(browser: Browser): Promise<void> {
  const runs = 5;
  const toLibrary: number[] = [];
  const toShell: number[] = [];
  const toHtml: number[] = [];
  const toScript: number[] = [];
  const bareLoad: number[] = [];
  for (let i = 0; i < runs; i++) {
    // The browser page is ready before the server, so only the server and the app are timed.
    const ctx = await newContext(browser);
    const page = await ctx.newPage();
    await page.goto('about:blank');
    const server = await startServer();
    try {
      const t0 = server.readyAt;
      await page.goto(server.openUrl, { waitUntil: 'commit' });
      await page.waitForSelector('.topbar');
      const tShell = Date.now();
      await page.waitForSelector('[data-testid="library-count"]:not(:has-text("Loading"))');
      const tLib = Date.now();
      const nav = await page.evaluate(() => {
        const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          origin: performance.timeOrigin,
          responseEnd: n.responseEnd,
          domContentLoaded: n.domContentLoadedEventEnd,
        };
      });
      toLibrary.push(tLib - t0);
      toShell.push(tShell - t0);
      toHtml.push(nav.origin + nav.responseEnd - t0);
      toScript.push(nav.origin + nav.domContentLoaded - t0);
      const t1 = Date.now();
      await page.goto(`${server.origin}/up`);
      bareLoad.push(Date.now() - t1);
    } finally {
      await ctx.close();
      await server.stop();
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    }
  }
  printTable(
    `First render after \`inkproof serve\` is ready (median of ${runs} fresh servers, ms from its "running at" line)`,
    ['metric', 'Inkproof', 'baseline: GET /up in the same browser', 'target'],
    [
      ["→ the page's HTML received", median(toHtml), '', ''],
      ['→ scripts loaded (DOMContentLoaded)', median(toScript), '', ''],
      ['→ the app on screen (navigation, status bar)', median(toShell), '', ''],
      ['→ the Library rendered with its documents', median(toLibrary), median(bareLoad), '< 1000'],
    ],
  );
}

// ---- 3. scrolling 10,000 documents --------------------------------------------------------------------

/** Flings the scroll container for `frames` frames; per frame: the rAF interval and the main-thread cost (rAF start → after rendering). */
const FLING = ({ selector, frames, step }: { selector: string; frames: number; step: number }) =>
  new Promise<{ intervals: number[]; costs: number[]; rows: number; longFrames: number }>((resolve) => {
    const el = document.querySelector<HTMLElement>(selector)!;
    const intervals: number[] = [];
    const costs: number[] = [];
    let longFrames = 0;
    let obs: PerformanceObserver | null = null;
    try {
      obs = new PerformanceObserver((list) => (longFrames += list.getEntries().length));
      obs.observe({ type: 'long-animation-frame', buffered: false } as PerformanceObserverInit);
    } catch {
      obs = null;
    }
    const ch = new MessageChannel();
    let start = 0;
    ch.port1.onmessage = () => costs.push(performance.now() - start);
    let last = 0;
    let n = 0;
    let dir = 1;
    const tick = (ts: number) => {
      start = performance.now();
      if (last) intervals.push(ts - last);
      last = ts;
      const max = el.scrollHeight - el.clientHeight;
      if (el.scrollTop + step * dir > max || el.scrollTop + step * dir < 0) dir = -dir;
      el.scrollTop += step * dir;
      ch.port2.postMessage(0);
      if (++n < frames) requestAnimationFrame(tick);
      else
        setTimeout(() => {
          obs?.disconnect();
          resolve({ intervals, costs, rows: el.querySelectorAll('[role="row"], .row').length, longFrames });
        }, 50);
    };
    requestAnimationFrame(tick);
  });

function longestRun(costs: number[], over: number): number {
  let best = 0;
  let cur = 0;
  for (const c of costs) {
    cur = c > over ? cur + 1 : 0;
    best = Math.max(best, cur);
  }
  return best;
}

async function scrolling(browser: Browser): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'inkproof-bench-ui-library-'));
  // Seed the library through the API, then let the analyses finish before measuring.
  let server = await startServer(dataDir);
  try {
    for (let i = 0; i < LIBRARY_SIZE; i += 1000) {
      const files = Array.from({ length: Math.min(1000, LIBRARY_SIZE - i) }, (_, k) => ({
        name: `document ${String(i + k + 1).padStart(5, '0')}.txt`,
        text: `${HUMAN} (${i + k})`,
      }));
      await server.command('importDocuments', { files });
    }
    await waitFor(
      async () => {
        const s = await server.command('getQueueStats', {});
        return s.by_type.analyze.queued + s.by_type.analyze.processing === 0;
      },
      30 * 60_000,
      500,
    );
    await server.stop();
    server = await startServer(dataDir);
    const page = await livePage(browser, server.openUrl);
    await page.waitForSelector(`[data-testid="library-count"]:has-text("${LIBRARY_SIZE} of ${LIBRARY_SIZE}")`);
    const frames = 300;
    const speeds = [120, 700];
    const app: Awaited<ReturnType<typeof FLING>>[] = [];
    for (const step of speeds)
      app.push(await page.evaluate(FLING, { selector: '[data-testid="library-grid"]', frames, step }));
    await page.context().close();

    // Baseline: the same 10,000 rows as plain DOM, not virtualised.
    const ctx = await newContext(browser);
    const plain = await ctx.newPage();
    await plain.goto('about:blank');
    await plain.setContent(
      `<style>body{margin:0;font:15px system-ui}#list{height:700px;overflow:auto}.row{display:grid;grid-template-columns:3fr 9rem 8rem 5rem 8rem;height:44px;align-items:center;border-bottom:1px solid #ddd}</style><div id="list">${Array.from(
        { length: LIBRARY_SIZE },
        (_, i) =>
          `<div class="row"><span>document ${i + 1}.txt</span><span>✓ Analyzed</span><span>${(i % 1000) / 10}%</span><span>1.2 KB</span><span>just now</span></div>`,
      ).join('')}</div>`,
    );
    const base: Awaited<ReturnType<typeof FLING>>[] = [];
    for (const step of speeds) base.push(await plain.evaluate(FLING, { selector: '#list', frames, step }));
    await ctx.close();

    const summary = (r: Awaited<ReturnType<typeof FLING>>) => ({
      c: stats(r.costs),
      over: r.costs.filter((x) => x > 16).length,
      run: longestRun(r.costs, 16),
      late: r.intervals.filter((x) => x > 16.7 * 1.5).length,
      rows: r.rows,
      loaf: r.longFrames,
    });
    const rowsOut: (string | number)[][] = [];
    speeds.forEach((step, i) => {
      const A = summary(app[i]);
      const B = summary(base[i]);
      rowsOut.push(
        [`${step} px/frame: rows in the DOM`, A.rows, B.rows, ''],
        [`${step} px/frame: frame cost p50`, A.c.p50, B.c.p50, ''],
        [`${step} px/frame: frame cost p99`, A.c.p99, B.c.p99, ''],
        [`${step} px/frame: frames over 16 ms (of ${frames})`, A.over, B.over, ''],
        [`${step} px/frame: longest run of frames over 16 ms`, A.run, B.run, 'none sustained (< 3)'],
        [`${step} px/frame: frames late by > 25 ms`, A.late, B.late, ''],
        [`${step} px/frame: long animation frames (> 50 ms)`, A.loaf, B.loaf, '0'],
      );
    });
    printTable(
      `Scrolling a library of ${LIBRARY_SIZE.toLocaleString('en-US')} documents (${frames} frames at each speed; frame cost = main-thread time from the frame's start to after its rendering, ms)`,
      ['metric', 'Library (virtualised)', 'plain 10,000-row list (baseline)', 'target'],
      rowsOut,
    );
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---- 4. the Document view of a 10,000-word document ------------------------------------------------

/**
 * The Document view before the review work (critical sections highlighted, no sentence shading,
 * no overview). Kept as a commit rather than as old components in the tree: the bench builds the
 * renderer of that commit from git, so the baseline is exactly what users had.
 */
const BASELINE_COMMIT = 'aee488fb738b31cb6bda620f9e78cb399776de02';
const DOC_WORDS = Number(process.env.BENCH_UI_DOC_WORDS ?? 10_000);
const DOC_SAMPLES = Number(process.env.BENCH_UI_DOC_SAMPLES ?? 12);

/** Builds the renderer of `commit` (or of the working tree) into a temporary folder, as the app's build does. */
async function buildRenderer(label: string, commit: string | null): Promise<{ dir: string; cleanup: () => void }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `inkproof-bench-ui-${label}-`));
  let source = root;
  if (commit) {
    const tar = execFileSync('git', ['archive', '--format=tar', commit, 'src-renderer', 'src-shared'], {
      cwd: root,
      maxBuffer: 1 << 28,
    });
    execFileSync('tar', ['-x', '-C', tmp], { input: tar });
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(tmp, 'node_modules'), 'dir');
    source = tmp;
  }
  const dir = path.join(tmp, 'out');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: path.join(source, 'src-renderer'),
    base: './',
    plugins: [react()],
    build: { outDir: dir, emptyOutDir: true, target: 'es2022', minify: true },
  });
  return { dir, cleanup: () => fs.rmSync(tmp, { recursive: true, force: true }) };
}

/** Serves a built renderer's page and assets to `page` in place of the server's; the API goes through. */
async function serveRenderer(page: Page, origin: string, dir: string): Promise<void> {
  await page.route(`${origin}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname === '/' || pathname === '/index.html') return route.fulfill({ path: path.join(dir, 'index.html') });
    if (pathname.startsWith('/assets/')) return route.fulfill({ path: path.join(dir, pathname) });
    return route.continue();
  });
}

/**
 * Runs in the page before it loads: notes when the Document view is complete (the text's end on
 * screen, and — for the new view — every sentence shaded and marked on the overview), and when the
 * frame that shows it has been rendered.
 */
const WATCH_RENDER = ({ tail, sentences }: { tail: string; sentences: number }) => {
  const w = window as unknown as { __render: { seen: number | null; painted: number | null; nodes: number } };
  w.__render = { seen: null, painted: null, nodes: 0 };
  const complete = () => {
    const text = document.querySelector('[data-testid="document-text"]');
    if (!text || !(text.textContent ?? '').includes(tail)) return false;
    if (sentences > 0)
      return (
        text.querySelectorAll('.s').length >= sentences &&
        document.querySelector('.ov-marks')?.getAttribute('data-drawn') === String(sentences)
      );
    return true;
  };
  const obs = new MutationObserver(() => {
    if (w.__render.seen !== null || !complete()) return;
    w.__render.seen = performance.now();
    w.__render.nodes = document.querySelectorAll('main *').length;
    obs.disconnect();
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => (w.__render.painted = performance.now());
      ch.port2.postMessage(0);
    });
  });
  document.addEventListener('DOMContentLoaded', () =>
    obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true }),
  );
};

/** One load of the view: ms from the getDocument response's end to the complete view's frame rendered. */
async function renderOnce(page: Page, url: string): Promise<{ ms: number; nodes: number }> {
  await page.goto(url);
  await page.waitForFunction(() => (window as any).__render?.painted !== null, null, { timeout: 60_000, polling: 50 });
  return page.evaluate(() => {
    const r = (window as any).__render as { seen: number; painted: number; nodes: number };
    const fetches = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (e) => e.name.includes('/api/commands/getDocument') && e.responseEnd <= r.seen,
    );
    return { ms: r.painted - fetches[fetches.length - 1].responseEnd, nodes: r.nodes };
  });
}

/** A long report: a title, then a heading every eight paragraphs, chatbot-style and plain paragraphs mixed. */
function longReport(words: number): string {
  const plain = generateText(words, 7).split('\n\n');
  const out = ['# A long report'];
  let n = 0;
  for (let i = 0; n < words; i++) {
    if (i % 8 === 0) out.push(`## Part ${i / 8 + 1}`);
    const p = i % 3 === 0 ? AI : plain[i % plain.length];
    out.push(p);
    n += p.split(/\s+/).length;
  }
  return out.join('\n\n');
}

async function documentView(browser: Browser): Promise<void> {
  const renderers = {
    current: await buildRenderer('current', null),
    baseline: await buildRenderer('baseline', BASELINE_COMMIT),
  };
  const server = await startServer();
  try {
    const text = longReport(DOC_WORDS);
    const { documents } = await server.command('importDocuments', { files: [{ name: 'long-report.md', text }] });
    const id = documents[0].id as number;
    const doc = await waitFor(
      async () => {
        const d = await server.command('getDocument', { id });
        return d.status === 'analyzed' ? d : null;
      },
      10 * 60_000,
      250,
    );
    const tail = text.slice(-40);
    const url = `${server.openUrl}#/documents/${id}`;
    const pages: Record<'current' | 'baseline', Page> = {} as never;
    for (const which of ['current', 'baseline'] as const) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await ctx.addInitScript({ content: 'globalThis.__name = (f) => f;' });
      await ctx.addInitScript(WATCH_RENDER, { tail, sentences: which === 'current' ? doc.sentences.length : 0 });
      pages[which] = await ctx.newPage();
      await serveRenderer(pages[which], server.origin, renderers[which].dir);
      await renderOnce(pages[which], url); // warm-up: caches, JIT
    }
    const times = { current: [] as number[], baseline: [] as number[] };
    let nodes = { current: 0, baseline: 0 };
    for (let i = 0; i < DOC_SAMPLES; i++) {
      const order: ('current' | 'baseline')[] = i % 2 ? ['baseline', 'current'] : ['current', 'baseline'];
      for (const which of order) {
        const r = await renderOnce(pages[which], url);
        times[which].push(r.ms);
        nodes = { ...nodes, [which]: r.nodes };
      }
    }
    const frames = 300;
    const speeds = [60, 400];
    const fling = {
      current: [] as Awaited<ReturnType<typeof FLING>>[],
      baseline: [] as Awaited<ReturnType<typeof FLING>>[],
    };
    for (const step of speeds)
      for (const which of ['current', 'baseline'] as const)
        fling[which].push(await pages[which].evaluate(FLING, { selector: '#main', frames, step }));
    for (const p of Object.values(pages)) await p.context().close();

    const s = { current: stats(times.current), baseline: stats(times.baseline) };
    const rows: (string | number)[][] = [
      [
        'sentences shaded / overview marks',
        `${doc.sentences.length} / ${doc.sentences.length}`,
        '— (sections highlighted)',
        '',
      ],
      ['elements in the view', nodes.current, nodes.baseline, ''],
      ['data → view rendered, p50', s.current.p50, s.baseline.p50, '< 300'],
      [
        'data → view rendered, p90',
        percentile(
          [...times.current].sort((a, b) => a - b),
          90,
        ),
        percentile(
          [...times.baseline].sort((a, b) => a - b),
          90,
        ),
        '',
      ],
      ['data → view rendered, max', s.current.max, s.baseline.max, ''],
      ['ratio of p50 (new ÷ old)', s.current.p50 / s.baseline.p50, 1, ''],
    ];
    speeds.forEach((step, i) => {
      const [A, B] = [fling.current[i], fling.baseline[i]];
      const [a, b] = [stats(A.costs), stats(B.costs)];
      rows.push(
        [
          `${step} px/frame: frame cost p50 / p99`,
          `${a.p50.toFixed(2)} / ${a.p99.toFixed(2)}`,
          `${b.p50.toFixed(2)} / ${b.p99.toFixed(2)}`,
          '',
        ],
        [
          `${step} px/frame: frames over 16 ms (of ${frames})`,
          A.costs.filter((x) => x > 16).length,
          B.costs.filter((x) => x > 16).length,
          '',
        ],
        [
          `${step} px/frame: longest run of frames over 16 ms`,
          longestRun(A.costs, 16),
          longestRun(B.costs, 16),
          'none sustained (< 3)',
        ],
        [`${step} px/frame: long animation frames (> 50 ms)`, A.longFrames, B.longFrames, '0'],
      );
    });
    printTable(
      `The Document view of a ${DOC_WORDS.toLocaleString('en-US')}-word document (${DOC_SAMPLES} loads each, interleaved; ms; frame cost as in table 3, page flung for ${frames} frames)`,
      [
        'metric',
        'Document view (sentence shading + overview)',
        `before the review (${BASELINE_COMMIT.slice(0, 7)}, baseline)`,
        'target',
      ],
      rows,
    );
  } finally {
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
    renderers.current.cleanup();
    renderers.baseline.cleanup();
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
try {
  const only = process.argv.slice(2);
  if (!only.length || only.includes('latency')) await analyzedToDom(browser);
  if (!only.length || only.includes('first-render')) await firstRender(browser);
  if (!only.length || only.includes('scroll')) await scrolling(browser);
  if (!only.length || only.includes('document')) await documentView(browser);
} finally {
  await browser.close();
}
