/**
 * The local-model engine against a fake model server (tests/helpers/fake-llm.ts: a real HTTP
 * server speaking OpenAI-compatible server-sent events and Ollama's NDJSON): one request per
 * section with its signals, mode and frozen terms; streamed progress per section; every answer
 * checked, a failed section revised by the rules with a note; failures said in our words, never
 * the server's; cancellation that closes the connection.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { applyHunks } from '../../../src-shared/hunks';
import type { DiffHunk, Settings } from '../../../src-shared/models';
import type { ProgressMessage, SectionSignals } from '../../../src-shared/tasks';
import { rewriteText } from '../../../src-workers/rewrite/index';
import { findProtectedSpans, verifyProtected } from '../../../src-workers/rewrite/protect';
import { dropMidStream, FakeLlmServer, ndjson, pretendRewrite, sse, type Answer } from '../../helpers/fake-llm';
import { opts } from './helpers';

const servers: FakeLlmServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

async function serve(answer: Answer): Promise<FakeLlmServer> {
  const s = await FakeLlmServer.start(answer);
  servers.push(s);
  return s;
}

function llm(url: string, over: Partial<Settings['llm']> = {}): Settings['llm'] {
  return { kind: 'openai', url, model: 'test-model', context_tokens: 4096, timeout_seconds: 5, ...over };
}

interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (p: ProgressMessage) => void;
  ranges?: { start: number; end: number }[] | null;
  signals?: SectionSignals[];
  frozen?: string[];
  mode?: 'standard' | 'casual' | 'formal' | 'concise';
}

async function run(text: string, settings: Settings['llm'], o: RunOptions = {}) {
  const progress: ProgressMessage[] = [];
  const out = await rewriteText(
    {
      text,
      options: { ...opts(o.mode ?? 'standard', 2, o.frozen ?? []), engine: 'llm' },
      ranges: o.ranges ?? null,
      llm: settings,
      signals: o.signals,
    },
    (p) => {
      progress.push(p);
      o.onProgress?.(p);
    },
    o.signal,
  );
  return { ...out, progress };
}

/** The hunks that lie inside the paragraph containing `marker`. */
function hunksIn(text: string, hunks: DiffHunk[], marker: string): DiffHunk[] {
  const at = text.indexOf(marker);
  const start = text.lastIndexOf('\n\n', at) + 1;
  const endAt = text.indexOf('\n\n', at);
  const end = endAt < 0 ? text.length : endAt;
  return hunks.filter((h) => h.start >= start && h.end <= end);
}

const TEXT = `Furthermore, we utilize 3 servers and a crucial cache (Smith et al., 2020).

The "crucial" word is quoted; see https://example.org/a for 12.5% more.

We utilize it daily.`;

