/**
 * This device's identity and its connection to a sync server: one row of `sync_device`. The token
 * itself is not here (see secrets.ts). `cursor` is the seq of the last record applied from the
 * server's log; `channel_seq` the last seq seen on the library's live channel.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { SyncLibrary } from '../../../src-shared/sync';
import type { Db } from '../store/db';
import { Statements } from '../store/statements';

export interface DeviceRow {
  device_id: string;
  device_name: string | null;
  server_url: string | null;
  account_id: number | null;
  account_name: string | null;
  library_id: number | null;
  libraries: string;
  app_key: string;
  socket_token: number;
  cursor: number;
  channel_seq: number | null;
  last_synced_at: string | null;
  signed_out_at: string | null;
  sign_out_reason: 'user' | 'server' | null;
  fingerprint: string | null;
}

export interface Connection {
  serverUrl: string;
  accountId: number;
  accountName: string;
  libraryId: number;
  libraries: SyncLibrary[];
  deviceName: string;
  appKey: string;
  socketToken: boolean;
}

/** The machine's name, as a device is called by default. */
export function defaultDeviceName(): string {
  const host = os.hostname().trim();
  return host ? host.slice(0, 100) : 'Inkproof device';
}

export class DeviceStore {
  private readonly sql: Statements;

  constructor(private readonly db: Db) {
    this.sql = new Statements(db);
  }

  /**
   * Makes sure the device id is this data folder's on this machine: a folder copied elsewhere (or
   * moved) gets a new id. Harmless when it was only moved: the device then sees its own earlier
   * changes as another device's, which it already has.
   */
  claim(fingerprint: string): void {
    const row = this.row();
    if (row.fingerprint === fingerprint) return;
    const id = row.fingerprint === null ? row.device_id : crypto.randomUUID();
    this.sql.get('UPDATE sync_device SET device_id = ?, fingerprint = ? WHERE id = 1').run(id, fingerprint);
  }

  row(): DeviceRow {
    return this.sql.get('SELECT * FROM sync_device WHERE id = 1').get() as DeviceRow;
  }

  get deviceId(): string {
    return this.row().device_id;
  }

  deviceName(): string {
    return this.row().device_name ?? defaultDeviceName();
  }

  /**
   * Attached to a server's library: local changes are journalled for it, also while signed out
   * (they go out once the user signs in to the same library again).
   */
  attached(): boolean {
    const r = this.row();
    return r.server_url !== null && r.library_id !== null;
  }

  /** Attached and signed in: syncing runs. */
  signedIn(): boolean {
    const r = this.row();
    return r.server_url !== null && r.library_id !== null && r.signed_out_at === null;
  }

  /**
   * Records a connection. Another server, account or library than before starts from scratch: the
   * cursor goes back to 0 and nothing local counts as on the server any more.
   */
  connect(c: Connection): { fresh: boolean } {
    const before = this.row();
    const fresh =
      before.server_url !== c.serverUrl || before.account_id !== c.accountId || before.library_id !== c.libraryId;
    this.db
      .prepare(
        `UPDATE sync_device SET server_url = ?, account_id = ?, account_name = ?, library_id = ?, libraries = ?,
           device_name = ?, app_key = ?, socket_token = ?, signed_out_at = NULL, sign_out_reason = NULL WHERE id = 1`,
      )
      .run(
        c.serverUrl,
        c.accountId,
        c.accountName,
        c.libraryId,
        JSON.stringify(c.libraries),
        c.deviceName,
        c.appKey,
        c.socketToken ? 1 : 0,
      );
    if (fresh) {
      this.db
        .prepare('UPDATE sync_device SET cursor = 0, channel_seq = NULL, last_synced_at = NULL WHERE id = 1')
        .run();
      this.sql.get('UPDATE document_versions SET server_seq = NULL').run();
    }
    return { fresh };
  }

  /** Stops syncing: the user signed out, or the server refused the token. */
  signOut(reason: 'user' | 'server', at: string): void {
    this.sql.get('UPDATE sync_device SET signed_out_at = ?, sign_out_reason = ? WHERE id = 1').run(at, reason);
  }

  setCursor(cursor: number, at: string): void {
    this.sql.get('UPDATE sync_device SET cursor = max(cursor, ?), last_synced_at = ? WHERE id = 1').run(cursor, at);
  }

  setSynced(at: string): void {
    this.sql.get('UPDATE sync_device SET last_synced_at = ? WHERE id = 1').run(at);
  }

  setChannelSeq(seq: number): void {
    this.sql.get('UPDATE sync_device SET channel_seq = ? WHERE id = 1').run(seq);
  }

  libraries(): SyncLibrary[] {
    return JSON.parse(this.row().libraries) as SyncLibrary[];
  }
}
