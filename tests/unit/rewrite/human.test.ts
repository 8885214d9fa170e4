/**
 * Human text left alone: a whole-document revision of a text the detector judges human-written
 * changes only what the detector flags in it, says so, and never raises the detector's score; no
 * whole-document revision raises it.
 * Texts written for these tests.
 */
import { describe, expect, it } from 'vitest';
import { REWRITE_MODES, SENTENCE_READS_AS_AI } from '../../../src-shared/models';
import { analyzeText, detectorScore } from '../../../src-workers/detect/index';
import {
  asProse,
  judge,
  markedSpans,
  touches,
  withoutHeadings,
  type Judgement,
} from '../../../src-workers/rewrite/judge';
import { REASONS, STOCK_REASONS } from '../../../src-workers/rewrite/reasons';
import { paragraphs } from '../../../src-workers/text/segment';
import { keepNotRaising } from '../../../src-workers/rewrite/rules';
import { HUMAN_STORY_PARAGRAPHS, mixedText } from '../../helpers/texts';
import { AI_ARTICLE, HUMAN_STORY, opts, revise } from './helpers';

describe('a text judged human', () => {
  it('is judged human by the detector (the premise of these tests)', () => {
    expect(analyzeText(HUMAN_STORY).verdict).toBe('human');
  });

  it.each(REWRITE_MODES)(
    '%s: only the flagged words change, the revision says so, the score does not rise',
    async (mode) => {
      const out = await revise(HUMAN_STORY, opts(mode, 3));
      const flagged = markedSpans(HUMAN_STORY).sort((a, b) => a.start - b.start);
      expect(out.hunks.length).toBeGreaterThan(0);
      for (const h of out.hunks) expect(touches(flagged, h.start, h.end), h.before).toBe(true);
      // (Casual prose digs: "delved" → "dug", the "into" kept.)
      expect(out.hunks.map((h) => h.before).sort()).toEqual(
        mode === 'casual' ? ['crucial', 'delved'] : ['crucial', 'delved into'],
      );
      // Nothing else: contractions, sentence lengths and the writer's words stay.
      expect(out.text).toContain("later than we'd planned");
      expect(out.text).toContain('Nothing vital happened.');
      expect(out.diff_summary.note).toMatch(/reads as written by a person .* only what the detector flags/);
      expect(detectorScore(out.text)).toBeLessThanOrEqual(detectorScore(HUMAN_STORY));
    },
  );

  it('changes what the detector marks, not the transitions and closers people argue with, nor the wider vocabulary', async () => {
    const text = HUMAN_STORY.replace('I went in first.', 'Have you ever gone in first? I went in first.')
      .replace('We just drove home', 'We primarily drove home')
      .replace('Honestly', 'In conclusion, honestly');
    const analysis = analyzeText(text);
    expect(analysis.verdict).toBe('human');
    // The detector points at "primarily" among its over-used words; it counts the opener and the
    // closer but marks neither.
    const marked = analysis.explanations.flatMap((e) => (e.spans ?? []).map((s) => text.slice(s.start, s.end)));
    expect(marked).toContain('primarily');
    expect(marked).not.toContain('Have you ever');
    const out = await revise(text, opts('standard', 2));
    expect(out.hunks.map((h) => h.before).sort()).toEqual(['crucial', 'delved into']);
    expect(out.text).toContain('We primarily drove home');
    expect(out.text).toContain('Have you ever gone in first?');
    expect(out.text).toContain('In conclusion, honestly');
  });

  it('with nothing flagged, nothing changes, and the revision says why', async () => {
    const plain = HUMAN_STORY.replace('Nothing crucial happened. Nobody delved', 'Nothing big happened. Nobody looked');
    expect(analyzeText(plain).verdict).toBe('human');
    const out = await revise(plain, opts('formal', 3));
    expect(out.text).toBe(plain);
    expect(out.hunks).toEqual([]);
    expect(out.diff_summary.note).toMatch(/nothing in it is flagged, so nothing was changed/);
  });

  it('with no edit to make at all, the revision still says why nothing changed', async () => {
    const text =
      'So the dishwasher died on Tuesday. Not dramatically, it just stopped halfway through a cycle and sat there with an inch of grey water in the bottom, blinking a code the manual says means "contact service". The nearest service guy is forty minutes away and can\'t come until the 19th.\n\nI spent most of Wednesday evening with a bucket and a sponge and a video from a man in Ohio who has clearly taken apart a lot of dishwashers. Turns out the drain pump was jammed with a piece of broken glass. Pulled it out with pliers, put everything back, and it works. I felt unreasonably proud of myself.';
    expect(analyzeText(text).verdict).toBe('human');
    const out = await revise(text, opts('standard', 2));
    expect(out.hunks).toEqual([]);
    expect(out.diff_summary.note).toMatch(/reads as written by a person .* nothing was changed/);
  });

  it('sections the user picks are revised as asked: the judgement is for whole-document revisions', async () => {
    const out = await revise(HUMAN_STORY, { ...opts('formal', 2), scope: 'sections' }, [
      { start: 0, end: HUMAN_STORY.length },
    ]);
    expect(out.text).toContain('later than we had planned');
    expect(out.diff_summary.note).toBeUndefined();
  });
});

