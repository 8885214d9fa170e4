/**
 * The queue dashboard (after Horizon) and the event log (after Pail): they show the server's jobs
 * and events as they happen, their filters work, jobs can be cancelled and retried, the log can be
 * paused.
 */
import { expect, screenshot, test, waitAnalyzed } from './fixtures';
import { HUMAN_PARAGRAPH, longText, mixedText } from './texts';

test('the queue dashboard shows jobs by state with counts, throughput and run times; retry and cancel work', async ({
  app: page,
  server,
}) => {
  // Two analyses that succeed and one that fails (a .docx that is not one).
  const ok = await server.command('importDocuments', {
    files: [1, 2].map((i) => ({ name: `queue-${i}.txt`, text: mixedText(2, `q${i}`) })),
  });
  const bad = await server.command('importDocuments', {
    files: [{ name: 'broken.docx', base64: Buffer.from('this is not a zip file at all').toString('base64') }],
  });
  for (const d of [...ok.documents, ...bad.documents]) await waitAnalyzed(server, d.id);

  await page.getByRole('link', { name: 'Queue', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
  const stats = await server.command('getQueueStats', {});
  await expect(page.getByTestId('queue-stats').getByRole('row', { name: /^Analysis/ })).toContainText(
    String(stats.by_type.analyze.completed),
  );
  await expect(page.getByTestId('queue-stats').getByRole('row', { name: /^Analysis/ })).toContainText(
    /words\/s per worker/,
  );

  const tabs = page.getByRole('tablist', { name: 'Job states' });
  await tabs.getByRole('tab', { name: /Completed/ }).click();
  await expect(tabs.getByRole('tab', { name: /Completed/ })).toHaveAttribute('aria-selected', 'true');
  const table = page.getByTestId('jobs-table');
  for (const d of ok.documents) await expect(table.getByRole('link', { name: `Document ${d.id}` })).toBeVisible();
  await expect(table.getByRole('link', { name: `Document ${bad.documents[0].id}` })).toHaveCount(0);
  await screenshot(page, 'queue');

  // The failed job, its reason, and a retry that runs it again (and fails again, live).
  await tabs.getByRole('tab', { name: /Failed/ }).click();
  const failedRow = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: `Document ${bad.documents[0].id}` }) });
  await expect(failedRow).toHaveAttribute('data-status', 'failed');
  const jobId = Number(await failedRow.getAttribute('data-job-id'));
  const finishedBefore = (await server.command('listJobs', {})).jobs.find(
    (j: { id: number }) => j.id === jobId,
  ).finished_at;
  // Toasts may cover the row's buttons: keyboard activation works regardless (and is what keyboard users do).
  await failedRow.getByRole('button', { name: `Retry job ${jobId}` }).press('Enter');
  // It runs again (a new finish time) and fails again, live on screen.
  await expect
    .poll(
      async () => (await server.command('listJobs', {})).jobs.find((j: { id: number }) => j.id === jobId).finished_at,
      { timeout: 30_000 },
    )
    .not.toBe(finishedBefore);
  await expect(table.locator(`tr[data-job-id="${jobId}"]`)).toHaveAttribute('data-status', 'failed', {
    timeout: 30_000,
  });

  // Cancel: a long analysis keeps the one worker busy while others wait.
  const big = await server.upload([{ name: 'big.txt', text: longText(12000) }]);
  const waiting = await server.command('importDocuments', {
    files: [1, 2, 3].map((i) => ({ name: `waiting-${i}.txt`, text: `${HUMAN_PARAGRAPH} ${i}` })),
  });
  await tabs.getByRole('tab', { name: /Pending/ }).click();
  const pendingRow = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: `Document ${waiting.documents[2].id}` }) });
  await expect(pendingRow).toHaveAttribute('data-status', 'queued');
  const pendingJob = Number(await pendingRow.getAttribute('data-job-id'));
  await pendingRow.getByRole('button', { name: `Cancel job ${pendingJob}` }).press('Enter');
  await tabs.getByRole('tab', { name: /Failed/ }).click();
  await expect(table.locator(`tr[data-job-id="${pendingJob}"]`)).toHaveAttribute('data-status', 'cancelled');
  const cancelled = (await server.command('listJobs', {})).jobs.find((j: { id: number }) => j.id === pendingJob);
  expect(cancelled.status).toBe('cancelled');
  // Do not leave the big one running for the next tests.
  const bigJob = (await server.command('listJobs', {})).jobs.find(
    (j: { type: string; subject_id: number; status: string }) =>
      j.type === 'analyze' && j.subject_id === big.documents[0].id,
  );
  if (bigJob.status === 'queued' || bigJob.status === 'processing')
    await server.command('cancelJob', { id: bigJob.id });
  // The type filter.
  await tabs.getByRole('tab', { name: /All/ }).click();
  // Other tests on this worker's server may have run revisions: the rewrite filter shows those
  // and none of the analyses, the analyze filter the reverse.
  await page.getByRole('combobox', { name: 'Type' }).selectOption('rewrite');
  await expect(table.getByRole('link', { name: /^Document \d+$/ })).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Type' }).selectOption('analyze');
  await expect(table.getByRole('link', { name: `Document ${big.documents[0].id}` })).toBeVisible();
  await expect(table.getByRole('link', { name: /^Revision #\d+$/ })).toHaveCount(0);
});

test('the event log shows events live, filters by channel, event and text, and can be paused', async ({
  app: page,
  server,
}) => {
  await page.getByRole('link', { name: 'Events', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  const { documents } = await server.command('importDocuments', {
    files: [{ name: 'logged.txt', text: mixedText(2, 'log') }],
  });
  await waitAnalyzed(server, documents[0].id);
  const log = page.getByTestId('event-log');
  await expect(log.locator('tr[data-event="document.imported"]').filter({ hasText: 'logged.txt' })).toBeVisible();
  await expect(
    log.locator(`tr[data-event="document.analyzed"][data-channel="private-documents.${documents[0].id}"]`),
  ).toBeVisible();
  await expect(log.locator('tr[data-event="job.updated"]').first()).toBeVisible();
  await screenshot(page, 'events');

  const channel = page.getByRole('searchbox', { name: 'Channel' });
  const event = page.getByRole('searchbox', { name: 'Event' });
  const text = page.getByRole('searchbox', { name: 'Text' });
  const rows = log.locator('tbody tr');
  await channel.fill('library.*');
  await expect(rows.first()).toBeVisible();
  expect(new Set(await rows.evaluateAll((trs) => trs.map((t) => t.getAttribute('data-channel'))))).toEqual(
    new Set(['private-library.1']),
  );
  await channel.fill('');
  await event.fill('document.*');
  await expect
    .poll(
      async () => new Set(await rows.evaluateAll((trs) => trs.map((t) => t.getAttribute('data-event')!.split('.')[0]))),
    )
    .toEqual(new Set(['document']));
  await event.fill('');
  await text.fill('logged.txt');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-event', 'document.imported');
  await text.fill('');

  // Paused: new events wait; resumed: they appear.
  const pause = page.getByRole('button', { name: /Pause/ });
  await pause.click();
  await expect(page.getByRole('button', { name: /Resume/ })).toHaveAttribute('aria-pressed', 'true');
  const shownBefore = await rows.count();
  const more = await server.command('importDocuments', {
    files: [{ name: 'while-paused.txt', text: mixedText(1, 'paused') }],
  });
  await expect(page.getByTestId('event-count')).toContainText(/Paused — [1-9]\d* new events? waiting/);
  expect(await rows.count()).toBe(shownBefore);
  await expect(log.locator('tr[data-event="document.imported"]').filter({ hasText: 'while-paused.txt' })).toHaveCount(
    0,
  );
  await page.getByRole('button', { name: /Resume/ }).click();
  await expect(log.locator('tr[data-event="document.imported"]').filter({ hasText: 'while-paused.txt' })).toBeVisible();
  await waitAnalyzed(server, more.documents[0].id);
  // The payload opens in full.
  await log
    .locator('tr[data-event="document.imported"]')
    .filter({ hasText: 'while-paused.txt' })
    .locator('summary')
    .click();
  await expect(log.locator('pre').filter({ hasText: '"name": "while-paused.txt"' })).toBeVisible();
});
