/** Commands on revisions: start one, read it, apply the accepted changes. */
import { libraryChannel, rewriteChannel } from '../../../src-shared/channels';
import { InkproofError } from '../../../src-shared/errors';
import type { DiffHunk, DocumentSummary, RewriteOptions } from '../../../src-shared/models';
import { assertAllowedLlmEndpoint } from '../../../src-workers/rewrite/endpoint';
import { countWords } from '../../../src-workers/text/segment';
import { isoNow } from '../clock';
import type { Services } from '../services';
import type { CallContext, CoreApi } from './context';
import { ownedDocument } from './documents';
import { revisedDocument } from './revision';

function ownedRewrite(s: Services, id: number, ctx: CallContext) {
  const row = s.rewrites.row(id);
  if (!row || s.documents.ownerOf(row.document_id) !== ctx.user.id)
    throw new InkproofError('not_found', `There is no revision ${id}.`);
  return row;
}

export function rewriteCommands(s: Services): Pick<CoreApi, 'rewriteDocument' | 'getRewrite' | 'applyRewrite'> {
  return {
    async rewriteDocument({ id, options: given }, ctx) {
      const doc = ownedDocument(s, id, ctx);
      if (doc.text === null)
        throw new InkproofError('conflict', 'This document is still being read; revise it once its analysis is done.');
      const settings = s.settings.forUser(ctx.user.id);
      const options: RewriteOptions = { ...settings.revision, frozen_terms: settings.frozen_terms, ...given };
      if (options.engine === 'llm') {
        if (!settings.llm.url || !settings.llm.model) {
          throw new InkproofError(
            'invalid_input',
            'To revise with a local model, set its address and model name in Settings first.',
          );
        }
        // Refused now rather than as a failed job: text goes only where it may go.
        assertAllowedLlmEndpoint(settings.llm.url, settings.llm.allowed_hosts ?? []);
      }
      const analysis = s.documents.latestAnalysis(doc.id, doc.version);
      let ranges: { start: number; end: number }[] | null = null;
      if (options.scope === 'sections') {
        if (!analysis) {
          // Critical sections are the default scope only once an analysis exists.
          options.scope = 'document';
        } else if (analysis.critical_sections.length === 0) {
          throw new InkproofError(
            'invalid_input',
            'The analysis found no critical sections to revise. Choose "whole document" to revise all of it.',
          );
        } else {
          ranges = analysis.critical_sections.map((c) => ({ start: c.start, end: c.end }));
        }
      }
      const units = ranges
        ? ranges.reduce((n, r) => n + countWords(doc.text!.slice(r.start, r.end)), 0)
        : (doc.word_count ?? countWords(doc.text));
      const rewrite = s.hub.atomically(s.db, () => {
        const rewrite = s.rewrites.insert(doc.id, doc.version, options, ranges);
        const job = s.scheduler.enqueue(ctx.user.id, 'rewrite', rewrite.id, units);
        s.hub.broadcast({
          channel: rewriteChannel(rewrite.id),
          event: 'rewrite.queued',
          data: {
            rewrite_id: rewrite.id,
            document_id: doc.id,
            status: 'queued',
            queued_at: rewrite.queued_at,
            estimated_time: s.scheduler.estimate(job),
          },
        });
        return rewrite;
      });
      return { rewrite };
    },

    async getRewrite({ id }, ctx) {
      const row = ownedRewrite(s, id, ctx);
      const original = s.documents.versionText(row.document_id, row.document_version) ?? '';
      return s.rewrites.detail(id, original, s.rewritePartials.get(id))!;
    },

    async applyRewrite({ id, accepted_hunks }, ctx) {
      const row = ownedRewrite(s, id, ctx);
      if (row.status !== 'completed' || row.result === null)
        throw new InkproofError('conflict', 'Only a finished revision can be applied.');
      if (row.applied_version !== null)
        throw new InkproofError('conflict', `This revision was already applied as version ${row.applied_version}.`);
      const doc = ownedDocument(s, row.document_id, ctx);
      if (doc.version !== row.document_version) {
        throw new InkproofError(
          'conflict',
          `The document changed (it is now at version ${doc.version}) since this revision was made from version ${row.document_version}; start a new revision.`,
        );
      }
      const hunks = JSON.parse(row.hunks ?? '[]') as DiffHunk[];
      const known = new Set(hunks.map((h) => h.id));
      const unknown = accepted_hunks === 'all' ? [] : accepted_hunks.filter((h) => !known.has(h));
      if (unknown.length > 0)
        throw new InkproofError('invalid_input', `This revision has no change ${unknown.join(', ')}.`);
      const { text, blocks } = revisedDocument(s, row, accepted_hunks);
      const version = s.hub.atomically(s.db, () => {
        const version = s.documents.addVersion(doc.id, text, countWords(text), row.id, blocks);
        s.sync.outbox.version(doc.id, version);
        s.rewrites.markApplied(row.id, version);
        s.hub.broadcast({
          channel: libraryChannel(ctx.user.id),
          event: 'document.updated',
          data: { document_id: doc.id, version, updated_at: isoNow() },
        });
        // The new version is analysed like a new import.
        s.scheduler.enqueue(ctx.user.id, 'analyze', doc.id, countWords(text));
        return version;
      });
      return { document: s.documents.summary(doc.id) as DocumentSummary, version };
    },
  };
}