describe('a text judged machine-written', () => {
  it('is revised throughout, with no note', async () => {
    expect(analyzeText(AI_ARTICLE).verdict).toBe('ai');
    const out = await revise(AI_ARTICLE, opts('standard', 2));
    expect(out.hunks.length).toBeGreaterThan(15);
    expect(out.diff_summary.note).toBeUndefined();
    // Throughout: every paragraph has changes, not only what the detector flags.
    for (const p of paragraphs(AI_ARTICLE))
      expect(out.hunks.some((h) => h.start >= p.start && h.end <= p.end)).toBe(true);
    expect(detectorScore(out.text)).toBeLessThan(detectorScore(AI_ARTICLE));
  });
});

describe('a text judged mixed', () => {
  it('keeps its human passages as written and revises its AI passages, and says so', async () => {
    const text = mixedText(3);
    const analysis = analyzeText(text);
    expect(analysis.verdict).toBe('mixed');
    const aiFrom = Math.min(...analysis.critical_sections.map((s) => s.start));
    const out = await revise(text, opts('standard', 2));
    expect(out.text.slice(0, aiFrom)).toBe(text.slice(0, aiFrom));
    expect(out.hunks.length).toBeGreaterThan(0);
    for (const h of out.hunks) expect(h.start).toBeGreaterThanOrEqual(aiFrom);
    expect(out.diff_summary.note).toMatch(/partly written by a person .* only its AI passages/);
    expect(detectorScore(out.text)).toBeLessThanOrEqual(analysis.ai_confidence!);
  });
});

describe('a mixed text whose human passages hold a sentence that reads as AI-generated', () => {
  // A machine opening line before a person's story and an AI article: the line scores high, but
  // one sentence is too short for an AI passage of its own, so it sits in the human passage.
  const opening =
    "In today's fast-paced world, it is crucial to recognize that fostering meaningful connections plays a pivotal role in our well-being.";
  const text = `${opening}\n\n${mixedText(3)}`;
  const story = HUMAN_STORY_PARAGRAPHS.join('\n\n');

  it('revises that sentence, as the document view marks it, and leaves the human story as written', async () => {
    const analysis = analyzeText(asProse(text));
    expect(analysis.verdict).toBe('mixed');
    const inPassage = (i: number) => analysis.critical_sections.some((c) => c.start <= i && i < c.end);
    const first = analysis.sentences[0];
    expect(inPassage(first.start)).toBe(false);
    expect(first.score).toBeGreaterThanOrEqual(SENTENCE_READS_AS_AI);
    // The whole sentence is flagged, not only the words the detector lists in it.
    expect(judge(text).flagged).toContainEqual({ start: first.start, end: first.end });
    const out = await revise(text, opts('standard', 2));
    expect(out.text).not.toContain("In today's fast-paced world");
    expect(out.text).toContain(story);
    expect(out.diff_summary.note).toMatch(
      /only its AI passages, the sentences that read as AI-generated and the words/,
    );
  });
});

