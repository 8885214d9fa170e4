/**
 * The second part of the curated table (table.ts has the first and the entry format): the
 * framing, hedges and intensifiers editors cut from machine prose, the light-verb phrases they
 * turn back into verbs, the stock phrases the detector lists, and the vocabulary that makes the
 * modes differ — precise words for formal and academic prose, hedges where academic prose needs
 * them, plain words for casual prose. Written by hand for Inkproof; every alternative keeps the
 * sense in the context its guard allows, and tests/unit/rewrite/meaning.test.ts holds the
 * sentence pairs it was checked on.
 */
import type { RewriteMode } from '../../src-shared/models';
import { verbForms } from './inflect';
import { because, C, F, FINITE_HAVE, N, NOT_FORMAL, O, SINGULAR_VERBS, V, type Entry, type Guard } from './table';
import {
  AUXILIARIES,
  BE_FORMS,
  DETERMINERS,
  MODALS,
  NEGATION_WORDS,
  NEGATORS,
  POSSESSIVES,
  PREPOSITIONS,
  PROVIDED_NOT_GIVEN,
  set,
  STUDY_WORDS,
  SUBJECT_PRONOUNS,
} from './wordsets';

/** The writer's own life, which a hedge would doubt. */
const WRITERS_OWN = set('i my me myself mine');
/** Fields of work or study, which one is "in". */
const FIELDS_OF_PRACTICE = set(
  'nutrition education health healthcare business marketing sales finance banking science medicine technology sport sports politics law engineering design fashion music art literature history teaching parenting cooking gardening investing travel research management leadership writing',
);
/** Words that grade the adjective after them ("most important", "truly unique"). */
const DEGREE_WORDS = set(
  'most more less least very so too as how extremely particularly especially equally really incredibly highly increasingly critically vitally all truly quite super absolutely hugely immensely enormously tremendously fairly pretty rather somewhat',
);

/** Verbs whose object takes a bare infinitive ("help people improve", "let them reduce"). */
const BARE_INFINITIVE_VERBS = set('help helps helped helping let lets letting make makes made making');

/** Pronouns that open a clause after "Imagine" ("Imagine you are …"): a supposition, not a scene. */
const CLAUSE_SUBJECTS = set("you we they he she it i you're we're they're he's she's it's i'm");
const INDEFINITE_SUBJECTS = set('someone somebody anyone anybody everyone everybody nobody');

/**
 * How far a reported finding may name an amount and stay unhedged: "measurements demonstrate that
 * cells retain 82% of their capacity" reports a measurement, which "suggest" would weaken.
 */
const MEASURED_CLAUSE = 12;

/** Verbs a pronoun "many" or "some" takes ("Many believe …", "Many are calling …"). */
const PRONOUN_VERBS = set(
  'believe think argue say feel agree disagree find see know want consider claim suggest expect fear worry hope live die work struggle remain still also would',
);

/** Subjects that are evidence: what they "show" or "prove" an academic hedges. */
const EVIDENCE = set(
  'results result findings finding data study studies evidence analysis analyses experiments experiment research survey surveys figures numbers statistics this these trials trial observations measurements',
);
/** Nouns "big" grades by importance, not size ("a big announcement", "a big decision"), or is part of ("big data"). */
const BIG_AS_IMPORTANT = set(
  'announcement announcements news deal decision decisions day moment event events change changes difference problem problems question questions fan fans mistake mistakes surprise step steps name names win idea ideas success deal ' +
    // Fixed phrases: "big data", "a big heart", "big time", "the big picture", "big tech".
    'data heart hearts time picture brother brothers sister sisters shot shots bang league leagues diff break breaks boss bosses tech pharma money spender spenders smile hug thanks hit hits screen top wheel cheese ' +
    // Praise or weight, not size: "some big winners", "a big responsibility", "big plans".
    'winner winners responsibility responsibilities plan plans',
);

/** Words before a verb that a hedge ("can …") must not follow: adverbs, and adjectives of a noun. */
const HEDGE_BLOCKERS = set(
  'significantly greatly dramatically substantially considerably markedly drastically directly indirectly strongly largely often usually sometimes generally typically frequently rarely always never also further even still already potential possible main root leading common underlying major primary several various other',
);

const SENTENCE_ADVERBS = set(
  'undoubtedly undeniably clearly certainly surely definitely truly really probably likely possibly potentially evidently obviously arguably',
);

/**
 * Words after which an intensifier is not cut: a negation, where it softens ("never really
 * understand"), and a comparison, which needs it ("as fully as possible", "so deeply that").
 */
const NOT_BEFORE_CUT: ReadonlySet<string> = new Set([...NEGATORS, 'as', 'so', 'too', 'how']);
/** The same, nor right after a comma or a conjunction, where the adverb opens a clause and carries its turn ("but actually it works"). */
const NOT_BEFORE_CUT_IN_LIST: ReadonlySet<string> = new Set([...NOT_BEFORE_CUT, ...set(', and or but')]);
/** Words that are all or nothing: "completely unique" says no more than "unique". */
const ALL_OR_NOTHING = set(
  'unique essential perfect impossible unanimous identical destroyed eliminated eradicated finished infinite inevitable irreversible unprecedented',
);
/**
 * After a verb and its object the adverb says how far the act went ("remove the nuts completely
 * and …", "stopped the project completely in May"), and "quite a few" is a number ("a few" is
 * fewer): before a preposition, a conjunction or an article the word stays.
 */
const AFTER_VERB_PHRASE: ReadonlySet<string> = new Set([
  ...PREPOSITIONS,
  ...set('and or but nor so yet a an the some'),
]);
/** "affect" in any form: a sentence that has it takes no second one for "have an impact on". */
const AFFECT_FORMS = set('affect affects affected affecting');
/** "have an impact on" → "affect": never in a second object's way, nor twice in a sentence. */
const AFFECT_ONCE: Guard = { notParallel: true, notInSentence: AFFECT_FORMS };
/** The same with an adverb put before the verb ("greatly affect"): none after a sentence adverb. */
const AFFECT_WITH_ADVERB: Guard = { ...AFFECT_ONCE, prevNotIn: SENTENCE_ADVERBS };
/**
 * A relative a few words on belongs to the act named as a noun ("conducted a review of the
 * design, which found no errors"): said as a verb, the relative would take the design for it.
 * (The search stops at a comma, so the comma itself is named: a clause after it may be that relative.)
 */
const NO_RELATIVE_AFTER: Guard = { notNextWithin: { n: 6, in: set(', which who that') } };
const HELP_FORMS = set('help helps helped helping');

/**
 * Words whose degree is the claim, not emphasis: how often or how likely ("very rare"), a graded
 * category ("very low birth weight", "extremely drug-resistant"), a warning and the care it asks
 * ("extremely corrosive", "add it very slowly").
 */
const DEGREE_IS_THE_CLAIM = set(
  'rare rarely uncommon unusual common commonly likely unlikely frequent frequently infrequent occasionally often seldom low high small few scarce preterm low-density high-density drug-resistant corrosive toxic flammable poisonous hazardous dangerous hot slowly carefully gently young old low-income high-income satisfied dissatisfied fragile limited frail',
);
/** One event in a story or a history, singular: what it leads to is told, not claimed. */
const ONE_EVENT = set(
  'decision choice death murder betrayal discovery encounter revelation twist mistake arrival departure escape marriage affair accident incident meeting confession',
);
/**
 * Words of death, harm, abuse and hardship: a sentence with one keeps its register in casual prose
 * ("factory workers, including children, endured long hours in dangerous conditions" is no "kids").
 */
const GRAVE_WORDS = set(
  'dead died die dies death deaths killed killing murdered murder injured injuries wounded tragically tragedy abuse abused victims victim funeral cancer dangerous danger hardship hardships exploited exploitation suffering suffered starving starvation slavery enslaved war wars poverty orphaned orphans refugees illness disease',
);
/** The writer speaking of themselves, a word or two back ("I was certainly …", "we are certainly …"). */
const FIRST_PERSON = { n: 2, in: set('i we') };
/**
 * Words that already present what follows as an expectation: "We anticipate that the program will
 * improve …" needs no "may" as well ("We" promising "will improve" is a commitment, not a claim).
 * Or as someone else's claim: "Supporters argue that the lanes will reduce congestion" reports
 * what the supporters say, and "may" would misreport it.
 */
const ALREADY_HEDGED = set(
  'anticipate anticipates anticipated expect expects expected predict predicts predicted hope hopes hoped hypothesize hypothesizes hypothesized hypothesise hypothesises hypothesised likely ' +
    'argue argues argued claim claims claimed insist insists insisted contend contends contended maintain maintains maintained say says said promise promises promised warn warns warned believe believes believed',
);
/** What a law, a theorem or a grammar defines, whose "always" states a rule. */
const DEFINED_THINGS = set(
  'force forces acceleration velocity momentum mass energy circuit circuits resistance voltage subset subsets integer integers triangle triangles angle angles equation equations pronoun pronouns verb verbs noun nouns singular plural element elements atom atoms molecule molecules theorem proof prime primes derivative integral vector vectors matrix gas gases square squares rectangle rectangles rhombus circle circles polygon polygons',
);
/** Verbs of checking, against whose expectation an "actually" sets what happens. */
const CHECKING_VERBS = set(
  'verify verifies check checks confirm confirms test tests whether ensure ensures expect expected',
);
/**
 * An intensifier under a negation carries the claim: "not entirely accurate" is partly accurate,
 * "not accurate" is wrong; "it is not true that the plot is entirely dependent on …" likewise.
 * No cut after a negation in the same clause.
 */
const NEGATED_CLAUSE = { n: 16, in: new Set([...NEGATORS, ...NEGATION_WORDS]) };

const STANDARD_CASUAL: RewriteMode[] = ['standard', 'casual'];
const FORMAL: RewriteMode[] = ['formal', 'academic'];
const ACADEMIC: RewriteMode[] = ['academic'];
/** Words that open a concession or answer one ("While …", "… but …"). */
const CONCEDING = set('while whilst although though but yet');
const CASUAL: RewriteMode[] = ['casual'];
/** A moment "as we" marks, which is "when" ("As we sat down to talk" → "When we sat down"). */
const AS_WE_MOMENTS = set('sat stood left leave finished finish opened open arrived arrive');
/** What a choice fits: a reader's own needs, goals or situation ("best fits your circumstances"). */
const FITTED_NEEDS = set(
  'needs need goals goal values value circumstances situation interests priorities budget schedule lifestyle preferences requirements expectations skills strengths personality style plans',
);
const CONCISE: RewriteMode[] = ['concise'];
/** Ways through a place, which one navigates by moving ("the maze of corridors"). */
const PLACES_WALKED = set(
  'corridor corridors street streets alley alleys alleyways tunnel tunnels passage passages hall halls hallway hallways room rooms road roads path paths trail trails canal canals cave caves river rivers woods forest city town',
);
const NOT_ACADEMIC: RewriteMode[] = ['standard', 'formal', 'casual', 'concise'];
// Words after which a quantifier may not become "lots of": a determiner ("the lots of benefits"),
// a degree word ("so lots of") or a preposition that reads wrong before it.
const NOT_BEFORE_LOTS_OF = set('how so too as very not a the of his her their its our my your these those in for');
const MASS_NOUNS = set(
  'time money effort work research information evidence attention support interest pressure knowledge experience energy data',
);

