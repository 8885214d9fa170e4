/**
 * The review experience in Chromium against `inkproof serve`: the verdict card and its wording for
 * every kind of result, the text selected from the keyboard for a passage check, the Revise dialog's
 * defaults and inline errors, the Events view's history, the library's no-matches state, each
 * account's own live channels (two accounts), axe-core with no serious or critical violation in
 * any view (light and dark), and screenshots of every view at 1440×900 and 1024×700.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { MIN_SCORED_WORDS } from '../../src-shared/constants';
import { expect, ROOT, rounded, screenshot, seriousViolations, test, waitAnalyzed, SERVER_WORK } from './fixtures';
import { AI_PARAGRAPH, HUMAN_PARAGRAPH, longText, mixedText } from './texts';

const FRENCH =
  "Je suis allé au marché samedi et, honnêtement, c'était le chaos. Ils n'avaient plus de pain à neuf heures. " +
  "Mon voisin pense que c'est la nouvelle boulangerie qui prend tous les clients, mais qui sait ? Bref, j'ai acheté des oeufs.";

test('the verdict card says what the result is, in words and a colour that agree', async ({ app: page, server }) => {
  const { documents } = await server.command('importDocuments', {
    files: [
      { name: 'mixed.txt', text: mixedText(3) },
      // Two sentences: fewer words than any minimum the detector may set.
      { name: 'short.txt', text: HUMAN_PARAGRAPH.split('. ').slice(0, 2).join('. ') },
      { name: 'french.txt', text: FRENCH },
    ],
  });
  const [mixed, short, french] = await Promise.all(documents.map((d: { id: number }) => waitAnalyzed(server, d.id)));

  await page.goto(`${server.origin}/#/documents/${mixed.id}`);
  const card = page.locator('.verdict-card');
  await expect(page.getByTestId('ai-confidence')).toHaveText(rounded(mixed.ai_confidence));
  await expect(card).toHaveClass(
    new RegExp(
      `tone-${mixed.verdict === 'human' ? 'human' : mixed.verdict === 'ai' ? 'ai' : mixed.verdict === 'mixed' ? 'mixed' : 'neutral'}`,
    ),
  );
  const n = mixed.critical_sections.length;
  await expect(page.getByTestId('verdict-summary')).toHaveText(
    `${Math.round(mixed.ai_share * 100)}% of the text reads as AI-generated, in ${n} passage${n === 1 ? '' : 's'}`,
  );
  await expect(page.getByTestId('how-to-read')).toContainText('evidence, not proof');
  // One colour for the verdict: the chip, the share bar and the probability agree (no red meter
  // under a human or uncertain verdict).
  const colours = await card.evaluate((el) => {
    const css = (sel: string, prop: 'color' | 'backgroundColor') => getComputedStyle(el.querySelector(sel)!)[prop];
    return {
      chip: css('.verdict-chip', 'color'),
      bar: css('.share-ai', 'backgroundColor'),
      number: css('[data-testid="ai-confidence"]', 'color'),
    };
  });
  expect(colours.bar).toBe(colours.chip);
  expect(colours.number).toBe(colours.chip);
  // Signals in plain words, each with a bar; no statistics jargon anywhere.
  await expect(page.getByTestId('signal').first()).toBeVisible();
  await expect(page.locator('.verdict-card')).not.toContainText(/\bbits\b|surprisal|bigram|median/);
  // The words behind the signals are marked in the text.
  await expect(page.locator('[data-testid="document-text"] mark.sig').first()).toBeVisible();
  // Hovering a sentence shows its score and its passage's reasons.
  const s0 = mixed.sentences[0];
  await page.locator('[data-testid="document-text"] .s[data-s="0"]').hover();
  await expect(page.getByTestId('sentence-tip')).toContainText(
    `Sentence 1 of ${mixed.sentences.length}: ${rounded(s0.score)} likely AI`,
  );
  // The overview strip: one mark per sentence, drawn; a click on a sentence's place brings it into focus.
  const overview = page.getByTestId('overview');
  await expect(overview).toHaveAttribute('data-marks', String(mixed.sentences.length));
  await expect(overview.locator('canvas')).toHaveAttribute('data-drawn', String(mixed.sentences.length));
  const last = mixed.sentences.length - 1;
  const { start, end } = mixed.sentences[last];
  const box = (await overview.boundingBox())!;
  await overview.click({ position: { x: box.width / 2, y: ((start + end) / 2 / mixed.text.length) * box.height } });
  await expect(page.locator(`[data-testid="document-text"] .s[data-s="${last}"]`)).toBeFocused();
  // Passages and text are linked both ways. The essay ends with plain paragraphs: its last
  // sentence is in no passage.
  const passage = [...mixed.critical_sections].sort((a, b) => a.start - b.start)[0];
  const firstIn = mixed.sentences.findIndex((x: { end: number }) => x.end > passage.start);
  expect(start).toBeGreaterThanOrEqual(passage.end);
  const passage1 = page.getByTestId('critical-sections').locator('li[data-section="1"]');
  const sentence = (i: number) => page.locator(`[data-testid="document-text"] .s[data-s="${i}"]`);
  await expect(passage1).not.toHaveAttribute('aria-current', 'true');
  // From the sidebar to the text: the passage's first sentence is brought into view and focused.
  await page.getByRole('button', { name: 'Show passage 1' }).click();
  await expect(sentence(firstIn)).toBeFocused();
  await expect(passage1).toHaveAttribute('aria-current', 'true');
  // From the text to the sidebar: a sentence chosen in the text marks the passage it is in, or none.
  await sentence(last).click();
  await expect(passage1).not.toHaveAttribute('aria-current', 'true');
  await sentence(firstIn).click();
  await expect(passage1).toHaveAttribute('aria-current', 'true');

  // The keyboard selects sentences for "Check selected passage", whose hint counts words.
  await page.getByRole('region', { name: 'Document text' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('selection-hint')).toContainText(
    new RegExp(`Selected: \\d+ words? — at least ${MIN_SCORED_WORDS} are needed`),
  );
  await expect(page.getByRole('button', { name: 'Check selected passage' })).toBeDisabled();
  for (let i = 0; i < 12; i++) await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('selection-hint')).toContainText(/Selected: \d+ words\. Choose/);
  await page.getByRole('button', { name: 'Check selected passage' }).click();
  await expect(page.getByTestId('sample').first()).toContainText(/likely AI|no score/, SERVER_WORK);

  await page.goto(`${server.origin}/#/documents/${short.id}`);
  await expect(page.getByTestId('verdict')).toContainText('Too short');
  await expect(page.getByTestId('verdict-why')).toContainText(`at least ${MIN_SCORED_WORDS} words`);
  // Revising is not the primary action here.
  await expect(page.getByRole('button', { name: 'Revise anyway…' })).not.toHaveClass(/primary/);
  await expect(page.getByTestId('note')).toHaveCount(1);
  await expect(page.getByTestId('signal')).toHaveCount(0);

  await page.goto(`${server.origin}/#/documents/${french.id}`);
  expect(french.verdict).toBe('unsupported_language');
  await expect(page.getByTestId('verdict')).toContainText('Not English');
  await expect(page.getByTestId('verdict-summary')).toHaveText('This text seems to be in French');
  await expect(page.getByTestId('verdict-why')).toContainText('English text only');
});

test('the Revise dialog defaults to the whole document without critical sections and shows errors in itself', async ({
  app: page,
  server,
}) => {
  const { documents } = await server.command('importDocuments', {
    files: [{ name: 'human.txt', text: Array.from({ length: 6 }, () => HUMAN_PARAGRAPH).join('\n\n') }],
  });
  const doc = await waitAnalyzed(server, documents[0].id);
  await page.goto(`${server.origin}/#/documents/${doc.id}`);
  await page.getByRole('button', { name: /^Revise/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Revise document' });
  // The conversational text has no critical section: "critical sections only" cannot be the default.
  expect(doc.critical_sections).toEqual([]);
  await expect(dialog.getByRole('combobox', { name: 'What to revise' })).toHaveValue('document');
  await expect(dialog.locator('option[value="sections"]')).toBeDisabled();
  await expect(dialog.getByTestId('engine-hint')).toContainText('Runs on this computer');
  // An error of the server is shown inside the dialog, not as a toast behind it.
  await page.route('**/api/commands/rewriteDocument', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({ error: { code: 'invalid_input', message: 'The reviser is busy.' } }),
    }),
  );
  await dialog.getByRole('button', { name: 'Start revision' }).click();
  await expect(dialog.getByTestId('revise-error')).toHaveText('The reviser is busy.');
  await expect(page.locator('.toast')).toHaveCount(0);
});

