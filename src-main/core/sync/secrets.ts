/**
 * Where a device keeps its sync token. The core asks only this interface; each shell gives the
 * store it has: the desktop app encrypts the token with Electron's safeStorage (the system
 * keychain), the headless core keeps it in a file only its user may read, and a token given on
 * the command line (`--sync-token`, `INKPROOF_SYNC_TOKEN`) lives in memory only.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface SecretStore {
  /** Where the secret is kept, in words (shown in Settings). */
  readonly where: string;
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

export class MemorySecretStore implements SecretStore {
  readonly where = 'in memory (given on the command line)';
  constructor(private token: string | null = null) {}
  get(): string | null {
    return this.token;
  }
  set(token: string): void {
    this.token = token;
  }
  clear(): void {
    this.token = null;
  }
}

/** A file readable and writable by its owner only (0600), written atomically. */
export class FileSecretStore implements SecretStore {
  readonly where: string;
  constructor(private readonly file: string) {
    this.where = `in ${file} (readable only by your user)`;
  }

  get(): string | null {
    try {
      const value = fs.readFileSync(this.file, 'utf8').trim();
      return value || null;
    } catch {
      return null;
    }
  }

  set(token: string): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, token, { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }

  clear(): void {
    fs.rmSync(this.file, { force: true });
  }
}

export const SYNC_TOKEN_FILE = 'sync-token';
