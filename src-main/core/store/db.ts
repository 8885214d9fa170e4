/**
 * Opens the SQLite database: WAL mode, foreign keys, and the numbered migrations.
 * better-sqlite3 is a native module with one build per runtime; under Electron the main process
 * passes the path of the Electron build (`nativeBinding`), everything else uses the Node build.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Folder of the data; `:memory:` for an in-memory database. */
  dataDir: string;
  nativeBinding?: string;
  migrations?: Migration[];
}

export const DB_FILE = 'inkproof.db';

export function openDatabase(opts: OpenOptions): Db {
  const file = opts.dataDir === ':memory:' ? ':memory:' : path.join(opts.dataDir, DB_FILE);
  if (file !== ':memory:') fs.mkdirSync(opts.dataDir, { recursive: true });
  const db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the last commits).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, opts.migrations ?? MIGRATIONS);
  return db;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Db, migrations: Migration[]): number {
  const current = schemaVersion(db);
  const latest = migrations.reduce((v, m) => Math.max(v, m.version), 0);
  if (current > latest) {
    throw new Error(
      `This data folder was written by a newer Inkproof (schema ${current}; this version knows up to ${latest}).`,
    );
  }
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
