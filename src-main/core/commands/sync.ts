/**
 * Commands of the device's sync with a remote server (docs/sync.md): sign in and out, status,
 * retry, per-document badges, and the conflicting versions to review. Sync is the device's own
 * business: only its local account may use these (an account signed in to this process as a sync
 * server cannot reconfigure it).
 */
import { libraryChannel } from '../../../src-shared/channels';
import { InkproofError } from '../../../src-shared/errors';
import type { DocumentSummary } from '../../../src-shared/models';
import { isoNow } from '../clock';
import { analyzedEvent } from '../jobs/analyze';
import type { Services } from '../services';
import type { CallContext, CoreApi } from './context';
import { ownedDocument } from './documents';

type SyncCommand =
  | 'getSyncStatus'
  | 'connectSync'
  | 'disconnectSync'
  | 'retrySync'
  | 'getSyncBadges'
  | 'listConflicts'
  | 'resolveConflict';

export function syncCommands(s: Services, localUserId: number): Pick<CoreApi, SyncCommand> {
  const deviceOwner = (ctx: CallContext) => {
    if (ctx.user.id !== localUserId)
      throw new InkproofError('forbidden', "Only this device's own account can change how it syncs.");
  };
  return {
    async getSyncStatus(_args, ctx) {
      deviceOwner(ctx);
      return s.sync.status();
    },
    async connectSync(args, ctx) {
      deviceOwner(ctx);
      return s.sync.connect(args);
    },
    async disconnectSync(_args, ctx) {
      deviceOwner(ctx);
      return s.sync.disconnect();
    },
    async retrySync(_args, ctx) {
      deviceOwner(ctx);
      return s.sync.retry();
    },
    async getSyncBadges(_args, ctx) {
      deviceOwner(ctx);
      return { documents: s.sync.badges() };
    },
    async listConflicts(_args, ctx) {
      deviceOwner(ctx);
      return { conflicts: s.sync.graph.conflicts(ctx.user.id) };
    },

    /**
     * Settles a conflict by keeping one of the latest versions: a new version with its text, made
     * on top of all of them, so every device sees the conflict settled. The kept version's
     * analysis is copied (same text, same result) rather than computed again.
     */
    async resolveConflict({ id, keep_version }, ctx) {
      deviceOwner(ctx);
      ownedDocument(s, id, ctx);
      const heads = s.sync.graph.heads(id);
      if (heads.length < 2) throw new InkproofError('conflict', 'This document has no conflicting versions.');
      const keep = heads.find((h) => h.version === keep_version);
      if (!keep)
        throw new InkproofError('invalid_input', `Version ${keep_version} is not one of the conflicting versions.`);
      const kept = s.documents.version(id, keep.version) ?? { text: '', blocks: [] };
      const analysis = s.documents.latestAnalysis(id, keep.version);
      const version = s.hub.atomically(s.db, () => {
        const version = s.documents.addVersion(id, kept.text, keep.word_count, null, kept.blocks, {
          origin: 'merge',
          alsoOnTop: heads.slice(1).map((h) => h.vid),
        });
        s.sync.outbox.version(id, version);
        s.hub.broadcast({
          channel: libraryChannel(ctx.user.id),
          event: 'document.updated',
          data: { document_id: id, version, updated_at: isoNow() },
        });
        if (analysis) {
          const saved = s.documents.saveAnalysisRow(id, version, analysis);
          s.sync.outbox.analysis(id, version, saved.analysisId);
          s.hub.broadcast(analyzedEvent(id, analysis, saved.analyzedAt));
        } else {
          s.scheduler.enqueue(ctx.user.id, 'analyze', id, keep.word_count);
        }
        return version;
      });
      return { document: s.documents.summary(id) as DocumentSummary, version };
    },
  };
}
