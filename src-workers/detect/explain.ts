/**
 * Turns per-feature contributions to the log-odds into a few signals a user understands, each
 * with its direction and weight, naming the evidence found in the text itself (the overused
 * words and phrases it contains) and, for the signals that rest on particular words, where they
 * stand in the text (`spans`, offsets into the text, so a UI can mark them).
 */
import type { Explanation, Span } from '../../src-shared/models';
import { F_CONTRACTION, Kind } from './tokenize';
import { FI, NF, L_KOBAK, L_LIANG, informalMarks, type Lexicon, type Prepared } from './features';
import type { LinearModel } from './model';

type F = keyof typeof FI;

interface Signal {
  id: string;
  features: F[];
  label: (ctx: Ctx, dir: 'ai' | 'human') => string;
  /** Where the words behind the signal stand in the text, for signals that rest on words. */
  spans?: (ctx: Ctx) => Span[];
}

/** At most this many spans per explanation (the first ones in the text). */
export const MAX_SPANS = 50;

function lexSpans(c: Ctx, bits: number): Span[] {
  const { p } = c;
  const out: Span[] = [];
  const wa = p.sentWordA[c.sa],
    wb = p.sentWordB[c.sb - 1];
  for (let w = wa; w < wb && out.length < MAX_SPANS; w++) {
    if (!(p.wordLex[w] & bits)) continue;
    const ti = p.wordTok[w];
    out.push({ start: p.tokens.start[ti], end: p.tokens.end[ti] });
  }
  return out;
}

function phraseSpans(c: Ctx): Span[] {
  const { p, lex } = c;
  const out: Span[] = [];
  const wa = p.sentWordA[c.sa],
    wb = p.sentWordB[c.sb - 1];
  for (let w = wa; w < wb && out.length < MAX_SPANS; w++) {
    const id = p.wordPhrase[w];
    if (!id) continue;
    const last = Math.min(wb - 1, w + lex.phrases.phrases[id - 1].hashes.length - 1);
    out.push({ start: p.tokens.start[p.wordTok[w]], end: p.tokens.end[p.wordTok[last]] });
  }
  return out;
}

function informalSpans(c: Ctx): Span[] {
  const { p } = c;
  const out: Span[] = [];
  for (let s = c.sa; s < c.sb && out.length < MAX_SPANS; s++) {
    if (!p.sentInformal[s]) continue;
    informalMarks(p.text, p.tokens, c.lex, p.sentTokA[s], p.sentTokB[s], (start, end) => {
      if (out.length < MAX_SPANS) out.push({ start, end });
    });
  }
  return out;
}

function contractionSpans(c: Ctx): Span[] {
  const { p } = c;
  const out: Span[] = [];
  const t = p.tokens;
  for (let i = p.sentTokA[c.sa]; i < p.sentTokB[c.sb - 1] && out.length < MAX_SPANS; i++)
    if (t.kind[i] === Kind.Word && t.flags[i] & F_CONTRACTION) out.push({ start: t.start[i], end: t.end[i] });
  return out;
}

interface Ctx {
  /** The feature of the signal that contributed most in the signal's direction. */
  top: F;
  p: Prepared;
  sa: number;
  sb: number;
  x: Float64Array;
  m: LinearModel;
  lex: Lexicon;
}

const fmt = (v: number, d = 2) => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(d));
const quote = (s: string) => `“${s}”`;

/**
 * Distinct words (lower-cased) of the range carrying any of the given lexicon bits, the most
 * telling first: rarest in human text (highest unigram surprisal), then most frequent here.
 */
function lexWords(c: Ctx, bits: number): { words: string[]; count: number } {
  const { p } = c;
  const wa = p.sentWordA[c.sa],
    wb = p.sentWordB[c.sb - 1];
  const seen = new Map<string, { n: number; rarity: number }>();
  let count = 0;
  for (let w = wa; w < wb; w++) {
    if (!(p.wordLex[w] & bits)) continue;
    const ti = p.wordTok[w];
    const word = p.text.slice(p.tokens.start[ti], p.tokens.end[ti]).toLowerCase().replace(/’/g, "'");
    const e = seen.get(word);
    if (e) e.n++;
    else seen.set(word, { n: 1, rarity: p.s1[ti] });
    count++;
  }
  const words = [...seen.entries()]
    .sort((a, b) => b[1].rarity - a[1].rarity || b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))
    .map((e) => e[0]);
  return { words, count };
}

