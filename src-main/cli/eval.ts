/**
 * `inkproof eval --corpus FILE.jsonl [--json]`: scores a labelled corpus with the detector and
 * prints AUROC, TPR at 1% and 5% FPR and the false-positive rate at the default threshold,
 * overall, per domain and per generator, and the share of each verdict the app gives (`ai`,
 * `mixed`, `uncertain`, `human`, `too_short`, `unsupported_language`) per label and domain. Lines are {"id","label","domain","generator","text"};
 * a bad line is reported with its number and the command exits non-zero without a crash.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { evaluate, formatReport, type ScoredRow } from '../../src-workers/detect/evaluate';
import { MIN_SCORED_WORDS } from '../../src-shared/models';
import { DEFAULT_THRESHOLD, DETECTOR_MODEL_ID, analyzeText, detectorScore } from '../../src-workers/detect/index';

const rowSchema = z.object({
  id: z.union([z.string(), z.number()]),
  label: z.enum(['human', 'ai']),
  domain: z.string().min(1),
  generator: z.string().nullable().optional(),
  text: z.string(),
});

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 2;

export async function evalCommand(
  opts: { corpus: string; json: boolean },
  write: (line: string) => void,
): Promise<number> {
  let raw: string;
  try {
    raw = await readFile(opts.corpus, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    write(`eval: cannot read ${opts.corpus}${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}`);
    return EXIT_BAD_INPUT;
  }
  const lines = raw.split(/\r?\n/);
  const rows: (ScoredRow & { id: string | number; words: number })[] = [];
  const errors: string[] = [];
  const parsed: {
    id: string | number;
    label: 'human' | 'ai';
    domain: string;
    generator: string | null;
    text: string;
  }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      errors.push(`line ${i + 1}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const r = rowSchema.safeParse(obj);
    if (!r.success) {
      const issue = r.error.issues[0];
      errors.push(
        `line ${i + 1}: ${issue.path.length ? `field "${issue.path.join('.')}"` : 'the line'}: ${issue.message}`,
      );
      continue;
    }
    parsed.push({ ...r.data, generator: r.data.generator ?? null });
  }
  if (errors.length > 0) {
    write(
      `eval: ${opts.corpus} has ${errors.length} bad line${errors.length === 1 ? '' : 's'}; expected {"id","label":"human"|"ai","domain","generator","text"} per line`,
    );
    for (const e of errors.slice(0, 10)) write(`  ${e}`);
    if (errors.length > 10) write(`  … and ${errors.length - 10} more`);
    return EXIT_BAD_INPUT;
  }
  if (parsed.length === 0) {
    write(`eval: ${opts.corpus} has no rows`);
    return EXIT_BAD_INPUT;
  }
  for (const r of parsed) {
    // The verdict is the app's; a text it does not score still gets the model's score, so that
    // the ranking measures cover every row.
    const analysis = analyzeText(r.text);
    rows.push({
      id: r.id,
      label: r.label,
      domain: r.domain,
      generator: r.generator,
      score: analysis.ai_confidence ?? detectorScore(r.text),
      verdict: analysis.verdict,
      words: analysis.word_count,
    });
  }
  const report = evaluate(rows, DEFAULT_THRESHOLD);
  const tooShort = rows.filter((r) => r.words < MIN_SCORED_WORDS).length;
  if (opts.json) {
    write(
      JSON.stringify({
        model: DETECTOR_MODEL_ID,
        corpus: opts.corpus,
        rows: rows.length,
        rows_under_min_words: tooShort,
        ...report,
      }),
    );
  } else {
    write(
      `Detector ${DETECTOR_MODEL_ID} on ${opts.corpus}: ${rows.length} rows (${rows.filter((r) => r.label === 'human').length} human, ${rows.filter((r) => r.label === 'ai').length} AI)`,
    );
    if (tooShort > 0)
      write(
        `${tooShort} rows have fewer than ${MIN_SCORED_WORDS} words (the app reports them as too_short); the ranking measures score them all the same.`,
      );
    write('');
    for (const l of formatReport(report)) write(l);
  }
  return EXIT_OK;
}
