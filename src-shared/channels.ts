/**
 * Channel names and patterns. As in Laravel, a channel's full name carries its kind as a prefix
 * (`private-documents.12`, what Echo's `Echo.private('documents.12')` subscribes to) and that full
 * name is used everywhere: the hub, the event log, the wire. Authorization patterns match the name
 * without its prefix, like routes/channels.php.
 */
export const CHANNEL_PATTERNS = {
  document: 'documents.{documentId}',
  rewrite: 'rewrites.{rewriteId}',
  library: 'library.{userId}',
  queue: 'queue.{userId}',
  /** A device's own sync status, for its interface (docs/sync.md). */
  sync: 'sync.{userId}',
  /** On a sync server: a library's new records, for the devices that sync it (docs/sync.md). */
  syncLibrary: 'sync-library.{libraryId}',
} as const;

export const documentChannel = (documentId: number): string => `private-documents.${documentId}`;
export const rewriteChannel = (rewriteId: number): string => `private-rewrites.${rewriteId}`;
/** The `library` channel of docs/architecture.md §3, one per user so that users never share it on a sync server. */
export const libraryChannel = (userId: number): string => `private-library.${userId}`;
/** The `queue` channel of docs/architecture.md §3, one per user. */
export const queueChannel = (userId: number): string => `private-queue.${userId}`;
export const syncChannel = (userId: number): string => `private-sync.${userId}`;
export const syncLibraryChannel = (libraryId: number): string => `private-sync-library.${libraryId}`;

/** Pusher's channel-name alphabet and length limit. */
export const CHANNEL_NAME_RE = /^[A-Za-z0-9_\-=@,.;#]{1,164}$/;

export type ChannelParams = Record<string, string>;

interface CompiledPattern {
  re: RegExp;
  names: string[];
}
const compiled = new Map<string, CompiledPattern>();

function compile(pattern: string): CompiledPattern {
  let hit = compiled.get(pattern);
  if (hit) return hit;
  const names: string[] = [];
  const source = pattern
    .split(/(\{[A-Za-z_][A-Za-z0-9_]*\})/)
    .map((part) => {
      const m = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(part);
      if (m) {
        names.push(m[1]);
        return '([^.]+)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  hit = { re: new RegExp(`^${source}$`), names };
  compiled.set(pattern, hit);
  return hit;
}

/** Matches `documents.12` against `documents.{documentId}` → `{documentId: "12"}`, or null. */
export function matchChannel(pattern: string, channel: string): ChannelParams | null {
  const { re, names } = compile(pattern);
  const m = re.exec(channel);
  if (!m) return null;
  const params: ChannelParams = {};
  names.forEach((name, i) => (params[name] = m[i + 1]));
  return params;
}

/** Turns a channel param into a positive integer id, or null when it is not one. */
export function idParam(value: string | undefined): number | null {
  if (value === undefined || !/^[1-9][0-9]{0,15}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

export type ChannelKind = 'public' | 'private' | 'presence' | 'private-encrypted';

const PREFIXES: [string, ChannelKind][] = [
  ['private-encrypted-', 'private-encrypted'],
  ['private-cache-', 'private'],
  ['presence-cache-', 'presence'],
  ['cache-', 'public'],
  ['private-', 'private'],
  ['presence-', 'presence'],
];

/** Splits a channel name into its kind and the name without prefix. */
export function parseChannel(name: string): { kind: ChannelKind; base: string; cache: boolean } {
  for (const [prefix, kind] of PREFIXES) {
    if (name.startsWith(prefix)) return { kind, base: name.slice(prefix.length), cache: prefix.includes('cache-') };
  }
  return { kind: 'public', base: name, cache: false };
}

export const privateChannel = (name: string): string => `private-${name}`;

/** Longest glob accepted (a channel name is at most 164 characters; event names are short too). */
export const MAX_GLOB_LENGTH = 256;

/**
 * Glob match used by `inkproof tail --channel 'documents.*'`, the event stream and the event log
 * view: `*` stands for any run of characters, everything else is literal. No regular expression
 * and no backtracking: the pieces between stars are found left to right, each once (the leftmost
 * place a piece fits is never worse than a later one, since a star after it absorbs the rest), so
 * the cost grows with the lengths of glob and value, never with the number of stars. A glob longer
 * than MAX_GLOB_LENGTH matches nothing.
 */
export function globMatch(glob: string, value: string): boolean {
  if (glob.length > MAX_GLOB_LENGTH) return false;
  const pieces = glob.split('*');
  if (pieces.length === 1) return glob === value;
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (value.length < first.length + last.length || !value.startsWith(first) || !value.endsWith(last)) return false;
  let at = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i];
    if (piece === '') continue;
    const found = value.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}

/** A channel glob matches the full name or the name without its prefix (`documents.*`). */
export function channelGlobMatch(glob: string, channel: string): boolean {
  return globMatch(glob, channel) || globMatch(glob, parseChannel(channel).base);
}
