/**
 * Texts written for the tests: one stuffed with phrasing language models overuse, one plainly
 * conversational. Nothing here comes from any corpus.
 */
export const AI_STYLE_PARAGRAPH =
  "In today's fast-paced world, it is important to note that technology plays a crucial role in shaping how we learn. " +
  'Furthermore, digital tools foster a comprehensive understanding of the intricate tapestry of modern education. ' +
  'Moreover, educators must delve into the multifaceted realm of online collaboration to unlock its full potential. ' +
  'Additionally, this transformation serves as a testament to our ever-evolving landscape, underscoring the pivotal importance of adaptability. ';

export const HUMAN_STYLE_PARAGRAPH =
  "I went down to the market on Saturday and, honestly, it was chaos. They'd run out of bread by nine. " +
  "My neighbour reckons it's the new bakery up the road pinching all the customers, but who knows? Anyway, I got eggs. " +
  "We'll see what happens next week when the van comes, if it ever does. The kids didn't care; they wanted pancakes, " +
  'and pancakes need eggs, flour and milk, which we had. ';

export function aiText(paragraphs = 4): string {
  return Array.from({ length: paragraphs }, () => AI_STYLE_PARAGRAPH.trim()).join('\n\n');
}

export function humanText(paragraphs = 4): string {
  return Array.from({ length: paragraphs }, () => HUMAN_STYLE_PARAGRAPH.trim()).join('\n\n');
}

/** A document whose first half is the conversational paragraph and whose second half is the AI-style one. */
export function mixedText(paragraphs = 3): string {
  return `${humanText(paragraphs)}\n\n${aiText(paragraphs)}`;
}
