/** Replaying missed events, and settings. */
import { InkproofError } from '../../../src-shared/errors';
import type { Envelope } from '../../../src-shared/events';
import type { Services } from '../services';
import type { CoreApi } from './context';

export function eventCommands(
  s: Services,
): Pick<CoreApi, 'getEvents' | 'getRecentEvents' | 'whoami' | 'getSettings' | 'updateSettings'> {
  return {
    async getEvents({ channel, since }, ctx) {
      // The same authorization as a live subscription: no reading of other users' channels.
      if (!(await s.hub.authorizer.authorize(ctx.user, channel)))
        throw new InkproofError('forbidden', `You may not read the channel "${channel}".`);
      return s.hub.replayAsync(channel, since);
    },
    async getRecentEvents({ limit = 500 }, ctx) {
      // A snapshot first: authorization may wait, and the log moves on meanwhile.
      const newest = s.hub.history.newestFirst();
      const allowed = new Map<string, boolean>();
      const events: Envelope[] = [];
      for (const env of newest) {
        let ok = allowed.get(env.channel);
        if (ok === undefined) {
          ok = (await s.hub.authorizer.authorize(ctx.user, env.channel)) !== false;
          allowed.set(env.channel, ok);
        }
        if (ok && events.push(env) >= limit) break;
      }
      return { events };
    },
    async whoami(_args, ctx) {
      return { user: { id: ctx.user.id, name: ctx.user.name ?? null } };
    },
    async getSettings(_args, ctx) {
      return s.settings.view(ctx.user);
    },
    async updateSettings({ patch }, ctx) {
      // Frozen terms are the account's own and sync with the library this device syncs (its own
      // account's): the change and its outbox entry go together. Journalled first, so that settings
      // that do not validate roll the entry back before anything is written.
      return s.db.transaction(() => {
        if (
          patch.frozen_terms &&
          ctx.user.id === s.sync.userId &&
          !sameTerms(patch.frozen_terms, s.settings.forUser(ctx.user.id).frozen_terms)
        )
          s.sync.outbox.frozenTerms(patch.frozen_terms);
        return s.settings.update(ctx.user, patch);
      })();
    },
  };
}

function sameTerms(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
