/**
 * `inkproof user add|list|remove|token`: accounts of a data folder. Works whether or not a server
 * is running on that folder (SQLite in WAL mode lets both write); a server sees new and revoked
 * tokens on its next request.
 */
import { AccountStore, type TokenInfo } from '../core/accounts/accounts';
import { SyncLibraryStore } from '../server/sync/store';
import { resolveDataDir } from '../core/paths';
import { openDatabase } from '../core/store/db';
import { removeSourceFiles } from '../core/store/sources';
import { InkproofError } from '../../src-shared/errors';

export interface UserCliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  readStdin: () => Promise<string>;
}

const defaultIo: UserCliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

function withAccounts<T>(data: string | undefined, fn: (accounts: AccountStore) => Promise<T>): Promise<T> {
  const db = openDatabase({ dataDir: resolveDataDir(data) });
  return fn(new AccountStore(db)).finally(() => db.close());
}

async function passwordFrom(o: { password?: string; passwordStdin?: boolean }, io: UserCliIo): Promise<string | null> {
  if (o.password !== undefined && o.passwordStdin)
    throw new InkproofError('invalid_input', 'Give --password or --password-stdin, not both.');
  if (o.passwordStdin) return (await io.readStdin()).replace(/\r?\n$/, '');
  if (o.password !== undefined) return o.password;
  return process.env.INKPROOF_PASSWORD ?? null;
}

export async function userAdd(
  name: string,
  o: { data?: string; password?: string; passwordStdin?: boolean; token?: boolean; admin?: boolean },
  io = defaultIo,
): Promise<number> {
  const password = await passwordFrom(o, io);
  return withAccounts(o.data, async (accounts) => {
    const user = await accounts.add(name, password, { admin: o.admin });
    io.err(
      `Added ${user.admin ? 'admin ' : ''}user "${user.name}" (id ${user.id})${password ? ' with a password' : ', without a password (tokens only)'}.\n`,
    );
    if (o.token) io.out(accounts.issueToken(name, 'cli').token + '\n');
    return 0;
  });
}

export async function userPassword(
  name: string,
  o: { data?: string; password?: string; passwordStdin?: boolean },
  io = defaultIo,
): Promise<number> {
  const password = await passwordFrom(o, io);
  if (!password)
    throw new InkproofError(
      'invalid_input',
      'Give the new password with --password-stdin (or --password, or INKPROOF_PASSWORD).',
    );
  return withAccounts(o.data, async (accounts) => {
    await accounts.setPassword(name, password);
    io.err(`Changed the password of "${name}".\n`);
    return 0;
  });
}

export async function userAdmin(name: string, o: { data?: string; revoke?: boolean }, io = defaultIo): Promise<number> {
  return withAccounts(o.data, async (accounts) => {
    accounts.setAdmin(name, !o.revoke);
    io.err(
      o.revoke
        ? `"${name}" no longer changes this machine's settings.\n`
        : `"${name}" may now change this machine's settings.\n`,
    );
    return 0;
  });
}

export async function userList(o: { data?: string; json?: boolean }, io = defaultIo): Promise<number> {
  return withAccounts(o.data, async (accounts) => {
    const list = accounts.list();
    if (o.json) {
      io.out(JSON.stringify(list) + '\n');
      return 0;
    }
    const rows = [
      ['ID', 'NAME', 'ADMIN', 'PASSWORD', 'TOKENS', 'CREATED', 'LAST USED'],
      ...list.map((u) => [
        String(u.id),
        u.name,
        u.admin ? 'yes' : 'no',
        u.has_password ? 'yes' : 'no',
        String(u.tokens),
        u.created_at.slice(0, 19),
        u.last_used_at?.slice(0, 19) ?? '-',
      ]),
    ];
    io.out(table(rows));
    return 0;
  });
}

export async function userRemove(
  name: string,
  o: { data?: string; deleteDocuments?: boolean },
  io = defaultIo,
): Promise<number> {
  return withAccounts(o.data, async (accounts) => {
    const { documents, sourceFiles } = accounts.remove(name, { deleteDocuments: o.deleteDocuments });
    // The original files of its documents not yet extracted (the rows naming them are gone).
    await removeSourceFiles(resolveDataDir(o.data), sourceFiles);
    io.err(`Removed user "${name}"${documents ? ` and ${documents} document(s)` : ''}.\n`);
    return 0;
  });
}

