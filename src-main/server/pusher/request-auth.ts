/**
 * Authentication of HTTP API requests (docs/protocol.md, Pusher's REST API): `auth_key`,
 * `auth_timestamp` within ±600 s of the server's clock, `auth_version=1.0`, `body_md5` of the body,
 * and `auth_signature` = HMAC-SHA256 hex of `METHOD\nPATH\nQUERY`, where QUERY is every other
 * parameter with its key lower-cased, sorted by key, `k=v` joined with `&`, unescaped.
 *
 * One signature covers exactly one request: a parameter may appear once (after lower-casing its
 * key), and no key or value may hold a character that would let the unescaped QUERY be read as
 * other parameters (`&` anywhere, `=` in a key — `info=a%26b%3Dc` would sign the same text as
 * `info=a&b=c`). The query is checked before the body is read (checkQuery); the body then has to
 * match `body_md5` — which is required when there is a body and, when given, checked even for an
 * empty one (checkBody).
 */
import crypto from 'node:crypto';
import type { PusherApp } from './apps';
import { hmacHex } from './signature';

export const TIMESTAMP_WINDOW_S = 600;

export type Refusal = { ok: false; status: number; message: string };
export type QueryCheck = { ok: true; params: Map<string, string> } | Refusal;

/**
 * Splits a raw query string; values are percent-decoded (SDKs send them unescaped or escaped).
 * Null when a parameter repeats, an escape is malformed, or a decoded key or value could make the
 * signed text ambiguous.
 */
export function parseQuery(raw: string): Map<string, string> | null {
  const params = new Map<string, string>();
  if (!raw) return params;
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = eq < 0 ? part : part.slice(0, eq);
    const v = eq < 0 ? '' : part.slice(eq + 1);
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(k).toLowerCase();
      value = decodeURIComponent(v);
    } catch {
      return null;
    }
    if (key === '' || key.includes('=') || key.includes('&') || value.includes('&')) return null;
    // A repeated parameter makes the signed string ambiguous: refuse it.
    if (params.has(key)) return null;
    params.set(key, value);
  }
  return params;
}

export function signedQueryString(params: Map<string, string>): string {
  return [...params.entries()]
    .filter(([k]) => k !== 'auth_signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Everything but the body: key, version, timestamp window and signature. */
export function checkQuery(
  app: PusherApp,
  method: string,
  path: string,
  rawQuery: string,
  nowMs = Date.now(),
): QueryCheck {
  const params = parseQuery(rawQuery);
  if (!params)
    return {
      ok: false,
      status: 400,
      message: 'Malformed query string (a parameter is repeated, badly escaped, or holds "&").',
    };
  const key = params.get('auth_key');
  const ts = params.get('auth_timestamp');
  const signature = params.get('auth_signature');
  if (key === undefined || ts === undefined || signature === undefined)
    return { ok: false, status: 401, message: 'Missing auth_key, auth_timestamp or auth_signature.' };
  if (key !== app.key) return { ok: false, status: 401, message: 'Invalid auth_key for this app.' };
  const version = params.get('auth_version');
  if (version !== undefined && version !== '1.0')
    return { ok: false, status: 401, message: 'Unsupported auth_version (use 1.0).' };
  if (!/^\d{1,12}$/.test(ts))
    return { ok: false, status: 401, message: 'auth_timestamp must be seconds since the epoch.' };
  const now = Math.floor(nowMs / 1000);
  if (Math.abs(now - Number(ts)) > TIMESTAMP_WINDOW_S) {
    return {
      ok: false,
      status: 401,
      message: `Timestamp expired: given timestamp (${ts}) not within ${TIMESTAMP_WINDOW_S}s of server time (${now}).`,
    };
  }
  const md5 = params.get('body_md5');
  if (md5 !== undefined && !/^[0-9a-fA-F]{32}$/.test(md5))
    return { ok: false, status: 401, message: 'body_md5 must be 32 hex digits.' };
  const expected = hmacHex(app.secret, `${method.toUpperCase()}\n${path}\n${signedQueryString(params)}`);
  if (!safeHexEqual(signature.toLowerCase(), expected))
    return {
      ok: false,
      status: 401,
      message: 'Invalid signature: check the app secret and how the request is signed.',
    };
  return { ok: true, params };
}

/** The body against the signed `body_md5`. */
export function checkBody(params: Map<string, string>, body: string): { ok: true } | Refusal {
  const md5 = params.get('body_md5');
  if (md5 === undefined) {
    if (body.length > 0) return { ok: false, status: 401, message: 'A request with a body needs body_md5.' };
    return { ok: true };
  }
  const actual = crypto.createHash('md5').update(body, 'utf8').digest('hex');
  if (!safeHexEqual(md5.toLowerCase(), actual))
    return { ok: false, status: 401, message: 'body_md5 does not match the body.' };
  return { ok: true };
}

function safeHexEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
}
