/** Closed word classes the reviser's context checks use (lower case). */
import { LIANG_WORDS } from '../detect/lexicon';

export const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** The words the detector lists as over-used by language models (Liang et al.). */
export const LISTED_WORDS: ReadonlySet<string> = new Set(LIANG_WORDS);
export const A_AN = set('a an');

export const DETERMINERS = set(
  'a an the this that these those its their our his her my your some any each every no another such either neither both all many several few much most',
);
export const POSSESSIVES = set('its their our his her my your whose');
/** "not just A": words that say A is true but not the whole of it ("not just", "not merely"). */
export const LIMITERS = set('just merely only simply');
export const MODALS = set('can could will would shall should may might must');
export const SUBJECT_PRONOUNS = set('i we you they he she it');
export const OBJECT_PRONOUNS = set('me us you them him her it one');
export const AUXILIARIES = set(
  "is are was were be been being am has have had having do does did 's 're 've 'd get gets got",
);
/** The forms of "be" (a passive's auxiliary). */
export const BE_FORMS = set('is are was were be been being am');
export const PERFECT_OR_PASSIVE = set("has have had having is are was were be been being am 's 're 've get gets got");
export const PREPOSITIONS = set(
  'of in on at by for with about against between into through during before after above below to from up down over under within without among across toward towards upon via per like than',
);
export const CONJUNCTIONS = set('and or but nor so yet');
/**
 * Words that negate what follows. After them an intensifier softens instead ("never really
 * understand", "not fully ready"): cutting it would strengthen the claim.
 */
export const NEGATORS = set(
  "not never no hardly barely cannot don't doesn't didn't isn't aren't wasn't weren't can't couldn't won't wouldn't shouldn't haven't hasn't hadn't mustn't",
);
/** Plural heads without an -s, including groups named by an adjective ("made by the powerful"). */
const PLURAL_WITHOUT_S = set(
  'people children men women police staff cattle data media feet teeth mice geese powerful rich poor wealthy elderly young weak strong privileged oppressed disabled homeless unemployed',
);
/** Singular nouns in -s. */
const SINGULAR_WITH_S = set(
  'news series species means physics mathematics economics politics process business class glass bus analysis basis crisis thesis',
);

