/**
 * Versions and finished revisions in Chromium against `inkproof serve`: any version of a document
 * can be read, compared with another and exported as it was; opening a revision that finished
 * before the window opened shows it without a "ready" toast; a revision that changed nothing says
 * why instead of showing an empty review.
 */
import { expect, screenshot, test, waitAnalyzed, waitIdle, SERVER_WORK } from './fixtures';
import { HUMAN_PARAGRAPH, longText } from './texts';

/** Runs a revision on the server to its end and returns its detail. */
async function revised(server: { command: (name: string, input: unknown) => Promise<any> }, id: number) {
  // The options in full: the server's defaults are settings another test may have changed.
  const options = { scope: 'document', mode: 'standard', strength: 2, engine: 'rules' };
  const { rewrite } = await server.command('rewriteDocument', { id, options });
  await expect
    .poll(async () => (await server.command('getRewrite', { id: rewrite.id })).status, SERVER_WORK)
    .toBe('completed');
  return server.command('getRewrite', { id: rewrite.id });
}

test('any version can be read, compared and exported; an old revision opens without a toast', async ({
  app: page,
  server,
}) => {
  const original = longText(6);
  const { documents } = await server.command('importDocuments', { files: [{ name: 'versions.txt', text: original }] });
  const doc = await waitAnalyzed(server, documents[0].id);
  const detail = await revised(server, doc.id);
  expect(detail.hunks.length).toBeGreaterThan(2);
  const accepted = detail.hunks.slice(0, 2).map((h: { id: number }) => h.id);
  await server.command('applyRewrite', { id: detail.id, accepted_hunks: accepted });
  const v2 = await waitAnalyzed(server, doc.id);
  expect(v2.version).toBe(2);

  // The revision finished and was applied before this window opened: shown, locked, not toasted.
  await waitIdle(server);
  await page.goto(`${server.origin}/#/rewrites/${detail.id}`);
  await page.reload();
  await expect(page.locator('[data-connection]')).toHaveAttribute('data-connection', 'live');
  await expect(page.getByTestId('applied-notice')).toContainText(`with 2 of ${detail.hunks.length} changes`);
  await expect(page.getByTestId('tracked-changes').locator('.chg')).toHaveCount(detail.hunks.length);
  await expect(page.locator('.toast')).toHaveCount(0);
  // Nor was it toasted and gone: the activity list keeps every toast. (Work an earlier test on this
  // server left behind may still finish and be listed; only this revision's notice would be wrong.)
  await page.getByTestId('activity-button').click();
  const dialog = page.getByRole('dialog', { name: 'Activity' });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toContainText(`Revision of versions.txt is ready`);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The document lists both versions with their scores; version 1 opens on its own.
  await page.goto(`${server.origin}/#/documents/${doc.id}`);
  const versions = page.getByTestId('versions');
  await expect(versions.locator('li[data-version]')).toHaveCount(2);
  await expect(versions.locator('li[data-version="2"]')).toContainText(`from revision #${detail.id}`);
  await versions.getByRole('link', { name: 'View version 1' }).click();
  await expect(page).toHaveURL(new RegExp(`#/documents/${doc.id}/versions/1$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('versions.txt — version 1');
  await expect(page.getByTestId('document-text')).toContainText(original.slice(0, 80));

  // Its export is that version's text, not the current one.
  await page.getByRole('combobox', { name: 'Export format' }).selectOption('txt');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export version 1' }).click(),
  ]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  expect(Buffer.concat(chunks).toString('utf8').replace(/\n$/, '')).toBe(original);

  // Compared with version 2: the accepted changes as insertions and deletions, and both scores.
  await page.getByRole('combobox', { name: 'Compare with' }).selectOption('2');
  await expect(page).toHaveURL(/versions\/1\?compare=2$/);
  await expect(page.getByTestId('compare-summary')).toHaveText(/^\d+ insertions?, \d+ deletions?\.$/);
  const changed = page.getByTestId('compare-text').locator('ins, del');
  expect(await changed.count()).toBeGreaterThan(0);
  await expect(page.getByTestId('score-chart')).toBeVisible();
  await screenshot(page, 'version-compare');
});

test('a revision that changed nothing says why', async ({ app: page, server }) => {
  const { documents } = await server.command('importDocuments', {
    files: [{ name: 'plain.txt', text: Array.from({ length: 3 }, () => HUMAN_PARAGRAPH).join('\n\n') }],
  });
  const doc = await waitAnalyzed(server, documents[0].id);
  const detail = await revised(server, doc.id);
  // The conversational text holds none of the patterns the rules revise.
  expect(detail.hunks).toEqual([]);
  await page.goto(`${server.origin}/#/rewrites/${detail.id}`);
  await expect(page.getByTestId('nothing-changed')).toContainText('The revision changed nothing.');
  await expect(page.getByTestId('nothing-changed')).toContainText(/found (none|nothing)/);
  await expect(page.getByRole('button', { name: /^Apply/ })).toHaveCount(0);
});
