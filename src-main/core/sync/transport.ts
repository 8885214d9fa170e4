/**
 * A device's HTTP client of a sync server (docs/sync.md §Wire). Every answer is validated with zod
 * before anything is applied: a truncated, garbled or unexpected answer is a `protocol` failure and
 * is retried like a 5xx, never half-applied. Failures are sorted by what the device should do:
 *
 * - `network`: the server cannot be reached (or did not answer in time) → "Offline", retry;
 * - `server`: it answered with an error or with garbage → "Sync error", retry with backoff;
 * - `unauthorized`: it refused the token (revoked, expired) → stop and ask the user to sign in;
 * - `refused`: it refused the request itself (4xx) → "Sync error" with its message.
 */
import type { z } from 'zod';
import {
  changesResponseSchema,
  deviceTokenResponseSchema,
  helloResponseSchema,
  pushResponseSchema,
  type ChangesResponse,
  type HelloResponse,
  type PushRequest,
  type PushResponse,
  type SyncRecord,
  syncRecordSchema,
} from '../../../src-shared/sync';

export type SyncFailureKind = 'network' | 'server' | 'unauthorized' | 'refused';

export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'SyncFailure';
  }
}

export interface TransportOptions {
  serverUrl: string;
  token: () => string | null;
  fetch?: typeof fetch;
  /** Per request; a slower answer counts as a network failure. */
  timeoutMs?: number;
  /** This device's live connection, so that its own pushes are not announced back to it. */
  socketId?: () => string | null;
}

export class SyncTransport {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly aborter = new AbortController();

  constructor(private readonly opts: TransportOptions) {
    this.base = opts.serverUrl.replace(/\/+$/, '');
    this.fetchImpl = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = opts.timeoutMs ?? 30_000;
  }

  get serverUrl(): string {
    return this.base;
  }

  async login(name: string, password: string, deviceName: string): Promise<{ token: string; tokenId: number }> {
    const body = await this.request('POST', '/api/auth/login', { name, password, token_name: deviceName }, null);
    const parsed = deviceTokenLike(body);
    return { token: parsed.token, tokenId: parsed.token_id };
  }

  /** A token of its own for this device, named after it, made with a token the user gave. */
  async deviceToken(givenToken: string, deviceName: string): Promise<{ token: string; tokenId: number }> {
    const body = await this.request('POST', '/api/sync/device-token', { device_name: deviceName }, givenToken);
    const parsed = parse(deviceTokenResponseSchema, body);
    return { token: parsed.token, tokenId: parsed.token_id };
  }

  /** Revokes this device's token on the server (sign out). */
  async logout(): Promise<void> {
    await this.request('POST', '/api/auth/logout', {});
  }

  async hello(token?: string): Promise<HelloResponse> {
    return parse(helloResponseSchema, await this.request('GET', '/api/sync/hello', undefined, token));
  }

  async push(req: PushRequest): Promise<PushResponse> {
    return parse(pushResponseSchema, await this.request('POST', '/api/sync/push', req));
  }

  /** Aborts every request in flight (shutdown): they fail as network failures. */
  abort(): void {
    this.aborter.abort();
  }

  /** A page of the library's log after `since`, without the records `excludeDevice` made (it has them). */
  async changes(library: number, since: number, limit: number, excludeDevice?: string): Promise<ChangesResponse> {
    const q = new URLSearchParams({ library: String(library), since: String(since), limit: String(limit) });
    if (excludeDevice) q.set('exclude_device', excludeDevice);
    const body = parse(changesResponseSchema, await this.request('GET', `/api/sync/changes?${q}`));
    return body as ChangesResponse;
  }

  /** Every record of one document, and whether the server counts it as deleted. */
  async document(library: number, doc: string): Promise<{ records: SyncRecord[]; deleted: boolean }> {
    const q = new URLSearchParams({ library: String(library) });
    const body = await this.request('GET', `/api/sync/documents/${encodeURIComponent(doc)}?${q}`);
    const b = body as { records?: unknown; deleted?: unknown };
    if (!Array.isArray(b?.records) || typeof b.deleted !== 'boolean')
      throw new SyncFailure('server', 'The sync server sent an answer this device does not understand.');
    return { records: b.records.map((r) => parse(syncRecordSchema, r) as SyncRecord), deleted: b.deleted };
  }

  /** The channel authorization (`/broadcasting/auth`) for the live socket. */
  async authorizeChannel(socketId: string, channel: string): Promise<string> {
    const body = await this.request('POST', '/broadcasting/auth', { socket_id: socketId, channel_name: channel });
    const auth = (body as { auth?: unknown })?.auth;
    if (typeof auth !== 'string') throw new SyncFailure('server', 'The sync server sent no channel signature.');
    return auth;
  }

  private async request(method: string, path: string, body?: unknown, token?: string | null): Promise<unknown> {
    const auth = token === undefined ? this.opts.token() : token;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (auth) headers.authorization = `Bearer ${auth}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const socketId = this.opts.socketId?.();
    if (socketId) headers['x-socket-id'] = socketId;
    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.any([this.aborter.signal, AbortSignal.timeout(this.timeoutMs)]),
      });
      text = await res.text();
    } catch (err) {
      // Refused connections, resets, timeouts, and bodies cut short (an aborted or truncated stream).
      const reason =
        err instanceof Error && err.name === 'TimeoutError' ? 'did not answer in time' : 'cannot be reached';
      throw new SyncFailure('network', `The sync server ${reason}.`);
    }
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      /* judged below */
    }
    if (res.ok) {
      if (parsed === undefined)
        throw new SyncFailure('server', 'The sync server sent an answer this device does not understand.', res.status);
      return parsed;
    }
    const error = (parsed as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const said = typeof error?.message === 'string' ? error.message.slice(0, 300) : null;
    if (res.status === 401)
      throw new SyncFailure('unauthorized', said ?? 'The sync server no longer accepts this device.', 401);
    const serverStorage = error?.code === 'storage_full' || error?.code === 'storage_unavailable' ? error.code : null;
    if (serverStorage)
      throw new SyncFailure(
        'server',
        serverStorage === 'storage_full'
          ? "The sync server's disk is full. Changes are kept on this device and sent once the server has room again."
          : 'The sync server cannot write its data right now (a disk error). Changes are kept on this device and sent once it can.',
        res.status,
      );
    if (res.status >= 500 || parsed === undefined)
      throw new SyncFailure('server', `The sync server answered with an error (${res.status}).`, res.status);
    throw new SyncFailure('refused', said ?? `The sync server refused the request (${res.status}).`, res.status);
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new SyncFailure('server', 'The sync server sent an answer this device does not understand.');
  return r.data;
}

/** `POST /api/auth/login` answers `{token, token_id, user}`. */
function deviceTokenLike(body: unknown): { token: string; token_id: number } {
  const b = body as { token?: unknown; token_id?: unknown };
  if (typeof b?.token !== 'string' || typeof b.token_id !== 'number')
    throw new SyncFailure('server', 'The sync server sent an answer this device does not understand.');
  return { token: b.token, token_id: b.token_id };
}
