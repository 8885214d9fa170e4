/**
 * The curated table: words and phrases language models overuse, each with plainer alternatives
 * and the context in which the swap keeps the meaning. Written by hand for Inkproof. The choice of
 * entries was informed by the "excess vocabulary" of Kobak, González-Márquez et al. (2024,
 * "Delving into LLM-assisted writing in biomedical publications through excess vocabulary"; the
 * `style` words only) and by the well-known formulaic openers and closers of chat models; that
 * list is not shipped, and every alternative and guard here is our own.
 *
 * Levels: 1 = applied from strength 1 (the most flagrant), 2 = from strength 2, 3 = only at 3.
 * An alternative ending in "@attr" is used only before a noun ("a key role"), one ending in
 * "@pred" only elsewhere ("is vital"). An empty alternative deletes the phrase. Alternatives
 * rotate deterministically through the document (the n-th occurrence takes the n-th one).
 */
import type { RewriteMode } from '../../src-shared/models';
import { inflectVerbPhrase, type VerbForm } from './inflect';
import type { ReasonKey } from './reasons';
import {
  A_AN,
  BE_FORMS,
  ARGUMENT_NOUNS,
  CLOTHING,
  COLOUR_WORDS,
  DETERMINERS,
  FIGURATIVE_ROLES,
  LIMITERS,
  MODALS,
  NEGATORS,
  OBJECT_PRONOUNS,
  POSSESSIVES,
  PREPOSITIONS,
  PROVIDED_NOT_GIVEN,
  SUBJECT_PRONOUNS,
  STORY_NOUNS,
  STUDY_WORDS,
  set,
} from './wordsets';

/** Verbs that change how something is done: "transformed the way we work". */
const CHANGE_VERBS = set(
  'revolutionize revolutionizes revolutionized revolutionizing revolutionise revolutionises revolutionised ' +
    'revolutionising transform transforms transformed transforming change changes changed changing reshape ' +
    'reshapes reshaped reshaping shape shapes shaped shaping redefine redefines redefined redefining alter alters ' +
    'altered altering improve improves improved improving influence influences influenced influencing affect ' +
    'affects affected affecting impact impacts impacted impacting enhance enhances enhanced enhancing rethink ' +
    'rethinks rethought rethinking',
);
/** The subject of a clause after "the way": "the way we live", "the way our brains work". */
const MANNER_CLAUSE_SUBJECTS: ReadonlySet<string> = new Set([...SUBJECT_PRONOUNS, ...POSSESSIVES, 'people']);

/** What a "nuanced" one of is a careful one ("a nuanced approach"). */
const CAREFUL_NUANCE = set(
  'approach approaches examination exploration analysis analyses interpretation assessment reading look',
);
/** What "nuanced" says of that no plainer adjective keeps ("a nuanced understanding"). */
// A problem is complicated, never "subtle" ("a blunt solution to a nuanced problem"): it stays.
const NUANCED_KEPT = set(
  'problem problems issue issues question questions situation situations topic topics understanding view views perspective perspectives stance picture grasp debate discussion conversation lens take lived experience experiences account accounts answer answers response responses argument arguments position',
);

/** Things made to do a job, which are designed to do it rather than "set out to". */
const MADE_THINGS = set(
  'platform platforms app apps tool tools product products device devices system systems software service services feature features technology technologies machine machines algorithm algorithms fund funds etf etfs event events festival fair campaign campaigns fundraiser initiative initiatives scheme schemes',
);
/** Degree words before a noun ("a total game-changer", "a real game-changer"). */
const DEGREE_BEFORE_NOUN = set('total real true complete absolute huge major');
/** What a pursuit is to the one who follows it ("a rewarding endeavor"). */
const PURSUITS_REWARDING = set('rewarding worthwhile fulfilling enjoyable satisfying noble lifelong creative');
/** A contract's standards of effort ("best endeavours", "reasonable endeavours"), each a term. */
const DRAFTED_STANDARDS = set('best reasonable commercially all');
/** Living or natural wholes, which are complicated, not "elaborate" ("an intricate ecosystem"). */
const NATURAL_WHOLES = set('ecosystem ecosystems web webs network networks relationship relationships interplay');
/** What one rummages in. */
const CONTAINERS = set(
  'bag bags pocket pockets purse handbag drawer drawers box boxes pile piles cupboard wardrobe fridge backpack suitcase basket trunk',
);
/** What is looked into, as an inquiry does: a matter, a cause, a question of fact. */
const INVESTIGATED = set(
  'matter matters case cases complaint complaints claim claims allegation allegations cause causes incident incidents problem problems issue issues reason reasons why whether how data records logs',
);
/** What one boards: "embarked on the transports" is no undertaking. */
const VESSELS = set(
  'ship ships boat boats vessel vessels ferry ferries liner liners steamer steamers transport transports train trains plane planes aircraft flight flights',
);
/** Trips one goes on ("embark on a hike" → "set out on a hike"). */
const OUTINGS = set(
  'journey journeys trip trips hike hikes walk walks voyage voyages expedition expeditions adventure adventures tour tours trek treks cruise cruises quest quests pilgrimage pilgrimages road vacation vacations holiday holidays outing outings excursion excursions safari safaris mission missions',
);

export interface Alts {
  plain: string[];
  standard?: string[];
  formal?: string[];
  casual?: string[];
  academic?: string[];
  concise?: string[];
}

export interface Guard {
  prevIn?: ReadonlySet<string>;
  prevNotIn?: ReadonlySet<string>;
  nextIn?: ReadonlySet<string>;
  nextNotIn?: ReadonlySet<string>;
  /** The word after next must be in this set. */
  next2In?: ReadonlySet<string>;
  /** The word after next must not be in this set. */
  next2NotIn?: ReadonlySet<string>;
  /** One of the next n words must be in the set (and none of them protected text). */
  nextWithin?: {
    n: number;
    in: ReadonlySet<string>;
    /** Protected text (an amount: "a vibrant 6.7-inch display") counts as one of the n words, not as the end. */
    overProtected?: boolean;
  };
  /** None of the next n words may be in the set. */
  notNextWithin?: { n: number; in: ReadonlySet<string> };
  /** One of the previous n words must be in the set ("plays a fundamental role"). */
  prevWithin?: { n: number; in: ReadonlySet<string> };
  /** None of the previous n words may be in the set. */
  notPrevWithin?: { n: number; in: ReadonlySet<string> };
  /** An object follows: a determiner or pronoun, or a lower-case content word (not a preposition, conjunction…). */
  object?: boolean;
  /** Only before the noun it modifies ("a pronounced effect", not "was pronounced"). */
  attributive?: boolean;
  /** Not a participle standing as an adjective before its noun ("an enhanced annuity", "illegally obtained funds"). */
  notParticipleBeforeNoun?: boolean;
  /** The next token must be a lower-case word (not punctuation, a name, or protected text). */
  nextLower?: boolean;
  /**
   * The next word is a verb's -ing form with a word after it: an act and its object ("choosing a
   * laptop"), not "something", nor a field named alone ("cooking,").
   */
  nextGerund?: boolean;
  /**
   * The next token must be a capitalised word: a name ("in the heart of Paris"); `false`: no name
   * follows, bare or after "the" ("exploration of the Sierra Nevada" is travel).
   */
  nextName?: boolean;
  /**
   * A clause of its own follows: a subject and an auxiliary or "be" ("Imagine the city was empty",
   * "Imagine you are …"); `false`: nothing that may be one — no subject with a verb in -ed or -s
   * either ("Imagine reddit existed" is no "Picture reddit existed").
   */
  beforeClause?: boolean;
  /**
   * A "that" within ten words opens a clause with a subject of its own (the cleft "It is a
   * testament to her skill that she finished"), not a relative before a verb.
   */
  clauseThat?: boolean;
  /**
   * Not the conjunction "provided"/"providing" (on condition that): after a comma or at the start,
   * before a clause ("…, provided the item is unused").
   */
  notCondition?: boolean;
  /**
   * The main clause after the opening's comma has a doer for its subject ("you", "we") or gives
   * an order: "When choosing a stroller, safety should …" would leave the choosing to safety.
   */
  doerAfter?: boolean;
  /** The matched word must read as a verb here (it is also a common noun or adjective). */
  verb?: boolean;
  /** The matched word must read as a noun here. */
  noun?: boolean;
  /** Not when a comma and an article follow its noun phrase (a second name of the subject). */
  noAppositive?: boolean;
  /**
   * Not before another adjective: in a stacked noun phrase the first adjective is usually part of
   * a term ("complex temporal dependencies", "robust anomaly detection").
   */
  notBeforeAdjective?: boolean;
  /**
   * Not before a participle that modifies the noun after it ("frequently accessed data",
   * "frequently asked questions"): the adverb is part of a compound there.
   */
  notBeforeModifier?: boolean;
  /**
   * Only before an adjective that is no participle, or an adverb ("immensely powerful",
   * "tremendously well"; not "immensely improved"); `false`: never before one.
   */
  beforeGradable?: boolean;
  /**
   * The next word is no singular noun: after a quantifier that takes plurals, a singular is a verb
   * ("many report better focus" is no "lots of report"), and a plural or an adjective follows a noun's "many".
   */
  notBeforeSingular?: boolean;
  /** A plural noun heads what follows, after any describing words ("a wide range of benefits" → "many benefits"). */
  beforePlural?: boolean;
  /** The object's head noun, past its article and describing words and their commas, is one of these. */
  objectHeadIn?: ReadonlySet<string>;
  /**
   * The clause after the match tells a past ("the factory closed in 1998") or a future ("libraries
   * will need"); `false`: it tells neither.
   */
  beforePastOrFuture?: boolean;
  /**
   * The word before is a determiner, a possessive or an adjective, so the match is a noun ("a heroic
   * endeavor to …"); `false`: it is none of these, so a word that is also a verb is one ("we endeavor to").
   */
  afterModifier?: boolean;
  /** Not in the document's first sentence, where nothing comes before to turn from. */
  notOpening?: boolean;
  /** Not the sentence's first word (where a verb is an order: "Require peer review for …"). */
  notSentenceStart?: boolean;
  /** None of the sentence's words may be in the set. */
  notInSentence?: ReadonlySet<string>;
  /**
   * Nor in the sentence before or after it as written: a study's "significant" is statistical,
   * and the study may be named a sentence away ("Of the 1,200 employees surveyed, … Younger
   * employees were significantly more likely …").
   */
  notNear?: ReadonlySet<string>;
  /**
   * The phrase's last word (a preposition) does not come again after "and", "or" or "also" later
   * in the sentence: "had an impact on the game, but also on culture" has a second object that
   * "affected the game" cannot take.
   */
  notParallel?: boolean;
  /** Not the first of a list of acts named as nouns ("the removal of rubble, the clearing of roads"). */
  notFirstOfActs?: boolean;
  /**
   * Not after a possessive within the previous n words of the clause ("his madness results in",
   * "Shylock's decision results in"): a particular subject's effect is a fact, not a general claim.
   */
  notAfterPossessive?: number;
  /**
   * Not the first of two verbs in the third person ("improves mood and reduces stress"): a modal
   * put before it would govern the first only ("can improve mood and reduces stress").
   */
  notFirstOfVerbPair?: boolean;
  /**
   * Not before an amount within six words (or the number of words given): "reduces errors by 37%"
   * reports a measurement.
   */
  notMeasured?: boolean | number;
  /** A number comes next ("a total of 1,204 customers"). */
  beforeAmount?: boolean;
}

/**
 * "have" as a clause's own verb, which "can" may replace: not after "to" or a modal ("will have the
 * ability to" → "will be able to"), nor after a negation or "do", with an adverb between or not
 * ("Many students don't have the ability to pay" was "don't can pay").
 */
export const FINITE_HAVE: Guard = {
  notPrevWithin: { n: 2, in: new Set(['to', "'ll", 'do', 'does', 'did', ...MODALS, ...NEGATORS]) },
};

export type EntryKind = 'verb' | 'noun' | 'fixed';

export interface Entry {
  /** Source phrase, lower case, tokens separated by spaces; "," etc. are tokens. */
  src: string;
  kind: EntryKind;
  alts: Alts;
  level: 1 | 2 | 3;
  /** Must start a sentence, or a sentence or clause (after , ; : or a dash). */
  at?: 'sentence' | 'clause';
  modes?: readonly RewriteMode[];
  guard?: Guard;
  /** Verb entries: only these forms of the source (default all). */
  forms?: readonly VerbForm[];
  /** Noun entries: also match the plural (default true). */
  plural?: boolean;
  /** Entries of a group rotate their alternatives together (e.g. all additive transitions). */
  group?: string;
  /** What the change addresses (default: a plainer word). */
  why?: ReasonKey;
}

type AltSpec = string | string[] | Alts;
interface Opts {
  at?: Entry['at'];
  modes?: readonly RewriteMode[];
  guard?: Guard;
  forms?: readonly VerbForm[];
  plural?: boolean;
  group?: string;
  why?: ReasonKey;
}

function alts(spec: AltSpec): Alts {
  if (typeof spec === 'string') return { plain: [spec] };
  if (Array.isArray(spec)) return { plain: spec };
  return spec;
}
const mk =
  (kind: EntryKind) =>
  (src: string, a: AltSpec, level: 1 | 2 | 3, o: Opts = {}): Entry => ({ src, kind, alts: alts(a), level, ...o });
/** A verb (or verb phrase whose first word is the verb): every form matches and the alternative is inflected to it. */
export const V = mk('verb');
/** A noun (or noun phrase whose first word is the noun): singular and plural. */
export const N = mk('noun');
/** A fixed word or phrase (adjective, adverb, preposition, idiom). */
export const F = mk('fixed');
/** A sentence opener (must start the sentence). */
export const O = (src: string, a: AltSpec, level: 1 | 2 | 3, o: Opts = {}): Entry =>
  F(src, a, level, { at: 'sentence', ...o });
/** A phrase that must start a sentence or a clause. */
export const C = (src: string, a: AltSpec, level: 1 | 2 | 3, o: Opts = {}): Entry =>
  F(src, a, level, { at: 'clause', ...o });

/** Text marked with a pen: "highlighted the passage in yellow" is no point made. */
const MARKED_TEXT = {
  n: 4,
  in: set(
    'passage passages text line lines word words sentence sentences paragraph paragraphs page pages in yellow pink green blue marker pen',
  ),
};
export const NOT_FORMAL: RewriteMode[] = ['standard', 'casual', 'concise'];
/** What a text or a study does to ideas: "looks at" them, formally "examines" them. */
const EXPLORE_IDEAS: Alts = { plain: ['look at'], formal: ['examine'] };
/** "heightened senses" are sharpened. */
const SENSES = set('sense senses');
/** Singular verbs a quantity phrase may be the subject of ("A wide range of colors is …"). */
export const SINGULAR_VERBS = set("is was has does isn't wasn't hasn't doesn't remains");
// Guards shared by the entries that split one verb by its forms (one form's alternative would be
// an over-used word).
/** "unlock the/its (full) potential". */
const UNLOCK_POTENTIAL: Guard = { nextIn: set('the its their his her our your this'), next2In: set('potential full') };
/** Qualities a work "resonates with" (is full of), within two words. */
const RESONANT: Guard = {
  nextWithin: {
    n: 2,
    in: set(
      'power emotion emotions energy feeling feelings meaning warmth truth authenticity beauty humour humor passion tension sadness joy grief longing hope sorrow melancholy anger urgency conviction',
    ),
  },
};
/** "strive to / for / towards". */
const STRIVE_TOWARDS: Guard = { nextIn: set('to for towards toward') };
/** Not the legal "mitigating circumstances / factors". */
// An incident, an attack or a flaw is contained, not reduced ("mitigate the vulnerability").
const MITIGATED: Guard = {
  nextNotIn: set('circumstance circumstances factor factors'),
  notNextWithin: {
    n: 3,
    in: set(
      'incident incidents attack attacks vulnerability vulnerabilities outage outages exploit exploits breach breaches flaw flaws bug bugs',
    ),
  },
};
/**
 * Who performs, what they make, and what is put on show: a festival or a venue features them, a
 * menu its local produce, a museum its collection (a talent or a skill is shown).
 */
/** People who say things, and so stress what they say. */
const SPEAKERS = set(
  'he she we i you mayor minister president chair ceo speaker author authors teacher professor spokesperson spokesman spokeswoman official officials leader leaders manager director governor senator',
);
/** The living world, on which people's impact is the environmental term. */
const LIVING_WORLD = set(
  'reef reefs planet environment ocean oceans nature wildlife ecosystem ecosystems habitat habitats biodiversity',
);
/** Words that open a verdict, after the idiom "at the end of the day". */
const VERDICT_OPENINGS = set("it it's what that that's this everything all nothing success your you're whatever");
/**
 * What "embody" is said of and no plainer verb says: an actor's role (played) and the terms
 * "embodied carbon", "embodied energy".
 */
const NOT_EMBODIED = set('role roles part parts character characters carbon energy emissions water');
/** Subject pronouns of a person. */
const PERSON_PRONOUNS = set('i you he she we they who');
const FEATURED = set(
  'artist artists band bands musician musicians performer performers singer singers acts dancers designers filmmakers films writers authors chefs ' +
    'produce dishes food cuisine ingredients recipes wines artifacts artefacts collection collections paintings artworks exhibits sculptures photographs',
);
/** Words that take a "whether" clause as their object ("decide whether or not to …"). */
const WHETHER_HEADS = set(
  'is was are were be of about on over decide decides decided deciding determine determines determined know knows knew ask asks asked wonder wonders wondered question debate debates debated consider considering matter matters choose chooses see check sure unsure certain uncertain unclear',
);
/** Objects that are points made ("the need", "that …"): they can be underlined. */
const SAID_POINTS = set('importance need value role fact significance point points that how why whether');
/** Verbs of change that "greatly" can grade ("significantly degrade performance" → "greatly degrade"). */
const GRADED_CHANGES = set(
  'affect affects affected affecting improve improves improved improving reduce reduces reduced reducing increase increases increased increasing influence influences influenced influencing enhance enhances enhanced alter alters altered change changes changed shape shapes shaped contribute contributes contributed boost boosts boosted impact impacts impacted degrade degrades degraded degrading weaken weakens weakened weakening strengthen strengthens strengthened strengthening expand expands expanded expanding slow slows slowed slowing accelerate accelerates accelerated accelerating diminish diminishes diminished diminishing lessen lessens lessened lessening hinder hinders hindered hindering undermine undermines undermined undermining worsen worsens worsened worsening',
);
/** What a support desk escalates: passed up, not made worse. */
const ESCALATED_CASES = set(
  'issue issues case cases ticket tickets complaint complaints request requests matter concern concerns query queries',
);
/** What grows in amount: it rises or climbs, never "intensifies". */
const AMOUNTS = set(
  'price prices cost costs rent rents fee fees tuition spending bills rate rates debt debts tax taxes wages salaries premiums',
);
/** People who may become something: "potential customers" are prospective ones. */
const PROSPECTS = set(
  'customer customers client clients buyer buyers employer employers employee employees investor investors partner partners user users student students tenant tenants donor donors member members recruits mates',
);
const VIVID_COLOUR = new Set([
  ...COLOUR_WORDS,
  ...set('colorful colourful coloured colored reds blues greens yellows oranges purples pinks browns golds'),
]);
/** What is held to ("unwavering faith", "unyielding resolve"): "firm" or "steady" says the same. */
const STEADFAST_NOUNS = set(
  'faith belief beliefs commitment commitments resolve determination dedication devotion loyalty support focus spirit conviction convictions courage trust stance stand principles will gaze hand moral hope endurance promise promises pledge',
);
/** Words praising how a thing was crafted: "cleverly made" would lose it. */
const CRAFT_PRAISE = set(
  'carefully cleverly expertly skillfully skilfully beautifully finely intricately meticulously masterfully artfully thoughtfully lovingly delicately exquisitely deftly brilliantly richly well careful clever expert skillful skilful masterful artful meticulous deft',
);
/** Living things that are not people: "individuals" among them are not "people". */
const NOT_PEOPLE = set(
  'animal animals dog dogs cat cats bird birds fish species plant plants tree trees cell cells bacteria insect insects mammal mammals wolf wolves whale whales specimen specimens population populations breed breeds domestic wild herd herds colony colonies',
);
/** Animals and cells, and the bodies persons in law are set against ("states, rather than individuals"). */
const NOT_PEOPLE_OR_BODIES = new Set([
  ...NOT_PEOPLE,
  ...set('states nations governments organizations organisations companies corporations firms institutions entities'),
]);
/** Verbs of having, lacking or doing as a rule, after which "now" would announce a change. */
const CURRENT_STATES = set(
  'no lack lacks have has ship ships offer offers serve serves employ employs support supports hold holds own owns operate operates',
);
/** Harm that is unleashed (set off, never "released"). */
const HARMS = set(
  'catastrophe catastrophes disaster disasters war wars violence chaos havoc destruction fury terror crisis crises',
);
/** Wrongdoers a "potential" one of may become ("potential criminals" → "would-be criminals"). */
const WOULD_BE = set(
  'criminal criminals offender offenders thief thieves attacker attackers terrorist terrorists hacker hackers burglar burglars abuser abusers',
);
/** Places: "pivotal" before one is "key", since "central" would say where it lies. */
const PLACE_NOUNS = set(
  'region regions state states area areas city cities district districts county counties country countries town towns province provinces border borders port ports',
);
/** A center already named after "in the heart of" ("the city centre"), which "in the center of" would echo. */
const CENTER_AFTER = { n: 4, in: set('center centre centers centres') };
/** Land one can walk over ("the landscape of the farm"). */
const LAND_NOUNS = set(
  'farm farms island islands valley valleys moor moors coast coasts countryside hills mountains desert deserts forest forests park parks village villages land lands estate estates',
);
/**
 * Words of mathematics, physics and the lab: a sentence with one uses "characterized" (measured,
 * determined) and "enhanced" (made larger) as terms.
 */
const TECHNICAL_WORDS = set(
  'algorithm algorithms equation equations function functions parameter parameters quantum matrix matrices theorem operator operators variable variables eigenvalue eigenvalues spectrum exponent complexity microscopy spectroscopy diffraction spacetime signal signals emission absorption magnetic electron electrons photon photons particle particles frequency amplitude spin coupling conductivity resonance nanotubes',
);
/** Quantities that grow without getting better ("enhanced brightness", "enhanced risk"). */
/** What a scan shows as "enhancing" (taking up contrast): a radiologist's term, not an improvement. */
const ENHANCING_FINDINGS = set('tumor tumors tumour tumours lesion lesions nodule nodules mass masses rim focus foci');
const INCREASED_QUANTITIES = set(
  'brightness intensity emission emissions absorption rate rates risk risks levels level concentration concentrations activity expression sensitivity density temperature pressure flux luminosity radiation scattering transport toxicity permeability',
);
/** Punctuation after an opening's comma: no sentence goes on there ("However, —"). */
const AFTER_OPENING_PUNCTUATION = set(', ; : . - – —');
/** Wild country one is "deep in" (mountains, forests, deserts). */
const WILD_PLACES = set(
  'alps andes rockies himalayas mountains mountain forest forests jungle woods countryside desert valley highlands wilderness rainforest hills outback',
);
/** What is crossed when transcended ("transcends cultural boundaries"). */
const CROSSED = set('boundaries boundary barriers barrier borders border divides divide lines');
/** What starts the object of "discern": a determiner or a question ("discern what is best"). */
const DISCERNED = set('what how whether which who the a an that between');
/** What is disclosed when revealed: a secret, not a sight ("reveal the true identity"). */
const DISCLOSED = set('information truth secret secrets identity details name names whereabouts source sources');
/** A sentence about a study or research ("Future research should address these limitations"). */
const RESEARCH_WORDS = new Set([...STUDY_WORDS, ...set('research researchers paper papers evidence review')]);
/** A sentence about acting, where a "role" is the trade's word ("her role in 'The Beach'"). */
const STAGE_WORDS = set(
  'actor actors actress actresses acting film films movie movies drama dramas sitcom series musical opera cast starring starred award awards nominated nomination oscar bafta emmy tony',
);
/**
 * Who an impression is left on, for "stays with": people, not a life, a mind or a field ("can leave
 * a lasting impression on the student's life" is no "stay with the student's life").
 */
const IMPRESSED = set(
  'me you him her us them anyone everyone everybody anybody readers reader audiences audience viewers viewer visitors visitor people fans guests students listeners attendees generations customers children kids judges critics',
);
/** What a story's "Thus," brings into being ("Thus, the game of basketball was born"). */
const ORIGINS = set('born began begun emerged founded created established arose');
/** Words that limit the verb after them ("merely serve to", "only serves to", "more than serve to"). */
const LIMITING_ADVERBS = new Set([...LIMITERS, 'solely', 'than']);
/** Subjects that compel rather than need ("the law requires disclosure"), up to three words before. */
const COMPELLING = {
  n: 4,
  in: set(
    'law laws rule rules regulation regulations policy policies contract contracts employer employers court courts statute government school schools',
  ),
};
/**
 * After "require": "to" (one is required to act, not needed to), or a compelling agent ("as
 * required by law", "required under the contract"): these compel, and stay.
 */
const NOT_NEEDED_AFTER = new Set(['to', ...COMPELLING.in]);
/** What a compelling piece of work grips a reader with: "a compelling look at the war" → "gripping". */
const COMPELLING_PUZZLES = set('question questions mystery mysteries puzzle puzzles riddle riddles dilemma dilemmas');
const COMPELLING_READS = new Set([
  ...STORY_NOUNS,
  ...set(
    'look glimpse portrait portraits account accounts documentary documentaries memoir biography series viewing reading listening watching television',
  ),
]);
/** "has", "had" just before a participle, or one adverb before it ("had long stood"). */
const AFTER_HAVE = { n: 2, in: set("has have had 've 'd") };
/**
 * "Nevertheless," "That said," and the like: one group, so two in a paragraph do not both become
 * "Still," ("Still, the film isn't without its flaws. … Still, it remains a must-see").
 */
const CONCESSIVE: AltSpec = { plain: ['Still,', 'Even so,'], formal: ['Even so,', 'Still,'] };
const STILL = set('still');
/** Nouns after which "challenging" is a term, not "hard" ("challenging behavior" in a classroom). */
const TERM_AFTER_CHALLENGING = set('behavior behaviour behaviors behaviours');
/** Nouns "hard" would not fit: "hard conditions" reads as harsh, "a hard case" as a tough person. */
const NOT_HARD = set(
  'conditions condition circumstances circumstance situation situations environment environments case cases period periods',
);
/** People and the pronouns for them: what a change is "for" without changing them. */
const PEOPLE = set(
  'me us you them him her anyone everyone someone people person patients patient students student users user workers worker children child kids parents families family teachers customers customer consumers athletes farmers women men owners readers fans players employees staff those many millions',
);
/** What a work that "resonates with" it echoes: a time, an idea, an experience — no person. */
const ECHOED = set(
  "past present today today's politics history experience experiences theme themes value values ideal ideals idea ideas mood spirit era times moment events concerns issues debates arc tradition traditions culture beliefs message messages",
);
/** Who a work resonates with (speaks to): people, as a reader or an audience. */
const AUDIENCES = new Set([
  ...PEOPLE,
  ...set(
    'reader audience audiences listeners listener viewers viewer fan fans generations generation individuals individual adults teenagers teens voters voter members communities community public society',
  ),
]);
/** What one advocates for by standing up for it, not by calling for it: rights, causes, people. */
const CHAMPIONED = set(
  'rights right interests interest cause causes people women men children workers minorities welfare well-being poor vulnerable needs voice voices community communities victims patients',
);
/**
 * "advocate" as a verb: not after "and", "or", a determiner, an adjective or a quantifier up to two
 * words back ("an activist and advocate for", "many privacy advocates for" are people).
 */
