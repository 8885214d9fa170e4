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

  it('merges settings patches, validates them and keeps them per account', () => {
    const db = openDatabase({ dataDir: ':memory:' });
    const settings = new SettingsStore(db);
    const local = { id: 1, name: 'local', admin: true };
    expect(settings.forUser(1).revision.strength).toBe(2);
    settings.update(local, { revision: { strength: 3 }, frozen_terms: ['Inkproof'] });
    expect(new SettingsStore(db).forUser(1)).toMatchObject({
      revision: { strength: 3, mode: 'standard' },
      frozen_terms: ['Inkproof'],
    });
    expect(() => settings.update(local, { revision: { strength: 7 } })).toThrow(/not valid/);
    expect(settings.forUser(1).revision.strength).toBe(3);
    // Another account has its own settings.
    expect(settings.forUser(2)).toMatchObject({ revision: { strength: 2 }, frozen_terms: [] });
  });

  it('lets only an admin change the machine, and an account only lower its limit', () => {
    const db = openDatabase({ dataDir: ':memory:' });
    db.prepare("INSERT INTO users (id, name, created_at) VALUES (2, 'bob', 'now')").run();
    const settings = new SettingsStore(db);
    const bob = { id: 2, name: 'bob' };
    const owner = { id: 1, name: 'local', admin: true };
    expect(() => settings.update(bob, { llm: { url: 'http://127.0.0.1:9999' } })).toThrow(/owner/);
    // Sending back the machine's values unchanged is fine (a form that shows them).
    expect(() => settings.update(bob, { llm: settings.machine().llm, theme: 'dark' })).not.toThrow();
    expect(() => settings.update(owner, { llm: { url: 'http://10.1.2.3:8081' } })).toThrow(/this machine/);
    settings.update(owner, { llm: { url: 'http://gpu.lan:8081', allowed_hosts: ['gpu.lan'] } });
    expect(settings.forUser(2).llm.url).toBe('http://gpu.lan:8081');

    const ceiling = settings.machine().machine_limits.max_file_bytes;
    expect(() => settings.update(bob, { limits: { max_file_bytes: ceiling * 2 } })).toThrow(/only be lowered/);
    settings.update(bob, { limits: { max_file_bytes: 4096 } });
    expect(settings.importLimit(2)).toBe(4096);
    expect(settings.importLimit(1)).toBe(ceiling);
    // A lower ceiling applies to every account at once.
    settings.update(owner, { machine_limits: { max_file_bytes: 2048 } });
    expect(settings.importLimit(2)).toBe(2048);
  });

  it('moves the former server-wide settings to the local account and the machine (migration 004)', () => {
    const db = openDatabase({ dataDir: ':memory:', migrations: MIGRATIONS.filter((m) => m.version < 4) });
    db.prepare("INSERT INTO settings (key, value) VALUES ('settings', ?)").run(
      JSON.stringify({
        revision: { mode: 'casual', strength: 3, scope: 'document', engine: 'rules' },
        frozen_terms: ['Acme'],
        llm: { kind: 'ollama', url: 'http://127.0.0.1:11434', model: 'm', context_tokens: 8192, timeout_seconds: 60 },
        theme: 'dark',
        limits: { max_file_bytes: 5_000_000 },
      }),
    );
    migrate(db, MIGRATIONS);
    const settings = new SettingsStore(db);
    expect(settings.forUser(1)).toMatchObject({ revision: { mode: 'casual' }, frozen_terms: ['Acme'], theme: 'dark' });
    expect(settings.machine()).toMatchObject({
      llm: { kind: 'ollama', model: 'm' },
      machine_limits: { max_file_bytes: 5_000_000 },
    });
    expect(settings.forUser(2).theme).toBe('system');
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
