import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auroc, evaluate, formatReport, rateAt, tprAtFpr } from '../../../src-workers/detect/evaluate';
import { mixedText } from '../../helpers/texts';
import { evalCommand } from '../../../src-main/cli/eval';
import { HUMAN_INFORMAL, HUMAN_PARAGRAPHS, LLM_STUFFED } from './fixtures';

describe('evaluation metrics', () => {
  it('AUROC: perfect, reversed, ties and empty classes', () => {
    expect(auroc([1, 2, 3], [4, 5])).toBe(1);
    expect(auroc([4, 5], [1, 2, 3])).toBe(0);
    expect(auroc([1, 1], [1, 1])).toBe(0.5);
    expect(auroc([1, 3], [2])).toBe(0.5);
    expect(auroc([], [1])).toBeNull();
  });

  it('TPR at a fixed FPR never flags more human rows than allowed', () => {
    const human = Array.from({ length: 100 }, (_, i) => i); // 0..99
    const ai = [50, 98.5, 99, 99.5, 120];
    // 1% of 100 human rows: one may be above the cut (99), so the cut is 98.
    expect(tprAtFpr(human, ai, 0.01)).toBeCloseTo(4 / 5);
    // 0%: the cut is the top human score, 99.
    expect(tprAtFpr(human, ai, 0)).toBeCloseTo(2 / 5);
    expect(rateAt(human, 95)).toBeCloseTo(5 / 100);
  });

  it('counts every human row for each generator', () => {
    const r = evaluate(
      [
        { label: 'human', domain: 'news', generator: null, score: 10 },
        { label: 'human', domain: 'essay', generator: null, score: 60 },
        { label: 'ai', domain: 'news', generator: 'g1', score: 90 },
        { label: 'ai', domain: 'essay', generator: 'g2', score: 40 },
      ],
      50,
    );
    expect(r.by_generator.g1.n_human).toBe(2);
    expect(r.by_generator.g2.n_human).toBe(2);
    expect(r.by_generator.g1.auroc).toBe(1);
    expect(r.by_generator.g2.auroc).toBe(0.5);
    expect(r.overall.fpr_at_threshold).toBe(0.5);
    expect(r.by_domain.news.fpr_at_threshold).toBe(0);
    expect(formatReport(r).join('\n')).toContain('| **overall** | 2 | 2 |');
    expect(r.verdicts).toBeUndefined();
  });

  it('counts the verdicts given, per label and domain, when rows carry them', () => {
    const r = evaluate(
      [
        { label: 'human', domain: 'news', generator: null, score: 10, verdict: 'human' },
        { label: 'human', domain: 'news', generator: null, score: 99, verdict: 'ai' },
        { label: 'human', domain: 'essay', generator: null, score: 60, verdict: 'mixed' },
        { label: 'ai', domain: 'essay', generator: 'g', score: 40, verdict: 'too_short' },
      ],
      50,
    );
    expect(r.verdicts!.overall.human).toMatchObject({ human: 1, ai: 1, mixed: 1, uncertain: 0 });
    expect(r.verdicts!.overall.ai).toMatchObject({ too_short: 1, ai: 0 });
    expect(r.verdicts!.by_domain.news.human.ai).toBe(1);
    expect(r.verdicts!.by_domain.essay.human.mixed).toBe(1);
    const text = formatReport(r).join('\n');
    expect(text).toContain(
      '| subset | label | rows | ai | mixed | human | uncertain | too_short | unsupported_language |',
    );
    expect(text).toContain('| domain: news | human | 2 | 50.0% | 0.0% | 50.0% | 0.0% | 0.0% | 0.0% |');
  });
});

describe('eval command', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inkproof-eval-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, body: string) => {
    const p = path.join(dir, name);
    writeFileSync(p, body);
    return p;
  };
  const run = async (opts: { corpus: string; json: boolean }) => {
    const out: string[] = [];
    const code = await evalCommand(opts, (l) => out.push(l));
    return { code, out };
  };

  const good = [
    { id: 'a', label: 'ai', domain: 'essay', generator: 'test-gen', text: LLM_STUFFED },
    { id: 'b', label: 'human', domain: 'blog', generator: null, text: HUMAN_INFORMAL },
    { id: 'c', label: 'human', domain: 'story', generator: null, text: HUMAN_PARAGRAPHS.join('\n\n') },
  ];
  const withVerdicts = [
    ...good,
    { id: 'm', label: 'ai', domain: 'story', generator: 'test-gen', text: mixedText(3) },
    { id: 's', label: 'human', domain: 'story', generator: null, text: 'Too short to score, this line.' },
  ];

  it('prints a table and returns 0 for a valid file', async () => {
    const { code, out } = await run({
      corpus: file('ok.jsonl', good.map((g) => JSON.stringify(g)).join('\n') + '\n'),
      json: false,
    });
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('| subset | human | ai | AUROC |');
    expect(text).toContain('domain: essay');
    expect(text).toContain('generator: test-gen');
  });

  it('prints one JSON object with --json', async () => {
    const { code, out } = await run({
      corpus: file('ok2.jsonl', good.map((g) => JSON.stringify(g)).join('\n')),
      json: true,
    });
    expect(code).toBe(0);
    expect(out).toHaveLength(1);
    const o = JSON.parse(out[0]);
    expect(o.rows).toBe(3);
    expect(o.overall.n_human).toBe(2);
    expect(o.overall.auroc).toBe(1);
    expect(typeof o.threshold).toBe('number');
  });

  it('reports the verdicts the app gives, mixed and too_short included', async () => {
    const body = withVerdicts.map((g) => JSON.stringify(g)).join('\n');
    const { code, out } = await run({ corpus: file('verdicts.jsonl', body), json: true });
    expect(code).toBe(0);
    const o = JSON.parse(out[0]);
    expect(o.rows_under_min_words).toBe(1);
    expect(o.verdicts.overall.ai).toMatchObject({ ai: 1, mixed: 1 });
    expect(o.verdicts.overall.human).toMatchObject({ human: 2, too_short: 1, ai: 0 });
    expect(o.verdicts.by_domain.story.ai.mixed).toBe(1);
    // The short row still has a score for the ranking measures.
    expect(o.overall.n_human).toBe(3);
    const readable = await run({ corpus: file('verdicts2.jsonl', body), json: false });
    expect(readable.out.join('\n')).toMatch(/\| domain: story \| ai \| 1 \| 0\.0% \| 100\.0% \|/);
  });

  it('reports bad lines with their numbers and exits non-zero', async () => {
    const body = [
      JSON.stringify(good[0]),
      '{not json',
      JSON.stringify({ id: 'x', label: 'maybe', domain: 'd', text: 't' }),
      JSON.stringify({ id: 'y', label: 'ai', domain: 'd' }),
    ].join('\n');
    const { code, out } = await run({ corpus: file('bad.jsonl', body), json: false });
    expect(code).toBe(2);
    const text = out.join('\n');
    expect(text).toContain('line 2: not valid JSON');
    expect(text).toMatch(/line 3: field "label"/);
    expect(text).toMatch(/line 4: field "text"/);
  });

  it('reports a missing or empty file', async () => {
    expect((await run({ corpus: path.join(dir, 'nope.jsonl'), json: false })).out[0]).toContain('no such file');
    expect((await run({ corpus: file('empty.jsonl', '\n\n'), json: true })).code).toBe(2);
  });
});
