/** `npm start` builds again when a source is newer than the build (after a `git pull`). */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the launcher, without type declarations
import { buildIsStale } from '../../../bin/lib/freshness.mjs';
import { tempDir } from '../../helpers/temp';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function tree(): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  fs.mkdirSync(path.join(dir, 'src', 'views'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'out'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'src', 'views', 'a.tsx'), 'a');
  fs.writeFileSync(path.join(dir, 'out', 'index.html'), 'built');
  return dir;
}

const touch = (file: string, secondsFromNow: number) => {
  const t = new Date(Date.now() + secondsFromNow * 1000);
  fs.utimesSync(file, t, t);
};

describe('buildIsStale', () => {
  it('is stale when an output is missing', () => {
    const dir = tree();
    expect(buildIsStale(dir, ['out/index.html', 'out/main.js'], ['src'])).toBe(true);
  });

  it('is fresh when the build is newer than every source', () => {
    const dir = tree();
    touch(path.join(dir, 'src', 'views', 'a.tsx'), -60);
    touch(path.join(dir, 'src', 'views'), -60);
    touch(path.join(dir, 'src'), -60);
    expect(buildIsStale(dir, ['out/index.html'], ['src'])).toBe(false);
  });

  it('is stale when a nested source changed after the build', () => {
    const dir = tree();
    touch(path.join(dir, 'out', 'index.html'), -60);
    touch(path.join(dir, 'src'), -120);
    touch(path.join(dir, 'src', 'views'), -120);
    touch(path.join(dir, 'src', 'views', 'a.tsx'), 0);
    expect(buildIsStale(dir, ['out/index.html'], ['src'])).toBe(true);
  });
});
