import { describe, expect, it } from 'vitest';
import { applyHunks } from '../../../src-shared/hunks';
import { AI_ESSAY, FACTS, opts, revise } from './helpers';

const CONTRACTION = /\b(?:[A-Za-z]+n['’]t|(?:I|you|we|they|he|she|it|that|there|what|who)['’](?:s|re|ve|ll|d|m))\b/i;

describe('table swaps keep grammar', () => {
  it.each([
    ['We utilize data.', 'We use data.'],
    ['She utilizes data.', 'She uses data.'],
    ['They utilized data.', 'They used data.'],
    ['By utilizing data, we win.', 'By using data, we win.'],
    ['The results were showcased at the fair.', 'The results were shown at the fair.'],
    ['The team has showcased its work.', 'The team has shown its work.'],
    ['The firm leverages its data.', 'The firm uses its data.'],
    ['This plays a pivotal role.', 'This plays a central part.'],
    ['It is a crucial step.', 'It is a key step.'],
    ['This is an intricate design.', 'This is an elaborate design.'],
    ['Mind the intricate details.', 'Mind the fine details.'],
    ['The essay delves into the past.', 'The essay explores the past.'],
    ['Utilize the tool.', 'Use the tool.'],
    ['This is a testament to her skill.', 'This shows her skill.'],
    ['The realms of science are vast.', 'The worlds of science are vast.'],
    ['Due to the fact that it rained, we stayed.', 'Because it rained, we stayed.'],
    ['Rain plays a key role in farming.', 'Rain plays a key part in farming.'],
    ['The key role of rain is clear.', 'The key role of rain is clear.'],
    ['Her novel is a careful exploration of grief.', 'Her novel is a careful study of grief.'],
    ['The exploration of Mars goes on.', 'The exploration of Mars goes on.'],
    ['The letter revealed the truth.', 'The letter disclosed the truth.'],
    ['It was a revealing look.', 'It was a revealing look.'],
    ['Complex numbers are useful.', 'Complex numbers are useful.'],
    ['The plot is complex.', 'The plot is complicated.'],
  ])('%s', async (input, expected) => {
    expect((await revise(input, opts('standard', 2))).text).toBe(expected);
  });

  it('leaves nouns that look like table verbs alone', async () => {
    for (const s of [
      'The leverage of the lever is high.',
      'She drew an underscore here.',
      'We visited the showcase.',
      'He placed a harness on the horse.',
      'The children are in foster care.',
    ]) {
      expect((await revise(s, opts('standard', 3))).text).toBe(s);
    }
  });

  it('does not touch capitalised words inside a sentence (names, titles)', async () => {
    const s = 'We read Crucial Conversations by the Pivotal Group.';
    expect((await revise(s, opts('standard', 3))).text).toBe(s);
  });

  it('fixes a/an after a swap', async () => {
    expect((await revise('It was an unwavering promise.', opts('standard', 2))).text).toBe('It was a firm promise.');
    expect((await revise('It was a daunting experience.', opts('standard', 2))).text).toBe(
      'It was an intimidating experience.',
    );
  });
});

describe('openers, closers and framing phrases', () => {
  it('removes formulaic openers and capitalises what follows', async () => {
    const out = await revise(
      'In conclusion, the plan works. It is important to note that the cost is low.',
      opts('standard', 1),
    );
    expect(out.text).toBe('The plan works. The cost is low.');
  });
  it('"In today\'s fast-paced world," becomes "Today,"', async () => {
    expect((await revise("In today's fast-paced world, people are busy.", opts('standard', 1))).text).toBe(
      'Today, people are busy.',
    );
  });
  it('removes a framing phrase after a clause start', async () => {
    expect((await revise('However, it is worth noting that the cost is low.', opts('formal', 1))).text).toBe(
      'However, the cost is low.',
    );
  });
  it('does not leave a sentence starting with a lower-case quotation', async () => {
    const s = 'In conclusion, "less is more" is wise.';
    expect((await revise(s, opts('standard', 1))).text).toBe(s);
  });
});

