/**
 * Terms of art whose words look like the stock words the table plainly replaces, but which name
 * one thing in their field: a legal test ("compelling interest", "narrowly tailored"), a clinical
 * grade ("profound hearing loss"), a kind of memory ("iconic memory"), a product made without a
 * seam ("seamless steel pipe"), a registration trial ("pivotal trial"). A plainer word would state
 * another thing ("strong interest" is no test a court applies), so they are protected like the
 * terms a text defines with an abbreviation.
 */
import type { ProtectedSpan } from './protect';

const OWNERS = "(?:(?:his|her|their|its|the|your|our|one's|plaintiff's|claimant's)\\s+)?";

/** One pattern per term; words may be separated by any run of spaces. */
const PATTERNS: readonly string[] = [
  // Law.
  'compelling\\s+(?:state\\s+|government(?:al)?\\s+|public\\s+)?interests?',
  'narrowly\\s+tailored',
  '(?:heightened|strict|intermediate)\\s+scrutiny',
  `mitigat(?:e|es|ed|ing|ion\\s+of)\\s+${OWNERS}(?:damages|loss|losses)`,
  '(?:enduring|lasting)\\s+powers?\\s+of\\s+attorney',
  // Medicine and psychology.
  'profound(?:ly)?\\s+(?:bilateral\\s+|sensorineural\\s+|congenital\\s+)*(?:hearing\\s+loss|deaf(?:ness)?|intellectual\\s+disabilit(?:y|ies)|learning\\s+disabilit(?:y|ies))',
  'mild\\s+to\\s+profound',
  'moderate\\s+to\\s+profound',
  'severe\\s+to\\s+profound',
  '(?:iconic|echoic|haptic)\\s+memory',
  // A "pivotal study" may only be an important one; a pivotal trial, or a phase's study, registers a drug.
  'pivotal\\s+(?:(?:phase\\s+(?:[1-4]|I{1,3}|IV)|clinical|registration|efficacy)\\s+)?trials?',
  'pivotal\\s+(?:phase\\s+(?:[1-4]|I{1,3}|IV)|clinical|registration|efficacy)\\s+stud(?:y|ies)',
  'primary\\s+(?:end\\s?points?|outcomes?|analys[ie]s|tests?|care|prevention|tumou?rs?|school(?:s|ing)?|suites?|bedrooms?)',
  // Things made without a seam.
  'seamless\\s+(?:steel\\s+|stainless\\s+|copper\\s+|knit\\s+)?(?:pipes?|pipelines?|tubes?|tubing|leggings|tights|bras?|underwear|garments?|knitwear|construction|gutters?)',
];

const FIELD_TERMS = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${PATTERNS.join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');
/** A labelled exhibit ("Exhibit A"): its capitals are the label, so the case must match. */
const EXHIBIT = /(?<![\p{L}\p{N}_-])Exhibits?\s+[A-Z](?![\p{L}\p{N}_-])/gu;

/** Adds every term of art in `text` to `out` as a protected term. */
export function findFieldTerms(text: string, out: ProtectedSpan[]): void {
  for (const re of [FIELD_TERMS, EXHIBIT]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null)
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'term', text: m[0] });
  }
}
