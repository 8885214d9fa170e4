/**
 * A revision from the Document view: the progress bar follows the live `rewrite.*` events one by
 * one (the test holds the server's frames back and releases them one at a time), the milestones are
 * announced, then the diff: accept some changes, reject one, apply, and export in every format.
 */
import { applyHunks } from '../../src-shared/hunks';
import { expect, screenshot, test, waitAnalyzed } from './fixtures';
import { SocketGate } from './socket';
import { longText } from './texts';

test('revise: the progress bar advances with each live event, then the diff; accept some, apply, export', async ({
  page,
  server,
}) => {
  const { documents } = await server.command('importDocuments', {
    files: [{ name: 'revise-me.txt', text: longText(12) }],
  });
  const doc = await waitAnalyzed(server, documents[0].id);

  const gate = await SocketGate.install(page);
  gate.hold = (f) =>
    !!f.channel?.startsWith('private-rewrites.') && !f.event.startsWith('pusher') && typeof f.seq === 'number';
  await page.goto(server.openUrl);
  await expect(page.locator('[data-connection]')).toHaveAttribute('data-connection', 'live');
  await page.getByRole('grid', { name: 'Documents' }).getByRole('link', { name: 'revise-me.txt' }).click();
  await expect(page.getByTestId('ai-confidence')).toHaveText(`${doc.ai_confidence.toFixed(1)}%`);

  await page.getByRole('button', { name: 'Revise…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revise document' });
  await dialog.getByRole('combobox', { name: 'What to revise' }).selectOption('document');
  await dialog.getByRole('button', { name: 'Start revision' }).click();
  await expect(page).toHaveURL(/#\/rewrites\/\d+$/);
  const rewriteId = Number(/rewrites\/(\d+)/.exec(page.url())![1]);

  const bar = page.getByRole('progressbar', { name: 'Revision progress' });
  await expect(bar).toHaveAttribute('aria-valuenow', '0');
  await expect(page.getByRole('heading', { name: 'Waiting in the queue' })).toBeVisible();

  // Release the server's events one at a time and watch the screen follow each.
  const channel = `private-rewrites.${rewriteId}`;
  const seen: { event: string; progress?: number }[] = [];
  const valuesShown: number[] = [];
  for (;;) {
    await expect.poll(() => gate.heldCount, { timeout: 30_000 }).toBeGreaterThan(0);
    const f = gate.releaseNext()!;
    expect(f.channel).toBe(channel);
    seen.push({ event: f.event, progress: f.data?.progress });
    if (f.event === 'rewrite.queued') {
      await expect(page.locator('.progress-card')).toContainText(`estimated`);
    } else if (f.event === 'rewrite.processing') {
      await expect(page.getByRole('heading', { name: 'Revising…' })).toBeVisible();
    } else if (f.event === 'rewrite.progress') {
      await expect(bar).toHaveAttribute('aria-valuenow', String(f.data.progress));
      valuesShown.push(Number(await bar.getAttribute('aria-valuenow')));
      if (f.data.progress > 0 && f.data.progress < 100) await screenshot(page, 'revision-progress');
    } else if (f.event === 'rewrite.completed') {
      break;
    }
  }
  expect(seen.map((s) => s.event)).toEqual([
    'rewrite.queued',
    'rewrite.processing',
    ...seen.filter((s) => s.event === 'rewrite.progress').map(() => 'rewrite.progress'),
    'rewrite.completed',
  ]);
  expect(valuesShown.at(-1)).toBe(100);
  expect(valuesShown).toEqual([...valuesShown].sort((a, b) => a - b));
  // Announced to screen readers.
  await expect(page.getByTestId('milestone')).toHaveText(/Revision complete/);

  // The diff, as the server has it.
  const rewrite = await server.command('getRewrite', { id: rewriteId });
  const hunks = page.getByTestId('hunks').locator(':scope > li');
  await expect(hunks).toHaveCount(rewrite.hunks.length);
  expect(rewrite.hunks.length).toBeGreaterThan(3);
  await expect(page.getByTestId('before-confidence')).toHaveText(`${doc.ai_confidence.toFixed(1)}%`);
  // The revision's output is checked automatically (sample.validated).
  await expect(page.getByTestId('after-confidence')).toHaveText(/^\d{1,3}\.\d%$/);
  await screenshot(page, 'revision-diff');

  // Accept the first and third changes, reject the second.
  await page.getByRole('button', { name: 'Accept change 1', exact: true }).click();
  await page.getByRole('button', { name: 'Reject change 2', exact: true }).click();
  await page.getByRole('button', { name: 'Accept change 3', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Accept change 1', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByTestId('decision-count')).toHaveText(`2 of ${rewrite.hunks.length} accepted · 1 rejected`);
  const accepted = [rewrite.hunks[0].id, rewrite.hunks[2].id];
  const expected = applyHunks(rewrite.original, rewrite.hunks, accepted);
  await page.getByRole('button', { name: 'Preview result' }).click();
  await expect(page.getByTestId('preview')).toHaveText(expected);
  await page.getByRole('button', { name: 'Show changes' }).click();

  // Export the revision in each format.
  for (const format of ['txt', 'md', 'docx'] as const) {
    await page.getByRole('combobox', { name: 'Export format' }).selectOption(format);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export revision' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
    const body = await download.createReadStream().then(async (s) => {
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    });
    if (format === 'docx') expect(body.subarray(0, 2).toString()).toBe('PK');
    else expect(body.toString('utf8')).toContain(rewrite.result.slice(0, 60));
  }

  // Apply the two accepted changes: a new version, analysed again.
  await page.getByRole('button', { name: 'Apply 2 accepted changes' }).click();
  await expect(page).toHaveURL(new RegExp(`#/documents/${doc.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'revise-me.txt' })).toBeVisible();
  await expect(page.locator('.view-header')).toContainText('version 2');
  const after = await waitAnalyzed(server, doc.id);
  expect(after.version).toBe(2);
  expect(after.text).toBe(expected);
  await expect(page.getByTestId('ai-confidence')).toHaveText(`${after.ai_confidence.toFixed(1)}%`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
});

test('a failed or cancelled revision says why and can be tried again', async ({ app: page, server }) => {
  const { documents } = await server.command('importDocuments', {
    files: [{ name: 'cancel-me.txt', text: longText(6) }],
  });
  await waitAnalyzed(server, documents[0].id);
  const { rewrite } = await server.command('rewriteDocument', { id: documents[0].id, options: { scope: 'document' } });
  const { jobs } = await server.command('listJobs', { type: 'rewrite' });
  const job = jobs.find((j: { subject_id: number }) => j.subject_id === rewrite.id);
  // It may already be done; cancelling a finished job is refused, so check the state it ended in.
  await server.command('cancelJob', { id: job.id }).catch(() => null);
  await page.goto(`${server.origin}/#/rewrites/${rewrite.id}`);
  const final = await server.command('getRewrite', { id: rewrite.id });
  await expect(page.getByTestId('rewrite-status')).toHaveText(final.status === 'completed' ? 'Completed' : 'Cancelled');
  if (final.status === 'cancelled') {
    await expect(page.getByRole('alert')).toContainText('The revision was cancelled.');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('rewrite-status')).toHaveText(/Queued|Revising|Completed/);
    await expect(page.getByTestId('rewrite-status')).toHaveText('Completed', { timeout: 30_000 });
  }
});
