/** Pusher Channels v7 wire messages and close codes (docs/protocol.md). */
import type { Envelope } from '../../../src-shared/events';
import { textFrame } from './frame-writer';

export const CLOSE = {
  UNKNOWN_APP: 4001,
  APP_DISABLED: 4003,
  OVER_QUOTA: 4004,
  PATH_NOT_FOUND: 4005,
  UNSUPPORTED_PROTOCOL: 4007,
  NO_PROTOCOL: 4008,
  UNAUTHORIZED: 4009,
  OVER_CAPACITY: 4100,
  GENERIC_RECONNECT: 4200,
  PONG_NOT_RECEIVED: 4201,
  INACTIVE: 4202,
} as const;

/** Error codes sent only as `pusher:error` events, never as close codes (pusher-js would stop reconnecting). */
export const ERROR = {
  CLIENT_EVENT_RATE_LIMIT: 4301,
} as const;

export interface ClientMessage {
  event: string;
  channel?: string;
  data?: unknown;
}

/** Server → client frame. `data` is always a string on the wire. */
export function frame(event: string, data: unknown, channel?: string, seq?: number, userId?: string): string {
  const msg: Record<string, unknown> = { event };
  if (channel !== undefined) msg.channel = channel;
  msg.data = typeof data === 'string' ? data : JSON.stringify(data ?? null);
  if (seq !== undefined) msg.seq = seq;
  if (userId !== undefined) msg.user_id = userId;
  return JSON.stringify(msg);
}

export function errorFrame(message: string, code: number | null): string {
  return frame('pusher:error', { message, code });
}

let lastEnvelope: Envelope | null = null;
let lastFrame: Buffer | null = null;

/**
 * The WebSocket frame of an envelope, encoded and framed once however many sockets receive it (the
 * same Buffer is written to every socket). A fan-out hands the same envelope to every
 * subscriber in a row, so remembering the last one is enough — and keeps nothing alive longer
 * (a WeakMap of frames would hold one Buffer per envelope kept in the history).
 */
export function envelopeFrame(env: Envelope): Buffer {
  if (env === lastEnvelope && lastFrame !== null) return lastFrame;
  const data = typeof env.data === 'string' ? env.data : JSON.stringify(env.data ?? null);
  let text = `{"event":${JSON.stringify(env.event)},"channel":${JSON.stringify(env.channel)},"data":${JSON.stringify(data)},"seq":${env.seq},"ts":${env.ts}`;
  if (env.user_id !== undefined) text += `,"user_id":${JSON.stringify(env.user_id)}`;
  lastFrame = textFrame(text + '}');
  lastEnvelope = env;
  return lastFrame;
}

/** A JSON object from untrusted text; null for anything else (bad JSON, arrays, scalars). */
export function parseJsonObject(raw: string): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return value as Record<string, unknown>;
}

/** Parses a client frame; null when it is not a JSON object with a string `event`. */
export function parseClientMessage(raw: string): ClientMessage | null {
  const msg = parseJsonObject(raw);
  if (msg === null) return null;
  if (typeof msg.event !== 'string' || msg.event.length === 0) return null;
  if (msg.channel !== undefined && typeof msg.channel !== 'string') return null;
  // Clients may send data as a JSON string or as an object.
  let data = msg.data;
  if (typeof data === 'string' && msg.event.startsWith('pusher:')) {
    try {
      data = JSON.parse(data);
    } catch {
      /* keep the string */
    }
  }
  return { event: msg.event, channel: msg.channel as string | undefined, data };
}
