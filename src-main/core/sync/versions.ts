/**
 * The version graph of a document (docs/sync.md §Versions and conflicts). Versions are never
 * changed or removed; each names the version(s) it was made on top of. A *head* is a version no
 * other version was made on top of. One head: no conflict. Several heads (two devices added a
 * version on top of the same one): all are kept; the current one is the head that reached the
 * server last (its seq is highest; a version not yet on the server counts as newest, since it is
 * the one this device's user just made), and the others are the conflicting versions to review.
 * Every device orders heads the same way once it has seen them all, so all of them agree.
 */
import type { ConflictVersion, DocumentConflict, VersionOrigin } from '../../../src-shared/sync';
import type { Db } from '../store/db';
import { Statements } from '../store/statements';

export interface VersionNode {
  version: number;
  vid: string;
  parents: string[];
  server_seq: number | null;
  device_name: string | null;
  created_at: string;
  word_count: number;
  origin: VersionOrigin;
}

export function headsOf(nodes: VersionNode[]): VersionNode[] {
  const below = new Set<string>();
  for (const n of nodes) for (const p of n.parents) below.add(p);
  return nodes.filter((n) => !below.has(n.vid));
}

/** Later first: not yet on the server (by local number), then by server seq. */
export function compareHeads(a: VersionNode, b: VersionNode): number {
  const sa = a.server_seq ?? Number.POSITIVE_INFINITY;
  const sb = b.server_seq ?? Number.POSITIVE_INFINITY;
  if (sa !== sb) return sb - sa;
  return b.version - a.version;
}

/** The version a document should show, or null when it has none yet. */
export function currentOf(nodes: VersionNode[]): VersionNode | null {
  const heads = headsOf(nodes).sort(compareHeads);
  return heads[0] ?? null;
}

export class VersionGraph {
  private readonly sql: Statements;

  constructor(private readonly db: Db) {
    this.sql = new Statements(db);
  }

  nodes(docId: number): VersionNode[] {
    return (
      this.db
        .prepare(
          'SELECT version, vid, parents, server_seq, device_name, created_at, word_count, origin FROM document_versions WHERE document_id = ? ORDER BY version',
        )
        .all(docId) as (Omit<VersionNode, 'parents'> & { parents: string })[]
    ).map((r) => ({ ...r, parents: JSON.parse(r.parents) as string[] }));
  }

  heads(docId: number): VersionNode[] {
    return headsOf(this.nodes(docId)).sort(compareHeads);
  }

  /** Documents (local ids) of a user with more than one head. */
  conflicted(userId: number): number[] {
    return (
      this.db
        .prepare(
          // Only documents with more than one version can have more than one head.
          `SELECT v.document_id AS id FROM document_versions v JOIN documents d ON d.id = v.document_id
            WHERE d.user_id = ?
              AND v.document_id IN (SELECT document_id FROM document_versions GROUP BY document_id HAVING count(*) > 1)
              AND NOT EXISTS (
              SELECT 1 FROM document_versions c, json_each(c.parents) p
               WHERE c.document_id = v.document_id AND p.value = v.vid)
            GROUP BY v.document_id HAVING count(*) > 1`,
        )
        .all(userId) as { id: number }[]
    ).map((r) => r.id);
  }

  conflicts(userId: number): DocumentConflict[] {
    const name = this.sql.get('SELECT name FROM documents WHERE id = ?');
    return this.conflicted(userId).map((id) => {
      const heads = this.heads(id);
      const versions: ConflictVersion[] = heads.map((h, i) => ({
        version: h.version,
        device_name: h.device_name,
        created_at: h.created_at,
        word_count: h.word_count,
        origin: h.origin,
        current: i === 0,
      }));
      return { document_id: id, name: (name.get(id) as { name: string }).name, versions };
    });
  }
}
