/** Replaying missed events, and settings. */
import { InkproofError } from '../../../src-shared/errors';
import type { Services } from '../services';
import type { CoreApi } from './context';

export function eventCommands(s: Services): Pick<CoreApi, 'getEvents' | 'getSettings' | 'updateSettings'> {
  return {
    async getEvents({ channel, since }, ctx) {
      // The same authorization as a live subscription: no reading of other users' channels.
      if (!(await s.hub.authorizer.authorize(ctx.user, channel)))
        throw new InkproofError('forbidden', `You may not read the channel "${channel}".`);
      return s.hub.replayAsync(channel, since);
    },
    async getSettings() {
      return s.settings.get();
    },
    async updateSettings({ patch }) {
      // Frozen terms belong to the account and sync; the change and its outbox entry go together.
      return s.db.transaction(() => {
        if (patch.frozen_terms && !sameTerms(patch.frozen_terms, s.settings.get().frozen_terms))
          s.sync.outbox.frozenTerms(patch.frozen_terms);
        return s.settings.update(patch);
      })();
    },
  };
}

function sameTerms(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}
