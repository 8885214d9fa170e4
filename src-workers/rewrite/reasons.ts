/**
 * What each edit addresses, in the words the reader sees beside a change in the diff
 * (`DiffHunk.reason`). One phrase per edit family; a hunk that holds several edits lists each.
 */
export const REASONS = {
  opener: 'stock opener removed',
  closer: 'stock closer removed',
  transition: 'stock transition cut',
  filler: 'filler cut',
  stock: 'stock phrase replaced',
  hedge: 'hedge cut',
  intensifier: 'intensifier cut',
  plain: 'plainer word',
  precise: 'more precise word',
  wordy: 'wordy phrase shortened',
  adjectives: 'stacked adjectives trimmed',
  triplet: 'formulaic triplet broken up',
  synonymPair: 'doubled synonym cut',
  notOnly: '"not only … but also" simplified',
  contrast: '"not A, but B" said straight',
  dash: 'dash made plain punctuation',
  verb: 'noun made a verb',
  active: 'passive made active',
  split: 'long sentence split',
  join: 'related sentences joined',
  reorder: 'opening varied',
  contraction: 'contraction',
  expansion: 'contraction written out',
  hedgeAdded: 'claim hedged',
  repeated: 'repeated point cut',
  reworded: 'reworded',
} as const;

export type ReasonKey = keyof typeof REASONS;
export type Reason = (typeof REASONS)[ReasonKey];

/** The reasons of edits to what the detector lists (stock phrases, over-used words). */
export const STOCK_REASONS: ReadonlySet<Reason> = new Set<Reason>([
  REASONS.opener,
  REASONS.closer,
  REASONS.transition,
  REASONS.filler,
  REASONS.stock,
  REASONS.plain,
  REASONS.precise,
]);
