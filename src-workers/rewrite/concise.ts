/**
 * Concise prose: a sentence that only repeats points the document has already made — (almost)
 * every content word of it stands in the sentences before, most in one of them — is cut
 * ("In conclusion, …" paragraphs that restate the essay). Never a sentence with protected text (numbers, quotations), a
 * number word or a negation, nor one naming someone the text has not named before, so no fact is lost with it;
 * nor the only sentence left of a paragraph or line.
 */
import { hasFiniteVerb, mainTense } from './clauses';
import { NUMBER_WORDS } from './guard';
import { REASONS } from './reasons';
import type { ReviseState, SeenSentence } from './state';
import { isCapitalized, keyOf, wordCount, type Sentence } from './tokens';
import { isNegation, set } from './wordsets';

const FUNCTION_WORDS = set(
  "a an the and or but so yet of in on at by for with about to from into over under as is are was were be been being am do does did have has had will would shall should can could may might must it its this that these those there here they them their we us our you your he him his she her i me my who whom whose which what when where why how all any both each more most other some such only own same too very just also than then not no can't won't don't doesn't isn't aren't overall finally conclusion summary essence ultimately clearly thus therefore however",
);
/** Words that draw a conclusion: a sentence with one takes a step of its own. */
const INFERENCE = set('so therefore thus hence consequently must');
const CONTRASTS = set('but yet however still nevertheless nonetheless though although instead');
/** Words that number a step of a sequence: the sentence they open is one of its items. */
const STEPS = set('first firstly second secondly third thirdly fourth fifth lastly finally next');
/**
 * Words that hold what follows as a possibility, a condition or a choice, not as a fact: "Tim has
 * to decide — to stay in school or to drop out" is no earlier telling of "In the end, Tim decides
 * to drop out of school", which is the story's news.
 */
const IRREALIS = set('if whether unless or either');
/** Marks an earlier sentence that says only what may be (a stem no word has). */
const OPEN_CHOICE = ' open choice';

/**
 * Content words of a sentence (lower case, crude stems; names too), or null when it must not be
 * cut: it holds protected text (numbers, quotations) or a negation.
 */
function contentOf(s: Sentence): Set<string> | null {
  const out = new Set<string>();
  let prevKey = '';
  for (const t of s.toks) {
    if (t.kind === 'placeholder') return null;
    if (t.kind !== 'word') continue;
    const k = keyOf(t);
    // "In the end" and "at the end of the day" frame; "a means to an end" says something.
    if (k === 'end' && prevKey === 'the') continue;
    prevKey = k;
    // A quantity is a fact the guard keeps ("in one specific subject"): not for cutting either.
    if (isNegation(k) || NUMBER_WORDS.has(k)) return null;
    if (FUNCTION_WORDS.has(k)) continue;
    out.add(keyStem(k));
  }
  return out;
}

/** "This shows …", "These findings highlight …": a sentence that comments on the one before it. */
const COMMENT_SUBJECTS = set('this these it such that');
const COMMENT_VERBS = set(
  'shows show highlights highlight demonstrates demonstrate underscores underscore emphasizes emphasize emphasises illustrates illustrate reflects reflect reinforces reinforce stresses stress proves prove points',
);
function comments(s: Sentence): boolean {
  const ws = s.toks
    .filter((t) => t.kind === 'word')
    .slice(0, 3)
    .map(keyOf);
  return COMMENT_SUBJECTS.has(ws[0]) && (COMMENT_VERBS.has(ws[1]) || (ws.length > 2 && COMMENT_VERBS.has(ws[2])));
}

/** Words that open a sentence by pointing back at the one before ("Its legacy …", "They …"). */
const BACK_REFERENCES = set('this these those that it its they their them such he his she her');
/**
 * Pronouns and pointers that may stand for a noun of the sentence before, early in the next one
 * ("But we must use them …", "While it must be implemented carefully, it is a tool …", "By
 * adopting this approach, …"): cut, the sentence would leave them to the nearest noun before it.
 */
const EARLY_POINTERS = set('they their them it its this these he his she her');
/**
 * Openings that answer the sentence before — replace it, compare with it, hold against it: "…
 * abolishing it would create new problems. Instead, we should reform it." loses what "Instead"
 * replaces once its sentence goes.
 */
