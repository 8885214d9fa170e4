import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  checkHostAndOrigin,
  checkPath,
  isLoopback,
  parseAllowedHosts,
  parseHost,
} from '../../../src-main/server/security';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('Host and Origin checks', () => {
  const policy = { boundHost: '127.0.0.1', port: 8080, allowedOrigins: ['https://app.example'] };
  const check = (headers: Record<string, string>) => checkHostAndOrigin(request(headers), policy).ok;

  it('knows loopback names exactly: localhost, [::1] and 127.0.0.0/8 written as four numbers', () => {
    for (const name of ['localhost', 'LocalHost', '[::1]', '::1', '127.0.0.1', '127.255.0.9'])
      expect(isLoopback(name), name).toBe(true);
    for (const name of [
      '127.0.0.1.evil.com',
      '127.evil',
      '127.0.0.01',
      '127.0.0.256',
      '127.1',
      'localhost.',
      '0.0.0.0',
    ])
      expect(isLoopback(name), name).toBe(false);
  });

  it('reads Host headers strictly', () => {
    expect(parseHost('127.0.0.1:8080')).toEqual({ name: '127.0.0.1', port: 8080 });
    expect(parseHost('[::1]:80')).toEqual({ name: '[::1]', port: 80 });
    expect(parseHost('Example.COM')).toEqual({ name: 'example.com', port: null });
    for (const bad of ['a b', 'x:99999', 'x:', 'user@x', 'x/y', '[::1', '']) expect(parseHost(bad), bad).toBeNull();
  });

  it('accepts a loopback Host with the server port only', () => {
    expect(check({ host: '127.0.0.1:8080' })).toBe(true);
    expect(check({ host: 'localhost:8080' })).toBe(true);
    expect(check({ host: '[::1]:8080' })).toBe(true);
    expect(check({ host: '127.0.0.1.evil.com:8080' })).toBe(false);
    expect(check({ host: '127.0.0.1:8081' })).toBe(false);
    expect(check({ host: '127.0.0.1' })).toBe(false);
    expect(check({ host: 'evil.example:8080' })).toBe(false);
    expect(check({})).toBe(false);
    expect(checkHostAndOrigin(request({ host: '127.0.0.1' }), { ...policy, port: 80 }).ok).toBe(true);
  });

  it("accepts the server's own origin (same name and port) and allowed ones, nothing else", () => {
    const host = '127.0.0.1:8080';
    expect(check({ host, origin: 'http://127.0.0.1:8080' })).toBe(true);
    expect(check({ host, origin: 'https://app.example' })).toBe(true);
    expect(check({ host, origin: 'null' })).toBe(true);
    for (const origin of [
      'http://localhost:8080',
      'http://127.0.0.1:8081',
      'http://127.0.0.1.evil.com:8080',
      'http://127.0.0.1:8080/',
      'https://app.example.evil',
      'ftp://127.0.0.1:8080',
      'not an origin',
    ])
      expect(check({ host, origin }), origin).toBe(false);
  });

  it('accepts the exact values of --allowed-hosts besides its own (a proxy, a public name)', () => {
    const allowedHosts = parseAllowedHosts('127.0.0.1:9000, sync.example.com');
    expect(allowedHosts).toEqual([
      { name: '127.0.0.1', port: 9000 },
      { name: 'sync.example.com', port: null },
    ]);
    const behindProxy = { ...policy, allowedHosts };
    const ok = (host: string, p = behindProxy) => checkHostAndOrigin(request({ host }), p).ok;
    expect(ok('127.0.0.1:9000')).toBe(true);
    expect(ok('127.0.0.1:8080')).toBe(true);
    expect(ok('127.0.0.1:9001')).toBe(false);
    expect(ok('sync.example.com')).toBe(true);
    expect(ok('sync.example.com:8443')).toBe(false);
    const open = { boundHost: '0.0.0.0', port: 6001, allowedOrigins: [], allowedHosts };
    expect(ok('sync.example.com', open)).toBe(true);
    expect(ok('other.example.com', open)).toBe(false);
    expect(() => parseAllowedHosts('good.example, bad host')).toThrow(/not a host name/);
  });

  it('leaves Host alone for a server listening on all addresses, but still checks Origin', () => {
    const open = { boundHost: '0.0.0.0', port: 6001, allowedOrigins: [] };
    expect(checkHostAndOrigin(request({ host: 'sync.example.com' }), open).ok).toBe(true);
    expect(checkHostAndOrigin(request({ host: 'sync.example.com', origin: 'https://sync.example.com' }), open).ok).toBe(
      true,
    );
    expect(checkHostAndOrigin(request({ host: 'sync.example.com', origin: 'https://evil.example' }), open).ok).toBe(
      false,
    );
  });
});

describe('request paths', () => {
  it('accepts the paths clients send', () => {
    for (const path of [
      '/',
      '/up',
      '/api/documents/12/export?format=docx&x=a%2Fb',
      '/apps/app-1/channels/presence-room;x=1@y,z',
      '/assets/index-4f2a.js',
      '/api/documents/',
      '/app/my%20key',
    ])
      expect(checkPath(path), path).toEqual({ ok: true });
  });

  it('refuses every other spelling of a path before routing', () => {
    for (const path of [
      '/api/documents\\..\\..\\up',
      '/api/documents/%5c..%5cup',
      '/api/documents/%5C..%5Cup',
      '/api/../up',
      '/api/./documents',
      '/api/%2e%2e/up',
      '/api/%2E/documents',
      '/api/documents%2f1',
      '//api/documents',
      '/api//documents',
      '/api/%zz',
      '/api/%',
      '/api/%00',
      '/api/%25',
      'api/documents',
      'http://evil/api/documents',
      '*',
    ])
      expect(checkPath(path).ok, path).toBe(false);
  });
});