test('the Events view loads its recent history; the library says when nothing matches; toasts stay at three', async ({
  app: page,
  server,
}) => {
  const { documents } = await server.command('importDocuments', {
    files: Array.from({ length: 5 }, (_, i) => ({ name: `burst-${i}.txt`, text: `${AI_PARAGRAPH} ${i}` })),
  });
  await Promise.all(documents.map((d: { id: number }) => waitAnalyzed(server, d.id)));
  // A fresh window: the events happened before it opened.
  await page.reload();
  await page.getByRole('link', { name: 'Events', exact: true }).click();
  await expect(page.getByTestId('event-log').locator('tr[data-event="document.analyzed"]').first()).toBeVisible();
  expect(await page.getByTestId('event-log').locator('tbody tr').count()).toBeGreaterThan(5);

  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('no-such-document');
  await expect(page.getByTestId('no-matches')).toContainText('No document matches “no-such-document”');
  await page.getByRole('button', { name: 'Clear the search and filters' }).click();
  await expect(page.getByTestId('no-matches')).toHaveCount(0);

  await page.locator('#file-input').setInputFiles(
    Array.from({ length: 5 }, (_, i) => ({
      name: `bad-${i}.exe`,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ'),
    })),
  );
  await expect(page.locator('.toast').first()).toBeVisible();
  expect(await page.locator('.toast').count()).toBeLessThanOrEqual(3);
  // Every notification is kept in the activity list.
  await page.getByTestId('activity-button').click();
  await expect(page.getByTestId('activity-list').locator('li[data-kind="error"]')).toHaveCount(5);
});