const ADVOCATE_AS_VERB: Guard = {
  verb: true,
  afterModifier: false,
  prevNotIn: set('and or'),
  notPrevWithin: { n: 2, in: set('many some most several few all other') },
};
/** What one advocates for by calling for it: a change, a policy, a measure. */
const DEMANDS = set(
  'change changes reform reforms policy policies law laws action actions measures measure ban bans removal end return creation investment investments regulation regulations ceasefire release review rules funding age limits limit tax taxes',
);
/** People a "seasoned" one of is experienced: "a seasoned developer", "seasoned travelers". */
const SEASONED_PEOPLE = set(
  'developer developers professional professionals traveler travelers traveller travellers veteran veterans player players writer writers investor investors pro pros chef chefs journalist journalists diplomat diplomats politician politicians hiker hikers teacher teachers engineer engineers expert experts user users gardener gardeners cook cooks',
);
/** What "poses" a danger is one: "poses a threat" → "is a threat". */
const DANGERS = set('threat risk danger hazard challenge problem obstacle barrier');
const POSE_BLOCKERS = set('not also still often never always certainly clearly');
/** What one "embraces" by taking it up: ideas, practices, tools. */
const ADOPTABLE = set(
  'technology technologies innovation innovations idea ideas approach approaches practice practices method methods tool tools strategy strategies policy policies digital new modern sustainable green renewable habits habit lifestyle mindset model models platform platforms system systems trend trends values value principles principle reform reforms ai automation',
);
/** What one "embraces" by receiving it gladly: people, differences, chances, change ("adopt change" is no idiom). */
const WELCOMED = set(
  'change changes diversity differences difference opportunity opportunities challenge challenges newcomers immigrants refugees variety feedback chance chances cultures culture others strangers',
);
/** What has a level, which "advanced" would name ("an advanced course … for beginners"): cutting-edge ones are "modern". */
const LEVELLED_THINGS = set(
  'course courses class classes lesson lessons talk talks lecture lectures workshop workshops program programs programme programmes curriculum space spaces venue venues facility facilities',
);

/** Degree words after which "invaluable" stays ("so invaluable" is no "so of great value"). */
const DEGREE_BEFORE_INVALUABLE = set(
  'so too very increasingly more most quite truly really absolutely became become becomes how as equally just',
);
/** Words of an emergency, where an urged act is no option ("call 911", "the emergency vet"). */
const URGENT_WORDS = set(
  'emergency emergencies urgent urgently immediately ambulance hospital vet doctor pediatrician breathing poison poisoning bleeding gas smoke fire pain fever overdose symptoms',
);
/** Kinds of aid a programme gives, whose "assistance" is a term ("technical assistance"). */
const AID_KINDS = set(
  'technical legal financial rental emergency public medical humanitarian development food housing military mutual social economic foreign federal state government tuition cash disaster relief housing utility mortgage',
);
/** Bodies whose "findings" are rulings or conclusions, not results. */
const JUDGING = set(
  "court court's courts jury jury's judge judge's tribunal tribunal's inquiry inquiry's commission commission's committee committee's panel panel's coroner coroner's investigators",
);
/** Adverbs before a verb that "is" would follow, not lead: "now serves as" is not "now is". */
const ADVERBS_BEFORE_VERB = set(
  'now also still often sometimes always usually currently increasingly effectively thus therefore hence then',
);
const PLAY_FORMS = set('play plays played playing');
const MAKE_FORMS = set('make makes made making');
/** What strikes a body: its "impact" is the blow itself. */
const BLOWS = set(
  'crash crashes collision collisions blast blasts explosion explosions bullet bullets fall wave waves shell shells ground floor pavement',
);
/** What a text underscores and does not thereby show: an idea, a theme, a point it makes. */
const IDEAS = set('idea ideas theme themes notion notions point points message messages fact');
/** Words that open a clause of condition, time or cause ("However, if …"). */
const CLAUSE_OPENERS = set('if when whenever because since unless once as while where');
const BUT = set('but');
/** What "additional" names as a term of tax, insurance or pensions ("additional rate", "additional insured"). */
const ADDITIONAL_TERMS = set('rate living insured voluntary');
/** Whom a testament honours: people, the dead, or all someone stood for. */
const HONOURED_PEOPLE = set(
  'soldiers those everyone people men women victims veterans workers heroes ancestors generation generations families everything all him them volunteers firefighters nurses doctors teachers founders members staff crew team grandmother grandfather grandparents mother father parents family mom dad son daughter wife husband brother sister friends',
);
/**
 * ... and what they gave or shared ("a tribute to his family's sacrifices", "to the friendship you
 * and Mom shared": "showed his family's sacrifices" would put them on display), three words on.
 */
const HONOURED = new Set([
  ...HONOURED_PEOPLE,
  ...set(
    'monks nuns scribes builders artisans craftsmen craftspeople engineers pioneers artists writers scientists researchers inventors citizens community communities residents villagers farmers miners sacrifice sacrifices friendship friendships',
  ),
]);
/** "is a testament to" said plainly ("shows"): not of people honoured, nor before a second "and to". */
const SHOWN: Guard = { notParallel: true, noAppositive: true, notNextWithin: { n: 3, in: HONOURED } };
/**
 * A testament to people honours them ("a tribute to the soldiers who died"); never before "how",
 * "what" or "why" ("a testament to how badly people drive" is evidence of it).
 */
const TRIBUTE: Guard = { nextWithin: { n: 3, in: HONOURED }, nextNotIn: set('how what why whether just') };
/** "require" said as "need": not where a rule compels (see the entries). */
const NEEDED: Guard = {
  notSentenceStart: true,
  nextNotIn: set('that'),
  // Nor a rule stated in the passive: "Masks are required", "A minimum stay of seven nights is
  // required" ("needed" makes a need of the rule).
  prevNotIn: new Set([
    ...set('as minimum strictly always also still usually generally typically legally absolutely'),
    ...BE_FORMS,
  ]),
  notNextWithin: { n: 6, in: NOT_NEEDED_AFTER },
  notPrevWithin: COMPELLING,
};
/** What a "utilization" rate is measured of: there it is the term. */
const UTILIZED_CAPACITIES = set(
  'credit cpu gpu memory bandwidth capacity bed beds resource network disk server storage land water energy fleet plant',
);
/** What reports a study's result: what it "underscores" it does not thereby show. */
const FINDINGS_BEFORE = {
  n: 4,
  in: set('findings results data study studies evidence analysis analyses trial trials survey surveys research'),
};
/** What a finding points to rather than shows: a need, a weight, a part ("underscore the need for"). */
const POINTED_TO = set('need needs role roles value urgency necessity potential promise risk risks');
/**
 * After "impact", what an impact made does not take: its object ("on", "of"), or a noun it names
 * the kind of ("making it the largest confirmed impact structure", "an impact crater").
 */
const NOT_AN_IMPACT_MADE = set(
  'on upon of structure structures crater craters basin basins site sites event events factor factors assessment assessments study studies test tests velocity energy force forces zone zones winter',
);
const LEAVE_FORMS = set('leave leaves left leaving');
/** Before "struggle between/with" used as a noun (not "power struggle", not the verb after a subject). */
/** What a movement struggles for or against: independence, rights, apartheid … */
const CAUSES_OF_MOVEMENTS = set(
  'independence freedom liberation rights suffrage equality democracy justice apartheid colonialism colonial slavery segregation tyranny oppression dictatorship racism',
);
const STRUGGLE_BEFORE = set(
  'the a an this that his her their its our my your constant eternal ongoing internal inner central classic timeless universal age-old perpetual fundamental moral emotional psychological personal epic long',
);
/** "exploration of space" is travel, not a study. */
const PHYSICAL_PLACES = set(
  'space ocean oceans sea seas cosmos universe planet planets moon moons world continent continents land lands territory territories cave caves arctic antarctic islands coast coasts mountains river rivers deep stars region regions wilderness interior frontier desert deserts jungle jungles',
);
/** Workings that are "complicated" when "intricate": a process, a system, a relationship. */
const INTRICATE_WORKINGS = set(
  'process processes system systems mechanism mechanisms network networks web relationship relationships interplay interactions workings machinery',
);
/** Plans that are "wide-ranging" when "multifaceted". */
const PLAN_NOUNS = set(
  'approach approaches strategy strategies response responses plan plans solution solutions effort efforts',
);
/** Troubles that are "serious" when "profound". */
const PROFOUND_TROUBLES = set('challenge challenges problem problems difficulty difficulties');
/** What reaches far when "profound": consequences, not necessarily bad ones. */
const PROFOUND_REACH = set('consequences implications repercussions');
/** Turns and shifts that are "profound" are major ones ("a deep turning point" is no English). */
const PROFOUND_TURNS = set('turning shift shifts transformation transformations milestone milestones');
/** Where "complex" is a technical term ("complex numbers", "a protein complex"), not "complicated". */
const COMPLEX_TECH_BEFORE = set(
  'protein enzyme building housing sports industrial military shopping apartment office medical oedipus inferiority superiority golgi immune',
);
/** The word the stock frame "it is crucial to" would become: not where the sentence says it. */
const VITAL = set('vital');
/** What is "on" its matter rather than "about" it. */
const RULES_ON = set(
  'standard standards policy policies rule rules regulation regulations law laws guideline guidelines guidance legislation stance position',
);
/** What a tapestry is "the fabric of": a life, a society, or a whole named through its owner. */
const WHOLES = set(
  'life society history education our your their his her its my this american human modern daily everyday',
);
/** What makes an impact made an impression rather than a difference. */
const STRONG_IMPACTS = set('strong powerful bold striking forceful');
/** Words for kinds, which "many kinds of" would say twice. */
const KINDS = set('genres genre types kinds sorts forms styles categories varieties species breeds');
/** What is measured on a scale, whose "range" is a span of values, not a number of kinds. */
const SCALES = set(
  'temperature temperatures price prices age ages size sizes speed speeds value values frequency frequencies level levels income incomes depth depths height heights weight weights wavelength wavelengths energy energies scale scales rate rates pressure pressures density densities distance distances motion space',
);
/** Concise "many" for "a wide range of" and its kin: before a plural, never a scale's span. */
/** Words "most" takes "of" before: a determiner or a pronoun ("most of the funding", "most of whom"). */
const OF_KEPT_BEFORE = new Set([...DETERMINERS, ...set('whom which them us you these those it')]);
const MANY_BEFORE_PLURAL: Guard = {
  beforePlural: true,
  // Nor the subject of a singular verb ("A wide variety of colors is available").
  notNextWithin: { n: 4, in: new Set([...SCALES, ...SINGULAR_VERBS]) },
};
/** What is offered to the mind, and so given: "offers a glimpse of", "offers readers insight". */
const OFFERED_TO_THE_MIND = set(
  'insight insights hope glimpse glimpses look window perspective perspectives advice account accounts depiction depictions portrayal portrayals sense commentary critique exploration reflection reminder explanation picture escape respite opportunity opportunities',
);
/**
 * What a thing offers by having it: "offers a wide range of courses", "offer unparalleled
 * portability", "offers many benefits" say what it has. ("provides", the other plain verb, is an
 * over-used word of its own: the corpus's AI texts use it 15 times as often as its human ones.)
 */
const OFFERED_BY_HAVING = set(
  'range variety selection mix blend array wealth plethora host benefits advantages features options amenities facilities activities classes courses programs programmes flexibility portability durability floor layout kitchen kitchens bedroom bedrooms garden gardens pool terrace balcony parking',
);

/** Entries whose changes all address the same thing. */
/** "be" before a phrase, in each form, and the verb that says it in the same tense and person. */
const BE_FORMS_AS_VERB: readonly (readonly [string, VerbForm])[] = [
  ['is', 's3'],
  ['are', 'base'],
  ['was', 'past'],
  ['were', 'past'],
  ['be', 'base'],
];

/** "is applicable to" → "applies to", "were applicable to" → "applied to", "be …" → "apply to". */
function beThen(phrase: string, verbPhrase: string, level: 1 | 2 | 3, o: Opts = {}): Entry[] {
  return BE_FORMS_AS_VERB.map(([be, form]) => F(`${be} ${phrase}`, inflectVerbPhrase(verbPhrase, form), level, o));
}

export function because(why: ReasonKey, entries: Entry[]): Entry[] {
  return entries.map((e) => ({ why, ...e }));
}