/** "is dependent on" → "depends on", "are …" → "depend on", "was/were …" → "depended on", "be/been/being …" likewise. */
/**
 * What "a sense of" names in its own right: "a sense of place" is not "place", and "a sense of
 * security", "of isolation" or "of equality" is a feeling, where "security", "isolation" and
 * "equality" are states ("uniforms create a sense of equality" is no claim that they create equality).
 * A countable noun needs its article back ("feels a sense of connection" is no "feels connection").
 */
const SENSE_OF_ITS_OWN = set(
  'belonging place self humor humour direction identity proportion smell taste touch sight hearing time occasion style fun purpose accomplishment achievement security safety isolation community equality fairness justice freedom independence control order normalcy normality stability permanence progress closure ownership connection bond kinship unity duty obligation mission adventure ' +
    // and their opposites: "uniforms create a sense of inequality" is no claim that they create it
    'inequality injustice unfairness insecurity instability disorder chaos scarcity danger threat crisis privilege exclusion hierarchy distance scale continuity',
);

function beAdjective(adjective: string, verbPhrase: string): Entry[] {
  const head = verbPhrase.split(' ')[0];
  const rest = verbPhrase.slice(head.length);
  const f = verbForms(head);
  const forms: [string, string][] = [
    ['is', f.s3],
    ['are', f.base],
    ['am', f.base],
    ['was', f.past],
    ['were', f.past],
    ['be', f.base],
    ['been', f.pp],
    ['being', f.ger],
  ];
  return forms.map(([be, v]) => F(`${be} ${adjective}`, `${v}${rest}`, 2, { guard: { prevNotIn: set('it there') } }));
}

/** "It is important to note that", "it's essential to recognize that", … : every framing of a plain statement. */
function framings(): Entry[] {
  const out: Entry[] = [];
  const adjectives = ['important', 'essential', 'crucial', 'vital', 'necessary', 'critical', 'imperative', 'key'];
  const verbs = [
    'note',
    'recognize',
    'recognise',
    'remember',
    'understand',
    'acknowledge',
    'emphasize',
    'emphasise',
    'mention',
    'highlight',
    'consider',
    'realize',
    'realise',
    'stress',
    'point out',
    'bear in mind',
    'keep in mind',
    'note here',
  ];
  for (const it of ['it is', "it's", 'it is also', "it's also"])
    for (const a of adjectives) for (const v of verbs) out.push(C(`${it} ${a} to ${v} that`, '', 2));
  for (const it of ['it is', "it's", 'it is also', "it's also"])
    for (const a of ['worth', 'interesting to', 'noteworthy to'])
      for (const v of [
        'noting',
        'mentioning',
        'remembering',
        'considering',
        'highlighting',
        'stressing',
        'emphasizing',
        'emphasising',
        'pointing out',
        'note',
        'mention',
      ]) {
        if (a === 'worth' && !/ing\b/.test(v)) continue;
        if (a !== 'worth' && /ing\b/.test(v)) continue;
        out.push(C(`${it} ${a} ${v} that`, '', 2));
      }
  for (const who of ['we', 'one', 'you'])
    for (const m of ['must', 'should'])
      for (const v of ['note', 'recognize', 'recognise', 'remember', 'acknowledge', 'understand', 'realize', 'realise'])
        out.push(C(`${who} ${m} ${v} that`, '', 2));
  for (const v of ['noted', 'mentioned', 'emphasized', 'emphasised', 'remembered', 'stressed', 'acknowledged'])
    for (const m of ['should', 'must']) out.push(C(`it ${m} be ${v} that`, '', 2));
  out.push(
    C('it is no secret that', '', 2),
    C("it's no secret that", '', 2),
    C('it is evident that', '', 2, { modes: NOT_ACADEMIC }),
    C('it is clear that', '', 2, { modes: NOT_ACADEMIC }),
    C("it's clear that", '', 2, { modes: NOT_ACADEMIC }),
    C('it is undeniable that', '', 2, { modes: NOT_ACADEMIC }),
    C('there is no doubt that', '', 2, { modes: NOT_ACADEMIC }),
    C('it is safe to say that', '', 2),
    C('it can be seen that', '', 2, { modes: NOT_ACADEMIC }),
    C("it's safe to say that", '', 2),
    // A notice's courtesy: the statement stands on its own ("Please note that the office will be
    // closed on Friday." → "The office will be closed on Friday."); a formal letter keeps it.
    C('it is no exaggeration to say that', '', 2),
    C("it's no exaggeration to say that", '', 2),
    // Only before the statement noted: "Please note that down in your diary" notes "that".
    ...['please', 'kindly'].map((w) =>
      C(`${w} note that`, '', 2, { modes: NOT_FORMAL, guard: { beforeClause: true } }),
    ),
    C('please be advised that', '', 2, { modes: NOT_FORMAL }),
  );
  // "It is highly recommended that you enable it." → "You should enable it." (the verb after
  // "that you" is already the bare form "should" takes).
  for (const it of ['it is', "it's"])
    for (const how of ['', 'highly ', 'strongly '])
      for (const a of ['recommended', 'advisable', 'advised'])
        // Not before "do not", which "should" cannot take ("You should do not share …").
        out.push(
          C(`${it} ${how}${a} that you`, 'you should', 2, { guard: { nextLower: true, nextNotIn: set("do don't") } }),
        );
  // The same framing before an aside: "It's worth noting that, in 2019, sales fell." → "In 2019, sales fell."
  const beforeAside = out
    .filter((e) => e.src.endsWith(' that') && !e.alts.plain[0])
    .map((e) => ({ ...e, src: `${e.src} ,` }));
  // The framing with a contrast inside it: "It's worth noting, though, that these benefits aren't
  // evenly spread." → "But these benefits aren't …" (formal "However, …"). Only at a sentence's
  // start: after "and" a clause's "but" would make "and but".
  const contrasted = out
    .filter((e) => e.src.endsWith(' that') && !e.alts.plain[0])
    .flatMap((e) =>
      ['though', 'however'].map((adv) =>
        O(`${e.src.slice(0, -' that'.length)} , ${adv} , that`, { plain: ['but'], formal: ['however,'] }, e.level, {
          modes: e.modes,
        }),
      ),
    );
  return [...out, ...beforeAside, ...contrasted];
}

/**
 * Nouns of an act whose "of" names what is acted on ("the removal of trees": trees are removed),
 * with their "-ing" form. Not the nouns that also name a thing or a state ("the introduction of
 * the book" is its first chapter, "the collection of the museum" its objects, "the management of
 * the firm" its managers, "the investigation of the murder" the police's inquiry, "the
 * determination of the team" their resolve, "the characterization of Heathcliff" his portrayal,
 * "the conservation of energy" a law, "the treatment of women" how they fare), nor those whose
 * "of" may name the doer ("the development of children", "the expansion of the universe"), nor
 * those whose "-ing" form the detector counts as over-used ("preserving", "optimizing").
 */
const ACTS = new Map<string, string>(
  (
    [
      ['implementation', 'implementing'],
      ['creation', 'creating'],
      ['establishment', 'establishing'],
      ['adoption', 'adopting'],
      ['elimination', 'eliminating'],
      ['prevention', 'preventing'],
      ['protection', 'protecting'],
      ['reduction', 'reducing'],
      ['removal', 'removing'],
      ['replacement', 'replacing'],
      ['identification', 'identifying'],
      ['evaluation', 'evaluating'],
      ['examination', 'examining'],
      ['exploitation', 'exploiting'],
      ['acquisition', 'acquiring'],
      ['enforcement', 'enforcing'],
      ['utilization', 'using'],
      ['exploration', 'exploring'],
      ['calculation', 'calculating'],
      ['estimation', 'estimating'],
      ['detection', 'detecting'],
      ['prediction', 'predicting'],
      ['mitigation', 'mitigating'],
      ['promotion', 'promoting'],
      ['enhancement', 'improving'],
      ['modernization', 'modernizing'],
      ['analysis', 'analyzing'],
      ['measurement', 'measuring'],
      ['simulation', 'simulating'],
      ['manipulation', 'manipulating'],
      ['application', 'applying'],
    ] as const
  ).flatMap(([noun, ing]) => [
    [noun, ing],
    // British spellings match too ("modernisation"); the edit writes the document's own spelling.
    ...(noun.includes('iz') ? [[noun.replace('iz', 'is'), ing] as const] : []),
  ]),
);
/**
 * Prepositions of means and purpose, which a gerund reads well after ("by implementing", "for
 * creating", "in preserving"). Not "to" ("led to the creation of 500 jobs"), nor time words
 * ("since the introduction", "after the removal"), where the act becomes the subject's own, nor
 * a topic or a part ("a commentary on the manipulation of the working class", "including the
 * creation of the Federal Elections Commission"), which names an act that took place.
 */
const BEFORE_GERUND = ['in', 'for', 'by', 'through', 'into', 'towards', 'toward', 'without'];
/**
 * "allows for the estimation of" is no "allows for estimating"; what results in a creation (or
 * ends in one) has a thing as its outcome: "resulting in the creation of new nuclei" names what
 * came about, "resulting in creating" reads as an act.
 */
const NOT_BEFORE_GERUND_FOR = set(
  'allow allows allowed allowing provide provides provided providing result results resulted resulting end ends ended ending culminate culminates culminated culminating',
);

/**
 * "by the implementation of the policy" → "by implementing the policy": the act said as a verb, in
 * plain prose (formal and academic prose keep the noun). Never where an agent follows ("the
 * removal of trees by the city"), which the gerund would drop.
 */
function actsAfterPrepositions(): Entry[] {
  return BEFORE_GERUND.flatMap((p) =>
    [...ACTS].map(([noun, ing]) =>
      F(`${p} the ${noun} of`, `${p} ${ing}`, 2, {
        modes: NOT_FORMAL,
        guard: {
          nextLower: true,
          notNextWithin: { n: 8, in: set('by') },
          prevNotIn: NOT_BEFORE_GERUND_FOR,
          notFirstOfActs: true,
        },
      }),
    ),
  );
}

