import { describe, expect, it } from 'vitest';
import { InkproofError } from '../../../src-shared/errors';
import {
  findProtectedSpans,
  maskRange,
  unmask,
  verifyProtected,
  type SpanKind,
} from '../../../src-workers/rewrite/protect';
import { FACTS, opts, pick, revise, rng } from './helpers';

function kinds(text: string, frozen: string[] = []): [SpanKind, string][] {
  return findProtectedSpans(text, frozen).map((s) => [s.kind, s.text]);
}

describe('protected spans: detection of every kind', () => {
  it.each<[string, SpanKind, string]>([
    ['He said "we will delve into it" yesterday.', 'quote', '"we will delve into it"'],
    ['He said “we will delve into it” yesterday.', 'quote', '“we will delve into it”'],
    ['The word ‘crucial’ is overused.', 'quote', '‘crucial’'],
    ["The so-called 'pivotal' moment.", 'quote', "'pivotal'"],
    ['It costs 42 units.', 'number', '42'],
    ['Pi is about 3.14159, roughly.', 'number', '3.14159'],
    ['Twenty-five people came.', 'number', 'Twenty-five'],
    ['A 5-year-old child.', 'number', '5-year-old'],
    ['Born on 14 March 1879 in Ulm.', 'date', '14 March 1879'],
    ['Released on July 4, 1976.', 'date', 'July 4, 1976'],
    ['Due 2024-05-01.', 'number', '2024-05-01'],
    ['It costs $3.5 million now.', 'currency', '$3.5 million'],
    ['It costs €20.', 'currency', '€20'],
    ['It costs 40 dollars.', 'currency', '40 dollars'],
    ['Sales grew 12.5% this year.', 'percentage', '12.5%'],
    ['Sales grew 7 percent this year.', 'percentage', '7 percent'],
    ['See https://example.com/a_(b) for details.', 'url', 'https://example.com/a_(b)'],
    ['See www.example.com.', 'url', 'www.example.com'],
    ['Mail jo.doe@example.co.uk today.', 'email', 'jo.doe@example.co.uk'],
    ['As shown (Smith et al., 2020), it works.', 'citation', '(Smith et al., 2020)'],
    ['As Smith and Jones (2019) showed.', 'citation', 'Smith and Jones (2019)'],
    ['As Lee & Ng (2021) showed.', 'citation', 'Lee & Ng (2021)'],
    ['As Smith et al. (2020, p. 4) showed.', 'citation', 'Smith et al. (2020, p. 4)'],
    ['As shown before [12], it works.', 'citation', '[12]'],
    ['As shown before [1, 3-5], it works.', 'citation', '[1, 3-5]'],
    ['The DOI is 10.1000/xyz123 here.', 'doi', '10.1000/xyz123'],
    ['Run `npm ci` first.', 'code', '`npm ci`'],
    ['Text\n\n```js\nconst crucial = 1;\n```\n\nMore.', 'code', '```js\nconst crucial = 1;\n```'],
    ['Intro.\n\n    let delve = 2;\n    run(delve);\n\nMore.', 'code', '    let delve = 2;\n    run(delve);'],
    // An HTML comment is a note to the file's editors, never shown: kept as written.
    ['Fast. <!-- TODO: delve into the cache --> Done.', 'code', '<!-- TODO: delve into the cache -->'],
    ['Intro.\n\n<!-- a note\nover two lines -->', 'code', '<!-- a note\nover two lines -->'],
  ])('%s', (text, kind, span) => {
    expect(kinds(text)).toContainEqual([kind, span]);
  });

  it('a long chain of names with no year after it is no citation (and is not searched exponentially)', () => {
    // The pattern once read each name two ways, so this 416-character line took minutes.
    const chain = `Smith${' and Jones'.repeat(40)} went home.`;
    expect(kinds(chain).filter(([k]) => k === 'citation')).toEqual([]);
  });

  it('frozen terms match whole words, case-insensitively, longest first', () => {
    const t = 'The Crucial Widget and crucial widgets differ from the crucial widget.';
    const found = kinds(t, ['crucial widget', 'crucial'])
      .filter(([k]) => k === 'frozen')
      .map(([, s]) => s);
    expect(found).toEqual(['Crucial Widget', 'crucial', 'crucial widget']);
  });

  it('spans are sorted and never overlap', () => {
    const spans = findProtectedSpans(FACTS, ['moved on']);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
    for (const s of spans) expect(FACTS.slice(s.start, s.end)).toBe(s.text);
  });

  it('a term the text defines with its abbreviation is protected, with its other mentions', () => {
    expect(kinds('Large language models (LLMs) are common. A large language model is big.')).toEqual([
      ['term', 'Large language models (LLMs)'],
      ['term', 'large language model'],
    ]);
    expect(kinds('We use retrieval-augmented generation (RAG) at the Department of Energy (DOE).')).toEqual([
      ['term', 'retrieval-augmented generation (RAG)'],
      ['term', 'Department of Energy (DOE)'],
    ]);
    // Initials that do not spell it: no term ("Read the text (PDF)", "It was fun (OK)").
    expect(kinds('Read the text (PDF) now. It was fun (OK).')).toEqual([]);
  });
  it('a revision keeps the defined term as written: no "big language models" in casual prose', async () => {
    const text = 'Large language models (LLMs) answer questions. Large language models also write code.';
    const out = await revise(text, opts('casual', 2));
    expect(out.text).not.toMatch(/big language/i);
    expect(out.text).toContain('Large language models (LLMs)');
  });
  it('a term of art is protected whole, and only where it names the term', () => {
    expect(kinds('The ordinance serves a compelling state interest and is narrowly tailored.')).toEqual([
      ['term', 'compelling state interest'],
      ['term', 'narrowly tailored'],
    ]);
    expect(kinds('Exhibit B shows profound hearing loss; iconic memory fades.')).toEqual([
      ['term', 'Exhibit B'],
      ['term', 'profound hearing loss'],
      ['term', 'iconic memory'],
    ]);
    // The words in their everyday senses: no term ("a compelling story", "exhibit a strong response").
    expect(kinds('It is a compelling story, and patients exhibit a strong response to a pivotal study.')).toEqual([]);
  });
  it('every definition among thousands is found', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `Alpha Beta${i % 7 ? '' : 's'} (AB) said.`).join(' ');
    expect(kinds(text).filter(([k]) => k === 'term').length).toBeGreaterThanOrEqual(3000);
  });
  it('an apostrophe is not a quotation', () => {
    expect(kinds("The students' work isn't done and it's late.").filter(([k]) => k === 'quote')).toEqual([]);
  });
  it('a paragraph wrapped whole in straight quotes keeps its inner quotations, and only them', () => {
    const quotes = (t: string) =>
      findProtectedSpans(t, [])
        .filter((s) => s.kind === 'quote')
        .map((s) => s.text);
    // Paired in sequence, the outer quotes took the inner ones for their ends.
    expect(quotes('"Choices shape us. In "The Crossroads," a woman must choose, and "A Window" shows how." ')).toEqual([
      '"The Crossroads,"',
      '"A Window"',
    ]);
    // Two quotations that happen to open and close the paragraph are not a wrapper.
    expect(quotes('"I will come," she said. "Wait."')).toEqual(['"I will come,"', '"Wait."']);
  });
});