test("each account follows its own library: live updates reach each account's own window, and no other", async ({
  browser,
  server,
}) => {
  const dataArgs = ['--data', server.dataDir];
  const tokenOf = (name: string) =>
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'bin', 'inkproof.mjs'), 'user', 'add', name, '--token', ...dataArgs],
      {
        encoding: 'utf8',
        env: { ...process.env, INKPROOF_LOG_LEVEL: 'warn' },
      },
    ).trim();
  const windows: Page[] = [];
  for (const name of ['alice', 'bob']) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${server.origin}/?token=${tokenOf(name)}`);
    await expect(page.locator('[data-connection]')).toHaveAttribute('data-connection', 'live');
    windows.push(page);
  }
  const [alice, bob] = windows;
  expect(new URL(bob.url()).searchParams.get('token')).toBeNull(); // the token left the address bar (cookie from now on)
  // A third account's window, open throughout: it must see neither import.
  const ctx2 = await browser.newContext();
  const carol = await ctx2.newPage();
  await carol.goto(`${server.origin}/?token=${tokenOf('carol')}`);
  await expect(carol.locator('[data-connection]')).toHaveAttribute('data-connection', 'live');
  // Each imports through their own window; each analysis arrives live in that window only (their
  // own library channel, not user 1's), with no reload.
  for (const [page, name] of [
    [bob, 'bobs-essay.txt'],
    [alice, 'alices-report.txt'],
  ] as const) {
    await page
      .locator('#file-input')
      .setInputFiles([{ name, mimeType: 'text/plain', buffer: Buffer.from(mixedText(2, name)) }]);
    await expect(page.getByRole('grid', { name: 'Documents' })).toContainText(name);
  }
  for (const [page, name] of [
    [bob, 'bobs-essay.txt'],
    [alice, 'alices-report.txt'],
  ] as const)
    await expect(page.getByRole('row').filter({ hasText: name }).getByTestId('score')).toContainText(
      'AI text',
      SERVER_WORK,
    );
  await expect(alice.getByRole('main')).not.toContainText('bobs-essay.txt');
  await expect(bob.getByRole('main')).not.toContainText('alices-report.txt');
  await expect(carol.getByRole('main')).not.toContainText(/bobs-essay|alices-report/);
  for (const p of [...windows, carol]) await p.context().close();
});

const VIEWS = ['library', 'document', 'revision', 'version', 'queue', 'events', 'settings'] as const;

test('axe-core finds no serious or critical violation in any view, light and dark; screenshots at two sizes', async ({
  app: page,
  server,
}) => {
  test.setTimeout(240_000);
  const { documents } = await server.command('importDocuments', {
    files: [{ name: 'review.md', text: `# A report\n\n${longText(6)}` }],
  });
  const doc = await waitAnalyzed(server, documents[0].id);
  const { rewrite } = await server.command('rewriteDocument', { id: doc.id, options: { scope: 'document' } });
  await expect
    .poll(async () => (await server.command('getRewrite', { id: rewrite.id })).status, SERVER_WORK)
    .toBe('completed');
  const detail = await server.command('getRewrite', { id: rewrite.id });
  await server.command('applyRewrite', {
    id: rewrite.id,
    accepted_hunks: detail.hunks.slice(0, 3).map((h: { id: number }) => h.id),
  });
  await waitAnalyzed(server, doc.id);
  const routes: Record<(typeof VIEWS)[number], string> = {
    library: '/',
    document: `/documents/${doc.id}`,
    revision: `/rewrites/${rewrite.id}`,
    version: `/documents/${doc.id}/versions/2?compare=1`,
    queue: '/queue',
    events: '/events',
    settings: '/settings',
  };
  const problems: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const view of VIEWS) {
      for (const [w, h] of [
        [1440, 900],
        [1024, 700],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        await page.goto(`${server.origin}/#${routes[view]}`);
        await expect(page.locator('[data-connection]')).toHaveAttribute('data-connection', 'live');
        await expect(page.locator('.spinner:not(.small)')).toHaveCount(0, { timeout: 15_000 });
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await screenshot(page, `${view}-${theme}-${w}x${h}`);
      }
      for (const v of await seriousViolations(page)) problems.push(`${view} (${theme}): ${v}`);
    }
  }
  expect(problems).toEqual([]);
});

/** WCAG contrast ratio of two CSS colours as the browser computes them ("rgb(r, g, b)"). */
function contrast(fg: string, bg: string): number {
  const lum = (css: string) => {
    const [r, g, b] = css
      .match(/[\d.]+/g)!
      .slice(0, 3)
      .map((v) => {
        const c = Number(v) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

test('buttons keep their text readable on hover (at least 4.5:1), light and dark', async ({ app: page }) => {
  const buttons = [
    page.getByRole('button', { name: 'Choose files…' }),
    page.getByRole('button', { name: /Descending order/ }),
  ];
  await expect(buttons[0]).toHaveClass(/primary/);
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const button of buttons) {
      const idle = await button.evaluate((el) => getComputedStyle(el).backgroundColor);
      await button.hover();
      // The hover colour is in place (no transition on buttons), then measured.
      await expect.poll(() => button.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(idle);
      const { color, background } = await button.evaluate((el) => ({
        color: getComputedStyle(el).color,
        background: getComputedStyle(el).backgroundColor,
      }));
      expect(contrast(color, background), `${theme}: ${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
      await page.mouse.move(0, 0);
    }
  }
});
