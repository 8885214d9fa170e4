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

/** Three different paragraphs of plain first-person prose, for documents of mixed authorship. */
export const HUMAN_STORY_PARAGRAPHS = [
  'We got to the campsite after dark because Tom missed the turn twice, and by then the rain had started. ' +
    'Nobody could find the tent pegs. I held the torch while Sam swore at the poles, and the dog ran off into the ferns and came back soaked. ' +
    'We ate cold beans out of the tin. It was miserable and we laughed the whole time.',
  'In the morning the sky was clear and the lake was flat as glass. Tom tried to fish off the jetty for an hour and caught a boot. ' +
    'Sam said it was a sign. I made tea on the little stove, which took forever because the gas was nearly out, and we sat on the rocks drinking it. ' +
    'A heron stood in the reeds the whole time, not moving, like it was waiting for us to leave.',
  'On the way home the car started making a noise, a sort of rattle from underneath whenever we braked. ' +
    'We stopped at a garage near Kendal and a man in overalls lay on the ground, had a look, and told us a stone was stuck in the brake guard. ' +
    "He flicked it out with a screwdriver and wouldn't take any money. We bought him a coffee anyway.",
];

/** A document whose first half is human prose and whose second half is the AI-style paragraph. */
export function mixedText(aiParagraphs = 3): string {
  return `${HUMAN_STORY_PARAGRAPHS.join('\n\n')}\n\n${aiText(aiParagraphs)}`;
}