describe('a text with Markdown markup saved as plain text', () => {
  // A chat answer copied with its bold labels and bullets: the detector, shown the markers, reads
  // them as a person's punctuation; the judgement reads the prose.
  const text = [
    'Choosing between renting and buying a home depends on several key factors. Here is a breakdown to help you decide.',
    '**Financial considerations**',
    '- **Upfront costs:** Buying typically requires a substantial down payment (often 10–20%), along with closing costs.\n- **Monthly expenses:** Mortgage payments can be comparable to rent, but homeowners must also budget for property taxes, insurance, and maintenance.\n- **Long-term wealth:** Owning a home allows you to build equity over time, whereas rent payments do not contribute to ownership.',
    '**Lifestyle considerations**',
    '- **Flexibility:** Renting offers greater flexibility if you anticipate relocating for work or personal reasons.\n- **Stability:** Homeownership provides a sense of stability and the freedom to customize your living space.',
    'Ultimately, the right choice depends on your financial situation, career plans, and personal preferences. If you plan to stay in one place for at least five years, buying may be the more cost-effective option.',
  ].join('\n\n');

  it('is judged by its prose, markers blanked with the offsets kept, and revised as such', async () => {
    const prose = asProse(text);
    expect(prose).toHaveLength(text.length);
    expect(prose).not.toMatch(/\*\*|^- /m);
    expect(analyzeText(text).verdict).toBe('human');
    expect(judge(text).human).toBe(false);
    const out = await revise(text, opts('standard', 2));
    expect(out.text).not.toContain('Ultimately,');
    expect(out.text).toContain('- **Upfront costs:**');
  });
});

describe('a whole-document revision of a text with code', () => {
  it('is judged too: the code arrives as ranges left out, the scope says it is the whole document', async () => {
    const code = '\n\n    const lake = await swim(6);\n\n';
    const text = HUMAN_STORY.replace('\n\nHonestly', `${code}Honestly`);
    const at = text.indexOf(code);
    const ranges = [
      { start: 0, end: at },
      { start: at + code.length, end: text.length },
    ];
    const out = await revise(text, opts('formal', 3), ranges);
    expect(out.diff_summary.note).toMatch(/reads as written by a person .* only what the detector flags/);
    expect(out.text).toContain("later than we'd planned");
    expect(out.text).toContain(code);
  });
});

