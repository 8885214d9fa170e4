/**
 * Sentence rhythm: long sentences split at safe joints, short neighbours that share a subject
 * or referent joined, and openings varied by moving a fronted "By …ing" or "In order to …"
 * phrase after the main clause, or by making a concessive "While …," or "Although …," the main clause. Human prose mixes short and long sentences and rarely opens
 * several in a row the same way; an editor gets there by splitting what is overlong and joining
 * what belongs together — never unrelated sentences.
 */
import {
  commaThenVerb,
  hasFiniteVerb,
  independentClause,
  leftClauseOk,
  listBefore,
  mainTense,
  opensWithoutSubject,
  type Tense,
} from './clauses';
import { NUMBER_WORDS } from './guard';
import { baseOfGerund, verbForms } from './inflect';
import { canBeVerb, finiteInLexicon, lexiconHas, properInLexicon, tagsAt } from './pos';
import { REASONS } from './reasons';
import { formalMode, type ReviseState } from './state';
import {
  capitalize,
  firstContentIndex,
  isAbbreviationBefore,
  isCapitalized,
  isLowerWord,
  keyOf,
  nextIndex,
  openingWord,
  placeholderOrder,
  prevIndex,
  tok,
  wordCount,
  type Sentence,
  type Tok,
  withinHas,
  withRemovedBefore,
} from './tokens';
import {
  A_AN,
  BE_FORMS,
  DETERMINERS,
  FINITE_AUX,
  SAYING_VERBS,
  LIMITERS,
  MODALS,
  OBJECT_PRONOUNS,
  POSSESSIVES,
  PREPOSITIONS,
  SUBJECT_PRONOUNS,
  isNegation,
  looksPlural,
  set,
  PEOPLE,
} from './wordsets';

/** Verbs after ", which" that make the clause a comment on the whole statement before it. */
const WHICH_CLAUSE = set(
  'means meant makes made leads led allows allowed helps helped results resulted explains explained shows showed suggests suggested reflects reflected creates created gives gave causes caused contributes contributed',
);
/**
 * Words that ward off what follows them ("to avoid overgrazing", "without sleep"): a comment
 * clause after them speaks of that thing, not of the statement. Not a plain negation or "fewer"
 * ("have fewer duties, which allows them …": the statement allows it).
 */
const WARDED_OFF = set(
  'avoid avoids avoided avoiding prevent prevents prevented preventing reduce reduces reduced reducing limit limits limited limiting minimize minimizes minimized minimizing minimise minimises minimised minimising stop stops stopped stopping curb curbs curbed curbing lower lowers lowered lowering lessen lessens lessened combat combats combating fight fights fought fighting tackle tackles tackled tackling eliminate eliminates eliminated eliminating decrease decreases decreased decreasing mitigate mitigates mitigated mitigating cut cuts cutting without',
);
/**
 * The same verbs after a modal or a singular perfect (", which can lead to …", ", which has
 * allowed …"): "This" takes the auxiliary as it stands. Not "have", whose subject is plural.
 */
const WHICH_AUX = set('can could may might will would has had');
const WHICH_AFTER_AUX = set(
  'mean meant make made lead led allow allowed help helped result resulted explain explained show shown suggest suggested reflect reflected create created give given cause caused contribute contributed',
);

interface Joint {
  /** Index of the ',' or ';' token. */
  at: number;
  /** Index of the first token of the second clause. */
  rest: number;
  conj: 'and' | 'but' | 'so' | 'yet' | ';' | 'ing' | 'which';
  /** For 'ing': the participle's entry. */
  participle?: Participle;
}

/**
 * Participles that, after a comma at the end of a clause, state what the whole clause brings
 * about or shows ("The dam broke, causing floods"): such a tail can become a sentence of its own
 * with "This" as subject ("The dam broke. This caused floods."). `next`: the word that must
 * follow; `evidential`: the participle can also describe what a person subject does ("She
 * smiled, showing her teeth"), so the split is made only when the subject is not a person
 * (not a personal pronoun or a name).
 */
interface Participle {
  base: string;
  next?: ReadonlySet<string>;
  /**
   * A word that must come within the next six: what is let or made to happen ("allowing us to
   * test", "allowing for error"); "… an encouraging outing, allowing one run on four hits" is
   * what the pitcher did, not a result.
   */
  within?: ReadonlySet<string>;
  evidential?: boolean;
}
// Not "a"/"an": "making a choice", "making a fatal mistake" make the thing itself ("This makes a
// choice" would hand the choice to the clause before).
const OBJECTS_OF_MAKING = set('it them him her us readers people the this these those life things everything');
const PARTICIPLES = new Map<string, Participle>([
  ['causing', { base: 'cause' }],
  ['leading', { base: 'lead', next: set('to') }],
  ['resulting', { base: 'result', next: set('in') }],
  ['prompting', { base: 'prompt' }],
  ['sparking', { base: 'spark' }],
  ['triggering', { base: 'trigger' }],
  ['allowing', { base: 'allow', within: set('to for') }],
  ['enabling', { base: 'enable', within: set('to') }],
  ['forcing', { base: 'force', within: set('to') }],
  ['making', { base: 'make', next: OBJECTS_OF_MAKING }],
  // After a person, what they meant to make sure of ("She checked it once more, ensuring it would
  // impress the judges"), which "This ensured …" would report as done.
  ['ensuring', { base: 'ensure', evidential: true }],
  ['contributing', { base: 'contribute', next: set('to') }],
  ['paving', { base: 'pave', next: set('the') }],
  ['setting', { base: 'set', next: set('the') }],
  ['giving', { base: 'give', next: set('rise') }],
  ['fueling', { base: 'fuel' }],
  ['fuelling', { base: 'fuel' }],
  ['creating', { base: 'create', evidential: true }],
  ['generating', { base: 'generate' }],
  ['raising', { base: 'raise', next: set('questions concerns doubts awareness') }],
  ['highlighting', { base: 'highlight', evidential: true }],
  ['underscoring', { base: 'underscore', evidential: true }],
  ['emphasizing', { base: 'emphasize', evidential: true }],
  ['emphasising', { base: 'emphasise', evidential: true }],
  ['stressing', { base: 'stress', evidential: true }],
  // Not before "a", "an": "The door swung open, showing a room" uncovers a thing.
  ['showing', { base: 'show', evidential: true, next: set('that how what why the its their his her this these') }],
  ['demonstrating', { base: 'demonstrate', evidential: true }],
  ['illustrating', { base: 'illustrate', evidential: true }],
  ['reflecting', { base: 'reflect', evidential: true }],
  // Only what a finding reveals ("revealing that …", "revealing how …"): "The door swung open,
  // revealing the room" uncovers a thing, and "This revealed the room" reads as a report.
  ['revealing', { base: 'reveal', evidential: true, next: set('that how what why whether') }],
  ['suggesting', { base: 'suggest', evidential: true }],
  ['indicating', { base: 'indicate', evidential: true }],
  ['signaling', { base: 'signal', evidential: true }],
  ['signalling', { base: 'signal', evidential: true }],
  ['symbolizing', { base: 'symbolize', evidential: true }],
  ['symbolising', { base: 'symbolise', evidential: true }],
  ['mirroring', { base: 'mirror', evidential: true }],
  ['echoing', { base: 'echo', evidential: true }],
  ['reinforcing', { base: 'reinforce', evidential: true }],
  ['marking', { base: 'mark', evidential: true }],
  ['proving', { base: 'prove', evidential: true, next: set('that the a an its their his her this these') }],
  ['exemplifying', { base: 'exemplify', evidential: true }],
  [
    'reminding',
    { base: 'remind', evidential: true, next: set('us readers people them everyone you viewers audiences') },
  ],
  ['adding', { base: 'add', evidential: true, next: set('to a an depth') }],
]);
/** Participles of standing for something, which a thing does more often than a whole clause. */
const STANDS_FOR = set('symbolizing symbolising mirroring echoing reflecting');
/** Words before the participle that "This" makes redundant (", thereby causing" → ". This causes"). */
const LINK_ADVERBS = set('thereby thus');
/** Sentence openings after which the subject is not a person ("The", "In the novel, …", "Its"). */
const IMPERSONAL_STARTS = set(
  'the this these that those its their his her our my your a an in on at by with for through as when while although though despite after before during from over under since because if each every such both all many most some',
);

/** Where "not only" (or "not just", "not merely") stands in the sentence, or -1. */
function correlativeNotAt(toks: readonly Tok[]): number {
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].kind !== 'word' || keyOf(toks[i]) !== 'not') continue;
    const n = nextIndex(toks, i);
    if (n >= 0 && LIMITERS.has(keyOf(toks[n]))) return i;
  }
  return -1;
}

function findJoints(toks: readonly Tok[], allowAnd: boolean, allowBut: boolean, allowIng = false): Joint[] {
  const out: Joint[] = [];
  let semicolons = 0;
  for (const t of toks) if (t.kind === 'punctuation' && t.text === ';') semicolons++;
  // "not only X, but (it also) Y" is one thought: its "but" is never a place to split, and after
  // "not only" no joint is ("Helen did not only deliver …; she also trained …" would leave a
  // broken claim; "It is not just a hobby; it is a discipline" may split at its ";").
  const notOnly = correlativeNotAt(toks);
  const onlyAt = notOnly >= 0 && keyOf(toks[nextIndex(toks, notOnly)]) === 'only' ? notOnly : -1;
  for (let i = 1; i + 2 < toks.length; i++) {
    const t = toks[i];
    if (t.kind !== 'punctuation') continue;
    if (onlyAt >= 0 && onlyAt < i) break;
    if (toks[i + 1].text !== ' ') continue;
    if (t.text === ';' && semicolons === 1) {
      out.push({ at: i, rest: i + 2, conj: ';' });
    } else if (t.text === ',') {
      const c = toks[i + 2];
      if (c.kind !== 'word' || toks[i + 3]?.text !== ' ') continue;
      const k = keyOf(c);
      if (k === 'but' && notOnly >= 0 && notOnly < i) continue;
      // ", so they can decide" is a purpose ("so that"), not a result: "So they can decide." would
      // make it one. A subject and a modal after "so" keep the sentence whole.
      if (k === 'so' && purposeSo(toks, i + 4)) continue;
      if ((k === 'and' && allowAnd) || ((k === 'but' || k === 'so' || k === 'yet') && allowBut))
        out.push({ at: i, rest: i + 4, conj: k });
      else if (k === 'which' && allowIng) {
        // ", which means …", ", which is why …": the clause refers to the whole statement before it.
        const n1 = toks[i + 4];
        const n2 = toks[i + 6];
        const k1 = n1?.kind === 'word' ? keyOf(n1) : '';
        const k2 = n2?.kind === 'word' ? keyOf(n2) : '';
        if (WHICH_CLAUSE.has(k1) || (k1 === 'is' && k2 === 'why') || (WHICH_AUX.has(k1) && WHICH_AFTER_AUX.has(k2)))
          out.push({ at: i, rest: i + 2, conj: 'which' });
      } else if (allowIng) {
        // ", causing …", ", thereby causing …"
        let v = i + 2;
        if (LINK_ADVERBS.has(k) && toks[v + 2]?.kind === 'word') v += 2;
        const vt = toks[v];
        const part = vt && vt.kind === 'word' && isLowerWord(vt.text) ? PARTICIPLES.get(keyOf(vt)) : undefined;
        if (!part || toks[v + 1]?.text !== ' ') continue;
        const nx = toks[v + 2];
        if (!nx || (nx.kind !== 'word' && nx.kind !== 'placeholder')) continue;
        if (part.next && !part.next.has(keyOf(nx))) continue;
        if (part.within && !withinHas(toks, v, 1, { n: 6, in: part.within })) continue;
        out.push({ at: i, rest: v, conj: 'ing', participle: part });
      }
    }
  }
  return out;
}

