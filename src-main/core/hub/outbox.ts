/**
 * Events of state changes on their way to a shared hub backend. `hub.atomically()` writes them in
 * the same SQLite transaction as the change; they are deleted once the backend has stored them, and
 * re-sent at the next start if the process died before that. Delivery is therefore at least once:
 * after a crash at the wrong moment an event can be published twice (with two seqs), never lost.
 */
import type { Envelope } from '../../../src-shared/events';
import type { Db } from '../store/db';

export class HubOutbox {
  private readonly insert;
  private readonly del;

  constructor(private readonly db: Db) {
    this.insert = db.prepare('INSERT INTO hub_outbox (events) VALUES (?)');
    this.del = db.prepare('DELETE FROM hub_outbox WHERE id = ?');
  }

  add(envs: Envelope[]): number {
    let lines = '';
    for (const env of envs) lines += JSON.stringify(env) + '\n';
    return Number(this.insert.run(lines).lastInsertRowid);
  }

  remove(id: number): void {
    if (this.db.open) this.del.run(id);
  }

  pending(): { id: number; envs: Envelope[] }[] {
    const rows = this.db.prepare('SELECT id, events FROM hub_outbox ORDER BY id').all() as {
      id: number;
      events: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      envs: r.events
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Envelope),
    }));
  }
}
