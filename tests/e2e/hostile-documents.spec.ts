/**
 * Hostile documents in every view of the browser version (served by a real `inkproof serve`):
 * names and contents carrying scripts, event handlers, javascript: links, frames and remote images
 * are shown as text. Nothing runs (no dialog, no global set by a payload), and the page asks no
 * other host for anything — in the library, each document, a revision's diff, the queue, the event
 * log and the settings.
 */
import { expect, test, waitAnalyzed } from './fixtures';
import { AI_PARAGRAPH, HUMAN_PARAGRAPH } from './texts';

/** Each payload, if it ever ran, would count itself here, open a dialog or load a remote image. */
const RUN = 'window.__pwned=(window.__pwned||0)+1';
const PAYLOADS = [
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `<svg onload="${RUN}"></svg>`,
  `<a href="javascript:${RUN}">click me</a>`,
  `<iframe srcdoc="<script>parent.${RUN}</script>"></iframe>`,
  `<img src="http://evil.invalid/beacon.png">`,
  `"><script>alert(1)</script>`,
  `{{constructor.constructor('${RUN}')()}}`,
];
const BODY = `${AI_PARAGRAPH} ${HUMAN_PARAGRAPH} ${AI_PARAGRAPH}`;

test('hostile names and contents render as text in every view, and nothing runs', async ({ app: page, server }) => {
  const dialogs: string[] = [];
  const foreign: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (!r.url().startsWith(server.origin) && !r.url().startsWith('data:')) foreign.push(r.url());
  });

  const files = [
    { name: `${PAYLOADS[1]}.txt`, text: `${PAYLOADS.join('\n\n')}\n\n${BODY}` },
    {
      name: `page ${PAYLOADS[2]}.html`,
      base64: Buffer.from(`<html><body>${PAYLOADS.join('')}<p>${BODY}</p><p>${BODY}</p></body></html>`).toString(
        'base64',
      ),
    },
    {
      name: `notes ${PAYLOADS[6]}.md`,
      text: `# Notes ${PAYLOADS[0]}\n\n[link](javascript:${RUN}) ![img](x" onerror="${RUN})\n\n${PAYLOADS.join('\n\n')}\n\n${BODY}`,
    },
  ];
  const { documents, errors } = await server.command('importDocuments', { files });
  expect(errors).toEqual([]);
  const docs = await Promise.all(documents.map((d: { id: number }) => waitAnalyzed(server, d.id)));
  const { rewrite } = await server.command('rewriteDocument', { id: docs[0].id, options: { scope: 'document' } });

  // Library: the names are shown as they are.
  const grid = page.getByRole('grid', { name: 'Documents' });
  for (const d of docs) await expect(grid.getByRole('link', { name: d.name })).toBeVisible();

  // Each document: its text, with the markup of the .txt shown literally.
  for (const d of docs) {
    await page.goto(`${server.origin}/#/documents/${d.id}`);
    await expect(page.getByRole('heading', { level: 1, name: d.name })).toBeVisible();
    await expect(page.getByTestId('document-text')).toContainText('crucial');
  }
  await page.goto(`${server.origin}/#/documents/${docs[0].id}`);
  await expect(page.getByTestId('document-text')).toContainText('<script>');

  // The revision's diff, once it is done.
  await page.goto(`${server.origin}/#/rewrites/${rewrite.id}`);
  await expect(page.getByRole('heading', { name: 'Changes' })).toBeVisible({ timeout: 60_000 });

  for (const view of ['queue', 'events', 'settings']) {
    await page.goto(`${server.origin}/#/${view}`);
    await expect(page.locator('main')).toBeVisible();
  }
  await page.goto(`${server.origin}/#/events`);
  await expect(page.locator('main')).toContainText('document.analyzed');

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(foreign).toEqual([]);
});
