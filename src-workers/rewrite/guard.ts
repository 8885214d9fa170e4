/**
 * The meaning guard, applied to every hunk before it is offered: a change may not drop or add a
 * number, a negation or a named entity, and may not bring in a content word that is neither in
 * the text it replaces nor one the reviewed table (or a reviewed edit) puts in. A hunk that fails
 * is withheld — the original text stays there — so a wrong rule can cost a change, never the
 * meaning.
 */
import { sentenceSpans, tokenize } from '../text/segment';
import { baseOfParticiple, verbForms } from './inflect';
import { properInLexicon } from './pos';
import { closingAbbreviation, runInHeadingEnd } from './tokens';
import { CONJUNCTIONS, DETERMINERS, MODALS, PREPOSITIONS, RELATIVES, SUBORDINATORS, isNegation, set } from './wordsets';

/** Spelled-out numbers and quantities whose loss or gain changes a claim. */
export const NUMBER_WORDS = set(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion dozen dozens half twice thrice double triple first second third fourth fifth sixth seventh eighth ninth tenth percent',
);

/** Words any edit may bring in: they carry no claim of their own. */
const FREE_WORDS = new Set<string>([
  ...DETERMINERS,
  ...PREPOSITIONS,
  ...CONJUNCTIONS,
  ...SUBORDINATORS,
  ...RELATIVES,
  ...MODALS,
  ...set(
    "i me my we us our you your he him his she her it its they them their this that these those there here who what which is are was were be been being am has have had do does did done doing 's 're 've 'll 'd 'm also too so as then than just even still yet not cannot",
  ),
]);

interface Counted {
  numbers: Map<string, number>;
  negations: number;
  entities: Map<string, number>;
  words: Set<string>;
  /** Holds "first and foremost", which an ordinal "first" may replace. */
  foremost: boolean;
}