export const PHRASES: Entry[] = [
  ...because('filler', framings()),

  // ---- Openers and closers the detector lists --------------------------------------------------
  ...because('opener', [
    // A chat model's drum roll before its point ("Here's the thing: consistency wins.").
    O("here's the thing :", '', 2),
    O('here is the thing :', '', 2),
    O("here's the deal :", '', 2),
    O("here's the kicker :", '', 2),
    O('the truth is ,', '', 2),
    O('the reality is ,', '', 2),
    // The reminder before a point ("Remember, practice makes perfect."), not a request to recall a name.
    O('remember ,', '', 2, { guard: { nextLower: true } }),
    O('remember :', '', 2, { guard: { nextLower: true } }),
    // A scene to picture ("Imagine a world where …", "Imagine waking up …", "Imagine how quiet …" →
    // "Picture …"); before a clause of its own ("Imagine you are …"), which "Picture" cannot take,
    // a supposition. "Imagine if …" stays ("Suppose if" is no English), and so does "Imagine that
    // …" (a clause, or a determiner: "Imagine that feeling").
    O('imagine', 'Suppose', 2, { guard: { beforeClause: true } }),
    O('imagine', 'Picture', 2, {
      // Nor before an indefinite subject, which opens a clause as often ("Imagine someone offers
      // you a wager" is no "Picture someone offers you").
      // A bare noun with its verb may be a clause too: "Imagine reddit existed in 1939" stays.
      guard: {
        nextLower: true,
        nextNotIn: new Set([...CLAUSE_SUBJECTS, ...INDEFINITE_SUBJECTS, 'if', 'that']),
        beforeClause: false,
        // Only what the eye sees: a smell, a sound or a taste is imagined, not pictured.
        notNextWithin: {
          n: 3,
          in: set('smell smells sound sounds taste tastes scent scents feel feeling noise noises'),
        },
      },
    }),
    O('have you ever', 'Ever', 2, { modes: ['standard', 'casual', 'concise'] }),
    // Before an act the moment is the act's: "When it comes to choosing a car, …" → "When choosing
    // a car, …" ("As for choosing a car, there are factors" reads as a change of subject).
    O('when it comes to', 'When', 2, { guard: { nextGerund: true, doerAfter: true } }),
    // "As for" turns from a topic before it: the document's first sentence has none, and names its
    // field ("When it comes to nutrition, balance matters" → "In nutrition, …", "In choosing a
    // stroller, …").
    O('when it comes to', 'As for', 2, { guard: { notOpening: true, nextNotIn: set('it') } }),
    // A field is one to be in ("In nutrition, …"); anything else is what is said holds for
    // ("When it comes to vaccines, the evidence is clear" → "For vaccines, …", not "In vaccines").
    O('when it comes to', 'In', 2, { guard: { nextIn: FIELDS_OF_PRACTICE } }),
    O('when it comes to', 'In', 2, { guard: { nextGerund: true } }),
    // "With" holds for a thing or a person ("For my kids, I never compromise" would be for their
    // sake); never the idiom "when it comes to it", a time.
    O('when it comes to', 'With', 2, { guard: { nextNotIn: set('it') } }),
    O('throughout history ,', 'Through the ages,', 2),
    // Not "Over the past few years,", which narrows a span of decades.
    O('in recent years ,', 'Recently,', 2),
    O('once upon a time ,', 'Long ago,', 2),
    O('without further ado ,', '', 2),
    O('once upon a time', 'Long ago', 2),
    O('as the sun', 'When the sun', 2),
    O('in an era of', 'In a time of', 2),
    O('in an era where', 'At a time when', 2),
    O('in an era when', 'At a time when', 2),
    O('in an age of', 'In a time of', 2),
    // Not where the sentence names an idea already ("The concept of extra dimensions is a
    // fundamental idea in physics").
    O('the concept of', 'The idea of', 2, { guard: { notInSentence: set('idea ideas') } }),
    O('the importance of', 'The value of', 2),
    // A blog post's or an essay's announcement of itself: "In this article, we will explore X" → "This article
    // looks at X", "In this essay, I will explore …" → "This essay looks at …" (not "explores", itself an
    // over-used word).
    ...['article', 'post', 'blog post', 'guide', 'essay', 'paper', 'report'].flatMap((n) =>
      (
        [
          ['explore', 'looks at'],
          ['discuss', 'discusses'],
          ['examine', 'looks at'],
          ['cover', 'covers'],
          ['look at', 'looks at'],
          ['delve into', 'looks at'],
          ['dive into', 'looks at'],
        ] as const
      ).flatMap(([v, s3]) =>
        ['we will', "we'll", "we're going to", 'we are going to', 'i will', "i'll"].map((will) =>
          O(`in this ${n} , ${will} ${v}`, `This ${n} ${s3}`, 2),
        ),
      ),
    ),
    // The reader's cue before a point ("Let's face it, nobody reads manuals.").
    O("let's face it ,", '', 2),
    O("let's be honest ,", 'Honestly,', 2),
    // A guide's announcement of its next part: "Let's explore how it works." ("explore" is over-used).
    O("let's explore", "Let's look at", 2, { guard: { nextLower: true } }),
    O("let's delve into", "Let's look at", 2, { guard: { nextLower: true } }),
    O("let's dive into", "Let's look at", 2, { guard: { nextLower: true } }),
    O("let's take a closer look at", "Let's look at", 2, { guard: { nextLower: true } }),
    // "The world of fashion is changing." → "Fashion is changing." (not "the world of the novel").
    O('the world of', '', 2, { why: 'filler', guard: { nextLower: true, nextNotIn: DETERMINERS } }),
  ]),
  ...because('closer', [
    O('as we move forward ,', '', 2),
    O('as we look to the future ,', '', 2),
    O('as we look ahead ,', '', 2),
    O('looking ahead ,', '', 2),
    O('to wrap up ,', '', 2),
    O('all things considered ,', '', 2),
    O('in closing ,', '', 2),
    O('in the grand scheme of things ,', '', 2),
    O('as we have seen ,', 'As shown above,', 2),
    O('as we have discussed ,', 'As shown above,', 2),
    O('as we have explored ,', 'As shown above,', 2),
    // The rhetorical closer ("Together, we can build …"), not a story's "Together, we climbed" nor
    // its habit: "Together, we would build model rockets" ("would", "could", "might" tell one).
    // What we can do together is a condition; what we will do, a promise ("Together, we will end
    // hunger by 2030" is no "If we work together, we will"): "Working together, we will".
    O('together , we', 'If we work together, we', 2, { guard: { nextIn: set('can may') } }),
    O('together , we', 'Working together, we', 2, { guard: { nextIn: set('will shall must should') } }),
    // The temporal "as" ("As we navigate …, we must …", "As we walked home, …"), never the
    // manner "as" of "As we discussed, …" or "As we know, …", nor the causal "As we are …", nor
    // the proportional "as" of change ("As we age, …" is not "While we age"), nor the "as" of a
    // moment reached ("As we approach the end of the term" is not "While we approach"; "As we move
    // into an era …" is not "While we move"; "As we come together, …" and "As we gather here" are
    // "when"), nor a moment itself ("As we sat down to talk" is no "While we sat down": it is
    // "When we sat down", as below).
    O('as we', 'When we', 2, { guard: { nextIn: AS_WE_MOMENTS } }),
    O('as we', 'While we', 2, {
      guard: {
        nextLower: true,
        nextNotIn: new Set([
          ...AS_WE_MOMENTS,
          ...set(
            'stand sit continue continues keep have know knew discussed discuss mentioned mention said say noted note saw see explained explain described describe agreed agree expected expect hoped hope learned learnt showed show argued argue suggested suggest found find predicted predict can could will shall may might must all both do did does are is am would should age aged grow grew get got become became mature matured develop developed progress progressed evolve evolved advance advanced gain gained approach approached near neared enter entered begin began start started reach reached close closed end ended conclude concluded celebrate celebrated mark marked welcome welcomed turn turned step stepped head headed embark embarked arrive arrived move moved go went venture ventured transcend transcended transition transitioned come came gather gathered meet met unite united join joined',
          ),
        ]),
      },
    }),
  ]),
  ...because('transition', [
    // (Formal and academic prose say it in their register: "This way," is spoken.)
    O('in this way ,', { plain: ['This way,'], formal: ['By this means,'] }, 2),
    O('on the other hand ,', { plain: [], casual: ['But'], concise: ['But'] }, 2, {
      modes: ['casual', 'concise'],
      guard: { nextLower: true },
    }),
    // Formal prose keeps off the spoken "That way,", and off "In this way,", itself a listed
    // transition: "By doing so," becomes "In doing so,", which it keeps.
    O('by doing so ,', { plain: ['That way,'], formal: ['In doing so,'] }, 2),
    O('in doing so ,', 'That way,', 2, { modes: NOT_FORMAL }),
    O('on top of that ,', { plain: ['Also,'], casual: ['Plus,'], concise: [''] }, 2),
    O('what is more ,', { plain: ['Also,'], concise: [''] }, 2),
    O('for all intents and purposes ,', '', 2, { why: 'filler' }),
    // Said twice: "In my opinion, I think that …" → "I think that …".
    ...['in my opinion', 'personally', 'in my view'].map((o) => O(`${o} , i think`, 'I think', 2, { why: 'filler' })),
    // A reassurance formula: what follows says the thing ("Rest assured, it is on its way.").
    O('rest assured ,', '', 2, { why: 'filler', guard: { nextLower: true } }),
  ]),

  // ---- Stock phrases the detector lists, reworded --------------------------------------------
  ...because('stock', [
    // A launch's breathless opening said as announcements are ("We are thrilled to announce" →
    // "We are pleased to announce"; casual "happy").
    ...['thrilled', 'excited', 'delighted'].flatMap((w) =>
      ['announce', 'introduce', 'share', 'unveil'].map((v) =>
        F(`${w} to ${v}`, { plain: [`pleased to ${v}`], casual: [`happy to ${v}`] }, 2, {
          // A company's announcement only ("The kids were excited to share their drawings", "I'm
          // thrilled to share that I got the job" are feelings, which "pleased" would cool).
          guard: { prevIn: new Set([...BE_FORMS, "we're"]), prevWithin: { n: 2, in: set("we we're") } },
        }),
      ),
    ),
    // Travel copy's clichés said plainly: "a treasure trove of letters" is a rich store of them,
    // "a hidden gem" a real find.
    F('a treasure trove of', 'a rich store of', 2),
    F('a veritable treasure trove of', 'a rich store of', 2),
    F('a true hidden gem', 'a real find', 2),
    F('a hidden gem', 'a real find', 2),
    // Not as a subject with a plural verb: "The complexities of the law are many" would become
    // "The complexity of the law are many".
    F('the complexities of', 'the complexity of', 2, {
      guard: { notNextWithin: { n: 8, in: set('are were have remain seem appear make mean') } },
    }),
    // What is to be remembered, not a fact ("but it is important to remember the personal risks
    // that come with it"): worth remembering, as the writer meant ("… that" is cut as framing; "to
    // remember to take the time" is no thing remembered, and stays).
    ...['it is', "it's"].map((it) =>
      F(`${it} important to remember`, `${it} worth remembering`, 2, { guard: { nextNotIn: set('that to , .') } }),
    ),
    // An object is no subject, whatever verb comes after: "explores the complexities of human
    // relationships and the choices we make".
    F('the complexities of', 'the complexity of', 2, {
      guard: {
        prevIn: set(
          'at into about with explore explores explored exploring examine examines examined examining understand understands understood understanding reveal reveals revealed revealing capture captures captured capturing navigate navigates navigated navigating handle handles handled handling',
        ),
      },
    }),
    // "felt a sense of relief" → "felt relief", "sparks a sense of curiosity" → "sparks
    // curiosity": the feeling is the noun's; not where "a sense of" names something of its own
    // ("a sense of place", "of humour", "of direction", "of self").
    ...[
      'feel',
      'experience',
      'create',
      'bring',
      'instill',
      'instil',
      'evoke',
      'arouse',
      'inspire',
      'spark',
      'stir',
      'awaken',
      'kindle',
      'convey',
    ].map((verb) =>
      V(`${verb} a sense of`, verb === 'experience' ? 'feel' : verb, 2, {
        why: 'filler',
        guard: { nextNotIn: SENSE_OF_ITS_OWN },
      }),
    ),
    // Not "feel a feeling of belonging".
    V('feel a sense of belonging', 'feel at home', 2),
    F('a sense of belonging', 'a feeling of belonging', 2),
    F('sense of belonging', 'feeling of belonging', 2),
    // After a possessive the word says nothing ("your overall well-being" is "your well-being");
    // otherwise it is "general" ("improve general well-being").
    F('overall well-being', 'well-being', 2, { guard: { prevIn: POSSESSIVES } }),
    F('overall well-being', 'general well-being', 2, { guard: { prevNotIn: POSSESSIVES } }),
    // Not the woven thing itself ("A rich tapestry woven in 1790 hangs in the lobby").
    F('rich tapestry', 'rich mix', 2, {
      guard: { notNextWithin: { n: 3, in: set('woven hangs hung hanging embroidered') } },
    }),
    // A brochure's "in the comfort of your own home": at home, where the comfort goes without saying.
    ...['your', 'their', 'our', "one's"].flatMap((owner) =>
      ['own home', 'home', 'own homes', 'homes'].flatMap((place) => [
        F(`in the comfort of ${owner} ${place}`, 'at home', 2),
        F(`from the comfort of ${owner} ${place}`, 'from home', 2),
      ]),
    ),
    V('pave the way', ['clear the way', 'open the way'], 2),
    V('send shivers down', 'send a chill down', 2),
    // What is handled may have adjectives before it ("navigating the difficult times together").
    // A landscape or a maze is found a way through, not handled ("to handle the complex landscape
    // of moral decision-making" is not said).
    V('navigate the', 'find a way through the', 2, {
      guard: {
        nextWithin: { n: 3, in: set('landscape landscapes maze terrain') },
        notNextWithin: { n: 5, in: PLACES_WALKED },
      },
    }),
    V('navigate the', 'handle the', 2, {
      guard: {
        nextWithin: {
          n: 3,
          in: set(
            'challenges complexities intricacies difficulties demands pressures uncertainties uncertainty process transition ups changes realities obstacles pitfalls problems issues complexity tension tensions trials times mix',
          ),
        },
        // A maze of corridors or streets is walked through, not handled.
        notNextWithin: { n: 5, in: PLACES_WALKED },
      },
    }),
    V('navigate these', 'handle these', 2, {
      guard: {
        nextIn: set('challenges complexities difficulties demands pressures uncertainties changes issues problems'),
      },
    }),
    F('in the vast', 'in the huge', 2),
    // Inside a sentence: "Letters are rare in today's world." → "… rare today."; before "of" the
    // noun stays ("in today's world of competition" → "in the current world of competition").
    ...['world', 'society', 'fast-paced world', 'digital world', 'digital age', 'modern world'].flatMap((n) => [
      // Nor before the relative its noun anchors ("In today's world, where speed is prized, …").
      F(`in today's ${n}`, 'today', 2, {
        guard: { prevNotIn: set('.'), nextNotIn: set('of'), next2NotIn: set('where') },
      }),
      // (The pace is the stock part: "in today's fast-paced world of finance" → "in the world of finance".)
      F(
        `in today's ${n}`,
        n.startsWith('fast-paced ') ? `in the ${n.replace('fast-paced ', '')}` : `in the current ${n}`,
        2,
        {
          guard: { prevNotIn: set('.'), nextIn: set('of') },
        },
      ),
    ]),
    // After another preposition the pace is the stock part: "the complexities of today's fast-paced
    // world" → "of today's world"; "a fast-paced world" is a busy one.
    F("today's fast-paced world", "today's world", 2, { guard: { prevNotIn: set('in') } }),
    ...['a', 'our', 'this', 'the'].map((d) => F(`${d} fast-paced world`, `${d} busy world`, 2)),
  ]),

  // ---- Hedges that repeat a hedge, and intensifiers that add nothing ----------------------------
  // (A single hedge stays: "it can be argued that X" is not "X".)
  ...because('hedge', [
    F('may potentially', 'may', 2),
    F('could potentially', 'could', 2),
    F('might potentially', 'might', 2),
    F('can potentially', 'can', 2),
    F('could possibly', 'could', 2),
    F('may possibly', 'may', 2),
    F('might possibly', 'might', 2),
  ]),
  ...because('intensifier', [
    // Concise prose cuts what other modes tone down ("incredibly easy" → "very easy" → "easy").
    // Not before how often or how likely ("serious reactions are extremely rare"): the degree is
    // the claim there.
    // (Never the second of a doubled one, "really, really tired": the comma would stay.)
    ...['incredibly', 'extremely', 'exceedingly', 'immensely', 'tremendously', 'really', 'quite'].map((w) =>
      F(w, '', 2, {
        modes: CONCISE,
        guard: {
          nextLower: true,
          prevNotIn: NOT_BEFORE_CUT_IN_LIST,
          nextNotIn: new Set([...AFTER_VERB_PHRASE, ...DEGREE_IS_THE_CLAIM]),
          notPrevWithin: NEGATED_CLAUSE,
        },
      }),
    ),
    // Completeness is part of a claim before a state that comes by degrees ("fully vaccinated",
    // "completely closed", "entirely determined"); only before a word that is all or nothing
    // ("completely unique", "totally impossible") does it add nothing.
    ...['completely', 'totally', 'entirely', 'fully'].map((w) =>
      F(w, '', 2, {
        modes: CONCISE,
        guard: {
          nextIn: ALL_OR_NOTHING,
          prevNotIn: NOT_BEFORE_CUT_IN_LIST,
          notPrevWithin: NEGATED_CLAUSE,
        },
      }),
    ),
    // Nor in a condition, where it narrows the exception: "unless absolutely necessary" is rarer than
    // "unless necessary".
    F('absolutely', '', 2, {
      guard: {
        nextLower: true,
        nextNotIn: set('not no nothing never none nobody'),
        prevNotIn: set('unless if when where'),
        notPrevWithin: NEGATED_CLAUSE,
      },
    }),
    // A change is already to the root of what it changes: "has fundamentally transformed the way we
    // work" says "has transformed" (concise prose; "fundamentally different" compares, and stays).
    F('fundamentally', '', 2, {
      modes: CONCISE,
      guard: {
        nextIn: set(
          'change changes changed changing transform transforms transformed transforming alter alters altered altering reshape reshapes reshaped reshaping redefine redefines redefined redefining revolutionized revolutionised',
        ),
        notPrevWithin: NEGATED_CLAUSE,
      },
    }),
    F('undeniably', '', 2, { guard: { nextLower: true, prevNotIn: set('.'), notPrevWithin: NEGATED_CLAUSE } }),
    F('utterly', '', 2, { guard: { nextLower: true, nextNotIn: set('not no'), notPrevWithin: NEGATED_CLAUSE } }),
    // "greatly" grades a verb or a participle ("greatly improved"); an adjective or an adverb takes
    // "very" ("immensely powerful" → "very powerful", "tremendously well" → "very well").
    ...['immensely', 'tremendously'].flatMap((w) => [
      F(w, 'very', 2, { guard: { beforeGradable: true } }),
      F(w, 'greatly', 2),
    ]),
    F('exceedingly', 'very', 2),
    // "Extremely low birth weight" and "extremely preterm" are clinical grades of their own, below
    // "very low" and "very preterm".
    F('extremely', 'very', 2, {
      modes: NOT_FORMAL,
      guard: { nextNotIn: set('preterm drug-resistant'), next2NotIn: set('birth') },
    }),
    F('highly', '', 2, {
      modes: CONCISE,
      guard: {
        // Not "highly significant" (a p-value's grade) nor "highly effective" (a measured effect).
        nextIn: set('important beneficial successful valuable useful relevant'),
        notPrevWithin: NEGATED_CLAUSE,
      },
    }),
    // Nor before how often or how likely, nor a grade that names a category: "very common" side
    // effects are a band of their own (more than 1 in 10), "very low birth weight" a defined one.
    F('very', '', 2, {
      modes: CONCISE,
      guard: {
        nextLower: true,
        // Nor a point of a scale ("satisfied or very satisfied", "rated as very good") nor who a
        // rule or a claim covers ("Only very experienced pilots", "effective in very young children").
        prevNotIn: set('not the this that at from of same , or and as only in among rated'),
        nextNotIn: new Set([...set('much many few little same first last end best'), ...DEGREE_IS_THE_CLAIM]),
        // Nor one of a pair of grades ("very easy or very hard").
        notNextWithin: { n: 2, in: set('or') },
        notPrevWithin: NEGATED_CLAUSE,
      },
    }),
    // Not "greatly", "significantly" (how much: "risen significantly" is no "risen"; in a study the
    // statistical claim) nor "particularly" ("particularly vulnerable" compares): their plainer
    // words stand instead.
    ...[
      'deeply',
      'truly',
      'actually',
      'simply',
      'certainly',
      'definitely',
      'genuinely',
      // Not "basically" or "essentially", which say "almost" ("I basically raised my little
      // brother", "essentially homeless"): cut, the claim is stronger than the writer's.
      // Not "increasingly": "becomes increasingly important" says it grows, "becomes important" not.
    ].map((w) =>
      F(w, '', 2, {
        modes: CONCISE,
        guard: {
          nextLower: true,
          prevNotIn: NOT_BEFORE_CUT_IN_LIST,
          // Before a preposition it sets a scope: "depends entirely on its outcomes", "made entirely
          // of wood", "particularly in winter" say more than "depends on", "made of", "in winter";
          // after a verb's object it says how far the act went ("recovered fully and …").
          // "Simply put," is one phrase, cut whole (below), never "Put,".
          nextNotIn: new Set([...AFTER_VERB_PHRASE, 'put']),
          notPrevWithin: NEGATED_CLAUSE,
          // What is checked "actually" happens against what is expected: "verify that your queries
          // actually use the indexes" is no "verify that your queries use them"; before a verb
          // "simply" is "merely" ("He had simply refused to run" was no brave act).
          // After a modal or "be" it marks the unexpected ("a poorly configured cache can actually
          // degrade performance", "which was actually fine").
          ...(w === 'actually'
            ? { notInSentence: CHECKING_VERBS, prevNotIn: new Set([...NOT_BEFORE_CUT_IN_LIST, ...MODALS, ...BE_FORMS]) }
            : {}),
          ...(w === 'simply' ? { beforeGradable: true } : {}),
        },
      }),
    ),
    O('simply put ,', '', 2),
  ]),

  // ---- Nouns that should be verbs ("make a decision" → "decide") -------------------------------
  // In an alternative, ^ marks the verb that takes the form of the matched one ("greatly ^affect").
  ...because('verb', [
    // Not before a relative clause: "Carton makes a decision that remains one of the most heroic
    // moments" names the decision ("decides that remains" is no English).
    // Nor a relative clause without its "that" ("make a decision you've been avoiding", "a
    // decision I still admire", "a decision last year that …"): decide takes what follows.
    V('make a decision', 'decide', 2, {
      guard: {
        nextIn: set('to about on . , ; : ! ? and or but quickly fast now today together early soon'),
      },
    }),
    // "is of the opinion that" says "thinks" in four words.
    ...(
      [
        ['is', 'thinks', 'believes'],
        ['are', 'think', 'believe'],
        ['am', 'think', 'believe'],
        ['was', 'thought', 'believed'],
        ['were', 'thought', 'believed'],
      ] as const
    ).map(([be, plain, formal]) =>
      F(`${be} of the opinion that`, { plain: [`${plain} that`], formal: [`${formal} that`] }, 2),
    ),
    // "made the decision to leave" → "decided to leave" (not "the decision that …", which names one).
    V('make the decision to', 'decide to', 2),
    V('make decisions', 'decide', 2, { guard: { nextIn: set('about on . ,') } }),
    V('reach a decision', 'decide', 2),
    V('come to a decision', 'decide', 2),
    V('make an attempt to', 'try to', 2),
    V('make an effort to', 'try to', 2),
    V('give consideration to', 'consider', 2),
    V('take into consideration', 'consider', 2),
    // Never where the sentence says "affect" already ("… greatly affect agriculture, …,
    // disproportionately affecting the poor" says it twice).
    // People's lives are changed for the better, not "affected": "to have an impact on the lives of
    // young people" → "to make a difference in the lives of".
    V('have an impact on the lives', 'make a difference in the lives', 2),
    V('have an impact on', 'affect', 2, { guard: AFFECT_ONCE }),
    V('have an effect on', 'affect', 2, { guard: AFFECT_ONCE }),
    // Not after a sentence adverb ("undoubtedly had a significant impact on" → "clearly greatly
    // affected" stacks two), nor a study's "significant", which is statistical.
    V('have a profound impact on', 'deeply ^affect', 2, { guard: AFFECT_WITH_ADVERB }),
    V('have a significant impact on', 'greatly ^affect', 2, { guard: { ...AFFECT_WITH_ADVERB, notNear: STUDY_WORDS } }),
    ...['major', 'big', 'great', 'huge'].map((size) =>
      V(`have a ${size} impact on`, 'greatly ^affect', 2, { guard: AFFECT_WITH_ADVERB }),
    ),
    V('have a significant effect on', 'greatly ^affect', 2, { guard: { ...AFFECT_WITH_ADVERB, notNear: STUDY_WORDS } }),
    V('make a contribution to', 'contribute to', 2),
    V('make contributions to', 'contribute to', 2),
    V('provide an explanation of', 'explain', 2, { guard: NO_RELATIVE_AFTER }),
    V('provide an explanation for', 'explain', 2, { guard: NO_RELATIVE_AFTER }),
    V('give an explanation of', 'explain', 2, { guard: NO_RELATIVE_AFTER }),
    V('provide a description of', 'describe', 2, { guard: NO_RELATIVE_AFTER }),
    V('give a description of', 'describe', 2, { guard: NO_RELATIVE_AFTER }),
    V('conduct an analysis of', 'analyze', 2, { guard: NO_RELATIVE_AFTER }),
    V('carry out an analysis of', 'analyze', 2, { guard: NO_RELATIVE_AFTER }),
    V('perform an analysis of', 'analyze', 2, { guard: NO_RELATIVE_AFTER }),
    V('conduct an investigation into', 'investigate', 2, { guard: NO_RELATIVE_AFTER }),
    V('carry out an investigation into', 'investigate', 2, { guard: NO_RELATIVE_AFTER }),
    V('conduct an examination of', 'examine', 2, { guard: NO_RELATIVE_AFTER }),
    V('conduct a review of', 'review', 2, { guard: NO_RELATIVE_AFTER }),
    V('carry out a review of', 'review', 2, { guard: NO_RELATIVE_AFTER }),
    // "The council carried out the implementation of the policy" (often a passive made active) →
    // "The council implemented the policy".
    ...(
      [
        ['implementation', 'implement'],
        ['construction', 'build'],
        ['evaluation', 'evaluate'],
        ['installation', 'install'],
        ['restoration', 'restore'],
      ] as const
    ).flatMap(([noun, verb]) =>
      ['carry out', 'conduct', 'perform'].map((light) => V(`${light} the ${noun} of`, verb, 2)),
    ),
    // "considering the adoption of similar measures" → "considering adopting similar measures".
    ...(
      [
        ['adoption', 'adopting'],
        ['introduction', 'introducing'],
        ['implementation', 'implementing'],
        ['use', 'using'],
      ] as const
    ).flatMap(([noun, gerund]) =>
      ['consider', 'propose'].map((verb) => V(`${verb} the ${noun} of`, `${verb} ${gerund}`, 2)),
    ),
    V('make an improvement to', 'improve', 2),
    V('make improvements to', 'improve', 2),
    // (Not "made a recommendation to the board": "recommended to the board" says nothing recommended.)
    V('make a recommendation', 'recommend', 2, { guard: { nextIn: set('that about . ,') } }),
    V('give an indication of', 'indicate', 2, { guard: NO_RELATIVE_AFTER }),
    V('provide an indication of', 'indicate', 2, { guard: NO_RELATIVE_AFTER }),
    // (Not at the clause's end: "reached a conclusion." is no "concluded.", which reads as "ended".)
    V('come to a conclusion', 'conclude', 2, { guard: { nextIn: set('that about') } }),
    V('reach a conclusion', 'conclude', 2, { guard: { nextIn: set('that about') } }),
    V('draw a conclusion', 'conclude', 2, { guard: { nextIn: set('that about') } }),
    V('make a comparison between', 'compare', 2),
    V('draw a comparison between', 'compare', 2),
    V('have a discussion about', 'discuss', 2),
    V('hold a discussion about', 'discuss', 2),
    V('make reference to', 'refer to', 2),
    V('make use of', 'use', 2, { guard: NO_RELATIVE_AFTER }),
    V('put emphasis on', 'stress', 2),
    V('place emphasis on', 'stress', 2),
    V('place an emphasis on', 'stress', 2),
    V('put an emphasis on', 'stress', 2),
    // Not beside a "help" of the sentence's own ("will help patients who need help").
    V('provide assistance to', 'help', 2, { guard: { notInSentence: HELP_FORMS } }),
    V('offer assistance to', 'help', 2, { guard: { notInSentence: HELP_FORMS } }),
    V('provide support to', 'support', 2),
    V('offer support to', 'support', 2),
    V('provide support for', 'support', 2, { guard: NO_RELATIVE_AFTER }),
    V('make changes to', 'change', 2),
    V('make adjustments to', 'adjust', 2),
    V('make an adjustment to', 'adjust', 2),
    V('take into account', 'consider', 2),
    V('make a change to', 'change', 2),
    V('take action', 'act', 2, { guard: { nextIn: set('. , to against on now') } }),
    V('gain an understanding of', 'understand', 2),
    V('gain a better understanding of', 'better ^understand', 2),
    V('gain a deeper understanding of', 'better ^understand', 2),
    V('develop an understanding of', 'understand', 2),
    V('have an understanding of', 'understand', 2),
    V('have the ability to', 'can', 2, { forms: ['base'], guard: FINITE_HAVE }),
    ...beAdjective('dependent on', 'depend on'),
    ...beAdjective('dependent upon', 'depend on'),
    ...beAdjective('reliant on', 'rely on'),
    ...beAdjective('indicative of', 'indicate'),
    ...beAdjective('reflective of', 'reflect'),
    ...beAdjective('supportive of', 'support'),
    ...beAdjective('in agreement with', 'agree with'),
    ...beAdjective('in need of', 'need'),
    ...beAdjective('aware of the fact that', 'know that'),
    // "by the implementation of the policy" → "by implementing the policy".
    ...actsAfterPrepositions(),
  ]),

  // ---- Wordy phrases ---------------------------------------------------------------------------
  ...because('wordy', [
    // Words the verb or noun says already: what melds or merges comes together, a result is the
    // end of something, a reversion goes back.
    ...['meld', 'merge', 'combine', 'collaborate', 'cooperate'].map((v) => V(`${v} together`, v, 2)),
    V('revert back', 'revert', 2),
    // A letter's "I look forward to the opportunity to discuss …": the talk is what is looked
    // forward to ("… to discussing …").
    ...[
      'discuss',
      'meet',
      'speak',
      'talk',
      'work',
      'contribute',
      'learn',
      'join',
      'connect',
      'hear',
      'collaborate',
    ].map((v) => V(`look forward to the opportunity to ${v}`, `look forward to ${verbForms(v).ger}`, 2)),
    V('repeat again', 'repeat', 2),
    N('end result', 'result', 2),
    N('final outcome', 'outcome', 2),
    F('past history', 'history', 2),
    F('so as to', 'to', 2),
    // Only ever a passive or its participle ("a period often referred to as the Jazz Age").
    F('referred to as', 'called', 2),
    // Opening a sentence: "With the exception of Monday, the shop is open" → "Apart from Monday, …".
    O('with the exception of', 'Apart from', 2),
    F('with the exception of', 'except', 2),
    F('for the reason that', 'because', 2),
    F('by means of', 'by', 2),
    // Only where "always" stands, before the verb ("must at all times wear" → "must always wear",
    // "Staff are at all times required"): after it ("supervised at all times.", "watched at all
    // times is stressful") "always" reads wrong. Not after a negation ("cannot watch them at all
    // times").
    F('at all times', 'always', 2, {
      guard: {
        prevIn: new Set([...MODALS, ...AUXILIARIES, ...BE_FORMS, ...SUBJECT_PRONOUNS]),
        nextNotIn: set('. , ; : ! ? )'),
        notPrevWithin: NEGATED_CLAUSE,
      },
    }),
    // Not a margin ("passed by a majority of 20 votes", "a majority of one"): only before those counted.
    F('a majority of', 'most', 2, { guard: { nextNotIn: DETERMINERS, prevNotIn: set('by'), beforePlural: true } }),
    // Before a determiner the partitive keeps its "of": "a small number of the chassis" → "a few of the".
    F('a small number of', 'a few', 2, { guard: { nextNotIn: DETERMINERS } }),
    F('a small number of', 'a few of', 2, { guard: { nextIn: DETERMINERS } }),
    F('in light of the fact that', 'because', 2),
    F('a great deal of', 'a lot of', 2, { modes: CONCISE }),
    // Wordy ways of saying the word after them ("surveyed a total of 1,204 customers over a period
    // of two weeks" → "surveyed 1,204 customers over two weeks"). Never opening a sentence, which a
    // number would then open.
    F('a total of', '', 2, { modes: CONCISE, guard: { beforeAmount: true, notSentenceStart: true } }),
    F('over a period of', 'over', 2, { modes: CONCISE, guard: { beforeAmount: true } }),
    F('for a period of', 'for', 2, { modes: CONCISE, guard: { beforeAmount: true } }),
    // Not after what befell the subject ("He was killed in an effort to rescue the hostages" is no
    // "killed to rescue"): only an act done in the effort.
    F('in an effort to', 'to', 2, {
      guard: { notPrevWithin: { n: 3, in: new Set([...BE_FORMS, ...set('died die dies dying')]) } },
    }),
    F('brand new', 'new', 2, { modes: CONCISE }),
    F('brand - new', 'new', 2, { modes: CONCISE }),
    F('a little bit of', 'a little', 2, { modes: CONCISE }),
    // "the act of sitting down with a book" is sitting down with one.
    F('the act of', '', 2, { modes: CONCISE, guard: { nextGerund: true } }),
    // What should be done, not what is promised ("We will take steps to ensure …" is no "We will
    // ensure …", a guarantee).
    F('take steps to', '', 2, { modes: CONCISE, guard: { prevIn: set('should must') } }),
    F('in relation to', 'about', 2, { modes: ['concise', 'casual'] }),
    // The additive "as well as" only; the comparison ("not retain it as well as we would", "as
    // well as expected", "does it as well as anyone") keeps it.
    F('as well as', 'and', 2, {
      modes: CONCISE,
      guard: {
        nextNotIn: new Set([
          ...SUBJECT_PRONOUNS,
          // Nor the set warning "can go down as well as up" ("down and up" is not said).
          ...set('expected possible ever before usual anyone anybody everyone can could any most up down'),
        ]),
        notPrevWithin: { n: 8, in: NEGATORS },
        prevNotIn: set('just quite nearly almost about perform performs performed performing do does did done ,'),
      },
    }),
    // Only before what is counted ("a range of courses"), not a measure: "a range of 400 miles".
    F('a number of', 'several', 2, { modes: CONCISE, guard: { notMeasured: 2 } }),
    F('a variety of', 'many', 2, { modes: CONCISE, guard: { notMeasured: 2 } }),
    // Not as the subject of a singular verb: "A range of options was considered" (opening the
    // sentence, nor before a comma, past which the verb is out of sight: "A range of factors,
    // including cost, was …").
    F('a range of', 'many', 2, {
      modes: CONCISE,
      guard: { notMeasured: 3, notSentenceStart: true, notNextWithin: { n: 4, in: SINGULAR_VERBS } },
    }),
    F('a range of', 'many', 2, {
      modes: CONCISE,
      guard: { notMeasured: 3, notNextWithin: { n: 4, in: new Set([...SINGULAR_VERBS, ',']) } },
    }),
    F('the month of', '', 2, {
      modes: CONCISE,
      guard: { nextIn: set('january february march april may june july august september october november december') },
    }),
    F('each and every', 'every', 2),
    F('has the capacity to', 'can', 2),
    F('have the capacity to', 'can', 2, { guard: { prevNotIn: new Set(['to', ...MODALS]) } }),
    F('in the process of', '', 2, { modes: CONCISE, guard: { prevIn: set('is are was were am') } }),
  ]),

  // ---- Plainer words for what the detector and readers notice most -----------------------------
  ...because('plain', [
    // "X is important for Y" → "X matters for Y" (not "it is important to …", the framing above or a recast).
    // "a fundamental necessity" is a necessity.
    F('fundamental', '', 2, {
      why: 'intensifier',
      guard: { nextIn: set('necessity necessities requirement requirements prerequisite prerequisites') },
    }),
    F('is important', 'matters', 2, {
      modes: NOT_FORMAL,
      guard: { prevNotIn: set('it what which that'), nextIn: set('for to in because . , ;') },
    }),
    F('are important', 'matter', 2, {
      modes: NOT_FORMAL,
      guard: { prevNotIn: set('what which that'), nextIn: set('for to in because . , ;') },
    }),
    F('was important', 'mattered', 2, {
      modes: NOT_FORMAL,
      guard: { prevNotIn: set('it what which that'), nextIn: set('for to in because . , ;') },
    }),
    // "the one that aligns with how you work" → "lines up with": the plain phrasal verb says the
    // same in each sense (a choice that fits, holes that meet their marks, a party that takes a
    // side). The active verb only: "closely aligned with" is a state. Formal prose keeps "align".
    // What fits a reader's own needs or goals "fits" them ("which option best aligns with your
    // unique circumstances" → "best fits"), as people say it; "lines up with" reads as a measure.
    // Not the past, whose "fit" or "fitted" divides American from British prose.
    ...(
      [
        ['aligns with', 'fits'],
        ['align with', 'fit'],
        ['aligning with', 'fitting'],
      ] as const
    ).map(([src, alt]) =>
      F(src, alt, 2, {
        modes: NOT_FORMAL,
        guard: {
          nextIn: set('your my our their his her'),
          nextWithin: { n: 3, in: FITTED_NEEDS },
          prevNotIn: set('closely well fully not is are was were be been being'),
        },
      }),
    ),
    F('aligns with', 'lines up with', 2, { modes: NOT_FORMAL }),
    F('align with', 'line up with', 2, { modes: NOT_FORMAL }),
    F('aligning with', 'lining up with', 2, { modes: NOT_FORMAL }),
    // The praise "unique" (one of a kind, said of what is only unusual): "a unique perspective" →
    // "an original perspective", "a unique charm" → "a special charm", "a unique opportunity" →
    // "a rare opportunity". Never a technical term ("a unique solution", "a unique identifier")
    // nor after a degree word ("most unique"). After a possessive it says whose ("their unique
    // perspective" is their own, not an original one); plural chances are distinct ones ("each
    // stage offers unique opportunities" are not rare).
    ...(
      [
        // (An opportunity is a special one, not "rare": an annual fair's is no scarcity.)
        ['original', 'perspective perspectives style styles voice voices approach approaches take'],
        [
          'special',
          'opportunity chance charm character flavor flavors flavour flavours atmosphere appeal beauty blend combination',
        ],
      ] as const
    ).flatMap(([alt, nouns]) => [
      F('unique', alt, 2, {
        guard: { attributive: true, prevNotIn: new Set([...DEGREE_WORDS, ...POSSESSIVES, 'own']), nextIn: set(nouns) },
      }),
      // Not a combination, whose being found nowhere else is the point ("Britain industrialised
      // first because of its unique combination of high wages and cheap coal").
      F('unique', 'own', 2, {
        guard: { attributive: true, prevIn: POSSESSIVES, nextIn: set(nouns), nextNotIn: set('combination blend') },
      }),
    ]),
    // "their own unique perspective" says "own" twice: "their own perspective".
    F('unique', '', 2, { guard: { attributive: true, prevIn: set('own') } }),
    F('important', 'key', 2, {
      guard: {
        attributive: true,
        prevNotIn: DEGREE_WORDS,
        nextIn: set(
          'part parts factor factors role roles step steps skill skills lesson lessons aspect aspects element elements source sources tool tools question questions issue issues point points information decision decisions feature features component components ingredient ingredients task tasks goal goals reason reasons insight insights idea ideas theme themes value values message messages area areas figure figures contribution contributions',
        ),
      },
    }),
    F('significant', 'large', 2, {
      guard: {
        prevNotIn: set('statistically highly not but'),
        notNear: STUDY_WORDS,
        nextIn: set(
          'amount amounts number numbers portion proportion share sum sums quantity quantities part percentage',
        ),
      },
    }),
    F('significant', 'major', 2, {
      guard: {
        prevNotIn: set('statistically highly not but'),
        notNear: STUDY_WORDS,
        nextIn: set(
          'change changes improvement improvements growth increase increases decrease decreases rise drop shifts shift progress damage losses loss gains gain advances advance boost impact effects investment investments developments development cost costs expense expenses',
        ),
      },
    }),
    // Not "provide someone with something", nor a means, a range or a service (PROVIDED_NOT_GIVEN),
    // nor what is provided for someone ("provide a week of meals for a child" is no "give … for").
    V('provide', 'give', 2, {
      guard: {
        verb: true,
        notCondition: true,
        // Nor the conjunction ("…, provided the temperature stays constant", "Provided the sample
        // is dry, …"), which opens a condition.
        prevNotIn: set(', ; :'),
        notSentenceStart: true,
        nextNotIn: set('for that with by in to'),
        // Nor an order after "so" or "then" ("so provide some afternoon shade": given to no one).
        notPrevWithin: { n: 1, in: set('so then') },
        notNextWithin: { n: 6, in: new Set([...PROVIDED_NOT_GIVEN, 'for']) },
        nextIn: new Set([
          ...DETERMINERS,
          ...POSSESSIVES,
          ...set(
            'insight insights information guidance support feedback advice answers clues evidence details context opportunities access',
          ),
        ]),
      },
    }),
    // Not the relative "such as": "share valence, such as is discussed in …" (of the kind that) is
    // no example, and "like is discussed" no English.
    F('such as', 'like', 2, {
      modes: STANDARD_CASUAL,
      guard: {
        prevIn: set(', things those one ones people many some others places'),
        nextNotIn: new Set([...AUXILIARIES, ...MODALS]),
      },
    }),
    // An opinion, not a conviction about what ought to be: "we believe that no one should have to
    // make that choice" and "I believe every child deserves …" say what the writer stands for.
    V('believe that', 'think that', 2, {
      modes: STANDARD_CASUAL,
      guard: {
        // Nor what a company or a team stands by ("we believe that our people are our greatest asset").
        prevIn: set('i they you people many some most'),
        // Nor faith ("I believe that God has a plan"), a conviction, not an opinion.
        notInSentence: set('should ought deserve deserves entitled god jesus christ allah lord heaven faith prayer'),
      },
    }),
    // Before its noun only: "The problems are numerous." is no "are lots of."; and not after a
    // determiner: "unlock the numerous benefits" is no "the lots of benefits".
    F('numerous', 'lots of', 2, { modes: CASUAL, guard: { attributive: true, prevNotIn: NOT_BEFORE_LOTS_OF } }),
    // Only where "maybe" opens a clause: mid-clause ("should perhaps not be kept", "is, perhaps,
    // the most moving part") it reads as a learner's.
    F('perhaps', 'maybe', 2, { modes: CASUAL, guard: { prevIn: new Set(['', ...set('. , ; : and but or so — (')]) } }),
    // "we must act" → "we have to act": the spoken word for an obligation, after a pronoun that
    // says which form. Never "must not" ("don't have to" lifts the ban it states), nor before an
    // adverb ("we must also" would read "we have to also") or a perfect ("must have been").
    ...(
      [
        ['i', 'I have to'],
        ['we', 'we have to'],
        ['you', 'you have to'],
        ['they', 'they have to'],
        ['he', 'he has to'],
        ['she', 'she has to'],
        ['it', 'it has to'],
      ] as const
    ).map(([pronoun, alt]) =>
      F(`${pronoun} must`, alt, 2, {
        modes: CASUAL,
        guard: {
          nextLower: true,
          nextNotIn: set('not never also always still all both first now then therefore have be really truly'),
        },
      }),
    ),
    // Not "the children of Israel" (a people) nor "children of divorce": only children as such.
    // Not in a report of harm: "the two children were pronounced dead" keeps its register.
    // A notice's stiff courtesy before an order ("kindly contact the front desk" → "please contact").
    F('kindly', 'please', 2, {
      modes: CASUAL,
      guard: {
        nextIn: set('contact call email note let send return check ensure submit reply confirm remove refrain'),
      },
    }),
    F('children', 'kids', 2, {
      modes: CASUAL,
      // Nor beside the set phrase "our children's children".
      // Nor a status of tax or cover ("dependent children", "children over the age of 21").
      guard: {
        prevNotIn: set('young small dependent qualifying eligible'),
        nextNotIn: set('of over under aged'),
        notInSentence: new Set([...GRAVE_WORDS, "children's"]),
      },
    }),
    F('approximately', 'about', 2, { modes: CASUAL }),
    // "not merely a story" → "not just a story": "just" says what "merely" says, where "only" says less.
    F('merely', 'just', 2, { modes: CASUAL, guard: { nextLower: true } }),
    // A result said by its participle needs no "thus": "pay for opinions, thus turning spare time into cash".
    F('thus', '', 2, { modes: CASUAL, guard: { prevIn: set(','), nextGerund: true } }),
    F('and thus', 'and so', 2, { modes: CASUAL }),
    // Not "put upon" or "come upon" (other verbs), nor "is upon us" (close at hand); "once upon a
    // time" and "layer upon layer", "thousands upon thousands" (a figure of piling up) stay.
    F('upon', 'on', 2, {
      modes: CASUAL,
      guard: {
        prevNotIn: set(
          "once put come came comes coming is are was were be been being 's 're am layer layers row rows wave waves mile miles page pages brick bricks stone stones hour hours day days year years thousands millions hundreds billions",
        ),
      },
    }),
    // Not "mutually beneficial", a set phrase.
    F('beneficial', 'helpful', 2, { modes: CASUAL, guard: { prevNotIn: set('mutually') } }),
    // Not "cease to exist" (no "stop to exist") nor the legal "cease and desist".
    V('cease', 'stop', 2, { modes: CASUAL, guard: { nextNotIn: set('to and') } }),
    F('many', 'lots of', 2, {
      modes: CASUAL,
      guard: {
        // Nor after a negation ("won't change many minds").
        notPrevWithin: { n: 4, in: NEGATORS },
        prevNotIn: NOT_BEFORE_LOTS_OF,
        nextLower: true,
        notBeforeSingular: true,
        // Before a noun, not as a pronoun: "Many have managed" is no "Lots of have managed", and
        // "leading many to view" no "leading lots of to view".
        nextNotIn: new Set([
          // Nor a set phrase: "Many a traveler", "Many thanks", "Many happy returns".
          ...set('of more other others times years to who that which a an thanks happy'),
          ...AUXILIARIES,
          ...MODALS,
          ...PRONOUN_VERBS,
          ...PREPOSITIONS,
        ]),
      },
    }),
    // "large amounts of", "a large number of", "on a large scale" are set phrases: "big" reads wrong there.
    F('large', 'big', 2, {
      modes: CASUAL,
      guard: {
        attributive: true,
        nextNotIn: set(
          'amount amounts number numbers quantity quantities scale proportion proportions part portion sums sum extent majority intestine language print data dataset datasets egg eggs bowel',
        ),
      },
    }),
  ]),

  // ---- Formal and academic prose: precise words ----------------------------------------------
  ...because('precise', [
    // Spoken forms written out, as formal prose writes its contractions out: "We are gonna need
    // everyone's help" was left half formal.
    F('gonna', 'going to', 2, { modes: FORMAL }),
    F('wanna', 'want to', 2, { modes: FORMAL }),
    F('kinda', 'kind of', 2, { modes: FORMAL }),
    F('sorta', 'sort of', 2, { modes: FORMAL }),
    F('a lot of', 'many', 2, {
      modes: FORMAL,
      guard: {
        nextWithin: {
          n: 2,
          in: set('people things ways reasons students children problems questions studies books times cases'),
        },
      },
    }),
    F('lots of', 'many', 2, {
      modes: FORMAL,
      guard: {
        nextWithin: {
          n: 2,
          in: set('people things ways reasons students children problems questions studies books times cases'),
        },
      },
    }),
    F('a bunch of', 'a number of', 2, {
      modes: FORMAL,
      guard: {
        nextWithin: {
          n: 2,
          in: set(
            'people things ways reasons students children problems questions ideas friends options books times cases',
          ),
        },
      },
    }),
    // Slang praise; never what fills one with awe ("the awesome power of the sea", "an awesome
    // responsibility"), its older sense.
    F('awesome', 'excellent', 2, {
      modes: FORMAL,
      guard: {
        notNextWithin: {
          n: 2,
          in: set(
            'power powers force forces might responsibility responsibilities beauty sight spectacle scale size majesty',
          ),
        },
      },
    }),
    F('kids', 'children', 2, { modes: FORMAL }),
    F('big', 'major', 2, {
      modes: FORMAL,
      guard: {
        nextIn: set(
          'problem problems issue issues mistake mistakes difference question questions change changes role part decision decisions',
        ),
      },
    }),
    // Size, not importance: "a big announcement" is no "large announcement".
    F('big', 'large', 2, { modes: FORMAL, guard: { attributive: true, nextNotIn: BIG_AS_IMPORTANT } }),
    // An amount or a degree is "considerable" (not "substantial": an over-used word itself); a
    // thing's size "enormous". Elsewhere it stays: "a huge thank you", "a huge fan" are neither.
    F('huge', 'considerable', 2, {
      modes: FORMAL,
      guard: {
        attributive: true,
        nextIn: set(
          'amount amounts number numbers effort efforts impact effect effects influence difference increase increases decrease growth cost costs sum sums loss losses gain gains improvement improvements progress success risk risks pressure interest demand damage savings',
        ),
      },
    }),
    F('huge', 'enormous', 2, {
      modes: FORMAL,
      guard: {
        attributive: true,
        nextIn: set(
          'house houses building buildings crowd crowds tree trees wave waves room rooms area areas city cities ship ships animal animals rock rocks hole holes field fields',
        ),
      },
    }),
    // Of a state, not of a feeling or a grasp ("I totally get it" is no "I entirely get it").
    F('totally', 'entirely', 2, {
      modes: FORMAL,
      guard: { nextNotIn: set('get gets got forgot forget love loved understand understood agree agreed') },
    }),
    F('maybe', 'perhaps', 2, { modes: FORMAL }),
    // "pretty much" is an idiom of its own ("more or less"), never "fairly much".
    F('pretty much', 'more or less', 2, { modes: FORMAL, guard: { prevNotIn: DETERMINERS } }),
    F('pretty', 'fairly', 2, {
      modes: FORMAL,
      guard: {
        prevNotIn: DETERMINERS,
        nextIn: set(
          'good bad hard easy difficult clear common simple small large big sure strong weak high low well happy sad confident certain quick fast slow busy cheap expensive close late early interesting useful effective popular rare safe stable',
        ),
      },
    }),
    // Spoken degree words before an adjective: "super easy to set up" → "very easy", "a bit
    // steep" → "somewhat steep" ("a bit of" and "a super hero" are neither).
    F('super', 'very', 2, { modes: FORMAL, guard: { nextLower: true, beforeGradable: true } }),
    // Not before "much", "more" or "too" ("a bit much" is no "somewhat much").
    F('a bit', 'somewhat', 2, {
      modes: FORMAL,
      guard: { nextLower: true, beforeGradable: true, nextNotIn: set('much more less too') },
    }),
    // Only an amount's "about" ("for about 20 minutes", "cost about $40"), not "about" as
    // "concerning" before a number ("a film about three sisters", "concerns about 5G").
    F('about', 'approximately', 2, {
      modes: FORMAL,
      guard: {
        nextIn: set('#'),
        prevIn: set(
          'for in of at by to over under from within after before nearly cost costs costing took takes take taking weighs weighed weigh lasted lasts last measures measured reached reaches rose fell grew dropped increased decreased employs employed earns earned paid pays',
        ),
      },
    }),
    // Not the saying: "money can't buy happiness" is no purchase.
    V('buy', 'purchase', 2, {
      modes: FORMAL,
      guard: {
        verb: true,
        object: true,
        // Nor the name of a kind of credit, "Buy now, pay later".
        notNextWithin: { n: 2, in: set('happiness love time friends friendship loyalty class now') },
      },
    }),
    V('get', 'obtain', 2, {
      modes: FORMAL,
      guard: {
        nextIn: set('a an the this that these those more'),
        nextWithin: {
          n: 3,
          in: set(
            'information data results permission degree degrees job jobs license licence grant loan visa access approval funding support advice',
          ),
        },
      },
    }),
    // Before a quality, "very" ("It gets really confusing" → "very confusing"): "truly" is an
    // intensifier the other modes cut.
    F('really', 'very', 2, {
      modes: FORMAL,
      guard: {
        beforeGradable: true,
        prevNotIn: NEGATORS,
        // Nor "really just $79", "really only": a limit, not a degree.
        nextNotIn: set('well badly much many fast quickly slowly often soon just only'),
      },
    }),
    // Not after a negation: "hasn't really talked about it" softens the denial ("not much"),
    // "has not truly talked" says something else.
    // Nor before an adverb of manner or amount ("it plays really well" is not "truly well").
    F('really', 'truly', 2, {
      modes: FORMAL,
      guard: {
        nextLower: true,
        prevNotIn: NEGATORS,
        // Nor "really just $79", "really only": a limit, not a degree.
        nextNotIn: set('well badly much many fast quickly slowly often soon just only'),
      },
    }),
    // "a great deal of": "much" of a mass reads wrong outside a question or a negation ("can save you
    // much money").
    F('a lot of', 'a great deal of', 2, { modes: FORMAL, guard: { nextIn: MASS_NOUNS } }),
    F('lots of', 'a great deal of', 2, { modes: FORMAL, guard: { nextIn: MASS_NOUNS } }),
  ]),

  // ---- Academic prose: hedges where a claim is stated more strongly than the evidence allows ---
  // Not a concession's "certainly" ("While they are certainly important to the plot, they lack
  // depth"), nor the assertion after one ("… but they certainly provide clues"): it grants or
  // insists, and "probably" would doubt what the writer grants. It goes instead.
  ...because(
    'intensifier',
    ['certainly', 'undoubtedly', 'definitely'].map((w) =>
      F(w, '', 2, { modes: ACADEMIC, guard: { nextLower: true, prevWithin: { n: 10, in: CONCEDING } } }),
    ),
  ),
  ...because('hedgeAdded', [
    // Not what the authors did ("we prove that", "we demonstrate that"): a proof is no claim to hedge.
    // Only where evidence is the subject ("The results prove that …"): "Hilty has once again
    // proved that she is a fine performer" is no claim of a paper's.
    // "indicate" where "suggest" stands next door ("Our results suggest … This indicates that …").
    V('prove that', ['suggest that', 'indicate that'], 2, {
      modes: ACADEMIC,
      guard: { prevNotIn: set('i we you'), prevWithin: { n: 3, in: EVIDENCE } },
    }),
    F('clearly shows', 'indicates', 2, { modes: ACADEMIC }),
    F('clearly show', 'indicate', 2, { modes: ACADEMIC }),
    F('clearly demonstrates', 'indicates', 2, { modes: ACADEMIC }),
    F('clearly demonstrate', 'indicate', 2, { modes: ACADEMIC }),
    // A judgement after "is" is arguable, not likely: "Santiago is undoubtedly a hero" → "is
    // arguably a hero" ("very likely a hero" would doubt a fact).
    // Never of the writer's own life ("Without a doubt, the best day of my life was …"): they are
    // not unsure of their own mind.
    F('undoubtedly', 'arguably', 2, { modes: ACADEMIC, guard: { prevIn: BE_FORMS, notInSentence: WRITERS_OWN } }),
    F('undoubtedly', 'very likely', 2, { modes: ACADEMIC, guard: { notInSentence: WRITERS_OWN } }),
    O('undoubtedly ,', 'Very likely,', 2, { modes: ACADEMIC, guard: { notInSentence: WRITERS_OWN } }),
    O('without a doubt ,', 'Very likely,', 2, { modes: ACADEMIC, guard: { notInSentence: WRITERS_OWN } }),
    // ("Apparently," would report hearsay: the overclaim goes instead.)
    O('clearly ,', '', 2, { modes: ACADEMIC }),
    O('obviously ,', '', 2, { modes: ACADEMIC }),
    C('it is clear that', 'it appears that', 2, { modes: ACADEMIC }),
    C('it is evident that', 'it appears that', 2, { modes: ACADEMIC }),
    C('it is obvious that', 'it seems that', 2, { modes: ACADEMIC }),
    C('there is no doubt that', 'it is very likely that', 2, { modes: ACADEMIC }),
    C('it is undeniable that', 'it is very likely that', 2, { modes: ACADEMIC }),
    // Not what the writer says of themselves ("I was certainly unaware").
    F('certainly', 'probably', 2, { modes: ACADEMIC, guard: { nextLower: true, notPrevWithin: FIRST_PERSON } }),
    // Not what the writer promises or is able to do ("Sure, I can definitely tell you a story").
    // Nor what is said to the reader ("you definitely didn't have to", "Please definitely lock
    // the door"), nor a denial, which "probably" would turn around.
    F('definitely', 'probably', 2, {
      modes: ACADEMIC,
      guard: {
        nextLower: true,
        notPrevWithin: { n: 3, in: set('i we you') },
        notInSentence: set('please'),
        nextNotIn: set("not didn't don't doesn't won't isn't aren't wasn't weren't can't cannot never"),
      },
    }),
    ...[
      'lead to',
      'result in',
      'transform',
      'revolutionize',
      'revolutionise',
      'change',
      'improve',
      'increase',
      'reduce',
      'create',
      'shape',
      'solve',
      'eliminate',
      // Not "ensure" or "guarantee": "may ensure" hedges a word that promises.
    ].map((v) =>
      F(`will ${v}`, `may ${v}`, 2, {
        modes: ACADEMIC,
        // The expectation may stand far back, past an aside: "We hypothesize that TRE, in which
        // participants eat within an 8-hour window, will reduce …".
        // Nor a change by a stated amount, which is announced or scheduled, not predicted
        // ("Membership fees will increase by $5 per month effective February 1").
        guard: { prevNotIn: set('you i we'), notInSentence: ALREADY_HEDGED, notMeasured: true },
      }),
    ),
    // A general causal claim, hedged: "X leads to Y" → "X can lead to Y".
    ...[
      ['leads to', 'can lead to'],
      ['lead to', 'can lead to'],
      ['results in', 'can result in'],
      ['result in', 'can result in'],
      ['causes', 'can cause'],
      ['improves', 'can improve'],
      ['reduces', 'can reduce'],
      ['increases', 'can increase'],
      ['prevents', 'can prevent'],
      ['ensures', 'helps to ensure'],
      // (Not "guarantees": mostly a noun, "thread-safety guarantees", and a guarantee given is no
      // help.)
    ].map(([a, b]) =>
      F(a, b, 2, {
        modes: ACADEMIC,
        guard: {
          // Not a noun ("potential causes"), not after a negation ("won't lead") and not after an
          // adverb, which would stand before the modal ("significantly improves" is no
          // "greatly can improve"; "often leads" is hedged already).
          prevNotIn: new Set([
            ...MODALS,
            ...DETERMINERS,
            ...HEDGE_BLOCKERS,
            // "definitely reduces" is hedged by its own entry ("probably reduces"), never twice.
            ...SENTENCE_ADVERBS,
            // "The disease ultimately leads to …": "ultimately can lead" puts the modal late.
            'ultimately',
            'eventually',
            'to',
            'does',
            'do',
            'did',
            'not',
            'that',
            'which',
            'who',
            // One verb of a list or a pair ("stifles innovation, reduces competition, or …",
            // "could stigmatize them and lead to …"): hedging one of them breaks the series.
            ',',
            'and',
            'or',
          ]),
          // Nor a modal a few words back: "will eventually lead to" is no "will eventually can lead to";
          // nor a finding reported in a that-clause ("we show that it reduces …": the reporting
          // verb carries the claim), nor a measured effect ("reduces errors by 37%").
          // Nor one event's outcome ("This decision leads to his family's escape", "Her death leads
          // to …"): a plot or a history tells what happened, and "can lead" would make it a maybe.
          notPrevWithin: {
            n: 3,
            in: new Set([...MODALS, ...NEGATORS, ...ONE_EVENT, 'to', 'does', 'do', 'did', 'that']),
          },
          // (An amount up to a clause away: "reduces the risk of dying from smoking-related disease by
          // about 90%".)
          notMeasured: MEASURED_CLAUSE,
          nextLower: true,
          // A verb, not a noun ("various charitable causes", "Look up causes and solutions"), of
          // no particular subject's ("their love … leads to their downfall" is the plot), and not
          // one of a pair ("as the flow rate increases or decreases").
          verb: true,
          notAfterPossessive: 6,
          // "reduces to the standard relations" is a limit, not an effect.
          nextNotIn: set('or and to'),
          // "improves mood and reduces stress": "can" would govern the first verb only.
          notFirstOfVerbPair: true,
          // Not inside a denial ("no evidence the death penalty reduces homicides"): the hedge
          // would strengthen what is denied.
          notInSentence: NEGATED_CLAUSE.in,
          // Nor an outcome for one person ("This emotional torment leads to her physical and
          // mental decline", "leads to a shift in his self-perception"): a story's event.
          notNextWithin: { n: 6, in: set('his her him') },
        },
      }),
    ),
    // The same claims with a plural subject ("These programs improve …").
    ...['improve', 'reduce', 'increase', 'prevent'].map((v) =>
      F(v, `can ${v}`, 2, {
        modes: ACADEMIC,
        guard: {
          nextNotIn: set('or and to'),
          notInSentence: NEGATED_CLAUSE.in,
          prevIn: set(
            'they these those programs policies measures changes studies schemes services courses tools methods people',
          ),
          // Not the object of "help", "let" or "make" ("help people improve" is no "help people can improve").
          notPrevWithin: { n: 3, in: BARE_INFINITIVE_VERBS },
          notMeasured: true,
          nextLower: true,
        },
      }),
    ),
    V('show that', 'suggest that', 2, {
      modes: ACADEMIC,
      guard: { prevNotIn: set('i we you'), prevWithin: { n: 3, in: EVIDENCE }, notMeasured: MEASURED_CLAUSE },
    }),
    V('demonstrate that', 'suggest that', 2, {
      modes: ACADEMIC,
      guard: { prevNotIn: set('i we you'), prevWithin: { n: 3, in: EVIDENCE }, notMeasured: MEASURED_CLAUSE },
    }),
    // A general claim in the present ("there is always more to learn"); "guests were always
    // welcomed" tells what happened, and "he is always willing to help" (a person's way, in a
    // letter of reference) is a testimony, not a claim to hedge.
    F('always', 'usually', 2, {
      modes: ACADEMIC,
      // Nor what someone believes or claims ("Boxer believes that Napoleon is always right"): the
      // belief is reported as held, and hedging it changes the believer.
      // Nor a law or a definition ("Acceleration is always in the direction of the net force",
      // "The empty set is always a subset", "pronouns are always singular"): a rule has no usually.
      guard: {
        prevIn: set('is are'),
        notPrevWithin: { n: 2, in: set('he she who i you we') },
        notInSentence: new Set([
          ...set(
            'believe believes believed think thinks thought claim claims claimed insist insists insisted convinced convincing convince argue argues argued',
          ),
          ...DEFINED_THINGS,
        ]),
      },
    }),
  ]),
];