/** After `from`, "and", "but", "or" or "yet" followed by a word in -ing (adverbs between aside). */
function coordinatedParticiple(toks: readonly Tok[], from: number): boolean {
  for (let i = from; i < toks.length; i++) {
    if (toks[i].kind !== 'word' || !/^(?:and|but|or|yet)$/.test(keyOf(toks[i]))) continue;
    let n = nextIndex(toks, i);
    while (n >= 0 && toks[n].kind === 'word' && keyOf(toks[n]).endsWith('ly')) n = nextIndex(toks, n);
    if (n >= 0 && toks[n].kind === 'word' && baseOfGerund(keyOf(toks[n])) !== null) return true;
  }
  return false;
}

/** Splits one long sentence at its most central safe joint; returns the parts (one if no split). */
function splitSentence(
  s: Sentence,
  minWords: number,
  minWordsSemicolon: number,
  state: ReviseState,
  nextStartsThis = false,
  nearbyOpeners: ReadonlySet<string> = new Set(),
): Sentence[] {
  const toks = s.toks;
  const n = wordCount(toks);
  if (n < Math.min(minWords, minWordsSemicolon)) return [s];
  const last = toks[toks.length - 1];
  if (!last || last.kind !== 'punctuation' || last.text !== '.') return [s];
  // A condition scopes over every clause after it ("If you cancel …, you get a refund, and the
  // deposit is returned"), and an order with "and" is one ("Add salt, and the flavor will
  // improve"): split off, the second clause would hold without it.
  if (CONDITIONS.has(keyOf(toks[firstContentIndex(toks)] ?? toks[0]))) return [s];
  // Asked only where a ", and" joint is weighed (the tagger's parse of every sentence would cost a
  // third of the run): a capitalised verb opening the sentence, before a lower-case word.
  let orderThenResultMemo: boolean | undefined;
  const orderThenResult = () =>
    (orderThenResultMemo ??=
      isLowerWord(toks[nextIndex(toks, 0)]?.text ?? '') && canBeVerb(keyOf(toks[0])) && imperative(toks, state));
  const colon = toks.findIndex((t) => t.kind === 'punctuation' && t.text === ':');
  let framedMemo: boolean | undefined;
  const isFramed = () => (framedMemo ??= framed(toks, state));
  const allowAnd = !formalMode(state.mode) || state.strength >= 3;
  const allowBut = !formalMode(state.mode);
  // Contrast and consequence (", but", ", so", ", yet") and participle tails split as early as a semicolon does.
  const joints = findJoints(toks, allowAnd && n >= minWords, allowBut && n >= minWordsSemicolon, n >= minWordsSemicolon)
    .filter((j) => (j.conj !== ';' && j.conj !== 'and') || n >= (j.conj === 'and' ? minWords : minWordsSemicolon))
    // So does a time, a cause or a purpose ("Before the new road was built in 1988, supplies came
    // once a week, and the doctor visited twice a month"; "In 1945, Samuel returned home, and Hannah
    // moved"): split off, the second clause would lose its when or its why. A tail ("…, leading to
    // …" → "This led to …") points back to the whole and keeps it.
    .filter((j) => j.conj === 'ing' || j.conj === 'which' || !isFramed())
    // Nor inside what a colon introduces ("I'd put it this way: tests are a flawed tool, but they
    // are one of the few …"): split, the second half would fall outside it.
    .filter((j) => colon < 0 || j.at < colon);
  if (!joints.length) return [s];
  const total = wordCount(toks);
  // A tail ("This led to …") may follow a shorter clause in casual prose, which keeps sentences short.
  const minTailLeft = state.mode === 'casual' ? 6 : 8;
  let best: Joint | null = null;
  let bestScore = Infinity;
  let bestTense: Tense | null = null;
  for (const j of joints) {
    const left = wordCount(toks.slice(0, j.at));
    const right = total - left;
    let tense: Tense | null = null;
    // After an abbreviation's stop ("across the U.S., and doctors …") the sentence would end "U.S..".
    if (toks[prevIndex(toks, j.at)]?.text.endsWith('.')) continue;
    if (j.conj === 'which') {
      if (left < minTailLeft || right < 4) continue;
      if (!leftClauseOk(toks, j.at, state.pos)) continue;
      if (nextStartsThis || startsWithThis(toks)) continue;
      // "… a travel pouch, and a quick-start guide, which explains how to pair them": "which" is
      // the list's last item, and "This explains …" would point at the whole sentence.
      if (listEndsAt(toks, j.at)) continue;
      // "Herds are moved to avoid overgrazing, which can lead to erosion": "which" is the thing
      // avoided, and "This can lead to erosion" would blame the moving.
      if (withinHas(toks, j.at, -1, { n: 8, in: WARDED_OFF }, true)) continue;
      // After a noun "which" may be that noun ("recommended a short book by a Polish economist,
      // which makes a compelling case for …" is the book's case, and "This makes …" would be the
      // recommending): only what a whole event brings about reads as said of it ("which meant",
      // "which led to", "which is why").
      if (afterNounWhichDescribes(toks, j.at, j.rest, state)) continue;
    } else if (j.conj === 'ing') {
      if (left < minTailLeft || right < 4) continue;
      if (!leftClauseOk(toks, j.at, state.pos)) continue;
      if (j.participle!.evidential && !impersonalSubject(toks)) continue;
      // A changelog's line has no subject ("Introduced a new --dry-run flag, allowing you to preview
      // changes"): "This allowed you …" would put a feature that still works in the past.
      if (subjectlessPast(toks, j.at, state)) continue;
      // After a verb of saying the tail is what was said: "The minister spoke for an hour,
      // highlighting the need for reform" is no "This showed the need".
      if (j.participle!.evidential && toks.slice(0, j.at).some((t) => t.kind === 'word' && SAYING_VERBS.has(keyOf(t))))
        continue;
      // "The site features many sculptures, symbolizing …": what stands for or mirrors something
      // is then the plural just before the comma (the sculptures), which "This" would not name.
      if (STANDS_FOR.has(keyOf(toks[j.rest])) && pluralBeforeComma(toks, j.at)) continue;
      // Not "This X. This Y." nor "X. This Y. This Z.": a run of sentences opening with "This".
      if (nextStartsThis || startsWithThis(toks)) continue;
      if (commaThenVerb(toks, j.rest, state.pos)) continue;
      // Nor after a purpose ("were designed to look down on guests, reminding them …"): the tail
      // says what the design meant to do, and "This reminded them" would tell it as done.
      if (
        toks
          .slice(0, j.at)
          .some(
            (t, i) => t.kind === 'word' && keyOf(t) === 'to' && PURPOSE_WORDS.has(keyOf(toks[prevIndex(toks, i)] ?? t)),
          )
      )
        continue;
      // Not ", ensuring consistency but adding latency": a second participle coordinated with the
      // first would be left behind "This ensures … but adding …".
      if (coordinatedParticiple(toks, j.rest)) continue;
      tense = mainTense(toks, j.at, state.pos);
      if (!tense) continue;
      // A past act whose tail says what still holds ("agreed to review the budget, ensuring that
      // spending remains on track"): "This ensured that spending remains" mixes the times.
      if (
        tense === 'past' &&
        keyOf(toks[nextIndex(toks, j.rest)] ?? toks[j.rest]) === 'that' &&
        toks.slice(j.rest).some((t) => t.kind === 'word' && STILL_HOLDS.has(keyOf(t)))
      )
        continue;
      // What a capacity makes a thing is what it is: "Basketball can be played by people of all
      // ages, making it a versatile sport" → "This makes it a versatile sport", not "This can make".
      if ((tense === 'can' || tense === 'may' || tense === 'could') && classifies(toks, j.rest))
        tense = tense === 'could' ? 'past' : 'present';
    } else {
      // A contrast or consequence may follow a short clause ("No one was hurt, but the road closed …").
      const minLeft = j.conj === 'but' || j.conj === 'so' || j.conj === 'yet' ? 4 : 6;
      // Not "… But … But …": a neighbour already opens with this conjunction.
      if (j.conj !== 'and' && nearbyOpeners.has(j.conj)) continue;
      if (left < minLeft || right < 5) continue;
      if (j.conj === 'and' && listBefore(toks, j.at)) continue;
      // A series of clauses: "You never rushed us, you explained every decision …, and you always
      // made …" — cut at its last "and", the clauses before are left joined by a comma alone.
      if (j.conj === 'and' && clauseSeriesBefore(toks, j.at, j.rest)) continue;
      // The part since the comma before has no verb: the ", and" closes a list of longer phrases
      // ("…, the weakening of local newspapers in small towns, and the steady decline …").
      if (j.conj === 'and' && verblessSinceComma(toks, j.at, state)) continue;
      // "Add salt, and the flavor will improve": the order is the result's condition.
      if (j.conj === 'and' && withinHas(toks, j.rest, 1, { n: 6, in: RESULT_MODALS }) && orderThenResult()) continue;
      if ((j.conj === 'but' || j.conj === 'yet') && correction(toks, j.at, j.rest)) continue;
      if (!independentClause(toks, j.rest, toks.length, state.pos)) continue;
      if (!leftClauseOk(toks, j.at, state.pos, minLeft)) continue;
    }
    // Very long sentences are halved; others give a short sentence next to a longer one.
    const score = total >= 40 ? Math.abs(left - right) : Math.min(left, right);
    if (score < bestScore) {
      best = j;
      bestScore = score;
      bestTense = tense;
    }
  }
  if (!best) return [s];
  const leftToks = toks.slice(0, best.at);
  const restToks = toks.slice(best.rest);
  const first = restToks[0];
  const why = REASONS.split;
  const pointer = best.conj === 'ing' || best.conj === 'which' ? splitPointer(state) : '';
  let right: Tok[];
  if (best.conj === 'ing') {
    const f = verbForms(best.participle!.base);
    right = [
      tok(pointer, 'word', why),
      tok(' ', 'space', why),
      ...(bestTense === 'past' || bestTense === 'present'
        ? [tok(bestTense === 'past' ? f.past : f.s3, 'word', why)]
        : [tok(bestTense!, 'word', why), tok(' ', 'space', why), tok(f.base, 'word', why)]),
      ...restToks.slice(1),
    ];
  } else if (best.conj === 'which') {
    right = [tok(pointer, 'word', why), ...restToks.slice(1)];
  } else if (best.conj === 'but' || best.conj === 'so' || best.conj === 'yet') {
    right = [tok(capitalize(best.conj), 'word', why), tok(' ', 'space', why), ...restToks];
  } else {
    right = [tok(capitalize(first.text), 'word', why), ...restToks.slice(1)];
  }
  const origin = s.origin ?? ++state.origins;
  const a: Sentence = { toks: [...leftToks, tok('.', 'punctuation', why)], gap: ' ', origin };
  const b: Sentence = { toks: right, gap: s.gap, origin };
  // A very long half may split again.
  const openers = best.conj === 'and' ? nearbyOpeners : new Set([...nearbyOpeners, best.conj]);
  return [
    ...splitSentence(a, minWords, minWordsSemicolon, state, startsWithThis(b.toks), openers),
    ...splitSentence(b, minWords, minWordsSemicolon, state, nextStartsThis, openers),
  ];
}

