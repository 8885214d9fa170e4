/**
 * A revision from the Document view: the progress bar follows the live `rewrite.*` events one by
 * one (the test holds the server's frames back and releases them one at a time), the milestones are
 * announced, then the diff: accept some changes, reject one, apply, and export in every format.
 */
import type { ServerResponse } from 'node:http';
import { applyHunks } from '../../src-shared/hunks';
import { FakeLlmServer, pretendRewrite, sse } from '../helpers/fake-llm';
import { expect, rounded, screenshot, test, waitAnalyzed, SERVER_WORK } from './fixtures';
import { SocketGate } from './socket';
import { AI_PARAGRAPH, longText } from './texts';

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
  // The page asks for the finished sections' changes as they come; the server's answer would be
  // ahead of the held events (it has long finished), so those answers wait with the events.
  let releaseSnapshots!: () => void;
  const snapshotsHeld = new Promise<void>((resolve) => (releaseSnapshots = resolve));
  await page.route('**/api/commands/getRewrite', async (route) => {
    await snapshotsHeld;
    await route.continue();
  });
  await page.goto(server.openUrl);
  await expect(page.locator('[data-connection]')).toHaveAttribute('data-connection', 'live');
  await page.getByRole('grid', { name: 'Documents' }).getByRole('link', { name: 'revise-me.txt' }).click();
  await expect(page.getByTestId('ai-confidence')).toHaveText(rounded(doc.ai_confidence));

  await page.getByRole('button', { name: 'Revise…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revise document' });
  await dialog.getByRole('combobox', { name: 'What to revise' }).selectOption('document');
  await dialog.getByRole('button', { name: 'Start revision' }).click();
  await expect(page).toHaveURL(/#\/rewrites\/\d+$/);
  const rewriteId = Number(/rewrites\/(\d+)/.exec(page.url())![1]);

  const bar = page.getByRole('progressbar', { name: 'Revision progress' });
  // No number before the first real step: the bar is indeterminate.
  await expect(bar).not.toHaveAttribute('aria-valuenow');
  await expect(page.getByRole('heading', { name: 'Waiting in the queue' })).toBeVisible();

  // Release the server's events one at a time and watch the screen follow each.
  const channel = `private-rewrites.${rewriteId}`;
  const seen: { event: string; progress?: number }[] = [];
  const valuesShown: number[] = [];
  for (;;) {
    await expect.poll(() => gate.heldCount, SERVER_WORK).toBeGreaterThan(0);
    const f = gate.releaseNext()!;
    expect(f.channel).toBe(channel);
    seen.push({ event: f.event, progress: f.data?.progress });
    if (f.event === 'rewrite.queued') {
      // No time estimate without a basis for one.
      await expect(page.getByTestId('time-left')).toHaveCount(0);
    } else if (f.event === 'rewrite.processing') {
      await expect(page.getByRole('heading', { name: 'Revising…' })).toBeVisible();
      await expect(page.getByTestId('progress-step')).toHaveText('Starting…');
    } else if (f.event === 'rewrite.progress') {
      // The step in words: the section under way, of how many.
      if (f.data.sections_total)
        await expect(page.getByTestId('progress-step')).toHaveText(
          `Section ${Math.min(f.data.sections_total, f.data.sections_done + 1)} of ${f.data.sections_total}`,
        );
      if (f.data.progress === 0 && !f.data.sections_done) {
        await expect(bar).not.toHaveAttribute('aria-valuenow');
      } else {
        await expect(bar).toHaveAttribute('aria-valuenow', String(f.data.progress));
        valuesShown.push(Number(await bar.getAttribute('aria-valuenow')));
        if (f.data.progress > 0 && f.data.progress < 100) await screenshot(page, 'revision-progress');
      }
    } else if (f.event === 'rewrite.completed') {
      break;
    }
  }
  releaseSnapshots();
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

  // The changes, in the text, as the server has them.
  const rewrite = await server.command('getRewrite', { id: rewriteId });
  const changes = page.getByTestId('tracked-changes').locator('.chg');
  await expect(changes).toHaveCount(rewrite.hunks.length);
  expect(rewrite.hunks.length).toBeGreaterThan(3);
  // The whole text is there, each change in place: the longest stretch between two changes in one
  // paragraph, say (paragraphs are elements of their own, with no line break between them).
  const byStart = [...rewrite.hunks].sort((a: { start: number }, b: { start: number }) => a.start - b.start);
  const gaps = byStart
    .slice(1)
    .flatMap((h: { start: number }, i: number) => rewrite.original.slice(byStart[i].end, h.start).split(/\n+/));
  const longest = gaps.reduce((a: string, b: string) => (b.length > a.length ? b : a), '').trim();
  expect(longest.length).toBeGreaterThan(20);
  await expect(page.getByTestId('tracked-changes')).toContainText(longest);
  await expect(page.getByTestId('before-confidence')).toHaveText(rounded(doc.ai_confidence));
  // The revision's output is checked automatically (sample.validated), rounded.
  await expect(page.getByTestId('after-confidence')).toHaveText(/^(<1|>99|\d{1,2})%$/);
  await screenshot(page, 'revision-diff');

  // Accept the first and third changes, reject the second: from the change card, and the keyboard.
  await changes.first().dispatchEvent('click');
  const card = page.getByTestId('change-card');
  await expect(card).toContainText(`Change 1 of ${rewrite.hunks.length}`);
  await card.getByRole('button', { name: 'Accept' }).click();
  await expect(changes.first()).toHaveAttribute('data-decision', 'accepted');
  await card.getByRole('button', { name: 'Next' }).click();
  await expect(card).toContainText(`Change 2 of ${rewrite.hunks.length}`);
  await page.keyboard.press('n');
  await page.keyboard.press('j');
  await page.keyboard.press('y');
  await expect(changes.nth(1)).toHaveAttribute('data-decision', 'rejected');
  await expect(changes.nth(2)).toHaveAttribute('data-decision', 'accepted');
  const n = rewrite.hunks.length;
  await expect(page.getByTestId('decision-count')).toHaveText(`2 of ${n} accepted · 1 rejected · ${n - 3} to decide`);
  const sorted = [...rewrite.hunks].sort((a: { start: number }, b: { start: number }) => a.start - b.start);
  const accepted = [sorted[0].id, sorted[2].id];
  const expected = applyHunks(rewrite.original, rewrite.hunks, accepted);
  // The score of your accepted changes is rechecked as you decide.
  await expect(page.getByTestId('mine-confidence')).toHaveText(/^(<1|>99|\d{1,2})%$/, SERVER_WORK);

  // The export follows the decisions: the rejected and undecided changes are not in it.
  for (const format of ['txt', 'md', 'docx'] as const) {
    await page.getByRole('combobox', { name: 'Export format' }).selectOption(format);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export with 2 accepted changes' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
    const body = await download.createReadStream().then(async (s) => {
      const chunks: Buffer[] = [];
      for await (const c of s) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    });
    if (format === 'docx') expect(body.subarray(0, 2).toString()).toBe('PK');
    else expect(body.toString('utf8').replace(/\n$/, '')).toBe(expected);
  }

  // Side by side shows the same decisions.
  await page.getByRole('button', { name: 'Side by side' }).click();
  await expect(page.getByTestId('side-by-side')).toBeVisible();
  await page.getByRole('button', { name: 'Tracked changes' }).click();

  // Apply the two accepted changes: a new version, analysed again.
  await page.getByRole('button', { name: 'Apply 2 accepted changes' }).click();
  await expect(page).toHaveURL(new RegExp(`#/documents/${doc.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'revise-me.txt' })).toBeVisible();
  await expect(page.getByTestId('version-badge')).toHaveText('v2');
  const after = await waitAnalyzed(server, doc.id);
  expect(after.version).toBe(2);
  expect(after.text).toBe(expected);
  await expect(page.getByTestId('ai-confidence')).toHaveText(rounded(after.ai_confidence));
  // The version history: both versions with their scores and a chart.
  await expect(page.getByTestId('versions').locator('li[data-version]')).toHaveCount(2);
  await expect(page.getByTestId('score-chart')).toBeVisible();

  // The applied revision is locked and shows what was applied.
  await page.goto(`${server.origin}/#/rewrites/${rewriteId}`);
  await expect(page.getByTestId('applied-notice')).toContainText(`with 2 of ${n} changes`);
  await expect(page.getByTestId('tracked-changes').locator('.chg[data-decision="accepted"]')).toHaveCount(2);
  await expect(page.getByRole('button', { name: /Apply/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Accept all in this section' })).toHaveCount(0);
  await screenshot(page, 'revision-applied');
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
    await expect(page.getByTestId('rewrite-status')).toHaveText('Completed', SERVER_WORK);
  }
});

test('a revision by the local model shows each section as it finishes, with the step and a time left once there is a basis', async ({
  app: page,
  server,
}) => {
  // A local model server that answers each section only when the test says so.
  const waiting: { user: string; res: ServerResponse }[] = [];
  const llm = await FakeLlmServer.start((req, res) => void waiting.push({ user: req.user, res }));
  try {
    await server.command('updateSettings', {
      patch: { llm: { kind: 'openai', url: llm.url, model: 'fake-model', timeout_seconds: 120 } },
    });
    const markers = ['alpha', 'bravo', 'charlie', 'delta'];
    const { documents } = await server.command('importDocuments', {
      files: [{ name: 'model.txt', text: markers.map((m) => `${AI_PARAGRAPH} The ${m} team agreed.`).join('\n\n') }],
    });
    const doc = await waitAnalyzed(server, documents[0].id);
    await page.goto(`${server.origin}/#/documents/${doc.id}`);
    await page.reload(); // the settings changed behind the window's back
    await page.getByRole('button', { name: /^Revise/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Revise document' });
    await dialog.getByRole('combobox', { name: 'Engine' }).selectOption('llm');
    await expect(dialog.getByTestId('engine-hint')).toContainText(`Runs fake-model at ${llm.url}`);
    await dialog.getByRole('combobox', { name: 'What to revise' }).selectOption('document');
    await dialog.getByRole('button', { name: 'Start revision' }).click();
    await expect(page).toHaveURL(/#\/rewrites\/\d+$/);
    const rewriteId = Number(/rewrites\/(\d+)/.exec(page.url())![1]);

    const bar = page.getByRole('progressbar', { name: 'Revision progress' });
    const step = page.getByTestId('progress-step');
    const partial = page.getByTestId('partial-review');
    await expect.poll(() => waiting.length, SERVER_WORK).toBe(1);
    await expect(step).toHaveText(`Section 1 of ${markers.length}`);
    // Nothing is done yet: no number on the bar, no time estimate, nothing to review.
    await expect(bar).not.toHaveAttribute('aria-valuenow');
    await expect(page.getByTestId('time-left')).toHaveCount(0);
    await expect(partial).toHaveCount(0);

    const seen = new Set<number>();
    for (let i = 0; i < markers.length; i++) {
      await expect.poll(() => waiting.length, SERVER_WORK).toBe(1);
      const { user, res } = waiting.shift()!;
      expect(user).toContain(`The ${markers[i]} team agreed.`);
      await sse(res, pretendRewrite(user));
      if (i === markers.length - 1) break;
      // The finished sections' changes are on screen while the next one runs, with the step and
      // (now that a section took a measurable time) the time left.
      await expect(step).toHaveText(`Section ${i + 2} of ${markers.length}`);
      await expect(partial).toContainText(`${markers[i]} team agreed`);
      await expect(page.getByTestId('time-left')).toHaveText(/left/);
      if (i === 1) await screenshot(page, 'revision-partial');
      const ids = await partial
        .locator('.chg')
        .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-hunk'))));
      expect(ids.length).toBeGreaterThanOrEqual(seen.size);
      for (const id of seen) expect(ids).toContain(id);
      for (const id of ids) seen.add(id);
    }
    await expect(page.getByTestId('rewrite-status')).toHaveText('Completed', SERVER_WORK);
    const rewrite = await server.command('getRewrite', { id: rewriteId });
    await expect(page.getByTestId('tracked-changes').locator('.chg')).toHaveCount(rewrite.hunks.length);
    // The changes shown while it ran kept their ids in the result.
    for (const id of seen) expect(rewrite.hunks.map((h: { id: number }) => h.id)).toContain(id);
    expect(seen.size).toBeGreaterThan(0);
    await expect(page.locator('.revision-view')).toContainText('local model');
  } finally {
    await llm.stop();
  }
});
