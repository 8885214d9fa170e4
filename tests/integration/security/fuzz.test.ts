/**
 * Fuzzing of every parser of untrusted input, seeded and within a fixed budget (tests/helpers/
 * fuzz.ts: a failure names FUZZ_SEED and FUZZ_CASE to replay it; FUZZ_SCALE=10 runs longer):
 *
 * - JSON request bodies: the bounded parser against JSON.parse and an independent count of depth
 *   and values — accepted exactly when JSON.parse accepts and the limits hold, else 400 or 413;
 *   and the shape check gives the same answer however the bytes are split.
 * - Multipart uploads, mutated, against the server in process: never a 5xx, always a typed answer.
 * - Extraction of .txt, .html, .md, .docx and .pdf from mutated files: text or a typed error.
 * - Channel and event filters against a reference matcher; request paths against WHATWG URL
 *   normalisation; Pusher HTTP API queries read back exactly as signed.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globMatch } from '../../../src-shared/channels';
import { ERROR_CODES, InkproofError } from '../../../src-shared/errors';
import { sendError } from '../../../src-main/server/http-errors';
import { JsonShapeCheck, registerJsonBody } from '../../../src-main/server/json-body';
import { parseQuery, signedQueryString } from '../../../src-main/server/pusher/request-auth';
import { checkPath } from '../../../src-main/server/security';
import type { RunningServer } from '../../../src-main/server/server';
import { extractDocument } from '../../../src-workers/extract/index';
import { fuzz, type Random } from '../../helpers/fuzz';
import { referenceGlobMatch } from '../../helpers/glob';
import { buildDocx, buildPdf, buildZip } from '../../unit/extract/fixtures';
import { inProcessServer } from './helpers';

const FORMATS = ['txt', 'md', 'html', 'docx', 'pdf'];

/** Random bytes changed in place, cut short, repeated or inserted: the usual mutations. */
function mutate(r: Random, input: Buffer): Buffer {
  let out = Buffer.from(input);
  for (let n = 1 + r.int(3); n > 0; n--) {
    const at = r.int(out.length + 1);
    switch (r.int(6)) {
      case 0:
        out = out.subarray(0, at);
        break;
      case 1:
        if (out.length > 0) out[Math.min(at, out.length - 1)] = r.int(256);
        break;
      case 2:
        out = Buffer.concat([out.subarray(0, at), r.bytes(1 + r.int(16)), out.subarray(at)]);
        break;
      case 3:
        out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1 + r.int(32))]);
        break;
      case 4: {
        const piece = out.subarray(at, at + 1 + r.int(64));
        out = Buffer.concat([out.subarray(0, at), piece, piece, out.subarray(at)]);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

// --- JSON ------------------------------------------------------------------------------------------

const STRINGS = ['', 'a', 'é', '日本語', '"', '\\', '\n', '\u0000', '\ud83d\ude00', '[', '{', '__proto__', 'prototype'];

function randomJson(r: Random, depth: number): unknown {
  const kind = depth > 40 ? r.int(4) : r.int(7);
  switch (kind) {
    case 0:
      return r.pick([0, -0, 1.5e300, -12, 3.25, 1e-7]);
    case 1:
      return r.pick(STRINGS) + r.pick(STRINGS);
    case 2:
      return r.pick([true, false, null]);
    case 3:
      return r.pick(STRINGS);
    case 4:
    case 5:
      return Array.from({ length: r.int(4) }, () => randomJson(r, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = r.int(4); i > 0; i--) {
        const key = r.chance(0.1) ? r.pick(['__proto__', 'constructor']) : r.pick(STRINGS) + i;
        o[key] = key === 'constructor' && r.chance(0.5) ? { prototype: 1 } : randomJson(r, depth + 1);
      }
      return o;
    }
  }
}

/** Depth and number of values of a parsed JSON value, counted the obvious way. */
function shape(value: unknown, depth = 0): { depth: number; values: number } {
  if (value === null || typeof value !== 'object') return { depth, values: 1 };
  const children = Array.isArray(value) ? value : Object.entries(value).flatMap(([k, v]) => [k, v]);
  let deepest = depth + 1;
  let values = 1;
  for (const c of children) {
    const s = shape(c, depth + 1);
    deepest = Math.max(deepest, s.depth);
    values += s.values;
  }
  return { depth: deepest, values };
}

/** JSON text that JSON.parse turns into an object with a `__proto__` key, or constructor.prototype. */
function poisoned(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  for (const [k, v] of Object.entries(value)) {
    if (k === '__proto__') return true;
    if (k === 'constructor' && v && typeof v === 'object' && 'prototype' in v) return true;
    if (poisoned(v)) return true;
  }
  return false;
}

describe('fuzz: JSON request bodies', () => {
  const LIMITS = { maxDepth: 8, maxValues: 60, bytes: 4096 };
  const app = Fastify();
  registerJsonBody(app, { ...LIMITS, limitOf: () => ({ bytes: LIMITS.bytes }) });
  app.setErrorHandler((err, _req, reply) => sendError(reply, err));
  app.post('/echo', async (req) => ({ body: req.body }));
  afterAll(() => app.close());

  it('accepts exactly what JSON.parse accepts within the limits, and answers 400 or 413 otherwise', async () => {
    const run = await fuzz({ cases: 3000, ms: 15_000 }, async (r) => {
      let text = JSON.stringify(randomJson(r, 0));
      if (r.chance(0.5)) text = mutate(r, Buffer.from(text)).toString('latin1');
      if (r.chance(0.05)) text = '['.repeat(r.int(100)) + text;
      if (r.chance(0.03)) text = text.repeat(1 + r.int(200));
      const res = await app.inject({
        method: 'POST',
        url: '/echo',
        headers: { 'content-type': 'application/json' },
        payload: Buffer.from(text, 'latin1'),
      });
      const sent = Buffer.from(text, 'latin1').toString('utf8');
      let parsed: unknown;
      let valid = true;
      try {
        parsed = JSON.parse(sent);
      } catch {
        valid = false;
      }
      const answer = JSON.parse(res.body);
      if (res.statusCode !== 200) {
        expect([400, 413], text.slice(0, 200)).toContain(res.statusCode);
        expect(ERROR_CODES).toContain(answer.error.code);
      }
      if (!valid || Buffer.byteLength(text, 'latin1') > LIMITS.bytes) {
        expect(res.statusCode, text.slice(0, 200)).not.toBe(200);
        return;
      }
      const { depth, values } = shape(parsed);
      const over = depth > LIMITS.maxDepth || values > LIMITS.maxValues;
      if (over || poisoned(parsed)) expect(res.statusCode, text.slice(0, 200)).not.toBe(200);
      else {
        expect(res.statusCode, text.slice(0, 200)).toBe(200);
        expect(answer.body).toEqual(JSON.parse(JSON.stringify(parsed)));
      }
    });
    console.log(`fuzz JSON bodies: seed ${run.seed}, ${run.cases} cases`);
  }, 60_000);

  it('gives the same verdict however the body is split into chunks', async () => {
    const verdict = (chunks: Buffer[]) => {
      const check = new JsonShapeCheck({ maxDepth: 8, maxValues: 60 });
      try {
        for (const c of chunks) check.feed(c);
        return 'ok';
      } catch (err) {
        return (err as Error).message;
      }
    };
    await fuzz({ cases: 3000, ms: 5000 }, (r) => {
      const bytes = mutate(r, Buffer.from(JSON.stringify(randomJson(r, 0))));
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length;) {
        const next = at + 1 + r.int(8);
        chunks.push(bytes.subarray(at, next));
        at = next;
      }
      expect(verdict(chunks)).toBe(verdict([bytes]));
    });
  });
});

