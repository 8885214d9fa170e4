/** Worker task: checks a sample (a selected passage or a rewrite's output) with the detector. */
import type { TaskResult, ValidateInput, ValidateOutput } from '../../src-shared/tasks';
import { analyzeText } from '../detect/index';
import { runTask } from './run-task';

export default function validate(input: ValidateInput): Promise<TaskResult<ValidateOutput>> {
  return runTask(undefined, () => analyzeText(input.text));
}
