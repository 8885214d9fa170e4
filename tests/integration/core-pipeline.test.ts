/**
 * The core end to end with real workers: import → analysis → revision → sample check → apply →
 * export, each step pinned by the exact payload of the event that announces it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventSchemas } from '../../src-shared/events';
import { applyHunks } from '../../src-shared/hunks';
import { dispatch } from '../../src-main/core/commands';
import { coreForTests } from '../helpers/core';
import { aiText, humanText, mixedText } from '../helpers/texts';

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('core pipeline', () => {
  const harness = coreForTests();
  const ctx = () => harness.ctx();

  it("imports a document, analyses it in a worker and broadcasts document.analyzed with the seed's fields", async () => {
    const { documents, errors } = await harness.core.api.importDocuments(
      { files: [{ name: 'essay.txt', text: aiText(4) }] },
      ctx(),
    );
    expect(errors).toEqual([]);
    const id = documents[0].id;
    const env = await harness.fake.waitFor(`private-documents.${id}`, 'document.analyzed');
    expect(Object.keys(env.data).sort()).toEqual([
      'ai_confidence',
      'ai_share',
      'analyzed_at',
      'critical_sections',
      'document_id',
      'verdict',
      'word_count',
    ]);
    expect(env.data).toMatchObject({ document_id: id, verdict: 'ai' });
    expect(env.data.word_count).toBe((await harness.core.api.getDocument({ id }, ctx())).word_count);
    expect(env.data.ai_confidence).toBeGreaterThan(50);
    expect(Math.round(env.data.ai_confidence! * 10) / 10).toBe(env.data.ai_confidence);
    expect(env.data.analyzed_at).toMatch(ISO);
    expect(env.data.critical_sections.length).toBeGreaterThan(0);
    const detail = await harness.core.api.getDocument({ id }, ctx());
    for (const s of env.data.critical_sections) {
      expect(Object.keys(s).sort()).toEqual(['confidence', 'end', 'start', 'text']);
      expect(s.text.length).toBeLessThanOrEqual(300);
      expect(detail.text!.slice(s.start, s.start + 40)).toBe(s.text.slice(0, 40));
    }
    harness.fake.assertBroadcast(
      'private-library.1',
      'document.imported',
      (d) => d.document_id === id && d.name === 'essay.txt',
    );
    harness.fake.assertBroadcast('private-library.1', 'document.analysis_started', (d) => d.document_id === id);
    expect(detail).toMatchObject({ status: 'analyzed', verdict: 'ai', version: 1 });
    expect(detail.explanations.length).toBeGreaterThan(0);
    expect(harness.fake.invalid).toEqual([]);
  });

  it('broadcasts a half-human document as mixed, with the share of its words in AI passages', async () => {
    const { documents } = await harness.core.api.importDocuments(
      { files: [{ name: 'half.txt', text: mixedText(3) }] },
      ctx(),
    );
    const id = documents[0].id;
    const env = await harness.fake.waitFor(`private-documents.${id}`, 'document.analyzed');
    expect(eventSchemas['document.analyzed'].safeParse(env.data).success).toBe(true);
    expect(env.data.verdict).toBe('mixed');
    expect(env.data.ai_share).toBeGreaterThan(0.3);
    expect(env.data.ai_share).toBeLessThan(0.7);
    const detail = await harness.core.api.getDocument({ id }, ctx());
    expect(detail).toMatchObject({ verdict: 'mixed', ai_share: env.data.ai_share });
    expect(detail.sentences.length).toBeGreaterThan(5);
    const text = detail.text!;
    const aiStart = text.indexOf('In today');
    for (const s of detail.critical_sections) expect(s.start).toBeGreaterThanOrEqual(aiStart - 1);
    const listed = await harness.core.api.listDocuments({}, ctx());
    expect(listed.documents.find((d) => d.id === id)).toMatchObject({ verdict: 'mixed', ai_share: env.data.ai_share });
  });

  it('revises a document with queued → processing → progress … 100 → completed, in that order', async () => {
    const { documents } = await harness.core.api.importDocuments(
      { files: [{ name: 'long.md', text: aiText(30) }] },
      ctx(),
    );
    const id = documents[0].id;
    await harness.fake.waitFor(`private-documents.${id}`, 'document.analyzed');
    const { rewrite } = await harness.core.api.rewriteDocument(
      { id, options: { scope: 'document', mode: 'casual' } },
      ctx(),
    );
    const completed = await harness.fake.waitFor(`private-rewrites.${rewrite.id}`, 'rewrite.completed');
    const seq = harness.fake.recorded.filter((e) => e.channel === `private-rewrites.${rewrite.id}`);
    const names = seq.map((e) => e.event);
    expect(names[0]).toBe('rewrite.queued');
    expect(names[1]).toBe('rewrite.processing');
    expect(names[names.length - 1]).toBe('rewrite.completed');
    const progress = seq
      .filter((e) => e.event === 'rewrite.progress')
      .map((e) => (e.data as { progress: number }).progress);
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress[progress.length - 1]).toBe(100);
    expect(seq.map((e) => e.seq)).toEqual(seq.map((_e, i) => i + 1));

    const queued = seq[0].data as Record<string, unknown>;
    expect(Object.keys(queued).sort()).toEqual(['document_id', 'estimated_time', 'queued_at', 'rewrite_id', 'status']);
    expect(queued.estimated_time).toBeGreaterThan(0);
    expect(Object.keys(seq[1].data as object).sort()).toEqual(['document_id', 'rewrite_id', 'started_at', 'status']);
    expect(Object.keys(completed.data).sort()).toEqual([
      'completed_at',
      'diff_summary',
      'document_id',
      'rewrite_id',
      'status',
    ]);
    expect(Object.keys(completed.data.diff_summary).sort()).toEqual(['additions', 'deletions', 'similarity']);
    expect(completed.data.diff_summary.deletions).toBeGreaterThan(0);
    for (const e of seq)
      expect(eventSchemas[e.event as keyof typeof eventSchemas].safeParse(e.data).success).toBe(true);

    const detail = await harness.core.api.getRewrite({ id: rewrite.id }, ctx());
    expect(detail.status).toBe('completed');
    expect(detail.hunks.length).toBeGreaterThan(0);
    for (const h of detail.hunks) expect(detail.original.slice(h.start, h.end)).toBe(h.before);

    // Apply two of the changes: a new version, and the old one stays recoverable.
    const accepted = detail.hunks.slice(0, 2).map((h) => h.id);
    const applied = await harness.core.api.applyRewrite({ id: rewrite.id, accepted_hunks: accepted }, ctx());
    expect(applied.version).toBe(2);
    harness.fake.assertBroadcast(
      'private-library.1',
      'document.updated',
      (d) => d.document_id === id && d.version === 2,
    );
    const v1 = await harness.core.api.getDocument({ id, version: 1 }, ctx());
    const v2 = await harness.core.api.getDocument({ id }, ctx());
    expect(v1.text).toBe(detail.original);
    expect(v2.text).toBe(applyHunks(detail.original, detail.hunks, accepted));
    expect(v2.text).not.toBe(detail.original);
    expect(v2.versions.map((v) => v.version)).toEqual([1, 2]);
    await expect(harness.core.api.applyRewrite({ id: rewrite.id, accepted_hunks: 'all' }, ctx())).rejects.toMatchObject(
      {
        code: 'conflict',
      },
    );

    // The revised version is analysed again.
    await harness.fake.waitFor(
      `private-documents.${id}`,
      'document.analyzed',
      (d) => d.analyzed_at > (completed.data.completed_at as string),
    );
  });

  it('checks a selected passage and broadcasts sample.validated', async () => {
    const { documents } = await harness.core.api.importDocuments(
      { files: [{ name: 'mixed.txt', text: humanText(3) + '\n\n' + aiText(3) }] },
      ctx(),
    );
    const id = documents[0].id;
    await harness.fake.waitFor(`private-documents.${id}`, 'document.analyzed');
    const doc = await harness.core.api.getDocument({ id }, ctx());
    const { sample } = await harness.core.api.validateSample(
      { document_id: id, start: 0, end: Math.floor(doc.text!.length / 2) },
      ctx(),
    );
    const env = await harness.fake.waitFor(
      `private-documents.${id}`,
      'sample.validated',
      (d) => d.sample_id === sample.id,
    );
    expect(Object.keys(env.data).sort()).toEqual([
      'ai_confidence',
      'document_id',
      'rewrite_id',
      'sample_id',
      'validated_at',
    ]);
    expect(env.data).toMatchObject({ document_id: id, rewrite_id: null });
    expect(env.data.validated_at).toMatch(ISO);
  });

  it('exports as .txt, .md and a real .docx', async () => {
    const { documents } = await harness.core.api.importDocuments(
      { files: [{ name: 'notes.txt', text: humanText(2) }] },
      ctx(),
    );
    const id = documents[0].id;
    await harness.fake.waitFor(`private-documents.${id}`, 'document.analyzed');
    const txt = await harness.core.api.exportDocument({ id, format: 'txt' }, ctx());
    expect(txt.name).toBe('notes.txt');
    expect(Buffer.from(txt.base64, 'base64').toString('utf8')).toContain('market on Saturday');
    const docx = await harness.core.api.exportDocument({ id, format: 'docx' }, ctx());
    const bytes = Buffer.from(docx.base64, 'base64');
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const mammoth = await import('mammoth');
    const back = await mammoth.extractRawText({ buffer: bytes });
    expect(back.value).toContain('market on Saturday');
  });

  it('deletes a document and announces it', async () => {
    const { documents } = await harness.core.api.importDocuments(
      { files: [{ name: 'gone.txt', text: humanText(2) }] },
      ctx(),
    );
    const id = documents[0].id;
    await harness.core.api.deleteDocument({ id }, ctx());
    harness.fake.assertBroadcast('private-library.1', 'document.deleted', (d) => d.document_id === id);
    await expect(harness.core.api.getDocument({ id }, ctx())).rejects.toMatchObject({ code: 'not_found' });
  });

  describe('bad input gets a typed error and breaks nothing', () => {
    it('refuses empty, binary, unsupported and too large files, each with its reason', async () => {
      const big = path.join(harness.dir, 'big.txt');
      fs.writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'a'));
      const { documents, errors } = await harness.core.api.importDocuments(
        {
          files: [
            { name: 'empty.txt', text: '' },
            { name: 'blank.md', text: '   \n\n  ' },
            {
              name: 'binary.txt',
              base64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]).toString('base64'),
            },
            { name: 'tool.exe', text: 'MZ' },
            { name: 'big.txt', path: big },
            { name: 'ok.txt', text: humanText(1) },
          ],
        },
        { user: harness.core.localUser, allowPaths: true },
      );
      expect(documents.map((d) => d.name)).toEqual(['ok.txt']);
      expect(errors.map((e) => [e.name, e.error.code])).toEqual([
        ['empty.txt', 'empty_document'],
        ['blank.md', 'empty_document'],
        ['binary.txt', 'binary_content'],
        ['tool.exe', 'unsupported_format'],
        ['big.txt', 'too_large'],
      ]);
      expect(errors.find((e) => e.name === 'big.txt')?.error.message).toMatch(/limit of 20 MB/);
    });

    it('reads base64 wrapped over lines, and refuses a bad character after a run of line breaks', async () => {
      const wrapped = Buffer.from(humanText(2), 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
      const { documents, errors } = await harness.core.api.importDocuments(
        {
          files: [
            { name: 'wrapped.txt', base64: wrapped },
            // Searched the old way, 40,000 line breaks before the bad byte took seconds.
            { name: 'bad.txt', base64: `${'\n'.repeat(40_000)}\u0000` },
          ],
        },
        ctx(),
      );
      expect(documents.map((d) => d.name)).toEqual(['wrapped.txt']);
      expect(errors.map((e) => [e.name, e.error.code])).toEqual([['bad.txt', 'invalid_input']]);
      expect(errors[0].error.message).toMatch(/not valid base64/);
    });

    it('refuses imports by path from untrusted callers', async () => {
      const { errors } = await harness.core.api.importDocuments(
        { files: [{ name: 'passwd.txt', path: '/etc/passwd' }] },
        ctx(),
      );
      expect(errors[0].error.code).toBe('invalid_input');
    });

    it('validates arguments at the boundary with field-level issues', async () => {
      await expect(dispatch(harness.core.api, 'rewriteDocument', { id: 'x' }, ctx())).rejects.toMatchObject({
        code: 'invalid_input',
        issues: [expect.objectContaining({ path: 'id' })],
      });
      await expect(
        dispatch(harness.core.api, 'rewriteDocument', { id: 1, options: { strength: 9 } }, ctx()),
      ).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(dispatch(harness.core.api, 'noSuchCommand', {}, ctx())).rejects.toMatchObject({ code: 'not_found' });
      await expect(
        dispatch(harness.core.api, 'validateSample', { document_id: 1, text: 'a', start: 0, end: 1 }, ctx()),
      ).rejects.toMatchObject({ code: 'invalid_input' });
    });

    it("answers not_found for unknown ids and for other users' documents", async () => {
      await expect(harness.core.api.getDocument({ id: 999_999 }, ctx())).rejects.toMatchObject({ code: 'not_found' });
      await expect(harness.core.api.getRewrite({ id: 999_999 }, ctx())).rejects.toMatchObject({ code: 'not_found' });
      await expect(harness.core.api.cancelJob({ id: 999_999 }, ctx())).rejects.toMatchObject({ code: 'not_found' });
      await expect(harness.core.api.getDocument({ id: 1 }, { user: { id: 2 } })).rejects.toMatchObject({
        code: 'not_found',
      });
      await expect(
        harness.core.api.getEvents({ channel: 'private-documents.1', since: 0 }, { user: { id: 2 } }),
      ).rejects.toMatchObject({ code: 'forbidden' });
    });
  });

  it('cancels a running revision: the worker stops, rewrite.failed says so, the job is cancelled and can be retried', async () => {
    const { documents } = await harness.core.api.importDocuments(
      { files: [{ name: 'cancel.txt', text: aiText(3000) }] },
      ctx(),
    );
    const id = documents[0].id;
    await harness.fake.waitFor(`private-documents.${id}`, 'document.analyzed', undefined, 60_000);
    const { rewrite } = await harness.core.api.rewriteDocument({ id, options: { scope: 'document' } }, ctx());
    await harness.fake.waitFor(`private-rewrites.${rewrite.id}`, 'rewrite.processing');
    const job = (await harness.core.api.listJobs({ type: 'rewrite' }, ctx())).jobs.find(
      (j) => j.subject_id === rewrite.id,
    )!;
    const cancelled = await harness.core.api.cancelJob({ id: job.id }, ctx());
    expect(cancelled.job.status).toBe('cancelled');
    const failed = await harness.fake.waitFor(`private-rewrites.${rewrite.id}`, 'rewrite.failed');
    expect(Object.keys(failed.data).sort()).toEqual(['document_id', 'error', 'failed_at', 'rewrite_id', 'status']);
    expect(failed.data).toMatchObject({
      rewrite_id: rewrite.id,
      document_id: id,
      status: 'failed',
      error: 'The revision was cancelled.',
    });
    harness.fake.assertNotBroadcast(`private-rewrites.${rewrite.id}`, 'rewrite.completed');
    expect((await harness.core.api.getRewrite({ id: rewrite.id }, ctx())).status).toBe('cancelled');
    await harness.core.api.retryJob({ id: job.id }, ctx());
    // The retry revises all 3,000 paragraphs: on a loaded 2-core machine that alone can take a minute.
    await harness.fake.waitFor(`private-rewrites.${rewrite.id}`, 'rewrite.completed', undefined, 240_000);
    expect((await harness.core.api.getRewrite({ id: rewrite.id }, ctx())).status).toBe('completed');
  }, 330_000);

  it('fails the analysis of a damaged .docx with a typed error on that document only', async () => {
    const damaged = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(300, 7)]);
    const { documents } = await harness.core.api.importDocuments(
      {
        files: [
          { name: 'damaged.docx', base64: damaged.toString('base64') },
          { name: 'fine.txt', text: humanText(2) },
        ],
      },
      ctx(),
    );
    const [bad, good] = documents;
    const failed = await harness.fake.waitFor(
      'private-library.1',
      'document.analysis_failed',
      (d) => d.document_id === bad.id,
    );
    expect(failed.data.code).toBe('corrupt_file');
    expect(failed.data.error).toMatch(/\.$/);
    expect(await harness.core.api.getDocument({ id: bad.id }, ctx())).toMatchObject({
      status: 'failed',
      error: failed.data.error,
    });
    await harness.fake.waitFor(`private-documents.${good.id}`, 'document.analyzed');
    const job = (await harness.core.api.listJobs({ type: 'analyze', status: 'failed' }, ctx())).jobs.find(
      (j) => j.subject_id === bad.id,
    );
    expect(job?.attempts).toBe(1);
  });

  it('broadcast only payloads that match the event catalogue, on every path above', () => {
    expect(harness.fake.invalid).toEqual([]);
    const seen = new Set(harness.fake.recorded.map((e) => e.event));
    for (const name of [
      'document.imported',
      'document.analysis_started',
      'document.analyzed',
      'document.analysis_failed',
      'document.updated',
      'document.deleted',
      'sample.validated',
      'rewrite.queued',
      'rewrite.processing',
      'rewrite.progress',
      'rewrite.completed',
      'rewrite.failed',
      'job.updated',
    ]) {
      expect(seen.has(name), name).toBe(true);
    }
  });

  it('reports queue statistics with measured throughput', async () => {
    const stats = await harness.core.api.getQueueStats({}, ctx());
    expect(stats.by_type.analyze.completed).toBeGreaterThan(0);
    expect(stats.by_type.analyze.throughput).toBeGreaterThan(0);
    expect(stats.by_type.rewrite.median_runtime).toBeGreaterThan(0);
    expect(stats.concurrency).toBe(1);
  });
});