describe('masking, restoring and verifying', () => {
  it('restores byte for byte', () => {
    const spans = findProtectedSpans(FACTS);
    const { masked, spans: used } = maskRange(FACTS, spans);
    expect(masked.replace(/\uE000\d+\uE001/g, '')).not.toMatch(/\d/);
    expect(unmask(masked, used)).toBe(FACTS);
  });

  it('a dropped, repeated or moved placeholder is protected_span_changed, naming the span', () => {
    const text = 'It rose 12% in 2020 and fell 3% later.';
    const { masked, spans } = maskRange(text, findProtectedSpans(text));
    const dropped = masked.replace(/\uE0002\uE001/, '');
    const err = (() => {
      try {
        unmask(dropped, spans);
      } catch (e) {
        return e as InkproofError;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(InkproofError);
    expect(err!.code).toBe('protected_span_changed');
    expect(err!.message).toContain('“3%”');
    expect(err!.message).toContain('percentage');
    expect(() => unmask(masked + masked, spans)).toThrow(InkproofError);
    const swapped = masked.replace(/\uE0000\uE001(.*)\uE0001\uE001/, '\uE0001\uE001$1\uE0000\uE001');
    expect(() => unmask(swapped, spans)).toThrow(/moved|changed|dropped/);
  });

  it('verifyProtected finds every span in order, or names the missing one', () => {
    const spans = findProtectedSpans(FACTS);
    expect(() => verifyProtected(FACTS, spans)).not.toThrow();
    expect(() => verifyProtected(FACTS.replace('12.5%', '12.6%'), spans)).toThrow(/“12\.5%”/);
    expect(() => verifyProtected(FACTS.replace('$3.5 million', '$3.5 billion'), spans)).toThrow(/protected|must stay/);
  });
});

// ---------------------------------------------------------------------------------------------
// Property-style: seeded random documents full of facts; no revision may lose or alter one.

const FACT_MAKERS: ((r: () => number) => string)[] = [
  (r) => String(Math.floor(r() * 100000)),
  (r) => `${(r() * 100).toFixed(2)}%`,
  (r) => `$${(r() * 10).toFixed(1)} million`,
  (r) =>
    `${pick(r, ['January', 'March', 'July', 'December'])} ${1 + Math.floor(r() * 28)}, ${1900 + Math.floor(r() * 125)}`,
  (r) => `https://example.org/${pick(r, ['crucial', 'delve', 'a_(b)', 'x?y=1&z=2'])}`,
  (r) => `${pick(r, ['ann', 'bo', 'cy'])}.${pick(r, ['lee', 'kim'])}@example.com`,
  (r) => `(${pick(r, ['Smith', 'Nguyen', 'Okafor'])} et al., ${2000 + Math.floor(r() * 24)})`,
  (r) => `[${1 + Math.floor(r() * 40)}]`,
  (r) => `10.${1000 + Math.floor(r() * 8999)}/${pick(r, ['abc', 'j.cell.2020.01.002'])}`,
  (r) => `"${pick(r, ['we must delve into this', 'it is crucial', 'Furthermore, we leverage it'])}"`,
  (r) => `“${pick(r, ['a testament to grit', 'In conclusion, no'])}”`,
  (r) => `\`${pick(r, ['utilize()', 'npm run delve'])}\``,
];
const FILLERS = [
  'In conclusion, the team plays a crucial role',
  'Furthermore, it is important to note that we leverage innovative tools',
  'They delve into the intricate details',
  'This is a testament to the pivotal work',
  'Moreover, we utilize data to foster growth, and they have showcased results',
  'It is not easy; we do not give up',
  'Additionally, the findings underscore the need for care',
  "In today's fast-paced world, people embrace change",
];

function randomDoc(seed: number): string {
  const r = rng(seed);
  const paras: string[] = [];
  const np = 1 + Math.floor(r() * 4);
  for (let p = 0; p < np; p++) {
    const sents: string[] = [];
    const ns = 2 + Math.floor(r() * 5);
    for (let s = 0; s < ns; s++) {
      const words = pick(r, FILLERS).split(' ');
      const k = 1 + Math.floor(r() * 3);
      for (let i = 0; i < k; i++) words.splice(1 + Math.floor(r() * words.length), 0, pick(r, FACT_MAKERS)(r));
      sents.push(`${words.join(' ')}.`);
    }
    paras.push(sents.join(' '));
  }
  return paras.join('\n\n');
}

describe('property: facts survive every revision (seeded)', () => {
  const docs = Array.from({ length: 60 }, (_v, i) => randomDoc(1000 + i));
  it.each(['standard', 'formal', 'casual', 'concise'] as const)('mode %s, strengths 1–3', async (mode) => {
    for (const doc of docs) {
      const spans = findProtectedSpans(doc);
      for (const strength of [1, 2, 3]) {
        const out = await revise(doc, opts(mode, strength));
        // Every protected span is in the output, unchanged and in order.
        expect(() => verifyProtected(out.text, spans)).not.toThrow();
        // And the multiset of digits-bearing tokens is the same.
        const nums = (s: string) => (s.match(/\S*\d\S*/g) ?? []).map((x) => x.replace(/[.,;:]+$/, '')).sort();
        expect(nums(out.text)).toEqual(nums(doc));
      }
    }
  });
});
