/** Worker task: turns an imported file's bytes into plain text. */
import { InkproofError } from '../../src-shared/errors';
import type { ExtractInput, ExtractOutput, TaskResult } from '../../src-shared/tasks';
import { countWords } from '../text/segment';
import { runTask } from './run-task';

export default function extract(input: ExtractInput): Promise<TaskResult<ExtractOutput>> {
  return runTask(undefined, () => {
    const ext = input.name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
    if (ext !== 'txt' && ext !== 'md') throw new InkproofError('unsupported_format', `Inkproof cannot read .${ext || '(no extension)'} files yet; use .txt or .md.`);
    if (input.bytes.byteLength > input.max_bytes) throw new InkproofError('too_large', 'This file is larger than the import limit.');
    if (input.bytes.includes(0)) throw new InkproofError('binary_content', 'This file contains binary data, not text.');
    const text = new TextDecoder('utf-8').decode(input.bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    if (text.trim() === '') throw new InkproofError('empty_document', 'This file is empty.');
    return { text, format: ext, word_count: countWords(text) };
  });
}
