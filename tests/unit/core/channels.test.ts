import { describe, expect, it } from 'vitest';
import {
  channelGlobMatch,
  CHANNEL_NAME_RE,
  documentChannel,
  globMatch,
  MAX_GLOB_LENGTH,
  idParam,
  matchChannel,
  parseChannel,
  rewriteChannel,
} from '../../../src-shared/channels';
import { referenceGlobMatch } from '../../helpers/glob';

describe('channel names and patterns', () => {
  it('matches Laravel-style patterns and extracts parameters', () => {
    expect(matchChannel('documents.{documentId}', 'documents.12')).toEqual({ documentId: '12' });
    expect(matchChannel('users.{userId}.files.{fileId}', 'users.3.files.9')).toEqual({ userId: '3', fileId: '9' });
    expect(matchChannel('documents.{documentId}', 'documents.12.extra')).toBeNull();
    expect(matchChannel('documents.{documentId}', 'rewrites.12')).toBeNull();
    // The dot in a pattern is literal, not "any character".
    expect(matchChannel('documents.{id}', 'documentsX12')).toBeNull();
  });

  it('accepts only positive integer ids', () => {
    expect(idParam('12')).toBe(12);
    for (const bad of ['0', '-1', '1.5', '012', 'abc', '', undefined, '99999999999999999999'])
      expect(idParam(bad)).toBeNull();
  });

  it('splits the kind prefix off a channel name', () => {
    expect(parseChannel('private-documents.1')).toEqual({ kind: 'private', base: 'documents.1', cache: false });
    expect(parseChannel('presence-room')).toEqual({ kind: 'presence', base: 'room', cache: false });
    expect(parseChannel('private-encrypted-x')).toEqual({ kind: 'private-encrypted', base: 'x', cache: false });
    expect(parseChannel('cache-news')).toEqual({ kind: 'public', base: 'news', cache: true });
    expect(parseChannel('news')).toEqual({ kind: 'public', base: 'news', cache: false });
  });

  it('builds the full names of app channels', () => {
    expect(documentChannel(5)).toBe('private-documents.5');
    expect(rewriteChannel(7)).toBe('private-rewrites.7');
  });

  it('validates names against the Pusher alphabet and length', () => {
    expect(CHANNEL_NAME_RE.test('private-documents.1')).toBe(true);
    expect(CHANNEL_NAME_RE.test('bad channel')).toBe(false);
    expect(CHANNEL_NAME_RE.test('x'.repeat(165))).toBe(false);
  });

  it('matches globs on the full name or the name without prefix', () => {
    expect(globMatch('rewrite.*', 'rewrite.progress')).toBe(true);
    expect(globMatch('rewrite.*', 'document.analyzed')).toBe(false);
    expect(channelGlobMatch('documents.*', 'private-documents.3')).toBe(true);
    expect(channelGlobMatch('private-*', 'private-documents.3')).toBe(true);
    expect(channelGlobMatch('rewrites.*', 'private-documents.3')).toBe(false);
  });

  it('matches globs like a reference matcher, stars anywhere, and treats every other character literally', () => {
    const alphabet = ['a', 'b', '.', '*'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    for (let i = 0; i < 5000; i++) {
      const glob = Array.from({ length: rand(7) }, () => alphabet[rand(4)]).join('');
      const value = Array.from({ length: rand(9) }, () => alphabet[rand(3)]).join('');
      expect(globMatch(glob, value), `${glob} ~ ${value}`).toBe(referenceGlobMatch(glob, value));
    }
    for (const literal of ['a.b', 'a+b', '(x)', '[y]', '^z$', 'a?b', 'a\\b'])
      expect(globMatch(literal, literal)).toBe(true);
    expect(globMatch('a?b', 'axb')).toBe(false);
    expect(globMatch('x'.repeat(MAX_GLOB_LENGTH + 1), 'x'.repeat(MAX_GLOB_LENGTH + 1))).toBe(false);
  });

  it('answers a glob of many stars against a long value as fast as a glob of one (no backtracking)', () => {
    // With a backtracking regular expression 15 stars and an x took 11.5 s on one value.
    const value = 'a'.repeat(164);
    const time = (glob: string) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < 2000; i++) expect(globMatch(glob, value)).toBe(false);
      return Number(process.hrtime.bigint() - started);
    };
    time('*x');
    const baseline = Math.min(time('*x'), time('*x'));
    const stars = Math.min(time('*'.repeat(15) + 'x'), time('*'.repeat(15) + 'x'));
    // Generous: a backtracking matcher is millions of times slower, not a few.
    expect(stars / baseline).toBeLessThan(20);
    expect(globMatch('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*', value)).toBe(true);
  });
});
