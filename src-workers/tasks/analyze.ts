/** Worker task: scores a text for AI generation. */
import type { AnalyzeInput, AnalyzeOutput, TaskResult } from '../../src-shared/tasks';
import { analyzeHeuristic } from '../detect/heuristic';
import { runTask } from './run-task';

export default function analyze(input: AnalyzeInput): Promise<TaskResult<AnalyzeOutput>> {
  return runTask(undefined, () => analyzeHeuristic(input.text));
}
