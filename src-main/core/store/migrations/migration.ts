/** One schema step: its number becomes PRAGMA user_version once its SQL has run. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}
