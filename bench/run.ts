/**
 * `npm run bench`: runs every benchmark in its own process, one after another (so they do not
 * compete for the two cores), and prints their tables. `npm run bench -- hub queue` runs some.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ORDER = ['hub', 'queue', 'progress', 'analysis', 'rewrite', 'formatting', 'import', 'ui', 'ws', 'http', 'sync'];
const wanted = process.argv.slice(2);
const available = ORDER.filter((name) => fs.existsSync(path.join(here, `${name}.ts`)));
const selected = wanted.length ? available.filter((n) => wanted.includes(n)) : available;
let failed = 0;
for (const name of selected) {
  console.log(`\n## bench/${name}.ts`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, `${name}.ts`)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`(bench/${name}.ts failed with exit code ${r.status})`);
  }
}
process.exit(failed ? 1 : 0);
