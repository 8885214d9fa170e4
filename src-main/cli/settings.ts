/**
 * `inkproof settings [show]` and `inkproof settings set KEY VALUE`: the machine's settings of a data
 * folder (the local model, the ceiling of the import limit). Whoever may open the data folder owns
 * it, so no account is needed; the values are validated like every other change (store/settings.ts).
 * A running server sees the change on its next read.
 */
import { InkproofError } from '../../src-shared/errors';
import type { SettingsPatch } from '../../src-shared/commands';
import { resolveDataDir } from '../core/paths';
import { openDatabase } from '../core/store/db';
import { SettingsStore } from '../core/store/settings';

export interface SettingsCliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: SettingsCliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

const integer = (key: string, value: string): number => {
  if (!/^\d+$/.test(value)) throw new InkproofError('invalid_input', `${key} takes a whole number.`);
  return Number(value);
};

/** Each key a user may set, and how its text becomes a patch. */
const KEYS: Record<string, (value: string) => Pick<SettingsPatch, 'llm' | 'machine_limits'>> = {
  'llm.kind': (v) => ({ llm: { kind: v as 'openai' } }),
  'llm.url': (v) => ({ llm: { url: v } }),
  'llm.model': (v) => ({ llm: { model: v } }),
  'llm.context_tokens': (v) => ({ llm: { context_tokens: integer('llm.context_tokens', v) } }),
  'llm.timeout_seconds': (v) => ({ llm: { timeout_seconds: integer('llm.timeout_seconds', v) } }),
  'llm.allowed_hosts': (v) => ({
    llm: {
      allowed_hosts: v
        .split(',')
        .map((h) => h.trim())
        .filter(Boolean),
    },
  }),
  max_file_bytes: (v) => ({ machine_limits: { max_file_bytes: integer('max_file_bytes', v) } }),
};

function withSettings<T>(data: string | undefined, fn: (settings: SettingsStore) => T): T {
  const db = openDatabase({ dataDir: resolveDataDir(data) });
  try {
    return fn(new SettingsStore(db));
  } finally {
    db.close();
  }
}

export async function settingsShow(o: { data?: string }, io = defaultIo): Promise<number> {
  return withSettings(o.data, (settings) => {
    io.out(JSON.stringify(settings.machine(), null, 2) + '\n');
    return 0;
  });
}

export async function settingsSet(key: string, value: string, o: { data?: string }, io = defaultIo): Promise<number> {
  const toPatch = KEYS[key];
  if (!toPatch)
    throw new InkproofError(
      'invalid_input',
      `There is no machine setting "${key}"; one of: ${Object.keys(KEYS).join(', ')}.`,
    );
  return withSettings(o.data, (settings) => {
    const next = settings.updateMachine(toPatch(value));
    io.err(`Set ${key}.\n`);
    io.out(JSON.stringify(next, null, 2) + '\n');
    return 0;
  });
}