function phrasesIn(c: Ctx): { phrases: string[]; count: number } {
  const { p, lex } = c;
  const wa = p.sentWordA[c.sa],
    wb = p.sentWordB[c.sb - 1];
  const counts = new Map<string, number>();
  let count = 0;
  for (let w = wa; w < wb; w++) {
    const id = p.wordPhrase[w];
    if (!id) continue;
    const text = lex.phrases.phrases[id - 1].text;
    counts.set(text, (counts.get(text) ?? 0) + 1);
    count++;
  }
  return {
    phrases: [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map((e) => e[0]),
    count,
  };
}

function transitionsIn(c: Ctx): { list: string[]; count: number } {
  const { p, lex } = c;
  const seen = new Map<string, number>();
  let count = 0;
  for (let s = c.sa; s < c.sb; s++) {
    const id = p.sentTransition[s];
    if (!id) continue;
    const t = lex.transitions.phrases[id - 1].text;
    seen.set(t, (seen.get(t) ?? 0) + 1);
    count++;
  }
  const list = [...seen.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map((e) => e[0]);
  return { list, count };
}

function listOf(items: string[], max: number, q = false): string {
  const shown = items.slice(0, max).map((s) => (q ? quote(s) : s));
  return shown.join(', ') + (items.length > max ? ', …' : '');
}

const PRED_DESC: Partial<Record<F, string>> = {
  s1_mean: 'average word rarity',
  s1_std: 'spread of word rarity',
  s2_mean: 'average bigram surprisal',
  s3_mean: 'average surprisal',
  s3_std: 'spread of surprisal',
  s3_p10: '10th-percentile surprisal',
  s3_p25: '25th-percentile surprisal',
  s3_p50: 'median surprisal',
  s3_p75: '75th-percentile surprisal',
  s3_p90: '90th-percentile surprisal',
  s3_p98: '98th-percentile surprisal',
  gain_1_3: 'gain from context',
  gain_2_3: 'gain from two words of context',
  oov_rate: 'words never seen in the human text',
  bi_seen: 'word pairs also found in the human text',
  tri_seen: 'word triples also found in the human text',
};
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const hm = (c: Ctx, f: F) => c.m.humanMedian[FI[f]];

const SIGNALS: Signal[] = [
  {
    id: 'overused_vocabulary',
    features: ['kobak_rate', 'liang_rate'],
    label: (c, dir) => {
      const { words, count } = lexWords(c, L_KOBAK | L_LIANG);
      const n = c.p.sentWordB[c.sb - 1] - c.p.sentWordA[c.sa];
      if (dir === 'ai' && words.length > 0)
        return `${count} word${count === 1 ? '' : 's'} language models overuse: ${listOf(words, 6)}`;
      return `few words language models overuse (${count} in ${n} words)`;
    },
    spans: (c) => lexSpans(c, L_KOBAK | L_LIANG),
  },
  {
    id: 'stock_phrases',
    features: ['phrase_rate'],
    label: (c, dir) => {
      const { phrases, count } = phrasesIn(c);
      if (dir === 'ai' && count > 0)
        return `${count} stock phrase${count === 1 ? '' : 's'} typical of chat models: ${listOf(phrases, 4, true)}`;
      if (dir === 'ai') return 'a formulaic opening or closing typical of chat models';
      return 'no stock phrases typical of chat models';
    },
    spans: phraseSpans,
  },
  {
    id: 'formulaic_transitions',
    features: ['transition_rate'],
    label: (c, dir) => {
      const { list, count } = transitionsIn(c);
      if (dir === 'ai' && count > 0)
        return `${count} sentence${count === 1 ? '' : 's'} open with formulaic transitions: ${listOf(list.map(cap), 4, true)}`;
      return 'few sentences open with formulaic transitions (“Additionally”, “Furthermore”)';
    },
  },
  {
    id: 'predictability',
    features: [
      's1_mean',
      's2_mean',
      's3_mean',
      's3_std',
      's3_p10',
      's3_p25',
      's3_p50',
      's3_p75',
      's3_p90',
      's3_p98',
      'gain_1_3',
      'gain_2_3',
      'oov_rate',
      's1_std',
      'bi_seen',
      'tri_seen',
    ],
    label: (c, dir) => {
      const what = PRED_DESC[c.top] ?? 'surprisal';
      const share = c.top === 'oov_rate' || c.top === 'bi_seen' || c.top === 'tri_seen';
      const unit = share ? '' : ' bits';
      const v = share ? `${fmt(100 * c.x[FI[c.top]], 1)}%` : fmt(c.x[FI[c.top]], 1) + unit;
      const h = share ? `${fmt(100 * hm(c, c.top), 1)}%` : fmt(hm(c, c.top), 1) + unit;
      return dir === 'ai'
        ? `word sequences are predictable in the way machine text is, measured against a human-text n-gram model (${what} ${v}; human median ${h})`
        : `word sequences are less predictable, as in human writing (${what} ${v}; human median ${h})`;
    },
  },
  {
    id: 'predictability_burstiness',
    features: ['sent_s3_std'],
    label: (c, dir) =>
      dir === 'ai'
        ? `predictability varies little from sentence to sentence (spread ${fmt(c.x[FI.sent_s3_std])}; human median ${fmt(hm(c, 'sent_s3_std'))})`
        : `predictability varies from sentence to sentence, as in human writing (spread ${fmt(c.x[FI.sent_s3_std])})`,
  },
  {
    id: 'sentence_rhythm',
    features: ['sent_len_mean', 'sent_len_cv', 'sent_len_diff', 'short_sent_frac', 'long_sent_frac'],
    label: (c, dir) => {
      if (c.top === 'sent_len_mean' || c.top === 'long_sent_frac' || c.top === 'short_sent_frac') {
        return dir === 'ai'
          ? `sentences of middling length: few very long or very short ones (average ${fmt(c.x[FI.sent_len_mean], 0)} words)`
          : `very long or very short sentences, as people write them (average ${fmt(c.x[FI.sent_len_mean], 0)} words)`;
      }
      return dir === 'ai'
        ? `sentence lengths unusually even (variation ${fmt(c.x[FI.sent_len_cv])}; human median ${fmt(hm(c, 'sent_len_cv'))})`
        : `sentence lengths vary, as in human writing (variation ${fmt(c.x[FI.sent_len_cv])})`;
    },
  },
  {
    id: 'vocabulary_richness',
    features: ['mattr', 'mtld', 'word_len_mean', 'long_word_frac'],
    label: (c, dir) => {
      if (c.top === 'mattr' || c.top === 'mtld') {
        return `vocabulary diversity typical of ${dir === 'ai' ? 'machine text' : 'human writing'} (${fmt(100 * c.x[FI.mattr], 0)}% distinct words per 50; human median ${fmt(100 * hm(c, 'mattr'), 0)}%)`;
      }
      return dir === 'ai'
        ? `long, formal words (average ${fmt(c.x[FI.word_len_mean], 1)} letters, ${fmt(100 * c.x[FI.long_word_frac], 0)}% of words with 9+ letters; human median ${fmt(100 * hm(c, 'long_word_frac'), 0)}%)`
        : `word length typical of human writing (average ${fmt(c.x[FI.word_len_mean], 1)} letters)`;
    },
  },
  {
    id: 'function_words',
    features: [
      'fw_article',
      'fw_pron1sg',
      'fw_pron1pl',
      'fw_pron2',
      'fw_pron3',
      'fw_prep',
      'fw_conj',
      'fw_modal',
      'fw_neg',
      'fw_informal',
      'fw_demonstr',
      'fw_wh',
    ],
    label: (_c, dir) =>
      dir === 'ai'
        ? 'function words (articles, pronouns, negations, informal words) used the way language models use them'
        : 'function words (pronouns, negations, informal words) used the way people write',
  },
  {
    id: 'punctuation',
    features: ['p_comma', 'p_semicolon_colon', 'p_excl_quest', 'p_paren', 'p_quote', 'p_dash', 'p_entropy'],
    label: (c, dir) => {
      if (c.top === 'p_comma')
        return dir === 'ai'
          ? `many commas (${fmt(100 * c.x[FI.p_comma], 1)} per 100 words)`
          : `few commas (${fmt(100 * c.x[FI.p_comma], 1)} per 100 words)`;
      return dir === 'ai'
        ? `punctuation plain and regular (variety ${fmt(c.x[FI.p_entropy])} bits; human median ${fmt(hm(c, 'p_entropy'))})`
        : `varied punctuation: dashes, brackets, quotes or exclamations (variety ${fmt(c.x[FI.p_entropy])} bits)`;
    },
  },
  {
    id: 'contractions',
    features: ['contraction_rate'],
    label: (c, dir) =>
      dir === 'ai'
        ? 'contractions used the way language models use them'
        : `uses contractions (${fmt(c.x[FI.contraction_rate], 1)} per 100 words)`,
    spans: contractionSpans,
  },
  {
    id: 'typed_by_hand',
    features: ['informal_orth'],
    label: (c, dir) =>
      dir === 'ai'
        ? 'none of the slips of typing by hand'
        : `slips of typing by hand (a lower-case "i", contractions without an apostrophe, "!!", a comma without a space): ${fmt(c.x[FI.informal_orth], 1)} per 100 words`,
    spans: informalSpans,
  },
  {
    id: 'sentence_openings',
    features: ['opener_repeat', 'opener_pronoun', 'opener_conj', 'opener_comma'],
    label: (c, dir) => {
      if (dir === 'human') return 'sentence openings varied, as in human writing';
      if (c.top === 'opener_repeat')
        return `consecutive sentences often open with the same word (${fmt(100 * c.x[FI.opener_repeat], 0)}%)`;
      return `sentence openings follow a pattern (${fmt(100 * c.x[FI.opener_comma], 0)}% start with an introductory phrase and a comma)`;
    },
  },
  {
    id: 'paragraph_uniformity',
    features: ['para_cv'],
    label: (c, dir) =>
      dir === 'ai'
        ? `paragraphs of very even length (variation ${fmt(c.x[FI.para_cv])})`
        : `paragraph lengths vary (variation ${fmt(c.x[FI.para_cv])})`,
  },
  {
    id: 'concrete_details',
    features: ['digit_rate', 'propn_rate'],
    label: (_c, dir) =>
      dir === 'ai' ? 'few concrete details (numbers, names)' : 'concrete details: numbers and names',
  },
];

const SIGNAL_OF = new Int8Array(NF).fill(-1);
SIGNALS.forEach((s, si) => s.features.forEach((f) => (SIGNAL_OF[FI[f]] = si)));

/**
 * The signals that moved a score, strongest first. `contrib` holds each feature's contribution
 * to the calibrated log-odds; signals whose total is below `minWeight` are left out.
 */
export function explain(
  p: Prepared,
  sa: number,
  sb: number,
  x: Float64Array,
  contrib: Float64Array,
  m: LinearModel,
  lex: Lexicon,
  opts: { max: number; minWeight: number; only?: 'ai' | 'human' },
): Explanation[] {
  const totals = new Float64Array(SIGNALS.length);
  for (let k = 0; k < NF; k++) if (SIGNAL_OF[k] >= 0) totals[SIGNAL_OF[k]] += contrib[k];
  const order = [...SIGNALS.keys()].sort((a, b) => Math.abs(totals[b]) - Math.abs(totals[a]) || a - b);
  const out: Explanation[] = [];
  for (const si of order) {
    const w = totals[si];
    if (Math.abs(w) < opts.minWeight) continue;
    const direction = w > 0 ? 'ai' : 'human';
    if (opts.only && direction !== opts.only) continue;
    let top = SIGNALS[si].features[0];
    for (const f of SIGNALS[si].features) if (contrib[FI[f]] * Math.sign(w) > contrib[FI[top]] * Math.sign(w)) top = f;
    const ctx: Ctx = { top, p, sa, sb, x, m, lex };
    const e: Explanation = {
      signal: SIGNALS[si].id,
      label: SIGNALS[si].label(ctx, direction),
      direction,
      weight: Math.round(w * 100) / 100,
    };
    const spans = SIGNALS[si].spans?.(ctx);
    if (spans && spans.length > 0) e.spans = spans;
    out.push(e);
    if (out.length >= opts.max) break;
  }
  return out;
}
