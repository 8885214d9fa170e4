import type { Migration } from './migration';

export const migration: Migration = {
  version: 7,
  name: 'original bytes in files',
  sql: `
      -- A document's original bytes, until its text is extracted, live in a file of the data
      -- folder's sources/ folder (src-main/core/store/sources.ts): written and made durable before
      -- this row names it, in the import's transaction. Storing them here as a BLOB held the event
      -- loop for as long as SQLite took to write and read them back (hundreds of milliseconds for
      -- a large file). Rows of document_sources left by earlier versions are still read.
      CREATE TABLE document_source_files (
        document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        file TEXT NOT NULL UNIQUE,
        size_bytes INTEGER NOT NULL
      );
    `,
};
