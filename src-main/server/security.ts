/**
 * Access to the headless server: a token (like Jupyter's) on every request and socket, compared in
 * constant time, and Host/Origin checks against DNS rebinding and cross-site pages.
 */
import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';

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

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

function hostName(hostHeader: string): string {
  if (hostHeader.startsWith('[')) return hostHeader.slice(0, hostHeader.indexOf(']') + 1);
  return hostHeader.split(':')[0];
}

/**
 * When the server listens on loopback, the Host header must name loopback too: a page on another
 * site cannot reach it through a DNS name that resolves to 127.0.0.1. A browser's Origin, when
 * sent, must be the server's own origin (or one explicitly allowed; "*" allows any).
 */
export function checkHostAndOrigin(
  req: IncomingMessage,
  opts: { boundHost: string; allowedOrigins: string[] },
): { ok: true } | { ok: false; reason: string } {
  const host = req.headers.host;
  if (!host) return { ok: false, reason: 'The request has no Host header.' };
  if (isLoopback(opts.boundHost) && !isLoopback(hostName(host)))
    return { ok: false, reason: `Host "${host}" is not allowed.` };
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return { ok: false, reason: 'The Origin header is not a valid origin.' };
    }
    if (originHost !== host && !opts.allowedOrigins.includes(origin) && !opts.allowedOrigins.includes('*'))
      return { ok: false, reason: `Origin "${origin}" is not allowed.` };
  }
  return { ok: true };
}
