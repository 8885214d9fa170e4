/** User settings, stored as one validated JSON value and merged with the defaults. */
import { InkproofError } from '../../../src-shared/errors';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from '../../../src-shared/models';
import type { SettingsPatch } from '../../../src-shared/commands';
import type { Db } from './db';

export class SettingsStore {
  private cache: Settings | null = null;

  constructor(private readonly db: Db) {}

  get(): Settings {
    if (this.cache) return this.cache;
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'settings'").get() as
      { value: string } | undefined;
    const stored = row ? (JSON.parse(row.value) as Partial<Settings>) : {};
    const merged = mergeSettings(DEFAULT_SETTINGS, stored as SettingsPatch);
    // A stored value from an older version that no longer validates falls back to the defaults.
    const parsed = settingsSchema.safeParse(merged);
    this.cache = parsed.success ? parsed.data : DEFAULT_SETTINGS;
    return this.cache;
  }

  update(patch: SettingsPatch): Settings {
    const next = mergeSettings(this.get(), patch);
    const parsed = settingsSchema.safeParse(next);
    if (!parsed.success) {
      throw new InkproofError('invalid_input', 'These settings are not valid.', {
        issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    this.db
      .prepare(
        "INSERT INTO settings (key, value) VALUES ('settings', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
      )
      .run(JSON.stringify(parsed.data));
    this.cache = parsed.data;
    return parsed.data;
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
}

function mergeSettings(base: Settings, patch: SettingsPatch): Settings {
  return {
    revision: { ...base.revision, ...(patch.revision ?? {}) },
    frozen_terms: patch.frozen_terms ?? base.frozen_terms,
    llm: { ...base.llm, ...(patch.llm ?? {}) },
    theme: patch.theme ?? base.theme,
    limits: { ...base.limits, ...(patch.limits ?? {}) },
  };
}
