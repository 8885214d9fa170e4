/** `inkproof rewrite FILE [--mode] [--strength] [--out]` and `inkproof rewrite --jsonl`. */
import fs from 'node:fs/promises';
import { InkproofError } from '../../src-shared/errors';
import { DEFAULT_SETTINGS, REWRITE_MODES, type RewriteMode, type RewriteOptions } from '../../src-shared/models';
import type { WorkerPool } from '../core/pool';
import { mapJsonl } from './jsonl';
import { extractFile, rewriteText } from './pipeline';

export function rewriteOptions(mode: string | undefined, strength: string | undefined): RewriteOptions {
  const m = (mode ?? DEFAULT_SETTINGS.revision.mode) as RewriteMode;
  if (!REWRITE_MODES.includes(m))
    throw new InkproofError('invalid_input', `--mode must be one of ${REWRITE_MODES.join(', ')}.`);
  const s = strength === undefined ? DEFAULT_SETTINGS.revision.strength : Number(strength);
  if (!Number.isInteger(s) || s < 1 || s > 3) throw new InkproofError('invalid_input', '--strength must be 1, 2 or 3.');
  return { mode: m, strength: s, scope: 'document', engine: 'rules', frozen_terms: [] };
}

export async function rewriteFile(
  pool: WorkerPool,
  file: string,
  options: RewriteOptions,
  outFile: string | undefined,
): Promise<number> {
  const { text } = await extractFile(pool, file);
  const tty = process.stderr.isTTY;
  const result = await rewriteText(
    pool,
    text,
    options,
    tty ? (p) => process.stderr.write(`\rRevising… ${p}%`) : undefined,
  );
  if (tty) process.stderr.write('\r\x1b[K');
  if (outFile) await fs.writeFile(outFile, result.text);
  else process.stdout.write(result.text.endsWith('\n') ? result.text : result.text + '\n');
  const d = result.diff_summary;
  process.stderr.write(
    `${result.hunks.length} changes: +${d.additions} / −${d.deletions} words, ${d.similarity}% similar${outFile ? `; written to ${outFile}` : ''}.\n`,
  );
  return 0;
}

export async function rewriteJsonl(pool: WorkerPool, options: RewriteOptions): Promise<number> {
  const { errors } = await mapJsonl(
    process.stdin,
    process.stdout,
    async (line) => {
      const r = await rewriteText(pool, line.text as string, options);
      return { id: line.id, text: r.text, diff_summary: r.diff_summary };
    },
    pool.threads * 4,
  );
  // Per-line errors are answered in-band; the run itself succeeded.
  void errors;
  return 0;
}
