/**
 * Access to the headless server: a token (like Jupyter's) on every request and socket, compared in
 * constant time, and Host/Origin checks against DNS rebinding and cross-site pages.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { InkproofError } from '../../src-shared/errors';

export const TOKEN_COOKIE = 'inkproof_token';

export function randomToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** Constant-time comparison of secrets of any length (both sides are hashed to equal length first). */
export function safeEqual(a: string, b: string): boolean {
  const ha = crypto.createHash('sha256').update(a).digest();
  const hb = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(ha, hb) && a.length === b.length;
}

/** The token a request carries: `Authorization: Bearer`, `?token=`, or the cookie set by the first page load. */
export function tokenOf(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim();
  const q = url.searchParams.get('token');
  if (q) return q;
  const cookie = req.headers.cookie;
  if (cookie) {
    for (const part of cookie.split(';')) {
      const [k, ...v] = part.trim().split('=');
      if (k === TOKEN_COOKIE) return decodeURIComponent(v.join('='));
    }
  }
  return null;
}

/** 127.0.0.0/8 written as four decimal numbers and nothing else (no trailing name, no octal or hex). */
const OCTET = '(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])';
const IPV4_LOOPBACK = new RegExp(`^127\\.${OCTET}\\.${OCTET}\\.${OCTET}$`);

/** Whether a host name (as written in a Host header or given to --host) can only mean this machine. */
export function isLoopback(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'localhost' || n === '::1' || n === '[::1]' || IPV4_LOOPBACK.test(n);
}

/** A Host header split into its name (lower case) and port (null when absent); null when malformed. */
export function parseHost(value: string): { name: string; port: number | null } | null {
  const m = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(?::([0-9]{1,5}))?$/.exec(value);
  if (!m) return null;
  const port = m[2] === undefined ? null : Number(m[2]);
  if (port !== null && port > 65535) return null;
  return { name: m[1].toLowerCase(), port };
}

/** A Host value accepted besides the server's own names: a name, with the port it must carry (null: none). */
export interface AllowedHost {
  name: string;
  port: number | null;
}

/** Reads `--allowed-hosts` / INKPROOF_ALLOWED_HOSTS: `NAME` or `NAME:PORT`, comma-separated. */
export function parseAllowedHosts(list: string | undefined): AllowedHost[] {
  if (!list) return [];
  return list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const host = parseHost(item);
      if (!host)
        throw new InkproofError(
          'invalid_input',
          `"${item}" in the allowed hosts is not a host name (NAME or NAME:PORT).`,
        );
      return host;
    });
}

/** What a request's Host and Origin are checked against. */
export interface HostPolicy {
  /** The address the server listens on (--host). */
  boundHost: string;
  /** The port it listens on, once known. */
  port: number;
  /** Host values accepted besides the server's own loopback names (e.g. the address of a proxy). */
  allowedHosts?: AllowedHost[];
  /** Origins allowed besides the server's own, exactly as browsers send them; "*" allows any. */
  allowedOrigins: string[];
}

/** A port as compared: the scheme's default is the same as none. */
const effectivePort = (port: number | null): number | null => (port === 80 || port === 443 ? null : port);

/**
 * When the server listens on loopback, the Host header must be a loopback name (`localhost`,
 * `[::1]`, or an address of 127.0.0.0/8 written out) with the server's own port: a page on
 * another site cannot reach it through a DNS name that resolves to 127.0.0.1 (DNS rebinding), nor
 * through `127.0.0.1.evil.example`. A browser's Origin, when sent, must be the server's own origin
 * (same host name and port as the Host header, http or https) or one explicitly allowed ("*"
 * allows any). Host values listed with --allowed-hosts (a proxy's address, a public name) are
 * accepted too. A server listening on other addresses with no such list is reached by names it
 * cannot know, so only its Origin rule applies; its token protects it.
 */
export function checkHostAndOrigin(
  req: IncomingMessage,
  policy: HostPolicy,
): { ok: true } | { ok: false; reason: string } {
  const header = req.headers.host;
  if (!header) return { ok: false, reason: 'The request has no Host header.' };
  const host = parseHost(header);
  if (!host) return { ok: false, reason: 'The Host header is malformed.' };
  const allowed = policy.allowedHosts ?? [];
  const onLoopback = isLoopback(policy.boundHost);
  // On loopback: the server's own names with its port, or a listed value. Elsewhere: anything,
  // unless a list is given.
  const ownName = onLoopback && isLoopback(host.name) && (host.port ?? 80) === policy.port;
  const listed = allowed.some((a) => a.name === host.name && a.port === host.port);
  if ((onLoopback || allowed.length > 0) && !ownName && !listed)
    return { ok: false, reason: `Host "${header.slice(0, 200)}" is not allowed.` };
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    if (policy.allowedOrigins.includes(origin) || policy.allowedOrigins.includes('*')) return { ok: true };
    // The common case, a page of the server itself, without parsing a URL.
    if (origin === `http://${header}` && header === header.toLowerCase()) return { ok: true };
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return { ok: false, reason: 'The Origin header is not a valid origin.' };
    }
    const own =
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.origin === origin.toLowerCase() &&
      url.hostname === host.name &&
      effectivePort(url.port ? Number(url.port) : null) === effectivePort(host.port);
    if (!own) return { ok: false, reason: `Origin "${origin.slice(0, 200)}" is not allowed.` };
  }
  return { ok: true };
}

/** Percent-escapes that would let two spellings reach one route: `/`, `\\`, `.`, `%` and controls. */
function forbiddenEscape(byte: number): boolean {
  return byte === 0x2f || byte === 0x5c || byte === 0x2e || byte === 0x25 || byte < 0x20 || byte === 0x7f;
}

/** The value of a hex digit's character code, or -1. */
function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x57 : -1;
}

export function checkPath(target: string): { ok: true } | { ok: false; reason: string } {
  const end = target.indexOf('?');
  const path = end < 0 ? target : target.slice(0, end);
  const refuse = (why: string) => ({ ok: false as const, reason: `The request path ${why}.` });
  if (path.charCodeAt(0) !== 0x2f) return refuse('must start with "/"');
  // One pass: escapes as they come, each segment when its "/" (or the end) is reached.
  let segment = 1;
  for (let i = 1; i <= path.length; i++) {
    const c = i < path.length ? path.charCodeAt(i) : 0x2f;
    if (c === 0x5c) return refuse('contains a backslash');
    if (c === 0x25) {
      const hi = hexDigit(path.charCodeAt(i + 1));
      const lo = hexDigit(path.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) return refuse('has a malformed percent-escape');
      if (forbiddenEscape(hi * 16 + lo))
        return refuse(`escapes a character that must be written plainly (${path.slice(i, i + 3)})`);
      i += 2;
    } else if (c === 0x2f) {
      const length = i - segment;
      if (length === 0 && i < path.length) return refuse('contains an empty segment ("//")');
      if ((length === 1 || length === 2) && path.slice(segment, i) === '.'.repeat(length))
        return refuse('contains "." or ".." segments');
      segment = i + 1;
    }
  }
  return { ok: true };
}