export const TABLE: Entry[] = [
  // ---- Formulaic openers and closers (sentence-initial) -------------------------------------
  O('in conclusion ,', '', 1),
  O('to conclude ,', '', 1),
  O('in summary ,', '', 1),
  O('to summarize ,', '', 1),
  O('to summarise ,', '', 1),
  O('to sum up ,', '', 1),
  O('in sum ,', '', 2),
  O('all in all ,', '', 1),
  O('in essence ,', '', 2),
  // Inside a sentence it marks the essential point: "Cry Freedom is, in essence, a history lesson"
  // → "is, at heart, a history lesson".
  F('in essence ,', 'at heart,', 2, { why: 'stock', guard: { prevIn: set(',') } }),
  O('in a nutshell ,', '', 2),
  O('at its core ,', '', 2),
  O('essentially ,', '', 2),
  // "On the whole" is what "Overall" says ("Overall, the campaign was a disaster" weighs its
  // parts; cut, the verdict is absolute); "In general" would make a verdict a rule. Concise prose
  // cuts it.
  // Before a figure it says "in all" ("Overall, 62 percent …"): "On the whole" would make it rough.
  O('overall ,', { plain: ['On the whole,'], concise: [''] }, 2, { guard: { notMeasured: 1 } }),
  // (Before a quoted title it goes: "Overall, "The Star Zoo" is …" → "“The Star Zoo” is …"; a
  // figure cannot open the sentence, and keeps it.)
  O('overall ,', '', 2),
  // What a thing comes down to ("Ultimately, the choice depends on your needs") is no outcome "in
  // the end": the word goes. A story's outcome ("Ultimately, he decided to stay") is "In the end".
  O('ultimately ,', '', 2, {
    guard: { nextWithin: { n: 8, in: set('depends depend lies lie rests rest boils boil comes come') } },
  }),
  // Anything but a told outcome ("Ultimately, further research is needed", "Ultimately, Tesla remains
  // …") loses it: "In the end" there reads as a time.
  // Nor beside an "end" of the writer's ("Ultimately, the end of the season was …", "… In the end,
  // I'm not the same person").
  O('ultimately ,', { plain: ['In the end,'], concise: [''] }, 2, {
    guard: {
      beforePastOrFuture: true,
      nextNotIn: set('though however'),
      // Nor a beginning ("Ultimately, her journey had only just begun" has no end).
      notInSentence: set('end begun begin begins beginning'),
      notNear: set('end'),
    },
  }),
  // "Ultimately, though, he was a boy": "Though, he was …" is no sentence.
  O('ultimately ,', '', 2, { guard: { nextNotIn: set('though however') } }),
  O('needless to say ,', '', 1),
  O('it goes without saying that', '', 1),
  O('as an ai language model ,', '', 1),
  // A sentence that says "also" already loses the opening, never gains "Also," ("Also, it is also …").
  // Formal and academic prose never open with "Also,", a spoken habit: the opening goes, or its
  // "also" moves into the sentence where it can (stock transition cut).
  ...(
    [
      ['moreover ,', 1],
      ['furthermore ,', 1],
      ['additionally ,', 1],
      ['in addition ,', 2],
    ] as const
  ).map(([src, level]) => O(src, '', level, { group: 'additive', guard: { nextWithin: { n: 40, in: set('also') } } })),
  O('moreover ,', { plain: ['', 'Also,'], formal: [''], casual: ['', 'Also,', 'Plus,'], concise: [''] }, 1, {
    group: 'additive',
  }),
  O('furthermore ,', { plain: ['', 'Also,'], formal: [''], casual: ['', 'Also,', 'Plus,'], concise: [''] }, 1, {
    group: 'additive',
  }),
  O('additionally ,', { plain: ['', 'Also,'], formal: [''], casual: ['', 'Also,', 'Plus,'], concise: [''] }, 1, {
    group: 'additive',
  }),
  O('in addition ,', { plain: ['', 'Also,'], formal: [''], casual: ['', 'Also,', 'Plus,'], concise: [''] }, 2, {
    group: 'additive',
  }),
  // At a sentence's start it mostly opens a sequence ("… all three things a good book should do.
  // First and foremost, …"), which "Above all," would break; mid-sentence it is "above all".
  O('first and foremost ,', 'First,', 1),
  O('last but not least ,', 'Finally,', 1),
  O('firstly ,', 'First,', 2),
  O('secondly ,', 'Second,', 2),
  O('thirdly ,', 'Third,', 2),
  O('fourthly ,', 'Fourth,', 2),
  O('fifthly ,', 'Fifth,', 2),
  O('sixthly ,', 'Sixth,', 2),
  O('lastly ,', 'Finally,', 2),
  // "Notably," says "it is worth noting that", a framing: cut like "Importantly,". "In particular,"
  // would make the sentence an instance of the one before ("… citing unfair competition. In
  // particular, the album was categorized as a remix").
  O('notably ,', '', 2),
  O('importantly ,', '', 2),
  O('interestingly ,', '', 2),
  O('indeed ,', '', 2),
  O('undoubtedly ,', 'Clearly,', 2),
  O('undeniably ,', 'Clearly,', 2),
  O('without a doubt ,', 'Clearly,', 2),
  O('consequently ,', { plain: ['So,'], formal: ['For this reason,'] }, 2),
  O('therefore ,', { plain: ['So,'], formal: [] }, 3),
  O('therefore ,', { plain: [], casual: ['So,'] }, 2, { modes: ['casual'] }),
  // A story's "Thus," is "in this way", not an inference: "Thus, the game of basketball was born"
  // is no "Therefore, … was born".
  O('thus ,', { plain: ['And so,'], formal: ['In this way,'] }, 2, { guard: { nextWithin: { n: 8, in: ORIGINS } } }),
  O('thus ,', { plain: ['So,'], formal: ['Therefore,'] }, 2),
  O('hence ,', { plain: ['So,'], formal: ['Therefore,'] }, 2),
  // Before a word, "I" or a name ("However, Santiago never gives up." → "But Santiago …"); a text
  // that says "However," again and again turns to "Yet" every second time, not "But" each time.
  // Before a clause of condition, time or cause only "But": "Yet if your coursework is light, …"
  // reads as a concession the sentence never makes. Where a "But" is next door, the clause says
  // the contrast alone ("If your coursework is light, …").
  // "On the other," is the same partner with its "hand" left out (formal prose writes it whole:
  // alone, after its "On one hand," is cut, it points at nothing).
  ...['however ,', 'on the other hand ,', 'on the other ,'].flatMap((src) => {
    const formal = src === 'on the other ,' ? ['On the other hand,'] : [];
    return [
      O(src, { plain: ['But', '@spare'], formal }, 2, {
        group: 'contrast',
        guard: { nextIn: CLAUSE_OPENERS, notInSentence: BUT },
      }),
      O(src, { plain: ['But', 'Yet'], formal }, 2, {
        group: 'contrast',
        guard: { nextNotIn: AFTER_OPENING_PUNCTUATION, notInSentence: BUT },
      }),
      // A sentence with a "but" of its own takes "Yet" ("But I found that they worked full-time
      // but still could not afford …" says "but" twice); before a clause it keeps "However,".
      O(src, { plain: ['Yet'], formal }, 2, {
        guard: { nextNotIn: new Set([...AFTER_OPENING_PUNCTUATION, ...CLAUSE_OPENERS]) },
      }),
    ];
  }),
  // "Even so," where the sentence has a "still" of its own ("Nevertheless, Margaret still insisted").
  ...['nevertheless ,', 'that being said ,', 'with that being said ,'].flatMap((src) => [
    O(src, CONCESSIVE, 2, { group: 'concessive', guard: { notInSentence: STILL } }),
    O(src, 'Even so,', 2),
  ]),
  // Its partner "On the other hand," becomes "But": alone it announces a contrast that never comes.
  O('on one hand ,', '', 2),
  O('on the one hand ,', '', 2),
  O('having said that ,', CONCESSIVE, 2, { group: 'concessive' }),
  O('with that said ,', CONCESSIVE, 2, { group: 'concessive' }),
  O('that said ,', CONCESSIVE, 2, { group: 'concessive' }),
  O('nonetheless ,', CONCESSIVE, 2, { group: 'concessive' }),
  // Not the day's end told in a story ("At the end of the day, we sat on the balcony"): the idiom
  // argues in the present.
  // Only before a verdict ("At the end of the day, it's your call", "what matters is …"); before
  // people and what they do the day's end is a time ("At the end of the day, the nurses hand over
  // their patients").
  O('at the end of the day ,', { plain: ['In the end,'], concise: [''] }, 2, {
    guard: { beforePastOrFuture: false, nextIn: VERDICT_OPENINGS },
  }),
  O('when all is said and done ,', { plain: ['In the end,'], concise: [''] }, 2),
  O('in this day and age ,', 'Today,', 1),
  O('in the modern world ,', 'Today,', 2),
  O('in the modern era ,', 'Today,', 2),
  O('in our modern society ,', 'Today,', 2),
  // Formal mode: no sentence starting with "But" or "And".
  // Not before a question ("But how do they …?" is no "However, how do they …?").
  O('but', { plain: [], formal: ['However,'] }, 2, {
    modes: ['formal', 'academic'],
    guard: {
      nextLower: true,
      nextNotIn: set(
        'for also then still now yet even so how what why when where who which whether is are do does did can could wait',
      ),
    },
  }),
  O('and', { plain: [], formal: ['Also,'] }, 3, {
    modes: ['formal', 'academic'],
    guard: { nextLower: true, nextNotIn: set('yet so then now still thus therefore also even') },
  }),

  // ---- Empty framing phrases (start of a sentence or clause) ---------------------------------
  C('it is important to note that', '', 1),
  C('it is also important to note that', '', 1),
  C("it's important to note that", '', 1),
  C('it is important to remember that', '', 1),
  C("it's important to remember that", '', 1),
  C('it is worth noting that', '', 1),
  C('it is also worth noting that', '', 1),
  C("it's worth noting that", '', 1),
  C('it is worth mentioning that', '', 1),
  C("it's worth mentioning that", '', 1),
  C('it should be noted that', '', 1),
  C('it must be noted that', '', 1),
  C('it is crucial to note that', '', 1),
  C('it is essential to note that', '', 1),
  C('it is interesting to note that', '', 2),
  C('it is noteworthy that', '', 1),

  // ---- Wordy phrases with plain equivalents ---------------------------------------------------
  ...because('wordy', [
    F('due to the fact that', 'because', 1),
    F('owing to the fact that', 'because', 1),
    F('despite the fact that', 'although', 1),
    F('in spite of the fact that', 'although', 1),
    F('in the event that', 'if', 1),
    // Opening a sentence, "Now," reads as a turn in the talk ("Now, there is no cure"): "At present,".
    O('at this point in time ,', 'At present,', 1),
    F('at this point in time', 'now', 1),
    F('at the present time', { plain: ['now'], formal: ['currently'] }, 2),
    F('in close proximity to', 'near', 1),
    F('until such time as', 'until', 1),
    F('in order to', 'to', 2),
    F('in order to', 'to', 1, { modes: ['concise'] }),
    F('for the purpose of', 'for', 2),
    // "throughout the entirety of the process" says "throughout the process" in three more words.
    F('throughout the entirety of', 'throughout', 2),
    F('during the entirety of', 'throughout', 2),
    F('for the entirety of', 'for all of', 2),
    // Concise prose drops the words that add only length ("In order for students to succeed" →
    // "For students to succeed"); "all over the world" stays after "from" ("from worldwide" is no
    // English).
    F('in order for', 'for', 2, { modes: ['concise'] }),
    F('all of the', 'all the', 2, { modes: ['concise'] }),
    F('both of the', 'both', 2, { modes: ['concise'] }),
    // Not the noun: "wipe the outside of the bag".
    F('outside of', 'outside', 2, {
      modes: ['concise'],
      guard: { prevNotIn: set('the an its their our his her whole entire') },
    }),
    F('all over the world', 'worldwide', 2, { modes: ['concise'], guard: { prevNotIn: set('from') } }),
    ...['believe', 'think', 'feel'].map((v) => F(`i personally ${v}`, `I ${v}`, 2, { modes: ['concise'] })),
    // "has changed the way we live" says "how we live" in two more words; only after a verb of
    // change and before a clause's subject, where "the way" is a manner ("came back the way we
    // came" is a route and stays), and not before "be": "don't change the way you are" is who you
    // are, "how you are" how you feel.
    ...['the way', 'the ways', 'the way that', 'the way in which', 'the ways in which'].map((p) =>
      F(p, 'how', 2, {
        guard: { prevIn: CHANGE_VERBS, nextIn: MANNER_CLAUSE_SUBJECTS, notNextWithin: { n: 3, in: BE_FORMS } },
      }),
    ),
    // Opening a sentence, the topic is announced: "With regard to pay, nothing changed" → "As for
    // pay, …", not "About pay, …".
    ...['with regard to', 'with regards to', 'in regard to'].map((p) =>
      O(p, { plain: ['As for'], formal: ['Concerning'] }, 2),
    ),
    F('with regard to', { plain: ['about'], formal: ['concerning'] }, 2),
    F('with regards to', { plain: ['about'], formal: ['concerning'] }, 2),
    F('in regard to', { plain: ['about'], formal: ['concerning'] }, 2),
    F('pertaining to', { plain: ['about'], formal: ['concerning'] }, 2),
    F('prior to', 'before', 2),
    F('subsequent to', 'after', 2),
    F('in light of', 'given', 2, { guard: { nextNotIn: set('day') } }),
    F('each and every', 'every', 2),
    // Different things are various ones: the second word says nothing the first did not.
    F('various different', 'various', 2),
    V('have a tendency to', 'tend to', 2),
    // Concise prose: "I wanted to take a moment to thank you" asks no moment of the reader; "I
    // wanted to thank you" says it. Only after "to" or "let's", where what follows is the act.
    F('take a moment to', '', 2, { modes: ['concise'], guard: { prevIn: set("to let's us") } }),
    // Service formulas: "Please don't hesitate to reach out" asks what "Please reach out" asks.
    F("please don't hesitate to", 'please', 2, { modes: NOT_FORMAL }),
    F('please do not hesitate to', 'please', 2, { modes: NOT_FORMAL }),
    F('please feel free to', 'please', 2, { modes: NOT_FORMAL }),
    // Not where the act is urgent ("Don't hesitate to call 911 if he stops breathing"): "feel
    // free" makes it optional.
    F("don't hesitate to", 'feel free to', 2, {
      modes: NOT_FORMAL,
      guard: { prevNotIn: set('i we they you he she'), notInSentence: URGENT_WORDS },
    }),
    // A letter's "I am reaching out to ask" is written ("I am writing to ask"); reaching out to
    // someone ("reaching out to the community") stays.
    F('reaching out to', 'writing to', 2, {
      why: 'plain',
      guard: {
        prevIn: set("am i'm are we're is"),
        nextIn: set(
          'ask follow share let inform introduce request see check invite offer thank confirm express discuss inquire enquire update explore propose',
        ),
      },
    }),
    // "schedule a call at your earliest convenience" → "soon": plain and concise prose (a formal
    // letter keeps its courtesy).
    F('at your earliest convenience', 'soon', 2, { modes: ['casual', 'concise'] }),
    F('more than happy to', ['glad to', 'happy to'], 2),
    F('first and foremost', 'above all', 2),
    F('last but not least', 'finally', 1),
    // The idiom sets off its clause ("but at the end of the day, it's your call"); the day's end
    // itself does not ("The shop closes at the end of the day on Friday").
    F('at the end of the day', 'in the end', 2, {
      guard: { nextIn: set(','), beforePastOrFuture: false, notSentenceStart: true },
    }),
    F('of paramount importance', 'vital', 1),
    F('of utmost importance', 'vital', 1),
    F('of the utmost importance', 'vital', 1),
    F('on a daily basis', 'daily', 2),
    // Not after a noun that is the subject ("Exercise on a regular basis is good" is no "Exercise
    // regularly is good"): only where a verb is modified, with no verb after.
    F('on a regular basis', 'regularly', 2, {
      guard: { nextNotIn: new Set([...BE_FORMS, ...MODALS, ...set('has have helps help')]) },
    }),
    F('as a matter of fact', 'in fact', 2),
    V('come to the conclusion that', 'conclude that', 2),
    // "His anger is a reflection of his fear" → "reflects".
    ...beThen('a reflection of', 'reflect', 2),
    // "is considered to be the best" → "is considered the best"; not before a participle ("is
    // considered to be located"), which needs the "to be".
    F('considered to be', 'considered', 2, { guard: { nextIn: new Set([...DETERMINERS, 'one']) } }),
    // Concise prose: "forget the fact that deadlines matter" → "forget that …".
    F('the fact that', 'that', 2, {
      modes: ['concise'],
      guard: {
        prevIn: set(
          'forget forgets forgot forgotten forgetting ignore ignores ignored ignoring overlook overlooks overlooked overlooking accept accepts accepted accepting',
        ),
      },
    }),
    // After "be" the clause is the complement: "What made it memorable was the fact that I
    // stepped out of my comfort zone" → "was that I stepped out …", in every mode.
    F('the fact that', 'that', 2, { guard: { prevIn: set('is was') } }),
    // "The rules are applicable to all staff" → "apply to".
    ...beThen('applicable to', 'apply to', 2),
    // Concise prose: where a thing is, "is located in" says in two words what "is in" says in one.
    // Only the present: "the child was located in a barn" was found there.
    ...['is', 'are'].flatMap((be) =>
      ['in', 'on', 'at', 'near'].map((prep) => F(`${be} located ${prep}`, `${be} ${prep}`, 2, { modes: ['concise'] })),
    ),
    F('in a timely manner', 'promptly', 2),
    F('in the near future', 'soon', 2, { modes: ['concise'] }),
    F('is in the process of', 'is', 2, { modes: ['concise'] }),
    F('are in the process of', 'are', 2, { modes: ['concise'] }),
    // "can" has no third-person form: the verb entry for "have the ability to" (phrases.ts) takes
    // the base only.
    F('has the ability to', 'can', 2),
    // "possess" said of an ability is "have" it, and so "can" ("Effective leaders possess the
    // ability to navigate …" was "have the ability to").
    F('possesses the ability to', 'can', 2),
    F('possess the ability to', 'can', 2, { guard: FINITE_HAVE }),
    // Concise prose: "Neighbors have the opportunity to work side by side" → "can work". Only the
    // present: "I had the opportunity to visit" tells of a visit that "could" leaves in doubt.
    // Not after an adverb, which would stand before "can" ("people now can talk").
    ...['have', 'has'].map((have) =>
      F(`${have} the opportunity to`, 'can', 2, {
        modes: ['concise'],
        guard: { ...FINITE_HAVE, prevNotIn: set('also still even often always usually sometimes now already') },
      }),
    ),
    // After a modal or "to" the verb stays ("will have the ability to" → "will be able to").
    F('have the ability to', 'be able to', 2, { guard: { prevIn: new Set(['to', "'ll", ...MODALS]) } }),
    F('is able to', 'can', 2, { modes: ['concise'] }),
    F('are able to', 'can', 2, { modes: ['concise'] }),
    F('a large number of', 'many', 1, { modes: ['concise'] }),
    F('a significant number of', 'many', 2, { modes: ['concise'] }),
    // "of" stays before a determiner or a pronoun: "most of the funding", "most of whom".
    F('the vast majority of', 'most', 2, { guard: { nextNotIn: OF_KEPT_BEFORE } }),
    F('the vast majority of', 'most of', 2, { guard: { nextIn: OF_KEPT_BEFORE } }),
    F('the majority of', 'most', 2, { modes: ['concise'], guard: { nextNotIn: OF_KEPT_BEFORE } }),
    F('the majority of', 'most of', 2, { modes: ['concise'], guard: { nextIn: OF_KEPT_BEFORE } }),
    // (A range as the subject of a singular verb stays a range: "A wide variety of colors is
    // available".)
    // "many" takes a plural: "a wide variety of food" is no "many food".
    F('a wide variety of', 'many', 2, {
      modes: ['concise'],
      guard: MANY_BEFORE_PLURAL,
    }),
    F('a broad range of', 'many', 2, {
      modes: ['concise'],
      guard: MANY_BEFORE_PLURAL,
    }),
    // A stock phrase the detector lists: reworded as the kinds it counts ("a wide range of
    // benefits" → "many kinds of benefits", "a wide range of music" → "many kinds of music"; casual
    // "all kinds of"; shortened to "many" in concise prose, before a plural). The span of a scale
    // stays a range: "works across a wide range of temperatures" → "a broad range of".
    ...['a wide range of', 'a diverse range of', 'a diverse array of', 'a wide array of', 'a vast array of'].flatMap(
      (src) => [
        F(src, 'a broad range of', 2, { why: 'stock', guard: { nextWithin: { n: 3, in: SCALES } } }),
        // A span of figures ("a wide range of 10 to 40 degrees") is a range.
        F(src, 'a broad range of', 2, { why: 'stock', guard: { beforeAmount: true } }),
        // The range is the subject of a singular verb ("A wide range of colors is available"):
        // "many kinds of colors is" would break the agreement.
        F(src, 'a broad range of', 2, { why: 'stock', guard: { nextWithin: { n: 4, in: SINGULAR_VERBS } } }),
        // A range of what is named already ("a wide range of our experiences") stays a range.
        F(src, 'a broad range of', 2, { why: 'stock', guard: { nextIn: new Set([...DETERMINERS, ...POSSESSIVES]) } }),
        // Kinds already: "a wide array of musical genres" → "many musical genres", "a wide range of
        // asset classes" → "many asset classes".
        F(src, 'many', 2, { why: 'stock', guard: { nextWithin: { n: 3, in: KINDS } } }),
        F(src, 'many', 2, { why: 'stock', guard: { nextIn: set('asset') } }),
        F(src, 'many', 2, {
          modes: ['concise'],
          why: 'stock',
          guard: MANY_BEFORE_PLURAL,
        }),
        // Before a plural, the many things of different kinds ("many kinds of features", "many
        // kinds of disciplines" said they were types); of a mass, its kinds ("many kinds of music").
        F(src, { plain: ['many different'], formal: ['a broad range of'], casual: ['all kinds of'] }, 2, {
          why: 'stock',
          guard: MANY_BEFORE_PLURAL,
        }),
        F(src, { plain: ['many kinds of'], formal: ['a broad range of'], casual: ['all kinds of'] }, 2, {
          why: 'stock',
        }),
      ],
    ),
    // After "there is" the plural its words now have ("There is a myriad of reasons", "There is a
    // plethora of options" → "There are many …").
    ...['myriad', 'plethora'].flatMap((noun) =>
      (
        [
          ['is', 'are'],
          ['was', 'were'],
        ] as const
      ).map(([be, plural]) =>
        F(`there ${be} a ${noun} of`, `there ${plural} many`, 1, { guard: { beforePlural: true } }),
      ),
    ),
    // Of a mass, "a great deal of" ("a myriad of information" is no "many information").
    F('a myriad of', ['many', 'countless'], 1, { guard: { beforePlural: true } }),
    F('a myriad of', 'a great deal of', 1),
    F('the myriad of', 'the many', 1, { guard: { beforePlural: true } }),
    // Not "plenty of", which says more than enough ("covers plenty of risks"): a great many of
    // what is counted, a great deal of a mass ("a plethora of information").
    F(
      'a plethora of',
      // (Formal prose too: "an abundance of tourists" reads oddly of people.)
      { plain: ['a great many', 'a host of'], formal: ['a great many'], casual: ['lots of'], concise: ['many'] },
      1,
      { guard: { beforePlural: true } },
    ),
    F('a plethora of', { plain: ['a great deal of'], formal: ['an abundance of'], casual: ['lots of'] }, 1),
    F('a multitude of', 'many', 2),
    // "a wealth of benefits", "a wealth of information": a large amount, of things or of a mass.
    // Not "a wealth of its own" (riches) nor a wealth that is money ("a wealth of $3 billion").
    F('a wealth of', { plain: ['plenty of'], formal: ['an abundance of'], casual: ['lots of'] }, 2, {
      guard: { nextLower: true, nextNotIn: set('its his her their your our my') },
    }),
    F('in the realm of', 'in', 2, { guard: { nextLower: true, nextNotIn: set('possibility possibilities') } }),
    // "policies that are within the realm of possibility" → "policies that are possible".
    F('in the realm of possibility', 'possible', 2),
    F('within the realm of possibility', 'possible', 2),
    // Where the sentence cannot be recast ("It is essential to teach the dog commands, like …";
    // mid-sentence: "But since …, it's essential to learn how to cope"), the stock frame keeps its
    // shape with a plainer adjective (a stock phrase replaced, not shortened).
    // Where the sentence says "vital" already ("It is crucial to maintain an ethical workplace,
    // and your reports are vital …"), "important", which the detector does not list in this frame.
    ...['it is', "it's"].flatMap((it) =>
      ['essential', 'crucial'].flatMap((a) => [
        F(`${it} ${a} to`, `${it} vital to`, 2, { why: 'stock', guard: { notInSentence: VITAL } }),
        F(`${it} ${a} to`, `${it} important to`, 2, { why: 'stock' }),
      ]),
    ),
    F('akin to', ['like', 'similar to'], 2),
    // Before a clause only "above all" reads ("most notably, they introduced …" is no "especially, they").
    F('most notably ,', 'above all,', 2),
    F('most notably', ['above all', 'especially'], 2),
  ]),
  // ---- "A testament to", "serves as", and friends --------------------------------------------
  // (None where a second object takes its "to" again: "a testament to Leonardo's genius and to the
  // fragility of art" would read "shows Leonardo's genius and to the fragility".)
  ...because('stock', [
    // "It is a testament to her skill that she finished": "It shows her skill that she finished" is
    // no sentence; "a tribute to" reads right whether the "that" opens a clause or a relative.
    // Only the cleft: "It was a testament to the quiet bonds that hold a community together" says
    // what it showed ("It showed the quiet bonds …"), and no tribute was paid.
    F('it is a testament to', 'it is a tribute to', 1, { guard: { clauseThat: true } }),
    F("it's a testament to", "it's a tribute to", 1, { guard: { clauseThat: true } }),
    F('it was a testament to', 'it was a tribute to', 1, { guard: { clauseThat: true } }),
    // (People honoured: "The manuscript is a testament to the monks who copied it" is a tribute to
    // them, not "shows the monks".)
    F('is a testament to', 'is a tribute to', 1, { guard: TRIBUTE }),
    F('was a testament to', 'was a tribute to', 1, { guard: TRIBUTE }),
    F('is a testament to', 'shows', 1, { guard: SHOWN }),
    F('was a testament to', 'showed', 1, { guard: SHOWN }),
    F('are a testament to', 'show', 1, { guard: SHOWN }),
    F('were a testament to', 'showed', 1, { guard: SHOWN }),
    // (People honoured: "The memorial serves as a testament to the soldiers who died" → "is a
    // tribute to", never "shows the soldiers".)
    F('stands as a testament to', 'is a tribute to', 1, { guard: TRIBUTE }),
    F('serves as a testament to', 'is a tribute to', 1, { guard: TRIBUTE }),
    F('stands as a testament to', 'shows', 1, { guard: { notParallel: true, noAppositive: true } }),
    F('stood as a testament to', 'showed', 1, { guard: { notParallel: true, notPrevWithin: AFTER_HAVE } }),
    F('stood as a testament to', 'shown', 1, { guard: { notParallel: true, prevWithin: AFTER_HAVE } }),
    // Without the article ("stands testament to Christie's prowess"): "stands sign of" is no English.
    F('stands testament to', 'shows', 1, { guard: { notParallel: true, noAppositive: true } }),
    F('stand testament to', 'show', 1, { guard: { notParallel: true, noAppositive: true } }),
    F('stood testament to', 'showed', 1, { guard: { notParallel: true } }),
    F('is testament to', 'shows', 1, { guard: { notParallel: true, noAppositive: true } }),
    F('are testament to', 'show', 1, { guard: { notParallel: true, noAppositive: true } }),
    F('was testament to', 'showed', 1, { guard: { notParallel: true, noAppositive: true } }),
    F('were testament to', 'showed', 1, { guard: { notParallel: true, noAppositive: true } }),
    F('serves as a testament to', 'shows', 1, { guard: { notParallel: true } }),
    // "is a testament to the fact that" → "shows that", not "shows the fact that".
    ...(
      [
        ['is', 'shows'],
        ['was', 'showed'],
        ['are', 'show'],
        ['were', 'showed'],
        ['stands as', 'shows'],
        ['serves as', 'shows'],
      ] as const
    ).map(([verb, alt]) => F(`${verb} a testament to the fact that`, `${alt} that`, 1)),
    F('served as a testament to', 'showed', 1, { guard: { notParallel: true } }),
    // ", serving as a testament to the ingenuity of …" → ", showing the ingenuity of …".
    F('serving as a testament to', 'showing', 1, { guard: { notParallel: true } }),
    // "In a testament to their spirit, the Kiwis fought on": "In proof of" is no English.
    F('in a testament to', 'as proof of', 1, { guard: { notParallel: true } }),
    // A testament to people, or to all someone believed in, honours them: "a tribute to the
    // soldiers who died", "a tribute to everything Kael had believed in" (a name's skill is still
    // shown: "a testament to Christie's craft").
    F('a testament to', 'a tribute to', 1, { guard: TRIBUTE }),
    // Not "proof of", which claims more than a testament shows.
    // "a living testament to the power of practice" is living proof: "a living sign of" is no English.
    F('a living testament to', 'living proof of', 1, { guard: { notParallel: true } }),
    F('a testament to', ['evidence of', 'a sign of'], 1, { guard: { notParallel: true } }),
    // After an adjective ("a true testament to"); never straight after a verb ("remains testament
    // to" would read "remains sign of").
    N('testament to', 'sign of', 1, {
      guard: {
        notParallel: true,
        prevNotIn: new Set([...BE_FORMS, ...set('stand stands stood standing remain remains remained still')]),
      },
    }),
    // After "also" the adverb follows the verb: "it also serves as a reminder" → "it is also a reminder".
    F('also serves as a reminder', 'is also a reminder', 1),
    F('also served as a reminder', 'was also a reminder', 1),
    F('serves as a reminder', 'is a reminder', 1, { guard: { prevNotIn: ADVERBS_BEFORE_VERB } }),
    F('serves as', 'is', 1, {
      guard: { nextIn: A_AN, nextWithin: { n: 3, in: FIGURATIVE_ROLES }, prevNotIn: ADVERBS_BEFORE_VERB },
    }),
    F('serve as', 'be', 1, {
      guard: { prevIn: new Set(['to', ...MODALS]), nextIn: A_AN, nextWithin: { n: 3, in: FIGURATIVE_ROLES } },
    }),
    F('served as', 'was', 1, {
      guard: { prevIn: set('it this that he she'), nextIn: A_AN, nextWithin: { n: 3, in: FIGURATIVE_ROLES } },
    }),
    F('served as', 'were', 1, {
      guard: {
        prevIn: set('they these those we you'),
        nextIn: A_AN,
        nextWithin: { n: 3, in: FIGURATIVE_ROLES },
      },
    }),
    F('has served as', 'has been', 1, { guard: { nextIn: A_AN, nextWithin: { n: 3, in: FIGURATIVE_ROLES } } }),
    F('have served as', 'have been', 1, { guard: { nextIn: A_AN, nextWithin: { n: 3, in: FIGURATIVE_ROLES } } }),
    F('serving as', 'acting as', 1, { guard: { nextIn: A_AN, nextWithin: { n: 3, in: FIGURATIVE_ROLES } } }),
    // A beacon of an ideal stands for it ("a beacon of freedom" is no "source of freedom"); only
    // hope is given off.
    N('beacon of', ['source of', 'symbol of'], 1, { guard: { nextIn: set('hope light comfort inspiration') } }),
    // Not a radio's or a lighthouse's beacon ("The radio beacon of the airport failed").
    N('beacon of', 'symbol of', 1, { guard: { prevNotIn: set('radio light navigation warning signal distress') } }),
    // Not a stone laid ("The cornerstone of the Capitol was laid by George Washington").
    N('cornerstone of', ['foundation of', 'basis of'], 2, {
      guard: {
        notInSentence: set('laid lay lays laying stone removed remove unveiled'),
        notNextWithin: {
          n: 4,
          in: set('building bank church capitol temple hall house library school tower cathedral museum'),
        },
      },
    }),
    // The one tapestry of a whole ("part of the tapestry of your education", "the tapestry of
    // life") is its fabric; a tapestry of many things is a mix of them.
    N('tapestry of', 'fabric of', 1, { guard: { prevIn: set('the'), nextIn: WHOLES } }),
    // A tapestry of many things is a mix ("a tapestry of cultures"); one of space, of destiny or
    // of time keeps its figure ("the huge mix of space"), and so does one that is woven.
    N('tapestry of', ['mix of', 'blend of'], 1, {
      guard: {
        notNextWithin: { n: 2, in: set('space destiny fate history time existence universe eternity cosmos life') },
        notInSentence: set('weave weaves woven wove weaving thread threads'),
      },
    }),
    N('deep dive into', 'close look at', 2),
    // The rhyme adds nothing to "bustle" (busy activity), which says it alone.
    F('hustle and bustle', 'bustle', 2),
    // A state, after "be" or a comma ("a day was filled with joy", "His journey, filled with
    // labour,"): "full of" says it. Never the verb ("Her eyes filled with tears" became full), nor
    // an act with its agent ("was filled with sand by the crew").
    F('filled with', 'full of', 2, {
      guard: { prevIn: new Set([...BE_FORMS, ',']), notNextWithin: { n: 8, in: set('by') } },
    }),
    F('ahead of the curve', 'ahead', 2, {
      guard: { prevIn: set('stay stays stayed staying keep keeps kept keeping remain remains') },
    }),
    N('realm of', ['world of'], 1, { guard: { nextLower: true, nextNotIn: set('possibility possibilities') } }),
    // What a game-changer does, said as the verb ("Consistency is a game-changer for any
    // plan." → "Consistency transforms any plan."); else a breakthrough is for a field ("a
    // game-changer for the industry"), and for someone's own routine or life a big improvement.
    // Not for people: a drug that is "a game-changer for patients" does not "transform patients".
    ...beThen('a game-changer for', 'transform', 2, {
      guard: {
        noAppositive: true,
        notNextWithin: {
          n: 3,
          in: new Set([
            ...PEOPLE,
            ...set('team teams families businesses companies firms organizations organisations groups anyone anybody'),
          ]),
        },
      },
    }),
    // At a clause's end, what it does for the one who has it: "having a dedicated workspace is a
    // game-changer." → "makes a big difference." (never "is a breakthrough", a discovery).
    ...(
      [
        ['is', 'makes', 'changes'],
        ['are', 'make', 'change'],
        ['was', 'made', 'changed'],
        ['were', 'made', 'changed'],
        ['be', 'make', 'change'],
        // Contracted: "wow, it's a game-changer!" → "it makes a big difference!".
        ["it's", 'it makes', 'it changes'],
        ["that's", 'that makes', 'that changes'],
      ] as const
    ).map(([be, verb, change]) =>
      // Where "make" would echo ("can be a game-changer, making them …"), it changes the game: a
      // player or a tool is no "breakthrough".
      F(
        `${be} a game-changer`,
        {
          plain: [`${verb} a big difference`, `${change} the game@spare`],
          formal: [`${verb} a major difference`, `${change} the game@spare`],
        },
        2,
        { guard: { nextIn: set('. , ! ; : —') } },
      ),
    ),
    // Not "breakthrough", which claims a first ("a breakthrough for small teams" of a file-sharing app).
    // (Not after a degree word of its own: "a total big improvement".)
    N('game-changer for', 'big improvement for', 2, {
      guard: { nextIn: set('my your our their his her its me us you him them'), prevNotIn: DEGREE_BEFORE_NOUN },
    }),
    // "a boon for", not "a big help" ("a true big help" after an adjective).
    N('game-changer for', 'boon for', 2),
    N('game-changer', 'big step forward', 2, { guard: { prevIn: set('a the') } }),
    N('game-changer', 'breakthrough', 2, {
      guard: { prevIn: DEGREE_BEFORE_NOUN, prevNotIn: set('total complete absolute real') },
    }),
    // Not Kuhn's term in the philosophy of science ("science advances through paradigm shifts").
    N('paradigm shift', 'major shift', 2, { guard: { notInSentence: set('kuhn science scientific') } }),
    // The quality is complexity ("the intricacy of the plot"); the parts are details.
    N('intricacy', 'complexity', 1, { plural: false }),
    F('intricacies', ['details', 'finer points'], 1),
    N('nuance', 'subtlety', 2),
    // A pursuit that rewards is one ("a rewarding endeavor" is no "rewarding effort", which is work
    // put in); "a heroic endeavor to overcome the sea" is a noun before "to" (the verb: "we endeavor
    // to").
    ...['endeavor', 'endeavour'].flatMap((w) => [
      N(w, 'pursuit', 2, { guard: { prevIn: PURSUITS_REWARDING } }),
      N(w, 'effort', 2, {
        guard: { nextNotIn: set('to'), prevNotIn: new Set([...MODALS, 'to', ...DRAFTED_STANDARDS]) },
      }),
      N(w, 'effort', 2, { guard: { nextIn: set('to'), afterModifier: true, prevNotIn: DRAFTED_STANDARDS } }),
    ]),
    // Not a measure of how much of a capacity is used ("credit utilization (30%)", "CPU utilization").
    // (Nor the term "carbon capture, utilization and storage".)
    N('utilization', 'use', 1, { guard: { prevNotIn: UTILIZED_CAPACITIES, notInSentence: set('capture') } }),
    N('utilisation', 'use', 1, { guard: { prevNotIn: UTILIZED_CAPACITIES } }),
    N('enhancement', 'improvement', 2),
    // Between two things it is also a relationship (a second word when "interaction" is near).
    N('interplay', ['interaction', 'relationship'], 2, { guard: { nextIn: set('between') } }),
    N('interplay', 'interaction', 2, { guard: { nextNotIn: set('between') } }),
    N('individual', 'person', 2, {
      plural: false,
      guard: {
        prevIn: set('an each every this that any'),
        nextIn: set('who whose with is was can may must should will would has had to in'),
      },
    }),
    // "The individual" is also people in general, set against society or the state ("the power of
    // the individual in the face of oppressive systems"): only "the individual who …" is one person.
    N('individual', 'person', 2, { plural: false, guard: { prevIn: set('the'), nextIn: set('who whose') } }),
    // Not "people and groups of people": "people" close by keeps "individuals"; nor set against
    // states or companies ("applicable to states, rather than to individuals"), where the word
    // means persons in law. Not animals or cells ("a large number of domestic individuals" of dogs).
    N('individuals', 'people', 1, {
      plural: false,
      guard: {
        notInSentence: new Set([...NOT_PEOPLE_OR_BODIES, ...set('society businesses')]),
        nextNotIn: set('of'),
        notNextWithin: { n: 5, in: set('people') },
        notPrevWithin: { n: 5, in: set('people') },
      },
    }),
    // Politics and the arts have a "scene" ("the political scene", not "the political world");
    // trades and techniques a "world" ("the business world").
    // So has the world at large: "the global scene" (never "the global world").
    N('landscape', 'scene', 2, {
      guard: {
        prevIn: set('political media cultural social literary musical music entertainment religious art global'),
      },
    }),
    // The rules a field lives under are its environment ("the regulatory world for cryptocurrency"
    // is not said).
    N('landscape', 'environment', 2, { guard: { prevIn: set('regulatory legal') } }),
    // Not the land itself: "the changing landscape of the farm" is its fields, no world.
    N('landscape', 'world', 2, {
      guard: {
        // Nor beside a "world" of the sentence's own ("the competitive world of the fashion world").
        notInSentence: set('world'),
        notNextWithin: { n: 3, in: new Set([...PLACE_NOUNS, ...LAND_NOUNS]) },
        prevIn: set(
          'digital business economic competitive technological tech regulatory educational financial corporate current changing evolving ever-changing ever-evolving modern legal academic healthcare retail job market industry',
        ),
      },
    }),
  ]),
  // ---- Verbs ----------------------------------------------------------------------------------
  V('delve deeper into', { plain: ['dig deeper into', 'look more closely at'], formal: ['look more closely at'] }, 1),
  // "dig into" only in casual prose: a study or an essay does not "dig into" its subject.
  // A matter or a cause is looked into (investigated); a theme, a scene or a world explored: "the
  // novel delves into the themes of love" is no "looks into", nor "we delved into the food scene".
  // A bag or a drawer is dug into ("She delved into her bag for the keys" is no exploring).
  V('delve into', 'dig into', 1, { guard: { nextWithin: { n: 3, in: CONTAINERS } } }),
  V('delve into', { plain: ['look into', 'explore'], formal: ['examine', 'explore'], casual: ['dig into'] }, 1, {
    guard: { nextWithin: { n: 3, in: INVESTIGATED } },
  }),
  V('delve into', { plain: ['explore', 'look into'], formal: ['examine', 'explore'], casual: ['dig into'] }, 1),
  V('delve', { plain: ['dig'], formal: ['probe'] }, 1),
  V('utilize', 'use', 1),
  V('utilise', 'use', 1),
  // Not borrowing against a position ("investors leverage their positions by borrowing"), nor the
  // finance terms "a leveraged buyout", "a leveraged loan".
  // Nor the adjective ("highly leveraged companies", "a leveraged ETF"): geared, no "used".
  V('leverage', ['use', 'draw on'], 1, {
    guard: {
      verb: true,
      object: true,
      notParticipleBeforeNoun: true,
      notNextWithin: {
        n: 5,
        // Nor the lever's own sense ("leveraged the old door off its hinges", "the stone out of the ground").
        in: set(
          'position positions debt borrowing capital balance buyout buyouts loan loans finance off out hinges ratio ratios',
        ),
      },
      // Nor public money that draws in a multiple of private ("leverage public funds to attract
      // private investment").
      notInSentence: set('attract attracts attracting unlock mobilize mobilise crowd-in'),
    },
  }),
  // "harness the power of these tools" is using them ("use the power of" says it twice); not
  // "the power of the sun", where the power is the point.
  V('harness the power of', 'use', 1, { guard: { nextIn: set('these this those their your our its my his her') } }),
  // A bare noun after it ("harness the power of games", "of storytelling"): what is used.
  V('harness the power of', 'use', 2, { guard: { nextLower: true, nextNotIn: new Set([...DETERMINERS, 'the']) } }),
  // Benefits harnessed are made the most of, or reaped ("harness the benefits of remote work": "use
  // the benefits" is no English), and a promise is tapped ("harness its potential").
  // Never the noun after a describing word ("Use a padded harness instead of a collar").
  V('harness', ['make the most of', 'reap'], 1, {
    guard: { verb: true, object: true, afterModifier: false, nextWithin: { n: 3, in: set('benefits advantages') } },
  }),
  V('harness', 'tap', 1, {
    guard: { verb: true, object: true, afterModifier: false, nextWithin: { n: 3, in: set('potential') } },
  }),
  // Not horses put in harness ("Farmers harness horses to the plough").
  V('harness', ['use', 'tap'], 1, {
    guard: {
      verb: true,
      object: true,
      afterModifier: false,
      notNextWithin: { n: 3, in: set('horse horses ox oxen mule mules pony ponies dog dogs team') },
    },
  }),
  // Not "point out": only people point things out ("this change, pointing out the key role").
  // "We can't underscore this enough": what cannot be said too strongly is stressed ("can't show
  // this enough" says something else).
  V('underscore', 'stress', 1, { guard: { verb: true, prevIn: set("can't cannot not never") } }),
  // "the fact that" said once: "underscores the fact that sensors fail" → "shows that".
  V('underscore the fact that', 'show that', 1),
  // What a finding underscores it points to ("these findings underscore the need for", "the vital
  // role that green spaces can play"), never "shows", which claims a proof the finding may not be.
  V('underscore', 'point to', 1, { guard: { verb: true, object: true, nextWithin: { n: 3, in: POINTED_TO } } }),
  // A person underscores what they say: they stress it ("The president underscored that the
  // economy was strong" is no "showed that").
  V('underscore', 'stress', 1, { guard: { verb: true, prevWithin: { n: 2, in: SPEAKERS } } }),
  // A study's findings are not made proof by the swap: after one, "underline" only.
  // Nor an idea or a theme, which a text stresses ("underscores the idea that …" is no "shows the idea").
  V('underscore', ['show', 'underline'], 1, {
    guard: { verb: true, object: true, notPrevWithin: FINDINGS_BEFORE, notNextWithin: { n: 3, in: IDEAS } },
  }),
  V('underscore', 'underline', 1, { guard: { verb: true, object: true } }),
  // Performers and their work are featured ("venues showcasing new artists" → "featuring").
  // A venue features its artists; a person shows their own work ("He showcased his paintings at
  // the fair" → "showed").
  V('showcase', 'feature', 1, {
    guard: { verb: true, nextWithin: { n: 3, in: FEATURED }, prevNotIn: PERSON_PRONOUNS },
  }),
  // A room or a window has its views ("Each suite showcases stunning views" is no "shows views").
  V('showcase', 'have', 1, { guard: { verb: true, nextWithin: { n: 3, in: set('view views') } } }),
  V('showcase', ['show', 'display'], 1, { guard: { verb: true } }),
  // A feeling is created, not built ("fostered a sense of belonging" → "created a feeling of
  // belonging", the stock phrase said plainly after it).
  V('foster a sense of belonging', 'create a feeling of belonging', 1),
  // "foster a sense of belonging, trust, ties" → build; "foster growth, creativity" → encourage.
  // "empower people to act" gives them the means: "enable". Without "to" ("empowers women") it
  // also means giving standing or confidence, which "enable" does not say: left alone.
  V('empower', 'enable', 1, {
    guard: { verb: true, object: true, nextWithin: { n: 4, in: set('to') } },
  }),
  // What is built is the object itself, not a word after a preposition ("fosters growth in
  // communities" builds no growth: it encourages it).
  V('foster', 'build', 1, {
    guard: {
      verb: true,
      nextWithin: {
        n: 3,
        in: set(
          'sense relationships relationship connection connections community communities trust bond bonds ties culture environment environments atmosphere partnerships partnership friendships friendship understanding appreciation knowledge awareness',
        ),
      },
      notNextWithin: { n: 2, in: PREPOSITIONS },
    },
  }),
  // The same with adjectives before it ("foster a more rooted community"), but one object only:
  // "foster innovation and stronger communities" builds no innovation.
  V('foster', 'build', 1, {
    guard: {
      verb: true,
      nextIn: set('a an the more stronger closer deeper'),
      nextWithin: { n: 4, in: set('community communities relationships relationship bond bonds ties culture') },
      notNextWithin: { n: 4, in: set(', and or of in for with among between across within') },
    },
  }),
  // A place or a climate is built whatever describes it first ("fostering a diverse, equitable,
  // and inclusive workplace" encourages no workplace).
  V('foster', 'build', 1, {
    guard: {
      verb: true,
      nextIn: set('a an the'),
      objectHeadIn: set('workplace workplaces environment environments culture community atmosphere climate society'),
    },
  }),
  // A bent of one's own grows: "fostered my commitment to public service" → "deepened" (a
  // commitment is not encouraged).
  V('foster', 'deepen', 1, {
    guard: {
      verb: true,
      // One's own ("fostered my commitment"), never one fostered in others ("foster a love of
      // reading in our kids" is encouraged).
      nextIn: set('my our his her their your'),
      nextWithin: { n: 3, in: set('commitment commitments dedication devotion passion passions love') },
      notNextWithin: { n: 8, in: set(', and or in among') },
    },
  }),
  // A room or a space is made so: "foster a safe and welcoming classroom" → "create".
  V('foster', 'create', 1, {
    guard: { verb: true, nextIn: set('a an the'), objectHeadIn: set('classroom classrooms space spaces') },
  }),
  // People are formed, not encouraged: "education fosters informed citizens" → "shapes". Only
  // the people fostered, not those in whom something is ("foster curiosity in their students").
  V('foster', 'shape', 1, {
    guard: {
      verb: true,
      // The people are its own object, not a second verb's ("fostering innovation and protecting
      // citizens" shapes no innovation; "informed and engaged citizens" are its own).
      notNextWithin: {
        n: 3,
        in: new Set([
          ...PREPOSITIONS,
          ...set('protecting ensuring supporting promoting empowering educating serving helping training keeping'),
        ]),
      },
      nextWithin: {
        n: 4,
        in: set(
          'citizens citizenry students learners leaders thinkers readers graduates generation generations workers professionals voters individuals minds adults',
        ),
      },
    },
  }),
  // What harms is fed, not encouraged: "comparison fosters low self-esteem" → "feeds".
  V('foster', 'feed', 1, {
    guard: {
      verb: true,
      // The harm is what it fosters, not a word after a passive or a preposition ("unity can be
      // fostered despite divisions").
      object: true,
      prevNotIn: BE_FORMS,
      nextWithin: {
        n: 3,
        in: set(
          'low resentment distrust mistrust division divisions fear fears anxiety anxieties hatred hostility conflict conflicts envy jealousy insecurity insecurities isolation loneliness suspicion prejudice cynicism extremism violence',
        ),
      },
    },
  }),
  // Not fostering a child (taking one in): no "care", "child", "family" … within three words.
  // "promote" where "encourage" would echo a word nearby ("a means of fostering renewal. It also
  // encourages us …").
  // What is built up and brought forth is built or raised, not encouraged ("fostered a network of
  // roads", "fostered a generation of physicists"): "encourage" is said of an act or a quality.
  V('foster', 'build', 1, { guard: { verb: true, nextWithin: { n: 3, in: set('network networks circle circles') } } }),
  V('foster', 'raise', 1, { guard: { verb: true, nextWithin: { n: 3, in: set('generation generations') } } }),
  V('foster', ['encourage', 'promote@spare'], 1, {
    guard: {
      verb: true,
      // "fostered in me a deep appreciation": "encouraged in me" is no English.
      nextNotIn: set('in within'),
      // Five: a count may stand between ("fostered more than forty dogs").
      notNextWithin: {
        n: 5,
        in: set(
          'care parent parents home homes child children family families mother father kid kids system placement placements baby babies teen teens teenager teenagers boy boys girl girls son sons daughter daughters sibling siblings newborn newborns infant infants toddler toddlers youngster youngsters dog dogs cat cats puppy puppies kitten kittens rabbit rabbits goat goats duck ducks horse horses pet pets pig pigs chicken chickens bird birds animal animals life lives',
        ),
      },
    },
  }),
  V('bolster', ['strengthen', 'boost'], 1, { guard: { verb: true } }),
  // Not "explain": a method that elucidates a mechanism clarifies it ("use spectroscopy to explain").
  V('elucidate', 'clarify', 1),
  // One begins a career or a chapter, but goes on a hike or a journey ("begin scenic hikes" is
  // starting them, not taking them).
  ...['embark on', 'embark upon'].flatMap((src) => [
    // Nor a ship boarded ("embarked on HMS Beagle", "on the Mayflower", "on the transports"): a
    // name or a vessel after it is no undertaking.
    V(src, ['begin', 'start'], 1, {
      guard: {
        notNextWithin: { n: 3, in: new Set([...OUTINGS, ...VESSELS]) },
        nextName: false,
      },
    }),
    // "go on" where "set out" would echo ("Kids are out of school, and families go on vacations").
    V(src, ['set out on', 'go on@spare'], 1, { guard: { nextWithin: { n: 3, in: OUTINGS } } }),
  ]),
  // An idea or a practice that gains traction catches on ("gained significant traction among
  // teachers" → "caught on among teachers"; formal prose "gains ground"). Not before "on": tyres
  // gain traction on snow, and "caught on on social media" says "on" twice.
  ...['gain traction', 'gain significant traction', 'gain considerable traction'].map((src) =>
    V(src, { plain: ['catch on'], formal: ['gain ground'] }, 2, { guard: { nextNotIn: set('on') } }),
  ),
  // Not "struggle with": "struggle" is an over-used word itself.
  V('grapple with', 'wrestle with', 1),
  // "cast light on" has one form for present, past and participle: it serves where the form is unclear ("the letters shed light on").
  // One clarifies or explains a question or a cause, not a life or a period ("shedding light on
  // the life of Steve Biko" is not "clarifying the life").
  // Light shed helps an explanation, it is none: "have shed light on the link" is no "clarified"
  // (a finished explanation a study may not claim); "sheds light on why he left" → "helps explain".
  V('shed light on', 'help explain', 1, { guard: { nextIn: set('how why what whether') } }),
  V('shed light on', 'cast light on', 1),
  // What leaves a lasting impression on someone stays with them ("The film left a lasting
  // impression on me" → "The film stayed with me"): the plain verb for the memory kept. Not the
  // gerund: "Leaving a lasting impression on the judges is hard" is no "Staying with the judges".
  ...['leave a lasting impression on', 'leave an indelible impression on'].map((src) =>
    V(src, 'stay with', 2, { forms: ['base', 's3', 'past', 'pp'], guard: { nextWithin: { n: 3, in: IMPRESSED } } }),
  ),
  V('pave the way for', ['clear the way for', 'open the way for'], 1),
  V('pave the way to', ['clear the way to', 'open the way to'], 1),
  // A standing is gained ("garnered a loyal following"); anything else garnered is received: a
  // share or a count above all ("gained 62% of the vote" would be a 62-point swing).
  V('garner', 'gain', 1, {
    guard: {
      nextWithin: { n: 3, in: set('reputation following followers fans popularity traction momentum recognition') },
    },
  }),
  V('garner', 'receive', 1),
  V('commence', ['start', 'begin'], 1),
  ...['endeavor to', 'endeavour to'].map((src) =>
    V(src, 'try to', 1, { guard: { afterModifier: false, prevNotIn: DRAFTED_STANDARDS } }),
  ),
  // A place or a story "fascinates" or "enthralls" its visitors or readers; "grip" only suits suspense.
  // Attention is captured, not enthralled ("captivate the reader's attention").
  V('captivate', 'capture', 1, {
    guard: { nextWithin: { n: 4, in: set('attention interest imagination imaginations') } },
  }),
  // A heart is won ("a city that captivates the heart").
  V('captivate', 'win', 1, { guard: { nextWithin: { n: 3, in: set('heart hearts') } } }),
  // A reader or an audience is gripped: "a setting that captivates the reader from the start"
  // ("enthralls" would be the rarer word).
  V('captivate', 'grip', 1, {
    guard: { nextWithin: { n: 3, in: set('reader readers audience audiences viewer viewers listener listeners') } },
  }),
  V('captivate', ['fascinate', 'enthrall'], 1),
  // "realizes" is itself an over-used word: "unlocks its potential" → "brings out".
  // Secrets are uncovered — by a cook ("Unlock the secrets of French cooking" → "Uncover the
  // secrets of …") or by a language "with the power to unlock the secrets of the universe", which
  // learns nothing.
  V('unlock the secrets of', 'uncover the secrets of', 1),
  V('unlock the secret of', 'uncover the secret of', 1),
  V('unlock the secret to', 'uncover the secret to', 1),
  V('unlock', 'realize', 1, { forms: ['base', 'past', 'pp', 'ger'], guard: UNLOCK_POTENTIAL }),
  V('unlock', 'bring out', 1, { forms: ['s3'], guard: UNLOCK_POTENTIAL }),
  V('navigate the complexities of', ['deal with the complexity of', 'work through the complexity of'], 2),
  V('navigate the intricacies of', ['work through the details of'], 2),
  V('navigate the challenges of', ['meet the challenges of', 'deal with the challenges of'], 2),
  // What resonates "long after" or "for years" stays with its audience; "appeals to audiences long
  // after the credits roll" says something else.
  V('resonate with', 'stay with', 2, {
    guard: {
      nextWithin: { n: 5, in: set('long after afterwards afterward years decades lifetime forever') },
    },
  }),
  // What resonates with a quality is full of it ("prose that resonates with raw power"): it rings
  // with it ("resonated" echoed: "rang" and "rung" would need the tagger to tell past from
  // participle); "appeals to raw power" would say it courts it.
  V('resonate with', 'ring with', 2, { forms: ['base', 's3', 'ger'], guard: RESONANT }),
  V('resonate with', 'echo with', 2, { forms: ['past', 'pp'], guard: RESONANT }),
  // It speaks to an audience ("resonates with readers", "with me"): not "appeals to" (a memory
  // that "resonates with me" is no attraction) nor "echoes" (which repeats: "His words still echo
  // young detectives"). A time, an idea or an experience it fits, it echoes ("choices that
  // resonate with their own past").
  V('resonate with', ['speak to', 'strike a chord with'], 2, { guard: { nextWithin: { n: 3, in: AUDIENCES } } }),
  V('resonate with', 'echo', 2, {
    guard: { notNextWithin: { n: 3, in: AUDIENCES }, nextWithin: { n: 3, in: ECHOED } },
  }),
  // Anything else ("resonate with this sentiment", "with an intensity") stays: neither "speaks
  // to" nor "echoes" says it.
  // Not a shape ("a streamlined fuselage" cuts the air; a simplified one has fewer parts).
  V('streamline', 'simplify', 2, { guard: { verb: true, notParticipleBeforeNoun: true } }),
  // Not "reveal": "revealed" is an over-used word itself (and a statue is unveiled, not revealed).
  // What is hidden in nature or in a text is uncovered ("unveiling the behavior of stars"), not
  // presented; a product, a plan or a statue is presented.
  V('unveil', 'uncover', 2, {
    guard: {
      nextWithin: {
        n: 3,
        in: set(
          'behavior behaviour behaviors mechanism mechanisms secret secrets truth truths nature structure structures dynamics origin origins pattern patterns role roles cause causes meaning meanings mystery mysteries layers complexity complexities aspect aspects side sides depth depths desire desires fear fears hidden insights insight genius talent talents skill skills character identity intentions motive motives feelings personality',
        ),
      },
    },
  }),
  // With its object only: in a passive ("the history is being unveiled by new data") the thing
  // may be hidden, not shown, and "presented" would say otherwise.
  // Not a statue or a plaque, whose cover comes off: "presented a bronze statue" would give it away.
  V('unveil', 'present', 2, {
    guard: {
      object: true,
      prevNotIn: BE_FORMS,
      notNextWithin: { n: 4, in: set('statue statues plaque plaques memorial monument sculpture portrait mural bust') },
    },
  }),
  // What a document or a set "encompasses" is in it: in the passive only "included" says so
  // ("if they are encompassed in a single document" is not "covered in" one).
  V('encompass', 'include', 2, { forms: ['pp'], guard: { prevIn: BE_FORMS } }),
  V('encompass', ['cover', 'include'], 2),
  // Not "exemplified by thinkers like Voltaire": people typify a movement, they do not illustrate it.
  V('exemplify', ['show', 'illustrate'], 2, { guard: { nextNotIn: set('by') } }),
  // Not "facilitate a meeting" (to chair it).
  // Nor the passive ("is facilitated through salary sacrifice" is no "aided": arranged).
  // A process or a passage is eased ("ease the transition"); anything else supported ("aid faster
  // approvals", "aiding an open dialogue" are not said).
  V('facilitate', 'ease', 2, {
    guard: {
      prevNotIn: BE_FORMS,
      nextWithin: { n: 3, in: set('transition transitions process processes access movement flow passage') },
    },
  }),
  // What people do together is supported ("supports collaboration"); a meeting is led, a breakdown
  // sped up, a deportation made easier — those keep their verb.
  V('facilitate', 'support', 2, {
    guard: {
      prevNotIn: BE_FORMS,
      nextWithin: {
        n: 3,
        in: set(
          'learning communication collaboration cooperation understanding growth development teamwork innovation research exchange exchanges dialogue engagement participation',
        ),
      },
    },
  }),
  // Not in physics, where an enhanced signal or term is a larger one, not a better one.
  // What is enhanced may only be increased: "enhanced brightness", "an enhanced risk" are no
  // improvement (a measured quantity after it keeps the verb).
  // Nor a radiologist's "enhancing tumour" or "lesion", which takes up contrast.
  // Nor the participle before its noun, a grade above the standard ("enhanced due diligence",
  // "an enhanced annuity", "enhanced protection"): "improved" says the standard was poor.
  V('enhance', ['improve', 'boost'], 2, {
    guard: {
      notParticipleBeforeNoun: true,
      notInSentence: TECHNICAL_WORDS,
      // (Nor "enhanced oil recovery", a term of the trade.)
      notNextWithin: { n: 2, in: new Set([...INCREASED_QUANTITIES, ...ENHANCING_FINDINGS, 'oil']) },
    },
  }),
  // "elevate your morning routine" is to improve it; "elevate the legs" is to raise them.
  V('elevate', 'improve', 2, {
    forms: ['base', 's3', 'ger'],
    guard: {
      object: true,
      nextWithin: {
        n: 4,
        in: set(
          'experience experiences routine routines game style skills skill life lives brand quality standard standards conversation discussion work writing performance business career cooking mood look space home dining wardrobe presentation profile understanding practice craft taste meal meals menu event events design',
        ),
      },
    },
  }),
  V('elevate', ['raise', 'lift'], 2, {
    forms: ['base', 's3', 'ger'],
    guard: {
      object: true,
      nextWithin: {
        n: 4,
        in: set('legs leg feet foot head arm arms limb bed platform stage temperature levels level pressure risk'),
      },
    },
  }),
  // "strive to win" / "strive for peace" aim; bare "the will to strive" is effort, not aim.
  // "aims" is itself an over-used word: "strives to" → "tries to".
  V('strive', 'aim', 2, { forms: ['base', 'past', 'pp', 'ger'], guard: STRIVE_TOWARDS }),
  V('strive', 'try', 2, { forms: ['s3'], guard: STRIVE_TOWARDS }),
  V('ascertain', { plain: ['determine', 'find out'], formal: ['determine'] }, 2),
  // Climate change is limited, not reduced ("to mitigate climate change"); its effects are reduced.
  V('mitigate', 'limit', 2, { guard: { nextWithin: { n: 2, in: set('climate warming') } } }),
  // Not "easing", itself an over-used word.
  V('mitigate', ['reduce', 'ease'], 2, { forms: ['base', 's3', 'past', 'pp'], guard: MITIGATED }),
  V('mitigate', 'reduce', 2, { forms: ['ger'], guard: MITIGATED }),
  V('exacerbate', 'worsen', 2),
  V('necessitate', 'require', 2),
  // "develop regulations and safeguards": after "and" or "or" the -s form is the noun of a list.
  V('safeguard', 'protect', 2, { forms: ['base', 'past', 'pp', 'ger'], guard: { verb: true } }),
  V('safeguard', 'protect', 2, { forms: ['s3'], guard: { verb: true, prevNotIn: set('and or') } }),
  // To take up an idea or a practice eagerly: "adopt", not "accept" (which is resignation); to
  // receive people or differences gladly: "welcome". Never a hug ("embraced her son").
  V('embrace', 'adopt', 2, {
    guard: {
      verb: true,
      nextNotIn: new Set([...OBJECT_PRONOUNS, 'each', 'one']),
      nextWithin: { n: 3, in: ADOPTABLE },
      // "embrace new opportunities" welcomes them: the chance decides, not "new".
      notNextWithin: { n: 3, in: WELCOMED },
    },
  }),
  V('embrace', 'welcome', 2, {
    guard: {
      verb: true,
      nextNotIn: new Set([...OBJECT_PRONOUNS, 'each', 'one']),
      nextWithin: { n: 3, in: WELCOMED },
    },
  }),
  V('demonstrate', 'show', 2, {
    guard: {
      nextIn: set(
        'that how the a an its their his her our this these what why great strong clear remarkable excellent considerable',
      ),
    },
  }),
  V('exhibit', ['show', 'display'], 2, { guard: { verb: true, object: true } }),
  // Not marking text with a pen ("highlighted the passage in yellow").
  // A person who highlights a point stresses it ("she also highlighted the role of volunteers" is
  // no "she showed"); a finding or a text shows it.
  V('highlight', 'stress', 2, {
    guard: {
      verb: true,
      object: true,
      notNextWithin: MARKED_TEXT,
      prevWithin: {
        n: 2,
        in: SPEAKERS,
      },
    },
  }),
  V('highlight the fact that', 'show that', 2),
  V('highlight', 'point to', 2, { guard: { verb: true, object: true, nextWithin: { n: 3, in: POINTED_TO } } }),
  // Not "point out", which only a person does ("Her decision points out the expectations").
  // Nor what is "worth highlighting", which is worth stressing ("worth showing" is worth proving).
  V('highlight', 'stress', 2, { guard: { verb: true, object: true, prevIn: set('worth') } }),
  V('highlight', ['show', 'underline'], 2, {
    guard: {
      verb: true,
      object: true,
      notNextWithin: MARKED_TEXT,
      prevNotIn: set('worth'),
    },
  }),
  V('revolutionize', 'transform', 2),
  V('revolutionise', 'transform', 2),
  // What a place "boasting" something has, it comes with: "Boasting an open layout, this home …"
  // → "With an open layout, …", "a city boasting ten museums" → "a city with ten museums".
  O('boasting', 'With', 2, { guard: { nextIn: DETERMINERS } }),
  F('boasting', 'with', 2, { guard: { nextIn: DETERMINERS, prevNotIn: set('is are was were be been and or by') } }),
  // (Not "were boasting a lead" → "were having a lead": a state takes no progressive.)
  V('boast', 'have', 2, {
    forms: ['base', 's3', 'past', 'pp'],
    guard: { verb: true, nextIn: DETERMINERS, nextNotIn: set('about that of to') },
  }),
  // Not "leading", itself an over-used word: "spearheading the project" → "heading".
  V('spearhead', 'lead', 2, { forms: ['base', 's3', 'past', 'pp'], guard: { verb: true } }),
  V('spearhead', 'head', 2, { forms: ['ger'], guard: { verb: true } }),
  V('pinpoint', ['locate', 'find'], 2, { guard: { verb: true } }),
  // Tailored to someone or for a purpose is adapted (an object, then "to" or "for"); a quantity
  // tailored by tuning is engineered, and "tailored advice" is no "adapted advice": those stay.
  V('tailor', 'adapt', 2, {
    forms: ['s3', 'past', 'pp', 'ger'],
    guard: {
      nextIn: set('to for the a an this that these those their his her its our your my each every it them him us me'),
      nextWithin: { n: 5, in: set('to for') },
      notNextWithin: { n: 3, in: CLOTHING },
    },
  }),
  // Not after a word praising the work ("cleverly crafted mysteries"): "cleverly made" loses the craft.
  // A plan or an approach is devised ("crafted an approach" is no "made an approach").
  V('craft', 'devise', 2, {
    forms: ['past', 'pp', 'ger'],
    guard: {
      prevNotIn: new Set([...DETERMINERS, ...CRAFT_PRAISE]),
      nextWithin: {
        n: 3,
        in: set('approach approaches plan plans strategy strategies policy policies solution solutions'),
      },
    },
  }),
  // Nor the participle before its noun ("Enjoy crafted cocktails" is no "made cocktails").
  V('craft', 'make', 2, {
    forms: ['past', 'pp', 'ger'],
    guard: { prevNotIn: new Set([...DETERMINERS, ...CRAFT_PRAISE]), notParticipleBeforeNoun: true },
  }),
  V('ponder', 'consider', 2, { guard: { object: true } }),
  // Senses are sharpened, not raised or increased.
  V('heighten', ['raise', 'increase'], 2, { forms: ['base', 's3', 'ger'], guard: { nextNotIn: SENSES } }),
  // "heightened" after an article or a preposition is the adjective ("led to heightened
  // awareness"): "greater" below, not "raised".
  V('heighten', 'increase', 2, {
    forms: ['past', 'pp'],
    guard: {
      prevNotIn: new Set([...DETERMINERS, ...POSSESSIVES, ...SENSES, ...set('to of in with and or by for')]),
      nextNotIn: SENSES,
    },
  }),
  // "heightened senses", "my senses heightened".
  F('heightened', 'sharpened', 2, { guard: { nextIn: SENSES } }),
  F('heightened', 'sharpened', 2, { guard: { prevIn: SENSES } }),
  // Not "point out", which states a fact: "Emphasizing group grades over individual ones" ranks them.
  // What is said can be underlined ("underlines the need"); a practice is only stressed
  // ("Emphasizing group grades" → "Stressing", not "Underlining group grades").
  ...['emphasize', 'emphasise'].flatMap((w) => [
    V(w, ['stress', 'underline'], 2, { guard: { nextWithin: { n: 2, in: SAID_POINTS } } }),
    V(w, 'stress', 2, { guard: { notNextWithin: { n: 2, in: SAID_POINTS } } }),
  ]),
  // Not a god taken on ("masks believed to embody a god" are it, not signs of it).
  // A person embodies values by living them: "personify" ("She represented the values of the
  // movement" would make her their delegate).
  // (Never the participle before its noun: "embodied carbon", "embodied energy" are terms.)
  V('embody', 'personify', 2, {
    guard: { prevIn: PERSON_PRONOUNS, notParticipleBeforeNoun: true, notNextWithin: { n: 3, in: NOT_EMBODIED } },
  }),
  // Nor an actor's role, which is played ("She embodied the role of Cleopatra").
  V('embody', 'represent', 2, {
    guard: {
      notParticipleBeforeNoun: true,
      notNextWithin: {
        n: 4,
        in: new Set([...NOT_EMBODIED, ...set('god gods goddess deity deities ancestor ancestors')]),
      },
    },
  }),
  // Not the noun "underpinning" ("a philosophical underpinning" is no "philosophical supporting").
  V('underpin', 'support', 2, { forms: ['base', 's3', 'past', 'pp'] }),
  // Only people make sure ("we ensure that", the order "Ensure that …"), or a purpose someone set
  // ("is designed to ensure that", "responsible for ensuring that"): "this approach makes sure
  // that", ", making sure that the game never feels stale" give a plan hands.
  V('ensure that', 'make sure that', 2, {
    modes: NOT_FORMAL,
    guard: { prevIn: set('i we you they he she to for by') },
  }),
  O('ensure that', 'Make sure that', 2, { modes: NOT_FORMAL }),
  V('purchase', 'buy', 2, { modes: NOT_FORMAL, guard: { verb: true, object: true } }),
  // Not the adjective of a term ("assisted living", "assisted pull-ups", "assisted stretching").
  V('assist', 'help', 2, {
    modes: NOT_FORMAL,
    guard: {
      verb: true,
      prevNotIn: new Set([...DETERMINERS, 'try']),
      nextNotIn: set('living suicide dying reproduction stretching pull-ups dips ventilation breathing'),
    },
  }),
  // The verb with its object: "the results obtained have …" is a participle, no "results got have".
  // Not the participle before its noun: "illegally obtained funds" is no "illegally got funds".
  V('obtain', 'get', 2, { modes: ['casual'], guard: { verb: true, object: true, notParticipleBeforeNoun: true } }),
  // "Please inform the council" → "tell": a person told, in casual prose ("research that informs
  // policy" shapes it, and "well informed" is a state).
  V('inform', 'tell', 2, {
    modes: ['casual'],
    forms: ['base', 's3', 'past'],
    guard: {
      verb: true,
      prevNotIn: new Set([
        ...BE_FORMS,
        ...DETERMINERS,
        'well',
        'keep',
        'keeps',
        'kept',
        'stay',
        'stays',
        'have',
        'has',
        'had',
      ]),
      nextIn: set('me you us them him her people everyone parents students staff customers users readers the'),
      // "inform us of any changes" is no "tell us of".
      notNextWithin: { n: 3, in: set('of') },
      nextWithin: {
        n: 2,
        in: set(
          'me you us them him her people everyone parents students staff customers users readers council police teacher teachers doctor manager boss landlord public family',
        ),
      },
    },
  }),
  // "Students receive extra support" → "get": casual prose's word for it. Not the adjective ("the
  // received wisdom"), a passive ("was well received"), a perfect ("has already received", whose
  // "got" or "gotten" splits British from American prose) nor the pair "send and receive".
  V('receive', 'get', 2, {
    modes: ['casual'],
    forms: ['base', 's3', 'past'],
    guard: {
      verb: true,
      object: true,
      prevNotIn: new Set([...BE_FORMS, ...DETERMINERS, ...POSSESSIVES, 'well', 'and', 'or']),
      notPrevWithin: { n: 3, in: set('have has had having') },
      // Nor a network's term ("the TCP receive window", "receive side scaling").
      nextNotIn: set('window windows side buffer buffers queue queues path'),
    },
  }),
  // One asks at a desk or about a price; an inquiry "into" something investigates it.
  ...['inquire', 'enquire'].map((src) => V(src, 'ask', 2, { modes: ['casual'], guard: { nextNotIn: set('into') } })),
  // Not where a rule compels someone: "schools require students to wear uniforms", "the law
  // requires disclosure" is no need;
  // nor the gerund, which names the rule ("Requiring community service is …" is no "Needing").
  // Nor "as required (under my plan)", a duty the writer claims, nor a "minimum required version",
  // nor an order ("Require peer review for all changes" is no "Need peer review").
  V('require', 'need', 3, {
    modes: NOT_FORMAL,
    forms: ['base', 's3', 'past', 'pp'],
    guard: NEEDED,
  }),
  V('require', 'need', 2, {
    modes: ['casual'],
    forms: ['base', 's3', 'past', 'pp'],
    guard: NEEDED,
  }),

  // ---- Adjectives ------------------------------------------------------------------------------
  // Where "key" would echo a word nearby ("a crucial skill. Here are some key strategies"): "vital".
  // "a key lifeline" is no English: a lifeline is vital.
  F('crucial', 'vital', 1, { guard: { nextIn: set('lifeline lifelines') } }),
  // Not Newton's "crucial experiment" (experimentum crucis), a term.
  // ("important" where "vital" would echo a neighbour's: "Vaccinations are vital. It's vital not to …".)
  F('crucial', ['key@attr', 'vital@pred', 'vital@attr@spare', 'important@pred@spare'], 1, {
    guard: { nextNotIn: set('experiment experiments') },
  }),
  // Before a place, "central" would say where it lies ("the pivotal Rust Belt region"): "key".
  F('pivotal', 'key', 1, { guard: { nextWithin: { n: 3, in: PLACE_NOUNS } } }),
  // Importance is great, not "key importance".
  F('pivotal', 'great', 1, { guard: { nextIn: set('importance significance') } }),
  // What something is pivotal for or to is what it matters to: "skills that are pivotal for
  // individuals to thrive" are key to it, not "decisive for" it (a battle is decisive).
  F('pivotal', 'key', 1, { guard: { nextIn: set('for to in') } }),
  // A battle named "decisive" is a term of its own (one that decided the war): "the pivotal Battle
  // of Midway" is a key one.
  F('pivotal', 'key', 1, { guard: { nextIn: set('battle') } }),
  F('pivotal', ['key@attr', 'decisive@pred'], 1),
  // Before a word of weight it is a degree: "retains paramount importance" → "great importance"
  // ("chief importance" is no English).
  F('paramount', 'great', 2, { guard: { nextIn: set('importance significance') } }),
  // ("key" where "vital" would echo a neighbour's: "Vaccinations are vital. It's vital not to …".)
  F('paramount', ['vital@pred', 'key@pred@spare', 'chief@attr'], 2),
  F('intricate', 'fine', 1, { guard: { nextIn: set('detail details') } }),
  // A process or a system is "complicated" (not "elaborate", which is ornate); a balance "delicate".
  F('intricate', 'complicated', 1, { guard: { nextIn: INTRICATE_WORKINGS } }),
  F('intricate', 'delicate', 1, { guard: { nextIn: set('balance dance') } }),
  // Said of a working or an idea, not before it ("the principle becomes quite intricate due to
  // …"): complicated. Carvings that "are intricate" are elaborate, as below.
  F('intricate', 'complicated', 1, {
    guard: {
      nextIn: set(', . ; : ! ? due because when'),
      prevWithin: {
        n: 6,
        in: new Set([
          ...INTRICATE_WORKINGS,
          ...set('principle principles rule rules question questions issue issues problem problems matter situation'),
        ]),
      },
    },
  }),
  // A living or natural whole is complicated, not "elaborate" (which is made, and ornate).
  F('intricate', 'complicated', 1, { guard: { nextIn: NATURAL_WHOLES } }),
  F('intricate', 'elaborate', 1, {
    guard: { nextNotIn: new Set([...set('detail details balance dance'), ...NATURAL_WHOLES, ...INTRICATE_WORKINGS]) },
  }),
  // An approach or a plan on many fronts is a wide-ranging one, not a "many-sided approach".
  F('multifaceted', 'wide-ranging', 1, { guard: { nextIn: PLAN_NOUNS } }),
  // Not "many-sided", which reads oddly before most nouns ("the most many-sided problems"), nor
  // "complex" (the detector counts it as over-used) or "complicated", which finds fault.
  // What has many forms is varied: "the multifaceted benefits of" → "the varied benefits" ("many-layered
  // benefits" reads as a cake).
  F('multifaceted', 'varied', 1, { guard: { beforePlural: true, prevNotIn: set('most more') } }),
  F('multifaceted', ['many-layered', 'varied'], 1, { guard: { prevNotIn: set('most more') } }),
  // Attention that misses nothing is close attention: "a meticulous attention to detail" is no "careful attention".
  F('meticulous', 'close', 1, { guard: { nextIn: set('attention') } }),
  F('meticulous', ['careful', 'painstaking'], 1),
  // A way or a means without effort is an easy one ("a smooth way to boost your fibre" is not said).
  F('seamless', 'easy', 1, { guard: { nextIn: set('way ways') } }),
  // Not a thing made without a seam ("seamless stainless steel tubing", "seamless roaming" between networks).
  F('seamless', 'smooth', 1, {
    guard: {
      nextNotIn: set(
        'steel stainless aluminium aluminum gutter gutters tube tubes tubing pipe pipes roaming handoff handover stockings garment garments dress dresses knit',
      ),
    },
  }),
  F('captivating', ['gripping', 'absorbing'], 1),
  F('compelling', ['convincing', 'strong'], 1, { guard: { nextIn: ARGUMENT_NOUNS } }),
  F('compelling', ['gripping', 'absorbing'], 1, { guard: { nextIn: COMPELLING_READS } }),
  // A question that holds the mind is intriguing, not "strong" ("the compelling question of
  // morality versus legality").
  F('compelling', 'intriguing', 1, { guard: { nextIn: COMPELLING_PUZZLES } }),
  // Not the verb: "compelling them to read on" is no "strong them".
  F('compelling', 'strong', 2, {
    guard: {
      // Before a noun only: said of something ("What makes it so compelling?", "so compelling that
      // it leaves a long-lasting impression", "making them compelling in their own right") it is
      // appealing, not "strong".
      attributive: true,
      // Nor the predicate, at any clause end.
      nextNotIn: new Set([
        ...ARGUMENT_NOUNS,
        ...COMPELLING_READS,
        ...COMPELLING_PUZZLES,
        ...OBJECT_PRONOUNS,
        ...set('nature and than , . ? ! ; : ) —'),
      ]),
      notNextWithin: { n: 3, in: set('to') },
    },
  }),
  // A study, a ruling or a discovery that breaks new ground is a landmark one ("a revolutionary
  // study" says it overturned its field).
  F('groundbreaking', 'landmark', 1, {
    guard: {
      nextIn: set(
        'study studies research work paper papers discovery discoveries finding findings ruling rulings decision case trial report book',
      ),
    },
  }),
  // Not the literal "groundbreaking ceremony" of a building site.
  // Only before its noun: a verdict reported ("experts described the study as groundbreaking")
  // stays the speakers' word.
  // Advances and achievements that break ground are major ones ("revolutionary" claims more).
  F('groundbreaking', 'major', 1, {
    guard: { nextIn: set('advance advances achievement achievements breakthrough breakthroughs progress step steps') },
  }),
  F('groundbreaking', 'revolutionary', 1, { guard: { attributive: true, nextNotIn: set('ceremony ceremonies') } }),
  F('ground-breaking', ['landmark@attr', 'revolutionary'], 1),
  // "advanced" is also a level ("an advanced course … for beginners"): what has one is "modern"
  // ("a cutting-edge space" → "a modern space").
  F('cutting-edge', 'modern', 1, { guard: { nextWithin: { n: 2, in: LEVELLED_THINGS } } }),
  F('cutting-edge', 'advanced', 1),
  // Ready for a task, not furnished: "well-equipped to handle any question" → "ready to handle";
  // "a well-equipped kitchen" keeps its equipment.
  F('well-equipped', 'ready', 2, { guard: { nextIn: set('to') } }),
  // In research prose the state of the art is a term: the best methods and results known.
  F('state-of-the-art', 'advanced', 2, {
    guard: {
      nextNotIn: set('on in . ,'),
      // The term's noun may stand a word or two on: "the state-of-the-art bug-fixing system".
      notNextWithin: {
        n: 3,
        in: set(
          'baseline baselines method methods model models result results performance approach approaches accuracy technique techniques algorithm algorithms system systems tool tools solver solvers framework frameworks',
        ),
      },
    },
  }),
  F('ever-evolving', 'fast-changing', 1),
  // Support and love are steady ("firm support" is something to lean on); beliefs are firm.
  F('unwavering', 'steady', 1, {
    guard: { nextIn: set('support love encouragement presence care companionship devotion dedication loyalty spirit') },
  }),
  F('unwavering', ['firm', 'steady'], 1, { guard: { nextIn: STEADFAST_NOUNS } }),
  F('indelible', 'lasting', 1, { guard: { nextNotIn: set('ink inks pencil pencils marker markers') } }),
  F('poignant', ['moving', 'touching'], 1),
  // A screen is bright, not "lively" (two modifiers may stand between: "a vibrant 6.7-inch AMOLED
  // display"); so are flavours and what carries them ("a vibrant marinade").
  F('vibrant', 'bright', 1, {
    guard: {
      nextWithin: {
        n: 3,
        in: set(
          'display displays screen screens panel panels image images picture pictures resolution flavor flavors flavour flavours marinade marinades sauce sauces dressing dressings salsa pesto',
        ),
        overProtected: true,
      },
    },
  }),
  // Flowers and feathers are bright ("vibrant wildflowers"); a colour named stays vibrant (below).
  F('vibrant', 'bright', 1, {
    guard: {
      nextWithin: { n: 2, in: set('flowers flower wildflowers blooms blossoms petals plumage feathers') },
      notNextWithin: { n: 3, in: VIVID_COLOUR },
    },
  }),
  // A dish or a painted thing is bright with colour ("a vibrant dish", "vibrant torii gates").
  F('vibrant', 'colorful', 1, {
    guard: {
      nextWithin: {
        n: 2,
        in: set(
          'dish dishes salad salads bowl bowls plate plates gate gates mural murals paint paintwork coral corals reef reefs',
        ),
      },
    },
  }),
  // Colour is vibrant, not "lively": not near a word of colour ("less vibrant in colour", "the
  // colours are bold and vibrant", "vibrant floral patterns").
  F('vibrant', 'lively', 1, {
    guard: { notNextWithin: { n: 3, in: VIVID_COLOUR }, notPrevWithin: { n: 4, in: VIVID_COLOUR } },
  }),
  F('bustling', ['busy', 'lively'], 1),
  F('burgeoning', 'growing', 1),
  // Not before "of my life": "the most life-changing experiences of my life" says "life" twice.
  F('transformative', 'life-changing', 2, {
    guard: {
      nextIn: set('experience experiences journey moment moments'),
      notNextWithin: { n: 4, in: set('life lives') },
    },
  }),
  // "far-reaching" only where it says the same (an effect that changes much); "the transformative
  // power of love" is a power to transform, not a far-reaching one.
  F('transformative', 'far-reaching', 2, {
    guard: {
      nextIn: set(
        'impact impacts effect effects change changes reform reforms consequences implications shift shifts policy policies',
      ),
    },
  }),
  // "has emerged as a transformative force across industries" → "a force for change": "a
  // transforming force" is not said.
  F('transformative force', 'force for change', 2),
  F('transformative forces', 'forces for change', 2),
  F('transformative', 'transforming', 2, { guard: { nextIn: set('power influence') } }),
  F('unparalleled', 'unmatched', 2),
  F('enduring', 'lasting', 2, {
    guard: {
      nextIn: set(
        'legacy appeal popularity impact influence relevance power love friendship bond bonds value values image symbol presence quality theme themes message significance charm fame success contribution contributions',
      ),
    },
  }),
  F('tumultuous', ['turbulent', 'stormy'], 2),
  // Said of a task or a challenge, "daunting" is its size: "intimidating" fits people and places.
  F('daunting', 'intimidating', 2, {
    guard: {
      notPrevWithin: { n: 4, in: set('task tasks challenge challenges prospect job project') },
      nextNotIn: set('task tasks challenge challenges prospect job project'),
    },
  }),
  // A bond is not useful but dear: "the invaluable relationship between teacher and student" is a
  // precious one; so is a living thing ("protect these invaluable creatures" are not "very useful"
  // ones); a tool, a skill or advice is very useful.
  F('invaluable', 'precious', 2, {
    guard: {
      nextWithin: {
        n: 2,
        in: set(
          'relationship relationships bond bonds friendship friendships connection connections memory memories gift gifts time moments heritage treasure treasures creature creatures animal animals species insect insects pollinator pollinators wildlife bird birds ecosystem ecosystems habitat habitats wetland wetlands forest forests',
        ),
      },
    },
  }),
  // Said of a bond ("In this barren world, their companionship is invaluable"), it is precious too:
  // company is not "very useful".
  F('invaluable', 'precious', 2, {
    guard: {
      prevWithin: {
        n: 4,
        in: set(
          'relationship relationships bond bonds friendship friendships connection connections memory memories companionship company presence love',
        ),
      },
    },
  }),
  // A feeling given is not useful but real: "can provide invaluable peace of mind" → "real peace of mind".
  F('invaluable', 'real', 2, { guard: { nextIn: set('peace comfort reassurance solace relief') } }),
  // A lesson learned is not used but kept: "invaluable lessons" are important ones.
  F('invaluable', 'important', 2, { guard: { nextIn: set('lesson lessons') } }),
  // A part played is vital, not useful: "the invaluable role of a skilled defenseman".
  F('invaluable', 'vital', 2, { guard: { nextIn: set('role part contribution contributions') } }),
  // Help given was a great help, not merely useful: "Your guidance and encouragement have been
  // invaluable in shaping my career" → "have been a great help" (said of it, not before a noun).
  F('invaluable', 'a great help@pred', 2, {
    guard: {
      prevNotIn: DEGREE_BEFORE_INVALUABLE,
      prevWithin: {
        n: 4,
        in: set(
          'guidance support help advice feedback encouragement mentorship mentoring assistance input insight insights',
        ),
      },
    },
  }),
  // Help before its noun is great help: "your invaluable guidance" → "your great guidance" ("very
  // useful guidance" reads grudging in a thank-you).
  F('invaluable', 'great', 2, {
    guard: {
      prevNotIn: DEGREE_BEFORE_INVALUABLE,
      nextIn: set('guidance support help advice feedback encouragement mentorship mentoring assistance input'),
    },
  }),
  // People are not "very useful" ("an invaluable leader", "an invaluable member of the team", "an
  // invaluable addition to your lab"): they stay. Said of what has helped, it was of great value
  // ("has been invaluable to the team's growth", "this journey has been invaluable": "very useful"
  // makes a tool of it).
  F('invaluable', ['very useful@attr', 'of great value@pred'], 2, {
    guard: {
      prevNotIn: DEGREE_BEFORE_INVALUABLE,
      nextNotIn: set(
        'leader leaders member members colleague colleagues friend friends mentor mentors partner partners ally allies employee employees teacher teachers asset assets contributor contributors addition additions hire',
      ),
    },
  }),
  F('intriguing', 'interesting', 2),
  // "shaped my journey in profound ways" — not "in deep ways", which no one says.
  F('in profound ways', 'deeply', 1),
  F('profound', 'strong', 1, { guard: { nextIn: set('impact impacts effect effects influence') } }),
  // Troubles are serious, not "deep difficulties"; consequences far-reaching.
  F('profound', 'serious', 1, { guard: { nextIn: PROFOUND_TROUBLES } }),
  F('profound', 'far-reaching', 1, { guard: { nextIn: PROFOUND_REACH } }),
  F('profound', 'major', 1, { guard: { nextIn: PROFOUND_TURNS } }),
  // Not before "depth": "the deep depth of" echoes itself. Nor before a choice or a moment, which
  // are momentous, not "deep".
  // Nor beside a "deep" of the writer's ("the profound hospitality …, and … a deep appreciation").
  // Only before its noun: "The social consequences were profound" is no "were deep".
  F('profound', 'deep', 1, {
    guard: {
      attributive: true,
      notInSentence: set('deep'),
      nextNotIn: new Set([
        // Nor an event lived through ("a deep experience", "a deep journey").
        ...set(
          'impact impacts effect effects influence depth depths choice choices decision decisions moment moments experience experiences journey journeys',
        ),
        ...PROFOUND_TROUBLES,
        ...PROFOUND_REACH,
        ...PROFOUND_TURNS,
        // A clinical grade, the gravest: "profound hypoglycaemia" is no "deep" one.
        ...set(
          'hypoglycaemia hypoglycemia hypotension hypothermia bradycardia neutropenia anaemia anemia deafness hearing sedation dehydration weakness',
        ),
      ]),
    },
  }),
  // "comprehensive" is complete in scope: an in-depth study, a complete list, a wide-ranging plan —
  // never merely "full". Elsewhere (comprehensive school, insurance) it stays. Not "thorough":
  // that is itself one of the words language models over-use.
  F('comprehensive', 'in-depth', 2, {
    guard: {
      nextIn: set(
        'review reviews analysis analyses study studies guide guides overview examination assessment assessments evaluation evaluations survey surveys investigation investigations report reports understanding account accounts treatment research look answer answers introduction',
      ),
    },
  }),
  // A list or a set "including …" names some of its items: it is broad, and "complete" would
  // claim that nothing is missing.
  // A set of rules or laws that covers its field is comprehensive ("the world's first comprehensive
  // set of rules for AI"): "broad" would be another claim, and it stays.
  F('comprehensive', 'broad', 2, {
    guard: {
      nextIn: set('set sets collection collections range'),
      notNextWithin: { n: 3, in: set('rules regulations laws legislation standards guidelines') },
    },
  }),
  F('comprehensive', 'complete', 2, {
    guard: {
      nextIn: set('list lists record records catalogue catalog database inventory'),
      notNextWithin: { n: 8, in: set('including such like') },
    },
  }),
  F('comprehensive', 'wide-ranging', 2, {
    guard: {
      nextIn: set(
        'plan plans strategy strategies program programs programme programmes reform reforms policy policies approach approaches solution solutions measures framework',
      ),
    },
  }),
  // In technical prose "robust" is a term (robust to noise, robust detection, a robust estimator):
  // only the general senses, before the nouns that carry them.
  // An immune response is strong ("a solid immune response" is not said).
  F('robust', 'strong', 2, { guard: { nextIn: set('immune') } }),
  F('robust', ['solid', 'strong'], 2, {
    guard: {
      nextIn: set(
        'frame frames economy economies growth debate debates discussion discussions defence defense health support evidence response responses partnership partnerships relationship relationships community communities sales demand market markets body build immune infrastructure',
      ),
    },
  }),
  // "innovative technologies" are new ones, not "original" ones; ideas and designs are inventive.
  F('innovative', 'new', 2, {
    guard: {
      // One modifier may come between ("an innovative dual-heating system").
      nextWithin: {
        n: 2,
        in: set(
          'technology technologies tools tool products product devices device treatments treatment therapies therapy materials methods techniques system systems platform platforms services app apps software machine machines gadget gadgets appliance appliances vehicle vehicles',
        ),
      },
    },
  }),
  // Ideas and ways of working are fresh (not after "new and": "new and fresh" says it twice).
  F('innovative', 'fresh', 2, {
    guard: {
      prevNotIn: set('and'),
      nextIn: set(
        'idea ideas approach approaches solution solutions strategy strategies ways thinking perspective perspectives',
      ),
    },
  }),
  // A mind or a design invents; research or a programme is not "inventive" (it stays).
  F('innovative', 'inventive', 2, {
    guard: {
      nextWithin: {
        n: 2,
        in: set(
          'design designs idea ideas solution solutions mind minds chef chefs designer designers artist artists engineer engineers use uses twist twists recipe recipes dish dishes',
        ),
      },
    },
  }),
  // A nuanced portrayal is a subtle one, but a nuanced approach weighs fine differences — a careful
  // one ("a subtle approach" is a discreet one) — and a nuanced view or understanding has no
  // plainer word that keeps it.
  F('nuanced', 'subtle', 2, { guard: { nextNotIn: new Set([...CAREFUL_NUANCE, ...NUANCED_KEPT]) } }),
  F('nuanced', 'careful', 2, { guard: { nextIn: CAREFUL_NUANCE } }),
  // Not the whole-person care of nursing and medicine ("a holistic approach to patient care"), a term.
  F('holistic', 'all-round', 2, {
    guard: {
      notNextWithin: {
        n: 4,
        in: set(
          'care patient patients nursing medicine healing therapy therapies treatment treatments health well-being wellbeing wellness',
        ),
      },
    },
  }),
  F('commendable', ['admirable', 'praiseworthy'], 2),
  F('adept', 'skilled', 2),
  // "with the utmost care" → "the greatest care"; "do my utmost" is an effort, not a greatest.
  F('utmost', 'greatest', 2, { guard: { prevIn: set('the'), nextLower: true, nextNotIn: set('to of') } }),
  // Without "the" ("treated with utmost respect") "greatest" would need one: "great respect".
  F('utmost', 'great', 2, {
    guard: { prevNotIn: new Set([...POSSESSIVES, 'the', 'an', 'a']), nextLower: true, nextNotIn: set('to of') },
  }),
  F('heightened', ['greater', 'increased'], 2, { guard: { nextNotIn: SENSES, prevNotIn: SENSES } }),
  F('ubiquitous', 'widespread', 2),
  F('esteemed', 'respected', 2),
  // A professional is known in a field, not famous: "a renowned cardiologist" → "well-known".
  // Not after a word that grades it ("highly renowned", "widely", "lesser") nor "world renowned";
  // unhyphenated after the verb ("The city is well known for …").
  F('renowned', ['well-known@attr', 'well known@pred'], 2, {
    guard: { prevNotIn: set('world highly widely lesser internationally most more very') },
  }),
  F('masterful', ['skillful', 'expert'], 2),
  F('well-crafted', 'well-made', 2),
  // Not after "a" (a learner's "there are a numerous people"): "a many people" is no better.
  F('numerous', 'many', 2, { guard: { prevNotIn: set('a an') } }),
  F('stark', 'sharp', 2, { guard: { nextIn: set('contrast contrasts difference differences divide distinction') } }),
  // (A reminder stays stark: "a harsh reminder" scolds.)
  F('stark', 'harsh', 2, { guard: { nextIn: set('reality realities warning truth') } }),
  // "steeped in": a place is rich in its past; a tale is full of its mood. Elsewhere ("steeped in
  // the belief that …", "tea steeped in hot water") it stays.
  F('steeped in', 'rich in', 2, {
    guard: { nextIn: set('history tradition traditions culture heritage legend legends folklore lore antiquity') },
  }),
  F('steeped in', 'full of', 2, {
    guard: {
      nextIn: set(
        'mystery mysteries mysticism magic tragedy sorrow uncertainty intrigue suspense superstition symbolism atmosphere emotion resentment love joy paradoxes irony romance nostalgia melancholy',
      ),
    },
  }),
  // A place is "tucked away" there ("tucked on a quiet street" is no idiom); what nestles into or
  // against someone snuggles, and stays. In the heart of a city it is "set" ("tucked away in the
  // center of Times Square" says the opposite).
  F('nestled', 'set', 1, {
    guard: { nextIn: set('in at'), nextWithin: { n: 3, in: set('heart center centre middle downtown') } },
  }),
  F('nestled', 'tucked away', 1, {
    guard: {
      nextIn: set('in among between on at within along beneath amid amidst deep'),
      // A kitten or a baby nestles in a lap or in arms, and stays nestled.
      notNextWithin: { n: 3, in: set('lap arms arm chest shoulder shoulders bed blanket blankets covers pillow') },
    },
  }),
  // Not "impressive": an over-used word itself. What catches the eye is "striking" (a detail, a
  // likeness, a contrast); a feat or a process is "extraordinary" ("a striking achievement" is not).
  F('remarkable', 'striking', 2, {
    guard: {
      nextIn: set(
        'detail details contrast contrasts resemblance resemblances similarity similarities likeness difference differences example examples image images view views feature features beauty colors colours that',
      ),
    },
  }),
  // Anything else stays remarkable: "extraordinary" claims more ("remarkable capabilities", "a
  // remarkable career", "The results were remarkable"), "striking accuracy" is no idiom, and "a fine
  // job" would praise less.
  // "notable" people and works are well known.
  // Not after "most"/"more" ("the most well-known") and not where "notable" says something else.
  F('notable', 'well-known', 2, {
    guard: {
      prevNotIn: set('most more'),
      nextIn: set(
        'alumni people persons figure figures women men woman man members member artists artist writers writer authors author works names acts players residents guests scientists musicians politicians',
      ),
    },
  }),
  // A notable change is a marked one (it shows), an example or an exception a striking one (it
  // stands out); only a contribution or an event is an important one.
  F('notable', 'marked', 2, {
    guard: {
      // "All notable changes to this project" are those worth noting, whether they show or not.
      prevNotIn: set('all any every no'),
      nextIn: set(
        'change changes difference differences improvement improvements increase increases decrease decreases decline rise shift shifts',
      ),
    },
  }),
  // Not an exception, which is only worth noting ("a striking exception" says more).
  F('notable', 'striking', 2, { guard: { nextIn: set('example examples feature features') } }),
  F('notable', 'important', 2, {
    guard: {
      nextIn: set(
        'contribution contributions achievement achievements development developments event events milestone milestones',
      ),
    },
  }),
  F('exceptional', 'outstanding', 2, {
    guard: { nextNotIn: set('circumstance circumstances case cases child children') },
  }),
  // Not the term "necessary and sufficient (condition)" or "a sufficient statistic", nor after
  // "in" ("in sufficient quantities" is no "in enough quantities").
  F('sufficient', 'enough', 2, {
    modes: NOT_FORMAL,
    // Nor after an article: "enough" is no adjective ("a sufficient guide" is no "an enough guide").
    guard: { prevNotIn: set('and in a an the'), nextNotIn: set('and condition conditions statistic statistics') },
  }),
  // After a determiner, or "no" ("at no additional cost" is no "no more cost"), only "extra".
  // After "of" too: "thousands of additional hours" is no "thousands of more hours".
  // Nor a named band, cover or scheme: "additional rate taxpayers", "additional living expenses",
  // "an additional insured", "additional voluntary contributions".
  F('additional', 'extra', 2, {
    modes: NOT_FORMAL,
    guard: { prevIn: set('a an the this that any each no of'), nextNotIn: ADDITIONAL_TERMS },
  }),
  F('additional', ['more', 'extra'], 2, {
    modes: NOT_FORMAL,
    guard: { prevNotIn: set('a an the this that any each no of'), nextNotIn: ADDITIONAL_TERMS },
  }),

  // ---- Adverbs and prepositions ------------------------------------------------------------------
  F('seamlessly', 'smoothly', 1),
  F('meticulously', ['carefully', 'painstakingly'], 1),
  F('intricately', 'closely', 2, {
    guard: { nextIn: set('linked connected tied intertwined woven interwoven related bound involved') },
  }),
  // Before a verb of change, how much: "greatly" ("profoundly transformed" → "greatly
  // transformed"); "deeply", a word machine prose leans on, stays for a quality ("deeply moving").
  F('profoundly', 'greatly', 2, {
    guard: {
      nextIn: set(
        'affect affects affected affecting impact impacts impacted impacting influence influences influenced influencing shape shapes shaped shaping reshape reshapes reshaped change changes changed changing transform transforms transformed transforming alter alters altered altering',
      ),
    },
  }),
  F('profoundly', 'deeply', 2),
  F('masterfully', ['skillfully', 'expertly'], 2),
  // A forecast is sure, not seen: "his legacy will undoubtedly live on" → "will surely live on".
  // Not after "should", "must" or "may", which say what ought to be or might be, not what will.
  F('undoubtedly', 'surely', 2, { guard: { prevIn: set("will would shall can could 'll") } }),
  F('undoubtedly', 'clearly', 2),
  // Not in a list of qualities ("sweet, rich, and undeniably cozy" is no "clearly cozy").
  F('undeniably', 'clearly', 2, { guard: { prevNotIn: set(', and or') } }),
  F('subsequently', ['later', 'then'], 2),
  F('additionally', 'also', 2, { guard: { nextLower: true } }),
  // Not the framing "Notably," where it could not be cut (before a quotation in lower case):
  // "Especially, …" opens no sentence.
  // Not before a word it grades ("Notably absent was the CEO", "notably higher rates"): only
  // where it picks out ("notably in winter").
  F('notably', 'especially', 2, { guard: { prevNotIn: set('most'), nextNotIn: set(','), beforeGradable: false } }),
  F('whilst', 'while', 2),
  F('amongst', 'among', 2),
  // A rule or a standard is "on" its matter ("ethical standards regarding education" are not
  // "standards about education"); anything else is "about" it.
  F('regarding', 'on', 2, { modes: NOT_FORMAL, guard: { prevIn: RULES_ON } }),
  F('regarding', 'about', 2, {
    modes: NOT_FORMAL,
    guard: { prevNotIn: RULES_ON, nextNotIn: set('him her them it me us himself herself themselves itself') },
  }),
  // Not the relation "approximately equal to" (≈), a term.
  F('approximately', 'about', 2, { modes: NOT_FORMAL, guard: { nextNotIn: set('equal') } }),
  F('frequently', 'often', 2, { guard: { notBeforeModifier: true } }),
  // Not after a negation: "is not currently known" is no "isn't now known".
  // Not before a verb of having or lacking ("currently lack" is no "now lack", which says they
  // lost it lately; "We currently ship to 40 countries" no news either): only before "-ing".
  // Opening a sentence "Now," reads as the turn of a talk ("Now, most states do not …"): "At present,".
  O('currently ,', 'At present,', 2, { modes: NOT_FORMAL }),
  // Nor before one ("currently does not allow pets" is no "now does not", which says the rule is new).
  F('currently', 'now', 2, {
    modes: NOT_FORMAL,
    // Nor a state said of something ("The currently available data", "is currently approved"):
    // "now" would say it has just become so.
    guard: {
      prevNotIn: new Set([...NEGATORS, ...DETERMINERS, ...BE_FORMS]),
      nextNotIn: CURRENT_STATES,
      notNextWithin: { n: 2, in: NEGATORS },
    },
  }),
  // "decide whether or not to" → "decide whether to"; where it opens a clause of its own the "or
  // not" is the point ("Whether or not you agree, …" is not "Whether you agree, …").
  F('whether or not', 'whether', 2, { guard: { prevIn: WHETHER_HEADS } }),
  O('accordingly ,', { plain: ['So,'], formal: [] }, 2),
  O('in addition to', { plain: ['Besides'], formal: [] }, 2),
  V('attempt to', 'try to', 2, { guard: { verb: true } }),
  F('irrespective of', 'regardless of', 2),
  // What a thing attests to, it shows ("attests to the book's merit"); "as many can attest" has no object.
  V('attest to', 'show', 2, { guard: { object: true } }),
  // "render" that makes something so ("rendering them useless", "renders it an influential work"),
  // not a picture drawn or a service given ("renders them in real time", "rendered him a service").
  V('render', 'make', 2, {
    guard: {
      nextIn: set('it them him her us me you'),
      next2In: set(
        'a an useless obsolete ineffective invalid impossible unable helpless homeless irrelevant void unusable inoperable vulnerable powerless speechless unconscious incapable unfit redundant meaningless moot inaccessible unreadable',
      ),
    },
  }),
  V('possess', 'have', 2, { guard: { prevNotIn: set("is are was were be been being 's am") } }),
  // Not in a contract or a notice of one, where "terminate" is the term of art ("shall entitle
  // the Licensor to terminate it forthwith", "terminate the lease on notice").
  V('terminate', 'end', 2, {
    guard: {
      object: true,
      // Nor in computing, where instances, pods and connections are terminated ("terminate TLS at
      // the load balancer").
      notInSentence: set(
        'agreement agreements contract contracts licence license licensee licensor lease tenancy tenant landlord employment party parties shall breach notice clause hereunder herein forthwith process processes task tasks thread threads program programs kill signal instance instances pod pods node nodes container containers connection connections session sessions server servers vm vms cluster clusters tls ssl job jobs worker workers decimal decimals fraction fractions',
      ),
    },
  }),
  // Not a kind of aid a programme gives, a term of its own ("emergency rental assistance",
  // "technical assistance", "legal assistance").
  N('assistance', 'help', 2, { plural: false, guard: { prevNotIn: AID_KINDS } }),
  N('objectives', 'goals', 2, { plural: false }),
  F('vividly', 'clearly', 3, {
    guard: { nextIn: set('remember remembers remembered recall recalls recalled recalling remembering') },
  }),
  F('intertwined', 'connected', 2),
  // ---- More overused vocabulary, with meaning-safe plain equivalents -------------------------
  // Not a converse in logic or mathematics ("Conversely, if a² + b² = c², the triangle is right").
  O('conversely ,', { plain: ['By contrast,'], casual: ['But'], concise: ['But'] }, 2, {
    guard: { nextLower: true, notInSentence: set('if then converse theorem implies holds true') },
  }),
  // The next step, not necessarily after a while: "Subsequently, we run simulations" → "Then, …".
  O('subsequently ,', 'Then,', 2),
  O('moving forward ,', '', 2),
  O('as such ,', { plain: [''], formal: ['Therefore,'] }, 2),
  O('as a result ,', { plain: ['So'], formal: ['For this reason,'] }, 2, { guard: { nextLower: true } }),
  F('a crucial role', ['a key part', 'an important part'], 1),
  F('a pivotal role', ['a central part', 'a key part'], 1),
  F('a vital role', ['a key part', 'a big part'], 2),
  F('a significant role', ['a major part', 'a big part'], 2),
  F('a key role', 'a key part', 2, { guard: { prevIn: set('play plays played playing') } }),
  F('a major role', 'a major part', 2, { guard: { prevIn: set('play plays played playing') } }),
  F('a central role', 'a central part', 2, { guard: { prevIn: set('play plays played playing') } }),
  F('an important role', 'an important part', 2, { guard: { prevIn: set('play plays played playing') } }),
  F('a big role', 'a big part', 2, { guard: { prevIn: set('play plays played playing') } }),
  F('a large role', 'a large part', 2, { guard: { prevIn: set('play plays played playing') } }),
  F('an essential role', 'an essential part', 2, { guard: { prevIn: set('play plays played playing') } }),
  F('a critical role', 'a critical part', 2, { guard: { prevIn: set('play plays played playing') } }),
  F('a prominent role', 'a prominent part', 2, { guard: { prevIn: set('play plays played playing') } }),
  F('a decisive role', 'a decisive part', 2, { guard: { prevIn: set('play plays played playing') } }),
  // Not "plays a role of the environment" (acts as it): "a part of" would make it a piece of it.
  F('a role', 'a part', 2, { guard: { prevIn: set('play plays played playing'), nextNotIn: set('model models of') } }),
  N('exploration of', 'study of', 2, {
    guard: {
      prevIn: set(
        'its his her their our an a this that thoughtful careful deep profound nuanced poignant powerful vivid compelling',
      ),
      notNextWithin: { n: 3, in: PHYSICAL_PLACES },
      nextName: false,
    },
  }),
  // What is revealed becomes known: "it was revealed that the film will focus on …" is no "shown
  // that", and a story's "As it unfolds, it is revealed that she …" no "disclosed" ("emerged" is
  // an over-used word itself).
  F('it was revealed that', 'it became known that', 2),
  F('it is revealed that', 'it becomes known that', 2),
  F('it has been revealed that', 'it has become known that', 2),
  F('it had been revealed that', 'it had become known that', 2),
  // With a word between ("It was also revealed that …"), the same news is disclosed.
  V('reveal', 'disclose', 2, {
    forms: ['pp'],
    guard: { prevWithin: { n: 2, in: BE_FORMS }, nextIn: set('that') },
  }),
  // A secret is disclosed, not shown ("should he reveal the information to the detective?").
  V('reveal', 'disclose', 2, {
    guard: {
      prevNotIn: DETERMINERS,
      // One adjective may come between ("reveal the true identity").
      nextWithin: { n: 3, in: DISCLOSED },
      // A truth of the world is shown, not disclosed ("the imagery reveals a deeper truth").
      notNextWithin: { n: 2, in: set('deeper deep larger broader universal fundamental') },
    },
  }),
  // Not "reveals her dilemma to Nelly": told to someone, it is disclosed, not shown.
  // Nor the adjective: "a powerful and revealing portrait" (an -ing form after "and", "very" or
  // "most" describes the noun after it).
  ...[
    { forms: ['base', 's3', 'past', 'pp'] as VerbForm[], before: DETERMINERS },
    { forms: ['ger'] as VerbForm[], before: new Set([...DETERMINERS, ...set('and or very most more so quite')]) },
  ].map(({ forms, before }) =>
    V('reveal', 'show', 2, {
      forms,
      guard: {
        object: true,
        prevNotIn: before,
        nextNotIn: set('himself herself themselves itself'),
        // Nor a secret where "disclose" would echo ("discloses the killer's identity, although it
        // means revealing a secret" is no "showing a secret").
        notNextWithin: { n: 4, in: new Set(['to', ...DISCLOSED]) },
      },
    }),
  ),
  F('an integral part', ['a key part', 'an essential part'], 2),
  F('a deeper understanding', 'a better understanding', 2),
  F('a delicate balance', 'a fine balance', 2),
  F('a unique blend of', 'a unique mix of', 2),
  F('a whirlwind of', 'a rush of', 2),
  // Two words, so that "a symphony of sounds and a kaleidoscope of colors" need not say "mix" twice.
  F('a symphony of', ['a mix of', 'a blend of'], 2),
  F('a kaleidoscope of', ['a mix of', 'a blend of'], 2),
  // Wild country is "deep in" ("in the heart of the Italian Alps" → "deep in the Italian Alps"); a
  // city, a country or a region has a center ("Located in the heart of Paris" → "in the center
  // of Paris", "centre" in British prose); anything else a middle ("in the heart of the debate").
  F('in the heart of the', 'deep in the', 2, { guard: { nextWithin: { n: 3, in: WILD_PLACES } } }),
  F('in the heart of', 'in the center of', 2, { guard: { nextName: true, notNextWithin: CENTER_AFTER } }),
  F('in the heart of the', 'in the center of the', 2, {
    guard: { nextWithin: { n: 2, in: PLACE_NOUNS }, notNextWithin: CENTER_AFTER },
  }),
  // Not what a thing is at its core ("In the heart of every great fable lies a simple truth").
  F('in the heart of', 'in the middle of', 2, { guard: { nextNotIn: set('every each all any') } }),
  F('the ever-changing', 'the constantly changing', 2),
  // An adverb before it goes after the modal: "they also have the potential to" → "they could also".
  ...['also', 'still', 'even', 'often'].flatMap((adv) => [
    F(`${adv} has the potential to`, `could ${adv}`, 2, { guard: { prevNotIn: new Set(['to', ...MODALS]) } }),
    F(`${adv} have the potential to`, `could ${adv}`, 2, { guard: { prevNotIn: new Set(['to', ...MODALS, 'will']) } }),
  ]),
  F('has the potential to', 'could', 2, { guard: { prevNotIn: new Set(['to', ...MODALS]) } }),
  F('have the potential to', 'could', 2, { guard: { prevNotIn: new Set(['to', ...MODALS, 'will']) } }),
  // After a modal or "to" the capacity stays a verb: "A good book should have the potential to
  // impart wisdom" → "should be able to impart".
  F('have the potential to', 'be able to', 2, { guard: { prevIn: new Set(['to', ...MODALS, 'will']) } }),
  V('strike a balance', 'find a balance', 2),
  V('revolve around', 'center on', 2),
  V('encapsulate', 'capture', 2),
  // Changes and renovations are gone through; a patient has surgery or a test, and keeps "undergo".
  // Formal and academic prose keep it ("the sample undergoes a phase transition").
  V('undergo', 'go through', 2, {
    modes: NOT_FORMAL,
    guard: {
      notNextWithin: {
        n: 3,
        in: set(
          'surgery surgeries operation operations treatment treatments test tests testing scan scans procedure procedures therapy chemotherapy examination examinations screening biopsy transplant x-ray x-rays colonoscopy colonoscopies endoscopy mammogram mammograms mri ultrasound dialysis vaccination series assessment assessments evaluation evaluations challenge centrifugation incubation digestion sequencing oxidation reduction hydrolysis combustion decay mitosis meiosis fermentation',
        ),
      },
    },
  }),
  // Boundaries are crossed; limits and expectations gone beyond. "Themes that transcend time" has
  // no plainer wording that keeps it.
  V('transcend', 'cross', 2, { guard: { nextWithin: { n: 3, in: CROSSED } } }),
  // With an object only: "As we transcend into an era …" has nothing to go beyond.
  V('transcend', 'go beyond', 2, {
    guard: {
      object: true,
      notNextWithin: {
        n: 3,
        in: new Set([...CROSSED, ...set('time times generations generation ages age centuries')]),
      },
    },
  }),
  // "The green light symbolized hope" → "stood for hope". Not "symbolizes": "stands" is itself an
  // over-used word.
  ...['symbolize', 'symbolise'].map((w) =>
    V(w, 'stand for', 2, { forms: ['base', 'past', 'pp', 'ger'], guard: { object: true } }),
  ),
  F('iconic', 'famous', 2, { guard: { attributive: true } }),
  N('allure', 'appeal', 2, { plural: false }),
  F('the crux of', 'the heart of', 2),
  // "Downside" is the spoken word: formal and academic prose say "disadvantage".
  N('drawback', { plain: ['downside'], formal: ['disadvantage'] }, 2),
  N('demeanor', 'manner', 2),
  N('demeanour', 'manner', 2),
  // (The echo check keeps "wild and untamed landscapes" as written.)
  // Not "untamed wilderness", which "wild" would say twice.
  F('untamed', 'wild', 2, { guard: { nextNotIn: set('wilderness wilds wildness') } }),
  F('indomitable', 'unbreakable', 2),
  // One's inner artist is brought out, not "released" ("unleash your inner baker").
  V('unleash', 'bring out', 2, {
    guard: { nextWithin: { n: 2, in: set('inner creativity imagination potential talent talents') } },
  }),
  // Harm is set off, not released ("the catastrophe they were about to unleash").
  V('unleash', 'set off', 2, { guard: { prevWithin: { n: 6, in: HARMS } } }),
  V('unleash', 'set off', 2, { guard: { nextWithin: { n: 3, in: HARMS } } }),
  V('unleash', 'release', 2, { guard: { notPrevWithin: { n: 6, in: HARMS }, notNextWithin: { n: 3, in: HARMS } } }),
  V('delineate', 'describe', 2),
  V('culminate in', 'end in', 2),
  V('comprehend', 'understand', 2),
  // A rival is overtaken ("surpassing the luxury conglomerate LVMH", "surpassed Apple"); a figure, a
  // limit or an expectation is exceeded.
  V('surpass', 'overtake', 2, { guard: { nextName: true } }),
  V('surpass', 'overtake', 2, {
    guard: {
      nextWithin: {
        n: 4,
        in: set(
          'company companies firm firms rival rivals competitor competitors conglomerate giant giants team teams country countries nation nations city cities brand brands',
        ),
      },
    },
  }),
  V('surpass', 'exceed', 2),
  V('solidify', 'strengthen', 2, { guard: { object: true } }),
  // A body that strikes another impacts it ("comets massively impacted the earth"), never "affected" it.
  V('impact', 'affect', 2, {
    guard: {
      verb: true,
      object: true,
      notPrevWithin: {
        n: 4,
        in: set(
          'comet comets asteroid asteroids meteor meteors meteorite meteorites meteoroid meteoroids projectile projectiles bullet bullets debris',
        ),
      },
    },
  }),
  // An impact made on someone is an effect they had ("has made a lasting impact on the worlds of
  // ballet" → "has had a lasting effect on"): "made a difference on" is no English.
  ...[
    '',
    'lasting ',
    'significant ',
    'huge ',
    'big ',
    'great ',
    'profound ',
    'major ',
    'positive ',
    'negative ',
    'real ',
    'strong ',
    'deep ',
    'meaningful ',
    'tremendous ',
    'substantial ',
    'considerable ',
    'powerful ',
  ].flatMap((adj) => ['a', 'an'].map((art) => V(`make ${art} ${adj}impact on`, `have ${art} ${adj}effect on`, 2))),
  // A strong impact made is an impression ("poised to make a strong impact in their first
  // campaign"): a difference is big or lasting, never strong.
  N('impact', 'difference', 2, {
    plural: false,
    guard: { prevWithin: { n: 6, in: MAKE_FORMS }, prevNotIn: STRONG_IMPACTS, nextNotIn: NOT_AN_IMPACT_MADE },
  }),
  N('impact', 'impression', 2, {
    plural: false,
    guard: { prevWithin: { n: 6, in: MAKE_FORMS }, prevIn: STRONG_IMPACTS, nextNotIn: NOT_AN_IMPACT_MADE },
  }),
  N('impact', 'mark', 2, { plural: false, guard: { prevWithin: { n: 3, in: LEAVE_FORMS } } }),
  // A person's impact on a field is their influence ("His impact on modern art" is no "effect").
  // ("Our impact on the reef" is what we do to it: only a third person's.)
  // (Not a body's blow: "Her impact on the ground broke her wrist".)
  N('impact', 'influence', 2, {
    plural: false,
    guard: {
      prevIn: set('his her'),
      nextIn: set('on upon'),
      notNextWithin: { n: 3, in: new Set([...BLOWS, ...set('water wall road ice')]) },
    },
  }),
  // Not the term "environmental impact (of …)", which an assessment measures (as below).
  N('impact', 'effect', 2, {
    guard: {
      nextIn: set('on of upon'),
      notPrevWithin: { n: 6, in: MAKE_FORMS },
      // (Nor a "social impact bond", a term of finance.)
      prevNotIn: set('environmental social'),
      // A blow is an impact, not an effect ("The impact of the crash threw him"); so is what
      // people do to the living world ("reduce our impact on the reef"), the environmental term.
      notNextWithin: { n: 3, in: new Set([...BLOWS, ...LIVING_WORLD]) },
    },
  }),
  // "technological advancements" → "advances", "the advancement of science" → "the advance of";
  // not "social advancement" or "room for advancement" (a rise in rank: "social advance" reads wrong).
  F('advancements', 'advances', 2),
  F('advancement', 'advance', 2, { guard: { nextIn: set('of') } }),
  N('methodology', 'method', 2, { plural: false }),
  N('methodologies', 'methods', 2, { plural: false }),
  // Plural only ("a finding" is read as the verb too), and not a court's or an inquiry's findings.
  N('findings', 'results', 2, {
    plural: false,
    // Nor an audit's or an inspection's ("zero material findings"), which are faults found.
    guard: {
      notPrevWithin: { n: 3, in: JUDGING },
      notNextWithin: { n: 3, in: JUDGING },
      notInSentence: set(
        "audit audits audit's auditor auditors auditor's audited inspection inspections inspector inspectors inspector's material",
      ),
      // Nor the signs a clinician finds ("clinical findings included fever"), which are no test's results.
      prevNotIn: set(
        'clinical radiological radiologic histological histologic pathological examination physical imaging autopsy laboratory endoscopic mri ct ultrasound scan x-ray ecg',
      ),
    },
  }),
  // A study's "limitations" are its weaknesses, a term of the trade; "limits" are its bounds.
  // Formal and academic prose keep the term ("the approach has limitations that hinder …").
  // The study may be named a sentence away: "These results are consistent … However, several
  // limitations should be acknowledged. First, the sample was drawn …".
  N('limitations', 'limits', 2, {
    modes: NOT_FORMAL,
    plural: false,
    // Nor the legal term ("limitations of liability", a clause's "Limitation of Liability").
    // Authors who "note several limitations" mean their study's.
    guard: {
      notInSentence: new Set([...RESEARCH_WORDS, 'we', 'our']),
      notNear: RESEARCH_WORDS,
      notNextWithin: { n: 2, in: set('liability') },
    },
  }),
  N('camaraderie', 'fellowship', 2),
  N('dependability', 'reliability', 2),
  // Needs are met, not tackled ("address their needs" → "meet their needs").
  V('address', 'meet', 2, {
    modes: NOT_FORMAL,
    guard: {
      nextIn: set('the these this those its their our his her any all both'),
      nextWithin: { n: 2, in: set('need needs') },
    },
  }),
  // "tackle" is informal: formal and academic prose keep "address".
  V('address', 'tackle', 2, {
    modes: NOT_FORMAL,
    guard: {
      nextIn: set('the these this those such its their our his her any all both'),
      nextWithin: {
        n: 3,
        in: set(
          'issue issues problem problems challenge challenges gap gaps risk risks barrier barriers limitation limitations shortcoming shortcomings threat threats inequality inequalities crisis root underlying cause causes',
        ),
      },
    },
  }),
  // A bare problem as the object: "addressing poverty", "address climate change" (not "addressed
  // climate scientists", "poverty experts": the noun must end the object).
  V('address', 'tackle', 2, {
    modes: NOT_FORMAL,
    guard: {
      verb: true,
      nextIn: set(
        'poverty inequality racism discrimination homelessness unemployment corruption bias pollution hunger violence',
      ),
      next2In: set('. , ; : and or in among across through by with for at'),
    },
  }),
  V('address', 'tackle', 2, {
    modes: NOT_FORMAL,
    guard: { verb: true, nextIn: set('climate'), next2In: set('change') },
  }),
  // A text or a study explores ideas ("explores the themes of love"); hikers explore trails, which
  // they do not "look at". After a determiner, only before a word of thought within three words.
  // Formal and academic prose examine them: "looks at" is the plain word.
  V('explore', EXPLORE_IDEAS, 2, {
    forms: ['s3', 'ger'],
    guard: { nextIn: set('themes how what why issues ideas questions topics complex') },
  }),
  V('explore', EXPLORE_IDEAS, 2, {
    forms: ['s3', 'ger'],
    guard: {
      nextIn: set('the its his her their this these a an'),
      nextWithin: {
        n: 3,
        in: set(
          'theme themes idea ideas issue issues question questions topic topics relationship relationships role impact effect effects nature concept concepts possibilities potential implications meaning causes consequences dynamics complexities history psychology lives life experience experiences struggle struggles tension tensions link links connection connections',
        ),
      },
    },
  }),
  // Scenery is no gift: "mountains that provide the perfect backdrop" form it ("give the perfect
  // backdrop" is not said).
  V('provide', 'form', 2, {
    guard: { verb: true, prevNotIn: BE_FORMS, nextWithin: { n: 3, in: set('backdrop backdrops') } },
  }),
  // Not the passive ("Drinks will be provided." are supplied, not given).
  V('provide', 'give', 3, {
    guard: {
      verb: true,
      notCondition: true,
      // Nor the conjunction "provided (that)" after a comma or opening a sentence.
      prevNotIn: new Set([...BE_FORMS, ',', ';', ':']),
      notSentenceStart: true,
      nextNotIn: set('for that with'),
      notNextWithin: { n: 4, in: PROVIDED_NOT_GIVEN },
    },
  }),
  // "sparked outrage" → "caused outrage", "sparked a debate" → "started a debate", "sparks
  // curiosity" → "stirs curiosity": the figure said plainly, by what it sets going. Only the verb
  // ("a spark of hope" stays), and only before those words.
  ...(
    [
      ['stir', 'curiosity interest imagination wonder'],
      [
        'start',
        'debate debates discussion discussions conversation conversations conflict conflicts war revolution rebellion movement fire fires',
      ],
      [
        'cause',
        'outrage anger controversy concern concerns fear fears protest protests backlash criticism panic frustration confusion',
      ],
    ] as const
  )
    // A debate sparked "for decades" has gone on: "started … for decades" is a moment made to last.
    .map(([alt, objects]) =>
      V('spark', alt, 2, {
        guard: {
          verb: true,
          nextWithin: { n: 3, in: set(objects) },
          ...(alt === 'start' ? { notNextWithin: { n: 6, in: set('for since') } } : {}),
        },
      }),
    ),
  // A time or a place "witnessed" a change: it "saw" it ("recent years have witnessed a boom", "the
  // world has witnessed"). A person who witnessed something stays a witness. (A year or decade is
  // protected text, which no guard reads: "the 1990s witnessed" stays.)
  V('witness', 'see', 2, {
    forms: ['base', 's3', 'past', 'pp'],
    guard: {
      prevWithin: {
        n: 2,
        in: set(
          'world decade decades century centuries year years era eras period age generation city country nation region industry field sector market',
        ),
      },
    },
  }),
  // "offers a glimpse" → "gives/provides a glimpse"; to a person only "gives" ("gives readers a …", not "provides readers a …").
  // The idiom: "Sintra offers something for everyone" → "has something for everyone".
  V('offer something for everyone', 'have something for everyone', 2),
  // Not in the past: "offered them a flower" (which they could decline) was no gift. And only
  // what is offered to the mind: "offers you a wager", "offers us a deal" are proposed, not given.
  V('offer', 'give', 2, {
    forms: ['base', 's3'],
    guard: {
      verb: true,
      nextIn: set('readers reader us them him her you me people'),
      nextWithin: { n: 4, in: OFFERED_TO_THE_MIND },
    },
  }),
  // A lesson is taught: "offers a valuable lesson" → "teaches", not "gives a lesson".
  V('offer', 'teach', 2, {
    forms: ['base', 's3', 'past'],
    guard: {
      verb: true,
      prevNotIn: BE_FORMS,
      nextWithin: { n: 3, in: set('lesson lessons') },
      notNextWithin: { n: 6, in: set('for') },
    },
  }),
  // A tale or a story is told ("offers a tale of two societies", "offers a hauntingly beautiful
  // story" → "tells", not "provides a tale"); a story offered to a magazine or for children stays.
  V('offer', 'tell', 2, {
    guard: {
      verb: true,
      nextWithin: { n: 4, in: set('tale tales story stories') },
      notNextWithin: { n: 6, in: set('to for') },
    },
  }),
  // What is offered to the mind ("offers a glimpse of", "offers hope", "an account of") is given;
  // what a thing offers by having it, it has ("offers a range of courses" → "has"; not "gives a
  // range"); anything else is provided. Never "providing", itself an over-used word: the -ing form
  // is always "giving".
  // Not a participle of a passive, even with its "be" left out: "when offered the chance to
  // travel" had no "when gave the chance" (a passive with its "be" is the entry below).
  V('offer', 'give', 2, {
    guard: {
      verb: true,
      prevNotIn: new Set([
        ...BE_FORMS,
        ...set('when whenever if once while whilst though although unless until before after as being'),
      ]),
      nextWithin: { n: 3, in: OFFERED_TO_THE_MIND },
    },
  }),
  // What it has: the present only, and not after "to", a modal or "do" ("aims to offer a range of
  // courses" and "can offer many benefits" are no possession yet).
  V('offer', 'have', 2, {
    forms: ['base', 's3'],
    guard: {
      verb: true,
      prevNotIn: new Set([...MODALS, 'to', 'do', 'does', 'did', 'not']),
      nextWithin: { n: 3, in: OFFERED_BY_HAVING },
      // Offered to someone is held out to them ("offers numerous advantages to his clients",
      // "offers businesses a plethora of benefits": "has businesses" is no English), and so are
      // views ("offers a broader range of perspectives" is no "has") and examples put forward.
      notNextWithin: { n: 6, in: new Set(['to', 'example', 'examples', ...OFFERED_TO_THE_MIND]) },
      next2NotIn: set('a an the'),
    },
  }),
  // In a passive a chance is "given" ("you were offered the chance"), never "provided"; anything
  // else stays offered ("She was offered a job" was not given one).
  V('offer', 'give', 2, {
    forms: ['pp'],
    guard: { prevIn: BE_FORMS, nextWithin: { n: 2, in: set('chance chances opportunity opportunities choice') } },
  }),
  ...(
    [
      [['ger'], 'give'],
      [['base', 's3', 'past', 'pp'], 'provide'],
    ] as const
  ).map(([forms, alt]) =>
    // (Casual prose keeps "offers": "provides free admission" is the more formal word.)
    V('offer', alt === 'provide' ? { plain: [alt], casual: [] } : alt, 2, {
      forms: [...forms],
      guard: {
        verb: true,
        prevNotIn: BE_FORMS,
        nextIn: set(
          'a an the their his its our this these some no new fresh valuable useful rich deep unique many several numerous various free',
        ),
        // Offered to someone is proposed, not yet given ("offered a portrait to the gallery"), and so
        // is what one offers in exchange: "offered a $50,000 reward" is no reward provided, "We
        // offer a competitive salary" none paid yet.
        notNextWithin: {
          n: 5,
          in: set(
            'to reward rewards bounty bounties bribe bribes deal deals job jobs position positions contract contracts settlement settlements prize prizes apology apologies resignation salary salaries wage wages pay package packages compensation bonus bonuses defence defense condolences prayers thanks take view views length lengths rate rates plea pleas comment comments opinion opinions degree degrees chance chances opportunity opportunities',
          ),
        },
      },
    }),
  ),
  V('provide', 'give', 2, {
    forms: ['ger'],
    guard: {
      verb: true,
      notCondition: true,
      nextIn: set(
        'a an the their his its our this these some insight insights readers us them him clues depth valuable useful new important',
      ),
      // A means, a range or a service stays provided here too ("providing a new way to control …").
      notNextWithin: { n: 4, in: new Set([...PROVIDED_NOT_GIVEN, 'for']) },
    },
  }),
  F('particularly', 'especially', 2),
  F('primarily', 'mainly', 2),
  F('predominantly', 'mostly', 2),
  // "potentially habitable" is a term of astronomy (a world that could support life), not a doubt.
  // Nor a danger: "a potentially lethal habit" is the set phrase ("possibly lethal" doubts it).
  F('potentially', 'possibly', 2, {
    guard: {
      nextNotIn: set(
        'habitable lethal fatal deadly dangerous harmful hazardous life-threatening catastrophic devastating toxic serious responsible',
      ),
    },
  }),
  // At a sentence's start only: mid-sentence "at first" reads awkwardly ("was at first designed").
  O('initially', 'at first', 2, { why: 'plain' }),
  // Where it orders an argument it is "First": "Initially, it is necessary to evaluate …" does not
  // mean it stops being necessary later.
  ...['it is necessary', 'it is important', 'i will', 'we will', 'we must', 'we need', 'let us', "let's"].map((rest) =>
    O(`initially , ${rest}`, `First, ${rest === 'i will' ? 'I will' : rest}`, 2, { why: 'plain' }),
  ),
  // Mid-sentence "ultimately" before a verb is emphasis ("which ultimately benefits"); not "eventually", which is about time.
  // Not after "and"/"but": "fierce, bloody, and ultimately victorious" says "in the end".
  // Nor after a modal, where it says where things end up ("SoCal will ultimately lead the
  // drafting"), which a cut loses.
  F('ultimately', '', 2, {
    why: 'filler',
    guard: {
      nextLower: true,
      // Nor in what something is seen as ("portrays as ultimately unattainable": in the end).
      prevNotIn: new Set([...set('is was are were be and but as'), ...MODALS, "'ll"]),
      // Nor before where a course ends ("The disease ultimately leads to respiratory failure"): the
      // word carries the time.
      nextNotIn: set('leads lead led causes cause caused results result resulted kills killed ends ended'),
    },
  }),
  // There it is the last step: "reduce misunderstandings, and ultimately achieve their goals" → "and
  // in the end achieve".
  F('ultimately', 'in the end', 2, { why: 'plain', guard: { nextLower: true, prevIn: set('and but') } }),
  F('typically', 'usually', 2),
  // "Manage time effectively." → "well": only after the verb phrase it qualifies, where it means
  // "in a way that works"; before a verb or a noun phrase it means "in effect" ("effectively ended").
  F('effectively', 'well', 2, {
    guard: {
      nextIn: set('. , ; : and or in with to for by across through without at on when while than as if'),
      prevNotIn: set('is are was were be been being more most less least very so as too how quite really'),
    },
  }),
  // "poses a threat to" → "is a threat to": only before a danger ("poses a question" asks one),
  // never after a negation or an adverb ("does not pose a", "also poses a").
  ...(
    [
      ['poses a', 'is a', { prevNotIn: POSE_BLOCKERS }],
      ['posed a', 'was a', { prevNotIn: POSE_BLOCKERS }],
      ['pose a', 'be a', { prevIn: new Set([...MODALS, 'to']) }],
      ['pose a', 'are a', { prevIn: set('they these those which that who') }],
    ] as const
  ).map(([src, alt, g]) => F(src, alt, 2, { guard: { ...g, nextWithin: { n: 3, in: DANGERS } } })),
  // The verb only ("Advocates for the poor met" are people): one stands up for rights, causes and
  // people, and calls for a change, a policy or a reform; anything else stays ("advocating for
  // the Philippines' interests").
  V('advocate for', 'stand up for', 2, { guard: { ...ADVOCATE_AS_VERB, nextWithin: { n: 4, in: CHAMPIONED } } }),
  V('advocate for', 'call for', 2, { guard: { ...ADVOCATE_AS_VERB, nextWithin: { n: 4, in: DEMANDS } } }),
  // Of people only: "seasoned chicken" is spiced.
  F('seasoned', 'experienced', 2, { guard: { nextIn: SEASONED_PEOPLE } }),
  F('swiftly', 'quickly', 2),
  F('aptly', 'fittingly', 2),
  F('methodically', 'systematically', 3),
  // A degree of a quality ("exceptionally talented", "exceptionally well"), not of what was done:
  // "exceptionally mitigated" is no "unusually reduced".
  F('exceptionally', 'unusually', 2, { guard: { beforeGradable: true } }),
  // The noun stays: "their full human potential risk falling behind" is no "full human possible",
  // and so does a physiologist's "action potential" or "membrane potential". After a word of size
  // ("tremendous potential benefits") "possible" reads as a doubt the writer does not have.
  F('potential', 'possible', 2, {
    guard: {
      attributive: true,
      prevNotIn: set(
        'full human untapped true own action membrane resting electric electrical chemical electrochemical evoked postsynaptic synaptic redox zeta tremendous huge enormous great vast immense considerable significant real big',
      ),
      // Nor an investor's "potential returns" (or gains, losses), a term of the trade.
      nextNotIn: new Set([
        ...PROSPECTS,
        ...WOULD_BE,
        'energy',
        'difference',
        'differences',
        'returns',
        'return',
        'gains',
        'losses',
        'upside',
        'downside',
      ]),
    },
  }),
  // Wrongdoers who may become so are would-be ones ("possible criminals" are suspects).
  F('potential', 'would-be', 2, { guard: { attributive: true, nextIn: WOULD_BE } }),
  // People who may become customers are prospective ones ("possible customers" doubts they exist).
  F('potential', 'prospective', 2, { guard: { nextIn: PROSPECTS } }),
  // Only before what a reason, an aim or a part is: medicine, schooling, elections, science and
  // trade name many things "primary" ("primary end-point", "primary hyperaldosteronism",
  // "primary school", "primary colours", "primary source"), and there it is a term, never "main".
  F('primary', 'main', 2, {
    guard: {
      attributive: true,
      nextIn: set(
        'goal goals aim aims purpose purposes reason reasons focus concern concerns objective objectives role roles function functions responsibility responsibilities driver drivers factor factors cause causes benefit benefits advantage advantages method methods way ways means tool tools motivation motivations motive motives challenge challenges issue issues problem problems task tasks target targets use uses feature features difference differences theme themes interest interests question questions aspect aspects priority priorities job duty duties contributor contributors obstacle obstacles barrier barriers threat threats channel channels mechanism mechanisms consideration considerations criterion criteria argument arguments idea ideas point points mission audience audiences attraction attractions strength strengths weakness weaknesses character characters protagonist protagonists antagonist antagonists narrator villain villains rival rivals opponent opponents enemy enemies language languages user users victim victims beneficiary beneficiaries customer customers consumer consumers category categories type types form forms kind kinds area areas',
      ),
    },
  }),
  F('broader', 'wider', 2),
  // Not "the prevalent part of the population" (the larger part, not a "common part").
  F('prevalent', ['common', 'widespread'], 2, {
    guard: { nextNotIn: set('part parts portion portions share group groups') },
  }),
  F('enigmatic', 'mysterious', 2),
  F('evocative', 'vivid', 2),
  // A perspective or a view is a thoughtful one ("a perceptive perspective" chimes).
  F('insightful', 'thoughtful', 2, { guard: { nextIn: set('perspective perspectives view views') } }),
  F('insightful', 'perceptive', 2),
  // A resolve is firm; the forces of nature or an opponent are relentless, not "firm".
  F('unyielding', 'firm', 2, { guard: { nextIn: STEADFAST_NOUNS } }),
  // Of a person ("a versatile player"); a versatile material or tool has many uses, and a
  // "flexible material" bends.
  F('versatile', 'all-round', 2, {
    guard: {
      nextIn: set(
        'player players actor actors athlete athletes musician musicians performer performers worker workers artist artists writer writers',
      ),
    },
  }),
  F('heartfelt', 'sincere', 2),
  F('enchanting', 'charming', 2),
  // Lucid prose is clear; a lucid dream is one the dreamer knows is a dream.
  F('lucid', 'clear', 2, { guard: { nextNotIn: set('dream dreams dreaming dreamer dreamers interval intervals') } }),
  F('laudable', 'praiseworthy', 2),
  F('cogent', 'convincing', 2),
  F('ingenious', 'clever', 2),
  // Not "limited English proficient", a status with a name of its own.
  F('proficient', 'skilled', 2, { guard: { prevNotIn: set('english limited language') } }),
  // Not "adaptable to change": one is flexible about something, never "flexible to" it.
  F('adaptable', 'flexible', 2, { guard: { nextNotIn: set('to') } }),
  F('awe-inspiring', 'breathtaking', 2),
  F('illuminating', 'enlightening', 2, { guard: { attributive: true } }),
  // Basic skills and principles, but "a foundational figure of modern dance" founded it.
  F('foundational', 'basic', 2, {
    guard: {
      nextIn: set('skills skill knowledge principles principle concepts concept understanding elements level literacy'),
    },
  }),
  F('discernible', 'noticeable', 2),
  F('dependable', 'reliable', 2),
  // Not "amid", itself a word machine prose over-uses (made from "amidst", it tripled on the corpus).
  F('amidst', 'in the middle of', 2, { guard: { prevNotIn: set('from') } }),
  // What a person or a work adds is worth, not use: "a valuable contribution to literature", "a
  // valuable addition to your team" → "great", never "useful".
  F('valuable', 'great', 2, { guard: { nextIn: set('contribution contributions asset assets addition additions') } }),
  F('valuable', 'useful', 2, {
    guard: {
      nextIn: set(
        'insight insights information resource resources tool tools skill skills advice experience experiences feedback tips guidance perspective perspectives read input knowledge glimpse foundation data source sources work',
      ),
    },
  }),
  F('diverse', 'varied', 2, {
    guard: {
      nextIn: set(
        'range array set mix selection collection perspectives experiences interests views opinions applications topics forms ways activities fields sources uses styles genres tastes facets dimensions phenomena landscapes settings themes',
      ),
    },
  }),
  // "complex" → "complicated" where it means hard to follow: said of something ("the rules are
  // complex") or before the nouns of everyday prose (an issue, feelings). Not before characters,
  // plots, stories or relationships: "complex characters" are rounded, "complicated" ones
  // difficult; a "complicated relationship" is a troubled one. Before other
  // nouns it names a structure of many parts ("complex algorithms", "complex patterns"), which
  // "complicated" is not.
  F('complex', 'complicated', 2, {
    guard: {
      prevNotIn: new Set([...DETERMINERS, ...COMPLEX_TECH_BEFORE]),
      nextIn: set('. ; : to for because'),
    },
  }),
  F('complex', 'complicated', 2, {
    guard: {
      nextIn: set(
        'issue issues situation situations problem problems question questions matter matters emotion emotions feeling feelings rules topic topics subject subjects history decision decisions case cases',
      ),
      notBeforeAdjective: true,
    },
  }),
  // The literary senses have words of their own: "complex characters" are rounded ones, a web is
  // tangled, motives are mixed. A web or a motive only when it is that one noun: before a list
  // the word would qualify the rest ("complex motives, backstories, and personalities" → "mixed
  // … backstories"), where "rounded characters, rich prose" does not.
  F('complex', 'rounded', 2, { guard: { nextIn: set('character characters personality personalities') } }),
  ...(
    [
      ['tangled', 'web webs'],
      ['mixed', 'motivation motivations motive motives'],
    ] as const
  ).map(([alt, nouns]) =>
    F('complex', alt, 2, { guard: { nextIn: set(nouns), notNextWithin: { n: 2, in: set(', and or') } } }),
  ),
  // A writer's techniques are devices ("narrative techniques" → "narrative devices").
  ...['narrative', 'storytelling', 'literary', 'stylistic', 'rhetorical'].flatMap((k) => [
    F(`${k} techniques`, `${k} devices`, 2),
    F(`${k} technique`, `${k} device`, 2),
  ]),
  // Not where a second "as" hangs on the verb: "stands as a haven … but also as a city" would read
  // "is a haven … but also as a city".
  F('stands as', 'is', 1, { why: 'stock', guard: { nextIn: A_AN, notParallel: true } }),
  // "stands as one of the most remarkable wonders" → "is one of"; not "the" ("stands as the
  // builder left it" is no "is the builder left it").
  F('stands as', 'is', 1, { why: 'stock', guard: { nextIn: set('one'), next2In: set('of'), notParallel: true } }),
  // After "has", "had" ("the wall had long stood as a symbol"), the participle: "had been a".
  F('stood as', 'was', 1, { why: 'stock', guard: { nextIn: A_AN, notParallel: true, notPrevWithin: AFTER_HAVE } }),
  F('stood as', 'been', 1, { why: 'stock', guard: { nextIn: A_AN, notParallel: true, prevWithin: AFTER_HAVE } }),
  F('holds true', 'is true', 2),
  F('presents us with', 'gives us', 2),
  V('employ', 'use', 2, {
    guard: {
      object: true,
      nextNotIn: set(
        'people workers staff men women persons thousands hundreds millions dozens about around over nearly almost some many more young youths children kids teenagers students volunteers veterans locals residents immigrants refugees engineers nurses',
      ),
      // People a word or two on are hired too ("employs local people").
      notNextWithin: { n: 3, in: set('people workers staff men women locals residents youths teenagers') },
    },
  }),
  // A solution or a strategy that has an impact works: it is effective, not "influential".
  F('impactful', 'effective', 2, {
    guard: {
      nextIn: set(
        'solution solutions strategy strategies intervention interventions program programs programme programmes approach approaches method methods measure measures policy policies practice practices campaign campaigns initiative initiatives tool tools way ways change changes action actions',
      ),
    },
  }),
  F('impactful', ['influential', 'powerful'], 2),
  // "societal norms / expectations / pressures" are social ones (the echo check keeps "social and
  // societal", which would say it twice).
  F('societal', 'social', 2),
  // "significant" only where it cannot mean statistically significant, nor after "small but"
  // ("small but significant progress" is no "small but major").
  F('significant', 'major', 2, {
    guard: {
      prevNotIn: set('statistically highly not but'),
      notNear: STUDY_WORDS,
      nextIn: set(
        'role impact impacts challenge challenges contribution contributions influence step steps part milestone achievement achievements event events moment moments factor factors problem problems issue issues obstacle obstacles concern concerns threat threats shift barrier barriers advantage advantages benefit benefits setback setbacks turning transformation transformations change changes choice choices decision decisions implications consequences aspect aspects advancement advancements',
      ),
    },
  }),
  // A person of weight ("a significant figure in the movement"), never a count of digits ("to three
  // significant figures").
  F('significant', 'major', 2, {
    guard: { prevIn: set('a the most'), nextIn: set('figure figures'), notNear: STUDY_WORDS },
  }),
  // "make a significant difference" is the idiom for "matter a lot", not a measured difference.
  // (Formal prose has no "big" for a degree: "a considerable difference".)
  V(
    'make a significant difference',
    { plain: ['make a big difference'], formal: ['make a considerable difference'] },
    2,
    { guard: { notNear: STUDY_WORDS } },
  ),
  // "a significant number of" → "a large number of" (a quantity; not a difference or an increase,
  // which may be statistical).
  F('significant', 'large', 2, {
    guard: {
      prevNotIn: set('statistically highly not but'),
      notNear: STUDY_WORDS,
      nextIn: set('amount amounts number portion portions share proportion'),
    },
  }),
  // "hard conditions", "a hard situation" read as harsh or as a hard case: those stay "difficult".
  F('challenging', 'difficult', 2, {
    guard: {
      attributive: true,
      prevIn: set(
        'a an the this these those its their our his her my your some many very quite particularly especially extremely',
      ),
      nextIn: NOT_HARD,
    },
  }),
  // The adjective, not the verb ("challenging the rules", "by challenging norms"): after a
  // determiner or a degree word, or said of something ("The climb was challenging."). "Hard" is
  // the plain word; formal prose takes "difficult".
  ...(
    [
      ['hard', NOT_FORMAL],
      ['difficult', ['formal', 'academic']],
    ] as const
  ).flatMap(([alt, modes]) => [
    F('challenging', alt, 2, {
      modes: [...modes],
      guard: {
        attributive: true,
        prevIn: set(
          'a an the this that these those its their our his her my your some many very more most quite particularly especially extremely increasingly incredibly so such less',
        ),
        nextNotIn: alt === 'hard' ? new Set([...NOT_HARD, ...TERM_AFTER_CHALLENGING]) : TERM_AFTER_CHALLENGING,
      },
    }),
    F('challenging', alt, 2, {
      modes: [...modes],
      guard: {
        prevIn: set(
          'is are was were be been being seem seems seemed prove proves proved very more most quite particularly especially extremely increasingly incredibly so too rather less',
        ),
        nextIn: set('. , ; ! to for and but'),
      },
    }),
  ]),
  // "a powerful reminder" → "a strong reminder": only where "strong" says the same.
  F('powerful', 'strong', 2, {
    guard: {
      nextIn: set(
        'message messages reminder reminders symbol symbols statement statements example examples argument arguments influence emotion emotions impact effect effects bond bonds connection connections motivator feeling feelings',
      ),
    },
  }),
  // Not in mathematics or physics, where it means "determined by" ("the running time is
  // characterized by the hitting time").
  F('characterized by', 'marked by', 2, { guard: { notInSentence: TECHNICAL_WORDS } }),
  F('characterised by', 'marked by', 2, { guard: { notInSentence: TECHNICAL_WORDS } }),
  O('similarly ,', 'Likewise,', 2),
  V('emerge as', 'become', 2),
  // Time or hours newly won are "extra" ("this new time" reads as another era).
  F('newfound', 'extra', 2, { guard: { nextIn: set('time hours') } }),
  // "a newfound respect" is a new one: the found adds nothing a reader needs.
  F('newfound', 'new', 2),
  // What does not change "stays" so ("viscosity remains unchanged as the flow rate rises" is no
  // "is still unchanged"; "She remains the same person throughout", "the majority remains hidden").
  F('remains the same', 'stays the same', 2, { guard: { notInSentence: set('stays stay') } }),
  F('remains', 'stays', 2, {
    guard: {
      verb: true,
      nextIn: set(
        'unchanged constant stable steady intact unaltered fixed flat level largely relatively fairly roughly nearly virtually almost essentially aligned relevant competitive open closed active valid consistent accurate hidden silent steadfast loyal calm firm above below idle held disabled enabled locked',
      ),
      notInSentence: set('stays stay'),
    },
  }),
  // A state held until something happens, or for a time, stays ("the flag remains disabled until
  // the migration finishes", "remains above 85% for 15 minutes").
  F('remains', 'stays', 2, {
    // A state must come between: what "remains until …" or "remains to be done" is left ("Only one
    // question remains until Friday", "The fact remains that …") stays.
    guard: {
      verb: true,
      nextWithin: { n: 6, in: set('until unless') },
      nextNotIn: new Set([...BE_FORMS, ...set('until unless that to whether')]),
      prevNotIn: set('what nothing little much question questions fact it there'),
      notInSentence: set('stays stay still'),
    },
  }),
  // What holds at all times or always stays so ("remains secure at all times" is no "is still").
  F('remains', 'stays', 2, {
    guard: {
      verb: true,
      nextLower: true,
      nextWithin: { n: 4, in: set('times always') },
      notInSentence: set('stays stay'),
    },
  }),
  // What is to be kept so stays so ("ensure your data remains private": "is still private" would
  // say it was private before).
  F('remains', 'stays', 2, {
    guard: {
      verb: true,
      nextLower: true,
      prevWithin: { n: 4, in: set('ensure ensures ensuring ensured sure keep keeps help helps helping') },
      notInSentence: set('stays stay'),
    },
  }),
  F('remains', 'is still', 2, {
    guard: {
      verb: true,
      // Not after an adverb of duration ("ground that continuously remains below 0 °C" stays,
      // where it means "stays", not "is still").
      prevNotIn: new Set([
        ...DETERMINERS,
        ...set(
          'human mortal fossil skeletal his her their continuously constantly permanently always largely mostly currently now what all little nothing',
        ),
      ]),
      // Nor what survives ("Only a fragment remains today" is no "is still today").
      nextNotIn: set('of . , ; : and or whether how what why that which who to until unless today intact from'),
      // Not "Still, support is still strong" (an opening "Nevertheless," becomes "Still,").
      notInSentence: set('still'),
    },
  }),

  // ---- What chat models still overuse after the entries above, with plain equivalents --------
  // "plays a fundamental role", "played the role of Hamlet": a part. "its role in" → "its part in".
  // An actor's role is the trade's word: "nominated for Best Actress for her role in 'The Beach'"
  // keeps it ("her part in" also reads "as for her").
  N('role in', 'part in', 2, { plural: false, guard: { prevIn: POSSESSIVES, notInSentence: STAGE_WORDS } }),
  N('role', 'part', 2, {
    plural: false,
    // "a role" itself is the entry above's, which keeps "plays a role of the environment".
    guard: { prevWithin: { n: 3, in: PLAY_FORMS }, prevNotIn: set('a an'), nextNotIn: set('model models') },
  }),
  // "environmental impact" is a term of its own, and so is an impact assessment (or statement, study…).
  // Only after a word that makes it an influence ("a lasting impact", "its impact"): "the impact"
  // alone may be a collision ("The impact threw him from the bike").
  N('impact', 'effect', 2, {
    plural: false,
    guard: {
      noun: true,
      notPrevWithin: { n: 6, in: new Set([...MAKE_FORMS, ...LEAVE_FORMS]) },
      nextNotIn: set(
        'on upon of assessment assessments statement statements analysis analyses study studies evaluation evaluations report reports factor factors bond bonds investing investment investor investors',
      ),
      prevIn: set(
        'positive negative significant major minor lasting profound huge big great real direct indirect potential economic social psychological emotional cultural political financial overall long-term short-term immediate its their his her our your my whose',
      ),
    },
  }),
  N('struggle between', 'conflict between', 2, { plural: false, guard: { prevIn: STRUGGLE_BEFORE } }),
  N('struggle with', 'battle with', 2, { plural: false, guard: { prevIn: STRUGGLE_BEFORE } }),
  V('struggle to', 'find it hard to', 2, { modes: NOT_FORMAL, forms: ['base'], guard: { verb: true } }),
  // "the challenges of parenthood", "faces many challenges" (not "challenges readers to think").
  // Not challenges someone makes ("challenges from its citizens", "legal challenges to the law")
  // nor ones people compete in ("compete in driving challenges"), nor ones sought or welcomed,
  // which are tests, not troubles ("exciting challenges ahead", "take on new challenges", "excited
  // to tackle fresh challenges", "excited to dive into new challenges", "interesting mental
  // challenges": "mental difficulties" are an illness), nor ones met (one meets a challenge, not a
  // difficulty); "brings new challenges for farmers" are troubles.
  // Nor a test by exposure ("food challenges", "an oral food challenge"), a clinical term. What
  // faces someone is a problem ("the greatest challenges facing global health"; "difficulties
  // facing" is not said).
  N('challenges', 'problems', 2, {
    plural: false,
    guard: { noun: true, nextIn: set('facing'), prevNotIn: set('pressing exciting interesting rewarding') },
  }),
  N('challenges', ['difficulties', 'problems'], 2, {
    plural: false,
    guard: {
      noun: true,
      prevNotIn: set(
        'that which who legal court constitutional exciting interesting rewarding stimulating thrilling intellectual creative fun mental cognitive health pressing food oral allergen bronchial coding programming puzzle math maths design photo photography writing fitness cooking successful unsuccessful aerial optional daily weekly side bonus two three four',
      ),
      nextNotIn: new Set([
        ...DETERMINERS,
        ...OBJECT_PRONOUNS,
        ...set('readers reader people conventional traditional societal from to against'),
      ]),
      notPrevWithin: {
        n: 4,
        in: set(
          'compete competes competed competing complete completed completing contest contests take takes took taking taken embrace embraces embraced embracing welcome welcomes welcomed welcoming relish relishes enjoy enjoys enjoyed seek seeks sought seeking thrive thrives thrived exciting interesting rewarding stimulating thrilling fun meet meets meeting met tackle tackles tackled tackling excited eager ready dive dives dived diving',
        ),
      },
    },
  }),
  F('serves as', 'is', 2, { guard: { nextIn: set('a an the his her its their our'), prevNotIn: ADVERBS_BEFORE_VERB } }),
  // Not after a limiter: "do not merely serve to entertain" says what they are for, and "more
  // than help to entertain" would not.
  F('serves to', 'helps to', 2, { guard: { nextLower: true, prevNotIn: LIMITING_ADVERBS } }),
  F('serve to', 'help to', 2, { guard: { nextLower: true, prevNotIn: new Set(['to', ...LIMITING_ADVERBS]) } }),
  F('served to', 'helped to', 2, { guard: { nextLower: true } }),
  F('thereby', 'thus', 2),
  F('insights into', 'insight into', 2),
  F('insights about', 'insight into', 2),
  F('enduring', 'lasting', 2, {
    guard: { prevIn: set('the an its his her their our this these those and'), attributive: true },
  }),
  N('exploration of', 'study of', 2, {
    plural: false,
    guard: {
      nextLower: true,
      prevNotIn: set(
        'space scientific ocean oil gas mineral deep-sea arctic polar planetary lunar geological underwater further continued early european',
      ),
      notNextWithin: { n: 3, in: PHYSICAL_PLACES },
      nextName: false,
    },
  }),
  F('holds', 'has', 2, {
    guard: { nextWithin: { n: 3, in: set('place potential promise significance importance value meaning key power') } },
  }),
  // A study or a writer sets out to do something; a made thing is only designed to ("The
  // platform, piloted in 14 clinics, aims to reduce paperwork" stays, as does any sentence naming one).
  // Nor a standing aim, which no one sets out on: "The Federal Reserve aims to maintain an
  // inflation rate of around 2%" ("sets out to maintain" would start it anew).
  V('aim to', 'set out to', 2, {
    forms: ['s3'],
    // Nor an aim taken with a weapon or a ball ("The archer aims to hit the center of the target").
    guard: {
      notInSentence: new Set([...MADE_THINGS, ...set('target targets goal shot')]),
      nextNotIn: set('maintain keep stay remain hold sustain preserve retain hit shoot strike'),
    },
  }),
  // "our understanding of" → "our grasp of": the noun after a possessive, an article or a degree adjective.
  // A subject is grasped, a person is understood ("our understanding of ourselves, of each other").
  // Every second one stays: a paper that says "our grasp of" three times reads no better. Formal
  // and academic prose keep "understanding" ("grasp" is the spoken word).
  N('understanding of', ['grasp of', 'understanding of'], 2, {
    modes: NOT_FORMAL,
    plural: false,
    guard: {
      nextNotIn: set(
        'ourselves themselves himself herself yourself yourselves myself oneself each one others people him her them us me you',
      ),
      prevIn: set(
        'our their his her its my your an deeper better greater clearer clear full fuller solid basic thorough good firm',
      ),
      // One has or gains a grasp of a subject; nobody is given one ("provides an understanding of
      // the case" is no "gives a grasp of").
      notPrevWithin: {
        n: 3,
        in: set('provide provides provided providing give gives gave given giving offer offers offered offering'),
      },
    },
  }),
  // Not a movement's struggle, its name in history ("the struggle against apartheid", "the
  // struggle for independence"): "battle" reads as war.
  N('struggle for', 'battle for', 2, {
    plural: false,
    guard: { prevIn: STRUGGLE_BEFORE, notNextWithin: { n: 3, in: CAUSES_OF_MOVEMENTS } },
  }),
  N('struggle against', 'battle against', 2, {
    plural: false,
    guard: { prevIn: STRUGGLE_BEFORE, notNextWithin: { n: 3, in: CAUSES_OF_MOVEMENTS } },
  }),
  // Closing a list with a word for its whole kind, the rest of that kind: "a down payment, closing
  // costs, and various fees" are other fees ("different fees" would set them apart from each
  // other). Only such a word: "lectures and various workshops" are no other workshops.
  F('various', 'other', 2, {
    guard: {
      prevIn: set('and or'),
      nextIn: set(
        'costs fees expenses charges factors things items reasons ways methods means sources resources materials tools services products issues problems aspects elements forms types kinds activities measures steps',
      ),
    },
  }),
  // "various fields" → "different fields" (not "various other", which would read "different other").
  F('various', 'different', 2, { guard: { nextLower: true, nextNotIn: set('other others of') } }),
  // "within the community" → "in the community"; not limits, time spans or walls, where "within" means "inside" or "no later than".
  F('within', 'in', 2, {
    guard: {
      nextIn: set('the this these his her their its our my your'),
      prevNotIn: set('from deep deeply'),
      notNextWithin: {
        n: 3,
        in: set(
          'limits limit bounds confines range scope reach framework boundaries boundary walls wall hour hours day days week weeks month months year years minute minutes seconds time means budget power rights law laws rules rule guidelines terms remit',
        ),
      },
    },
  }),
  // What a figure or an example illustrates it shows; a person who illustrates draws ("She wrote
  // the book and illustrated it herself", "illustrated children's books"): only a thing's.
  V('illustrate', 'show', 2, {
    guard: {
      verb: true,
      object: true,
      notPrevWithin: { n: 3, in: set('he she they i we you who and also herself himself') },
      notNextWithin: { n: 3, in: set('book books it itself cover covers story stories herself himself') },
    },
  }),
  // Not after "not": "not merely X, but Y" would become "not only X, but Y", which says less.
  // "doesn't merely present" is no "doesn't only present": after any negation it stays.
  // Not Kant's "merely as a means", a set formula ("just as a means" reads as "exactly as").
  F('merely', 'only', 2, { guard: { nextLower: true, prevNotIn: NEGATORS, nextNotIn: set('as') } }),
  // "her determination to win" → "her resolve to win" (not "the determination of the boundary": a finding).
  N('determination', ['resolve', 'will'], 2, { plural: false, guard: { nextIn: set('to') } }),
  // Shorter words for the same thing (each saves syllables, which also pays for sentence joins).
  F('significantly', 'greatly', 2, { guard: { notNear: STUDY_WORDS, nextIn: GRADED_CHANGES } }),
  // A rise or a fall is sharp ("prices increased dramatically" stays: after its verb it says how);
  // any other change great ("can dramatically improve your laptop's speed" → "greatly improve").
  F('dramatically', 'sharply', 2, {
    guard: {
      notNear: STUDY_WORDS,
      nextIn: set(
        'increase increases increased increasing rise rises rose risen rising fall falls fell fallen falling drop drops dropped dropping decline declines declined declining',
      ),
    },
  }),
  F('dramatically', 'greatly', 2, { guard: { notNear: STUDY_WORDS, nextIn: GRADED_CHANGES } }),
  F('significantly', 'much', 2, {
    guard: {
      // A finding reported ("have shown that … are significantly less likely") is statistical too.
      notNear: new Set([...STUDY_WORDS, ...set('shown reported researchers scientists economists likely')]),
      nextIn: set('more less higher lower better worse larger smaller greater faster slower'),
      // "lower" is a verb too: "Statins can significantly lower your risk" is no "much lower your
      // risk" (a determiner after it shows the object).
      notNextWithin: { n: 2, in: new Set([...DETERMINERS, ...POSSESSIVES]) },
    },
  }),
  // Not "fundamental rights" or "freedoms": a term of law (a charter's, a constitution's).
  F('fundamental', 'basic', 2, {
    guard: {
      attributive: true,
      nextIn: set(
        'principle principles question questions need needs truth truths values idea ideas concept concepts aspect aspects element elements skills',
      ),
    },
  }),
  F('at the beginning of', 'at the start of', 2),
  F('from the beginning', 'from the start', 2),
  F('difficult to', 'hard to', 2, { modes: NOT_FORMAL }),
  // Empty intensifiers.
  // Not after a negation, where it softens: "I never truly knew him" is not "I never knew him".
  // Nor beside a report or a belief, where it separates the real from the claimed ("fewer than 1%
  // are truly allergic, although 10% report an allergy").
  F('truly', '', 2, {
    why: 'intensifier',
    guard: {
      nextLower: true,
      prevNotIn: new Set([...NEGATORS, 'yours', 'as', 'so', 'too', 'how']),
      // Nor where it sets the one apart ("the only one who truly knew him" is no "the only one who knew him").
      notPrevWithin: { n: 4, in: set('only') },
      notInSentence: set(
        'report reports reported claim claims claimed say says said think thinks thought believe believes believed seem seems seemed appear appears appeared',
      ),
    },
  }),
  F('incredibly', 'very', 2, { why: 'intensifier', guard: { nextLower: true } }),
  // "The view is nothing short of magical": said of what something is, the frame only insists
  // ("It took nothing short of a year" measures, and stays).
  F('nothing short of', '', 2, {
    why: 'intensifier',
    guard: {
      prevIn: new Set([...BE_FORMS, ...set("'s seems seemed seem feels felt looks looked")]),
      nextLower: true,
      nextNotIn: set('what'),
    },
  }),
];

