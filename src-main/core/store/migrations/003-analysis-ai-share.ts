import type { Migration } from './migration';

export const migration: Migration = {
  version: 3,
  name: 'share of the text judged AI',
  sql: `
      -- Share (0-1) of a document's words in passages judged AI, beside its confidence, so that
      -- listings show it without reading the stored analysis.
      ALTER TABLE documents ADD COLUMN ai_share REAL;
    `,
};
