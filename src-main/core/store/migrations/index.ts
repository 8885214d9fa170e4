/**
 * Numbered schema steps, one file each. Each runs in a transaction and sets PRAGMA user_version to
 * its number, so a data folder is always at a known version and never half-migrated. A new step is
 * a new file with the next number, added to the list below; a released step never changes.
 */
import { migration as initialSchema } from './001-initial-schema';
import { migration as accountsAndSync } from './002-accounts-and-sync';
import { migration as analysisAiShare } from './003-analysis-ai-share';
import { migration as idsAccountsSettings } from './004-ids-accounts-settings';
import { migration as sync } from './005-sync';
import { migration as documentBlocks } from './006-document-blocks';
import { migration as documentSourceFiles } from './007-document-source-files';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const MIGRATIONS: Migration[] = [
  initialSchema,
  accountsAndSync,
  analysisAiShare,
  idsAccountsSettings,
  sync,
  documentBlocks,
  documentSourceFiles,
];
