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
  return {
    ...syncCommands(s, localUserId),
    ...documentCommands(s),
    ...rewriteCommands(s),
    ...sampleCommands(s),
    ...queueCommands(s),
    ...eventCommands(s),
  };
}

export type { CallContext, CoreApi } from './context';
export { dispatch, parseArgs, isCommandName } from './dispatch';
