/**
 * The desktop app keeps its sync token with Electron's safeStorage: encrypted with a key the
 * operating system guards (Keychain on macOS, DPAPI on Windows, the Secret Service or KWallet on
 * Linux), and written to the user-data folder only in that encrypted form. Where the system offers
 * no such key (safeStorage unavailable, or Linux's plain-text fallback), the token stays in memory
 * for this run only and Settings says so: the user signs in again after a restart, and no
 * readable token is ever written.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SecretStore } from '../core/sync/secrets';

/** The part of Electron's safeStorage this store uses (an interface, so it is tested without Electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no real key is available. */
  getSelectedStorageBackend?(): string;
}

export const SYNC_TOKEN_ENC_FILE = 'sync-token.enc';

export class SafeStorageSecretStore implements SecretStore {
  private memory: string | null = null;

  constructor(
    private readonly safe: SafeStorageLike,
    private readonly file: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  get where(): string {
    return this.encrypts()
      ? "encrypted with the system's keychain (Electron safeStorage)"
      : 'in memory for this run only: this system offers no encrypted storage, so you sign in again after a restart';
  }

  get(): string | null {
    if (this.memory !== null) return this.memory;
    if (!this.encrypts()) return null;
    try {
      this.memory = this.safe.decryptString(fs.readFileSync(this.file));
      return this.memory;
    } catch {
      // Missing, or encrypted with a key this system no longer has: signed out.
      return null;
    }
  }

  set(token: string): void {
    this.memory = token;
    if (!this.encrypts()) {
      fs.rmSync(this.file, { force: true });
      return;
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, this.safe.encryptString(token), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
  }

  clear(): void {
    this.memory = null;
    fs.rmSync(this.file, { force: true });
  }

  private encrypts(): boolean {
    if (!this.safe.isEncryptionAvailable()) return false;
    return !(this.platform === 'linux' && this.safe.getSelectedStorageBackend?.() === 'basic_text');
  }
}
