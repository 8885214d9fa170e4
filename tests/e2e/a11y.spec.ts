/**
 * Accessibility: the whole flow with the keyboard only (every control reachable with Tab, the
 * shortcuts), the ARIA roles and names of each view (no unnamed control anywhere), the settings
 * and the dark theme. Each view is screenshotted into test-results/screens.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, rounded, screenshot, test, waitAnalyzed, SERVER_WORK } from './fixtures';
import { longText, mixedText } from './texts';

/** Presses Tab until `target` has the focus: proves it is reachable by keyboard. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} was not reached with ${max} presses of Tab`);
}

/** Every interactive element in the snapshot has a name. */
async function expectAllNamed(page: Page): Promise<void> {
  const snapshot = await page.locator('body').ariaSnapshot();
  const unnamed = snapshot
    .split('\n')
    .filter((line) =>
      /^\s*- (button|link|textbox|searchbox|combobox|checkbox|radio|tab|spinbutton|slider|switch|menuitem|progressbar|grid|table|dialog|tablist|tabpanel)(\s*\[[^\]]*\])*:?\s*$/.test(
        line,
      ),
    );
  expect(unnamed, `unnamed controls:\n${snapshot}`).toEqual([]);
}

async function expectChrome(page: Page, title: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('contentinfo', { name: 'Status bar' }).getByRole('status')).toContainText('Live');
  await expectAllNamed(page);
}

test('keyboard only: import, open, revise, review and apply, and move between views', async ({ app: page, server }) => {
  const { documents } = await server.command('importDocuments', {
    files: [{ name: 'keyboard.txt', text: longText(6) }],
  });
  const doc = await waitAnalyzed(server, documents[0].id);

  // The first Tab reaches the skip link, which moves the focus to the content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();

  // Shortcuts move between views and put the focus on the view's title.
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeFocused();
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeFocused();
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeFocused();
  // …and so do the navigation links, reached with Tab.
  await tabTo(page, page.getByRole('link', { name: 'Queue', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeFocused();
  // The job tabs follow the arrow keys.
  await tabTo(page, page.getByRole('tab', { selected: true }));
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Processing/ })).toBeFocused();
  await expect(page.getByRole('tab', { name: /Processing/ })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: /All/ })).toHaveAttribute('aria-selected', 'true');

  // The library: search with "/", then the grid with the arrow keys and Enter.
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Library' })).toBeFocused();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search documents' })).toBeFocused();
  await page.keyboard.type('keyboard');
  const grid = page.getByRole('grid', { name: 'Documents' });
  await tabTo(page, grid);
  await expect(grid).toHaveAttribute('aria-activedescendant', `doc-row-${doc.id}`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'keyboard.txt' })).toBeFocused();

  // The file picker is one shortcut away (its dialog cannot be driven here; the chooser opening is the proof).
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Control+o');
  await (
    await chooser
  ).setFiles({ name: 'typed.txt', mimeType: 'text/plain', buffer: Buffer.from(mixedText(1, 'typed')) });
  await expect(grid.getByRole('row').filter({ hasText: 'typed.txt' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'keyboard.txt' })).toBeVisible();

  // "r" opens the revision dialog; everything in it works with the keyboard.
  await page.keyboard.press('r');
  const dialog = page.getByRole('dialog', { name: 'Revise document' });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole('combobox', { name: 'What to revise' }));
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('combobox', { name: 'What to revise' })).toHaveValue('document');
  await tabTo(page, dialog.getByRole('button', { name: 'Start revision' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/rewrites\/\d+$/);
  await expect(page.getByTestId('rewrite-status')).toHaveText('Completed', SERVER_WORK);
  await expect(page.getByTestId('tracked-changes')).toBeVisible();

  // j/k move between changes, y/n accept and reject the current one, a accepts all.
  const changes = page.getByTestId('tracked-changes').locator('.chg');
  await page.keyboard.press('j');
  const first = changes.first();
  await expect(first).toBeFocused();
  await page.keyboard.press('y');
  await expect(first).toHaveAttribute('data-decision', 'accepted');
  await page.keyboard.press('j');
  await page.keyboard.press('n');
  await expect(changes.nth(1)).toHaveAttribute('data-decision', 'rejected');
  await page.keyboard.press('k');
  await expect(first).toBeFocused();
  await page.keyboard.press('a');
  await expect(page.getByTestId('decision-count')).toContainText(/^(\d+) of \1 accepted/);
  // The change card's buttons are reachable with Tab, and Space presses them.
  await tabTo(page, page.getByTestId('change-card').getByRole('button', { name: 'Reject' }));
  await page.keyboard.press('Space');
  await expect(first).toHaveAttribute('data-decision', 'rejected');
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(new RegExp(`#/documents/${doc.id}$`));
  await expect.poll(async () => (await server.command('getDocument', { id: doc.id })).version).toBe(2);

  // The shortcuts dialog opens with "?" and closes with Escape.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();
  // Delete asks first; Escape keeps the document.
  await page.keyboard.press('Delete');
  await expect(page.getByRole('dialog', { name: 'Delete document?' })).toBeVisible();
  await expect(
    page.getByRole('dialog', { name: 'Delete document?' }).getByRole('button', { name: 'Cancel' }),
  ).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Delete document?' })).toBeHidden();
});

