import type { Migration } from './migration';

export const migration: Migration = {
  version: 6,
  name: 'document structure per version',
  sql: `
      -- What each paragraph of a version's text is (headings, list items, quotations, code) and its
      -- inline marks: a JSON array of TextBlock (src-shared/blocks.ts), offsets into that version's
      -- text. NULL when the text is plain paragraphs (plain text, PDFs, versions made before this).
      ALTER TABLE document_versions ADD COLUMN blocks TEXT;
    `,
};
