/** Which addresses the local-model engine may send text to: loopback always, others only when allowed. */
import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../../src-shared/llm-address';
import { assertAllowedLlmEndpoint } from '../../../src-workers/rewrite/endpoint';

const allowed = (url: string, list: string[] = []) => {
  try {
    assertAllowedLlmEndpoint(url, list);
    return true;
  } catch (e) {
    return (e as { code: string }).code;
  }
};

describe('assertAllowedLlmEndpoint', () => {
  it('allows this computer: localhost, 127.0.0.0/8, ::1, in any spelling the URL parser normalises', () => {
    for (const url of [
      'http://localhost:8080',
      'http://LOCALHOST.:11434/',
      'http://api.localhost:1234',
      'http://127.0.0.1:8081',
      'https://127.3.4.5',
      'http://[::1]:8080/v1',
      'http://[::ffff:127.0.0.1]:8080',
      'http://2130706433:8080', // 127.0.0.1 as one number
      'http://0x7f.1:8080',
      ' http://127.0.0.1:8081 ',
    ])
      expect(allowed(url), url).toBe(true);
  });

  it('refuses anything else unless the allow-list covers it', () => {
    for (const url of [
      'http://10.0.0.5:8080',
      'http://192.168.1.20:11434',
      'http://169.254.169.254/latest/meta-data',
      'http://0.0.0.0:8080',
      'http://127.0.0.1.nip.io:8080',
      'http://localhost.evil.example:8080',
      'http://[::ffff:a00:5]:80',
      'https://api.example.com/v1',
    ])
      expect(allowed(url), url).toBe('forbidden');
  });

  it('allow-list entries: an origin, a host:port, or a host name (any port)', () => {
    const list = ['http://192.168.1.20:11434', 'gpu-box.lan:8080', 'models.example.org'];
    expect(allowed('http://192.168.1.20:11434/', list)).toBe(true);
    expect(allowed('https://192.168.1.20:11434/', list)).toBe('forbidden');
    expect(allowed('http://192.168.1.20:8080/', list)).toBe('forbidden');
    expect(allowed('http://gpu-box.lan:8080', list)).toBe(true);
    expect(allowed('http://GPU-BOX.lan:8080', list)).toBe(true);
    expect(allowed('http://gpu-box.lan:8081', list)).toBe('forbidden');
    expect(allowed('https://models.example.org', list)).toBe(true);
    expect(allowed('http://models.example.org:9000', list)).toBe(true);
    expect(allowed('http://sub.models.example.org', list)).toBe('forbidden');
    expect(allowed('http://example.org', ['  ', 'not a url://x'])).toBe('forbidden');
    // Default ports count as written.
    expect(allowed('http://host.lan/', ['host.lan:80'])).toBe(true);
    expect(allowed('https://host.lan/', ['https://host.lan:443'])).toBe(true);
  });

  it('refuses what is not an http(s) address, or carries credentials', () => {
    expect(allowed('')).toBe('invalid_input');
    expect(allowed('127.0.0.1:8080')).toBe('invalid_input');
    expect(allowed('file:///etc/passwd')).toBe('invalid_input');
    expect(allowed('ftp://127.0.0.1')).toBe('invalid_input');
    expect(allowed('http://user:pw@127.0.0.1:8080')).toBe('invalid_input');
  });

  it('returns the parsed address and explains a refusal in a sentence', () => {
    expect(assertAllowedLlmEndpoint('http://127.0.0.1:8081/').port).toBe('8081');
    expect(() => assertAllowedLlmEndpoint('http://10.0.0.5:8080')).toThrow(
      /http:\/\/10\.0\.0\.5:8080 is not on this computer, and it is not on the list of allowed model servers/,
    );
  });

  it('isLoopbackHost reads hosts as the URL parser writes them', () => {
    expect(isLoopbackHost(new URL('http://[::1]/').hostname)).toBe(true);
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('[::2]')).toBe(false);
  });
});
