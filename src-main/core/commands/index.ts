/** The CoreApi: every command, assembled from its parts. */
import type { Services } from '../services';
import type { CoreApi } from './context';
import { documentCommands } from './documents';
import { eventCommands } from './events';
import { queueCommands } from './queue';
import { rewriteCommands } from './rewrites';
import { sampleCommands } from './samples';
import { syncCommands } from './sync';

export function createCommands(s: Services, localUserId: number): CoreApi {
  const api: CoreApi = {
    ...syncCommands(s, localUserId),
    ...documentCommands(s),
    ...rewriteCommands(s),
    ...sampleCommands(s),
    ...queueCommands(s),
    ...eventCommands(s),
  };
  // A full or failing disk becomes the caller's typed error (and an event to every connected account).
  for (const name of Object.keys(api) as (keyof CoreApi)[]) {
    const command = api[name] as (args: unknown, ctx: unknown) => Promise<unknown>;
    (api as Record<string, unknown>)[name] = async (args: unknown, ctx: unknown) => {
      try {
        return await command(args, ctx);
      } catch (err) {
        throw s.storage.failed(err) ?? err;
      }
    };
  }
  return api;
}

export type { CallContext, CoreApi } from './context';
export { dispatch, parseArgs, isCommandName } from './dispatch';
