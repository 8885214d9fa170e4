/**
 * User accounts (docs/architecture.md §10): a name, an optional scrypt password, and revocable API tokens.
 * The desktop app's own user ('local', id 1) is one account like the others, except that it cannot
 * be removed. Tokens are random (`ink_` + 32 bytes, base64url) and stored only as a SHA-256, so
 * each lookup is one indexed query: revoking a token takes effect on the next request, on every
 * process that shares the data folder.
 */
import crypto from 'node:crypto';
import { InkproofError } from '../../../src-shared/errors';
import { isoNow } from '../clock';
import type { HubUser } from '../hub/authorizer';
import type { Db } from '../store/db';
import { dummyHash, hashPassword, verifyPassword } from './passwords';
import { nextId } from '../store/ids';

export const LOCAL_USER_ID = 1;
const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}$/;
const TOKEN_PREFIX = 'ink_';

export interface Account {
  id: number;
  name: string;
  has_password: boolean;
  /** May change the machine's settings (the desktop app's own account always may). */
  admin: boolean;
  created_at: string;
  tokens: number;
  last_used_at: string | null;
}

export interface TokenInfo {
  id: number;
  user_id: number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface IssuedToken extends TokenInfo {
  /** The token itself: shown once, never stored. */
  token: string;
}

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

export class AccountStore {
  /** Tokens are looked up on every request; `last_used_at` is written at most once a minute each. */
  private readonly touched = new Map<number, number>();

  constructor(private readonly db: Db) {}

  static validName(name: string): boolean {
    return NAME_RE.test(name);
  }

  async add(name: string, password?: string | null, opts: { admin?: boolean } = {}): Promise<Account> {
    if (!AccountStore.validName(name))
      throw new InkproofError(
        'invalid_input',
        'A user name is 1 to 64 letters, digits, "_", ".", "@" or "-", starting with a letter or digit.',
      );
    if (password !== undefined && password !== null && password.length < 8)
      throw new InkproofError('invalid_input', 'A password needs at least 8 characters.');
    if (this.find(name)) throw new InkproofError('conflict', `There is already a user "${name}".`);
    const hash = password ? await hashPassword(password) : null;
    const info = this.db
      .prepare(`INSERT INTO users (id, name, password_hash, created_at) VALUES (${nextId('users')}, ?, ?, ?)`)
      .run(name, hash, isoNow());
    const id = Number(info.lastInsertRowid);
    if (opts.admin) this.db.prepare('UPDATE users SET is_admin = 1 WHERE id = ?').run(id);
    return this.get(id)!;
  }

  /** Lets an account change the machine's settings, or takes that away (not from the local account). */
  setAdmin(name: string, admin: boolean): void {
    const user = this.require(name);
    if (user.id === LOCAL_USER_ID && !admin)
      throw new InkproofError('invalid_input', 'The local account owns this data folder; it stays an admin.');
    this.db.prepare('UPDATE users SET is_admin = ? WHERE id = ?').run(admin ? 1 : 0, user.id);
  }

  async setPassword(name: string, password: string): Promise<void> {
    const user = this.require(name);
    if (password.length < 8) throw new InkproofError('invalid_input', 'A password needs at least 8 characters.');
    this.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(await hashPassword(password), user.id);
  }

  list(): Account[] {
    return (
      this.db
        .prepare(
          `SELECT u.id, u.name, u.password_hash IS NOT NULL AS has_password, u.is_admin AS admin, u.created_at,
                  (SELECT count(*) FROM api_tokens t WHERE t.user_id = u.id AND t.revoked_at IS NULL) AS tokens,
                  (SELECT max(last_used_at) FROM api_tokens t WHERE t.user_id = u.id) AS last_used_at
             FROM users u ORDER BY u.id`,
        )
        .all() as (Omit<Account, 'has_password' | 'admin'> & { has_password: number; admin: number })[]
    ).map((r) => ({ ...r, has_password: r.has_password === 1, admin: r.admin === 1 }));
  }

  get(id: number): Account | null {
    return this.list().find((a) => a.id === id) ?? null;
  }

  find(name: string): { id: number; name: string } | null {
    return (
      (this.db.prepare('SELECT id, name FROM users WHERE name = ?').get(name) as
        { id: number; name: string } | undefined) ?? null
    );
  }

  private require(name: string): { id: number; name: string } {
    const user = this.find(name);
    if (!user) throw new InkproofError('not_found', `There is no user "${name}".`);
    return user;
  }

