/**
 * Pusher apps the server accepts: id, key (public, in the socket URL), secret (signs auth and API
 * requests), and per-app switches and limits. Apps come from the environment
 * (`INKPROOF_APP_ID`, `INKPROOF_APP_KEY`, `INKPROOF_APP_SECRET`, …) and/or a JSON config file
 * (`--apps FILE` or `INKPROOF_APPS_FILE`) with several apps, in the manner of Reverb's `apps` list:
 *
 *   { "apps": [ { "id": "1", "key": "k", "secret": "s", "client_events": true,
 *                 "max_connections": 1000, "webhooks": [ { "url": "https://…" } ] } ] }
 *
 * The first app is the primary one: the core's own channels (private-documents.12 …) live in it and
 * the auth endpoint (`/broadcasting/auth`) signs with its secret. Other apps are isolated from it:
 * each has its own channels, as with Pusher and Reverb.
 */
import fs from 'node:fs';
import { z } from 'zod';
import { InkproofError } from '../../../src-shared/errors';

export interface AppLimits {
  /** Open connections of the app (on every node together); 0: no limit. Beyond: close 4004. */
  maxConnections: number;
  /** Bytes of `data` in one event (HTTP API: 413; client event: error). Pusher: 10 KB. */
  maxEventBytes: number;
  /** Channels in one HTTP `events` call (Pusher: 100). */
  maxChannelsPerEvent: number;
  /** Events in one `batch_events` call (Pusher: 10). */
  maxEventsPerBatch: number;
  /** Members of one presence channel (Pusher: 100). */
  maxPresenceMembers: number;
  /** Bytes of a presence member's `user_info` (Pusher: 1 KB). */
  maxPresenceUserInfoBytes: number;
  /** Channels one connection may subscribe to. */
  maxSubscriptionsPerConnection: number;
  /** Client events one connection may send per second (Pusher: 10); beyond: a 4301 error event. */
  clientEventsPerSecond: number;
  /** Length of an event name (Pusher: 200). */
  maxEventNameLength: number;
}

export interface WebhookTarget {
  url: string;
  /** Which events to send (default all): channel_occupied, channel_vacated, member_added, member_removed, client_event, cache_miss. */
  eventTypes: string[] | null;
}

export interface PusherApp {
  id: string;
  key: string;
  secret: string;
  name?: string;
  /** A disabled app refuses connections (4003) and API calls (403). */
  enabled: boolean;
  /** Whether clients may send `client-*` events on private and presence channels. */
  clientEvents: boolean;
  /** Seconds of silence after which the server pings the connection. */
  activityTimeout: number;
  /** Seconds the server waits for the answer to its ping before closing with 4201. */
  pongTimeout: number;
  /** Largest message a client may send, in bytes (larger frames close the socket with 1009). */
  maxMessageBytes: number;
  limits: AppLimits;
  webhooks: WebhookTarget[];
  /** Origins (besides the server's own) whose pages may open sockets; "*" allows any. */
  allowedOrigins: string[];
  /**
   * Sockets must carry a valid Inkproof token (`?token=`): the desktop's own app when nothing else is
   * configured. Apps for pusher-js and Echo clients leave it off: as with Pusher, the app key opens
   * a socket and private channels need a signature from the auth endpoint.
   */
  requireToken: boolean;
}

export const DEFAULT_LIMITS: AppLimits = {
  maxConnections: 0,
  maxEventBytes: 10 * 1024,
  maxChannelsPerEvent: 100,
  maxEventsPerBatch: 10,
  maxPresenceMembers: 100,
  maxPresenceUserInfoBytes: 1024,
  maxSubscriptionsPerConnection: 1000,
  clientEventsPerSecond: 10,
  maxEventNameLength: 200,
};

export type AppInput = Partial<Omit<PusherApp, 'limits'>> & {
  id: string;
  key: string;
  secret: string;
  limits?: Partial<AppLimits>;
};

