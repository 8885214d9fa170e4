/**
 * Ids are never given twice, and a deleted document takes its events with it — against a real
 * `inkproof serve`, across a restart.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, runCli, startServeProcess, type ServeProcess } from '../../helpers/server-process';
import { tempDir } from '../../helpers/temp';
import { aiText, humanText } from '../../helpers/texts';
import { waitFor } from '../../helpers/wait';

const data = tempDir();
let server: ServeProcess;
afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
  data.cleanup();
});

const call = async (method: string, p: string, body?: unknown) => {
  const res = await fetch(`${server.url}${p}`, {
    method,
    headers: {
      authorization: `Bearer ${server.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

async function importAnalysed(name: string, text: string): Promise<number> {
  const r = await call('POST', '/api/documents', { name, text });
  expect(r.status).toBe(201);
  const id = r.body.document.id as number;
  await waitFor(
    async () => (await call('GET', `/api/documents/${id}`)).body.document?.status === 'analyzed',
    `document ${id} to be analysed`,
  );
  return id;
}

/** Lines of the stored event log that belong to a channel (read beside the running server). */
function storedLines(channel: string): string[] {
  const db = new Database(path.join(data.dir, 'inkproof.db'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT events FROM event_batches').all() as { events: string }[];
    return rows.flatMap((r) => r.events.split('\n')).filter((l) => l.startsWith(`{"channel":"${channel}",`));
  } finally {
    db.close();
  }
}

describe('ids and the event log of deleted documents', () => {
  it('never reuses a deleted document’s id, nor replays its events onto a new one', async () => {
    server = await startServeProcess(data.dir);
    const first = await importAnalysed('essay.txt', aiText(6));
    expect(storedLines(`private-documents.${first}`).length).toBeGreaterThan(0);
    expect((await call('DELETE', `/api/documents/${first}`)).status).toBe(200);
    // Its events are gone from the durable log, and nobody may ask for them.
    expect(storedLines(`private-documents.${first}`)).toEqual([]);
    expect((await call('GET', `/api/events?channel=private-documents.${first}&since=0`)).status).toBe(403);

    const second = await importAnalysed('notes.txt', humanText(6));
    expect(second).toBeGreaterThan(first);
    const replay = await call('GET', `/api/events?channel=private-documents.${second}&since=0`);
    const analysed = (replay.body.events as { event: string; data: { document_id: number } }[]).filter(
      (e) => e.event === 'document.analyzed',
    );
    expect(analysed).toHaveLength(1);
    expect(analysed[0].data.document_id).toBe(second);

    // The newest document deleted, then a restart: the next id is still a new one.
    expect((await call('DELETE', `/api/documents/${second}`)).status).toBe(200);
    server.child.kill('SIGTERM');
    await exited(server.child);
    server = await startServeProcess(data.dir);
    const third = (await call('POST', '/api/documents', { name: 'late.txt', text: humanText(4) })).body.document.id;
    expect(third).toBeGreaterThan(second);
  }, 90_000);

  it('never gives a removed account’s id (and so its channels) to a new account', async () => {
    const add = async (name: string) => {
      const r = await runCli(['user', 'add', name, '--data', data.dir]);
      expect(r.code, r.stderr).toBe(0);
      return Number(/id (\d+)/.exec(r.stderr)![1]);
    };
    const gone = await add('temp-user');
    expect((await runCli(['user', 'remove', 'temp-user', '--data', data.dir])).code).toBe(0);
    expect(await add('next-user')).toBeGreaterThan(gone);
  });
});
