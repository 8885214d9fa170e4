import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeApp } from '../../../src-main/server/pusher/apps';
import { checkBody, checkQuery, parseQuery, signedQueryString } from '../../../src-main/server/pusher/request-auth';
import { hmacHex } from '../../../src-main/server/pusher/signature';

const app = makeApp({ id: '1', key: 'key-1', secret: 'secret-1' });
const NOW = 1_700_000_000_000;
const path = '/apps/1/events';

/** Signs parameters the way the pusher SDK does: unescaped, sorted, joined. */
function signed(params: Record<string, string>, method = 'POST'): string {
  const query = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return `${query}&auth_signature=${hmacHex(app.secret, `${method}\n${path}\n${query}`)}`;
}
const base = (ts = NOW / 1000) => ({ auth_key: app.key, auth_timestamp: String(ts), auth_version: '1.0' });

describe('signed HTTP API requests', () => {
  it('accept timestamps within ±600 s of now, and no further', () => {
    for (const offset of [-600, -599, 0, 599, 600])
      expect(checkQuery(app, 'POST', path, signed(base(NOW / 1000 + offset)), NOW).ok, String(offset)).toBe(true);
    for (const offset of [-601, 601, 3600]) {
      const check = checkQuery(app, 'POST', path, signed(base(NOW / 1000 + offset)), NOW);
      expect(check).toMatchObject({ ok: false, status: 401 });
    }
  });

  it('bind one signature to one parameter set: an escaped "&" or "=" cannot make other parameters', () => {
    // Both spell the signed text "…&info=a&x=b": the second must not pass as the first.
    const honest = signed({ ...base(), info: 'a', x: 'b' });
    expect(checkQuery(app, 'POST', path, honest, NOW).ok).toBe(true);
    const sig = honest.split('auth_signature=')[1];
    const smuggled = `${Object.entries(base())
      .map(([k, v]) => `${k}=${v}`)
      .join('&')}&info=a%26x%3Db&auth_signature=${sig}`;
    expect(checkQuery(app, 'POST', path, smuggled, NOW)).toMatchObject({ ok: false, status: 400 });
    expect(parseQuery('a%3Db=c')).toBeNull();
    expect(parseQuery('=x')).toBeNull();
    expect(parseQuery('info=1&INFO=2')).toBeNull();
    expect(parseQuery('a=%zz')).toBeNull();
  });

  it('read back exactly the parameters their signed text names', () => {
    const params = parseQuery('b=2&a=x%3Dy&c=&auth_signature=00')!;
    const text = signedQueryString(params);
    expect(text).toBe('a=x=y&b=2&c=');
    expect(signedQueryString(parseQuery(text)!)).toBe(text);
  });

  it('check the body against body_md5, also when the body is empty', () => {
    const body = '{"name":"e","channel":"c","data":"x"}';
    const md5 = crypto.createHash('md5').update(body).digest('hex');
    const params = new Map([['body_md5', md5]]);
    expect(checkBody(params, body).ok).toBe(true);
    expect(checkBody(params, '').ok).toBe(false);
    expect(checkBody(params, body + ' ').ok).toBe(false);
    expect(checkBody(new Map(), body).ok).toBe(false);
    expect(checkBody(new Map(), '').ok).toBe(true);
    expect(checkQuery(app, 'POST', path, signed({ ...base(), body_md5: 'not-hex' }), NOW)).toMatchObject({ ok: false });
  });
});
