/**
 * Worker task: revises a text (rules, or a local model), reporting progress and finished sections
 * over the transferred port; a cancel request on the port aborts it (and a local model's request).
 */
import type { RewriteInput, RewriteOutput, TaskResult } from '../../src-shared/tasks';
import { rewriteText } from '../rewrite/index';
import { runTask } from './run-task';

export default function rewrite(input: RewriteInput): Promise<TaskResult<RewriteOutput>> {
  const { port: _port, ...request } = input;
  return runTask(input.port, (progress, signal) => rewriteText(request, progress, signal));
}
