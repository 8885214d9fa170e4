/**
 * The desktop app's sync token store behind its interface, with a stand-in for Electron's
 * safeStorage (the binary is not needed): what is written is never the token itself, it reads
 * back, survives a restart, is removed on sign out, and where the system has no encryption key the
 * token stays in memory only — nothing readable reaches the disk.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SafeStorageSecretStore, type SafeStorageLike } from '../../../src-main/electron/sync-secret';
import { tempDir } from '../../helpers/temp';

/** Reversible, and unlike the input: enough to tell that the store encrypts what it writes. */
function fakeSafeStorage(available = true, backend = 'gnome_libsecret'): SafeStorageLike {
  const key = 0x5a;
  return {
    isEncryptionAvailable: () => available,
    encryptString: (s) => Buffer.from([...Buffer.from(s, 'utf8')].map((b) => b ^ key)),
    decryptString: (b) => Buffer.from([...b].map((x) => x ^ key)).toString('utf8'),
    getSelectedStorageBackend: () => backend,
  };
}

describe('SafeStorageSecretStore', () => {
  const t = tempDir('inkproof-secret-');
  const file = path.join(t.dir, 'sync-token.enc');
  afterEach(() => fs.rmSync(file, { force: true }));

  it('writes the token encrypted, reads it back after a restart, and forgets it on sign out', () => {
    const store = new SafeStorageSecretStore(fakeSafeStorage(), file, 'linux');
    expect(store.get()).toBeNull();
    store.set('ink_secret-token-value');
    const written = fs.readFileSync(file);
    expect(written.toString('utf8')).not.toContain('secret-token-value');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const again = new SafeStorageSecretStore(fakeSafeStorage(), file, 'linux');
    expect(again.get()).toBe('ink_secret-token-value');
    expect(again.where).toMatch(/keychain/);
    again.clear();
    expect(fs.existsSync(file)).toBe(false);
    expect(new SafeStorageSecretStore(fakeSafeStorage(), file, 'linux').get()).toBeNull();
  });

  it('keeps the token in memory only where the system has no key (and says so)', () => {
    for (const safe of [fakeSafeStorage(false), fakeSafeStorage(true, 'basic_text')]) {
      const store = new SafeStorageSecretStore(safe, file, 'linux');
      store.set('ink_memory-only');
      expect(store.get()).toBe('ink_memory-only');
      expect(fs.existsSync(file)).toBe(false);
      expect(store.where).toMatch(/in memory for this run only/);
      expect(new SafeStorageSecretStore(safe, file, 'linux').get()).toBeNull();
    }
  });

  it('treats a file it cannot decrypt as signed out', () => {
    fs.writeFileSync(file, 'not encrypted by this key');
    const broken: SafeStorageLike = {
      ...fakeSafeStorage(),
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    expect(new SafeStorageSecretStore(broken, file, 'darwin').get()).toBeNull();
  });
});