export async function userToken(
  name: string,
  o: {
    data?: string;
    name?: string;
    list?: boolean;
    revoke?: string;
    revokeAll?: boolean;
    json?: boolean;
    expiresInDays?: string;
  },
  io = defaultIo,
): Promise<number> {
  const modes = [o.list, o.revoke !== undefined, o.revokeAll].filter(Boolean).length;
  if (modes > 1) throw new InkproofError('invalid_input', 'Give one of --list, --revoke or --revoke-all.');
  return withAccounts(o.data, async (accounts) => {
    if (o.list) {
      const list = accounts.tokens(name);
      if (o.json) io.out(JSON.stringify(list) + '\n');
      else io.out(table([['ID', 'NAME', 'PREFIX', 'CREATED', 'LAST USED', 'STATE'], ...list.map(tokenRow)]));
      return 0;
    }
    if (o.revokeAll) {
      const n = accounts.revokeAllTokens(name);
      io.err(`Revoked ${n} token(s) of "${name}".\n`);
      return 0;
    }
    if (o.revoke !== undefined) {
      if (!accounts.revokeToken(name, o.revoke))
        throw new InkproofError(
          'not_found',
          `"${name}" has no live token "${o.revoke}" (give its ID or PREFIX from --list).`,
        );
      io.err(`Revoked token ${o.revoke} of "${name}".\n`);
      return 0;
    }
    let days: number | undefined;
    if (o.expiresInDays !== undefined) {
      days = Number(o.expiresInDays);
      if (!Number.isFinite(days) || days <= 0)
        throw new InkproofError('invalid_input', '--expires-in-days takes a positive number.');
    }
    const issued = accounts.issueToken(name, o.name ?? 'cli', { expiresInDays: days });
    if (o.json) io.out(JSON.stringify(issued) + '\n');
    else {
      io.out(issued.token + '\n');
      io.err(
        `New token ${issued.id} (${issued.prefix}…) for "${name}". It is shown only now; revoke it with: inkproof user token ${name} --revoke ${issued.id}\n`,
      );
    }
    return 0;
  });
}

/** `inkproof user share NAME --with OTHER | --unshare OTHER | --list`: who else may sync NAME's library. */
export async function userShare(
  name: string,
  o: { data?: string; with?: string; unshare?: string; list?: boolean },
  io = defaultIo,
): Promise<number> {
  const modes = [o.with !== undefined, o.unshare !== undefined, o.list].filter(Boolean).length;
  if (modes !== 1) throw new InkproofError('invalid_input', 'Give one of --with USER, --unshare USER or --list.');
  const db = openDatabase({ dataDir: resolveDataDir(o.data) });
  try {
    const accounts = new AccountStore(db);
    const libraries = new SyncLibraryStore(db);
    const owner = accounts.find(name);
    if (!owner) throw new InkproofError('not_found', `There is no user "${name}".`);
    if (o.list) {
      const list = libraries.sharedWith(owner.id);
      io.out(
        table([['ID', 'NAME', 'SHARED SINCE'], ...list.map((u) => [String(u.id), u.name, u.created_at.slice(0, 19)])]),
      );
      return 0;
    }
    const otherName = (o.with ?? o.unshare)!;
    const other = accounts.find(otherName);
    if (!other) throw new InkproofError('not_found', `There is no user "${otherName}".`);
    if (other.id === owner.id) throw new InkproofError('invalid_input', "A library is always its owner's.");
    if (o.with !== undefined) {
      const added = libraries.share(owner.id, other.id);
      io.err(
        added ? `"${name}" now shares its library with "${otherName}".\n` : `Already shared with "${otherName}".\n`,
      );
    } else {
      const removed = libraries.unshare(owner.id, other.id);
      io.err(
        removed
          ? `"${name}" no longer shares its library with "${otherName}".\n`
          : `It was not shared with "${otherName}".\n`,
      );
    }
    return 0;
  } finally {
    db.close();
  }
}

function tokenRow(t: TokenInfo): string[] {
  const state = t.revoked_at ? 'revoked' : t.expires_at && Date.parse(t.expires_at) <= Date.now() ? 'expired' : 'live';
  return [String(t.id), t.name, t.prefix + '…', t.created_at.slice(0, 19), t.last_used_at?.slice(0, 19) ?? '-', state];
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return (
    rows
      .map((r) =>
        r
          .map((c, i) => c.padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