const RESPONSE_OPENINGS = set(
  'instead rather otherwise likewise similarly conversely nevertheless nonetheless still but yet however',
);
/** Openings that illustrate the sentence before: it states a point, whatever its words. */
const EXAMPLE_OPENINGS = set('for specifically in');
/** The sentence opens with a word that needs the sentence before it to be understood. */
function pointsBack(s: Sentence): boolean {
  // Its first five words: the opening, then where an early pronoun may stand.
  const ws = s.toks
    .filter((t) => t.kind === 'word')
    .slice(0, 5)
    .map(keyOf);
  if (!ws.length) return false;
  if (BACK_REFERENCES.has(ws[0]) || RESPONSE_OPENINGS.has(ws[0])) return true;
  if (ws.slice(1).some((k) => EARLY_POINTERS.has(k))) return true;
  // "For example, …", "For instance, …", "In particular, …", "Specifically, …"
  return (
    EXAMPLE_OPENINGS.has(ws[0]) && (ws[0] === 'specifically' || /^(?:example|instance|particular)$/.test(ws[1] ?? ''))
  );
}

/** The sentence opened with a closer ("In conclusion, …") that an earlier edit removed: a restatement. */
function restates(s: Sentence): boolean {
  const first = s.toks.find((t) => t.kind === 'word');
  return !!first?.removedBefore?.includes(REASONS.closer);
}

/** Crude stem of a lower-case word, for "the same content word". */
export function contentStem(word: string): string {
  return word.replace(/(?:ies|es|s|ed|ing|ly)$/, '');
}