/** Openers of the form "In today's … world," → "Today,". */
const TODAY_NOUNS = [
  'world',
  'society',
  'age',
  'era',
  'climate',
  'environment',
  'landscape',
  'times',
  'digital age',
  'digital world',
  'digital era',
  'modern world',
  'modern society',
  'modern age',
  'modern era',
  'fast-paced world',
  'fast paced world',
  'rapidly changing world',
  'rapidly evolving world',
  'ever-changing world',
  'ever-evolving world',
  'changing world',
  'technological age',
  'technology-driven world',
  'tech-driven world',
  'interconnected world',
  'globalized world',
  'globalised world',
  'competitive world',
  'busy world',
  'hectic world',
  'information age',
  'data-driven world',
  'digital landscape',
  'fast-paced society',
  'fast-paced digital world',
  'fast-paced and ever-changing world',
  'rapidly advancing world',
];
/** Relative words that need the opener's noun ("…world, where …"). */
const WORLD_RELATIVES = set('where in which when');
// Before a past or a future the present says nothing ("In today's world, the factory closed in
// 1998." is no "Today, the factory closed", "In an increasingly digital world, libraries will need
// new skills" no "Today, libraries will need"): the opening goes.
// Nor before a relative "where" or "in which" that the world or age anchors ("In today's world,
// where speed is prized, …" is no "Today, where …").
// Before a person ("In today's fast-paced world, you deserve a break") "Today," reads as this one
// day; "These days," keeps the present the opener meant.
/** The people a sentence may address or speak for after the opener. */
const PERSONS = set(
  "you i we he she they there your our my his her their you're we're i'm i've we've they're they've he's she's there's",
);
/**
 * An order or a question after the opener: "Today, let our chefs take care of dinner tonight"
 * reads as an offer for this one day, so the opening goes.
 */