// --- Multipart -----------------------------------------------------------------------------------

describe('fuzz: multipart uploads', () => {
  let server: RunningServer;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ server, close } = await inProcessServer('fuzz'));
  });
  afterAll(() => close());

  const upload = (r: Random): { type: string; body: Buffer } => {
    const boundary = r.pick(['XyZ', '----WebKitFormBoundary7MA4YWxkTrZu0gW', 'a', '"quoted"']);
    const parts: string[] = [];
    for (let i = r.int(4); i >= 0; i--) {
      if (r.chance(0.2)) {
        parts.push(
          `--${boundary}\r\nContent-Disposition: form-data; name="${r.pick(['f', '__proto__', 'x'])}"\r\n\r\nvalue\r\n`,
        );
        continue;
      }
      const name = `${r.pick(['a', 'ü', '../../etc/passwd', '', 'x'.repeat(300)])}.${r.pick([...FORMATS, 'exe', ''])}`;
      const content = r.pick([
        '',
        'Short text.',
        'A few words of plain text in a file. '.repeat(1 + r.int(20)),
        '<p>hi</p>',
      ]);
      parts.push(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${r.pick(['text/plain', 'application/json', 'application/octet-stream'])}\r\n\r\n${content}\r\n`,
      );
    }
    let body: Buffer = Buffer.from(parts.join('') + `--${boundary}--\r\n`);
    if (r.chance(0.7)) body = mutate(r, body);
    const type = r.pick([
      `multipart/form-data; boundary=${boundary}`,
      `multipart/form-data; boundary=${boundary}`,
      'multipart/form-data',
      `multipart/form-data; boundary=other`,
      `multipart/form-data; boundary=${'b'.repeat(100)}`,
    ]);
    return { type, body };
  };

  it('answers every mutated upload with a typed answer below 500, and keeps serving', async () => {
    const statuses = new Map<number, number>();
    const run = await fuzz({ cases: 200, ms: 20_000 }, async (r) => {
      const { type, body } = upload(r);
      const res = await fetch(`${server.url}/api/documents`, {
        method: 'POST',
        headers: { authorization: 'Bearer fuzz', 'content-type': type },
        body,
      });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, body.toString('latin1').slice(0, 300)).toBeLessThan(500);
      const answer = (await res.json()) as { error?: { code: string }; document?: unknown; documents?: unknown[] };
      if (res.status >= 400 && !answer.documents) expect(ERROR_CODES).toContain(answer.error!.code);
    });
    console.log(`fuzz multipart: seed ${run.seed}, ${run.cases} cases, statuses ${JSON.stringify([...statuses])}`);
    expect((await fetch(`${server.url}/up`)).status).toBe(200);
  }, 60_000);
});

// --- Extraction ----------------------------------------------------------------------------------

describe('fuzz: extraction of hostile files', () => {
  const text = 'The committee met on Tuesday. It agreed to publish the report in May, after review.';
  const seeds: Record<string, () => Promise<Buffer>> = {
    txt: async () => Buffer.from(`${text}\n\n${text}`),
    md: async () => Buffer.from(`# Title\n\n- ${text}\n\n> *${text}* [link](http://x)\n\n\`\`\`js\ncode\n\`\`\`\n`),
    html: async () =>
      Buffer.from(
        `<html><body><h1>T</h1><p>${text}</p><table><tr><td>a</td></tr></table><script>x()</script></body></html>`,
      ),
    docx: async () =>
      Buffer.from(await buildDocx([{ heading: 'Title' }, text, { bullet: text }, { table: [['a', 'b']] }])),
    pdf: async () =>
      Buffer.from(
        buildPdf(
          [
            {
              lines: [
                { text, y: 700 },
                { text, y: 680 },
              ],
            },
          ],
          { compress: true },
        ),
      ),
  };

  /** Structural mutations that byte flips rarely reach: zips with odd entries, deep markup. */
  const structured = (r: Random, format: string): Buffer | null => {
    if (format === 'docx' && r.chance(0.4)) {
      const entries = Array.from({ length: 1 + r.int(4) }, () => ({
        name: r.pick([
          'word/document.xml',
          '[Content_Types].xml',
          'word/_rels/document.xml.rels',
          '../evil',
          'a'.repeat(300),
        ]),
        data: r.pick([
          '<w:document><w:body><w:p><w:r><w:t>hi</w:t></w:r></w:p></w:body></w:document>',
          '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document>&b;</w:document>',
          '<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document>&x;</w:document>',
          '<'.repeat(5000),
          '',
        ]),
        store: r.chance(0.3),
        declaredSize: r.chance(0.3) ? r.int(2 ** 31) : undefined,
      }));
      return Buffer.from(buildZip(entries));
    }
    if (format === 'html' && r.chance(0.3)) return Buffer.from('<div>'.repeat(r.int(3000)) + text);
    if (format === 'md' && r.chance(0.3)) return Buffer.from('> '.repeat(r.int(100)) + '*'.repeat(r.int(5000)) + text);
    return null;
  };

  for (const format of FORMATS) {
    it(`reads or refuses with a typed error every mutated .${format}`, async () => {
      const seed = await seeds[format]();
      const outcomes = new Map<string, number>();
      const run = await fuzz({ cases: 60, ms: 8000 }, async (r) => {
        const bytes = structured(r, format) ?? mutate(r, seed);
        try {
          const out = await extractDocument({
            name: `fuzz.${format}`,
            bytes: new Uint8Array(bytes),
            max_bytes: 1024 * 1024,
          });
          expect(typeof out.text).toBe('string');
          expect(out.word_count).toBeGreaterThanOrEqual(0);
          outcomes.set('text', (outcomes.get('text') ?? 0) + 1);
        } catch (err) {
          if (!InkproofError.is(err)) throw err;
          outcomes.set(err.code, (outcomes.get(err.code) ?? 0) + 1);
        }
      });
      console.log(`fuzz .${format}: seed ${run.seed}, ${run.cases} cases, ${JSON.stringify([...outcomes])}`);
    }, 60_000);
  }
});

