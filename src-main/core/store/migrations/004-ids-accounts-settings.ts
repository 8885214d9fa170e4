import type { Migration } from './migration';

/** Tables whose ids appear in channel names, URLs or listings: an id of a deleted row never comes back. */
const NEVER_REUSED = ['users', 'documents', 'rewrites', 'samples', 'api_tokens'];

export const migration: Migration = {
  version: 4,
  name: 'ids never reused, admin accounts, settings per account and per machine',
  sql: `
      -- SQLite gives a new row max(id) + 1, so deleting the newest document gave its id (and its
      -- channel, documents.{id}) to the next import. Instead of rebuilding the tables with
      -- AUTOINCREMENT, each keeps a high-water mark: raised by a trigger when a row is deleted, and
      -- read by the INSERTs (store/ids.ts), which take max(mark, max(id)) + 1.
      CREATE TABLE id_high_water (
        name TEXT PRIMARY KEY,
        last_id INTEGER NOT NULL
      );
      ${NEVER_REUSED.map(
        (t) => `
      INSERT INTO id_high_water (name, last_id) SELECT '${t}', coalesce(max(id), 0) FROM ${t};
      CREATE TRIGGER ${t}_id_high_water AFTER DELETE ON ${t} BEGIN
        UPDATE id_high_water SET last_id = max(last_id, OLD.id) WHERE name = '${t}';
      END;`,
      ).join('')}

      -- Accounts that may change the machine's settings, besides the desktop app's own (the owner
      -- of the data folder, who also holds the server's token).
      ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;
      UPDATE users SET is_admin = 1 WHERE id = 1;

      -- Settings per account (revision defaults, frozen terms, theme, its own import limit).
      CREATE TABLE account_settings (
        user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        value TEXT NOT NULL
      );
      -- The former server-wide settings: the account part goes to the desktop app's account, the
      -- machine part (the model, the import limit as the ceiling) to the machine's settings.
      INSERT INTO account_settings (user_id, value)
        SELECT 1, value FROM settings WHERE key = 'settings' AND json_valid(value);
      INSERT INTO settings (key, value)
        SELECT 'machine', json_set(value, '$.machine_limits', json_extract(value, '$.limits'))
          FROM settings WHERE key = 'settings' AND json_valid(value) AND json_extract(value, '$.limits') IS NOT NULL;
      DELETE FROM settings WHERE key = 'settings';
    `,
};
