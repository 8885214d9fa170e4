import { describe, expect, it } from 'vitest';
import { llmAddressProblem } from '../../../src-shared/llm-address';

describe('llmAddressProblem', () => {
  it.each([
    'http://127.0.0.1:8081',
    'http://127.1:8081',
    'http://0x7f.0.0.1/',
    'http://127.200.3.4',
    'http://localhost:11434',
    'https://[::1]:8080/v1',
    '',
  ])('allows loopback and the empty address: %s', (url) => {
    expect(llmAddressProblem(url, [])).toBeNull();
  });

  it.each([
    'http://127.0.0.1.evil.example',
    'http://10.0.0.5:8080',
    'http://169.254.169.254/latest/meta-data',
    'http://[::ffff:10.0.0.1]/',
    'http://gpu-box.lan:8080',
    'file:///etc/passwd',
    'ftp://127.0.0.1/',
    'http://user:pw@127.0.0.1/',
    'not a url',
  ])('refuses what is not loopback nor allowed: %s', (url) => {
    expect(llmAddressProblem(url, [])).toEqual(expect.any(String));
  });

  it('allows a host named in the allow-list, whatever its case', () => {
    expect(llmAddressProblem('http://GPU-Box.lan:8080/v1', ['gpu-box.lan'])).toBeNull();
    expect(llmAddressProblem('http://gpu-box.lan.evil.example', ['gpu-box.lan'])).toEqual(expect.any(String));
  });
});