describe('modes', () => {
  it('formal: no contractions at any strength, and existing ones are expanded', async () => {
    for (const strength of [1, 2, 3]) {
      const out = await revise(
        `${AI_ESSAY}\n\nWe don't know. It's clear they're right, and I'm sure it won't fail.`,
        opts('formal', strength),
      );
      expect(out.text).not.toMatch(CONTRACTION);
    }
    const out = await revise("We don't know. It's clear. They can't stop. It's been long.", opts('formal', 1));
    expect(out.text).toBe('We do not know. It is clear. They cannot stop. It has been long.');
  });
  it('formal: no sentence starts with "But"', async () => {
    expect((await revise('It works. But the cost is high.', opts('formal', 2))).text).toBe(
      'It works. However, the cost is high.',
    );
  });
  it("contractions are casual prose (and, for negations, concise prose that contracts already); standard prose keeps the writer's choice", async () => {
    const s = 'We do not know if it is ready.';
    for (const strength of [1, 2, 3]) expect((await revise(s, opts('standard', strength))).text).toBe(s);
    // Concise prose keeps a register that never contracts (a policy, an essay) …
    expect((await revise(s, opts('concise', 2))).text).toBe(s);
    // … and contracts negations in one that does.
    expect((await revise(`It's late. ${s}`, opts('concise', 2))).text).toBe("It's late. We don't know if it is ready.");
    expect((await revise(s, opts('casual', 2))).text).toBe("We don't know if it's ready.");
  });
  it("contractions follow the document's apostrophe style", async () => {
    expect((await revise('It isn’t done and we do not know.', opts('casual', 2))).text).toBe(
      'It isn’t done and we don’t know.',
    );
  });
  it('no contraction at the end of a clause ("as it is.")', async () => {
    expect((await revise('Leave it as it is.', opts('casual', 3))).text).toBe('Leave it as it is.');
  });
  it('casual: "However," becomes "But"', async () => {
    expect((await revise('It works. However, the cost is high.', opts('casual', 2))).text).toBe(
      'It works. But the cost is high.',
    );
  });
  it('no two sentences in a row opened with the same new word ("But … But …")', async () => {
    expect(
      (
        await revise(
          'On the other hand, some argue that it costs time. However, I am sure the benefits win.',
          opts('standard', 2),
        )
      ).text,
    ).toBe('But some argue that it costs time. Yet I am sure the benefits win.');
    // "However," said again and again turns to "Yet" every second time, not "But" each time.
    expect(
      (
        await revise(
          'The plan worked. However, costs rose. The team met. However, nobody agreed. The city voted. However, the mayor refused.',
          opts('standard', 2),
        )
      ).text,
    ).toBe('The plan worked. But costs rose. The team met. Yet nobody agreed. The city voted. But the mayor refused.');
    // "Despite" stays the writer's: "in spite of" is no plainer, only longer.
    expect(
      (
        await revise(
          'Despite the rain, we walked. Despite the cold, we swam. Despite the wind, we sailed.',
          opts('standard', 2),
        )
      ).text,
    ).toBe('Despite the rain, we walked. Despite the cold, we swam. Despite the wind, we sailed.');
    expect(
      (
        await revise(
          'This improves our understanding of stars. It also deepens our understanding of planets. Finally, it shapes our understanding of dust.',
          opts('standard', 2),
        )
      ).text,
    ).toBe(
      'This improves our grasp of stars. It also deepens our understanding of planets. Finally, it shapes our grasp of dust.',
    );
    // A stock opening the detector lists goes all the same: no "Imagine" survives.
    expect(
      (await revise('Imagine this: the power is out. Imagine a week without light.', opts('standard', 2))).text,
    ).not.toMatch(/Imagine/);
    // Nor when "however" stands inside the next sentence.
    expect((await revise('However, it rained. The match, however, went ahead.', opts('standard', 2))).text).toBe(
      'But it rained. The match, however, went ahead.',
    );
  });
  it('concise: wordy phrases shrink; only sentences on one subject are joined', async () => {
    const out = await revise(
      'We left early in order to rest. The majority of people agreed. It works. It is fast.',
      opts('concise', 2),
    );
    expect(out.text).toBe('We left early to rest. Most people agreed. It works and is fast.');
  });
  it('concise makes texts shorter than the original', async () => {
    const out = await revise(AI_ESSAY, opts('concise', 3));
    expect(out.text.length).toBeLessThan(AI_ESSAY.length);
  });
});

