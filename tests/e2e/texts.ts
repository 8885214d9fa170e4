/** Texts written for the UI tests: one full of phrasing language models overuse, one plainly conversational. */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

export const AI_PARAGRAPH =
  "In today's fast-paced world, it is important to note that technology plays a crucial role in shaping how we learn. " +
  'Furthermore, digital tools foster a comprehensive understanding of the intricate tapestry of modern education. ' +
  'Moreover, educators must delve into the multifaceted realm of online collaboration to unlock its full potential. ' +
  'Additionally, this transformation serves as a testament to our ever-evolving landscape, underscoring the pivotal importance of adaptability.';

export const HUMAN_PARAGRAPH =
  "I went down to the market on Saturday and, honestly, it was chaos. They'd run out of bread by nine. " +
  "My neighbour reckons it's the new bakery up the road pinching all the customers, but who knows? Anyway, I got eggs. " +
  "We'll see what happens next week when the van comes, if it ever does. The kids didn't care; they wanted pancakes.";

/**
 * A mixed essay: `rounds` chatbot-style paragraphs in one run, then as many plain ones (the detector
 * finds a passage in a run of flagged paragraphs; single ones between plain ones it scores as a whole).
 */
export function mixedText(rounds = 3, tag = ''): string {
  const ai = Array.from({ length: rounds }, (_, i) => `${AI_PARAGRAPH}${tag ? ` (${tag} ${i + 1})` : ''}`);
  return [...ai, ...Array.from({ length: rounds }, () => HUMAN_PARAGRAPH)].join('\n\n');
}

/** A longer text whose revision takes a while and reports progress. */
export function longText(paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, i) =>
    i % 3 === 2 ? HUMAN_PARAGRAPH : `${AI_PARAGRAPH} Point ${i + 1}.`,
  ).join('\n\n');
}

/** A Word document; `{ heading, text }` paragraphs get Word's heading styles. */
export async function docxBuffer(paragraphs: (string | { heading: 1 | 2; text: string })[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: paragraphs.map((p) =>
          typeof p === 'string'
            ? new Paragraph({ children: [new TextRun(p)] })
            : new Paragraph({
                text: p.text,
                heading: p.heading === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
              }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
