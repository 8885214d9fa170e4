/**
 * `inkproof rewrite` used carelessly: a bad --out or --strength is a usage error (exit code 2)
 * found before any work, the original file is never overwritten, a disk that refuses the write
 * gives a sentence instead of a stack trace, and a reader that stops early ends the run quietly.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, exited, runCli } from '../helpers/server-process';
import { tempDir } from '../helpers/temp';
import { aiText } from '../helpers/texts';

const run = (args: string[], stdin = '') => runCli(args, stdin, { INKPROOF_THREADS: '1' });

describe('inkproof rewrite, used carelessly', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const input = path.join(t.dir, 'essay.txt');
  fs.writeFileSync(input, aiText(2));

  it('refuses --out in a folder that does not exist, or naming a folder, with exit code 2', async () => {
    const missing = await run(['rewrite', input, '--out', path.join(t.dir, 'no-such-folder', 'out.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `inkproof: Cannot write "out.txt": the folder "${path.join(t.dir, 'no-such-folder')}" does not exist.\n`,
    );
    fs.mkdirSync(path.join(t.dir, 'folder.txt'));
    const folder = await run(['rewrite', input, '--out', path.join(t.dir, 'folder.txt')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/folder\.txt": it is a folder\.\n$/);
  }, 60_000);

  it('never writes the revision over the file being revised, by any name', async () => {
    const link = path.join(t.dir, 'link.txt');
    fs.symlinkSync(input, link);
    for (const out of [input, path.join(t.dir, '.', 'essay.txt'), link]) {
      const res = await run(['rewrite', input, '--out', out]);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/is the file being revised: give another file name, so the original is kept\.\n$/);
    }
    expect(fs.readFileSync(input, 'utf8')).toBe(aiText(2));
  }, 60_000);

  it('takes --strength as 1, 2 or 3 only', async () => {
    for (const strength of ['0x2', ' 2 ', '2e0', '2.0', '']) {
      const res = await run(['rewrite', input, '--strength', strength]);
      expect(res.code).toBe(2);
      expect(res.stderr).toBe('inkproof: --strength must be 1, 2 or 3.\n');
    }
  }, 60_000);

  it('says when a text is in another language and leaves it as written', async () => {
    const french = path.join(t.dir, 'note.txt');
    const text =
      "Il est important de noter que la technologie joue un rôle crucial dans nos vies. De plus, les organisations doivent tirer parti de stratégies complètes pour l'avenir.";
    fs.writeFileSync(french, text);
    const res = await run(['rewrite', french, '--strength', '3']);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(text + '\n');
    expect(res.stderr).toMatch(/One passage is not in English and was left as written/);
  }, 60_000);

  it('reads the text from stdin for "-", as Unix tools do', async () => {
    const res = await run(['rewrite', '-'], aiText(2));
    expect(res.code).toBe(0);
    expect(res.stdout.length).toBeGreaterThan(100);
    expect(res.stdout).not.toBe(aiText(2) + '\n');
    expect(res.stderr).toMatch(/^\d+ changes?: /);
    const analyzed = await run(['analyze', '-', '--json'], aiText(2));
    expect(analyzed.code).toBe(0);
    expect(JSON.parse(analyzed.stdout)[0].ai_confidence).toBeGreaterThan(50);
    const empty = await run(['rewrite', '-'], '');
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe('inkproof: The text on stdin is empty.\n');
    const twice = await run(['analyze', '-', '-'], 'x');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('inkproof: "-" (stdin) can be given once.\n');
  }, 60_000);

  it('stops quietly when the reader of its output goes away', async () => {
    const child = spawn(process.execPath, [BIN, 'rewrite', '--jsonl'], {
      env: { ...process.env, NO_COLOR: '1', INKPROOF_THREADS: '1' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    // The first answer arrives, then the reader closes its end, as `| head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const line = JSON.stringify({ id: 1, text: 'Moreover, it works.' });
    child.stdin.end(Array.from({ length: 5000 }, () => line).join('\n') + '\n');
    expect(await exited(child)).toBe(0);
    expect(stderr).toBe('');
  }, 60_000);
});