/** A crude stem for "is this the same word": inflectional endings off. */
function stem(w: string): string {
  return w
    .replace(/['’]s$/, '')
    .replace(/(?:ies|ied)$/, 'y')
    .replace(/(?:ing|ed|es|s|ly)$/, '')
    .replace(/e$/, '');
}

function add(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w) && !/^I(?:['’]\p{L}+)?$/u.test(w);
const isAcronym = (w: string) => w.length > 1 && w === w.toUpperCase() && /\p{L}{2}/u.test(w);

/**
 * The names, titles and acronyms of a text: every capitalised word that stands somewhere inside
 * a sentence (not first), every all-capitals word, and capitalised words compromise knows as a
 * person, place or organisation.
 */
export function entitiesOf(text: string): Set<string> {
  const out = new Set<string>();
  // Line by line, past list, quote and heading markers: a line's first word starts a sentence.
  for (const line of text.split('\n')) {
    // A list bullet is a marker only before a space: "**Water often.**" keeps its emphasis, which
    // tells where a run-in heading ends.
    const body = line.replace(/^(?:[\s>#|]|[-*+](?=\s))*(?:\d{1,3}[.)]\s+)?/, '');
    for (const s of sentenceSpans(body)) {
      const toks = tokenize(body.slice(s.start, s.end));
      // After a run-in heading in emphasis ("**Water often.** It is …") a sentence starts.
      const heading = runInHeadingEnd(toks);
      let first = true;
      toks.forEach((t, i) => {
        if (t.kind !== 'word') return;
        if (heading > 0 && i === heading + 1) first = true;
        // After "p.m." or "Inc." the reviser may start a sentence ("… until 3 p.m. Employees are …").
        if (i >= 2 && toks[i - 1].kind === 'space' && closingAbbreviation(toks, i - 2)) first = true;
        const w = t.text;
        if (isCapitalised(w) && (!first || isAcronym(w) || properInLexicon(w.toLowerCase()))) out.add(w);
        first = false;
      });
    }
  }
  return out;
}

function count(text: string, entities: ReadonlySet<string>): Counted {
  const out: Counted = { numbers: new Map(), negations: 0, entities: new Map(), words: new Set(), foremost: false };
  const toks = tokenize(text).filter((t) => t.kind === 'word');
  for (let i = 0; i < toks.length; i++) {
    const raw = toks[i].text;
    const k = raw.toLowerCase().replace(/’/g, "'");
    out.words.add(k);
    // "firstly" counts as "first", and so does "initially" ("Initially, we must …" → "First, we
    // must …"; "at first" is the same "first").
    const num = k === 'initially' ? 'first' : /^(?:first|second|third|fourth|fifth)ly$/.test(k) ? k.slice(0, -2) : k;
    // "on (the) one hand" announces a contrast: no quantity. Nor does "first and foremost", an
    // emphasis ("Above all, …"), which may also open a sequence ("First, …"): either may replace it.
    const foremost =
      num === 'first' && toks[i + 1]?.text.toLowerCase() === 'and' && toks[i + 2]?.text.toLowerCase() === 'foremost';
    if (foremost) out.foremost = true;
    const idiom = (num === 'one' && toks[i + 1]?.text.toLowerCase() === 'hand') || foremost;
    if (/\d/.test(raw) || (NUMBER_WORDS.has(num) && !idiom)) add(out.numbers, num);
    // "not only … but also", "not just" ("isn't just"), "(whether) or not", "last but not least", "without further ado", "it's no secret that", "it is no exaggeration to say", "there is
    // no doubt that", "it goes without saying that", "without a doubt" and the invitation
    // "(please) don't / do not hesitate to" and "nothing short of" (an insistence: "is nothing short of
    // magical" says it is magical) do not negate.
    const next = toks[i + 1]?.text.toLowerCase() ?? '';
    const invitation =
      next === 'hesitate' && (k === "don't" || (k === 'not' && toks[i - 1]?.text.toLowerCase() === 'do'));
    const idiomatic =
      ((k === 'not' || /n't$/.test(k)) && /^(?:only|just|merely|simply|least)$/.test(next)) ||
      // A hunk may hold only the "or not" of "whether or not".
      (k === 'not' && toks[i - 1]?.text.toLowerCase() === 'or') ||
      (k === 'no' && /^(?:secret|doubt|exaggeration)$/.test(next)) ||
      (k === 'nothing' && next === 'short' && toks[i + 2]?.text.toLowerCase() === 'of') ||
      (k === 'without' && next === 'further' && toks[i + 2]?.text.toLowerCase() === 'ado') ||
      (k === 'without' &&
        ((next === 'saying' && /^(?:go|goes|went)$/.test(toks[i - 1]?.text.toLowerCase() ?? '')) ||
          (next === 'a' && toks[i + 2]?.text.toLowerCase() === 'doubt'))) ||
      invitation;
    if (!idiomatic && isNegation(k)) out.negations++;
    if (entities.has(raw)) add(out.entities, raw);
  }
  return out;
}

/** Heads of contractions that are not spelled as in the full form. */
const CONTRACTED_HEADS: Record<string, string> = { ca: 'can', wo: 'will', sha: 'shall' };

/** Every form of the verb a word may be ("written" → write, writes, wrote, written, writing). */
function inflections(word: string): string[] {
  if (!/^[a-z]+$/.test(word)) return [];
  const bases = new Set<string>([word]);
  const b = baseOfParticiple(word);
  if (b) bases.add(b);
  if (word.endsWith('ing')) bases.add(word.slice(0, -3)).add(`${word.slice(0, -3)}e`);
  if (word.endsWith('s')) bases.add(word.slice(0, -1));
  const out: string[] = [];
  for (const x of bases) {
    const f = verbForms(x);
    if (f.base === x) out.push(f.s3, f.past, f.pp, f.ger);
  }
  return out;
}

export interface Guard {
  /** Why the change from `before` to `after` may not be made, or null when it may. */
  check(before: string, after: string): string | null;
}

/**
 * The guard for one text: `allowed` are the content words the reviewed table and edits may put
 * in (lower case). A change must keep every number and negation of the text it replaces and add
 * none, keep every name (a repeated mention may go only where the text names it elsewhere too),
 * and add no other content word.
 */
export function makeGuard(original: string, allowed: ReadonlySet<string>): Guard {
  const entities = entitiesOf(original);
  const everywhere = count(original, entities).entities;
  return {
    check(before, after) {
      const a = count(before, entities);
      const b = count(after, entities);
      if (a.foremost && !b.foremost && b.numbers.get('first') === (a.numbers.get('first') ?? 0) + 1)
        add(a.numbers, 'first');
      for (const [n, c] of a.numbers) if ((b.numbers.get(n) ?? 0) !== c) return `a number (“${n}”) would change`;
      for (const [n] of b.numbers) if (!a.numbers.has(n)) return `a number (“${n}”) would be added`;
      if (a.negations !== b.negations) return 'a negation would be lost or added';
      // A name may leave a sentence that repeats it only if the text names it elsewhere too.
      for (const [e, c] of a.entities) {
        const lost = c - (b.entities.get(e) ?? 0);
        if (lost > 0 && (everywhere.get(e) ?? 0) - c <= 0) return `a name (“${e}”) would be dropped`;
      }
      // The stems of the words there and of their inflections, made only when a word is new.
      let stems: Set<string> | null = null;
      const stemsOfBefore = (): Set<string> => {
        const out = new Set([...a.words].map(stem));
        for (const w of a.words) for (const f of inflections(w)) out.add(stem(f));
        return out;
      };
      for (const w of b.words) {
        if (a.words.has(w) || FREE_WORDS.has(w) || allowed.has(w)) continue;
        if ((stems ??= stemsOfBefore()).has(stem(w))) continue;
        // The possessive of a word that may come in ("individuals'" → "people's").
        const owner = /^(.+)'s$/.exec(w)?.[1];
        if (owner && (a.words.has(owner) || allowed.has(owner))) continue;
        // A contraction of words already there ("do not" → "don't", "it is" → "it's").
        const c = /^([a-z]+?)(?:n't|'s|'re|'ve|'ll|'d|'m)$/.exec(w);
        if (c && (a.words.has(CONTRACTED_HEADS[c[1]] ?? c[1]) || FREE_WORDS.has(CONTRACTED_HEADS[c[1]] ?? c[1])))
          continue;
        return `“${w}” would be added`;
      }
      return null;
    },
  };
}
