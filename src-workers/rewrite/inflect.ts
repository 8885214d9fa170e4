/**
 * Inflection for the reviser's table, computed once when the table is compiled: verb forms with
 * compromise's conjugator (plus a few irregular participles it leaves out), noun plurals with its
 * pluraliser. Multi-word entries inflect their head (first) word: "dig into" → "dug into".
 */
import nlp from 'compromise';

// compromise's own transforms (the ones its .conjugate() and .toPlural() use), called directly:
// microseconds per word instead of a sentence parse.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const METHODS = (nlp as any).methods().two.transform;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const MODEL = (nlp as any).model();

export type VerbForm = 'base' | 's3' | 'past' | 'pp' | 'ger';
export type VerbForms = Record<VerbForm, string>;

// Participles compromise does not return (it gives them only for some irregular verbs).
const IRREGULAR_PP: Record<string, string> = {
  strive: 'striven',
  begin: 'begun',
  draw: 'drawn',
  throw: 'thrown',
  show: 'shown',
  take: 'taken',
  give: 'given',
  see: 'seen',
  write: 'written',
  speak: 'spoken',
  break: 'broken',
  choose: 'chosen',
  drive: 'driven',
  rise: 'risen',
  grow: 'grown',
  know: 'known',
  go: 'gone',
  do: 'done',
  be: 'been',
  get: 'got',
  undergo: 'undergone',
  undertake: 'undertaken',
  overtake: 'overtaken',
  forgo: 'forgone',
  forsake: 'forsaken',
  weave: 'woven',
  shake: 'shaken',
  bear: 'borne',
  swear: 'sworn',
  tear: 'torn',
  wear: 'worn',
  hide: 'hidden',
  ride: 'ridden',
  bite: 'bitten',
  forget: 'forgotten',
  fly: 'flown',
  blow: 'blown',
  sing: 'sung',
  ring: 'rung',
  swim: 'swum',
  drink: 'drunk',
  shrink: 'shrunk',
  sink: 'sunk',
  eat: 'eaten',
  fall: 'fallen',
  freeze: 'frozen',
  steal: 'stolen',
  wake: 'woken',
  prove: 'proven',
  become: 'become',
  come: 'come',
  overcome: 'overcome',
  run: 'run',
  outrun: 'outrun',
  arise: 'arisen',
  forbid: 'forbidden',
  mistake: 'mistaken',
  shine: 'shone',
  slay: 'slain',
  stride: 'stridden',
  strike: 'struck',
  swell: 'swollen',
  tread: 'trodden',
  withdraw: 'withdrawn',
  foresee: 'foreseen',
  oversee: 'overseen',
  overthrow: 'overthrown',
  rewrite: 'rewritten',
  redo: 'redone',
  outgrow: 'outgrown',
};
// Pasts compromise gets wrong or does not know.
const IRREGULAR_PAST: Record<string, string> = { strive: 'strove', shed: 'shed', be: 'was' };

const cache = new Map<string, VerbForms>();

function regularS3(v: string): string {
  if (/(s|x|z|ch|sh|o)$/.test(v)) return `${v}es`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`;
  return `${v}s`;
}
function regularPast(v: string): string {
  if (v.endsWith('e')) return `${v}d`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`;
  return `${v}ed`;
}
function regularGer(v: string): string {
  if (/[^e]e$/.test(v) && v !== 'be') return `${v.slice(0, -1)}ing`;
  if (v.endsWith('ie')) return `${v.slice(0, -2)}ying`;
  return `${v}ing`;
}

/**
 * Past participles that are no past tense ("known", "written", "taken"): never a clause's verb
 * without an auxiliary. The irregular participles above whose past differs ("got", "struck",
 * "come" are pasts too).
 */
export function participlesOnly(): ReadonlySet<string> {
  participlesOnlyCache ??= new Set(
    Object.entries(IRREGULAR_PP)
      .filter(([base, pp]) => pp !== base && pp !== verbForms(base).past)
      .map(([, pp]) => pp),
  );
  return participlesOnlyCache;
}
let participlesOnlyCache: ReadonlySet<string> | undefined;

/** Forms of a single verb (lower case). */
export function verbForms(verb: string): VerbForms {
  const hit = cache.get(verb);
  if (hit) return hit;
  let c: Record<string, string> | undefined;
  try {
    c = METHODS.verb.conjugate(verb, MODEL);
  } catch {
    c = undefined;
  }
  const past = IRREGULAR_PAST[verb] ?? c?.PastTense ?? regularPast(verb);
  const forms: VerbForms = {
    base: verb,
    s3: c?.PresentTense && c.PresentTense !== verb ? c.PresentTense : regularS3(verb),
    past,
    pp: IRREGULAR_PP[verb] ?? c?.Participle ?? past,
    ger: c?.Gerund ?? regularGer(verb),
  };
  if (verb === 'be') Object.assign(forms, { s3: 'is', past: 'was', pp: 'been', ger: 'being' });
  if (verb === 'have') Object.assign(forms, { s3: 'has', past: 'had', pp: 'had', ger: 'having' });
  cache.set(verb, forms);
  return forms;
}

/**
 * Inflects the head of a verb phrase — its first word, or the one marked with ^:
 * inflectVerbPhrase("dig into", "past") → "dug into"; ("greatly ^affect", "s3") → "greatly affects".
 */