/** The fields of `o` that are set: an absent setting keeps its default instead of erasing it. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A complete app from the fields given (the rest, and any left undefined: Pusher's defaults). */
export function makeApp(partial: AppInput): PusherApp {
  return {
    enabled: true,
    clientEvents: true,
    activityTimeout: 30,
    pongTimeout: 30,
    maxMessageBytes: 100 * 1024,
    webhooks: [],
    allowedOrigins: [],
    requireToken: false,
    ...defined(partial),
    id: partial.id,
    key: partial.key,
    secret: partial.secret,
    limits: { ...DEFAULT_LIMITS, ...defined(partial.limits ?? {}) },
  };
}

const positive = z.number().int().positive();
const nonNegative = z.number().int().min(0);
const appSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "." or "-"'),
    key: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, "_", "." or "-"'),
    secret: z.string().min(8).max(200),
    name: z.string().max(200).optional(),
    enabled: z.boolean().optional(),
    client_events: z.boolean().optional(),
    activity_timeout: positive.max(3600).optional(),
    pong_timeout: positive.max(600).optional(),
    max_message_bytes: positive.max(16 * 1024 * 1024).optional(),
    max_connections: nonNegative.optional(),
    max_event_bytes: positive.optional(),
    max_channels_per_event: positive.max(10_000).optional(),
    max_events_per_batch: positive.max(10_000).optional(),
    max_presence_members: positive.optional(),
    max_presence_user_info_bytes: positive.optional(),
    max_subscriptions_per_connection: positive.optional(),
    client_events_per_second: positive.optional(),
    max_event_name_length: positive.max(10_000).optional(),
    allowed_origins: z.array(z.string()).optional(),
    require_token: z.boolean().optional(),
    webhooks: z
      .array(z.object({ url: z.string().url(), event_types: z.array(z.string()).optional() }).strict())
      .optional(),
  })
  .strict();
const fileSchema = z.object({ apps: z.array(appSchema).min(1) }).strict();

type AppConfig = z.infer<typeof appSchema>;

function fromConfig(c: AppConfig): PusherApp {
  return makeApp({
    id: c.id,
    key: c.key,
    secret: c.secret,
    name: c.name,
    enabled: c.enabled,
    clientEvents: c.client_events,
    activityTimeout: c.activity_timeout,
    pongTimeout: c.pong_timeout,
    maxMessageBytes: c.max_message_bytes,
    allowedOrigins: c.allowed_origins,
    requireToken: c.require_token,
    webhooks: c.webhooks?.map((w) => ({ url: w.url, eventTypes: w.event_types ?? null })),
    limits: {
      maxConnections: c.max_connections,
      maxEventBytes: c.max_event_bytes,
      maxChannelsPerEvent: c.max_channels_per_event,
      maxEventsPerBatch: c.max_events_per_batch,
      maxPresenceMembers: c.max_presence_members,
      maxPresenceUserInfoBytes: c.max_presence_user_info_bytes,
      maxSubscriptionsPerConnection: c.max_subscriptions_per_connection,
      clientEventsPerSecond: c.client_events_per_second,
      maxEventNameLength: c.max_event_name_length,
    },
  });
}

