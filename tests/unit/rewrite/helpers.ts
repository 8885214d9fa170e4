/** Fixtures written for these tests (not taken from any corpus) and small helpers. */
import type { RewriteMode, RewriteOptions } from '../../../src-shared/models';
import type { ProgressMessage, RewriteOutput } from '../../../src-shared/tasks';
import { rewriteText } from '../../../src-workers/rewrite/index';

export const AI_ESSAY = `In today's fast-paced world, technology plays a crucial role in how we learn. Furthermore, it is important to note that schools leverage innovative platforms to foster collaboration among students, and teachers have showcased impressive results in many classrooms.

Moreover, this shift is a testament to the dedication of educators. They delve into the intricate details of each lesson, and they utilize data to tailor instruction to every learner. It is not easy. It takes time.

Additionally, the pivotal question remains whether these tools will bolster learning in the long run; many experts believe they will, but the evidence is still emerging. In conclusion, we must navigate the complexities of this new landscape with care and embrace change.`;

export const FACTS = `According to Smith et al. (2020), revenue rose 12.5% to $3.5 million on January 5, 2021 (Lee & Kim, 2019) [3]. See https://example.org/report_(final).pdf or write to press@example.org; the DOI is 10.1234/abc.567. The CEO said "we will utilize every crucial resource" and moved on. Run \`npm run build\` before 10:30.`;

/** A personal account a person might write (the detector judges it human-written), with two words it flags. */
export const HUMAN_STORY = `We got to the lake around six, later than we'd planned, because Dad insisted on stopping twice for coffee and once for a map he never opened. The water was flat and grey. My sister said it looked like a parking lot, which wasn't fair, but I knew what she meant.

I went in first. It was cold enough that I yelled, and a man fishing off the dock laughed at me and then pretended he hadn't. We swam out to the raft, sat there shivering, and argued about whether the cloud over the hills was going to turn into rain. It did, about ten minutes later, so we swam back fast and ate sandwiches in the car with the heater on.

Honestly it was one of the better days that summer. Nothing crucial happened. Nobody delved into anything. We just drove home with wet towels on the seats and the radio too loud.`;

/** Machine-like prose of about 230 words: stock openers, framing, over-used words, passives, even sentence lengths. */
export const AI_ARTICLE = `In today's fast-paced digital world, public libraries play a crucial role in shaping how communities learn. It is important to note that libraries are no longer just quiet rooms full of books. Furthermore, they have become vibrant and dynamic hubs that foster a sense of belonging among residents.

Many libraries now offer a comprehensive range of services. Free courses are provided by trained volunteers, and new digital tools are regularly showcased to visitors. These programs not only improve digital skills but also help people find work. Moreover, the libraries leverage partnerships with local schools to reach families who might otherwise struggle to access these resources.

It is essential to recognize that these changes did not happen overnight. Library staff have had to navigate the complexities of shrinking budgets while meeting rising demand. The staff are skilled. They are also deeply committed to their work. By embracing new technology, they have managed to keep their doors open and their shelves full.

In conclusion, the modern library serves as a testament to the resilience of public institutions. It continues to evolve, and it remains an integral part of community life. Ultimately, libraries have the potential to bridge the gap between those who have access to technology and those who do not, paving the way for a more inclusive society.`;

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