describe('OpenAI-compatible server (SSE)', () => {
  it('one streamed request per paragraph; placeholders come back as the protected text', async () => {
    const srv = await serve((req, res) => {
      expect(req.body.stream).toBe(true);
      expect(req.body.model).toBe('test-model');
      return sse(res, pretendRewrite(req.user));
    });
    const out = await run(TEXT, llm(srv.url));
    expect(srv.requests.map((r) => r.path)).toEqual(Array(3).fill('/v1/chat/completions'));
    expect(srv.requests.map((r) => r.user)).toEqual([
      'Furthermore, we utilize [[P1]] servers and a crucial cache [[P2]].',
      'The [[P1]] word is quoted; see [[P2]] for [[P3]] more.',
      'We utilize it daily.',
    ]);
    expect(out.text).toBe(`We use 3 servers and a vital cache (Smith et al., 2020).

The "crucial" word is quoted; see https://example.org/a for 12.5% more.

We use it daily.`);
    expect(() => verifyProtected(out.text, findProtectedSpans(TEXT))).not.toThrow();
    expect(applyHunks(TEXT, out.hunks, 'all')).toBe(out.text);
    expect(out.hunks.every((h) => h.note === undefined)).toBe(true);
    expect(out.engine).toBe('llm-openai:test-model');
  });

  it('progress: per section and within a streamed answer, never backwards, 100 once at the end', async () => {
    const para = 'We utilize the crucial tools every single day in the office and at home, and we like them. ';
    const text = [para.repeat(6).trim(), para.repeat(2).trim(), para.trim()].join('\n\n');
    const srv = await serve((req, res) => sse(res, pretendRewrite(req.user), { chunk: 20 }));
    const out = await run(text, llm(srv.url));
    const ps = out.progress.map((p) => p.progress);
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThanOrEqual(ps[i - 1]);
    expect(ps.filter((p) => p === 100)).toEqual([100]);
    expect(ps.at(-1)).toBe(100);
    // The first, long section streams: progress moves before it is done.
    const beforeFirstDone = out.progress.filter((p) => p.sections_done === 0).map((p) => p.progress);
    expect(Math.max(...beforeFirstDone)).toBeGreaterThan(20);
    expect(out.progress.every((p) => p.sections_total === 3)).toBe(true);
    const done = out.progress.map((p) => p.sections_done!);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(3);
  });

  it("each finished section's changes travel with the progress, with the ids of the final result", async () => {
    const srv = await serve((req, res) => sse(res, pretendRewrite(req.user)));
    const out = await run(TEXT, llm(srv.url));
    const partial = out.progress.flatMap((p) => p.hunks ?? []);
    expect(partial).toEqual(out.hunks);
    expect(out.hunks.map((h) => h.id)).toEqual(out.hunks.map((_h, i) => i));
    // A message with changes also counts their section as done.
    for (const m of out.progress.filter((p) => p.hunks?.length)) {
      const last = m.hunks!.at(-1)!;
      const sectionsBefore = TEXT.slice(0, last.start).split('\n\n').length;
      expect(m.sections_done).toBeGreaterThanOrEqual(sectionsBefore);
    }
  });

  it('the request carries the mode, the strength, the signals of its section and the frozen terms', async () => {
    const text = 'Our Acme Cloud will utilize crucial data.\n\nWe delve into the results with Acme Cloud.';
    const second = text.indexOf('We delve');
    const srv = await serve((req, res) => sse(res, pretendRewrite(req.user)));
    const out = await run(text, llm(srv.url), {
      mode: 'casual',
      frozen: ['Acme Cloud'],
      signals: [
        { start: 0, end: 40, labels: ['3 words language models overuse: utilize, crucial'] },
        { start: second, end: text.length, labels: ['A stock phrase: delve into'] },
      ],
    });
    expect(srv.requests).toHaveLength(2);
    const [a, b] = srv.requests;
    expect(a.system).toContain('conversational tone');
    expect(a.system).toContain('Edit moderately');
    expect(a.system).toContain('- 3 words language models overuse: utilize, crucial');
    expect(a.system).not.toContain('delve into');
    expect(b.system).toContain('- A stock phrase: delve into');
    // Frozen terms are sent readable and listed; they are checked afterwards.
    expect(a.system).toContain('"Acme Cloud"');
    expect(a.user).toBe('Our Acme Cloud will utilize crucial data.');
    expect(out.text).toBe('Our Acme Cloud will use vital data.\n\nWe look at the results with Acme Cloud.');
  });

  it('a term the text defines is sent readable and listed; an answer that changes it falls back to the rules', async () => {
    const text = 'Large language models (LLMs) utilize crucial data.';
    const srv = await serve((req, res) => sse(res, pretendRewrite(req.user)));
    const out = await run(text, llm(srv.url));
    expect(srv.requests[0].user).toBe(text);
    expect(srv.requests[0].system).toContain('"Large language models (LLMs)"');
    expect(out.text).toBe('Large language models (LLMs) use vital data.');
    const bad = await serve((req, res) => sse(res, pretendRewrite(req.user).replace('Large', 'Big')));
    const fallback = await run(text, llm(bad.url));
    expect(fallback.text).toContain('Large language models (LLMs)');
    expect(fallback.hunks[0].note).toBe(
      "The local model's answer changed a term of its field; this section was revised by the rules instead.",
    );
  });

  it('only the requested sections are sent, one request each', async () => {
    const text = 'We utilize apples.\n\nWe utilize pears. We utilize more.\n\nWe utilize plums.';
    const start = text.indexOf('We utilize pears');
    const srv = await serve((req, res) => sse(res, pretendRewrite(req.user)));
    const out = await run(text, llm(srv.url), {
      ranges: [
        { start, end: start + 17 },
        { start: text.indexOf('We utilize plums'), end: text.length },
      ],
    });
    expect(srv.requests.map((r) => r.user)).toEqual(['We utilize pears.', 'We utilize plums.']);
    expect(out.text).toBe('We utilize apples.\n\nWe use pears. We utilize more.\n\nWe use plums.');
    expect(out.progress.at(-1)).toMatchObject({ progress: 100, sections_done: 2, sections_total: 2 });
  });

  it('accepts a base URL that already ends in /v1', async () => {
    const srv = await serve((req, res) => sse(res, pretendRewrite(req.user)));
    await run('We utilize it.', llm(`${srv.url}/v1/`));
    expect(srv.requests[0].path).toBe('/v1/chat/completions');
  });

  it('a section too long for the context goes in requests cut at sentence ends that fit', async () => {
    const para = 'We utilize the crucial tools every single day in the office and at home. '.repeat(12).trim();
    const srv = await serve((req, res) => sse(res, pretendRewrite(req.user), { chunk: 50 }));
    const out = await run(para, llm(srv.url, { context_tokens: 600 }));
    expect(srv.requests.length).toBeGreaterThan(1);
    for (const r of srv.requests) {
      // Prompt and input, plus room for an answer as long as the input, fit the context.
      const prompt = Math.ceil(r.system.length / 4);
      const input = Math.ceil(r.user.length / 4);
      expect(prompt + 2 * input).toBeLessThanOrEqual(600);
      expect(r.user).toMatch(/^We utilize.*home\.$/);
    }
    expect(out.text).not.toMatch(/utilize|crucial/);
    expect(out.progress.at(-1)).toMatchObject({ sections_done: 1, sections_total: 1 });
  });

  it('a server that ignores `stream` and answers one JSON document still works', async () => {
    const srv = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          choices: [
            { index: 0, message: { role: 'assistant', content: pretendRewrite(req.user) }, finish_reason: 'stop' },
          ],
        }),
      );
    });
    expect((await run('We utilize it.', llm(srv.url))).text).toBe('We use it.');
  });
});

