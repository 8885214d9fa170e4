/**
 * Settings (src-shared/models.ts `settingsSchema`), kept in two places by who may change them:
 * each account's own (`account_settings`, one JSON row per account) and the machine's (`settings`
 * row 'machine'), which only the owner of the data folder or an admin account changes. Stored values
 * are merged over the defaults key by key, and a key whose stored value no longer validates (written
 * by an older version) falls back to its default.
 *
 * Reads are cached; the cache is dropped when another connection (the CLI, another process on the
 * same data folder) has committed since (`PRAGMA data_version`).
 */
import { InkproofError } from '../../../src-shared/errors';
import { llmAddressProblem } from '../../../src-shared/llm-address';
import {
  ACCOUNT_SETTING_KEYS,
  accountSettingsSchema,
  DEFAULT_MACHINE_SETTINGS,
  DEFAULT_SETTINGS,
  MACHINE_SETTING_KEYS,
  machineSettingsSchema,
  settingsSchema,
  type AccountSettings,
  type MachineSettings,
  type Settings,
  type SettingsView,
} from '../../../src-shared/models';
import type { SettingsPatch } from '../../../src-shared/commands';
import type { HubUser } from '../hub/authorizer';
import type { Db } from './db';

/** An account's stored settings: its limit is absent until the account lowers it. */
type StoredAccount = Omit<AccountSettings, 'limits'> & { limits: { max_file_bytes?: number } };
type Issues = { path: string; message: string }[];

const MACHINE_KEY = 'machine';

export class SettingsStore {
  private machineCache: MachineSettings | null = null;
  private readonly accountCache = new Map<number, StoredAccount>();
  private seenVersion = -1;

  constructor(private readonly db: Db) {}

  /** The machine's settings: the local model and the ceiling of the limits. */
  machine(): MachineSettings {
    this.dropIfChangedElsewhere();
    if (this.machineCache) return this.machineCache;
    const stored = this.readJson(this.db.prepare('SELECT value FROM settings WHERE key = ?').get(MACHINE_KEY));
    const merged = mergeKnown(DEFAULT_MACHINE_SETTINGS, stored, MACHINE_SETTING_KEYS) as MachineSettings;
    this.machineCache = merged;
    return merged;
  }

  /** The settings in force for an account: its own, within the machine's. */
  forUser(userId: number): Settings {
    const machine = this.machine();
    const account = this.storedAccount(userId);
    const ceiling = machine.machine_limits.max_file_bytes;
    return {
      revision: account.revision,
      frozen_terms: account.frozen_terms,
      theme: account.theme,
      limits: { max_file_bytes: Math.min(account.limits.max_file_bytes ?? ceiling, ceiling) },
      ...machine,
    };
  }

  /** Largest file an account may import, in bytes. */
  importLimit(userId: number): number {
    return this.forUser(userId).limits.max_file_bytes;
  }

  view(user: HubUser): SettingsView {
    return { ...this.forUser(user.id), can_change_machine: user.admin === true };
  }

  /**
   * Applies a patch for `user`: its account part to the user's own settings, its machine part only
   * when the user may change the machine's (a machine part that changes nothing is accepted from
   * anyone, so a form can send back what it showed). All or nothing.
   */
  update(user: HubUser, patch: SettingsPatch): SettingsView {
    this.db.transaction(() => {
      const machinePatch = pick(patch, MACHINE_SETTING_KEYS);
      if (Object.keys(machinePatch).length > 0) {
        const next = this.validMachine(machinePatch);
        if (JSON.stringify(next) !== JSON.stringify(this.machine())) {
          if (user.admin !== true)
            throw new InkproofError(
              'forbidden',
              'Only the owner of this data folder (the desktop app, the command line, or an admin account) changes the local model and the limits of this machine.',
            );
          this.writeMachine(next);
        }
      }
      const accountPatch = pick(patch, ACCOUNT_SETTING_KEYS);
      if (Object.keys(accountPatch).length > 0) this.writeAccount(user.id, this.validAccount(user.id, accountPatch));
    })();
    return this.view(user);
  }

  /** Changes the machine's settings; for the owner's own tools (the CLI), which need no account. */
  updateMachine(patch: Pick<SettingsPatch, 'llm' | 'machine_limits'>): MachineSettings {
    const next = this.validMachine(patch);
    this.writeMachine(next);
    return next;
  }

  /** A value outside the settings object (e.g. the app secret of this data folder). */
  getValue(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setValue(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value);
  }

