/**
 * Apps from the environment and from a config file (several apps), and `inkproof serve` wiring them:
 * the env app first, file apps after, unique ids and keys, clear errors for a broken file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, loadApps } from '../../../src-main/server/pusher/apps';
import { tempDir } from '../../helpers/temp';

describe('apps configuration', () => {
  const stored = () => 'stored-secret';

  it("defaults to the data folder's own app, behind the server token", () => {
    const [app] = loadApps({ env: {}, fallbackSecret: stored });
    expect(app).toMatchObject({
      id: 'inkproof',
      key: 'inkproof',
      secret: 'stored-secret',
      requireToken: true,
      clientEvents: true,
      activityTimeout: 30,
    });
    expect(app.limits).toEqual(DEFAULT_LIMITS);
  });

  it('takes INKPROOF_APP_* (an app for pusher-js/Echo clients) with its switches and limits', () => {
    const [app] = loadApps({
      env: {
        INKPROOF_APP_ID: '42',
        INKPROOF_APP_KEY: 'k',
        INKPROOF_APP_SECRET: 's3cret-value',
        INKPROOF_APP_CLIENT_EVENTS: 'false',
        INKPROOF_APP_MAX_CONNECTIONS: '500',
        INKPROOF_APP_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
        INKPROOF_APP_WEBHOOK_URL: 'https://hooks.example/pusher',
      },
      fallbackSecret: stored,
    });
    expect(app).toMatchObject({
      id: '42',
      key: 'k',
      secret: 's3cret-value',
      requireToken: false,
      clientEvents: false,
      allowedOrigins: ['https://a.example', 'https://b.example'],
    });
    expect(app.limits.maxConnections).toBe(500);
    expect(app.webhooks).toEqual([{ url: 'https://hooks.example/pusher', eventTypes: null }]);
    expect(() =>
      loadApps({ env: { INKPROOF_APP_ID: 'x', INKPROOF_APP_MAX_CONNECTIONS: 'many' }, fallbackSecret: stored }),
    ).toThrow(/whole number/);
  });

  it('reads several apps from a file, after the env app, and refuses duplicates and broken files', () => {
    const t = tempDir();
    try {
      const file = path.join(t.dir, 'apps.json');
      fs.writeFileSync(
        file,
        JSON.stringify({
          apps: [
            {
              id: 'one',
              key: 'key-one',
              secret: 'secret-one',
              max_event_bytes: 20480,
              webhooks: [{ url: 'http://127.0.0.1:9/hook', event_types: ['channel_occupied'] }],
            },
            {
              id: 'two',
              key: 'key-two',
              secret: 'secret-two',
              enabled: false,
              client_events: false,
              activity_timeout: 60,
              max_presence_members: 5,
            },
          ],
        }),
      );
      const fromFile = loadApps({ env: {}, file, fallbackSecret: stored });
      expect(fromFile.map((a) => a.id)).toEqual(['one', 'two']);
      expect(fromFile[0].limits.maxEventBytes).toBe(20480);
      expect(fromFile[0].webhooks).toEqual([{ url: 'http://127.0.0.1:9/hook', eventTypes: ['channel_occupied'] }]);
      expect(fromFile[1]).toMatchObject({ enabled: false, clientEvents: false, activityTimeout: 60 });
      expect(fromFile[1].limits.maxPresenceMembers).toBe(5);
      const both = loadApps({
        env: { INKPROOF_APP_ID: 'env', INKPROOF_APP_KEY: 'env-key', INKPROOF_APP_SECRET: 'env-secret' },
        file,
        fallbackSecret: stored,
      });
      expect(both.map((a) => a.id)).toEqual(['env', 'one', 'two']);
      expect(() =>
        loadApps({
          env: { INKPROOF_APP_ID: 'one', INKPROOF_APP_KEY: 'x', INKPROOF_APP_SECRET: 'y-secret-1' },
          file,
          fallbackSecret: stored,
        }),
      ).toThrow(/Two apps have the id "one"/);

      fs.writeFileSync(file, '{"apps": [{"id": "bad id", "key": "k", "secret": "short"}]}');
      expect(() => loadApps({ env: {}, file, fallbackSecret: stored })).toThrow(
        /not valid: apps\.0\.id.*apps\.0\.secret/,
      );
      fs.writeFileSync(file, '{not json');
      expect(() => loadApps({ env: {}, file, fallbackSecret: stored })).toThrow(/Cannot read the apps file/);
      expect(() => loadApps({ env: {}, file: path.join(t.dir, 'missing.json'), fallbackSecret: stored })).toThrow(
        /Cannot read/,
      );
    } finally {
      t.cleanup();
    }
  });
});
