/**
 * A core with real workers (one thread) in a temporary data folder for the tests of one file:
 * started before them, closed and removed after them, its broadcasts recorded.
 */
import { afterAll, beforeAll } from 'vitest';
import { createCore, type Core } from '../../src-main/core/core';
import { fakeBroadcasts, type BroadcastFake } from '../../src-main/core/hub/fake';
import { silentLogger } from '../../src-main/core/logger';
import { tempDir } from './temp';

export interface TestCore {
  /** The temporary folder that holds the data (removed after the tests). */
  readonly dir: string;
  readonly core: Core;
  readonly fake: BroadcastFake;
  /** The call context of the local user. */
  ctx(): { user: Core['localUser'] };
}

export function coreForTests(): TestCore {
  const t = tempDir();
  let core: Core | null = null;
  let fake: BroadcastFake | null = null;
  beforeAll(() => {
    core = createCore({ dataDir: t.dir, logger: silentLogger(), threads: 1, progressIntervalMs: 0 });
    fake = fakeBroadcasts(core.hub);
  });
  afterAll(async () => {
    await core?.close();
    t.cleanup();
  });
  return {
    dir: t.dir,
    get core() {
      if (!core) throw new Error('The core starts before the tests.');
      return core;
    },
    get fake() {
      if (!fake) throw new Error('The core starts before the tests.');
      return fake;
    },
    ctx() {
      return { user: this.core.localUser };
    },
  };
}