test('ARIA roles and names on every view, and a screenshot of each', async ({ app: page, server }) => {
  const { documents } = await server.command('importDocuments', { files: [{ name: 'aria.txt', text: longText(6) }] });
  const doc = await waitAnalyzed(server, documents[0].id);

  await expectChrome(page, 'Library');
  await expect(page.getByRole('button', { name: 'Choose files…' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search documents' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Search and sort documents' })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Documents' });
  await expect(grid.getByRole('columnheader')).toHaveText(['Name', 'Verdict', 'AI in the text', 'Words', /Imported/]);
  await expect(grid.getByRole('row').filter({ hasText: 'aria.txt' }).getByRole('gridcell')).toHaveCount(5);
  await expect(page.getByRole('link', { name: 'Library', exact: true })).toHaveAttribute('aria-current', 'page');

  await grid.getByRole('link', { name: 'aria.txt' }).click();
  await expectChrome(page, 'aria.txt');
  await expect(page.getByRole('toolbar', { name: 'Document actions' }).getByRole('button')).toHaveText([
    'Revise…',
    'Check selected passage',
    'Export',
    'Analyze again',
    'Delete…',
  ]);
  await expect(page.getByRole('combobox', { name: 'Export format' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Result' })).toContainText(rounded(doc.ai_confidence));
  await expect(
    page.getByRole('region', { name: 'Passages that read as AI' }).getByRole('button', { name: 'Show passage 1' }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'What the score rests on' }).getByRole('listitem').first(),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Document text' })).toBeVisible();

  // A selected passage can be checked, and the result arrives by sample.validated.
  // Select the whole text (a passage too short to judge would be reported as such).
  await page.getByTestId('document-text').evaluate((el) => {
    const spans = el.querySelectorAll('[data-start]');
    const last = spans[spans.length - 1].firstChild!;
    const range = document.createRange();
    range.setStart(spans[0].firstChild!, 0);
    range.setEnd(last, last.textContent!.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await page.getByRole('button', { name: 'Check selected passage' }).click();
  await expect(page.getByRole('region', { name: 'Checked passages' }).getByTestId('sample')).toContainText(
    /Selected passage \(\d+ words\) (<1|>99|\d{1,2})% likely AI/,
  );

  await page.getByRole('button', { name: 'Revise…' }).click();
  await expect(page.getByRole('dialog', { name: 'Revise document' })).toBeVisible();
  await expectAllNamed(page);
  await page.getByRole('dialog').getByRole('combobox', { name: 'What to revise' }).selectOption('document');
  await page.getByRole('dialog').getByRole('button', { name: 'Start revision' }).click();
  await expect(page.getByTestId('rewrite-status')).toHaveText('Completed', SERVER_WORK);
  await expectChrome(page, /^Revision #\d+ of aria\.txt$/);
  await expect(page.getByRole('status').filter({ hasText: 'Revision complete' })).toHaveCount(1);
  await expect(page.getByRole('toolbar', { name: 'Revision actions' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'The text with its changes' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Section 1' }).getByRole('button').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Probability of AI' })).toContainText('Before');

  await page.keyboard.press('Alt+2');
  await expectChrome(page, 'Queue');
  await expect(page.getByRole('region', { name: 'Queue totals' })).toBeVisible();
  await expect(page.getByRole('tablist', { name: 'Job states' }).getByRole('tab')).toHaveCount(5);
  await expect(page.getByRole('tabpanel')).toBeVisible();
  await page.getByRole('tab', { name: /Completed/ }).click();
  await expect(
    page
      .getByRole('table', { name: /Completed jobs/ })
      .getByRole('progressbar')
      .first(),
  ).toHaveAttribute('aria-valuenow', '100');

  await page.keyboard.press('Alt+3');
  await expectChrome(page, 'Events');
  await expect(page.getByRole('toolbar', { name: 'Filter the event log' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Pause/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('table', { name: 'Events, newest first' })).toBeVisible();

  await page.keyboard.press('Alt+4');
  await expectChrome(page, 'Settings');
  for (const name of ['Style', 'Strength', 'What to revise', 'Reviser', 'API'])
    await expect(page.getByRole('combobox', { name })).toBeVisible();
  for (const name of ['Address', 'Model']) await expect(page.getByRole('textbox', { name })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio')).toHaveCount(3);
  await screenshot(page, 'settings');
});

test('settings are saved on the server; the theme follows the system or the choice', async ({ app: page, server }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.keyboard.press('Alt+4');
  await page.getByRole('combobox', { name: 'Style' }).selectOption('formal');
  await page.getByRole('textbox', { name: /never change/ }).fill('Inkproof\nOpenAI');
  await page.getByRole('textbox', { name: 'Model' }).fill('llama3.1:8b');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Settings saved.' })).toBeVisible();
  const saved = await server.command('getSettings', {});
  expect(saved.revision.mode).toBe('formal');
  expect(saved.frozen_terms).toEqual(['Inkproof', 'OpenAI']);
  expect(saved.llm.model).toBe('llama3.1:8b');

  // Following the system: dark here.
  const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(await page.evaluate(() => document.documentElement.dataset.theme ?? 'system')).toBe('system');
  expect(await bg()).toBe('rgb(20, 23, 28)');
  await screenshot(page, 'settings-dark');
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await bg()).toBe('rgb(246, 247, 249)');
  await expect.poll(async () => (await server.command('getSettings', {})).theme).toBe('light');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await bg()).toBe('rgb(20, 23, 28)');
  await page.keyboard.press('Alt+1');
  await screenshot(page, 'library-dark');
  await page.keyboard.press('Alt+4');
  await page.getByRole('radio', { name: 'Follow the system' }).check();
  await expect.poll(async () => (await server.command('getSettings', {})).theme).toBe('system');
  // A wrong value is refused with the field's message.
  await page.getByRole('spinbutton', { name: 'Time-out (seconds)' }).fill('5000');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Settings not saved' })).toBeVisible();
  await expect(page.locator('#err-llm-timeout_seconds')).toBeVisible();
  expect((await server.command('getSettings', {})).llm.timeout_seconds).not.toBe(5000);
});
