/** Worker task: scores a text for AI generation. */
import type { AnalyzeInput, AnalyzeOutput, TaskResult } from '../../src-shared/tasks';
import { analyzeText } from '../detect/index';
import { runTask } from './run-task';

export default function analyze(input: AnalyzeInput): Promise<TaskResult<AnalyzeOutput>> {
  return runTask(undefined, () => analyzeText(input.text));
}
