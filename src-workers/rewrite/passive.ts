/**
 * Passive to active where the agent is named: "The law was passed by Congress in 2020." →
 * "Congress passed the law in 2020." Made only for a whole plain sentence — subject, "is / are /
 * was / were" (or a modal or "has been" with it), an optional adverb, a past participle, "by" and
 * an agent that runs to the sentence's end or to a phrase of time that can only belong to the
 * verb ("during the war", "in 2020", "after the vote": not "at …" or "in Paris", which may belong
 * to the agent, "researchers at Harvard") — when the agent is a doer (not "by car", "by the
 * river", "by 2030") and the protected text inside keeps its order.
 */
import { baseOfGerund, baseOfParticiple, verbForms } from './inflect';
import { forget, lexiconHas, properInLexicon, tagsAt } from './pos';
import { REASONS } from './reasons';
import type { ReviseState } from './state';
import {
  capitalize,
  closingAbbreviation,
  isLowerWord,
  keyOf,
  nextIndex,
  placeholderOrder,
  prevIndex,
  tok,
  type Tok,
} from './tokens';
import { DETERMINERS, MODALS, POSSESSIVES, PREPOSITIONS, looksPlural, set } from './wordsets';

const SUBJECT_TO_OBJECT: Record<string, string> = { i: 'me', he: 'him', she: 'her', we: 'us', they: 'them' };
const OBJECT_TO_SUBJECT: Record<string, string> = { me: 'I', him: 'he', her: 'she', us: 'we', them: 'they' };
/** Last words of a company's name that look plural ("Northfield Mills", "Acme Industries"). */
const COMPANY_WORDS = set(
  'mills industries systems holdings labs laboratories partners brands foods airlines motors networks technologies solutions services studios games pictures records communications pharmaceuticals sciences resources enterprises associates works greens',
);
/** "by" phrases that say how, when or where, not who. */
const NOT_AGENTS = set(
  'hand car bus train plane air sea mail email phone post far chance mistake accident law default nature then now night day way means force design contrast comparison heart name',
);
/** Adjectives in a participle's form, which have no active ("beloved by fans"). */
const ADJECTIVAL_PARTICIPLES = set('beloved renowned famed unbeknownst');
/** Heads of a "by" phrase of measure: "passed by a narrow margin", "rose by ten percent". */
const MEASURES = set(
  'margin margins majority vote votes percent percentage half third quarter lot bit amount degree degrees point points factor inch inches mile miles meter meters metre metres landslide ballot ballots length lengths head neck nose',
);
const PLACES = set('side door window river road shore gate wall lake roadside bank bedside fireplace entrance sea');
const TIMES = set(
  'end time start beginning middle close turn year years month months week weeks weekend weekends day days night morning evening afternoon century decade hour hours minute minutes today tomorrow tonight deadline noon midnight christmas easter eve holidays thanksgiving',
);
const NUMBERS = set('two three four five six seven eight nine ten twelve twenty hundreds thousands millions dozens');
/** Prepositions whose phrase after the agent is about the time of the act, whatever follows them. */
const TIME_PREPOSITIONS = set('during after before since throughout');
/** "in"/"on" begin a phrase of time only before a date, a number or one of these. */
const DATE_WORDS = set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday spring summer autumn fall winter',
);
/** Words after which a verb in -ing takes the sentence's subject as its own ("after graduating"). */
const GERUND_LEADS = set('after before while since when upon without by despite on');
/** Particles of phrasal verbs in the passive ("carried out by", "set up by", "turned down by"). */
const PARTICLES = set('out up down off over');
const STATIVE = set(
  'located situated placed parked seated positioned stationed housed stored set surrounded lined bordered flanked',
);
/** Auxiliaries and verbs that open a second predicate after "and" ("… and was recovered", "… and is now in …"). */
const SECOND_PREDICATE = set(
  'is are was were has have had will would can could may might must should remains remained became becomes still later now',
);
/** Words that open a clause inside a subject. */
const CLAUSE_WORDS = set('who whom whose which that where when because if while');

/** Endings of nouns for an act or a state ("Construction", "Damage"), which no name has the lexicon does not know. */
const ABSTRACT_NOUN_ENDING = /[a-z]{3}(?:tion|sion|ment|age|ance|ence|ness|ity)$/;
/** Words of the document written in lower case somewhere: a capital on them at a sentence start is only the sentence's. */
function lowerSomewhere(state: ReviseState, word: string): boolean {
  return new RegExp(`(?:^|[^\\p{L}])${word.replace(/[^\p{L}-]/gu, '')}(?![\\p{L}])`, 'u').test(state.document);
}

