/**
 * The single entry of every boundary (IPC, HTTP, WebSocket bridge): checks the command name,
 * validates the arguments with the command's zod schema and calls the CoreApi.
 */
import { commandSchemas, COMMAND_NAMES, type CommandName, type CommandResult } from '../../../src-shared/commands';
import { InkproofError } from '../../../src-shared/errors';
import type { CallContext, CoreApi } from './context';

export function isCommandName(name: string): name is CommandName {
  return (COMMAND_NAMES as string[]).includes(name);
}

export function parseArgs<C extends CommandName>(name: C, raw: unknown) {
  const parsed = commandSchemas[name].safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new InkproofError(
      'invalid_input',
      `The request for ${name} is not valid: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}.`,
      { issues },
    );
  }
  return parsed.data;
}

export async function dispatch(
  api: CoreApi,
  name: string,
  raw: unknown,
  ctx: CallContext,
): Promise<CommandResult<CommandName>> {
  if (!isCommandName(name)) throw new InkproofError('not_found', `There is no command "${name}".`);
  const args = parseArgs(name, raw);
  return (api[name] as (a: unknown, c: CallContext) => Promise<CommandResult<CommandName>>)(args, ctx);
}