const ORDERS_AND_QUESTIONS = set(
  'let take treat discover enjoy make try give book join explore start stop remember keep find get choose visit order shop sign learn meet how what why who which do does is are can could should would will',
);
const NOT_BEFORE_TODAY = new Set([...WORLD_RELATIVES, ...PERSONS, ...ORDERS_AND_QUESTIONS]);
const todayOpener = (src: string, level: 1 | 2) => [
  O(src, '', level, { guard: { nextIn: ORDERS_AND_QUESTIONS } }),
  O(src, 'Today,', level, { guard: { beforePastOrFuture: false, nextNotIn: NOT_BEFORE_TODAY } }),
  O(src, 'These days,', level, { guard: { beforePastOrFuture: false, nextIn: PERSONS } }),
  O(src, '', level, { guard: { beforePastOrFuture: true, nextNotIn: WORLD_RELATIVES } }),
];
for (const n of TODAY_NOUNS) TABLE.push(...todayOpener(`in today's ${n} ,`, 1));
// The same openers with the modifiers generators stack in front of the noun ("In today's rapidly
// evolving digital landscape,"): a scene-setting phrase that says no more than "Today,".
/** The modifiers that say the scene changes (and so set it in the present). */
const CHANGING = [
  'rapidly evolving',
  'rapidly changing',
  'ever-evolving',
  'ever-changing',
  'constantly evolving',
  'constantly changing',
  'fast-paced',
  'fast-moving',
  'increasingly',
];
const TODAY_MODIFIERS = [...CHANGING, 'highly', 'dynamic', 'complex', 'modern', 'interconnected', 'competitive'];
const TODAY_KINDS = ['digital', 'technological', 'global', 'globalized', 'connected', 'interconnected', 'competitive'];
const TODAY_HEADS = ['world', 'society', 'age', 'era', 'landscape', 'environment', 'climate', 'times'];
const todayPhrases = new Set<string>();
for (const m of ['', ...TODAY_MODIFIERS])
  for (const k of ['', ...TODAY_KINDS])
    for (const h of TODAY_HEADS) {
      const phrase = [m, k, h].filter(Boolean).join(' ');
      if (m !== k && !TODAY_NOUNS.includes(phrase)) todayPhrases.add(phrase);
    }
