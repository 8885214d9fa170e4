/**
 * Prepared statements by their SQL, each compiled once per database: better-sqlite3 compiles a
 * statement on every prepare(), which costs more than running it for the small, frequent queries
 * of syncing (thousands per page of records).
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

export class Statements {
  private readonly cache = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  get(sql: string): Statement {
    let st = this.cache.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.cache.set(sql, st);
    }
    return st;
  }
}