/**
 * The words before toks[at] close a list of things: ", and a quick-start guide" (up to six words
 * back, an article or a possessive in the last item; "…, and exciting" closes a description).
 */
function listEndsAt(toks: readonly Tok[], at: number): boolean {
  let words = 0;
  let determined = false;
  for (let i = prevIndex(toks, at); i >= 0 && words < 6; i = prevIndex(toks, i)) {
    if (toks[i].kind === 'punctuation') return false;
    words++;
    const k = keyOf(toks[i]);
    if ((k === 'and' || k === 'or') && toks[prevIndex(toks, i)]?.text === ',') return determined;
    if (DETERMINERS.has(k) || POSSESSIVES.has(k)) determined = true;
  }
  return false;
}

/**
 * "The treasure was not gold, but the memories we made": after a negation, "but" may bring the
 * noun phrase that replaces what was denied, not a clause of its own — split only when a subject
 * pronoun opens what follows ("It is not cheap, but it lasts").
 */
function correction(toks: readonly Tok[], at: number, rest: number): boolean {
  const negated = toks.slice(0, at).some((t) => t.kind === 'word' && /^(?:not|never|\w*n['’]t)$/.test(keyOf(t)));
  const next = toks[rest];
  return negated && !(next?.kind === 'word' && (SUBJECT_PRONOUNS.has(keyOf(next)) || keyOf(next) === 'there'));
}

const MADE_OBJECTS = set('it them him her us you me this these');
/** "making it a …", "making them an …": the tail names what the subject is. */
function classifies(toks: readonly Tok[], participle: number): boolean {
  if (keyOf(toks[participle]) !== 'making') return false;
  const object = nextIndex(toks, participle);
  const after = object >= 0 ? nextIndex(toks, object) : -1;
  return (
    object >= 0 && after >= 0 && MADE_OBJECTS.has(keyOf(toks[object])) && /^(?:a|an|the|one)$/.test(keyOf(toks[after]))
  );
}

export function startsWithThis(toks: readonly Tok[]): boolean {
  const w = openingWord(toks);
  return w === 'this' || w === 'these' || w === 'that';
}

/**
 * The word that opens the second half of a split tail (", making it easy" → "This makes it
 * easy"): in standard and casual prose "This" and "That" take turns through the document, as a
 * writer varies them ("This makes … That leads …"); formal, academic and concise prose keep "This".
 */
function splitPointer(state: ReviseState): string {
  if (state.mode !== 'standard' && state.mode !== 'casual') return 'This';
  const n = state.counters.get(SPLIT_POINTER) ?? 0;
  state.counters.set(SPLIT_POINTER, n + 1);
  return n % 2 === 0 ? 'This' : 'That';
}
const SPLIT_POINTER = 'split:pointer';

/** Between the comma before toks[at] and it, no verb: a list item, not a clause. */
function verblessSinceComma(toks: readonly Tok[], at: number, state: ReviseState): boolean {
  const comma = toks.findLastIndex((t, i) => i < at && t.kind === 'punctuation' && t.text === ',');
  return comma >= 0 && !hasFiniteVerb(toks, comma + 1, at, state.pos);
}

/** The word before the comma at `at` is a plural noun ("landforms", "children"). */
function pluralBeforeComma(toks: readonly Tok[], at: number): boolean {
  const w = prevIndex(toks, at);
  return w >= 0 && toks[w].kind === 'word' && looksPlural(keyOf(toks[w]));
}

/** The subject is not a person: the sentence opens with a determiner, a preposition, a possessive ("Emily's novel"), … */
function impersonalSubject(toks: readonly Tok[]): boolean {
  const fi = firstContentIndex(toks);
  if (fi < 0 || toks[fi].kind !== 'word') return false;
  const k = keyOf(toks[fi]);
  const n = nextIndex(toks, fi);
  if ((DETERMINERS.has(k) || POSSESSIVES.has(k)) && n >= 0 && PEOPLE.has(keyOf(toks[n]))) return false;
  return IMPERSONAL_STARTS.has(k) || /['’]s$/.test(toks[fi].text);
}

/** After toks[from], a comma is followed by a finite verb: the participle clause is parenthetical ("The storm, causing floods, hit …"). */

// ---------------------------------------------------------------------------------------------
// Joins: only sentences that share a subject or a referent.

/** Nouns whose plural does not end in -s, and -s words that are singular. */

interface Subject {
  /** Index of the first token after the subject (its verb). */
  verb: number;
  pronoun: string | null;
  plural: boolean;
  /** A name ("Maria", "Dr Lee"), or a capitalised word that may be one: "it" may not refer to it. */
  name: boolean;
  /** A name the lexicon knows as one ("Maria", "Tom"): "he" or "she" may refer to it; a word that
   * only opens the sentence ("Schools use …. He remained silent") may not. */
  person: boolean;
  /** The subject's head word ("patient" in "The patient was given …"), or its pronoun. */
  head: string;
}

function isFiniteVerbAt(toks: readonly Tok[], i: number, state: ReviseState): boolean {
  const t = toks[i];
  if (!t || t.kind !== 'word' || !isLowerWord(t.text)) return false;
  const k = keyOf(t);
  if (FINITE_START.has(k) || finiteInLexicon(k)) return true;
  // A word that is no verb even after "they" ("This framework …") needs no parse of its sentence;
  // one in -s may be a verb the frame misreads as a plural ("they shows"), so the tagger decides.
  if (!k.endsWith('s') && !canBeVerb(k)) return false;
  const tags = tagsAt(toks, i, state.pos);
  return tags.has('Verb') && (tags.has('PresentTense') || tags.has('PastTense')) && !tags.has('Gerund');
}
const FINITE_START = set(
  "is are was were has have had do does did can could will would shall should may might must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't can't couldn't won't wouldn't shouldn't also still often always never",
);
const ADVERBS_BEFORE_VERB = set(
  'now also still often always never then soon already just even only sometimes finally usually once',
);
const CLAUSE_STOP = set('and or but that which who whose when while if because');
/** Articles and possessives: a noun phrase goes on after them (not "this", "some"…: "This shows …"). */
const NOUN_PHRASE_START = set('a an the my your his her its our their');

/** The subject of a plain statement: a pronoun, or up to four words (no preposition) before its finite verb. */
function subjectOf(toks: readonly Tok[], state: ReviseState): Subject | null {
  const fi = firstContentIndex(toks);
  if (fi !== 0 || toks[0].kind !== 'word') return null;
  const k = keyOf(toks[0]);
  const n1 = nextIndex(toks, 0);
  if (SUBJECT_PRONOUNS.has(k) || k === 'i') {
    // "It now lends …": an adverb may stand between the pronoun and its verb (it goes with the verb).
    let v = n1;
    if (
      v >= 0 &&
      toks[v].kind === 'word' &&
      (ADVERBS_BEFORE_VERB.has(keyOf(toks[v])) || /[a-z]ly$/.test(keyOf(toks[v])))
    )
      v = nextIndex(toks, v);
    if (v < 0 || !isFiniteVerbAt(toks, v, state)) return null;
    return { verb: n1, pronoun: k, plural: k === 'they' || k === 'we', name: false, person: false, head: k };
  }
  // Up to nine words before the verb; the head is the last word before a preposition ("the
  // library on the corner" → library).
  let i = 0;
  let words = 0;
  let last = '';
  let inPhrase = false;
  let prev = '';
  while (i >= 0 && words < 10) {
    const t = toks[i];
    if (t.kind !== 'word' && t.kind !== 'placeholder') return null;
    // The word after an article or a possessive heads or modifies a noun ("The results are …"):
    // no verb, and no need to ask the tagger, which parses the whole sentence.
    if (words > 0 && !NOUN_PHRASE_START.has(prev) && isFiniteVerbAt(toks, i, state)) break;
    const k = keyOf(t);
    prev = k;
    if (CLAUSE_STOP.has(k)) return null;
    if (PREPOSITIONS.has(k)) {
      if (words === 0) return null;
      inPhrase = true;
    } else if (!inPhrase) last = k;
    words++;
    i = nextIndex(toks, i);
  }
  if (i < 0 || words === 0 || words >= 10 || !last) return null;
  const plural = looksPlural(last);
  // A one-word capitalised subject that is not a determiner is a name ("Maria", "Google").
  const name = words === 1 && isCapitalized(toks[0].text) && (properInLexicon(k) || !DETERMINERS.has(k));
  if (words > 1 && !DETERMINERS.has(k) && !isCapitalized(toks[0].text)) return null;
  return { verb: i, pronoun: null, plural, name, person: name && !plural && properInLexicon(k), head: last };
}

const EXPLETIVE_VERBS = set(
  'seems seemed appears appeared turns turned remains remained follows matters mattered gets got',
);

/**
 * "It is essential to rest.", "It seems that …": an "it" that stands for what follows, not for
 * anything before it, so it shares no referent with the sentence before.
 */
function expletiveIt(toks: readonly Tok[]): boolean {
  const ws = toks.filter((t) => t.kind === 'word').map(keyOf);
  // An adverb may stand between ("It truly matters that …", "It really gets confusing").
  if (/ly$/.test(ws[1] ?? '') || ws[1] === 'still' || ws[1] === 'also') ws.splice(1, 1);
  if (EXPLETIVE_VERBS.has(ws[1])) return true;
  if (ws[1] !== 'is' && ws[1] !== 'was' && ws[0] !== "it's") return false;
  // "it is (not / also / very) ADJ to …", "… ADJ that …"
  return ws.slice(2, 6).some((w, i, rest) => i > 0 && (w === 'to' || w === 'that') && /^[a-z]+$/.test(rest[i - 1]));
}

/** Does pronoun `p` (opening the second sentence) refer to the subject `a` of the first? */
function refersTo(p: string, a: Subject): boolean {
  if (a.pronoun) return a.pronoun === p;
  if (p === 'they') return a.plural;
  // A person is no "it": "The patient was given morphine. It relieved the pain" speaks of the drug.
  if (p === 'it') return !a.plural && !a.name && !PEOPLE.has(a.head);
  if (p === 'he' || p === 'she') return a.person;
  return false;
}

/** Verb forms that agree with a plural subject only. */
const PLURAL_VERB_FORMS = set("are were have do aren't weren't haven't don't");
/** Words that give a sentence a contrast or a reason of its own, which a join would run on. */
const OWN_TURN = set('but yet so because although though');

/** Verbs that say what a whole event brought about, which ", which" may take after a noun. */
const EFFECT_VERBS = set(
  'caused causes led leads meant means made makes helped helps shocked shocks surprised surprises angered sparked sparks prompted prompts resulted results raised raises drew forced forces allowed allows gave gives left created creates brought brings cost costs saved saves',
);
const MAKE_FORMS = set('make makes made');
/** Nouns of time, which a pronoun does not stand for. */
const TIME_NOUNS = set(
  'spring summer autumn fall winter year years month months week weeks day days night nights morning evening time times decade century weekend',
);
/** Words that set a clause in a time of its own ("when I was nine"). */
const OWN_TIME = set('when while after before until since');
/** Plurals in form that stand as one mass, which "it" may name ("the data"). */
const MASS_PLURALS = set('data media news information');
/** What a whole event brings about, said by the verb after a ", which" ("which meant", "which led to"). */
const EVENT_RESULTS = set(
  'means meant leads led results resulted causes caused mean lead result cause contributes contributed contribute allows allowed allow enables enabled enable helps helped help ensures ensured ensure',
);

/**
 * The ", which" at toks[comma] follows a noun, and its verb (at toks[which] on) may describe that
 * noun rather than the whole sentence: anything but a result of the event or "is why".
 */
function afterNounWhichDescribes(toks: readonly Tok[], comma: number, which: number, state: ReviseState): boolean {
  const last = prevIndex(toks, comma);
  if (last < 0 || toks[last].kind !== 'word' || !tagsAt(toks, last, state.pos).has('Noun')) return false;
  let v = nextIndex(toks, which);
  if (v >= 0 && WHICH_AUX.has(keyOf(toks[v]))) v = nextIndex(toks, v);
  // An adverb before the verb ("which ultimately led to"): the verb decides.
  if (v >= 0 && /[a-z]ly$/.test(keyOf(toks[v]))) v = nextIndex(toks, v);
  if (v < 0) return false;
  // "which has made life hard" is what the event did; "which makes a compelling case" what the noun does.
  const o = nextIndex(toks, v);
  if (MAKE_FORMS.has(keyOf(toks[v])) && o >= 0 && !A_AN.has(keyOf(toks[o]))) return false;
  return !EVENT_RESULTS.has(keyOf(toks[v])) && !isWhy(toks, v);
}

/** "is why", "was why": the reason the whole sentence before gives. */
function isWhy(toks: readonly Tok[], v: number): boolean {
  const n = nextIndex(toks, v);
  return BE_FORMS.has(keyOf(toks[v])) && n >= 0 && keyOf(toks[n]) === 'why';
}

/** The verb is "be" (a contracted "they're" too): the sentence describes, it does not act. */
function describesAgain(verb: Tok | undefined): boolean {
  return !!verb && (BE_FORMS.has(keyOf(verb)) || /['’]re$/.test(keyOf(verb)));
}

/** A plain statement ending in a full stop, with no clause punctuation inside. */
function plainStatement(s: Sentence, maxWords: number): boolean {
  const toks = s.toks;
  const last = toks[toks.length - 1];
  if (!last || last.kind !== 'punctuation' || last.text !== '.' || isAbbreviationBefore(toks, toks.length - 1))
    return false;
  if (wordCount(toks) > maxWords) return false;
  for (let i = 0; i < toks.length - 1; i++) {
    const t = toks[i];
    if (t.kind === 'punctuation' && /[,;:()"“”—–]/.test(t.text)) return false;
  }
  return true;
}

/**
 * Joins two neighbours that share a subject or a referent:
 * - "The app is fast. It uses little memory." → "The app is fast and uses little memory." (both
 *   short), or "…, and it uses …" (longer);
 * - "The bridge closed. This caused long delays." → "The bridge closed, which caused long delays."
 */
/** Nouns a teaser question names before its answer ("The result? A leaner team."). */
const TEASER_NOUNS = set(
  'result results answer catch kicker secret key part news line outcome reason twist takeaway upshot verdict lesson trick solution downside upside payoff problem',
);
const TEASER_DETERMINERS = set('the its our my your their his her');
/**
 * "The result? A more resilient supply chain." → "The result is a more resilient supply chain.";
 * "The catch? It costs more." → "The catch is that it costs more." The question a chat model
 * asks itself to stage its next sentence, said as one statement. Only a question of a determiner,
 * at most one modifier and a noun of that kind, before a statement in the same paragraph.
 */
function teaserQuestion(a: Sentence, b: Sentence, state: ReviseState): Sentence | null {
  const qa = a.toks.filter((t) => t.kind !== 'space');
  if (qa.length < 3 || qa.length > 4 || qa[qa.length - 1].text !== '?') return null;
  if (!qa.slice(0, -1).every((t) => t.kind === 'word' && isLowerWord(t.text.toLowerCase()))) return null;
  const noun = keyOf(qa[qa.length - 2]);
  if (!TEASER_DETERMINERS.has(keyOf(qa[0])) || !TEASER_NOUNS.has(noun)) return null;
  const last = b.toks.findLast((t) => t.kind !== 'space');
  const head = b.toks[0];
  if (!last || !/^[.!]$/.test(last.text) || !head || head.kind !== 'word' || wordCount(b.toks) > 30) return null;
  if (b.toks.some((t) => t.kind === 'punctuation' && t.text === '?')) return null;
  const why = REASONS.join;
  const hk = keyOf(head);
  // The answer's first word loses its capital unless it is a name ("The winner? Bob.").
  const name =
    hk === 'i' || /^[A-Z]{2,}/.test(head.text) || properInLexicon(hk) || tagsAt(b.toks, 0, state.pos).has('ProperNoun');
  const first: Tok = name ? head : { ...head, text: head.text.toLowerCase(), reason: why };
  const verb = noun.endsWith('s') && noun !== 'news' ? 'are' : 'is';
  const joint = [tok(' ', 'space', why), tok(verb, 'word', why), tok(' ', 'space', why)];
  // An instruction is what to do: "The bottom line? Prioritize sleep." → "The bottom line is to
  // prioritize sleep." An answer with a verb of its own is a clause: "is that …"; a phrase is the
  // complement itself.
  if (!name && imperative(b.toks, state)) joint.push(tok('to', 'word', why), tok(' ', 'space', why));
  else if (
    !gerundPhrase(b.toks, state) &&
    ((hasFiniteVerb(b.toks, 0, b.toks.length, state.pos) && !phraseWithRelative(b.toks, state)) || verbSecond(b.toks))
  )
    joint.push(tok('that', 'word', why), tok(' ', 'space', why));
  const question = a.toks.slice(0, a.toks.indexOf(qa[qa.length - 1]));
  return { toks: [...question, ...joint, first, ...b.toks.slice(1)], gap: b.gap, joined: true };
}

const RELATIVE_WORDS = set('that which who whom whose where');
/** Words after which a finite verb belongs to a clause inside a phrase, not to the phrase itself. */
const INNER_CLAUSE_OPENERS = new Set([...RELATIVE_WORDS, ...set('whether if when while because')]);
/**
 * A gerund phrase whose only verbs are inside clauses it holds ("Building rituals that foster
 * connection, whether that's coffee or a retreat."): the complement itself, "is building …", not
 * "is that building …" ("Building rituals takes time." has a verb of its own, and is a clause).
 */
function gerundPhrase(toks: readonly Tok[], state: ReviseState): boolean {
  if (toks[0]?.kind !== 'word' || baseOfGerund(keyOf(toks[0])) === null) return false;
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i];
    if (t.kind === 'punctuation' && t.text === ',') return true;
    if (t.kind !== 'word') continue;
    if (INNER_CLAUSE_OPENERS.has(keyOf(t))) return true;
    if (hasFiniteVerb(toks, i, i + 1, state.pos)) return false;
  }
  return true;
}
/**
 * A noun phrase whose only verb is in its relative clause ("A faster, leaner app that users
 * love."): no finite verb before the relative word, one after it.
 */
function phraseWithRelative(toks: readonly Tok[], state: ReviseState): boolean {
  const r = toks.findIndex((t, i) => i > 0 && t.kind === 'word' && RELATIVE_WORDS.has(keyOf(t)));
  if (r < 0 || hasFiniteVerb(toks, 0, r, state.pos)) return false;
  // One finite verb after it, the relative clause's own ("that simmers for six hours", "that users
  // love"); after a pronoun subject its verb is the word after the pronoun, and no other may
  // follow ("… that you buy costs more" is a clause).
  const words: number[] = [];
  for (let i = r + 1; i < toks.length; i++) if (toks[i].kind === 'word') words.push(i);
  if (!words.length) return false;
  const finite = words.filter((i) => hasFiniteVerb(toks, i, i + 1, state.pos));
  if (SUBJECT_PRONOUNS.has(keyOf(toks[words[0]]))) return finite.every((i) => i <= (words[1] ?? -1));
  return finite.length === 1;
}

/**
 * The sentence opens with an instruction ("Prioritize sleep", "Start small"): the tagger's
 * imperative, a verb's bare form, and not a subject before its verb ("Sleep matters more …").
 */
function imperative(toks: readonly Tok[], state: ReviseState): boolean {
  const head = keyOf(toks[0]);
  const tags = tagsAt(toks, 0, state.pos);
  // (The tagger calls a bare verb opening a sentence imperative or infinitive, as its mood takes it.)
  const bare = tags.has('Imperative') || (tags.has('Infinitive') && !tags.has('Noun'));
  if (!bare || verbForms(head).base !== head) return false;
  return !verbSecond(toks);
}

/** The second word is a verb agreeing with the first ("Sleep matters", "Timing is"): a clause. */
function verbSecond(toks: readonly Tok[]): boolean {
  const n = nextIndex(toks, 0);
  if (n < 0 || toks[n].kind !== 'word') return false;
  const k = keyOf(toks[n]);
  return singularVerb(k) || FINITE_AUX.has(k);
}

/** A verb form that agrees only with a singular subject ("is", "has", "helps"). */
function singularVerb(k: string): boolean {
  if (SINGULAR_AUX.has(k)) return true;
  return [k.slice(0, -1), k.slice(0, -2)].some((base) => k.endsWith('s') && verbForms(base).s3 === k);
}
const SINGULAR_AUX = set('is was has does');

/**
 * The word at i is a plural noun. The tagger is asked only about a word that can be one — in -s,
 * or a plural compromise lists ("people", "media") — because a parse costs more than the rest of
 * the join together.
 */
function endsPlural(toks: readonly Tok[], i: number, state: ReviseState): boolean {
  const k = keyOf(toks[i]);
  if (!k.endsWith('s') && !lexiconHas(k, 'Plural')) return false;
  return tagsAt(toks, i, state.pos).has('Plural');
}

/** The two sentences open with the same n words. */
function sameOpening(a: readonly Tok[], b: readonly Tok[], n: number): boolean {
  const opening = (toks: readonly Tok[]) =>
    toks
      .filter((t) => t.kind === 'word')
      .slice(0, n)
      .map(keyOf)
      .join(' ');
  const o = opening(a);
  return o.split(' ').length === n && o === opening(b);
}

function joinPair(a: Sentence, b: Sentence, state: ReviseState): Sentence | null {
  // Never a part of a split sentence: joined back it undoes the split, joined to its other
  // neighbour it makes a sentence out of parts of two ("… competitive. Employees …, which leads
  // to …"), which the diff cannot pair with the original sentences.
  if (a.gap !== ' ' || a.joined || b.joined || a.label || b.label || a.origin !== undefined || b.origin !== undefined)
    return null;
  const teaser = teaserQuestion(a, b, state);
  if (teaser) return teaser;
  const why = REASONS.join;
  const head = b.toks[0];
  if (!head || head.kind !== 'word' || !isCapitalized(head.text)) return null;
  // Nor a sentence whose closing opening was cut ("He had been a thief. Ultimately, he was a
  // hero."): it said how the story turns from the one before, which "and" would flatten.
  if (head.removedBefore === REASONS.closer) return null;
  const hk = keyOf(head);
  const wa = wordCount(a.toks);
  const wb = wordCount(b.toks);
  if (hk === 'this') {
    // "This" as a pronoun (a verb follows) comments on the whole sentence before it.
    if (!plainStatement(a, 22) || !plainStatement(b, 16) || a.toks.some((t) => keyOf(t) === 'which')) return null;
    // Nor after an opening moved to the end: "Policymakers must prioritize access to uphold high
    // standards for education, which includes …" would comment on education, not on the
    // prioritizing the writer's "This" pointed at.
    if (a.toks.some((t) => t.reason === REASONS.reorder)) return null;
    const v = nextIndex(b.toks, 0);
    if (v < 0 || !isFiniteVerbAt(b.toks, v, state)) return null;
    // Not a participle before a noun and its verb: "This hidden gem was a portal" is a determiner
    // "This", not a comment (", which hidden gem was" is no English).
    const n1 = nextIndex(b.toks, v);
    const n2 = n1 >= 0 && b.toks[n1].kind === 'word' ? nextIndex(b.toks, n1) : -1;
    if (n2 >= 0 && b.toks[n2].kind === 'word' && FINITE_AUX.has(keyOf(b.toks[n2]))) return null;
    // Nor a reason given ("This is because a guide can negotiate …"): ", which is because" does
    // not say it ("which is why" does, and stays open to a join).
    if (n1 >= 0 && keyOf(b.toks[n1]) === 'because') return null;
    // The first must be a statement for "which" to comment on: not a greeting ("Hello there.
    // This is a note I wrote." is not "Hello there, which is a note"). Asked last: it parses
    // the whole sentence.
    if (!hasFiniteVerb(a.toks, 0, a.toks.length, state.pos)) return null;
    // Not a singular verb after a plural noun: ", which" would attach to the noun and disagree
    // with it ("home to leading tech companies, which has helped the economy").
    const last = a.toks.findLastIndex((t) => t.kind === 'word');
    if (last < 0 || (singularVerb(keyOf(b.toks[v])) && endsPlural(a.toks, last, state))) return null;
    if (namesAThing(b.toks, v)) return null;
    // After a noun, ", which" attaches to it: "… through our mobile app. This takes less than five
    // minutes." is no "the app, which takes …". Only a verb of effect ("caused", "led to") or "is
    // why" reads as said of the whole sentence there.
    if (tagsAt(a.toks, last, state.pos).has('Noun') && !EFFECT_VERBS.has(keyOf(b.toks[v])) && !isWhy(b.toks, v))
      return null;
    const joint = [tok(',', 'punctuation', why), tok(' ', 'space', why), tok('which', 'word', why)];
    return { toks: [...a.toks.slice(0, -1), ...joint, ...b.toks.slice(1)], gap: b.gap, joined: true };
  }
  if (!SUBJECT_PRONOUNS.has(hk) && hk !== 'i') return null;
  // Two "it"s share a referent only where neither stands for a situation or what follows ("It
  // gets confusing when the lines blur. It matters to us." speak of two things).
  if (hk === 'it' && (expletiveIt(b.toks) || expletiveIt(a.toks))) return null;
  // Nor an "It" that judges the event before ("… approved the budget in March. It was a serious
  // mistake."): joined, it would name the budget.
  if (hk === 'it' && judgesEvent(b.toks)) return null;
  // Nor a sentence that says what the one before only denied or outgrew ("The library is far more
  // than a collection of books. It is a vital hub …"): "and" would make it a second fact.
  if (
    a.toks.some(
      (t, i) => t.kind === 'word' && keyOf(t) === 'than' && keyOf(a.toks[prevIndex(a.toks, i)] ?? t) === 'more',
    )
  )
    return null;
  // Not an anaphora ("I want to know the people behind my dinner. I want to know how I affect
  // them. I want to know …"): the repeated opening is the writer's figure, which a join breaks.
  // So is a subject and its "be" said twice ("He was late. He was always late.", "He was
  // stubborn. He was kind.").
  if (sameOpening(a.toks, b.toks, 3)) return null;
  const bVerb = nextIndex(b.toks, 0);
  if (sameOpening(a.toks, b.toks, 2) && bVerb >= 0 && BE_FORMS.has(keyOf(b.toks[bVerb]))) return null;
  // Not a denial and its correction ("It wasn't the rain. It was the traffic."): "and" would
  // flatten the contrast into "wasn't the rain and was the traffic".
  if (hasNegation(a.toks) !== hasNegation(b.toks)) return null;
  // Nor advice and the fact behind it ("Maria could improve her delegation. She tends to take on
  // too much herself."): the second is the reason, which "and" would make a second point.
  if (hasAdvice(a.toks) && !hasAdvice(b.toks)) return null;
  if (!plainStatement(a, 20) || !plainStatement(b, 20) || wa + wb > 32) return null;
  // Not a clipped sentence of two words ("I said I'd come up on the weekend. I should. I
  // will."), whose shortness is the point, nor one with a contrast or a reason of its own ("It is a
  // long way but you must …"), which a join would run on.
  if (wb < 3 || b.toks.some((t) => t.kind === 'word' && OWN_TURN.has(keyOf(t)))) return null;
  const sb = subjectOf(b.toks, state);
  if (!sb || sb.pronoun !== hk) return null;
  const sa = subjectOf(a.toks, state);
  if (!sa || !refersTo(hk, sa)) return null;
  // A subject whose verb is plural is no "it" ("Some people aren't planners. It doesn't mean …"
  // speaks of the fact, and "… planners and doesn't mean" would break the agreement).
  if (hk === 'it' && PLURAL_VERB_FORMS.has(keyOf(a.toks[sa.verb]))) return null;
  // "The streets were empty. They walked home in silence.": after a plural noun described by
  // "be", a "they" that acts is as often the people about (and "The streets were empty and walked
  // home" makes the streets walk). A second description ("The staff are skilled. They are also
  // committed") and a noun that acts ("The rebels crossed the river. They …") stay open to a join.
  if (hk === 'they' && !sa.pronoun && BE_FORMS.has(keyOf(a.toks[sa.verb])) && !describesAgain(b.toks[sb.verb]))
    return null;
  // Nor two short descriptions ("The room was tiny. It was spotless.", "The pool is heated. It is
  // closed in January."): "was tiny and was spotless" repeats its "be", and whether the second
  // adds or contrasts ("but spotless") the words do not say.
  // (Nor with an "also": "The room was small and was also noisy" says "was" twice.)
  if (BE_FORMS.has(keyOf(a.toks[sa.verb])) && BE_FORMS.has(keyOf(b.toks[sb.verb])) && wb <= 6) return null;
  // Nor a past perfect that gives the background or the reason of the sentence before ("The
  // engine failed on takeoff. It had been serviced the day before."), which "and" would tell as
  // what came next; nor a second sentence that sets itself in a time of its own ("He taught me to
  // fish. He died when I was nine."): two events, which "and" would run into one.
  if (keyOf(b.toks[sb.verb]) === 'had') return null;
  if (b.toks.some((t) => t.kind === 'word' && OWN_TIME.has(keyOf(t)))) return null;
  const hasAnd = coordinates(a.toks);
  if (
    wa + wb <= 22 &&
    !hasAnd &&
    // Nor a second sentence with an "and" of its own: "… was transformative and sharpened my
    // skills and encouraged …" chains three predicates on one subject.
    !coordinates(b.toks) &&
    !innerClauseAfter(a.toks, sa.verb) &&
    !auxiliaryWouldGovern(a.toks[sa.verb], b.toks[sb.verb]) &&
    !otherReferent(a.toks, sa.verb, hk)
  ) {
    // Both short: one subject, two predicates.
    const joint = [tok(' ', 'space', why), tok('and', 'word', why), tok(' ', 'space', why)];
    const rest = b.toks.slice(sb.verb);
    rest[0] = withRemovedBefore(rest[0], why);
    return { toks: [...a.toks.slice(0, -1), ...joint, ...rest], gap: b.gap, joined: true };
  }
  if (state.mode === 'concise' || state.mode === 'casual') return null;
  // Not before a second "and" of the second sentence's own: "…, and they were often given as gifts
  // and played a key part in …" chains three clauses on one word.
  if (coordinates(b.toks)) return null;
  // Nor where the pronoun may stand for another noun of the first sentence ("The committee
  // rejected the proposal. It was too expensive.", "John called Peter. He was angry."): after ",
  // and" it reads as the subject's, and a reason becomes a second fact.
  if (otherReferent(a.toks, sa.verb, hk)) return null;
  const joint = [tok(',', 'punctuation', why), tok(' ', 'space', why), tok('and', 'word', why), tok(' ', 'space', why)];
  const lowered = hk === 'i' ? head : { ...head, text: hk, reason: why };
  return { toks: [...a.toks.slice(0, -1), ...joint, lowered, ...b.toks.slice(1)], gap: b.gap, joined: true };
}

/** Modals of advice or possibility: what follows such a sentence may be its reason. */
const ADVICE_MODALS = set('could should must might may ought');
/** A modal of advice or possibility among the sentence's words ("could", "should", "must"). */
function hasAdvice(toks: readonly Tok[]): boolean {
  return toks.some((t) => t.kind === 'word' && ADVICE_MODALS.has(keyOf(t)));
}

/**
 * Words that open a clause inside another (relative, complement or adverbial: "emphasizes that …",
 * "land where he …", "knows how …"): what an edit puts after one reads as that clause's.
 */
const CLAUSE_TAKING = set(
  'think thinks thought believe believes believed know knows knew guess guessed feel feels felt hope hopes hoped say says said suppose supposed realize realized realise realised wish wished bet figure figured mean meant',
);
const EMBEDDING = set(
  'that which who whom whose where when how what why whether if because although though unless until',
);

/**
 * The predicate after the verb at `verb` holds a clause of its own: a second verb joined with a
 * bare "and" would read as that clause's ("His story emphasizes that our choices influence change
 * and shows that …" — the choices show?), so the join keeps its subject (", and it shows").
 */
function innerClauseAfter(toks: readonly Tok[], verb: number): boolean {
  // A verb of thinking or saying takes a clause without "that" ("I think it sank in long ago. I
  // hope …" is no "I think it sank in long ago and hope …").
  if (toks[verb]?.kind === 'word' && CLAUSE_TAKING.has(keyOf(toks[verb]))) return true;
  for (let i = verb + 1; i < toks.length; i++)
    if (toks[i].kind === 'word' && EMBEDDING.has(keyOf(toks[i]))) return true;
  return false;
}

const MODAL_OR_DO = new Set([...MODALS, ...set('do does did')]);

/** "so" + a subject pronoun or a short noun phrase + a modal: "so (that) they can …". */
function purposeSo(toks: readonly Tok[], from: number): boolean {
  let i = from;
  for (let n = 0; n < 4 && i >= 0 && i < toks.length; n++, i = nextIndex(toks, i)) {
    if (toks[i].kind !== 'word') return false;
    const k = keyOf(toks[i]);
    if (n > 0 && (MODALS.has(k) || k === "'ll")) return true;
    if (k === 'that') return true;
  }
  return false;
}

/**
 * A noun phrase in the first sentence's predicate the pronoun may stand for instead of its subject:
 * "My playtime shows how much I enjoy this game. It captures …" — "it" is the game, and "My
 * playtime … and captures …" would make it the playtime. The pronoun then stays (", and it …").
 */
function otherReferent(toks: readonly Tok[], from: number, pronoun: string): boolean {
  // "John called Peter. He was angry.", "Anna met her sister at the station. She had just
  // arrived": another person in the predicate may be the one meant.
  // (After "be" the person named is the subject itself: "David was a very impatient person.")
  if (pronoun === 'he' || pronoun === 'she') {
    const described = BE_FORMS.has(keyOf(toks[from]));
    return toks.some(
      (t, i) =>
        i > from &&
        t.kind === 'word' &&
        ((!described && PEOPLE.has(keyOf(t))) || (isCapitalized(t.text) && keyOf(t) !== 'i')),
    );
  }
  if (pronoun !== 'it' && pronoun !== 'they') return false;
  for (let i = from; i >= 0 && i < toks.length; i = nextIndex(toks, i)) {
    const k = keyOf(toks[i]);
    // After an article, a possessive, a demonstrative, a quantifier or a number ("have some
    // advantages", "built two parks").
    if (!DETERMINERS.has(k) && !NUMBER_WORDS.has(k)) continue;
    // The noun phrase's words up to a preposition or punctuation: any of the pronoun's number.
    for (let j = nextIndex(toks, i), n = 0; j >= 0 && n < 3 && toks[j].kind === 'word'; j = nextIndex(toks, j), n++) {
      const w = keyOf(toks[j]);
      if (PREPOSITIONS.has(w)) break;
      // A time is no referent ("opened its doors last spring. It now lends books …").
      if (TIME_NOUNS.has(w)) break;
      // ("the data" is an "it" too: "Our team reviewed the data. It shows a clear trend.")
      if (looksPlural(w) === (pronoun === 'they') || (pronoun === 'it' && MASS_PLURALS.has(w))) return true;
      // A plural ends its noun phrase ("its doors last spring": "last" opens another).
      if (looksPlural(w)) break;
    }
  }
  return false;
}

/**
 * A modal or "do" opening the first predicate would govern the second once they share it: "I
 * would welcome a talk. I look forward to it." is not "I would welcome a talk and look forward to
 * it" (a wish where there was a statement). The same auxiliary in both ("I can cook. I can
 * bake.") governs both already.
 */
function auxiliaryWouldGovern(va: Tok | undefined, vb: Tok | undefined): boolean {
  return !!va && MODAL_OR_DO.has(keyOf(va)) && (!vb || keyOf(vb) !== keyOf(va));
}

/**
 * A negation in toks[from, to). `clauseOnly`: one that denies the clause itself — "without" only
 * denies its own phrase ("The bass is deep without overpowering the mids, while the highs remain
 * clear" sets nothing against the highs).
 */
function hasNegation(toks: readonly Tok[], from = 0, to = toks.length, clauseOnly = false): boolean {
  for (let i = from; i < to; i++) {
    const t = toks[i];
    if (t.kind === 'word' && isNegation(keyOf(t)) && !(clauseOnly && keyOf(t) === 'without')) return true;
  }
  return false;
}

/** The sentence coordinates something with "and" or "or". */
function coordinates(toks: readonly Tok[]): boolean {
  return toks.some((t) => t.kind === 'word' && (keyOf(t) === 'and' || keyOf(t) === 'or'));
}

function joinRelated(sents: Sentence[], state: ReviseState): Sentence[] {
  const out: Sentence[] = [];
  for (let i = 0; i < sents.length; i++) {
    const j = i + 1 < sents.length ? joinPair(sents[i], sents[i + 1], state) : null;
    if (j) {
      out.push(j);
      i++;
    } else out.push(sents[i]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Openings: a fronted "By …ing" or infinitive of purpose moved after the main clause.

const INDEFINITE_PRONOUNS = set('everyone everybody anyone anybody someone somebody whoever whom');

/** Infinitives of purpose that are set phrases, not a purpose ("To be honest, …", "To sum up, …"). */
const SET_INFINITIVES = set(
  'be sum summarize summarise conclude start begin put say illustrate recap clarify elaborate',
);

/**
 * "By working together, we can finish on time." → "We can finish on time by working together.";
 * "To reach the village, they crossed the river." → "They crossed the river to reach the village."
 * Only when the main clause is a plain statement with its own subject and no commas, and the
 * moved phrase holds no protected text that would then come after the main clause's.
 */
function reorderOpening(s: Sentence, state: ReviseState): Sentence {
  const toks = s.toks;
  if (toks[0]?.kind !== 'word') return s;
  const k0 = keyOf(toks[0]);
  const n1 = nextIndex(toks, 0);
  if (n1 < 0 || toks[n1].kind !== 'word') return s;
  const k1 = keyOf(toks[n1]);
  const isBy = k0 === 'by' && baseOfGerund(k1) !== null;
  const isTo =
    k0 === 'to' &&
    isLowerWord(toks[n1].text) &&
    !SET_INFINITIVES.has(k1) &&
    // "To my son, I love you", "To everyone who came, …": a determiner or a pronoun after "To"
    // makes it no infinitive.
    !DETERMINERS.has(k1) &&
    !OBJECT_PRONOUNS.has(k1) &&
    !INDEFINITE_PRONOUNS.has(k1) &&
    verbForms(k1).base === k1 &&
    verbForms(k1).ger !== k1;
  if (!isBy && !isTo) return s;
  const comma = toks.findIndex((t) => t.kind === 'punctuation' && t.text === ',');
  if (comma < 0 || toks[comma + 1]?.kind !== 'space') return s;
  const phrase = toks.slice(0, comma);
  const main = toks.slice(comma + 2, -1);
  const last = toks[toks.length - 1];
  if (last?.kind !== 'punctuation' || last.text !== '.') return s;
  // A short main clause only: behind a long one the moved phrase drifts from its verb ("… through
  // modelling and simulation by analysing behaviour").
  if (wordCount(phrase) > 12 || wordCount(main) > 12 || wordCount(main) < 3) return s;
  // A comma in the main clause only between modifiers ("a healthier, more resilient world"), never
  // before a clause of its own, so that the moved phrase still attaches to the main verb.
  if (main.some((t) => t.kind === 'punctuation' && /[;:()"“”—–]/.test(t.text))) return s;
  if (main.some((t, i) => t.text === ',' && !modifierComma(main, i))) return s;
  // A comma may also close a quotation ("Brontë's \"Wuthering Heights,\" a paragon of …"): what
  // follows it is an appositive, which the moved phrase would then seem to belong to.
  if (main.some((t) => t.kind === 'placeholder' && /,\W*$/.test(state.spans[Number(t.text.slice(1, -1))]?.text ?? '')))
    return s;
  if (phrase.some((t) => t.kind === 'punctuation')) return s;
  if (placeholderOrder(phrase) && placeholderOrder(main)) return s;
  // Not "… for Maria to rest to finish": an infinitive purpose after another infinitive.
  if (isTo && main.some((t) => t.kind === 'word' && keyOf(t) === 'to')) return s;
  // Nor "bound by these Terms by accessing the Service": two "by" phrases, the second misread.
  if (isBy && main.some((t) => t.kind === 'word' && keyOf(t) === 'by')) return s;
  // Not after a clause inside the main one ("… an approach that combines A and B to achieve
  // this"): the moved phrase would then read as that clause's.
  if (main.some((t) => t.kind === 'word' && EMBEDDING.has(keyOf(t)))) return s;
  // Nor after a verb in -ing of its own ("… savings without compromising productivity by
  // consolidating licences" reads as compromising by consolidating).
  if (
    main.some(
      (t, i) =>
        t.kind === 'word' && baseOfGerund(keyOf(t)) !== null && PREPOSITIONS.has(keyOf(main[prevIndex(main, i)] ?? t)),
    )
  )
    return s;
  // Nor behind an "of" phrase at the main clause's end ("… the consequences of our actions today
  // by extrapolating trends"): the "by" would read as how those actions are done.
  if (isBy && main.slice(-9).some((t) => t.kind === 'word' && keyOf(t) === 'of')) return s;
  // Not behind a passive ("students will be intrigued and motivated"): "by including …" after it
  // would read as its agent.
  if (isBy && passiveIn(main)) return s;
  if (main[0]?.kind !== 'word' || !(independentClause(main, 0, main.length, state.pos) || plainClause(main))) return s;
  // Nor a main clause that opens by pointing back at the phrase ("To land the probe on a comet,
  // this has been my passion"): the phrase is its topic, not a purpose, and "this" needs it first.
  if (RESUMPTIVE.has(keyOf(main[0]))) return s;
  // Nor a main clause with a pronoun the phrase's noun may stand behind ("By giving employees
  // autonomy, managers strengthen their commitment"): moved after it, "their" would find the
  // managers first.
  if (isBy && main.slice(1).some((t) => t.kind === 'word' && BACK_POINTERS.has(keyOf(t)))) return s;
  const why = REASONS.reorder;
  const first = main[0];
  const mainToks = [tok(capitalize(first.text), 'word', why), ...main.slice(1)];
  const moved = [tok(k0, 'word', why), ...phrase.slice(1)];
  return { ...s, toks: [...mainToks, tok(' ', 'space', why), ...moved, tok('.', 'punctuation', why)] };
}

/** "It was a serious mistake": "be", an article and up to two describing words before a word for an event. */
function judgesEvent(toks: readonly Tok[]): boolean {
  let i = nextIndex(toks, 0);
  if (i < 0 || !BE_FORMS.has(keyOf(toks[i]))) return false;
  i = nextIndex(toks, i);
  if (i < 0 || !A_AN.has(keyOf(toks[i]))) return false;
  for (let n = 0; n < 3; n++) {
    i = nextIndex(toks, i);
    if (i < 0 || toks[i].kind !== 'word') return false;
    if (EVENT_NOUNS.has(keyOf(toks[i]))) return true;
  }
  return false;
}

/** Pronouns that stand for what came before them. */
const RESUMPTIVE = set('this that these those');
/** Third-person pronouns that may take their noun from an opening phrase. */
const BACK_POINTERS = set('their them they theirs themselves his him he her she its it');

/**
 * What an event or a state can be: a "This is a …" about one of these comments on the sentence
 * before ("Prices rose. This is a problem."); any other noun names what "This" points at.
 */
const EVENT_NOUNS = set(
  'problem problems issue mistake error disaster success relief surprise concern challenge step sign signal milestone change shift trend result consequence reason factor example opportunity risk threat blow setback breakthrough achievement improvement benefit advantage drawback paradox contradiction first turning point testament reminder shame pity tragedy victory defeat loss gain win worry question matter departure development',
);

/**
 * "This is a Maryland-based organization": "This" + "be" + an article (or a possessive) before no word for an event
 * names a thing (the subject before, often), and ", which" would tie it to the last noun instead
 * ("adults affected by ADHD, which is a Maryland-based organization").
 */
function namesAThing(toks: readonly Tok[], v: number): boolean {
  if (!BE_FORMS.has(keyOf(toks[v]))) return false;
  const art = nextIndex(toks, v);
  if (art < 0) return false;
  // "This is everything I wished a search game would be": the game, not the enjoying of it.
  if (keyOf(toks[art]) === 'everything') return true;
  // A possessive is a determiner as an article is: "This is my favourite game" names the game.
  if (!/^(?:a|an|the|my|our|your|his|her|their)$/.test(keyOf(toks[art]))) return false;
  let k = art;
  for (let n = 0; n < 4; n++) {
    k = nextIndex(toks, k);
    if (k < 0 || toks[k].kind !== 'word') break;
    if (EVENT_NOUNS.has(keyOf(toks[k]))) return false;
  }
  return true;
}

/** A form of "be" (or "get") with a participle in -ed or -en within the next two words. */
function passiveIn(toks: readonly Tok[]): boolean {
  const ws = toks.filter((t) => t.kind === 'word').map(keyOf);
  return ws.some(
    (w, i) => (BE_FORMS.has(w) || GET_FORMS.has(w)) && ws.slice(i + 1, i + 3).some((x) => /(?:ed|en)$/.test(x)),
  );
}
const GET_FORMS = set('get gets got gotten getting');

/** Words after which a comma joins a clause or a list of verbs, not two modifiers of one noun. */
const CLAUSE_AFTER_COMMA = set(
  'and or but so yet which who whom whose where when while because although though as if since that then nor',
);

/** Is the comma at i one between two modifiers of a noun ("healthier, more resilient")? */
function modifierComma(toks: readonly Tok[], i: number): boolean {
  const n = nextIndex(toks, i);
  if (n < 0 || toks[n].kind !== 'word') return false;
  const k = keyOf(toks[n]);
  if (CLAUSE_AFTER_COMMA.has(k) || k.endsWith('ing') || k.endsWith('ed')) return false;
  // The word after it is a degree word or has an adjective's ending.
  return /^(?:more|most|less|very|[a-z]+(?:er|ful|ous|ive|al|ic|able|ible|ent|ant|y))$/.test(k);
}

/** Verbs of a concession ("While the plan is sound, …", "While some may disagree, …"). */
const CONCESSIVE_VERBS = set('is are has have does do can may might could should seems seem remains remain');
/** Narrative tenses and the words after "is" that make "while" mean "during" ("while he was away", "while it is raining"). */
const TEMPORAL_WHILE = set(
  'was were had am at home away asleep abroad there here offline closed shut unavailable leave vacation holiday renovation repair repairs construction maintenance underway ongoing pending',
);
/** Prepositions that, right after "is"/"are", place the subject for a time ("is in your system", "are on leave"). */
const STATE_PLACES = set('in on inside under');
const BEING = set('is are remains remain stays stay');
/** What a result after an order is said with ("…, and the flavor will improve"). */
const RESULT_MODALS = set("will 'll can could would");
/** Participles of purpose before "to" ("designed to", "meant to"). */
const PURPOSE_WORDS = set('designed meant intended placed built made created aimed');
/** Present verbs that say something holds now. */
const STILL_HOLDS = set('is are remains remain stays stay continues continue has have');
/** Openings that make what follows conditional. */
const CONDITIONS = set('if unless provided providing whenever suppose supposing');
/** Openings of a clause that sets the time, the cause or the purpose of the sentence's clauses ("To celebrate, …"). */
// (Not a concession: "Although X, A, and B" asserts B whether it is split off or not.)
// (A preposition of degree or place too: "Above roughly 45 °C, the bonds break, and the enzyme is
// denatured" is denatured above 45 °C only.)
const FRAMES = set(
  'when whenever because before after since once until till as to if unless without above below beyond under over within provided providing',
);
/** Prepositions that set a time when a date or a number follows ("In 1945,", "By March 2020,"). */
const DATED_FRAMES = set('in by during after before until since from throughout on');
const MONTHS = set('january february march april may june july august september october november december');
/** Protected spans that date a phrase ("In 1945,", "By March 2020,"); a quotation does not ("In "Cry Freedom","). */
const DATED_SPANS: ReadonlySet<string | undefined> = new Set(['date', 'number']);

/** The sentence opens with a past verb and no comma comes before `at`: a line of a log, with no subject. */
function subjectlessPast(toks: readonly Tok[], at: number, state: ReviseState): boolean {
  const first = firstContentIndex(toks);
  if (first < 0 || toks[first].kind !== 'word') return false;
  const k = keyOf(toks[first]);
  if (!k.endsWith('ed') && !lexiconHas(k, 'PastTense')) return false;
  if (toks.slice(first, at).some((t) => t.text === ',')) return false;
  return !tagsAt(toks, first, state.pos).has('Noun');
}

/** Some comma before `at` is followed by the pronoun that opens the clause at `rest` (a series of clauses). */
function clauseSeriesBefore(toks: readonly Tok[], at: number, rest: number): boolean {
  const opener = toks[nextIndex(toks, rest - 1)] ?? toks[rest];
  if (!opener || opener.kind !== 'word') return false;
  const k = keyOf(opener);
  // A pronoun only: "the" after a comma opens as many phrases as clauses ("Colorful and vivid, the
  // story is …, and the ending …").
  if (!SUBJECT_PRONOUNS.has(k)) return false;
  for (let i = 0; i < at; i++) {
    if (toks[i].text !== ',') continue;
    const n = nextIndex(toks, i);
    if (n >= 0 && n < at && toks[n].kind === 'word' && keyOf(toks[n]) === k) return true;
  }
  return false;
}

/** The sentence opens with a clause or a dated phrase that frames every clause after it. */
function framed(toks: readonly Tok[], state: ReviseState): boolean {
  const first = firstContentIndex(toks);
  if (first < 0 || toks[first].kind !== 'word') return false;
  const k = keyOf(toks[first]);
  if (FRAMES.has(k)) return true;
  if (!DATED_FRAMES.has(k)) return false;
  // A date up to the phrase's comma: "In 1945," "During the winter of 1944," (not "In addition,").
  for (let i = nextIndex(toks, first), n = 0; i >= 0 && n < 6; i = nextIndex(toks, i), n++) {
    if (toks[i].text === ',') return false;
    if (toks[i].kind === 'placeholder' && DATED_SPANS.has(state.spans[Number(toks[i].text.slice(1, -1))]?.kind))
      return true;
    if (MONTHS.has(keyOf(toks[i]))) return true;
  }
  return false;
}
/** Pronouns that may point ahead to a name in the next clause. */
const THIRD_PERSON = set('he she it they his her its their');

/** Words that already set up a contrast in the main clause: no second "but". */
const CONTRAST = set('but yet however nevertheless nonetheless though although');

/** Does toks[a..end) read as "during" — a past or progressive clause ("he was away", "it is raining")? */
function temporalClause(toks: readonly Tok[], a: number, end: number): boolean {
  for (let i = a; i < end; i++) {
    if (toks[i].kind !== 'word') continue;
    const k = keyOf(toks[i]);
    if (TEMPORAL_WHILE.has(k)) return true;
    const before = i > a ? keyOf(toks[prevIndex(toks, i)]) : '';
    if (k.endsWith('ing') && CONCESSIVE_VERBS.has(before)) return true;
    // "While the drug is in your system", "while the kids are at school": where something is for a time.
    if (STATE_PLACES.has(k) && BEING.has(before)) return true;
  }
  return false;
}

/** Is "While …" up to `comma` a concession ("While the plan is sound") rather than "during" ("While he was away")? */
function concessiveWhileClause(toks: readonly Tok[], a: number, comma: number): boolean {
  if (temporalClause(toks, a, comma)) return false;
  // Its verb after a subject of its own ("While in Paris, …" is not a clause).
  for (let i = a + 1; i < comma; i++) if (toks[i].kind === 'word' && CONCESSIVE_VERBS.has(keyOf(toks[i]))) return true;
  return false;
}

/**
 * "While the theory is new, researchers hope …" / "Although the plan is sound, it costs too
 * much." → "The theory is new, but researchers hope …" / "The plan is sound, but it costs too
 * much.": the concessive opening machine prose leans on, made the main clause it concedes, with
 * "but" for the contrast. "While" only as a present or modal concession ("is", "may", "has"),
 * never a temporal one (a past or progressive clause, "while he is away"). The conceded clause
 * has no comma of its own, an independent clause follows the comma, and it sets up no contrast
 * of its own. The long-sentence split may then cut at the "but".
 */
function concessiveOpening(s: Sentence, state: ReviseState): Sentence {
  const toks = s.toks;
  const k0 = toks[0]?.kind === 'word' && isCapitalized(toks[0].text) ? keyOf(toks[0]) : '';
  if (k0 !== 'while' && k0 !== 'although' && k0 !== 'though') return s;
  const a = nextIndex(toks, 0);
  const comma = toks.findIndex((t) => t.kind === 'punctuation' && t.text !== "'" && t.text !== '’');
  if (a < 0 || comma < 0 || toks[comma].text !== ',' || toks[comma + 1]?.kind !== 'space') return s;
  const last = toks[toks.length - 1];
  if (last?.kind !== 'punctuation' || last.text !== '.') return s;
  const rest = comma + 2;
  if (wordCount(toks.slice(a, comma)) < 3 || wordCount(toks.slice(rest)) < 4) return s;
  if (!isLowerWord(toks[a].text) && !isCapitalized(toks[a].text)) return s;
  if (k0 === 'while' ? !concessiveWhileClause(toks, a, comma) : !hasFiniteVerb(toks, a + 1, comma, state.pos)) return s;
  // "Although she had never met him, Anna recognized …": the pronoun points ahead to the main
  // clause's subject, and "She had never met him, but Anna …" would make them two people; so does
  // "Although it has grown, the festival …", whose "It has grown" would point back instead.
  if (
    THIRD_PERSON.has(keyOf(toks[a])) &&
    !expletiveIt(toks.slice(a, comma)) &&
    !SUBJECT_PRONOUNS.has(keyOf(toks[rest]))
  )
    return s;
  // The conceded part must stand as a sentence once "Though" goes: "Though seemingly calm compared
  // to Paris, London is …" has no subject of its own ("Seemingly calm …, but London is …").
  if (opensWithoutSubject(toks, a, state.pos)) return s;
  if (toks.slice(rest).some((t) => t.kind === 'word' && CONTRAST.has(keyOf(t)))) return s;
  if (!independentClause(toks, rest, toks.length, state.pos)) return s;
  // The comma must end the opening clause, not a list inside it ("While I would like to make a more
  // rational, safe choice …, Hemingway's tale …"): what follows it up to the next comma has a verb.
  const nextComma = toks.findIndex((t, i) => i >= rest && t.kind === 'punctuation' && t.text === ',');
  if (nextComma > 0 && !SUBJECT_PRONOUNS.has(keyOf(toks[rest])) && !hasFiniteVerb(toks, rest, nextComma, state.pos))
    return s;
  const why = REASONS.reorder;
  return {
    ...s,
    toks: [
      withRemovedBefore(tok(capitalize(toks[a].text), 'word', why), why),
      ...toks.slice(a + 1, comma + 2),
      tok('but', 'word', why),
      tok(' ', 'space', why),
      ...toks.slice(rest),
    ],
  };
}

/**
 * "Some pupils learn best alone, while others need a group." → "…, but others need a group.":
 * a contrastive ", while" between two clauses made the plain "but" (which the long-sentence split
 * may then cut at). Only when the clause after it is a present, perfect or modal statement —
 * never a temporal "while" (a past or progressive clause: "…, while the kettle boiled") — and
 * sets up no contrast of its own.
 */
function contrastiveWhile(s: Sentence, state: ReviseState): Sentence {
  const toks = s.toks;
  for (let i = 1; i + 2 < toks.length; i++) {
    if (toks[i].text !== ',' || toks[i + 1]?.kind !== 'space' || keyOf(toks[i + 2]) !== 'while') continue;
    const rest = nextIndex(toks, i + 2);
    if (rest < 0 || toks[rest].kind !== 'word' || !isLowerWord(toks[rest].text)) return s;
    const end = toks.length - 1;
    // Not past ("…, while the kettle boiled") nor progressive: those read as "during".
    if (temporalClause(toks, rest, end) || mainTense(toks.slice(rest, end), end - rest, state.pos) === 'past') return s;
    if (!leftClauseOk(toks, i, state.pos, 4)) return s;
    if (toks.slice(rest).some((t) => t.kind === 'word' && CONTRAST.has(keyOf(t)))) return s;
    if (!setsUpContrast(toks, i, rest)) return s;
    if (!independentClause(toks, rest, end, state.pos)) return s;
    return { ...s, toks: [...toks.slice(0, i + 2), tok('but', 'word', REASONS.plain), ...toks.slice(i + 3)] };
  }
  return s;
}

/** Subjects that divide a group: "Some pupils …, while others …". */
const DIVIDING_LEFT = set('some many most one few certain');
const DIVIDING_RIGHT = set('others other some many most few another the');

/**
 * The clauses either side of ", while" (toks[comma], the second starting at toks[rest]) are set
 * against each other, so "but" says what "while" did: they divide a group ("Some …, while
 * others …", "…, while the others …") or one denies what the other does not. Two features side by
 * side ("The system ensures control, while the grinder brings out the flavour") are no contrast,
 * and "but" would invent one.
 */
function setsUpContrast(toks: readonly Tok[], comma: number, rest: number): boolean {
  const first = toks.find((t) => t.kind === 'word');
  const r0 = keyOf(toks[rest]);
  const r1i = nextIndex(toks, rest);
  const r1 = r1i >= 0 ? keyOf(toks[r1i]) : '';
  const divides =
    (!!first && DIVIDING_LEFT.has(keyOf(first))) ||
    (DIVIDING_RIGHT.has(r0) && (r0 !== 'the' || r1 === 'other' || r1 === 'others' || r1 === 'rest'));
  if (divides) return true;
  return hasNegation(toks, 0, comma, true) !== hasNegation(toks, rest, toks.length, true);
}

/** A determiner or pronoun subject and, within five words, an auxiliary or a verb in -s or -ed ("the firm avoids accidents"). */
function plainClause(toks: readonly Tok[]): boolean {
  const k0 = keyOf(toks[0]);
  if (!DETERMINERS.has(k0) && !SUBJECT_PRONOUNS.has(k0)) return false;
  let words = 0;
  for (let i = nextIndex(toks, 0); i >= 0 && words < 5; i = nextIndex(toks, i)) {
    const t = toks[i];
    if (t.kind !== 'word') return false;
    words++;
    const k = keyOf(t);
    if (FINITE_START.has(k) || (words >= 2 && /^[a-z]{3,}(?:[^s's]s|ed)$/.test(k))) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------

/**
 * Sentence rhythm by strength. Strength 1 leaves it alone. From 2: openings varied (above), long
 * sentences split at a safe joint between independent clauses (", and" from 16 words, 12 at
 * strength 3 and in casual prose; ", but", ", so", ", yet" — after a clause of four words or
 * more, never in "not X, but Y" —, a single semicolon, a participle tail such as ", causing …" or a comment clause such
 * as ", which means …" or ", which can lead to …" from 16 words, 12 at strength 3, 10 in casual
 * prose, after a clause of eight words, six in casual prose), and short neighbours joined where they share a subject or the second comments on the
 * first.
 */
export function rhythm(sents: Sentence[], state: ReviseState): Sentence[] {
  if (state.strength < 2) return sents;
  const casual = state.mode === 'casual';
  const splitMin = casual || state.strength >= 3 ? 12 : 16;
  const splitMinSemicolon = casual ? 10 : state.strength >= 3 ? 12 : 16;
  const out: Sentence[] = [];
  for (let i = 0; i < sents.length; i++) {
    const s = reorderOpening(contrastiveWhile(concessiveOpening(sents[i], state), state), state);
    const next = i + 1 < sents.length ? sents[i + 1] : null;
    // The opening words of the two sentences on either side ("… life. But its effect … Platforms
    // let users … But many studies …" reads as a tic).
    const nearby = new Set([...out.slice(-2), ...sents.slice(i + 1, i + 3)].map((n) => openingWord(n.toks)));
    out.push(...splitSentence(s, splitMin, splitMinSemicolon, state, !!next && startsWithThis(next.toks), nearby));
  }
  return joinRelated(out, state);
}