  private validMachine(patch: Partial<Record<string, unknown>>): MachineSettings {
    const merged = mergeKnown(this.machine(), patch, MACHINE_SETTING_KEYS, { lenient: false });
    const parsed = machineSettingsSchema.safeParse(merged);
    if (!parsed.success) throw invalid(zodIssues(parsed.error.issues));
    const problem = llmAddressProblem(parsed.data.llm.url, parsed.data.llm.allowed_hosts ?? []);
    if (problem) throw invalid([{ path: 'llm.url', message: problem }]);
    return parsed.data;
  }

  private validAccount(userId: number, patch: Partial<Record<string, unknown>>): StoredAccount {
    const current = this.storedAccount(userId);
    const merged = mergeKnown(current, patch, ACCOUNT_SETTING_KEYS, { lenient: false }) as StoredAccount;
    const ceiling = this.machine().machine_limits.max_file_bytes;
    const parsed = accountSettingsSchema.safeParse({
      ...merged,
      limits: { max_file_bytes: merged.limits.max_file_bytes ?? ceiling },
    });
    if (!parsed.success) throw invalid(zodIssues(parsed.error.issues));
    const limit = (patch.limits as { max_file_bytes?: number } | undefined)?.max_file_bytes;
    if (limit !== undefined && limit > ceiling)
      throw invalid([
        {
          path: 'limits.max_file_bytes',
          message: `An account's import limit can only be lowered: this machine allows at most ${ceiling} bytes.`,
        },
      ]);
    return { ...parsed.data, limits: merged.limits };
  }

  private storedAccount(userId: number): StoredAccount {
    this.dropIfChangedElsewhere();
    const cached = this.accountCache.get(userId);
    if (cached) return cached;
    const stored = this.readJson(this.db.prepare('SELECT value FROM account_settings WHERE user_id = ?').get(userId));
    const defaults: StoredAccount = { ...pick(DEFAULT_SETTINGS, ACCOUNT_SETTING_KEYS), limits: {} } as StoredAccount;
    const merged = mergeKnown(defaults, stored, ['revision', 'frozen_terms', 'theme']) as StoredAccount;
    const limit = settingsSchema.shape.limits.safeParse((stored as { limits?: unknown } | null)?.limits);
    merged.limits = limit.success ? limit.data : {};
    this.accountCache.set(userId, merged);
    return merged;
  }

  private writeMachine(next: MachineSettings): void {
    this.setValue(MACHINE_KEY, JSON.stringify(next));
    this.machineCache = next;
  }

  private writeAccount(userId: number, next: StoredAccount): void {
    this.db
      .prepare(
        'INSERT INTO account_settings (user_id, value) VALUES (?, ?) ON CONFLICT(user_id) DO UPDATE SET value = excluded.value',
      )
      .run(userId, JSON.stringify(next));
    this.accountCache.set(userId, next);
  }

  private readJson(row: unknown): Record<string, unknown> | null {
    const value = (row as { value?: string } | undefined)?.value;
    if (value === undefined) return null;
    try {
      const parsed = JSON.parse(value) as unknown;
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  private dropIfChangedElsewhere(): void {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version === this.seenVersion) return;
    this.seenVersion = version;
    this.machineCache = null;
    this.accountCache.clear();
  }
}

function pick<T extends object>(value: T, keys: readonly string[]): Partial<Record<string, unknown>> {
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (source[k] !== undefined) out[k] = source[k];
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `base` with `over` laid on top for the given keys (objects merged one level deep, the rest
 * replaced). Lenient (reading stored values): a key whose result does not validate keeps `base`'s.
 */
function mergeKnown<T extends object>(
  base: T,
  over: Record<string, unknown> | null | undefined,
  keys: readonly string[],
  opts: { lenient: boolean } = { lenient: true },
): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  if (!over) return out as T;
  for (const key of keys) {
    if (!(key in over) || over[key] === undefined) continue;
    const given = over[key];
    const current = (base as Record<string, unknown>)[key];
    const next = isPlainObject(current) && isPlainObject(given) ? { ...current, ...given } : given;
    if (opts.lenient) {
      const schema = settingsSchema.shape[key as keyof Settings];
      if (!schema.safeParse(next).success) continue;
    }
    out[key] = next;
  }
  return out as T;
}

function zodIssues(issues: { path: PropertyKey[]; message: string }[]): Issues {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

function invalid(issues: Issues): InkproofError {
  return new InkproofError(
    'invalid_input',
    `These settings are not valid: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
    { issues },
  );
}