/** The stem of a word's key, its possessive "'s" dropped ("Emily's" and "Emily" are one name). */
function keyStem(key: string): string {
  return contentStem(key.replace(/['’]s$/, ''));
}

/** Adds the content words of a piece of text to `seen`. */
export function noteContent(text: string, seen: Set<string>): void {
  for (const m of text.toLowerCase().matchAll(/[a-z]+(?:['’][a-z]+)*/g))
    if (!FUNCTION_WORDS.has(m[0])) seen.add(contentStem(m[0]));
}

/**
 * Most of the sentence's content words stand in one earlier sentence: it says again what that one
 * said. Words gathered from all over the text can make a new statement ("The museum features
 * artifacts from the Thracian and Roman periods" after "Thracian ruins" and "Roman periods"
 * elsewhere); only a closing restatement may draw on many.
 */
function restatesOne(
  content: ReadonlySet<string>,
  names: readonly string[],
  earlier: readonly SeenSentence[],
  tense: () => 'past' | 'present' | null,
): boolean {
  const need = Math.ceil(0.6 * content.size);
  return earlier.some(({ stems: e, tense: tenseBefore }) => {
    if (e.has(OPEN_CHOICE)) return false;
    // Every name in that same sentence: "She also won the BAFTA Award … and the Golden Globe Award
    // …" after "nominated for a BAFTA Award …" and, elsewhere, "a Golden Globe Award" is news.
    if (names.some((name) => !e.has(name))) return false;
    let n = 0;
    for (const c of content) if (e.has(c)) n++;
    if (n < need) return false;
    // A story that tells in the past what a prompt or a summary set out in the present ("Your
    // blind date cosplays as an Overwatch character. … It was his date, cosplaying as an
    // Overwatch character.") narrates an event: a past restates only a past (a present's tense
    // may go unread: "cosplays"), and a present never a past. Read last: each tense is a parse.
    const t = tense();
    return t === 'past' ? tenseBefore() === 'past' : t !== 'present' || tenseBefore() !== 'past';
  });
}

/** Reads a sentence's tense once, when first asked. */
function lazyTense(s: Sentence, state: ReviseState): () => 'past' | 'present' | null {
  let read: 'past' | 'present' | null | undefined;
  return () => (read === undefined ? (read = tenseOf(s, state)) : read);
}

/** A capital after a lower-case word or a comma: a name, by the document's own usage. */
const NAME_IN_TEXT = /[\p{Ll}\d,;:]\s+(\p{Lu}\p{Ll}+(?:['’]\p{Ll}+)?)/gu;

/** Stems of the words the document writes as names mid-sentence (read once per document). */
function documentNames(state: ReviseState): ReadonlySet<string> {
  if (!state.names) {
    const names = new Set<string>();
    for (const m of state.document.matchAll(NAME_IN_TEXT)) names.add(keyStem(m[1].toLowerCase()));
    state.names = names;
  }
  return state.names;
}

/** The content words without the document's names. */
function withoutNames(content: ReadonlySet<string>, state: ReviseState): Set<string> {
  const names = documentNames(state);
  return new Set([...content].filter((c) => !names.has(c)));
}

/** The sentence's tense where it is plainly past or present. */
function tenseOf(s: Sentence, state: ReviseState): 'past' | 'present' | null {
  const t = mainTense(s.toks, s.toks.length, state.pos);
  return t === 'past' || t === 'present' ? t : null;
}

export function dropRepeated(sents: Sentence[], state: ReviseState): Sentence[] {
  if (state.strength < 2 || sents.length < 1) return sents;
  const out: Sentence[] = [];
  const known = new Set(state.seen);
  for (let n = 0; n < sents.length; n++) {
    const s = sents[n];
    const content = wordCount(s.toks) >= 6 ? contentOf(s) : null;
    // A point the text has made: (almost) every content word — every name — stands before it.
    // A restatement ("In conclusion, …") is judged on what it says about the names in it: they are
    // always known by then ("Overall, Daniel is a valuable asset to the team" is a verdict).
    const judged = content && restates(s) ? withoutNames(content, state) : content;
    const seen = judged ? [...judged].filter((c) => known.has(c)).length : 0;
    // A restatement or a comment on the sentence before needs fewer of its words already made.
    const share = restates(s) ? 0.5 : comments(s) ? 0.6 : 0.8;
    const firstWord = s.toks.find((x) => x.kind === 'word');
    const names = s.toks
      .filter((t) => t.kind === 'word' && t !== firstWord && isCapitalized(t.text))
      .map((t) => keyStem(keyOf(t)));
    const namesKnown = names.every((name) => known.has(name));
    // A unit (a paragraph, a line, a list item) keeps one sentence at least: cutting it whole
    // would leave an empty line and change the document's structure.
    const lastLeft = !out.length && n === sents.length - 1;
    // Nor a sentence the next one points back to ("… unforgettable. This makes them …"), nor an
    // inference ("This is a contradiction, so there must be …"): its words are known, its step is not.
    const pointedTo = n + 1 < sents.length && pointsBack(sents[n + 1]);
    const infers = s.toks.some((t) => t.kind === 'word' && INFERENCE.has(keyOf(t)));
    // Nor a contrast ("But they do suggest that some …"): it answers the sentence before, which
    // without it would say the opposite of what the writer meant.
    const contrasts = !!firstWord && CONTRASTS.has(keyOf(firstWord));
    // Nor an item of a sequence ("Lastly, participating in online surveys is an easy way to earn
    // some extra money"): the list the text announced would lose its last step.
    const step = !!firstWord && STEPS.has(keyOf(firstWord));
    // Nor a question: what follows answers it ("A 12 V battery is connected to a 4 Ω resistor.
    // What current flows through the circuit?" sets the problem the next lines solve).
    const asks = s.toks.some((t) => t.text === '?');
    // Nor a run-in heading or what it heads ("**Prepare the soil.** Healthy soil …"), nor the
    // first part of a sentence split here, which the next part answers ("Some may have been
    // hidden. But others may have been sold …" would leave "But others" pointing at nothing).
    // Nor the second part, which is half a statement whose first half stays ("Teachers can require
    // phones to be put away. Schools can educate students about online safety.").
    const bound =
      s.label ||
      sents[n - 1]?.label ||
      (s.origin !== undefined && (sents[n + 1]?.origin === s.origin || sents[n - 1]?.origin === s.origin));
    if (
      !bound &&
      content &&
      content.size >= 4 &&
      namesKnown &&
      judged &&
      seen >= Math.ceil(share * judged.size) &&
      !lastLeft &&
      !pointedTo &&
      !infers &&
      !asks &&
      !contrasts &&
      !step &&
      (restates(s) || restatesOne(content, names, state.sentencesSeen, lazyTense(s, state))) &&
      // A statement, not a piece the segmenter cut off at an initialism ("Through his work at S.P.").
      hasFiniteVerb(s.toks, 0, s.toks.length, state.pos)
    ) {
      // Cut; the sentences on both sides carry the reason (the diff may place the cut at the end
      // of the one before: "worth, and they deserve …" → "worth." after a split).
      const next = sents[n + 1];
      if (next?.toks[0]) next.toks[0] = { ...next.toks[0], removedBefore: REASONS.repeated };
      if (out.length) {
        const prev = out[out.length - 1];
        prev.toks[prev.toks.length - 1] = { ...prev.toks[prev.toks.length - 1], removedAfter: REASONS.repeated };
        if (!next?.toks[0]) prev.gap = s.gap;
      }
      continue;
    }
    const stems = new Set<string>();
    for (const t of s.toks) if (t.kind === 'word') stems.add(keyStem(keyOf(t)));
    if (s.toks.some((t) => (t.kind === 'word' && IRREALIS.has(keyOf(t))) || t.text === '?')) stems.add(OPEN_CHOICE);
    for (const stem of stems) known.add(stem);
    state.sentencesSeen.push({ stems, tense: lazyTense(s, state) });
    out.push(s);
  }
  return out;
}
