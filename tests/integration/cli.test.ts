/** The `inkproof` command as a user runs it: real processes, stdout for results, stderr for logs. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import mammoth from 'mammoth';
import { marked, type Token, type Tokens } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, exited, runCli, startServeProcess } from '../helpers/server-process';
import { tempDir } from '../helpers/temp';
import { aiText, humanText, mixedText } from '../helpers/texts';

/** The detector's score of the original and of the revision, as `rewrite` reports them on stderr. */
const SCORE_LINE = /^AI score: (\d+\.\d)% \([^)]+\) → (\d+\.\d)% \([^)]+\)\.$/m;

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

  it('rewrite --out writes a real .docx for a Word document, keeping its headings, lists and bold', async () => {
    const input = path.join(t.dir, 'essay.docx');
    const out = path.join(t.dir, 'essay.revised.docx');
    const para = aiText(1);
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Learning Today')] }),
            new Paragraph({ children: [new TextRun({ text: 'In short:', bold: true }), new TextRun(' ' + para)] }),
            new Paragraph({ children: [new TextRun(para)] }),
            new Paragraph({ children: [new TextRun(para)] }),
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Points')] }),
            new Paragraph({ bullet: { level: 0 }, children: [new TextRun('Moreover, schools leverage platforms.')] }),
            new Paragraph({ bullet: { level: 0 }, children: [new TextRun('Teachers utilize data.')] }),
          ],
        },
      ],
    });
    fs.writeFileSync(input, await Packer.toBuffer(doc));
    const res = await run(['rewrite', input, '--strength', '3', '--out', out]);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/; written to .*essay\.revised\.docx\.\n/);
    expect(res.stderr).toMatch(SCORE_LINE);
    const html = (await mammoth.convertToHtml({ path: out })).value;
    expect(html).toMatch(
      /^<h1>Learning Today<\/h1><p><strong>In short:<\/strong> .+<\/p><p>.+<\/p><p>.+<\/p><h2>Points<\/h2><ul><li>.+<\/li><li>.+<\/li><\/ul>$/,
    );
    expect(html).not.toContain('utilize');
  }, 60_000);

  it('rewrite --out keeps Markdown for .md (headings, lists, emphasis), and writes plain text for .txt', async () => {
    const input = path.join(t.dir, 'notes.md');
    fs.writeFileSync(
      input,
      `# Notes on *learning*\n\n${aiText(2).replace('\n\n', ' ')}\n\n## Points\n\n- Moreover, schools **leverage** platforms.\n  1. Teachers utilize data.\n\n> ${aiText(1)}\n`,
    );
    const md = path.join(t.dir, 'notes.out.md');
    const res = await run(['rewrite', input, '--strength', '3', '--out', md]);
    expect(res.code).toBe(0);
    expect(res.stderr).toMatch(SCORE_LINE);
    const tokens = marked.lexer(fs.readFileSync(md, 'utf8'));
    expect(tokens.filter((tk) => tk.type !== 'space').map((tk) => tk.type)).toEqual([
      'heading',
      'paragraph',
      'heading',
      'list',
      'blockquote',
    ]);
    const [h1, , h2, list] = tokens.filter((tk) => tk.type !== 'space') as [
      Tokens.Heading,
      Token,
      Tokens.Heading,
      Tokens.List,
    ];
    expect([h1.depth, h1.text, h2.depth, h2.text]).toEqual([1, 'Notes on *learning*', 2, 'Points']);
    expect(list.ordered).toBe(false);
    expect(list.items[0].tokens.some((tk) => tk.type === 'list' && (tk as Tokens.List).ordered)).toBe(true);
    // The bold on a replaced word moves to its replacement ("**leverage**" → "**use**").
    expect(JSON.stringify(list.items[0].tokens)).toContain('"type":"strong","raw":"**use**"');

    const txt = path.join(t.dir, 'notes.out.txt');
    expect((await run(['rewrite', input, '--out', txt])).code).toBe(0);
    const plain = fs.readFileSync(txt, 'utf8');
    expect(plain).toMatch(/^Notes on learning\n\n/);
    expect(plain).not.toMatch(/[#*>]/);
  }, 60_000);

  it('rewrite FILE prints the revision on stdout and the score before → after on stderr', async () => {
    const input = path.join(t.dir, 'plain.txt');
    fs.writeFileSync(input, aiText(3));
    const res = await run(['rewrite', input]);
    expect(res.code).toBe(0);
    expect(res.stdout.length).toBeGreaterThan(100);
    expect(res.stdout).not.toBe(aiText(3) + '\n');
    const [, before, after] = SCORE_LINE.exec(res.stderr)!;
    expect(Number(before)).toBeGreaterThan(50);
    expect(Number(after)).toBeGreaterThanOrEqual(0);
  }, 60_000);

  it('rewrite refuses an --out extension it cannot write, with exit code 2, before reading anything', async () => {
    const out = path.join(t.dir, 'x.pdf');
    // The input does not exist: the refusal comes first, so no work was started.
    const res = await run(['rewrite', path.join(t.dir, 'missing.txt'), '--out', out]);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(
      'inkproof: Cannot write "x.pdf": --out takes a .txt, .md or .docx file name (plain text, Markdown, or a Word document).\n',
    );
    expect(fs.existsSync(out)).toBe(false);
    expect((await run(['rewrite', '--jsonl', '--out', path.join(t.dir, 'y.txt')])).code).toBe(2);
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