/** At `i`, a date ("2020", "March"), or one after "early", "late", "mid" ("in early 2022"). */
function isDate(toks: readonly Tok[], i: number): boolean {
  let t = toks[i];
  if (t?.kind === 'word' && PART_OF_PERIOD.has(keyOf(t))) {
    let n = i + 1;
    while (n < toks.length && toks[n].kind === 'space') n++;
    t = toks[n];
  }
  return t !== undefined && (t.kind === 'placeholder' || (t.kind === 'word' && DATE_WORDS.has(keyOf(t))));
}
const PART_OF_PERIOD = set('early late mid');

/**
 * The agent, and the phrase of time after it that stays at the sentence's end ("by Congress" and
 * "in 2020"); the tail is empty when the agent runs to the end.
 */
function agentAndTail(rest: Tok[]): { agent: Tok[]; tail: Tok[] } {
  for (let j = 1; j < rest.length; j++) {
    const t = rest[j];
    if (t.kind !== 'word') continue;
    const key = keyOf(t);
    let next = j + 1;
    while (next < rest.length && rest[next].kind === 'space') next++;
    const dated = (key === 'in' || key === 'on') && isDate(rest, next);
    if (!TIME_PREPOSITIONS.has(key) && !dated) continue;
    let end = j;
    while (end > 0 && rest[end - 1].kind === 'space') end--;
    return { agent: rest.slice(0, end), tail: rest.slice(j) };
  }
  return { agent: rest, tail: [] };
}

