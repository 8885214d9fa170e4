import { describe, expect, it } from 'vitest';
import { defaultDataDir, resolveDataDir } from '../../../src-main/core/paths';
import { migrate, openDatabase, schemaVersion } from '../../../src-main/core/store/db';
import { MIGRATIONS } from '../../../src-main/core/store/migrations';
import { SettingsStore } from '../../../src-main/core/store/settings';
import { tempDir } from '../../helpers/temp';

describe('store', () => {
  it('opens in WAL mode and migrates to the latest numbered schema, once', () => {
    const t = tempDir();
    try {
      const db = openDatabase({ dataDir: t.dir });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      const latest = Math.max(...MIGRATIONS.map((m) => m.version));
      expect(schemaVersion(db)).toBe(latest);
      expect(migrate(db, MIGRATIONS)).toBe(latest);
      expect(db.prepare('SELECT name FROM users WHERE id = 1').get()).toEqual({ name: 'local' });
      db.close();
      const again = openDatabase({ dataDir: t.dir });
      expect(schemaVersion(again)).toBe(latest);
      again.close();
    } finally {
      t.cleanup();
    }
  });

  it('leaves a failed migration step unapplied', () => {
    const db = openDatabase({ dataDir: ':memory:' });
    const v = schemaVersion(db);
    expect(() =>
      migrate(db, [
        ...MIGRATIONS,
        { version: v + 1, name: 'broken', sql: 'CREATE TABLE ok (x); CREATE TABLE broken (' },
      ]),
    ).toThrow();
    expect(schemaVersion(db)).toBe(v);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'ok'").get()).toBeUndefined();
  });

  it('refuses a data folder written by a newer version', () => {
    const db = openDatabase({ dataDir: ':memory:' });
    db.pragma('user_version = 999');
    expect(() => migrate(db, MIGRATIONS)).toThrow(/newer Inkproof/);
  });

  it('merges settings patches, validates them and keeps them', () => {
    const db = openDatabase({ dataDir: ':memory:' });
    const settings = new SettingsStore(db);
    expect(settings.get().revision.strength).toBe(2);
    settings.update({ revision: { strength: 3 }, frozen_terms: ['Inkproof'] });
    expect(new SettingsStore(db).get()).toMatchObject({
      revision: { strength: 3, mode: 'standard' },
      frozen_terms: ['Inkproof'],
    });
    expect(() => settings.update({ revision: { strength: 7 } })).toThrow(/not valid/);
    expect(settings.get().revision.strength).toBe(3);
  });
});

describe('data folder', () => {
  const home = '/home/ada';
  it("follows each platform's convention", () => {
    expect(defaultDataDir({}, 'linux', home)).toBe('/home/ada/.local/share/inkproof');
    expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' }, 'linux', home)).toBe('/xdg/inkproof');
    expect(defaultDataDir({}, 'darwin', home)).toBe('/home/ada/Library/Application Support/Inkproof');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\Ada\\AppData\\Roaming' }, 'win32', home)).toMatch(/Inkproof$/);
  });
  it('is overridden by INKPROOF_DATA, and --data wins over both', () => {
    expect(defaultDataDir({ INKPROOF_DATA: '/data/ink' }, 'linux', home)).toBe('/data/ink');
    expect(resolveDataDir('/explicit', { INKPROOF_DATA: '/data/ink' })).toBe('/explicit');
  });
});
