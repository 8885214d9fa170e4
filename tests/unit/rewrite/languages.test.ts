/** The rules are English: text in another language is left as written, and the note says so. */
import { describe, expect, it } from 'vitest';
import { readsAsEnglish } from '../../../src-workers/rewrite/english';
import { AI_ARTICLE, opts, revise } from './helpers';

const FRENCH =
  "Il est important de noter que la technologie joue un rôle crucial dans nos vies. De plus, les organisations doivent tirer parti de stratégies robustes et complètes pour l'avenir.";
const GERMAN =
  'Es ist wichtig zu beachten, dass die Technologie eine entscheidende Rolle spielt. Darüber hinaus müssen Unternehmen umfassende Strategien nutzen, die robust sind.';

describe('text in another language', () => {
  it('is told from English prose, English keyword lines and short lines', () => {
    expect(readsAsEnglish(FRENCH)).toBe(false);
    expect(readsAsEnglish(GERMAN)).toBe(false);
    expect(
      readsAsEnglish(
        'Det är viktigt att notera att tekniken spelar en avgörande roll i våra liv och att den inte kan ignoreras.',
      ),
    ).toBe(false);
    expect(readsAsEnglish(AI_ARTICLE)).toBe(true);
    expect(readsAsEnglish('Key findings: revenue growth, market share, customer retention, robust pipeline.')).toBe(
      true,
    );
    expect(readsAsEnglish('As Smith et al. (2020) note, the data are robust.')).toBe(true);
    expect(readsAsEnglish('Le Monde')).toBe(true);
  });

  it.each(['standard', 'casual', 'concise'] as const)(
    'is left as written in %s mode, and the note says so',
    async (mode) => {
      for (const text of [FRENCH, GERMAN]) {
        const out = await revise(text, opts(mode, 3));
        expect(out.text).toBe(text);
        expect(out.hunks).toEqual([]);
        expect(out.diff_summary.note).toMatch(/One passage is not in English and was left as written/);
      }
    },
  );

  it('leaves a German paragraph of an English document untouched while the English is revised', async () => {
    const text = `${AI_ARTICLE}\n\n${GERMAN}\n\n${FRENCH}`;
    const out = await revise(text, opts('standard', 2));
    expect(out.hunks.length).toBeGreaterThan(3);
    expect(out.text.endsWith(`\n\n${GERMAN}\n\n${FRENCH}`)).toBe(true);
    expect(out.hunks.every((h) => h.end <= AI_ARTICLE.length)).toBe(true);
    expect(out.diff_summary.note).toMatch(/2 passages are not in English and were left as written/);
  });
});