export function readAppsFile(file: string): PusherApp[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new InkproofError('invalid_input', `Cannot read the apps file ${file}: ${(err as Error).message}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InkproofError(
      'invalid_input',
      `The apps file ${file} is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data.apps.map(fromConfig);
}

const bool = (v: string | undefined): boolean | undefined =>
  v === undefined || v === '' ? undefined : /^(1|true|yes|on)$/i.test(v);
const int = (name: string, v: string | undefined): number | undefined => {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new InkproofError('invalid_input', `${name} must be a whole number (got "${v}").`);
  return n;
};

/**
 * The app from `INKPROOF_APP_*` variables, or null when none is set. `secret` is the fallback when
 * INKPROOF_APP_SECRET is absent (the secret stored in the data folder).
 */
export function appFromEnv(env: NodeJS.ProcessEnv, fallbackSecret: () => string): PusherApp | null {
  const any = ['INKPROOF_APP_ID', 'INKPROOF_APP_KEY', 'INKPROOF_APP_SECRET'].some((k) => env[k]);
  // With an apps file and no INKPROOF_APP_* the file's apps are the only ones.
  if (!any && env.INKPROOF_APPS_FILE) return null;
  // Nothing configured: the data folder's own app, for its own clients, behind the server's token.
  const app = makeApp({
    id: env.INKPROOF_APP_ID || 'inkproof',
    key: env.INKPROOF_APP_KEY || 'inkproof',
    secret: env.INKPROOF_APP_SECRET || fallbackSecret(),
    requireToken: !any,
  });
  app.requireToken = bool(env.INKPROOF_APP_REQUIRE_TOKEN) ?? app.requireToken;
  const limits = app.limits;
  app.clientEvents = bool(env.INKPROOF_APP_CLIENT_EVENTS) ?? app.clientEvents;
  app.activityTimeout = int('INKPROOF_APP_ACTIVITY_TIMEOUT', env.INKPROOF_APP_ACTIVITY_TIMEOUT) || app.activityTimeout;
  app.pongTimeout = int('INKPROOF_APP_PONG_TIMEOUT', env.INKPROOF_APP_PONG_TIMEOUT) || app.pongTimeout;
  limits.maxConnections =
    int('INKPROOF_APP_MAX_CONNECTIONS', env.INKPROOF_APP_MAX_CONNECTIONS) ?? limits.maxConnections;
  limits.maxEventBytes = int('INKPROOF_APP_MAX_EVENT_BYTES', env.INKPROOF_APP_MAX_EVENT_BYTES) || limits.maxEventBytes;
  limits.clientEventsPerSecond =
    int('INKPROOF_APP_CLIENT_EVENTS_PER_SECOND', env.INKPROOF_APP_CLIENT_EVENTS_PER_SECOND) ||
    limits.clientEventsPerSecond;
  if (env.INKPROOF_APP_ALLOWED_ORIGINS)
    app.allowedOrigins = env.INKPROOF_APP_ALLOWED_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (env.INKPROOF_APP_WEBHOOK_URL) app.webhooks = [{ url: env.INKPROOF_APP_WEBHOOK_URL, eventTypes: null }];
  return app;
}

/**
 * The apps of a server: the env app (or the data folder's default app when there is no apps file)
 * first, then those of the file. Ids and keys must be unique.
 */
export function loadApps(opts: { env?: NodeJS.ProcessEnv; file?: string; fallbackSecret: () => string }): PusherApp[] {
  const env = opts.env ?? process.env;
  const file = opts.file ?? env.INKPROOF_APPS_FILE;
  const apps: PusherApp[] = [];
  const fromEnv = appFromEnv({ ...env, INKPROOF_APPS_FILE: file }, opts.fallbackSecret);
  if (fromEnv) apps.push(fromEnv);
  if (file) apps.push(...readAppsFile(file));
  const ids = new Set<string>();
  const keys = new Set<string>();
  for (const app of apps) {
    if (ids.has(app.id)) throw new InkproofError('invalid_input', `Two apps have the id "${app.id}".`);
    if (keys.has(app.key)) throw new InkproofError('invalid_input', `Two apps have the key "${app.key}".`);
    ids.add(app.id);
    keys.add(app.key);
  }
  return apps;
}

export class AppRegistry {
  private readonly byKey = new Map<string, PusherApp>();
  private readonly byId = new Map<string, PusherApp>();
  private readonly list: PusherApp[];

  constructor(apps: PusherApp[]) {
    if (apps.length === 0) throw new InkproofError('invalid_input', 'The server needs at least one app.');
    this.list = apps;
    for (const app of apps) {
      this.byKey.set(app.key, app);
      this.byId.set(app.id, app);
    }
  }

  /** The first app: the core's channels live in it. */
  get primary(): PusherApp {
    return this.list[0];
  }

  findByKey(key: string): PusherApp | undefined {
    return this.byKey.get(key);
  }

  findById(id: string): PusherApp | undefined {
    return this.byId.get(id);
  }

  all(): PusherApp[] {
    return [...this.list];
  }
}
