/**
 * British or American spelling. The reviser's alternatives are written in American spelling
 * ("analyze", "realize", "center"); in a document written in British spelling ("organise",
 * "colour", "programme") every word an edit writes is given the document's spelling, so a revision
 * never brings "analyze" into prose that writes "analyse".
 */
import { matchCase } from './tokens';

export type Spelling = 'british' | 'american';

/** Stems spelled -ise/-ize (and -isation/-ization…) that both varieties share but spell apart. */
const IZE_STEMS =
  'organ real recogn emphas priorit minim maxim util optim apolog summar character critic civil special standard categor mobil normal visual final legal global capital memor author custom familiar harmon hospital modern neutral stabil symbol sympath synthes general central industrial commercial personal rational urban social political national ideal material moral natural jeopard fertil monopol patron scrutin subsid agon antagon colon fantas hypnot ostrac plagiar polar revolution satir scandal stigmat tantal terror theor trivial vandal western mesmer publi motor energ';
const IZE_FORMS = new RegExp(`^(${IZE_STEMS.split(' ').join('|')})(is|iz)(e|es|ed|ing|ation|ations|er|ers)$`);
/** -yse/-yze verbs. */
const YZE_FORMS = /^(anal|paral|catal|dial|electrol|hydrol)(ys|yz)(e|es|ed|ing|er|ers)$/;

/** Words each variety spells its own way (American → British). */
const US_TO_UK: Readonly<Record<string, string>> = {
  color: 'colour',
  colors: 'colours',
  colored: 'coloured',
  colorful: 'colourful',
  favor: 'favour',
  favors: 'favours',
  favorable: 'favourable',
  favorite: 'favourite',
  behavior: 'behaviour',
  behaviors: 'behaviours',
  honor: 'honour',
  honors: 'honours',
  labor: 'labour',
  neighbor: 'neighbour',
  neighbors: 'neighbours',
  humor: 'humour',
  rumor: 'rumour',
  rumors: 'rumours',
  flavor: 'flavour',
  flavors: 'flavours',
  harbor: 'harbour',
  center: 'centre',
  centers: 'centres',
  centered: 'centred',
  theater: 'theatre',
  meter: 'metre',
  meters: 'metres',
  fiber: 'fibre',
  defense: 'defence',
  offense: 'offence',
  catalog: 'catalogue',
  gray: 'grey',
  traveled: 'travelled',
  traveling: 'travelling',
  canceled: 'cancelled',
  labeled: 'labelled',
  modeling: 'modelling',
  skillful: 'skilful',
  fulfill: 'fulfil',
  jewelry: 'jewellery',
  aluminum: 'aluminium',
};
const UK_TO_US: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(US_TO_UK).map(([us, uk]) => [uk, us]),
);

/** Which variety a word is spelled in, or null where both spell it alike. */
function varietyOf(word: string): Spelling | null {
  if (US_TO_UK[word]) return 'american';
  if (UK_TO_US[word]) return 'british';
  const m = IZE_FORMS.exec(word) ?? YZE_FORMS.exec(word);
  if (m) return m[2] === 'is' || m[2] === 'ys' ? 'british' : 'american';
  return null;
}

/** The document's spelling: British where its words spelled the British way outnumber the American ones. */
export function spellingOf(text: string): Spelling {
  let british = 0;
  let american = 0;
  for (const w of text.toLowerCase().match(/[a-z]+/g) ?? []) {
    const v = varietyOf(w);
    if (v === 'british') british++;
    else if (v === 'american') american++;
  }
  return british > american ? 'british' : 'american';
}

/** A word in British spelling ("analyze" → "analyse", "Center" → "Centre"); other words as they are. */
export function toBritish(word: string): string {
  const lower = word.toLowerCase();
  let out = US_TO_UK[lower];
  if (!out) {
    const m = IZE_FORMS.exec(lower) ?? YZE_FORMS.exec(lower);
    if (m && (m[2] === 'iz' || m[2] === 'yz')) out = m[1] + (m[2] === 'iz' ? 'is' : 'ys') + m[3];
  }
  return out ? matchCase(out, word) : word;
}
