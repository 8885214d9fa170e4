/**
 * Formatting kept through the review: a Markdown file with headings, a list and emphasis, and a
 * Word file with heading styles, are shown with their structure in the Document view, in the
 * revision's tracked changes and in the locked view of an applied revision, and their exports
 * (.md with its headings, .docx with heading styles read back by mammoth) keep it.
 */
import type { Download, Page } from '@playwright/test';
import mammoth from 'mammoth';
import { expect, SERVER_WORK, test, waitAnalyzed } from './fixtures';
import { AI_PARAGRAPH, docxBuffer, HUMAN_PARAGRAPH } from './texts';

const MARKDOWN = [
  '# Learning with technology',
  AI_PARAGRAPH,
  '## What changed',
  `Three things, *in short*:\n\n- ${AI_PARAGRAPH}\n- ${HUMAN_PARAGRAPH}`,
  '## At home',
  HUMAN_PARAGRAPH,
].join('\n\n');

async function body(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function exportAs(page: Page, format: 'md' | 'docx', button: RegExp | string): Promise<Buffer> {
  await page.getByRole('combobox', { name: 'Export format' }).selectOption(format);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
  return body(download);
}

test('a Markdown file keeps its headings, list and emphasis on screen, in the revision and in its exports', async ({
  app: page,
  server,
}) => {
  const { documents } = await server.command('importDocuments', { files: [{ name: 'notes.md', text: MARKDOWN }] });
  const doc = await waitAnalyzed(server, documents[0].id);
  expect(doc.blocks.map((b: { kind: string }) => b.kind)).toContain('heading');

  await page.goto(`${server.origin}/#/documents/${doc.id}`);
  const text = page.getByTestId('document-text');
  // The document's headings sit below the view's own title and card headings.
  await expect(text.locator('h3')).toHaveText(['Learning with technology']);
  await expect(text.locator('h4')).toHaveText(['What changed', 'At home']);
  await expect(text.locator('.kind-list_item')).toHaveCount(2);
  await expect(text.locator('em')).toHaveText('in short');
  // The document's own export keeps its Markdown structure.
  const md = (await exportAs(page, 'md', 'Export')).toString('utf8');
  expect(md).toMatch(/^# Learning with technology\n/);
  expect(md).toContain('\n## What changed\n');
  expect(md).toContain('*in short*');
  expect(md).toMatch(/\n- In today/);

  // A revision of the whole document: only the text is rewritten, the structure stays.
  const { rewrite } = await server.command('rewriteDocument', { id: doc.id, options: { scope: 'document' } });
  await page.goto(`${server.origin}/#/rewrites/${rewrite.id}`);
  const tracked = page.getByTestId('tracked-changes');
  await expect(tracked).toBeVisible(SERVER_WORK);
  await expect(tracked.locator('h3')).toHaveText(['Learning with technology']);
  await expect(tracked.locator('h4')).toHaveText(['What changed', 'At home']);
  await expect(tracked.locator('.kind-list_item')).toHaveCount(2);
  // Sections follow the headings: one per heading.
  await expect(tracked.locator('.section-bar')).not.toHaveCount(0);
  expect(await tracked.locator('.section-bar').count()).toBeLessThanOrEqual(3);

  // "Accept all in this section" decides that section's changes only.
  const second = tracked.locator('.section-bar[data-section="2"]');
  const inSecond = Number(/(\d+) changes?/.exec((await second.textContent()) ?? '')![1]);
  await second.getByRole('button', { name: /^Accept all in this section/ }).click();
  await expect(second).toContainText(`${inSecond} accepted, 0 rejected`);
  await expect(tracked.locator('.chg[data-decision="accepted"]')).toHaveCount(inSecond);

  await page.getByRole('button', { name: 'Accept all', exact: true }).click();
  const revised = (await exportAs(page, 'md', /^Export with \d+ accepted changes?$/)).toString('utf8');
  expect(revised).toMatch(/^# Learning with technology\n/);
  expect(revised).toContain('\n## At home\n');
  expect(revised).not.toContain('In today');
  const word = await exportAs(page, 'docx', /^Export with \d+ accepted changes?$/);
  const { value: html } = await mammoth.convertToHtml({ buffer: word });
  expect(html).toContain('<h1>Learning with technology</h1>');
  expect(html).toContain('<h2>What changed</h2>');
  expect(html).toMatch(/<li>/);

  // Applied: the locked revision still shows the structure of the version it was made from.
  await page.getByRole('button', { name: /^Apply \d+ accepted changes?$/ }).click();
  await expect(page.getByTestId('version-badge')).toHaveText('v2');
  await page.goto(`${server.origin}/#/rewrites/${rewrite.id}`);
  await expect(page.getByTestId('applied-notice')).toBeVisible();
  await expect(page.getByTestId('tracked-changes').locator('h3')).toHaveText(['Learning with technology']);
});

test('a Word file keeps its heading styles on screen and in its export', async ({ app: page, server }) => {
  const docx = await docxBuffer([
    { heading: 1, text: 'Annual report' },
    AI_PARAGRAPH,
    { heading: 2, text: 'The year in numbers' },
    HUMAN_PARAGRAPH,
    AI_PARAGRAPH,
  ]);
  const { documents } = await server.command('importDocuments', {
    files: [{ name: 'report.docx', base64: docx.toString('base64') }],
  });
  const doc = await waitAnalyzed(server, documents[0].id);
  await page.goto(`${server.origin}/#/documents/${doc.id}`);
  const text = page.getByTestId('document-text');
  await expect(text.locator('h3')).toHaveText(['Annual report']);
  await expect(text.locator('h4')).toHaveText(['The year in numbers']);
  const word = await exportAs(page, 'docx', 'Export');
  const { value: html } = await mammoth.convertToHtml({ buffer: word });
  expect(html).toContain('<h1>Annual report</h1>');
  expect(html).toContain('<h2>The year in numbers</h2>');
});
