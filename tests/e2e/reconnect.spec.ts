/**
 * The WebSocket drops in the middle of a revision: the status bar says reconnecting, then offline,
 * and the commands are polled every 5 s; when the socket is back, the page resubscribes with the
 * last seq it saw, the server replays what was missed, and the screen matches the server's state.
 */
import { expect, LIBRARY_SCORE, screenshot, test, waitAnalyzed, SERVER_WORK } from './fixtures';
import { SocketGate } from './socket';
import { longText } from './texts';

test('dropping the WebSocket mid-revision: reconnecting/offline, polling, then the missed events replayed', async ({
  page,
  server,
}) => {
  const { documents } = await server.command('importDocuments', {
    files: [{ name: 'unstable.txt', text: longText(12) }],
  });
  const doc = await waitAnalyzed(server, documents[0].id);

  const gate = await SocketGate.install(page);
  gate.hold = (f) =>
    !!f.channel?.startsWith('private-rewrites.') && !f.event.startsWith('pusher') && typeof f.seq === 'number';
  await page.goto(`${server.openUrl}#/documents/${doc.id}`);
  const status = page.locator('[data-connection]');
  await expect(status).toHaveAttribute('data-connection', 'live');
  await page.getByRole('button', { name: 'Revise…' }).click();
  await page
    .getByRole('dialog', { name: 'Revise document' })
    .getByRole('combobox', { name: 'What to revise' })
    .selectOption('document');
  await page.getByRole('dialog', { name: 'Revise document' }).getByRole('button', { name: 'Start revision' }).click();
  await expect(page).toHaveURL(/#\/rewrites\/\d+$/);
  const rewriteId = Number(/rewrites\/(\d+)/.exec(page.url())![1]);
  const channel = `private-rewrites.${rewriteId}`;

  // Let the revision's first events through: it is under way on screen.
  const bar = page.getByRole('progressbar', { name: 'Revision progress' });
  let lastSeq = 0;
  for (const want of ['rewrite.queued', 'rewrite.processing']) {
    await expect.poll(() => gate.heldCount, SERVER_WORK).toBeGreaterThan(0);
    const f = gate.releaseNext()!;
    expect(f.event).toBe(want);
    lastSeq = f.seq!;
  }
  await expect(page.getByRole('heading', { name: 'Revising…' })).toBeVisible();
  // Before the first real step the bar has no number (indeterminate).
  await expect(bar).not.toHaveAttribute('aria-valuenow');

  // The connection drops; whatever the server sends now is lost in transit.
  await gate.drop();
  await expect(status).toHaveAttribute('data-connection', /reconnecting|offline/);
  await expect(status).toHaveAttribute('data-polling', 'true');
  await expect(status).toHaveAttribute('data-connection', 'offline', { timeout: 20_000 });
  await expect(page.getByRole('contentinfo', { name: 'Status bar' })).toContainText('Offline');
  // The fallback: the commands are polled every 5 s while the socket is down.
  const poll = await page.waitForRequest(/\/api\/commands\/getRewrite$/, { timeout: 15_000 });
  expect(poll.method()).toBe('POST');
  await expect(status).toContainText(/Checking for changes every 5 s/);
  await screenshot(page, 'offline');

  // Meanwhile the revision finishes on the server.
  let server_rw: any;
  await expect
    .poll(async () => (server_rw = await server.command('getRewrite', { id: rewriteId })).status, SERVER_WORK)
    .toBe('completed');

  // The socket comes back: resubscribed from the last seq seen, the missed events are replayed.
  const before = gate.toPage.length;
  gate.hold = () => false;
  gate.allow();
  await expect(status).toHaveAttribute('data-connection', 'live', { timeout: 20_000 });
  await expect(status).toHaveAttribute('data-polling', 'false');
  const resub = gate.subscriptions().filter((s) => s.channel === channel);
  expect(resub.length).toBeGreaterThanOrEqual(2);
  expect(resub.at(-1)!.since).toBe(lastSeq);
  const replayed = gate.toPage
    .slice(before)
    .filter((f) => f.channel === channel && !f.event.startsWith('pusher') && typeof f.seq === 'number');
  expect(replayed.length).toBeGreaterThan(0);
  expect(replayed[0].seq).toBe(lastSeq + 1);
  expect(replayed.map((f) => f.event)).toContain('rewrite.completed');
  const serverEvents = await server.command('getEvents', { channel, since: lastSeq });
  expect(replayed.map((f) => f.seq)).toEqual(serverEvents.events.map((e: { seq: number }) => e.seq));

  // The screen matches the server.
  await expect(page.getByTestId('rewrite-status')).toHaveText('Completed');
  await expect(page.getByTestId('tracked-changes').locator('.chg')).toHaveCount(server_rw.hunks.length);
  await expect(page.getByTestId('decision-count')).toHaveText(
    `0 of ${server_rw.hunks.length} accepted · 0 rejected · ${server_rw.hunks.length} to decide`,
  );
  expect(gate.refused).toBeGreaterThan(0);
});

test('the library and queue follow the server after a reconnect, including what happened while away', async ({
  page,
  server,
}) => {
  const gate = await SocketGate.install(page);
  await page.goto(server.openUrl);
  const status = page.locator('[data-connection]');
  await expect(status).toHaveAttribute('data-connection', 'live');
  await gate.drop();
  await expect(status).toHaveAttribute('data-connection', /reconnecting|offline/);
  // Work happens while the window is cut off.
  const { documents } = await server.command('importDocuments', {
    files: [{ name: 'while-away.txt', text: longText(3) }],
  });
  await waitAnalyzed(server, documents[0].id);
  gate.allow();
  await expect(status).toHaveAttribute('data-connection', 'live', { timeout: 20_000 });
  const row = page.getByRole('grid', { name: 'Documents' }).getByRole('row').filter({ hasText: 'while-away.txt' });
  await expect(row.getByTestId('score')).toHaveText(LIBRARY_SCORE);
  await page.getByRole('link', { name: 'Queue', exact: true }).click();
  await page.getByRole('tab', { name: /Completed/ }).click();
  await expect(page.getByTestId('jobs-table').getByRole('link', { name: `Document ${documents[0].id}` })).toBeVisible();
});
