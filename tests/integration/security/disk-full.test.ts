/**
 * A full disk is an error, not a crash: on a small tmpfs holding the data folder of a real
 * `inkproof serve`, an import answers 507 `storage_full`, every connected account is told
 * (`storage.failed`), the server stays up with work waiting, and once space is freed the waiting
 * work runs and new imports succeed. Needs root (to mount a tmpfs): skipped elsewhere, saying why.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exited, startServeProcess, type ServeProcess } from '../../helpers/server-process';
import { readEventStream } from '../../helpers/event-stream';
import { tempDir } from '../../helpers/temp';
import { aiText, humanText } from '../../helpers/texts';
import { waitFor } from '../../helpers/wait';

function mountTmpfs(dir: string): string | null {
  if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=12m', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `mount -t tmpfs failed here (${String((err as { stderr?: Buffer }).stderr ?? err).trim()})`;
  }
}

const mountPoint = tempDir('inkproof-disk-full-');
const skipReason = mountTmpfs(mountPoint.dir);
if (skipReason) console.log(`disk-full tests skipped: ${skipReason}.`);

/** Writes a file until the disk is full; returns its path. */
function fillDisk(dir: string): string {
  const file = path.join(dir, 'filler.bin');
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 7);
  try {
    for (;;) fs.writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

describe.skipIf(skipReason !== null)('a full disk under inkproof serve', () => {
  let server: ServeProcess;
  const dataDir = path.join(mountPoint.dir, 'data');
  const api = (p: string, init: RequestInit = {}) =>
    fetch(`${server.url}${p}`, {
      ...init,
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...init.headers },
    });

  beforeAll(async () => {
    server = await startServeProcess(dataDir);
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
    if (!skipReason) execFileSync('umount', ['-l', mountPoint.dir]);
    mountPoint.cleanup();
  });

  it('answers a typed error, tells every account, stays up, and resumes once space is freed', async () => {
    const stream = await readEventStream(server.url, server.token);
    // Work queued ahead of the full disk: one worker thread, several documents.
    const texts = Array.from({ length: 12 }, (_, i) => ({ name: `queued-${i}.txt`, text: aiText(30) + humanText(30) }));
    const queued = await api('/api/documents', { method: 'POST', body: JSON.stringify({ files: texts }) });
    expect(queued.status).toBe(201);
    const ids = ((await queued.json()) as { documents: { id: number }[] }).documents.map((d) => d.id);

    const filler = fillDisk(mountPoint.dir);
    const refused = await api('/api/documents', {
      method: 'POST',
      body: JSON.stringify({ name: 'late.txt', text: humanText(40) }),
    });
    expect(refused.status).toBe(507);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('storage_full');
    const failed = await stream.next((e) => e.event === 'storage.failed');
    expect(failed.channel).toBe('private-queue.1');
    expect((failed.data as { code: string }).code).toBe('storage_full');

    // Still serving, still the same process.
    expect((await fetch(`${server.url}/up`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect((await api('/api/documents')).status).toBe(200);

    fs.rmSync(filler);
    await stream.next((e) => e.event === 'storage.recovered', 30_000);
    const accepted = await api('/api/documents', {
      method: 'POST',
      body: JSON.stringify({ name: 'after.txt', text: humanText(40) }),
    });
    expect(accepted.status).toBe(201);
    ids.push(((await accepted.json()) as { document: { id: number } }).document.id);
    // Every document, queued before or imported after, gets its analysis.
    await waitFor(
      async () => {
        const list = (await (await api('/api/documents?limit=100')).json()) as {
          documents: { id: number; status: string }[];
        };
        return ids.every((id) => list.documents.find((d) => d.id === id)?.status === 'analyzed');
      },
      'every document to be analysed after space returned',
      60_000,
      200,
    );
    expect(server.child.exitCode).toBeNull();
    stream.close();
  }, 120_000);
});