export function inflectVerbPhrase(phrase: string, form: VerbForm): string {
  const words = phrase.split(' ');
  const marked = words.findIndex((w) => w.startsWith('^'));
  const at = marked < 0 ? 0 : marked;
  words[at] = verbForms(words[at].replace(/^\^/, ''))[form];
  return words.join(' ');
}

const pluralCache = new Map<string, string>();

/** Plural of a noun or noun phrase whose head is its last word ("close look" → "close looks"). */
export function pluralize(noun: string): string {
  const hit = pluralCache.get(noun);
  if (hit) return hit;
  const m = /^(.*?)([A-Za-z]+)$/.exec(noun);
  let out = noun;
  if (m) {
    const [, pre, last] = m;
    let p: string;
    try {
      p = String(METHODS.noun.toPlural(last, MODEL) ?? '');
    } catch {
      p = '';
    }
    if (!p || p.includes(' '))
      p = /(s|x|z|ch|sh)$/.test(last) ? `${last}es` : /[^aeiou]y$/.test(last) ? `${last.slice(0, -1)}ies` : `${last}s`;
    out = pre + p;
  }
  pluralCache.set(noun, out);
  return out;
}

// Common irregular verbs, to find a past participle's base form.
const IRREGULAR_BASES =
  'be begin bite blow break bring build buy catch choose come cut do draw drink drive eat fall feel fight find fly forget forgive freeze get give go grow hang have hear hide hit hold hurt keep know lay lead leave lend let lie lose make mean meet pay put read ride ring rise run say see seek sell send set shake shine shoot show shut sing sink sit sleep speak spend stand steal stick strike swear swim take teach tear tell think throw understand wake wear win write undertake overcome withdraw'.split(
    ' ',
  );
let participleBases: Map<string, string> | null = null;

/** The base form of a past participle ("written" → "write", "adopted" → "adopt"), or null. */
export function baseOfParticiple(pp: string): string | null {
  if (!participleBases) {
    participleBases = new Map();
    for (const b of IRREGULAR_BASES) participleBases.set(verbForms(b).pp, b);
  }
  const irregular = participleBases.get(pp);
  if (irregular) return irregular;
  if (!/[a-z]ed$/.test(pp)) return null;
  const s = pp.slice(0, -2);
  return knownBase(
    undoubledFirst(s, [s, `${s}e`, s.replace(/(.)\1$/, '$1'), s.replace(/i$/, 'y'), pp.slice(0, -1)]),
    'pp',
    pp,
  );
}

/** The bases whose third-person form is `word` ("reduces" → "reduce", "carries" → "carry"), likeliest first. */
export function basesOfThirdPerson(word: string): string[] {
  return [word.slice(0, -1), word.slice(0, -2), `${word.slice(0, -3)}y`].filter(
    (b) => b.length > 1 && verbForms(b).s3 === word,
  );
}

/** The base form of a gerund ("shaping" → "shape", "creating" → "create"), or null. */
export function baseOfGerund(g: string): string | null {
  if (!/[a-z]ing$/.test(g)) return null;
  const s = g.slice(0, -3);
  return knownBase(undoubledFirst(s, [s, `${s}e`, s.replace(/(.)\1$/, '$1'), s.replace(/y$/, 'ie')]), 'ger', g);
}

/**
 * A stem that ends in a doubled consonant other than l, s, f or z ("underpinn-ed") doubled it for
 * the ending: a word the lexicon does not know takes the single one ("underpin", not "underpinne").
 */
function undoubledFirst(stem: string, candidates: string[]): string[] {
  if (!/([b-df-hj-km-np-rtv-xy])\1$/.test(stem) || /([lsfz])\1$/.test(stem)) return candidates;
  const single = stem.slice(0, -1);
  return [single, ...candidates.filter((c) => c !== single)];
}

/**
 * The candidate base whose `form` is `word`. compromise's conjugator guesses from spelling, so
 * more than one may fit ("creat" and "create" both give "creating", "runne" and "run" give
 * "running"): a verb its lexicon knows comes first, then a noun it knows. Where it knows none
 * of them but knows the word itself, the word is no inflection ("thing" is no gerund of "th").
 */
function knownBase(candidates: string[], form: VerbForm, word: string): string | null {
  const fits = candidates.filter((c) => c.length > 1 && verbForms(c)[form] === word);
  const known =
    fits.find((c) => lexiconTags(c).includes('Infinitive')) ??
    fits.find((c) => lexiconTags(c).some((t) => NOUN_TAGS.has(t)));
  if (known) return known;
  const tags = lexiconTags(word);
  return tags.length > 0 && !tags.some((t) => INFLECTED_TAGS.has(t)) ? null : (fits[0] ?? null);
}

const INFLECTED_TAGS = new Set(['Gerund', 'PastTense', 'Participle', 'Adjective']);
/** Nouns that are verbs too ("run", "shape", "move"), which the lexicon files as nouns. */
const NOUN_TAGS = new Set(['Singular', 'Noun', 'Uncountable']);

function lexiconTags(word: string): string[] {
  const t: unknown = MODEL.one.lexicon[word];
  return typeof t === 'string' ? [t] : Array.isArray(t) ? (t as string[]) : [];
}
