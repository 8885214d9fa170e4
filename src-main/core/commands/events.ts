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
    async getSettings(_args, ctx) {
      return s.settings.view(ctx.user);
    },
    async updateSettings({ patch }, ctx) {
      return s.settings.update(ctx.user, patch);
    },
  };
}
