import type { Migration } from './migration';

export const migration: Migration = {
  version: 2,
  name: 'accounts and sync',
  sql: `
      -- Revocable API tokens. Only a SHA-256 of the token is kept: a stolen database does not reveal
      -- tokens, and lookup by hash needs no constant-time comparison of secrets.
      CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        -- The first characters of the token, to recognise it in listings.
        prefix TEXT NOT NULL,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        expires_at TEXT,
        revoked_at TEXT
      );
      CREATE INDEX api_tokens_user ON api_tokens(user_id);

      -- Events of a state change waiting to be handed to a shared hub backend (Redis): written in the
      -- same transaction as the change, deleted once the backend has them, re-sent after a crash.
      CREATE TABLE hub_outbox (
        id INTEGER PRIMARY KEY,
        events TEXT NOT NULL
      );
    `,
};
