/**
 * Deterministic English-like text for benchmarks, generated from small word lists written here
 * (no corpus text): paragraphs of sentences of varied length with punctuation, numbers,
 * contractions and the occasional stock phrase, so every detector code path is exercised.
 */

import { seededRandom } from '../../scripts/lib/random';

const SUBJECTS = [
  'the committee',
  'my neighbour',
  'a small team',
  'the old engine',
  'our teacher',
  'the city council',
  'this approach',
  'the river',
  'a young doctor',
  'the report',
  'we',
  'they',
  'she',
  'he',
  'I',
];
const VERBS = [
  'examined',
  'rebuilt',
  'ignored',
  'described',
  'carried',
  'found',
  'questioned',
  'painted',
  'measured',
  'delayed',
  'announced',
  'borrowed',
  'explored',
  'sold',
  'fixed',
];
const OBJECTS = [
  'the budget',
  'a broken fence',
  'the evidence',
  'three old letters',
  'the final chapter',
  'a cheap bicycle',
  'the new bridge',
  'every window',
  'the morning train',
  'a quiet garden',
  'the test results',
  'our plans',
];
const TAILS = [
  'before the rain started',
  'without telling anyone',
  'in less than a week',
  'for the third time',
  'after a long argument',
  'with surprising care',
  'near the station',
  'despite the cost',
  'as everyone expected',
  'late on a Tuesday',
];
const OPENERS = [
  'However,',
  'Later,',
  'In 1998,',
  'Still,',
  'Honestly,',
  'Additionally,',
  'By then,',
  'Of course,',
  'At first,',
];
const EXTRAS = [
  "and it didn't help",
  'which surprised nobody',
  'although the numbers were small',
  "but that's another story",
  'plays a crucial role in the outcome',
  'so we waited',
  'and the price rose to 42 dollars',
];

export function generateText(words: number, seed = 1): string {
  const r = seededRandom(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const paras: string[] = [];
  let n = 0;
  while (n < words) {
    const sents: string[] = [];
    const ns = 3 + Math.floor(r() * 5);
    for (let i = 0; i < ns && n < words; i++) {
      let s = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}`;
      if (r() < 0.6) s += ` ${pick(TAILS)}`;
      if (r() < 0.4) s += `, ${pick(EXTRAS)}`;
      if (r() < 0.3) s = `${pick(OPENERS)} ${s}`;
      s = s.charAt(0).toUpperCase() + s.slice(1) + (r() < 0.1 ? '?' : r() < 0.05 ? '!' : '.');
      sents.push(s);
      n += s.split(' ').length;
    }
    paras.push(sents.join(' '));
  }
  return paras.join('\n\n');
}
