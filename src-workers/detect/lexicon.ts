/**
 * Word lists the detector's features use, written for this project.
 *
 * - LIANG_WORDS: adjectives, adverbs and verbs whose frequency jumped after ChatGPT in peer
 *   reviews and papers (Liang et al. 2024, "Monitoring AI-Modified Content at Scale" and
 *   "Mapping the Increasing Use of LLMs in Scientific Papers"), plus a few of the same kind
 *   widely reported for chat models.
 * - The Kobak et al. (2024) excess-vocabulary list is NOT here: the training script reads it from
 *   the lexicon file `excess_words.csv` (MIT, berenslab/llm-excess-vocab; see docs/detector-training.md), keeps only words typed
 *   `style` (never `content` words such as disease names) and ships their 32-bit hashes in the
 *   model. Explanations show the matching words from the analysed text itself.
 * - Phrases, transitions, openers and closers typical of chat-model prose.
 * - Deliberately NOT used as signals: the connectives students are taught ("firstly",
 *   "secondly", "in conclusion", "to sum up"). In the training corpus "In conclusion" occurs
 *   only in AI texts, but real student and non-native essays use it all the time; scoring it
 *   would flag exactly the writers detectors are known to wrong (Liang et al. 2023).
 */
import { hashWord } from './tokenize';

export const LIANG_WORDS = [
  'commendable',
  'innovative',
  'meticulous',
  'meticulously',
  'intricate',
  'intricacies',
  'notable',
  'versatile',
  'noteworthy',
  'invaluable',
  'pivotal',
  'realm',
  'realms',
  'showcasing',
  'showcases',
  'showcase',
  'delve',
  'delves',
  'delving',
  'delved',
  'comprehensive',
  'adept',
  'garnered',
  'underscore',
  'underscores',
  'underscoring',
  'tapestry',
  'testament',
  'multifaceted',
  'nuanced',
  'unwavering',
  'groundbreaking',
  'seamless',
  'seamlessly',
  'vibrant',
  'bustling',
  'embark',
  'embarking',
  'navigating',
  'fostering',
  'foster',
  'fosters',
  'holistic',
  'paramount',
  'leveraging',
  'harnessing',
  'elevate',
  'elevating',
  'unleash',
  'resonate',
  'resonates',
  'captivating',
  'enchanting',
  'endeavor',
  'endeavors',
  'endeavour',
  'interplay',
  'transformative',
  'insightful',
  'encompassing',
  'encompasses',
  'bolster',
  'streamline',
  'empowering',
  'empower',
  'strategically',
  'aptly',
  'methodically',
  'lucid',
  'laudable',
  'cogent',
  'ingenious',
  'proficient',
  'adaptable',
  'indelible',
  'enigmatic',
  'unparalleled',
  'awe-inspiring',
  'ever-evolving',
  'ever-changing',
  'thought-provoking',
  'heartfelt',
  'profound',
  'evocative',
  'crucial',
  'enhancing',
  'intertwined',
  'camaraderie',
  'unyielding',
  'poignant',
  'illuminate',
  'illuminating',
  'beacon',
] as const;

/** Multi-word phrases chat models overuse (matched on consecutive words, case-insensitive). */
export const LLM_PHRASES = [
  'it is important to note',
  "it's important to note",
  'it is worth noting',
  "it's worth noting",
  'it is essential to',
  "it's essential to",
  'it is crucial to',
  "it's crucial to",
  'it is important to remember',
  'plays a crucial role',
  'play a crucial role',
  'plays a vital role',
  'play a vital role',
  'plays a pivotal role',
  'play a pivotal role',
  'plays a significant role',
  'play a significant role',
  'a crucial role',
  'a pivotal role',
  'a testament to',
  "in today's world",
  "in today's fast-paced",
  "in today's digital",
  "in today's society",
  'in the realm of',
  'delve into',
  'delves into',
  'delving into',
  'navigate the complexities',
  'the complexities of',
  'rich tapestry',
  'a myriad of',
  'a plethora of',
  'a wide range of',
  'a wide array of',
  'a diverse range of',
  'paving the way',
  'pave the way',
  'paves the way',
  'shed light on',
  'sheds light on',
  'shedding light on',
  'a deeper understanding',
  'a sense of belonging',
  'foster a sense',
  'embark on',
  'unlock the potential',
  'harness the power',
  'valuable insights',
  'the ever-changing',
  'the ever-evolving',
  'strike a balance',
  'striking a balance',
  'a delicate balance',
  'has the potential to',
  'have the potential to',
  'a profound impact',
  'a lasting impact',
  'an integral part',
  'a vital role',
  'stands as a',
  'serves as a reminder',
  'in the heart of',
  'nestled in',
  'a whirlwind of',
  'sent shivers',
  'a symphony of',
  'a beacon of',
  'navigating the',
  'overall well-being',
  'a unique blend',
  'in essence',
  'a kaleidoscope of',
  'the intricate',
] as const;

/** Sentence-initial transitions chat models lean on (not the classroom ones, see above). */
export const LLM_TRANSITIONS = [
  'additionally',
  'furthermore',
  'moreover',
  'notably',
  'importantly',
  'ultimately',
  'overall',
  'consequently',
  'subsequently',
  'interestingly',
  'conversely',
  'nevertheless',
  'nonetheless',
  'thus',
  'hence',
  'indeed',
  'in addition',
  'as a result',
  'in essence',
  'by doing so',
  'in this way',
  'as such',
] as const;

/** Openings of a text or passage typical of chat models. */
export const LLM_OPENERS = [
  'in the realm of',
  "in today's",
  'in an era',
  'in a world',
  'imagine a',
  'imagine',
  'have you ever',
  'when it comes to',
  'throughout history',
  'in recent years',
  'in the heart of',
  'nestled',
  'as the sun',
  'once upon a time',
  'in the bustling',
  'in the vast',
  'in the ever',
  'the concept of',
  'the world of',
  'the importance of',
] as const;

