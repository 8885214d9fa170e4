/** `inkproof rewrite FILE [--mode] [--strength] [--out]` and `inkproof rewrite --jsonl`. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { applyRevision, revisableRanges, type StructuredText } from '../../src-shared/blocks';
import { InkproofError } from '../../src-shared/errors';
import { DEFAULT_SETTINGS, REWRITE_MODES, type RewriteMode, type RewriteOptions } from '../../src-shared/models';
import type { RewriteOutput } from '../../src-shared/tasks';
import { exportBytes, exportFormatOf, type ExportFormat } from '../core/export';
import type { WorkerPool } from '../core/pool';
import { mapJsonl } from './jsonl';
import { analyzeText, extractFile, rewriteText, STDIN } from './pipeline';
import { describeScore } from './verdict';

export function rewriteOptions(mode: string | undefined, strength: string | undefined): RewriteOptions {
  const m = (mode ?? DEFAULT_SETTINGS.revision.mode) as RewriteMode;
  if (!REWRITE_MODES.includes(m))
    throw new InkproofError('invalid_input', `--mode must be one of ${REWRITE_MODES.join(', ')}.`);
  // Digits only: Number() would also take "0x2", " 2 " and "2e0".
  if (strength !== undefined && !/^[123]$/.test(strength))
    throw new InkproofError('invalid_input', '--strength must be 1, 2 or 3.');
  const s = strength === undefined ? DEFAULT_SETTINGS.revision.strength : Number(strength);
  return { mode: m, strength: s, scope: 'document', engine: 'rules', frozen_terms: [] };
}

/**
 * The format `--out` asks for, by its extension; an extension the export cannot write is a usage
 * error (exit code 2), found before any work is done.
 */
export function outputFormat(outFile: string): ExportFormat {
  const format = exportFormatOf(outFile);
  if (format === null) {
    throw new InkproofError(
      'invalid_input',
      `Cannot write "${path.basename(outFile)}": --out takes a .txt, .md or .docx file name (plain text, Markdown, or a Word document).`,
    );
  }
  return format;
}

/**
 * Checks where `--out` will write before any work is done (a usage error, exit code 2): its
 * folder exists, it is not itself a folder, and it is not the file being revised — writing there
 * would replace the original, which the user keeps.
 */
export async function checkOutputPath(outFile: string, inputFile: string): Promise<void> {
  const name = path.basename(outFile);
  const folder = path.dirname(path.resolve(outFile));
  const dir = await fs.stat(folder).catch(() => null);
  if (!dir?.isDirectory())
    throw new InkproofError('invalid_input', `Cannot write "${name}": the folder "${folder}" does not exist.`);
  const out = await fs.stat(outFile).catch(() => null);
  if (!out) return;
  if (out.isDirectory()) throw new InkproofError('invalid_input', `Cannot write "${outFile}": it is a folder.`);
  // "-" is stdin, not a file named "-" that the output could be.
  const input = inputFile === STDIN ? null : await fs.stat(inputFile).catch(() => null);
  if (input && input.dev === out.dev && input.ino === out.ino)
    throw new InkproofError(
      'invalid_input',
      `--out "${outFile}" is the file being revised: give another file name, so the original is kept.`,
    );
}

/** Writes the revision, with a typed error a user understands when the disk refuses. */
async function writeOutput(outFile: string, bytes: Uint8Array): Promise<void> {
  try {
    await fs.writeFile(outFile, bytes);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw new InkproofError('storage_full', `Cannot write "${outFile}": the disk is full.`);
    const why =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'permission denied' : (err as Error).message;
    throw new InkproofError('storage_unavailable', `Cannot write "${outFile}": ${why}.`);
  }
}

/**
 * Revises a file read as the app reads it (the same extraction, so a .docx, .html or .md keeps its
 * headings, lists and emphasis as blocks), writes the revision to stdout as plain text or to
 * `--out` through the app's export (a real .docx, Markdown with its structure, or plain text), and
 * reports on stderr the changes and the detector's score before and after.
 */
export async function rewriteFile(
  pool: WorkerPool,
  file: string,
  options: RewriteOptions,
  outFile: string | undefined,
): Promise<number> {
  const format = outFile ? outputFormat(outFile) : null;
  const original = await extractFile(pool, file);
  const scoreBefore = analyzeText(pool, original.text);
  const tty = process.stderr.isTTY;
  const result = await rewriteText(
    pool,
    original.text,
    options,
    revisableRanges(original.text.length, original.blocks, null),
    tty ? (p) => process.stderr.write(`\rRevising… ${p}%`) : undefined,
  );
  if (tty) process.stderr.write('\r\x1b[K');
  const revised = keepStructure(original, result);
  const [before, after] = await Promise.all([scoreBefore, analyzeText(pool, revised.text)]);
  if (outFile && format) await writeOutput(outFile, await exportBytes(format, revised));
  else process.stdout.write(revised.text.endsWith('\n') ? revised.text : revised.text + '\n');
  const d = result.diff_summary;
  process.stderr.write(
    `${result.hunks.length} ${result.hunks.length === 1 ? 'change' : 'changes'}: +${d.additions} / −${d.deletions} words, ${d.similarity}% similar${outFile ? `; written to ${outFile}` : ''}.\n` +
      `AI score: ${describeScore(before)} → ${describeScore(after)}.\n` +
      (d.note ? `${d.note}\n` : ''),
  );
  return 0;
}

/** The revision with the original's blocks carried through its changes. */
function keepStructure(original: StructuredText, result: RewriteOutput): StructuredText {
  try {
    return applyRevision(original, result.hunks, 'all');
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    // The reviser keeps paragraphs; should a change ever cross one, the text still comes out whole.
    return { text: result.text, blocks: [] };
  }
}

export async function rewriteJsonl(pool: WorkerPool, options: RewriteOptions): Promise<number> {
  const { errors } = await mapJsonl(
    process.stdin,
    process.stdout,
    async (line) => {
      const r = await rewriteText(pool, line.text as string, options, null);
      return { id: line.id, text: r.text, diff_summary: r.diff_summary };
    },
    pool.threads * 4,
  );
  // Per-line errors are answered in-band; the run itself succeeded.
  void errors;
  return 0;
}