for (const phrase of todayPhrases) TABLE.push(...todayOpener(`in today's ${phrase} ,`, 1));
// Before the relative its noun anchors, the scene is any such one: "In today's fast-paced world,
// where speed is prized, …" → "In a world where speed is prized, …".
const ANCHORS: Record<string, string> = { world: 'a world', society: 'a society', age: 'an age', era: 'an era' };
for (const phrase of [...TODAY_NOUNS, ...todayPhrases]) {
  const head = phrase.split(' ').pop() ?? '';
  if (ANCHORS[head]) TABLE.push(O(`in today's ${phrase} , where`, `In ${ANCHORS[head]} where`, 1));
}
// The same scene set with an article ("In an ever-changing world,", "In our fast-paced digital
// age,"): only where a modifier of change opens it and a time or a world closes it. "In a world
// where …" opens a claim of its own, and "In a complex environment," or "In a competitive
// climate," name a condition, not the present.
const TIMES = ['world', 'society', 'age', 'era', 'times'];
for (const phrase of [...TODAY_NOUNS, ...todayPhrases])
  if (CHANGING.some((m) => phrase.startsWith(`${m} `)) && TIMES.some((h) => phrase.endsWith(` ${h}`)))
    for (const a of ['a', 'an', 'our']) TABLE.push(...todayOpener(`in ${a} ${phrase} ,`, 2));
