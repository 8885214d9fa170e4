/** What the reviser carries from one unit to the next within a document. */
import type { RewriteMode } from '../../src-shared/models';
import { newPosCache, type PosCache } from './pos';
import { spellingOf, type Spelling } from './spelling';
import type { Tok } from './tokens';

/** Formal and academic prose: no contractions, no sentence opening with "But". */
export function formalMode(mode: RewriteMode): boolean {
  return mode === 'formal' || mode === 'academic';
}

/** A sentence kept so far: its stems, and its tense, read only when a later sentence needs it. */
export interface SeenSentence {
  stems: Set<string>;
  tense: () => 'past' | 'present' | null;
}

export interface ReviseState {
  mode: RewriteMode;
  strength: number;
  /** Apostrophe used for new contractions (the document's own style). */
  apostrophe: string;
  /** Occurrences so far per rule, for rotating alternatives. */
  counters: Map<string, number>;
  /** The current unit's protected spans by placeholder index (a quotation may start a sentence). */
  spans: readonly { kind: string; text: string }[];
  /** Tags of the sentence being looked at (one compromise parse per sentence, when needed). */
  pos: PosCache;
  /** Last id given to the parts of a split sentence. */
  origins: number;
  /** The whole document (for edits that look at how a word is written elsewhere in it). */
  document: string;
  /** Stems of the content words of the units revised so far (as written), for points made twice. */
  seen: Set<string>;
  /** The same stems sentence by sentence (as revised), to tell a restated point from new facts in known words. */
  sentencesSeen: SeenSentence[];
  /**
   * The first word (lower case) of the sentence before the one being revised, in the same unit
   * ('' at a unit's start): an edit does not open two sentences in a row with the same word
   * ("But some argue … But I believe …").
   */
  previousOpening: string;
  /** The sentence before the one being revised, in the same unit, as revised (empty at a unit's start). */
  previousSentence: readonly Tok[];
  /** The sentence after the one being revised, in the same unit, as written (empty at a unit's end). */
  nextSentence: readonly Tok[];
  /** The text before the current unit ends with a question (its answer may open the unit). */
  afterQuestion: boolean;
  /** The current unit is the document's first: where a chat answer's preamble stands. */
  atStart: boolean;
  /** The document is set out as instructions (a list or a heading), read when first needed (structure.ts). */
  instructions?: boolean;
  /** Stems of the words the document writes as names, read when first needed (concise.ts). */
  names?: ReadonlySet<string>;
  /** The document contracts a verb somewhere ("don't", "it's"): its register admits contractions. */
  contracts: boolean;
  /** The document's spelling, which every word an edit writes takes (spelling.ts). */
  spelling: Spelling;
}

/** A contracted negation or pronoun and verb ("don't", "it's", "we'll"); not a possessive. */
const QUOTED = /"[^"\n]*"|“[^”\n]*”/g;
const CONTRACTED = /\b(?:\w+n['’]t|(?:i|you|we|they|he|she|it|that|there|what|let)['’](?:s|re|ll|ve|d|m))\b/i;

export function newState(mode: RewriteMode, strength: number, apostrophe = "'", document = ''): ReviseState {
  return {
    mode,
    strength,
    apostrophe,
    counters: new Map(),
    spans: [],
    pos: newPosCache(),
    origins: 0,
    document,
    seen: new Set(),
    sentencesSeen: [],
    previousOpening: '',
    previousSentence: [],
    nextSentence: [],
    afterQuestion: false,
    atStart: false,
    spelling: spellingOf(document),
    // (Not in a quotation: a witness's "I didn't see anything" is the witness's register.)
    contracts: CONTRACTED.test(document.replace(QUOTED, '')),
  };
}
