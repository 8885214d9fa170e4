/**
 * A large import through a real `inkproof serve`: a .docx near the import limit (19 MB, nearly all
 * of it a picture that does not compress) is uploaded, kept as a file of the data folder's
 * `sources/` folder (src-main/core/store/sources.ts), extracted by a worker that reads that file
 * itself, and analysed. Nothing of its bytes ever reaches SQLite (storing them there held the event
 * loop for hundreds of milliseconds at this size); the file goes once the text is stored, or when
 * the document is deleted. Other clients are answered while the upload is still in progress.
 *
 * How long the event loop is held is measured in bench/import.ts, not asserted here.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE } from '../../../src-main/core/store/db';
import { TestSocket } from '../../helpers/socket';
import { humanText } from '../../helpers/texts';
import { waitFor } from '../../helpers/wait';
import { buildZip } from '../../unit/extract/fixtures';
import { api, eventLog, serve, upload, type Serve } from './helpers';

const MB = 1024 * 1024;

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/**
 * A Word document of a few paragraphs and `picture` stored as is; without its text part
 * (`word/document.xml`) when `broken`, which extraction refuses.
 */
function largeDocx(picture: Buffer, broken = false): Buffer {
  const paragraphs = humanText(6)
    .split('\n\n')
    .map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`)
    .join('');
  const xml = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs}</w:body></w:document>`;
  return Buffer.from(
    buildZip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: '_rels/.rels', data: RELS },
      ...(broken ? [] : [{ name: 'word/document.xml', data: xml }]),
      { name: 'word/media/image1.png', data: picture, store: true },
    ]),
  );
}

/** Slices of `bytes` spread over it: finding none of them in a file shows the bytes are not there. */
function samplesOf(bytes: Buffer, count = 32, length = 48): Buffer[] {
  return Array.from({ length: count }, (_, i) => {
    const at = Math.floor(((bytes.length - length) * i) / (count - 1));
    return bytes.subarray(at, at + length);
  });
}

/** The database's files (the database, its write-ahead log, its shared memory), read whole. */
function databaseFiles(dir: string): { name: string; bytes: Buffer }[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.startsWith(DB_FILE))
    .map((e) => ({ name: e.name, bytes: fs.readFileSync(path.join(dir, e.name)) }));
}

describe('a large import (real server)', () => {
  let s: Serve;
  let events: ReturnType<typeof eventLog>;
  const sourcesDir = () => path.join(s.dir, 'sources');
  const sourceFiles = () => (fs.existsSync(sourcesDir()) ? fs.readdirSync(sourcesDir()) : []);

  /** Waits for the end of a document's analysis, whichever way it ended. */
  const analysisOf = (id: number) =>
    events.next(
      (e) => (e.event === 'document.analyzed' || e.event === 'document.analysis_failed') && e.data.document_id === id,
    );

  /** No slice of `bytes` in any of the database's files. */
  const expectNotInDatabase = (bytes: Buffer) => {
    const files = databaseFiles(s.dir);
    expect(files.map((f) => f.name)).toContain(DB_FILE);
    const samples = samplesOf(bytes);
    for (const f of files) for (const sample of samples) expect(f.bytes.includes(sample), f.name).toBe(false);
  };

  /**
   * A file extraction refuses: its original is kept whole (so that the analysis can be run again)
   * until the document is deleted, and is never in the database.
   */
  const keptUntilDeleted = async (picture: Buffer, file: Buffer, imported: { status: number; body: any }) => {
    expect(imported.status).toBe(201);
    const id = imported.body.document.id as number;
    expect(await analysisOf(id)).toMatchObject({ event: 'document.analysis_failed', data: { code: 'corrupt_file' } });
    const kept = sourceFiles();
    expect(kept).toHaveLength(1);
    expect(fs.readFileSync(path.join(sourcesDir(), kept[0])).equals(file)).toBe(true);
    expectNotInDatabase(picture);

    expect((await api(s, 'DELETE', `/api/documents/${id}`)).status).toBe(200);
    await waitFor(() => sourceFiles().length === 0, 'the original file of the deleted document to be removed');
  };

  beforeAll(async () => {
    s = await serve();
    events = eventLog(s);
    await events.ready;
  });
  afterAll(async () => {
    await events?.close();
    await s?.stop();
  });

  it('analyses a 19 MB upload, answering other clients while it arrives, and keeps none of its bytes', async () => {
    const picture = crypto.randomBytes(19 * MB);
    const file = largeDocx(picture);
    // Near the default import limit (20 MB), within it.
    expect(file.length).toBeGreaterThan(19 * MB);
    expect(file.length).toBeLessThan(20 * MB);

    // Half of the file is sent, then the upload waits until other clients were answered: over HTTP
    // (a health check and the document list) and over WebSocket (a Pusher ping).
    let stalled!: () => void;
    const halfSent = new Promise<void>((resolve) => (stalled = resolve));
    let resume!: () => void;
    const answered = new Promise<void>((resolve) => (resume = resolve));
    const uploading = upload(s.port, s.token, [{ name: 'large.docx', size: file.length, content: file }], {
      stallAfter: file.length / 2,
      stalled,
      resume: answered,
    });
    await halfSent;
    const socket = await TestSocket.open(`ws://127.0.0.1:${s.port}/app/${s.appKey}?protocol=7&token=${s.token}`);
    try {
      await socket.established();
      expect((await fetch(`${s.url}/up`)).status).toBe(200);
      expect((await api(s, 'GET', '/api/documents')).status).toBe(200);
      socket.send({ event: 'pusher:ping', data: {} });
      await socket.next((f) => f.event === 'pusher:pong');
    } finally {
      socket.close();
      resume();
    }

    const answer = await uploading;
    if (answer === 'aborted') throw new Error('the upload was aborted');
    expect(answer.status).toBe(201);
    const id = answer.body.document.id as number;
    expect(answer.body.document.size_bytes).toBe(file.length);
    expect((await analysisOf(id)).event).toBe('document.analyzed');
    const detail = await api(s, 'GET', `/api/documents/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.document).toMatchObject({ status: 'analyzed', format: 'docx', size_bytes: file.length });
    expect(detail.body.document.text).toContain(humanText(6).split('\n\n')[0].slice(0, 40));

    // Its text is stored; its original file goes, and no byte of it is in the database.
    await waitFor(() => sourceFiles().length === 0, 'the original file to be removed');
    expectNotInDatabase(picture);
  }, 120_000);

  it('keeps the original of a 19 MB upload it could not read until the document is deleted', async () => {
    const picture = crypto.randomBytes(19 * MB);
    const file = largeDocx(picture, true);
    const answer = await upload(s.port, s.token, [{ name: 'broken.docx', size: file.length, content: file }]);
    if (answer === 'aborted') throw new Error('the upload was aborted');
    await keptUntilDeleted(picture, file, answer);
  }, 120_000);

  it('keeps a file imported as JSON (base64) the same way', async () => {
    const picture = crypto.randomBytes(2 * MB);
    const file = largeDocx(picture, true);
    const answer = await api(s, 'POST', '/api/documents', {
      body: { name: 'json.docx', base64: file.toString('base64') },
    });
    await keptUntilDeleted(picture, file, answer);
  }, 120_000);
});
