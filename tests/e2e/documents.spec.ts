/**
 * Importing documents in the browser version: a .txt and a .docx through the file picker and by
 * drag and drop; each analysis reaches the screen live (no reload), with its critical sections
 * highlighted and the score to one decimal.
 */
import { VERDICT_SHORT } from '../../src-renderer/review/verdict';
import { expect, LIBRARY_SCORE, rounded, screenshot, SERVER_WORK, test, waitAnalyzed } from './fixtures';
import { SocketGate } from './socket';
import { docxBuffer, HUMAN_PARAGRAPH, mixedText, AI_PARAGRAPH } from './texts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ROUNDED = /^(<1|>99|\d{1,2})%$/;

test('a .txt and a .docx from the file picker are analysed live, with highlighted critical sections', async ({
  app: page,
  server,
}) => {
  // Anything that reloads the page would lose this.
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  const docx = await docxBuffer([
    `${AI_PARAGRAPH} (docx 1)`,
    `${AI_PARAGRAPH} (docx 2)`,
    `${AI_PARAGRAPH} (docx 3)`,
    HUMAN_PARAGRAPH,
    HUMAN_PARAGRAPH,
  ]);
  await page.locator('#file-input').setInputFiles([
    { name: 'essay.txt', mimeType: 'text/plain', buffer: Buffer.from(mixedText(3, 'txt')) },
    { name: 'report.docx', mimeType: DOCX, buffer: docx },
  ]);

  const grid = page.getByRole('grid', { name: 'Documents' });
  const row = (name: string) => grid.getByRole('row').filter({ hasText: name });
  await expect(row('essay.txt')).toBeVisible();
  await expect(row('report.docx')).toBeVisible();
  // The scores arrive by events: the share judged AI and the probability, rounded. (The analyses
  // themselves may wait for a worker on a busy machine.)
  await expect(row('essay.txt').getByTestId('score')).toHaveText(LIBRARY_SCORE, SERVER_WORK);
  await expect(row('report.docx').getByTestId('score')).toHaveText(LIBRARY_SCORE, SERVER_WORK);
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await screenshot(page, 'library');

  const { documents } = await server.command('listDocuments', {});
  for (const name of ['essay.txt', 'report.docx']) {
    const summary = documents.find((d: { name: string }) => d.name === name);
    const doc = await waitAnalyzed(server, summary.id);
    await expect(row(name).getByTestId('score')).toContainText(`AI probability ${rounded(doc.ai_confidence)}`);
    await expect(row(name).getByTestId('verdict-cell')).toHaveText(
      VERDICT_SHORT[doc.verdict as keyof typeof VERDICT_SHORT],
    );

    // One click on the row opens the document.
    await row(name).getByTestId('verdict-cell').click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(page.getByTestId('ai-confidence')).toHaveText(rounded(doc.ai_confidence));
    // Every sentence is shaded by its own score.
    expect(doc.sentences.length).toBeGreaterThan(0);
    expect(doc.critical_sections.length).toBeGreaterThan(0);
    await expect(page.getByTestId('document-text').locator('.s')).toHaveCount(doc.sentences.length);
    const first = [...doc.critical_sections].sort((a: { start: number }, b: { start: number }) => a.start - b.start)[0];
    await expect(page.getByTestId('critical-sections').locator(':scope > li')).toHaveCount(
      doc.critical_sections.length,
    );
    await expect(page.getByTestId('critical-sections')).toContainText(
      `Passage 1 · ${rounded(first.confidence)} likely AI`,
    );
    if (name === 'report.docx') await expect(page.getByTestId('document-text')).toContainText('(docx 2)');
    if (name === 'essay.txt') await screenshot(page, 'document');
    await page.getByRole('link', { name: 'Library', exact: true }).click();
  }
});

test('"Analyzing document..." shows until the analysis event arrives, which replaces it without a reload', async ({
  page,
  server,
}) => {
  // The analysis's event is held back, and so are the document's details, so that what is on
  // screen in between can be seen; then the event alone must bring the result.
  const gate = await SocketGate.install(page);
  gate.hold = (f) => f.event === 'document.analyzed';
  let releaseDetails!: () => void;
  const details = new Promise<void>((r) => (releaseDetails = r));
  await page.route('**/api/commands/getDocument', async (route) => {
    await details;
    await route.continue();
  });
  await page.goto(server.openUrl);
  await expect(page.locator('[data-connection]')).toHaveAttribute('data-connection', 'live');
  await page
    .locator('#file-input')
    .setInputFiles([{ name: 'waiting.txt', mimeType: 'text/plain', buffer: Buffer.from(mixedText(2, 'wait')) }]);
  await page.getByRole('grid', { name: 'Documents' }).getByRole('link', { name: 'waiting.txt' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Analyzing document\.\.\.$/ })).toBeVisible();
  await expect.poll(() => gate.heldCount, SERVER_WORK).toBeGreaterThan(0);
  gate.releaseAll();
  // The status itself (the import's toast also says "Analyzing document...", for a few seconds).
  await expect(page.getByRole('status').filter({ hasText: /^Analyzing document\.\.\.$/ })).toBeHidden();
  await expect(page.getByTestId('ai-confidence')).toHaveText(ROUNDED, SERVER_WORK);
  await expect(page.getByRole('status').filter({ hasText: /Analysis complete: waiting\.txt/ })).toBeVisible();
  releaseDetails();
  await expect(page.getByTestId('document-text').locator('.s').first()).toBeVisible();
});

test('files dropped on the window are uploaded and analysed', async ({ app: page, server }) => {
  const dataTransfer = await page.evaluateHandle(
    (text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
      return dt;
    },
    `# Dropped\n\n${mixedText(2, 'dropped')}`,
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await expect(page.getByText('Drop to import')).toBeVisible();
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(page.getByText('Drop to import')).toBeHidden();
  const row = page.getByRole('grid', { name: 'Documents' }).getByRole('row').filter({ hasText: 'dropped.md' });
  await expect(row.getByTestId('score')).toHaveText(LIBRARY_SCORE, SERVER_WORK);
  const { documents } = await server.command('listDocuments', { query: 'dropped' });
  expect(documents.map((d: { name: string; format: string }) => [d.name, d.format])).toEqual([['dropped.md', 'md']]);
});

test('a refused file is reported in a toast, and the library can be searched and sorted', async ({
  app: page,
  server,
}) => {
  await page
    .locator('#file-input')
    .setInputFiles([{ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('') }]);
  await expect(page.getByRole('alert').filter({ hasText: 'empty.txt' })).toBeVisible();
  await server.command('importDocuments', {
    files: ['sortable b.txt', 'sortable a10.txt', 'sortable a2.txt'].map((name) => ({
      name,
      text: `${HUMAN_PARAGRAPH} ${name}`,
    })),
  });
  const grid = page.getByRole('grid', { name: 'Documents' });
  const search = page.getByRole('searchbox', { name: 'Search documents' });
  await search.fill('sortable');
  await expect(grid.locator('[data-doc-id]')).toHaveCount(3);
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('name');
  await expect(grid.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('button', { name: /Descending order/ }).click();
  await expect(grid.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(grid.locator('[data-doc-id] .name')).toHaveText([
    'sortable a2.txt',
    'sortable a10.txt',
    'sortable b.txt',
  ]);
  await search.fill('a10');
  await expect(grid.locator('[data-doc-id] .name')).toHaveText(['sortable a10.txt']);
});
