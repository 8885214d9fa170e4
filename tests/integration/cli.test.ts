/** The `inkproof` command as a user runs it: real processes, stdout for results, stderr for logs. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, exited, runCli, startServeProcess } from '../helpers/server-process';
import { tempDir } from '../helpers/temp';
import { aiText, humanText, mixedText } from '../helpers/texts';

/** The CLI with one worker thread, as a small machine would run it. */
const run = (args: string[], stdin = '') => runCli(args, stdin, { INKPROOF_THREADS: '1' });

describe('inkproof CLI', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('analyze --jsonl answers every line, in order, with nothing else on stdout', async () => {
    const lines = [
      JSON.stringify({ id: 'a', text: aiText(3) }),
      'not json',
      JSON.stringify({ id: 2, text: 'Too short.' }),
      JSON.stringify({ text: 'no id' }),
      JSON.stringify({ id: 'h', text: humanText(3) }),
      JSON.stringify({ id: 'n', text: 42 }),
      JSON.stringify({ id: 'm', text: mixedText(3) }),
    ];
    const { code, stdout } = await run(['analyze', '--jsonl'], lines.join('\n') + '\n');
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', null, 2, null, 'h', 'n', 'm']);
    expect(Object.keys(out[0]).sort()).toEqual(['ai_confidence', 'ai_share', 'critical_sections', 'id', 'verdict']);
    expect(out[0].verdict).toBe('ai');
    expect(out[0].ai_share).toBeGreaterThan(0.8);
    expect(out[6].verdict).toBe('mixed');
    expect(out[6].ai_share).toBeGreaterThan(0.3);
    expect(out[6].ai_share).toBeLessThan(0.7);
    expect(out[1].error).toMatch(/Line 2 is not valid JSON/);
    expect(out[2]).toMatchObject({ verdict: 'too_short', ai_confidence: null, ai_share: null });
    expect(out[3].error).toMatch(/no "id"/);
    expect(out[4].ai_confidence).toBeLessThan(out[0].ai_confidence);
    expect(out[5].error).toMatch(/no "text"/);
  }, 60_000);

  it('analyze FILE prints a readable report, or JSON, and a clear error for a bad file', async () => {
    const file = path.join(t.dir, 'essay.md');
    fs.writeFileSync(file, aiText(3));
    fs.writeFileSync(path.join(t.dir, 'empty.txt'), '');
    const readable = await run(['analyze', file, path.join(t.dir, 'empty.txt')]);
    expect(readable.code).toBe(1);
    expect(readable.stdout).toMatch(/% likely AI-generated/);
    expect(readable.stdout).toMatch(/Critical sections/);
    expect(readable.stdout).toMatch(/empty\.txt\n {2}Error: "empty\.txt" is empty\./);
    const json = await run(['analyze', '--json', file]);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ file, verdict: 'ai' });
    const mixed = path.join(t.dir, 'mixed.txt');
    fs.writeFileSync(mixed, mixedText(3));
    const report = await run(['analyze', mixed]);
    expect(report.stdout).toMatch(/mixed: both AI-generated and human-written passages/);
    expect(report.stdout).toMatch(/\d+% of the words are in passages judged AI-generated/);
  }, 60_000);

  it('rewrite --jsonl and rewrite FILE --out revise text and report the diff', async () => {
    const { stdout } = await run(
      ['rewrite', '--jsonl', '--mode', 'casual'],
      JSON.stringify({ id: 1, text: 'We do not know. It is fine.' }) + '\n',
    );
    const line = JSON.parse(stdout);
    expect(line.id).toBe(1);
    // Casual mode contracts (and may join the two short sentences).
    expect(line.text).toMatch(/^We don't know[.,] (and )?[Ii]t's fine\.$/);
    expect(Object.keys(line.diff_summary).sort()).toEqual(['additions', 'deletions', 'similarity']);
    const file = path.join(t.dir, 'in.txt');
    const out = path.join(t.dir, 'out.txt');
    fs.writeFileSync(file, aiText(2));
    const res = await run(['rewrite', file, '--strength', '3', '--out', out]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/changes: \+\d+ \/ −\d+ words/);
    expect(fs.readFileSync(out, 'utf8')).not.toBe(aiText(2));
  }, 60_000);

  it('exits 2 with a message on usage errors', async () => {
    expect((await run(['analyze'])).code).toBe(2);
    const badMode = await run(['rewrite', 'x.txt', '--mode', 'pirate']);
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toMatch(/--mode must be one of/);
    expect((await run(['serve', '--port', 'abc'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
  }, 60_000);

  it('tail shows the live events of a running server', async () => {
    const server = await startServeProcess(path.join(t.dir, 'data'));
    const tailer = spawn(
      process.execPath,
      [BIN, 'tail', '--url', server.url, '--token', server.token, '--event', 'document.*', '--json'],
      { env: { ...process.env, NO_COLOR: '1' } },
    );
    const events: { event: string; channel: string }[] = [];
    let listening!: () => void;
    const ready = new Promise<void>((r) => (listening = r));
    let gotAnalyzed!: () => void;
    const analyzed = new Promise<void>((r) => (gotAnalyzed = r));
    tailer.stderr.on('data', (d) => String(d).includes('Listening') && listening());
    let buf = '';
    tailer.stdout.on('data', (d) => {
      buf += d;
      const parts = buf.split('\n');
      buf = parts.pop()!;
      for (const l of parts) {
        const e = JSON.parse(l);
        events.push(e);
        if (e.event === 'document.analyzed') gotAnalyzed();
      }
    });
    await ready;
    await fetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'tail.txt', text: humanText(2) }),
    });
    await analyzed;
    expect(events.map((e) => e.event)).toEqual(
      expect.arrayContaining(['document.imported', 'document.analysis_started', 'document.analyzed']),
    );
    expect(events.every((e) => e.event.startsWith('document.'))).toBe(true);
    tailer.kill('SIGINT');
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
  }, 60_000);
});