// --- Small parsers ---------------------------------------------------------------------------------

describe('fuzz: filters, paths and signed queries', () => {
  it('matches channel and event filters like a reference matcher', async () => {
    await fuzz({ cases: 20_000, ms: 5000 }, (r) => {
      const glob = Array.from({ length: r.int(24) }, () => r.pick(['a', 'b', '.', '-', '*', '*', '?', '\\'])).join('');
      const value = Array.from({ length: r.int(60) }, () => r.pick(['a', 'b', '.', '-', '?'])).join('');
      expect(globMatch(glob, value), `${glob} ~ ${value}`).toBe(referenceGlobMatch(glob, value));
    });
  });

  it('accepts only request paths that URL normalisation leaves as they are', async () => {
    const pieces = ['a', 'api', '.', '..', '%2e', '%2E%2E', '%5c', '%2f', '%41', '\\', '', '-', '%', '%zz'];
    await fuzz({ cases: 20_000, ms: 5000 }, (r) => {
      const path = '/' + Array.from({ length: r.int(6) }, () => r.pick(pieces)).join(r.pick(['/', '/', '\\']));
      if (!checkPath(path).ok) return;
      expect(new URL(path, 'http://h').pathname, path).toBe(path);
      expect(decodeURIComponent(path).split('/'), path).not.toContain('..');
    });
  });

  it('reads back a signed query as exactly the parameters it names', async () => {
    const chars = ['a', 'b', '=', '&', '%26', '%3D', '%', '%41', 'é', '+', ';'];
    await fuzz({ cases: 20_000, ms: 5000 }, (r) => {
      const raw = Array.from({ length: r.int(12) }, () => r.pick(chars)).join('');
      const params = parseQuery(raw);
      if (!params) return;
      const again = parseQuery(signedQueryString(params));
      expect(again && [...again].sort(), raw).toEqual([...params].filter(([k]) => k !== 'auth_signature').sort());
    });
  });
});
