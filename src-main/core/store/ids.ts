/**
 * Ids that are never given twice (migration 004): an INSERT into one of these tables takes its id
 * from `nextId(table)`, one more than the highest id the table ever had — also after the newest
 * rows were deleted. A deleted document's channel (`documents.{id}`) thus never names another one.
 */
export type NeverReusedTable = 'users' | 'documents' | 'rewrites' | 'samples' | 'api_tokens';

/** An SQL expression for the next id of `table` (the mark is kept by a trigger on DELETE). */
export function nextId(table: NeverReusedTable): string {
  return `(SELECT max(h.last_id, coalesce((SELECT max(id) FROM ${table}), 0)) + 1 FROM id_high_water h WHERE h.name = '${table}')`;
}
