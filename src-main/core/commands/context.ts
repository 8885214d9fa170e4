/** Who is calling a command, and from where. */
import type { z } from 'zod';
import type { CommandName, CommandResult, commandSchemas } from '../../../src-shared/commands';
import type { HubUser } from '../hub/authorizer';

export interface CallContext {
  user: HubUser;
  /** The caller's live connection, excluded from the events its command causes (`toOthers`). */
  connectionId?: string;
  /** Only trusted callers (Electron main, the CLI) may import files by path. */
  allowPaths?: boolean;
}

export type ParsedArgs<C extends CommandName> = z.output<(typeof commandSchemas)[C]>;

export type CoreApi = { [C in CommandName]: (args: ParsedArgs<C>, ctx: CallContext) => Promise<CommandResult<C>> };