// A scene set in one field ("In today's rapidly evolving business landscape,"): the metaphor names
// no more than the field and the present, "In business today,"; a field's "world" is its people,
// "In the fashion world today,". Only a field named by a noun, which can stand after "In" alone
// ("corporate" or "political" cannot); a modifier of change goes as it does before "world".
/** Fields named by a noun ("In today's tech landscape," → "In tech today,"). */
const FIELDS = [
  'business',
  'tech',
  'technology',
  'media',
  'marketing',
  'education',
  'healthcare',
  'retail',
  'finance',
  'fashion',
  'music',
  'entertainment',
  'sports',
  'publishing',
  'banking',
  'travel',
  'hospitality',
  'manufacturing',
  'software',
  'advertising',
  'hiring',
  'recruitment',
  'real estate',
  'journalism',
  'politics',
];
/** What a field is pictured as: a scene ("landscape") or its people ("world"). */
const FIELD_SCENES = ['landscape', 'environment', 'climate', 'scene', 'sphere', 'arena', 'realm'];
/** "In today's (rapidly evolving) business landscape" → "business today" / "the business world today". */
export const fieldToday = (field: string, head: string): string =>
  head === 'world' ? `the ${field} world today` : `${field} today`;
for (const m of ['', ...CHANGING])
  for (const field of FIELDS)
    for (const head of ['world', ...FIELD_SCENES]) {
      const phrase = [m, field, head].filter(Boolean).join(' ');
      TABLE.push(O(`in today's ${phrase} ,`, `In ${fieldToday(field, head)},`, 2));
      // Inside a sentence ("an essential skill in today's tech landscape." → "in tech today."),
      // as "in today's world" becomes "today" there; before "of" the noun is described and stays.
      TABLE.push(
        F(`in today's ${phrase}`, `in ${fieldToday(field, head)}`, 2, {
          guard: { prevNotIn: set('.'), nextNotIn: set('of') },
        }),
      );
    }