describe('sentence rhythm', () => {
  const long =
    'The committee reviewed every proposal that arrived during the spring and summer months with great care, and they decided to fund only the projects with a clear plan for the coming year.';
  it('splits a long compound sentence at ", and" between independent clauses (strength 2+)', async () => {
    expect((await revise(long, opts('standard', 1))).text).toBe(long);
    expect((await revise(long, opts('standard', 2))).text).toBe(
      'The committee reviewed every proposal that arrived during the spring and summer months with great care. They decided to fund only the projects with a clear plan for the coming year.',
    );
  });
  it('does not split where the second clause may belong to a that-clause', async () => {
    const s =
      'Most of the reviewers on the panel said that the budget was far too small for the work, and the plan had no clear schedule.';
    expect((await revise(s, opts('standard', 3))).text).toBe(s);
  });
  it('does not split a list ("red, green, and the blue one")', async () => {
    const s =
      'The painter mixed the colours for the large mural on the wall with red, green, and the blue pigment was added last.';
    expect((await revise(s, opts('standard', 3))).text).toBe(s);
  });
  it('does not split a compound object ("X, and the people who were there")', async () => {
    const s =
      'We thanked the volunteers from the town hall and the library for their help, and the people who were there at the start of the long day.';
    expect((await revise(s, opts('standard', 3))).text).toBe(s);
  });
  it('splits at ", but" / ", yet" with the conjunction kept', async () => {
    const s = 'The old library on the hill had very few visitors this year, yet it stayed open every day of the week.';
    expect((await revise(s, opts('standard', 2))).text).toBe(
      'The old library on the hill had very few visitors this year. Yet it stayed open every day of the week.',
    );
  });
  it('splits at a single semicolon', async () => {
    const s =
      'The new bridge opened to traffic after four long years of work on the river crossing; it carries thousands of cars every single day.';
    expect((await revise(s, opts('formal', 2))).text).toBe(
      'The new bridge opened to traffic after four long years of work on the river crossing. It carries thousands of cars every single day.',
    );
  });
  it('joins short neighbours only when they share a subject', async () => {
    expect((await revise('The app is fast. It uses little memory.', opts('standard', 2))).text).toBe(
      'The app is fast and uses little memory.',
    );
    for (const mode of ['standard', 'formal', 'concise'] as const) {
      expect((await revise('It rained. The roads flooded.', opts(mode, 3))).text).toBe('It rained. The roads flooded.');
      expect((await revise('It rained. Paris flooded.', opts(mode, 3))).text).toBe('It rained. Paris flooded.');
    }
  });
});

describe('strength', () => {
  it('higher strength changes more (monotone on the fixture, every mode)', async () => {
    for (const mode of ['standard', 'formal', 'casual', 'concise'] as const) {
      const changed = [];
      for (const s of [1, 2, 3]) {
        const o = await revise(AI_ESSAY, opts(mode, s));
        changed.push(o.diff_summary.additions + o.diff_summary.deletions);
      }
      expect(changed[0]).toBeGreaterThan(0);
      expect(changed[1]).toBeGreaterThanOrEqual(changed[0]);
      expect(changed[2]).toBeGreaterThanOrEqual(changed[1]);
      expect(changed[2]).toBeGreaterThan(changed[0]);
    }
  });
});

describe('frozen terms', () => {
  it('are never touched', async () => {
    const text = 'Furthermore, our crucial pivot is a testament to the Crucial Widget team, and we utilize it daily.';
    const out = await revise(text, opts('casual', 3, ['crucial', 'utilize', 'testament']));
    expect(out.text).toContain('crucial pivot');
    expect(out.text).toContain('utilize it');
    expect(out.text).toContain('testament');
    expect(out.text).toContain('Crucial Widget');
    expect(out.text).not.toMatch(/^Furthermore/);
  });
  it('a frozen phrase blocks a phrase rule running through it', async () => {
    const out = await revise('It is important to note that prices rose.', opts('standard', 3, ['important to note']));
    expect(out.text).toContain('important to note');
  });
});

describe('determinism', () => {
  it('same input and options give the same output', async () => {
    for (const mode of ['standard', 'formal', 'casual', 'concise'] as const) {
      const a = await revise(AI_ESSAY + '\n\n' + FACTS, opts(mode, 3));
      const b = await revise(AI_ESSAY + '\n\n' + FACTS, opts(mode, 3));
      expect(b.text).toBe(a.text);
      expect(b.hunks).toEqual(a.hunks);
    }
  });
  it('alternatives rotate through the document, deterministically', async () => {
    const out = await revise('It was meticulous. It was meticulous. It was meticulous.', opts('standard', 1));
    expect(out.text).toBe('It was careful. It was painstaking. It was careful.');
  });
});