export function passiveToActive(toks: Tok[], state: ReviseState): boolean {
  if (state.strength < 2 || toks[0]?.kind !== 'word') return false;
  const last = toks[toks.length - 1];
  if (last.kind !== 'punctuation' || last.text !== '.') return false;
  // Word and placeholder positions; no punctuation inside but commas, which only the phrase of
  // time at the end may hold ("after talks with residents, shops and unions").
  const w: number[] = [];
  let firstComma = -1;
  for (let i = 0; i < toks.length - 1; i++) {
    const t = toks[i];
    if (t.kind === 'punctuation' && t.text !== ',') return false;
    if (t.kind === 'punctuation' && firstComma < 0) firstComma = i;
    if (t.kind === 'word' || t.kind === 'placeholder') w.push(i);
  }
  if (w.length < 5 || w.length > 22) return false;
  const k = (n: number) => (n >= w.length ? '' : toks[w[n]].kind === 'word' ? keyOf(toks[w[n]]) : '#');
  // The auxiliary chain: be-form, modal + be, or has/have/had + been.
  let b = -1;
  for (let n = 1; n <= 6 && n < w.length; n++) {
    if (/^(?:is|are|was|were)$/.test(k(n)) || MODALS.has(k(n)) || /^(?:has|have|had)$/.test(k(n))) {
      b = n;
      break;
    }
  }
  if (b < 0) return false;
  let aux = k(b);
  let v = b + 1;
  if (MODALS.has(aux)) {
    if (k(v) !== 'be') return false;
    v++;
  } else if (/^(?:has|have|had)$/.test(aux)) {
    if (k(v) !== 'been') return false;
    v++;
  }
  let adverb = -1;
  if (/ly$/.test(k(v)) && toks[w[v]].kind === 'word') {
    adverb = v;
    v++;
  }
  // A phrasal verb keeps its particle: "was carried out by the council" → "the council carried out".
  const particle = PARTICLES.has(k(v + 1)) && k(v + 2) === 'by' ? toks[w[v + 1]] : null;
  const by = particle ? v + 2 : v + 1;
  if (by + 1 >= w.length || k(by) !== 'by') return false;
  const vbn = toks[w[v]];
  if (vbn.kind !== 'word' || !isLowerWord(vbn.text) || STATIVE.has(keyOf(vbn))) return false;
  // An adjective in a participle's form ("well-liked by colleagues", "beloved by fans") has no
  // active: "Colleagues well-liked her" is no English.
  if (keyOf(vbn).includes('-') || ADJECTIVAL_PARTICIPLES.has(keyOf(vbn))) return false;
  const base = baseOfParticiple(keyOf(vbn));
  if (!base || base === 'be') return false;
  const { agent, tail } = agentAndTail(toks.slice(w[by + 1], toks.length - 1));
  if (firstComma >= 0 && (!tail.length || firstComma < toks.length - 1 - tail.length)) return false;
  // Nor a second predicate of the subject after the agent's phrase ("was stolen by Peruggia in 1911
  // and was recovered two years later"): the active would give it to the agent.
  for (let n = w[by + 1]; n < toks.length - 1; n++) {
    if (toks[n].kind !== 'word' || !/^(?:and|but)$/.test(keyOf(toks[n]))) continue;
    const after = nextIndex(toks, n);
    if (after >= 0 && SECOND_PREDICATE.has(keyOf(toks[after]))) return false;
  }
  const agentWordToks = agent.filter((t) => t.kind === 'word' || t.kind === 'placeholder');
  const agentWords = agentWordToks.length;
  if (agentWords < 1 || agentWords > 6) return false;
  const a0 = agent[0];
  const a0k = a0.kind === 'word' ? keyOf(a0) : '#';
  if (a0.kind === 'placeholder' || NOT_AGENTS.has(a0k) || /ing$/.test(a0k)) return false;
  // The head of "a robust analysis of the options" is "analysis": the verb agrees with it, not
  // with the noun after "of" ("A robust analysis of the options inform" was no English).
  const agentOf = agentWordToks.findIndex((t, n) => n > 0 && t.kind === 'word' && keyOf(t) === 'of');
  const agentHead = keyOf(agentOf > 0 ? agentWordToks[agentOf - 1] : agent[agent.length - 1]);
  // An agent that ends in "Inc." or "Ltd." ends the sentence with its abbreviation's full stop,
  // which moving it to the front would leave behind ("Acme Inc processes payments.").
  if (closingAbbreviation(toks, toks.length - 1)) return false;
  if (PLACES.has(agentHead) || NOT_AGENTS.has(agentHead) || TIMES.has(agentHead) || MEASURES.has(agentHead))
    return false;
  // "by the end of the year", "by the time …", "by Monday", "by March": a deadline, not a doer
  // ("by a majority of one" a measure); and the agent runs to the
  // sentence's end with no phrase after it ("by Google in 2015" would move "in 2015" with it).
  if (
    agent.some(
      (t) =>
        t.kind === 'word' &&
        (TIMES.has(keyOf(t)) ||
          DATE_WORDS.has(keyOf(t)) ||
          MEASURES.has(keyOf(t)) ||
          (PREPOSITIONS.has(keyOf(t)) && keyOf(t) !== 'of')),
    )
  )
    return false;
  // The agent is a determiner phrase, a name or a plural noun ("researchers"), or an object pronoun.
  const agentPronoun = agentWords === 1 ? OBJECT_TO_SUBJECT[a0k] : undefined;
  if (
    !agentPronoun &&
    !(DETERMINERS.has(a0k) || POSSESSIVES.has(a0k) || NUMBERS.has(a0k) || /^\p{Lu}/u.test(a0.text) || looksPlural(a0k))
  )
    return false;
  // Nor a second verb of the passive ("written by George Orwell and published in 1945", "praised
  // by critics and remains popular"): the agent ends before it, and the active would swallow it.
  for (let n = 1; n < agentWordToks.length; n++) {
    const t = agentWordToks[n];
    if (t.kind === 'word' && isLowerWord(t.text) && baseOfParticiple(keyOf(t)) !== null) return false;
    if (/^(?:and|or)$/.test(keyOf(agentWordToks[n - 1])) && tagsAt(toks, toks.indexOf(t), state.pos).has('Verb'))
      return false;
  }
  // Nor where a verb in -ing after a preposition or a comma leans on the passive's subject ("He was
  // hired by them in 2019, shortly after graduating": the active would have them graduate).
  for (let n = by + 2; n < w.length; n++) {
    const t = toks[w[n]];
    if (t.kind !== 'word' || !/ing$/.test(keyOf(t)) || baseOfGerund(keyOf(t)) === null) continue;
    const before = prevIndex(toks, w[n]);
    if (before >= 0 && (toks[before].text === ',' || GERUND_LEADS.has(keyOf(toks[before])))) return false;
  }
  // The subject: up to six words before the auxiliary.
  const subject = toks.slice(0, w[b]);
  while (subject.length && subject[subject.length - 1].kind === 'space') subject.pop();
  const s0k = keyOf(subject[0]);
  if (/^(?:there|it|what|which|who|this)$/.test(s0k) && b === 1 && s0k !== 'this') return false;
  // Nor a correlative subject ("Not only students but also teachers were affected", "Both …",
  // "Neither …"): put after the verb its opening would stand mid-sentence.
  if (/^(?:not|both|either|neither)$/.test(s0k)) return false;
  if (b > 6) return false;
  // A noun phrase only: no verb of its own ("He treated them well and was respected by …" would
  // make "He treated them well and" the object) and no clause ("The man who sold the car").
  for (let n = 0; n < b; n++) {
    const t = toks[w[n]];
    if (t.kind !== 'word') continue;
    const key = keyOf(t);
    if (CLAUSE_WORDS.has(key) || (n > 0 && tagsAt(toks, w[n], state.pos).has('Verb'))) return false;
  }
  if (/^(?:and|or|but|nor)$/.test(k(b - 1))) return false;
  // A possessive pronoun in the agent that points back to the subject's owner would come before
  // it: "People's behavior is shaped by their values" is no "Their values shape people's behavior".
  if (POSSESSIVES.has(a0k) && subject.some((t) => t.kind === 'word' && /['’]s?$/.test(t.text))) return false;
  // Protected text must keep its order: no placeholder in both the subject and the agent.
  if (placeholderOrder(subject) && placeholderOrder(agent)) return false;
  // The verb, in the auxiliary chain's tense and the agent's number.
  const f = verbForms(base);
  // A company's name is one body, whatever its last word ("Northfield Mills sponsors"); other
  // names in the plural stay plural ("The Rolling Stones perform", "Senate Democrats oppose").
  const agentName =
    agentWords >= 2 && agentWordToks.every((t) => /^\p{Lu}/u.test(t.text)) && COMPANY_WORDS.has(agentHead);
  const agentPlural = agentPronoun
    ? agentPronoun === 'they' || agentPronoun === 'we' || agentPronoun === 'I'
    : !agentName && looksPlural(agentHead);
  let verb: Tok[];
  const why = REASONS.active;
  if (MODALS.has(aux)) verb = [tok(aux, 'word', why), tok(' ', 'space', why), tok(f.base, 'word', why)];
  else if (aux === 'has' || aux === 'have' || aux === 'had') {
    aux = aux === 'had' ? 'had' : agentPlural ? 'have' : 'has';
    verb = [tok(aux, 'word', why), tok(' ', 'space', why), tok(f.pp, 'word', why)];
  } else if (aux === 'was' || aux === 'were') verb = [tok(f.past, 'word', why)];
  else verb = [tok(agentPlural ? f.base : f.s3, 'word', why)];
  // The adverb goes where it stood, after the auxiliary ("has been dramatically influenced by" →
  // "has dramatically influenced"), or before a lone verb ("was quickly defeated" → "quickly defeated").
  if (adverb >= 0) {
    const at = verb.length > 1 ? 2 : 0;
    verb = [...verb.slice(0, at), { ...toks[w[adverb]] }, tok(' ', 'space', why), ...verb.slice(at)];
  }
  if (particle) verb = [...verb, tok(' ', 'space', why), { ...particle }];
  // New subject (the agent), capitalised; new object (the old subject), in object case.
  const newSubject: Tok[] = agentPronoun
    ? [tok(agentPronoun === 'I' ? 'I' : capitalize(agentPronoun), 'word', why)]
    : [{ ...a0, text: capitalize(a0.text), reason: why }, ...agent.slice(1)];
  let object: Tok[];
  if (subject.length === 1 && SUBJECT_TO_OBJECT[s0k]) object = [tok(SUBJECT_TO_OBJECT[s0k], 'word', why)];
  else {
    const first = subject[0];
    // A possessive is looked up by its owner: "People's behavior" → "people" (not "peoples").
    const owner = keyOf(first).replace(/['’]s$/u, '');
    const lower =
      first.kind === 'word' &&
      !properInLexicon(owner) &&
      (DETERMINERS.has(keyOf(first)) ||
        POSSESSIVES.has(keyOf(first)) ||
        (first.text !== first.text.toUpperCase() &&
          (lowerSomewhere(state, owner) ||
            lexiconHas(owner, 'Plural') ||
            lexiconHas(owner, 'Singular') ||
            ABSTRACT_NOUN_ENDING.test(owner))));
    // A capital the text cannot vouch for: a word the lexicon knows as neither a name nor a noun,
    // written nowhere in lower case ("Penicillin was discovered by Fleming"), may be a name or a
    // common noun, and mid-sentence either way of writing it may be wrong: the passive stays.
    if (!lower && first.kind === 'word' && !properInLexicon(owner) && !/^\p{Lu}[\p{Lu}\d]+$/u.test(first.text))
      return false;
    // Only the capital goes: the word keeps its own apostrophe ("People’s" → "people’s").
    object = [
      lower ? { ...first, text: first.text.charAt(0).toLowerCase() + first.text.slice(1), reason: why } : first,
      ...subject.slice(1),
    ];
  }
  toks.splice(
    0,
    toks.length,
    ...newSubject,
    tok(' ', 'space', why),
    ...verb,
    tok(' ', 'space', why),
    ...object,
    ...(tail.length ? [tok(' ', 'space', why), ...tail] : []),
    tok('.', 'punctuation', why),
  );
  forget(state.pos, toks);
  return true;
}
