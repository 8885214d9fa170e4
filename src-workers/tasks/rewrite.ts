/** Worker task: revises a text (rules, or a local model), reporting progress over the transferred port. */
import type { RewriteInput, RewriteOutput, TaskResult } from '../../src-shared/tasks';
import { rewriteText } from '../rewrite/index';
import { runTask } from './run-task';

export default function rewrite(input: RewriteInput): Promise<TaskResult<RewriteOutput>> {
  const { port: _port, ...request } = input;
  return runTask(input.port, (progress) => rewriteText(request, progress));
}