// Any other scene of change keeps its noun and says the change once: "In today's rapidly evolving
// workplace," → "In the fast-changing workplace," (not "In the current rapidly evolving …").
for (const m of CHANGING.filter((c) => c !== 'increasingly'))
  TABLE.push(
    O(`in today's ${m}`, m.startsWith('fast') ? 'In the fast-moving' : 'In the fast-changing', 2, {
      guard: { nextLower: true },
    }),
  );
// Any other "In today's …" keeps its noun: "In today's job market," → "In the current job market,".
TABLE.push(O("in today's", 'In the current', 2, { guard: { nextLower: true } }));

/**
 * Words whose WordNet 3.1 synonym (single sense in that part of speech, synonym more familiar) we
 * have reviewed and accept; used from strength 2. The reviser does not read WordNet: the tests
 * (tests/unit/rewrite/wordnet.ts) check WordNet still gives exactly these synonyms.
 */
export const WORDNET_REVIEWED: {
  word: string;
  pos: 'adj' | 'adv' | 'verb';
  synonym: string;
  guard?: Guard;
  /** A verb's forms the entry takes (all when absent). */
  forms?: readonly VerbForm[];
}[] = [
  // The adjective ("a pronounced accent"), not the verb of "was pronounced dead".
  {
    word: 'pronounced',
    pos: 'adj',
    synonym: 'marked',
    guard: { attributive: true, prevNotIn: set('is are was were be been being am'), nextNotIn: set('dead guilty') },
  },
  { word: 'riveting', pos: 'adj', synonym: 'engrossing' },
  { word: 'astute', pos: 'adj', synonym: 'sharp' },
  { word: 'intrepid', pos: 'adj', synonym: 'brave' },
  { word: 'stringent', pos: 'adj', synonym: 'tight' },
  { word: 'intricately', pos: 'adv', synonym: 'elaborately' },
  { word: 'unwaveringly', pos: 'adv', synonym: 'firmly' },
  { word: 'disseminate', pos: 'verb', synonym: 'spread' },
  // Words are repeated; a commitment or a stance reiterated is affirmed again ("reiterates the
  // enduring commitment of a detective to the truth" is no "repeats the commitment").
  {
    word: 'reiterate',
    pos: 'verb',
    synonym: 'repeat',
    guard: {
      notNextWithin: {
        n: 3,
        in: set(
          'commitment commitments support dedication devotion loyalty belief beliefs faith stance position opposition confidence',
        ),
      },
    },
  },
  { word: 'relish', pos: 'verb', synonym: 'enjoy', guard: { verb: true } },
  { word: 'supersede', pos: 'verb', synonym: 'replace' },
  { word: 'evince', pos: 'verb', synonym: 'show' },
  // The verb, not the adjective of "the discerning reader", "informed and discerning citizens".
  {
    word: 'discern',
    pos: 'verb',
    synonym: 'recognize',
    forms: ['base', 's3', 'past', 'pp'],
    guard: { verb: true, prevNotIn: new Set([...DETERMINERS, ...set('and or more most very so too')]) },
  },
  // After "and", only with its object ("have their own taste and discern what is best").
  {
    word: 'discern',
    pos: 'verb',
    synonym: 'recognize',
    forms: ['base', 's3', 'past', 'pp'],
    guard: { verb: true, prevIn: set('and or'), nextIn: DISCERNED },
  },
  // The "-ing" form only with its object anywhere: "for discerning coffee lovers" is the adjective
  // (with taste), "Discerning the truth takes patience" the verb.
  { word: 'discern', pos: 'verb', synonym: 'recognize', forms: ['ger'], guard: { verb: true, nextIn: DISCERNED } },
  // What grows in amount rises, it does not intensify ("costs escalated", "escalating tuition fees").
  // Nor what is passed up to someone ("I've escalated the issue to our shipping team", "your case
  // has been escalated", "delays were not escalated until …", "incidents are escalated within one
  // hour"), nor what turns into something else ("escalated to violence", "escalate into a war").
  // Only the active with its object or its own rise: "tensions escalated" (a passive is passed up).
  {
    word: 'escalate',
    pos: 'verb',
    synonym: 'intensify',
    guard: {
      notPrevWithin: { n: 3, in: new Set([...AMOUNTS, ...ESCALATED_CASES]) },
      notNextWithin: { n: 5, in: new Set([...AMOUNTS, ...ESCALATED_CASES, 'to', 'into']) },
      prevNotIn: new Set([...BE_FORMS, 'be', 'been', 'being', 'not']),
    },
  },
];

export { DETERMINERS };

/** Sentence openers that close a text ("In conclusion,"): removing them is a closer's edit. */
const CLOSING_OPENERS = set(
  'in|conclusion to|conclude in|summary to|summarize to|summarise to|sum|up in|sum all|in|all in|essence in|a|nutshell essentially overall ultimately at|the|end|of|the|day moving|forward in|the|end',
);

/** What an entry's change addresses, for the hunk's reason: its own `why`, or what its place and alternatives tell. */
export function entryReason(e: Entry): ReasonKey {
  if (e.why) return e.why;
  if (e.at === 'sentence') {
    const head = e.src.replace(/ ,$/, '').replace(/ /g, '|');
    if (CLOSING_OPENERS.has(head)) return 'closer';
    if (/^in (?:today's|this day|the modern|our modern)/.test(e.src)) return 'opener';
    return 'transition';
  }
  if (e.at === 'clause') return 'filler';
  const all = [e.alts.plain, e.alts.standard, e.alts.formal, e.alts.casual, e.alts.academic, e.alts.concise];
  if (all.every((a) => !a || a.every((x) => x === ''))) return 'filler';
  return 'plain';
}
