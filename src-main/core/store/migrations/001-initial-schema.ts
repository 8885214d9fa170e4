import type { Migration } from './migration';

export const migration: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        password_hash TEXT,
        created_at TEXT NOT NULL
      );
      -- The desktop app's own user: every local document belongs to it.
      INSERT INTO users (id, name, created_at) VALUES (1, 'local', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        name TEXT NOT NULL,
        format TEXT NOT NULL,
        status TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        word_count INTEGER,
        text TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        ai_confidence REAL,
        verdict TEXT,
        error TEXT,
        error_code TEXT,
        created_at TEXT NOT NULL,
        analyzed_at TEXT
      );
      CREATE INDEX documents_user ON documents(user_id, created_at);

      -- Original bytes, kept only until text extraction succeeds.
      CREATE TABLE document_sources (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        bytes BLOB NOT NULL
      );

      CREATE TABLE document_versions (
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        text TEXT NOT NULL,
        word_count INTEGER NOT NULL,
        rewrite_id INTEGER,
        created_at TEXT NOT NULL,
        PRIMARY KEY (document_id, version)
      );

      CREATE TABLE analyses (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        ai_confidence REAL,
        verdict TEXT NOT NULL,
        model TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX analyses_document ON analyses(document_id, id);

      CREATE TABLE rewrites (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        document_version INTEGER NOT NULL,
        status TEXT NOT NULL,
        progress INTEGER NOT NULL DEFAULT 0,
        options TEXT NOT NULL,
        -- Character ranges to revise (JSON), null for the whole document.
        ranges TEXT,
        error TEXT,
        result TEXT,
        hunks TEXT,
        diff_summary TEXT,
        engine TEXT,
        queued_at TEXT NOT NULL,
        started_at TEXT,
        completed_at TEXT,
        applied_version INTEGER
      );
      CREATE INDEX rewrites_document ON rewrites(document_id);

      CREATE TABLE samples (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        rewrite_id INTEGER,
        text TEXT NOT NULL,
        status TEXT NOT NULL,
        ai_confidence REAL,
        verdict TEXT,
        error TEXT,
        created_at TEXT NOT NULL,
        validated_at TEXT
      );

      CREATE TABLE jobs (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL,
        type TEXT NOT NULL,
        subject_id INTEGER NOT NULL,
        status TEXT NOT NULL,
        progress INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        max_attempts INTEGER NOT NULL,
        error TEXT,
        units INTEGER NOT NULL DEFAULT 0,
        run_after INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        started_at TEXT,
        finished_at TEXT,
        runtime REAL
      );
      -- Claims walk queued jobs in id order and skip those still backing off.
      CREATE INDEX jobs_claim ON jobs(status, id);
      CREATE INDEX jobs_subject ON jobs(type, subject_id);

      -- The hub's event log: one row per flushed batch of envelopes (JSON lines), bounded by pruning.
      CREATE TABLE event_batches (
        id INTEGER PRIMARY KEY,
        created_at INTEGER NOT NULL,
        events TEXT NOT NULL
      );
      -- Last seq of channels whose events were pruned, so that seq never restarts.
      CREATE TABLE channel_seqs (
        channel TEXT PRIMARY KEY,
        seq INTEGER NOT NULL
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
};
