/** Worker task: revises a text, reporting progress over the transferred port. */
import type { RewriteInput, RewriteOutput, TaskResult } from '../../src-shared/tasks';
import { rewriteV1 } from '../rewrite/table-reviser';
import { runTask } from './run-task';

export default function rewrite(input: RewriteInput): Promise<TaskResult<RewriteOutput>> {
  return runTask(input.port, (progress) => rewriteV1(input.text, input.options, input.ranges, progress));
}