describe('Ollama server (NDJSON)', () => {
  it('streams a revision from /api/chat with the context size', async () => {
    const srv = await serve((req, res) => {
      expect(req.body.stream).toBe(true);
      expect(req.body.options.num_ctx).toBe(2048);
      return ndjson(res, pretendRewrite(req.user));
    });
    const out = await run(TEXT, llm(srv.url, { kind: 'ollama', context_tokens: 2048 }));
    expect(srv.requests.map((r) => r.path)).toEqual(Array(3).fill('/api/chat'));
    expect(out.text).toContain('We use 3 servers and a vital cache (Smith et al., 2020).');
    expect(out.engine).toBe('llm-ollama:test-model');
  });

  it('an unknown model is said in our words and stops the revision; the server text is not repeated', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end(`${JSON.stringify({ error: 'model "test-model" not found, try pulling it first SECRET-1' })}\n`);
    });
    const err = await run('We utilize it.', llm(srv.url, { kind: 'ollama' })).catch((e) => e);
    expect(err).toMatchObject({ code: 'llm_unavailable' });
    expect(err.message).toContain('does not have the model “test-model”');
    expect(err.message).not.toContain('SECRET');
  });
});

describe('every answer is checked; a failed section is revised by the rules, with a note', () => {
  const PARAS = {
    ok: 'We utilize the crucial tools every day.',
    number: 'We utilize 3 crucial servers every day.',
    name: 'Yesterday Maria said we utilize the crucial tools.',
    negation: 'We do not utilize the crucial tools on weekends.',
  };
  const text = Object.values(PARAS).join('\n\n');

  async function withAnswer(marker: string, bad: (user: string) => string) {
    const srv = await serve((req, res) =>
      sse(res, req.user.includes(marker) ? bad(pretendRewrite(req.user)) : pretendRewrite(req.user)),
    );
    const out = await run(text, llm(srv.url));
    const notes = new Set(hunksIn(text, out.hunks, marker).map((h) => h.note));
    const others = out.hunks.filter((h) => !hunksIn(text, out.hunks, marker).includes(h));
    expect(others.every((h) => h.note === undefined)).toBe(true);
    expect(applyHunks(text, out.hunks, 'all')).toBe(out.text);
    expect(() => verifyProtected(out.text, findProtectedSpans(text))).not.toThrow();
    return { out, notes: [...notes] };
  }

  it('an answer that alters a protected number', async () => {
    const { out, notes } = await withAnswer('servers', (a) => a.replace('[[P1]]', '4'));
    expect(notes).toEqual([
      "The local model's answer changed a number; this section was revised by the rules instead.",
    ]);
    // The section is the rule engine's revision of it, its number kept.
    const start = text.indexOf(PARAS.number);
    const byRules = await rewriteText(
      {
        text,
        options: opts('standard', 2, []),
        ranges: [{ start, end: start + PARAS.number.length }],
        llm: llm('http://127.0.0.1:9'),
      },
      () => {},
    );
    const section = byRules.text.slice(start, byRules.text.length - (text.length - start - PARAS.number.length));
    expect(section).toMatch(/\b3\b/);
    expect(out.text).toContain(section);
  });

  it('an answer that adds a number', async () => {
    const { notes } = await withAnswer('tools every day', (a) => a.replace('every day', 'on 5 days'));
    expect(notes[0]).toBe(
      "The local model's answer added a number that is not in your text; this section was revised by the rules instead.",
    );
  });

  it('an answer that drops a name, or adds one', async () => {
    const dropped = await withAnswer('Maria', (a) => a.replace('Maria', 'she'));
    expect(dropped.notes).toEqual([
      "The local model's answer dropped the name “Maria”; this section was revised by the rules instead.",
    ]);
    servers.splice(0).forEach((s) => void s.stop());
    const added = await withAnswer('Maria', (a) => a.replace('the vital tools', 'the Google tools'));
    expect(added.notes[0]).toMatch(/added a name that is not in your text/);
  });

  it('an answer that drops a negation', async () => {
    const { notes } = await withAnswer('do not', (a) => a.replace('do not ', ''));
    expect(notes[0]).toMatch(/^The local model's answer dropped a negation; this section/);
  });

  it('an answer much shorter or much longer than the text', async () => {
    const short = await withAnswer('tools every day', () => 'Tools.');
    expect(short.notes[0]).toMatch(/was much shorter than the text/);
    servers.splice(0).forEach((s) => void s.stop());
    const long = await withAnswer(
      'tools every day',
      (a) => `${a} ${'We keep using the tools at work and at home. '.repeat(3)}`,
    );
    expect(long.notes[0]).toMatch(/was much longer than the text/);
  });

  it('an answer that is not English', async () => {
    const text2 =
      'We utilize the crucial tools every day because they help the whole team finish the work on time and without stress.';
    const srv = await serve((_req, res) =>
      sse(
        res,
        "Nous utilisons les outils essentiels tous les jours parce qu'ils aident toute l'équipe à finir le travail à temps et sans stress.",
      ),
    );
    const out = await run(text2, llm(srv.url));
    expect(out.hunks.length).toBeGreaterThan(0);
    expect(out.hunks[0].note).toBe(
      "The local model's answer was not in English; this section was revised by the rules instead.",
    );
  });

  it('an answer that merges the lines of a section', async () => {
    const text2 = 'We utilize this tool.\nWe utilize the other tools.';
    const srv = await serve((req, res) => sse(res, pretendRewrite(req.user).replace(/\n\n/g, ' ')));
    const out = await run(text2, llm(srv.url));
    expect(srv.requests[0].user).toBe('We utilize this tool.\n\nWe utilize the other tools.');
    expect(out.hunks.map((h) => h.note)).toEqual(
      Array(out.hunks.length).fill(
        "The local model's answer merged or split paragraphs; this section was revised by the rules instead.",
      ),
    );
    expect(out.text.split('\n')).toHaveLength(2);
  });
});

describe('a failed request: the section is revised by the rules, the failure said in our words', () => {
  const text = 'We utilize the crucial tools every day.\n\nAlpha: we utilize the crucial data.';

  async function failingSecond(answer: Answer, settings: Partial<Settings['llm']> = {}) {
    const srv = await serve((req, res) =>
      req.user.startsWith('Alpha') ? answer(req, res) : sse(res, pretendRewrite(req.user)),
    );
    const out = await run(text, llm(srv.url, settings));
    const first = hunksIn(text, out.hunks, 'every day');
    const second = hunksIn(text, out.hunks, 'Alpha');
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((h) => h.note === undefined)).toBe(true);
    expect(second.length).toBeGreaterThan(0);
    expect(new Set(second.map((h) => h.note)).size).toBe(1);
    expect(JSON.stringify(out)).not.toContain('SECRET');
    return second[0].note!;
  }

  it('an HTTP error: the status, never the body', async () => {
    const note = await failingSecond((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'SECRET-2 contents of http://169.254.169.254/' } }));
    });
    expect(note).toBe(
      "The local model's server answered HTTP 500 (Internal Server Error); this section was revised by the rules instead.",
    );
  });

  it('garbage: not server-sent events, not JSON, the wrong shape, an empty answer', async () => {
    const garbage: Answer[] = [
      (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('SECRET-3 hello, I am not a language model\n\n');
      },
      (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('data: {SECRET-4 not json\n\n');
      },
      (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end(`data: ${JSON.stringify({ SECRET: 5 })}\n\ndata: [DONE]\n\n`);
      },
      (_q, res) => sse(res, '   '),
    ];
    const notes = [];
    for (const g of garbage) notes.push(await failingSecond(g));
    expect(notes[0]).toMatch(/^The local model's answer was not in the format of an OpenAI-compatible server/);
    expect(notes[1]).toMatch(/an event that is not JSON/);
    expect(notes[2]).toMatch(/an event without choices/);
    expect(notes[3]).toMatch(/^The local model's answer was empty;/);
  });

  it('garbage from an Ollama server', async () => {
    const srv = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.end('<html>SECRET-6</html>\n');
    });
    const out = await run('We utilize it daily.', llm(srv.url, { kind: 'ollama' }));
    expect(out.hunks[0].note).toMatch(/was not in the format of an Ollama server/);
    expect(JSON.stringify(out)).not.toContain('SECRET');
  });

  it('a connection dropped mid-stream', async () => {
    const note = await failingSecond((req, res) => dropMidStream(res, pretendRewrite(req.user)));
    expect(note).toBe(
      'The local model stopped before its answer was complete; this section was revised by the rules instead.',
    );
  });

  it('a stream that ends without finishing', async () => {
    const note = await failingSecond((req, res) => sse(res, pretendRewrite(req.user), { done: false }));
    expect(note).toMatch(/stopped before its answer was complete/);
  });

  it('a server that goes silent mid-stream: the idle timeout', async () => {
    const note = await failingSecond((req, res) => sse(res, pretendRewrite(req.user), { hold: 2 }), {
      timeout_seconds: 1,
    });
    expect(note).toBe('The local model sent nothing for 1 s; this section was revised by the rules instead.');
  });

  it('a server that never answers: the idle timeout', async () => {
    const note = await failingSecond(() => {}, { timeout_seconds: 1 });
    expect(note).toMatch(/^The local model sent nothing for 1 s/);
  });

  it('a model that runs out of context, or never stops', async () => {
    const cut = await failingSecond((req, res) => sse(res, pretendRewrite(req.user), { finish: 'length' }));
    expect(cut).toMatch(/ran out of room before finishing/);
    const endless = await failingSecond((_req, res) => sse(res, 'We use data. '.repeat(2000), { chunk: 500 }));
    expect(endless).toMatch(/went on far longer than the text/);
  });
});