  /**
   * Removes an account and its tokens. Its documents go too, but only when asked: without
   * `deleteDocuments` an account that still owns documents is kept. `sourceFiles` names the files
   * of `sources/` those documents still had (for removeSourceFiles, src-main/core/store/sources.ts).
   */
  remove(name: string, opts: { deleteDocuments?: boolean } = {}): { documents: number; sourceFiles: string[] } {
    const user = this.require(name);
    if (user.id === LOCAL_USER_ID)
      throw new InkproofError('invalid_input', 'The local account belongs to the desktop app and cannot be removed.');
    return this.db.transaction(() => {
      // Its documents here and those in its synced library (docs/sync.md) both count.
      const owned = (
        this.db
          .prepare(
            "SELECT (SELECT count(*) FROM documents WHERE user_id = @id) + (SELECT count(DISTINCT doc) FROM sync_records WHERE library_id = @id AND kind = 'document') AS n",
          )
          .get({ id: user.id }) as { n: number }
      ).n;
      if (owned > 0 && !opts.deleteDocuments) {
        throw new InkproofError(
          'conflict',
          `"${name}" still owns ${owned} document(s); remove them first, or pass --delete-documents.`,
        );
      }
      const sourceFiles = (
        this.db
          .prepare(
            'SELECT f.file FROM document_source_files f JOIN documents d ON d.id = f.document_id WHERE d.user_id = ?',
          )
          .all(user.id) as { file: string }[]
      ).map((r) => r.file);
      this.db.prepare('DELETE FROM documents WHERE user_id = ?').run(user.id);
      this.db
        .prepare("UPDATE jobs SET status = 'cancelled' WHERE user_id = ? AND status IN ('queued', 'processing')")
        .run(user.id);
      this.db.prepare('DELETE FROM api_tokens WHERE user_id = ?').run(user.id);
      this.db.prepare('DELETE FROM users WHERE id = ?').run(user.id);
      return { documents: owned, sourceFiles };
    })();
  }

  /** Issues a new API token for a user; the token is returned once and only its hash is kept. */
  issueToken(name: string, label = 'api', opts: { expiresInDays?: number } = {}): IssuedToken {
    const user = this.require(name);
    const token = TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url');
    const expires = opts.expiresInDays ? new Date(Date.now() + opts.expiresInDays * 86_400_000).toISOString() : null;
    const info = this.db
      .prepare(
        `INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at, expires_at) VALUES (${nextId('api_tokens')}, ?, ?, ?, ?, ?, ?)`,
      )
      .run(user.id, label.slice(0, 100), hashToken(token), token.slice(0, TOKEN_PREFIX.length + 6), isoNow(), expires);
    return { ...this.token(Number(info.lastInsertRowid))!, token };
  }

  tokens(name: string): TokenInfo[] {
    const user = this.require(name);
    return this.db
      .prepare(
        'SELECT id, user_id, name, prefix, created_at, last_used_at, expires_at, revoked_at FROM api_tokens WHERE user_id = ? ORDER BY id',
      )
      .all(user.id) as TokenInfo[];
  }

  private token(id: number): TokenInfo | null {
    return (
      (this.db
        .prepare(
          'SELECT id, user_id, name, prefix, created_at, last_used_at, expires_at, revoked_at FROM api_tokens WHERE id = ?',
        )
        .get(id) as TokenInfo | undefined) ?? null
    );
  }

  /** Revokes one token of a user (by id or by its shown prefix); true when a live token was revoked. */
  revokeToken(name: string, which: string): boolean {
    const user = this.require(name);
    const byId = /^\d+$/.test(which) ? Number(which) : -1;
    const r = this.db
      .prepare(
        'UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND (id = ? OR prefix = ?)',
      )
      .run(isoNow(), user.id, byId, which);
    return r.changes > 0;
  }

  revokeAllTokens(name: string): number {
    const user = this.require(name);
    return this.db
      .prepare('UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL')
      .run(isoNow(), user.id).changes;
  }

  /** Revokes the token itself (a logout). */
  revokeTokenValue(token: string): boolean {
    return (
      this.db
        .prepare('UPDATE api_tokens SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL')
        .run(isoNow(), hashToken(token)).changes > 0
    );
  }

  /** The user a live token belongs to, or null (unknown, revoked or expired). */
  userForToken(token: string): HubUser | null {
    if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
    const row = this.db
      .prepare(
        'SELECT t.id AS token_id, t.expires_at, u.id, u.name, u.is_admin FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ? AND t.revoked_at IS NULL',
      )
      .get(hashToken(token)) as
      { token_id: number; expires_at: string | null; id: number; name: string; is_admin: number } | undefined;
    if (!row) return null;
    if (row.expires_at && Date.parse(row.expires_at) <= Date.now()) return null;
    const now = Date.now();
    if ((this.touched.get(row.token_id) ?? 0) < now - 60_000) {
      this.touched.set(row.token_id, now);
      if (this.touched.size > 10_000) this.touched.clear();
      try {
        this.db
          .prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?')
          .run(new Date(now).toISOString(), row.token_id);
      } catch {
        // A full disk must not lock everyone out: the time of last use is only informative.
      }
    }
    return { id: row.id, name: row.name, admin: row.is_admin === 1 };
  }

  /** Checks a name and password; the same work is done for unknown names (no user enumeration by timing). */
  async login(name: string, password: string): Promise<HubUser | null> {
    const row = this.db.prepare('SELECT id, name, password_hash, is_admin FROM users WHERE name = ?').get(name) as
      { id: number; name: string; password_hash: string | null; is_admin: number } | undefined;
    const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
    return ok && row?.password_hash ? { id: row.id, name: row.name, admin: row.is_admin === 1 } : null;
  }
}
