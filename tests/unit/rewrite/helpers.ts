/** Fixtures written for these tests (not taken from any corpus) and small helpers. */
import type { RewriteMode, RewriteOptions } from '../../../src-shared/models';
import type { ProgressMessage, RewriteOutput } from '../../../src-shared/tasks';
import { rewriteText } from '../../../src-workers/rewrite/index';

export const AI_ESSAY = `In today's fast-paced world, technology plays a crucial role in how we learn. Furthermore, it is important to note that schools leverage innovative platforms to foster collaboration among students, and teachers have showcased impressive results in many classrooms.

Moreover, this shift is a testament to the dedication of educators. They delve into the intricate details of each lesson, and they utilize data to tailor instruction to every learner. It is not easy. It takes time.

Additionally, the pivotal question remains whether these tools will bolster learning in the long run; many experts believe they will, but the evidence is still emerging. In conclusion, we must navigate the complexities of this new landscape with care and embrace change.`;

export const FACTS = `According to Smith et al. (2020), revenue rose 12.5% to $3.5 million on January 5, 2021 (Lee & Kim, 2019) [3]. See https://example.org/report_(final).pdf or write to press@example.org; the DOI is 10.1234/abc.567. The CEO said "we will utilize every crucial resource" and moved on. Run \`npm run build\` before 10:30.`;

export function opts(mode: RewriteMode = 'standard', strength = 2, frozen: string[] = []): RewriteOptions {
  return { mode, strength, scope: 'document', engine: 'rules', frozen_terms: frozen };
}

export async function revise(
  text: string,
  o: RewriteOptions = opts(),
  ranges: { start: number; end: number }[] | null = null,
): Promise<RewriteOutput & { progress: ProgressMessage[] }> {
  const progress: ProgressMessage[] = [];
  const out = await rewriteText({ text, options: o, ranges, llm: null }, (p) => progress.push(p));
  return { ...out, progress };
}

export { seededRandom as rng } from '../../../scripts/lib/random';

export function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}
