/** The in-process pipeline the CLI uses: read a file, extract it and analyse or revise it in the worker pool. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { InkproofError } from '../../src-shared/errors';
import { DEFAULT_SETTINGS, type AnalysisResult, type RewriteOptions, type Span } from '../../src-shared/models';
import type { AnalyzeInput, ExtractInput, ExtractOutput, RewriteInput, RewriteOutput } from '../../src-shared/tasks';
import { tooLarge } from '../core/commands/documents';
import { admitFile } from '../../src-workers/extract/admit';
import { claimedFormat } from '../../src-workers/extract/formats';
import type { WorkerPool } from '../core/pool';
import { readBounded } from './bounded';

/** The file argument that means "read the text from stdin", as Unix tools take it. */
export const STDIN = '-';
/** What stdin is read as: plain text (a .docx or PDF has to be named, so its format is known). */
const STDIN_NAME = 'stdin.txt';

export async function extractFile(
  pool: WorkerPool,
  file: string,
  maxBytes = DEFAULT_SETTINGS.limits.max_file_bytes,
): Promise<ExtractOutput> {
  if (file === STDIN) {
    const bytes = await readBounded(process.stdin, maxBytes);
    admitStdin(bytes, maxBytes);
    return pool.run<ExtractInput, ExtractOutput>('extract', { name: STDIN_NAME, bytes, max_bytes: maxBytes });
  }
  const name = path.basename(file);
  claimedFormat(name);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    throw new InkproofError('not_found', `Cannot open "${file}": the file does not exist or cannot be read.`);
  }
  if (!stat.isFile()) throw new InkproofError('invalid_input', `"${file}" is not a file.`);
  if (stat.size > maxBytes) throw tooLarge(name, stat.size, maxBytes);
  const bytes = await fs.readFile(file);
  admitFile(name, bytes, maxBytes);
  return pool.run<ExtractInput, ExtractOutput>('extract', { name, bytes, max_bytes: maxBytes });
}

export function analyzeText(pool: WorkerPool, text: string): Promise<AnalysisResult> {
  return pool.run<AnalyzeInput, AnalysisResult>('analyze', { text });
}

/** Revises `text`, only within `ranges` when given (null: all of it). */
export function rewriteText(
  pool: WorkerPool,
  text: string,
  options: RewriteOptions,
  ranges: Span[] | null,
  onProgress?: (p: number) => void,
): Promise<RewriteOutput> {
  return pool.run<RewriteInput, RewriteOutput>(
    'rewrite',
    { text, options, ranges, llm: DEFAULT_SETTINGS.llm },
    onProgress ? { onProgress: (m) => onProgress(m.progress) } : {},
  );
}

/** The file checks, with messages about stdin rather than about a file named "stdin.txt". */
function admitStdin(bytes: Buffer, maxBytes: number): void {
  try {
    admitFile(STDIN_NAME, bytes, maxBytes);
  } catch (err) {
    if (!InkproofError.is(err)) throw err;
    if (err.code === 'empty_document') throw new InkproofError(err.code, 'The text on stdin is empty.');
    throw new InkproofError(
      err.code,
      `${err.message} "-" reads plain text from stdin: give a Word or PDF document by its file name.`,
    );
  }
}