/**
 * Closings typical of chat models (start of one of the last two sentences). Openers and closers
 * count as phrase hits; classroom closings ("in conclusion", "all in all", "in summary", "in the
 * end") are left out on purpose.
 */
export const LLM_CLOSERS = [
  'ultimately',
  'in essence',
  'as we',
  'moving forward',
  'by embracing',
  'by understanding',
  'by fostering',
  'by prioritizing',
  'by working together',
  'together, we',
  'as technology continues',
  'as we continue',
] as const;

/** Function-word groups (the function-word profile). */
export const FUNCTION_GROUPS: Record<string, readonly string[]> = {
  article: ['the', 'a', 'an'],
  pron1sg: ['i', 'me', 'my', 'mine', 'myself', "i'm", "i've", "i'd", "i'll"],
  pron1pl: ['we', 'us', 'our', 'ours', 'ourselves', "we're", "we've", "we'll"],
  pron2: ['you', 'your', 'yours', 'yourself', "you're", "you've", "you'll", "you'd"],
  pron3: [
    'he',
    'she',
    'him',
    'her',
    'his',
    'hers',
    'they',
    'them',
    'their',
    'theirs',
    'it',
    'its',
    "it's",
    "he's",
    "she's",
    "they're",
  ],
  prep: [
    'of',
    'in',
    'on',
    'at',
    'by',
    'with',
    'from',
    'to',
    'for',
    'into',
    'about',
    'through',
    'over',
    'under',
    'between',
    'among',
  ],
  conj: ['and', 'but', 'or', 'so', 'yet', 'nor'],
  modal: [
    'can',
    'could',
    'would',
    'should',
    'may',
    'might',
    'must',
    'will',
    'shall',
    "can't",
    "couldn't",
    "wouldn't",
    "won't",
    "shouldn't",
  ],
  neg: [
    'not',
    'no',
    'never',
    'nothing',
    'nobody',
    'none',
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "haven't",
    "hasn't",
  ],
  informal: [
    'just',
    'really',
    'actually',
    'pretty',
    'maybe',
    'probably',
    'basically',
    'stuff',
    'guess',
    'yeah',
    'okay',
    'ok',
    'anyway',
    'gonna',
    'wanna',
    'kinda',
    'lol',
    'totally',
    'literally',
    'honestly',
    'like',
    'got',
    'lot',
    'thing',
    'things',
  ],
  demonstr: ['this', 'these', 'that', 'those'],
  wh: ['which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'whereas'],
};
export const FUNCTION_GROUP_NAMES = Object.keys(FUNCTION_GROUPS);

/**
 * Spellings people type and language models do not: contractions without their apostrophe,
 * chat abbreviations, common learner misspellings. Evidence of a human writer only (the
 * feature may only push towards human), so a text without any is simply not evidence.
 */
export const INFORMAL_SPELLINGS = [
  'dont',
  'cant',
  'wont',
  'im',
  'ive',
  'didnt',
  'doesnt',
  'isnt',
  'wasnt',
  'werent',
  'couldnt',
  'shouldnt',
  'wouldnt',
  'arent',
  'havent',
  'hasnt',
  'youre',
  'theyre',
  'thats',
  'whats',
  'theres',
  'u',
  'ur',
  'coz',
  'cuz',
  'idk',
  'tbh',
  'btw',
  'omg',
  'plz',
  'pls',
  'thx',
  'alot',
  'becuase',
  'beacuse',
  'untill',
  'wich',
  'thier',
] as const;

/** Subject pronouns and conjunctions for sentence-opening features. */
export const OPENER_PRONOUNS = ['i', 'we', 'you', 'he', 'she', 'they', 'it', 'my', 'our', 'his', 'her', 'their'];
export const OPENER_CONJ = ['and', 'but', 'so', 'or', 'because', 'yet'];

export interface Phrase {
  id: number;
  text: string;
  hashes: Uint32Array;
}

/** Splits a phrase into the word hashes the tokenizer would produce (punctuation ignored). */
export function phraseHashes(p: string): Uint32Array {
  const ws = p.split(/[\s,]+/).filter((w) => w.length > 0);
  return Uint32Array.from(ws.map(hashWord));
}

/** Index of phrases by their first word hash, for matching on token streams. */
export class PhraseIndex {
  readonly byFirst = new Map<number, Phrase[]>();
  readonly phrases: Phrase[] = [];
  constructor(list: readonly string[]) {
    for (const text of list) {
      const hashes = phraseHashes(text);
      const ph: Phrase = { id: this.phrases.length, text, hashes };
      this.phrases.push(ph);
      const a = this.byFirst.get(hashes[0]);
      if (a) a.push(ph);
      else this.byFirst.set(hashes[0], [ph]);
    }
    // Longest first, so "in today's fast-paced" wins over "in today's".
    for (const a of this.byFirst.values()) a.sort((x, y) => y.hashes.length - x.hashes.length);
  }
  /**
   * Longest phrase starting at word position `wi` of the word-hash array `wh` (words only,
   * punctuation removed), or null.
   */
  matchAt(wh: Uint32Array, wi: number, wn: number): Phrase | null {
    const cands = this.byFirst.get(wh[wi]);
    if (!cands) return null;
    outer: for (const ph of cands) {
      const m = ph.hashes.length;
      if (wi + m > wn) continue;
      for (let k = 1; k < m; k++) if (wh[wi + k] !== ph.hashes[k]) continue outer;
      return ph;
    }
    return null;
  }
}