describe('a revision never raises the detector’s score', () => {
  // A hand-made change that reads as more machine-written, beside one that removes a stock phrase.
  const text = HUMAN_STORY;
  const raising = {
    start: text.indexOf('ate sandwiches'),
    end: text.indexOf('ate sandwiches') + 'ate sandwiches'.length,
    after: 'delved into a rich tapestry of sandwiches, fostering a vibrant and seamless synergy',
  };
  const stock = { start: text.indexOf('crucial'), end: text.indexOf('crucial') + 'crucial'.length, after: 'big' };
  const score = detectorScore(text);
  /** A text judged machine-written (or too short for a verdict). */
  const machine = (scored = true): Judgement => ({
    score,
    scored,
    human: false,
    mixed: false,
    uncertain: false,
    aiShare: 0,
    flagged: [],
  });

  it('keeps every change when together they do not raise it', () => {
    const out = keepNotRaising(text, [{ ...stock, reason: REASONS.plain }], machine());
    expect(out.hunks).toHaveLength(1);
    expect(out.note).toBeUndefined();
  });
  // A second raising change, of another family than the first.
  const alsoRaising = {
    start: text.indexOf('wet towels'),
    end: text.indexOf('wet towels') + 'wet towels'.length,
    after: 'a comprehensive array of pivotal, multifaceted towels',
  };
  it('leaves out the one edit family that raises it, keeping the others, and says so', () => {
    const hunks = [
      { ...raising, reason: REASONS.split },
      { ...stock, reason: REASONS.plain },
    ].sort((a, b) => a.start - b.start);
    const out = keepNotRaising(text, hunks, machine());
    expect(out.hunks.map((h) => h.after)).toEqual(['big']);
    expect(out.note).toMatch(
      /would have raised the detector's score .* the change of one kind \(“long sentence split”\) was left out: 1 change kept/,
    );
  });
  it('keeps only the edits to stock phrases when leaving out one family is not enough, and says so', () => {
    const hunks = [
      { ...raising, reason: REASONS.split },
      { ...alsoRaising, reason: REASONS.join },
      { ...stock, reason: REASONS.plain },
    ].sort((a, b) => a.start - b.start);
    const out = keepNotRaising(text, hunks, machine());
    expect(out.hunks.map((h) => h.after)).toEqual(['big']);
    expect(out.note).toMatch(/would have raised the detector's score .* only the 1 change to stock phrases/);
  });
  it('leaves out one stock-phrase family when that family alone raises it', () => {
    const hunks = [
      { ...raising, reason: REASONS.opener },
      { ...stock, reason: REASONS.plain },
    ].sort((a, b) => a.start - b.start);
    const out = keepNotRaising(text, hunks, machine());
    expect(out.hunks.map((h) => h.after)).toEqual(['big']);
    expect(out.note).toMatch(
      /only the 1 change to stock phrases .* was kept, without those of one kind \(“stock opener removed”\)/,
    );
  });
  it('picks the changes one at a time when every family holds one that raises it, and says so', () => {
    // Both families (stock openers, plainer words) hold a raising change: leaving out either
    // still raises the score, so only the change that lowers it stays.
    const hunks = [
      { ...raising, reason: REASONS.opener },
      { ...alsoRaising, reason: REASONS.plain },
      { ...stock, reason: REASONS.plain },
    ].sort((a, b) => a.start - b.start);
    const out = keepNotRaising(text, hunks, machine());
    expect(out.hunks.map((h) => h.after)).toEqual(['big']);
    expect(out.note).toMatch(
      /^All 3 changes together would have raised .*, so only the 1 change that lowers it was kept\.$/,
    );
  });
  it('keeps or leaves out a mode’s contractions together, never some of them', () => {
    // The lowering change is labelled a contraction written out, like a raising one: picked alone
    // it would leave the revision half formal.
    const hunks = [
      { ...raising, reason: REASONS.plain },
      { ...alsoRaising, reason: REASONS.expansion },
      { ...stock, reason: REASONS.expansion },
    ].sort((a, b) => a.start - b.start);
    const out = keepNotRaising(text, hunks, machine());
    expect(out.hunks).toEqual([]);
  });
  it('keeps nothing when the stock-phrase edits alone would raise it', () => {
    const out = keepNotRaising(text, [{ ...raising, reason: REASONS.plain }], machine());
    expect(out.hunks).toEqual([]);
    // One change is "the one change", not "all 1 change together".
    expect(out.note).toMatch(/^The one change would have raised the detector's score .*, so nothing was changed\.$/);
  });
  it('leaves a text too short for a score alone', () => {
    const out = keepNotRaising(text, [{ ...raising, reason: REASONS.plain }], machine(false));
    expect(out.hunks).toHaveLength(1);
  });
  it.each(REWRITE_MODES)('%s, strengths 1–3: the test article and story never score higher after', async (mode) => {
    for (const strength of [1, 2, 3])
      for (const t of [AI_ARTICLE, HUMAN_STORY]) {
        const out = await revise(t, opts(mode, strength));
        expect(detectorScore(out.text), `${mode} ${strength}`).toBeLessThanOrEqual(detectorScore(t));
      }
  });
});

describe('headings', () => {
  // A policy written for these tests, in the manner of a chat model, with numbered headings.
  const POLICY = [
    '1. Purpose',
    'This Remote Work Policy outlines the guidelines and expectations for employees of Northwind Ltd. who work remotely. It is designed to ensure that remote work arrangements are implemented in a fair, consistent, and effective manner across all departments.',
    '2. Eligibility',
    "Employees who have completed their probationary period may request to work remotely for up to three days per week. Requests must be submitted in writing to the employee's line manager, who will evaluate them based on the nature of the role, the employee's performance, and the operational needs of the team.",
    '3. Equipment and Security',
    'The Company will provide a laptop and any necessary peripherals. Employees are responsible for ensuring that their home working environment is safe and that confidential information is protected at all times.',
    '4. Review',
    "This policy will be reviewed annually by the Human Resources department to ensure it remains aligned with the Company's strategic objectives and applicable legislation.",
  ].join('\n\n');

  it('are blanked for the judgement, offsets kept; prose lines, list items and stops are not headings', () => {
    const blanked = withoutHeadings(POLICY);
    expect(blanked.length).toBe(POLICY.length);
    expect(blanked).not.toContain('1. Purpose');
    expect(blanked).toContain('This Remote Work Policy outlines');
    const kept = 'A short line that ends with a stop.\n\n- an item of a list\n\nThe last line, a heading at the end';
    expect(withoutHeadings(kept)).toBe(kept);
  });

  it('do not make a machine-written document read as human: it is revised as its prose is judged', async () => {
    // The headings alone took the detector from 77.5 % to 9.5 % on this policy's first draft; its
    // prose alone lies between the human and the AI range, and is revised sentence by sentence.
    expect(analyzeText(POLICY).verdict).toBe('human');
    expect(analyzeText(withoutHeadings(POLICY)).verdict).toBe('uncertain');
    const out = await revise(POLICY, opts('standard', 2));
    expect(out.diff_summary.note ?? '').not.toMatch(/reads as written by a person/);
    expect(out.diff_summary.note ?? '').toMatch(/below the [\d.]+ % at which the detector calls a text AI-generated/);
    expect(out.hunks.length).toBeGreaterThan(2);
    for (const heading of ['1. Purpose', '2. Eligibility', '3. Equipment and Security', '4. Review'])
      expect(out.text).toContain(heading);
  });
});

describe('a text the detector is uncertain about', () => {
  // A memo written as people write, with a few phrases the detector lists ("Furthermore", "It is
  // crucial that", "In conclusion"): its score lies between the human and the AI range.
  const MEMO = [
    'Memo: Proposal to Update the Onboarding Process',
    '',
    'To: Department Heads',
    'From: Linda Cho, HR',
    'Date: 9 February',
    '',
    'Over the past year, we have seen a significant increase in the number of new hires who leave within their first 90 days. In 2023, 14 of our 61 new employees (23%) left before the end of their probation period. In exit interviews, the most common complaint was that they "didn\'t know what was expected" or "didn\'t have anyone to ask."',
    '',
    'I would like to propose three changes.',
    '',
    'First, every new hire should be assigned a buddy from their own team for the first month. This is not a mentor; it is simply someone they can ask basic questions without feeling embarrassed. Furthermore, buddies should get a small amount of time (one hour a week) officially set aside for this.',
    '',
    "Second, managers must ensure that a written 30-60-90 day plan is ready before the employee's first day. Several exit interviews mentioned that there was no clear work assigned for the first two weeks.",
    '',
    'Third, we should utilize the existing HR system to send automatic check-in surveys at 2 weeks, 6 weeks, and 12 weeks. This costs nothing extra; the feature is already included in our license.',
    '',
    'It is crucial that we address this soon. Replacing an employee costs us, on average, about $9,000 in recruiting and training. A comprehensive onboarding process would pay for itself if it kept even two people a year.',
    '',
    "In conclusion, I'm asking for fifteen minutes at the March department heads meeting to discuss these changes. I'm happy to answer questions before then.",
    '',
    'Linda',
  ].join('\n');

  it('is judged uncertain (the premise)', () => {
    expect(analyzeText(MEMO).verdict).toBe('uncertain');
    expect(judge(MEMO).uncertain).toBe(true);
  });

  it.each(['standard', 'formal'] as const)(
    "%s: the listed stock phrases, the marked words and the mode's contractions change, the writer's other words and rhythm stay",
    async (mode) => {
      const out = await revise(MEMO, opts(mode, 2));
      const reasons = new Set(out.hunks.flatMap((h) => (h.reason ?? '').split('; ')));
      expect(out.hunks.length).toBeGreaterThan(0);
      for (const r of reasons) expect([...STOCK_REASONS, REASONS.expansion]).toContain(r);
      // Not the writer's vocabulary or sentence lengths.
      expect(out.text).toContain('a significant increase');
      // Contractions follow the mode the user asked for.
      if (mode === 'standard') expect(out.text).toContain("I'm happy to answer questions before then.");
      else expect(out.text).toContain('I am happy to answer questions before then.');
      expect(out.diff_summary.note).toMatch(/below the [\d.]+ % at which the detector calls a text AI-generated/);
      expect(detectorScore(out.text)).toBeLessThanOrEqual(detectorScore(MEMO));
    },
  );

  it('concise: the cuts concise prose makes go throughout too, and the note says so', async () => {
    // The writer asked for concise prose: a wordy phrase in a sentence that reads as human
    // ("managers must ensure that a written … plan") is cut as it would be anywhere, the writer's
    // words stay.
    const out = await revise(MEMO, opts('concise', 2));
    const reasons = out.hunks.flatMap((h) => (h.reason ?? '').split('; '));
    expect(reasons).toContain(REASONS.wordy);
    expect(out.text).toContain('managers must ensure a written 30-60-90 day plan is ready');
    expect(out.text).toContain('a significant increase');
    expect(out.diff_summary.note).toMatch(/with the cuts concise prose makes throughout/);
    expect(detectorScore(out.text)).toBeLessThanOrEqual(detectorScore(MEMO));
    const standard = await revise(MEMO, opts('standard', 2));
    expect(standard.text).toContain('managers must ensure that a written 30-60-90 day plan is ready');
  });
});