/** A noun head read as plural by its form ("children", "rules"; not "news", "process", "campus"). */
export function looksPlural(head: string): boolean {
  return PLURAL_WITHOUT_S.has(head) || (/[^s'u]s$/.test(head) && !SINGULAR_WITH_S.has(head));
}

/** Words that negate what they stand in ("not", "nobody", "hardly"), besides any "…n't". */
export const NEGATION_WORDS = set(
  'not no never none nobody nothing nowhere neither nor cannot without hardly barely scarcely',
);

/**
 * Verbs of saying: a tail after one (", highlighting the need for reform") tells what was said,
 * not a comment on it, and "This showed …" would credit the saying instead of the words.
 */
export const SAYING_VERBS = set(
  'spoke speaks speak said says say wrote writes write argued argues argue told tells tell addressed addresses announced announces stated states explained explains testified warned warns noted notes insisted insists claimed claims urged urges declared declares remarked replied responded',
);

/** The lower-case word negates: the meaning guard counts these, and edits that would move one keep off. */
export function isNegation(key: string): boolean {
  return NEGATION_WORDS.has(key) || /n['’]t$/.test(key);
}

export const SUBORDINATORS = set(
  'if when whenever while whilst although though because since as unless whereas after before once until till whether where wherever',
);
export const RELATIVES = set('who whom whose which that where when');
export const FINITE_AUX = set(
  "is are was were am has have had do does did can could will would shall should may might must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't can't couldn't won't wouldn't shouldn't mustn't",
);

/** Words that can start an object noun phrase after a transitive verb. */
export const OBJECT_START = new Set<string>([
  ...DETERMINERS,
  ...set(
    'how what why whether that them him her us me it itself themselves himself herself ourselves new key important',
  ),
]);

/** Function words that cannot be the noun an adjective modifies (so the adjective is not attributive). */
export const NON_HEAD = new Set<string>([
  ...PREPOSITIONS,
  ...CONJUNCTIONS,
  ...SUBORDINATORS,
  ...RELATIVES,
  ...AUXILIARIES,
  ...MODALS,
  ...set('to not also too enough than then there here very so as'),
]);

/** Figurative nouns after "serves as a(n)" for which "is a(n)" keeps the meaning. */
export const FIGURATIVE_ROLES = set(
  'reminder testament example symbol catalyst source foundation bridge tool guide warning model platform means basis metaphor backdrop vehicle lens beacon cornerstone gateway springboard microcosm representation inspiration antidote outlet hub framework blueprint window mirror illustration precursor counterpoint reflection indicator sign proof stepping-stone tale lesson lessons contrast exemplar critique foil commentary study exploration vessel epitome turning resolution depiction portrayal testimony tribute embodiment',
);

export const ARGUMENT_NOUNS = set(
  'argument arguments case evidence reason reasons proof data explanation explanations rationale justification point points claim',
);
export const STORY_NOUNS = set(
  'read story stories narrative narratives tale tales novel novels book books plot plots drama mystery mysteries film films movie movies character characters protagonist performance portrayal portrayals depiction depictions beginning opening start storytelling thriller scene scenes',
);
export const COLOUR_WORDS = set(
  'color colors colour colours hue hues shade shades red blue green yellow orange purple pink paint paints image images pattern patterns tones palette',
);
export const CLOTHING = set(
  'suit suits jacket jackets shirt shirts trousers clothing clothes coat coats dress dresses uniform',
);

/**
 * Words of a study's report: in a sentence with one of them, "significant(ly)" may be the
 * statistical term ("both groups had significant improvements", "significantly reduced pain"),
 * and "major" or "greatly" would claim a size the study never measured.
 */
export const STUDY_WORDS = set(
  'study studies studied participants patients subjects respondents cohort cohorts trial trials treatment treatments treated placebo control controls measured measure compared comparison observed sample samples data dataset statistically statistical correlation correlated regression experiment experiments experimental analysis analyses results findings group groups baseline outcome outcomes survey surveyed test tested symptoms clinical drug drugs dose doses therapy',
);

/**
 * What is provided, not given: a means, a range or a service ("provides a unique way of …", "a
 * range of courses", "a habitat for"), what a thing is made of or rests on ("provides the heart
 * and soul of the story", "the foundation", "the greatest source of tension", "a major step forward"), what
 * is supplied ("provides the oxygen we breathe", "power", "food"), what is offered to choose ("a
 * more scalable solution", "options"), and the "with" of
 * "provide someone with something" ("give students with access" is no English); a story's
 * setting, which its opening sets up ("It provides a dynamic setting" gave none); and what a
 * library or a tool makes available ("provides several robust estimators", "a flexible Error type").
 */
export const PROVIDED_NOT_GIVEN = set(
  'sanctuary sanctuaries refuge haven retreat shuttle shuttles transfer transfers parking setting settings with way ways means range variety array service services framework mechanism habitat habitats environment infrastructure heart soul core backbone foundation foundations basis source sources step steps oxygen water food energy nutrients electricity fuel power solution solutions alternative alternatives option options platform platforms net nets cushion buffer tool tools interface interfaces view views journey journeys anchor type types class classes function functions method methods api apis library libraries feature features module modules component components benefit benefits estimator estimators implementation implementations wrapper wrappers abstraction abstractions endpoint endpoints command commands utility utilities helper helpers hook hooks plugin plugins check checks safeguard safeguards trail trails record records log logs',
);

/**
 * People a determiner opens ("My father, an engineer, would share his knowledge, demonstrating how
 * mechanisms worked": he did the demonstrating, which "This would show …" hands to his sharing);
 * a "he" or "she" may stand for them, an "it" may not, and an "also" put after them lands on them.
 */
export const PEOPLE = set(
  'father mother dad mom mum parent parents brother brothers sister sisters son sons daughter daughters grandfather grandmother grandma grandpa grandparents uncle aunt cousin friend friends husband wife partner boss teacher teachers coach doctor colleague colleagues neighbour neighbor man woman boy girl children kids family patient child nurse student manager employee customer client officer driver player author writer artist person worker king queen soldier pupil candidate applicant interviewer director actor actress singer musician lawyer judge witness victim suspect pilot guest host visitor stranger chef waiter waitress surgeon professor lecturer tutor mentor athlete owner tenant landlord buyer seller passenger assistant secretary president minister senator mayor governor reporter journalist editor poet baby toddler teenager grandson granddaughter niece nephew farmer',
);
