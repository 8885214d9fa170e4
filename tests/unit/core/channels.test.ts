import { describe, expect, it } from 'vitest';
import {
  channelGlobMatch,
  CHANNEL_NAME_RE,
  documentChannel,
  globMatch,
  idParam,
  matchChannel,
  parseChannel,
  rewriteChannel,
} from '../../../src-shared/channels';

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
});