describe('hunks from a revision', () => {
  it('reapply exactly: all → the revision, none → the original, any subset is consistent', async () => {
    for (const mode of ['standard', 'formal', 'casual', 'concise'] as const) {
      const text = AI_ESSAY + '\n\n' + FACTS;
      const out = await revise(text, opts(mode, 3));
      expect(out.hunks.length).toBeGreaterThan(0);
      expect(applyHunks(text, out.hunks, 'all')).toBe(out.text);
      expect(applyHunks(text, out.hunks, [])).toBe(text);
      out.hunks.forEach((h, i) => {
        expect(h.id).toBe(i);
        expect(text.slice(h.start, h.end)).toBe(h.before);
        if (i > 0) expect(h.start).toBeGreaterThanOrEqual(out.hunks[i - 1].end);
      });
      const odd = out.hunks.filter((h) => h.id % 2 === 1).map((h) => h.id);
      const partial = applyHunks(text, out.hunks, odd);
      expect(partial).not.toBe(text);
      // Accepting the rest afterwards gives the full revision.
      expect(applyHunks(text, out.hunks, [...odd, ...out.hunks.filter((h) => h.id % 2 === 0).map((h) => h.id)])).toBe(
        out.text,
      );
    }
  });
  it('groups adjacent word changes into one hunk', async () => {
    const out = await revise('This is a testament to her skill.', opts('standard', 1));
    expect(out.hunks).toEqual([
      { id: 0, start: 5, end: 22, before: 'is a testament to', after: 'shows', reason: 'stock phrase replaced' },
    ]);
  });
  it('an edit whose pieces stand or fall together is one hunk, however far apart its words', async () => {
    // Accepting half would leave no sentence: "Many people who believe …", "There are many people think …".
    for (const [text, before, after] of [
      [
        'There are many people who believe that sleep is optional.',
        'There are many people who believe',
        'Many people think',
      ],
      [
        'Fortunately, there are several simple strategies that can help.',
        'there are several simple strategies that ',
        'several simple strategies ',
      ],
      ['Additionally, the rules can help new staff.', 'Additionally, the rules can ', 'The rules can also '],
    ]) {
      const out = await revise(text);
      expect(out.hunks.map((h) => [h.before, h.after])).toEqual([[before, after]]);
    }
  });
  it('a piece the word diff split from its edit goes with it (no hunk without a reason)', async () => {
    // The diff pairs "the" with "the": "On" → "But" and "other hand, the" cut would be two halves.
    for (const text of [
      'The two nations raced each other.  On the other hand, the rival team, despite its costs, kept going.',
      'The club met every week. It is important to note that honesty is a complex and multifaceted value that people hold.',
    ]) {
      const out = await revise(text);
      expect(out.hunks.filter((h) => h.reason === 'reworded')).toEqual([]);
    }
  });
  it('summary counts words and gives similarity with one decimal', async () => {
    const out = await revise('We utilize data.', opts('standard', 1));
    expect(out.diff_summary).toEqual({ additions: 1, deletions: 1, similarity: 66.7 });
    const same = await revise('Nothing to change here.', opts('standard', 1));
    expect(same.diff_summary).toEqual({
      additions: 0,
      deletions: 0,
      similarity: 100,
      note: expect.stringMatching(/^The rules found nothing to change in this text at this strength/),
    });
    expect(same.hunks).toEqual([]);
  });

  it('says why nothing changed: nothing to revise, or every change would have altered the meaning', async () => {
    const plain =
      'My favourite season is autumn. I like long walks through the leaves, warm sweaters and hot cider by the fire in the evening.';
    const none = await revise(plain, opts('standard', 2));
    expect(none.text).toBe(plain);
    expect(none.diff_summary.note).toMatch(/nothing to change .* so it is left as written\.$/);
    // A capitalised "Important" reads as a name, which "plays an important part" would drop.
    const text = 'Our coach always says that practice plays an Important role in winning.';
    const withheld = await revise(text, opts('standard', 2));
    expect(withheld.text).toBe(text);
    expect(withheld.diff_summary.note).toBe(
      'The one change the rules found would have altered what the text says (a number, a name, a negation or a claim), so it is left as written.',
    );
  });
});