describe('a model that cannot be used at all fails the revision', () => {
  it('a server that is down: llm_unavailable, refused', async () => {
    const srv = await serve(() => {});
    const url = srv.url;
    await servers.pop()!.stop();
    await expect(run('We utilize it.', llm(url))).rejects.toMatchObject({
      code: 'llm_unavailable',
      retryable: true,
      message: expect.stringContaining('the connection was refused'),
    });
  });

  it('HTTP 404, 401: the status and what to check, never the body', async () => {
    for (const status of [404, 401]) {
      const srv = await serve((_req, res) => {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end('SECRET-7');
      });
      const err = await run('We utilize it.', llm(srv.url)).catch((e) => e);
      expect(err.code).toBe('llm_unavailable');
      expect(err.message).toContain(`HTTP ${status}`);
      expect(err.message).not.toContain('SECRET');
    }
  });

  it('a redirect is not followed', async () => {
    const target = await serve((req, res) => sse(res, req.user));
    const srv = await serve((_req, res) => {
      res.writeHead(307, { location: `${target.url}/v1/chat/completions` });
      res.end();
    });
    await expect(run('We utilize it.', llm(srv.url))).rejects.toMatchObject({
      code: 'llm_unavailable',
      message: expect.stringContaining('redirect'),
    });
    expect(target.requests).toHaveLength(0);
  });

  it('an address that is not on this computer nor allowed: forbidden, nothing sent', async () => {
    await expect(run('We utilize it.', llm('http://192.0.2.1:8080'))).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('no address: llm_unavailable', async () => {
    await expect(run('We utilize it.', llm(''))).rejects.toMatchObject({ code: 'llm_unavailable' });
  });
});

describe('cancel', () => {
  it('cancel mid-stream: cancelled at once, and the server sees the connection close', async () => {
    const srv = await serve((req, res) => sse(res, pretendRewrite(req.user), { hold: 3 }));
    const closed = srv.nextAbandoned();
    const ctl = new AbortController();
    const p = run('We utilize the crucial tools every single day. '.repeat(5), llm(srv.url), {
      signal: ctl.signal,
      onProgress: (m) => {
        if (m.progress > 0) ctl.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
    await closed;
    expect(srv.abandoned).toBe(1);
  });
});
