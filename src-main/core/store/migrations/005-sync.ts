import type { Migration } from './migration';

/** A random UUID (version 4) in SQL, for rows that existed before global ids. */
const UUID_SQL = `lower(
  hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))
)`;

export const migration: Migration = {
  version: 5,
  name: 'sync: global ids, version parents, the outbox, and the sync server store',
  sql: `
      -- ---- the device side ----------------------------------------------------------------------

      -- Global ids beside the local ones: documents and versions are named by these on every device.
      ALTER TABLE documents ADD COLUMN gid TEXT;
      UPDATE documents SET gid = ${UUID_SQL};
      CREATE UNIQUE INDEX documents_gid ON documents(gid);

      -- Versions form a graph: each names the version(s) it was made on top of (JSON array of vids).
      -- Who made it, and the server's seq once the server has it (NULL: not on the server yet).
      ALTER TABLE document_versions ADD COLUMN vid TEXT;
      ALTER TABLE document_versions ADD COLUMN parents TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE document_versions ADD COLUMN origin TEXT NOT NULL DEFAULT 'import';
      ALTER TABLE document_versions ADD COLUMN device_name TEXT;
      ALTER TABLE document_versions ADD COLUMN server_seq INTEGER;
      UPDATE document_versions SET vid = ${UUID_SQL};
      UPDATE document_versions SET
        origin = CASE WHEN version = 1 THEN 'import' ELSE 'revision' END,
        parents = coalesce((SELECT json_array(p.vid) FROM document_versions p
                             WHERE p.document_id = document_versions.document_id
                               AND p.version = document_versions.version - 1), '[]');
      CREATE UNIQUE INDEX document_versions_vid ON document_versions(vid);

      -- The key an analysis travels under, so that one pulled twice is stored once.
      ALTER TABLE analyses ADD COLUMN sync_key TEXT;
      CREATE UNIQUE INDEX analyses_sync_key ON analyses(sync_key);

      -- This device and its connection to a sync server (one row). The token is not here: it is kept
      -- by the shell (Electron's safeStorage, or a file readable only by its owner).
      CREATE TABLE sync_device (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        device_name TEXT,
        server_url TEXT,
        account_id INTEGER,
        account_name TEXT,
        library_id INTEGER,
        libraries TEXT NOT NULL DEFAULT '[]',
        -- The server's socket: its Pusher app key, and whether the socket needs the token.
        app_key TEXT NOT NULL DEFAULT 'inkproof',
        socket_token INTEGER NOT NULL DEFAULT 1,
        -- Seq of the last record applied from the server's log, and of the live channel.
        cursor INTEGER NOT NULL DEFAULT 0,
        channel_seq INTEGER,
        last_synced_at TEXT,
        -- Set when the user signed out ('user') or the server refused the token ('server'): syncing
        -- stops until the user signs in again. Local changes are still journalled meanwhile, so that
        -- nothing made while signed out is missing once signed in again to the same library.
        signed_out_at TEXT,
        sign_out_reason TEXT,
        -- The machine and folder the device id belongs to: a copied data folder becomes a device of
        -- its own (two devices sharing an id would each take the other's changes for its own).
        fingerprint TEXT
      );
      INSERT INTO sync_device (id, device_id) VALUES (1, ${UUID_SQL});

      -- Local changes waiting for the server, written in the same transaction as the change. The key
      -- makes a resend harmless: the server applies each key once. Big contents (a version's text, an
      -- analysis) are read from their rows when sent; those rows never change.
      CREATE TABLE sync_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        doc TEXT,
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX sync_outbox_doc ON sync_outbox(doc);

      -- Documents deleted on this device (here or by a delete from the server), so that a later record
      -- about one is not taken for a new document. restore = 1: the server still has it (a version this
      -- device had not seen revived it, or the server refused this device's delete) — fetch it again.
      CREATE TABLE sync_tombstones (
        doc TEXT PRIMARY KEY,
        deleted_at TEXT NOT NULL,
        restore INTEGER NOT NULL DEFAULT 0
      );

      -- ---- the server side (inkproof serve as a sync server) -------------------------------------

      -- A library is an account's synced documents; its id is the owner's user id. seq numbers its log.
      CREATE TABLE sync_libraries (
        id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL DEFAULT 0
      );

      -- The log: every accepted change, in order. body is the change as JSON (texts included).
      CREATE TABLE sync_records (
        library_id INTEGER NOT NULL REFERENCES sync_libraries(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        key TEXT NOT NULL,
        kind TEXT NOT NULL,
        doc TEXT,
        vid TEXT,
        device_id TEXT NOT NULL,
        device_name TEXT NOT NULL,
        user_id INTEGER NOT NULL,
        stored_at TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (library_id, seq)
      );
      CREATE UNIQUE INDEX sync_records_key ON sync_records(library_id, key);
      CREATE UNIQUE INDEX sync_records_version ON sync_records(library_id, vid) WHERE kind = 'version';
      CREATE INDEX sync_records_doc ON sync_records(library_id, doc, seq);

      -- Each document's state on the server: a tombstone (the seq of the delete, and the versions it saw).
      CREATE TABLE sync_documents (
        library_id INTEGER NOT NULL REFERENCES sync_libraries(id) ON DELETE CASCADE,
        doc TEXT NOT NULL,
        deleted_seq INTEGER,
        PRIMARY KEY (library_id, doc)
      );

      -- Changes refused for good (a delete that had not seen every version): a resend gets the same answer.
      CREATE TABLE sync_refusals (
        library_id INTEGER NOT NULL REFERENCES sync_libraries(id) ON DELETE CASCADE,
        key TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (library_id, key)
      );

      -- Libraries shared explicitly with other accounts.
      CREATE TABLE sync_shares (
        library_id INTEGER NOT NULL REFERENCES sync_libraries(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at TEXT NOT NULL,
        PRIMARY KEY (library_id, user_id)
      );
    `,
};
