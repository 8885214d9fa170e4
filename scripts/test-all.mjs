#!/usr/bin/env node
/**
 * `npm test`: the whole suite — type checks, vitest (unit and integration) and Playwright (the UI
 * in Chromium) — ending with one plain line `N passed, N failed, N skipped` summed over every
 * runner, which is what CI reads. Exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const total = { passed: 0, failed: 0, skipped: 0 };
const skippedNames = [];
fs.mkdirSync('test-results', { recursive: true });

function run(title, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
  return r.status ?? 1;
}

// 0. Lint and formatting: ESLint (with the folders' layering as a rule) and Prettier.
{
  const status = run('lint (eslint, prettier)', 'npm', ['run', '--silent', 'lint']);
  if (status === 0) total.passed++;
  else total.failed++;
}

// 1. Types: the node side and the renderer are checked separately (DOM types stay out of Node code).
// tsconfig.e2e.json: the Playwright specs and the UI benchmark, which run in Node and evaluate code in the page.
for (const project of ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json'].filter((p) =>
  fs.existsSync(p),
)) {
  const status = run(`typecheck ${project}`, 'npx', ['tsc', '-p', project, '--noEmit']);
  if (status === 0) total.passed++;
  else total.failed++;
}

// 2. vitest: unit and integration tests.
{
  const report = 'test-results/vitest.json';
  fs.rmSync(report, { force: true });
  const status = run('vitest (unit and integration)', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ]);
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    total.passed += r.numPassedTests;
    total.failed += r.numFailedTests;
    total.skipped += r.numPendingTests + r.numTodoTests;
    for (const file of r.testResults)
      for (const t of file.assertionResults)
        if (t.status === 'skipped' || t.status === 'pending') skippedNames.push(t.fullName);
    // A suite that failed to load has no test results but must still count.
    const broken = r.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
    total.failed += broken;
  } else if (status !== 0) {
    total.failed++;
  }
}

// 3. Playwright: the browser version in Debian's Chromium (and Electron where its binary exists).
if (fs.existsSync('playwright.config.ts')) {
  const report = 'test-results/playwright.json';
  fs.rmSync(report, { force: true });
  const status = run('playwright (UI in Chromium)', 'npx', ['playwright', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: report,
  });
  if (fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, 'utf8'));
    total.passed += r.stats.expected + (r.stats.flaky ?? 0);
    total.failed += r.stats.unexpected;
    total.skipped += r.stats.skipped;
    const walk = (suite, prefix) => {
      for (const spec of suite.specs ?? [])
        for (const t of spec.tests ?? [])
          if (t.status === 'skipped')
            skippedNames.push(
              `${prefix}${spec.title} (${
                t.annotations
                  ?.map((a) => a.description)
                  .filter(Boolean)
                  .join('; ') || 'skipped'
              })`,
            );
      for (const s of suite.suites ?? []) walk(s, `${prefix}${s.title} › `);
    };
    for (const s of r.suites ?? []) walk(s, '');
    if (r.errors?.length && r.stats.unexpected === 0) total.failed += r.errors.length;
  } else if (status !== 0) {
    total.failed++;
  }
}

if (skippedNames.length) {
  console.log('\nSkipped (each with its reason):');
  for (const name of skippedNames) console.log(`  - ${name}`);
}
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
