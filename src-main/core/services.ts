/** The pieces of a running core, passed to job handlers and commands. */
import type { Logger } from 'pino';
import type { BroadcastHub } from './hub/hub';
import type { WorkerPool } from './pool';
import type { RewritePartials } from './jobs/rewrite-partials';
import type { JobScheduler } from './queue/scheduler';
import type { Db } from './store/db';
import type { DocumentStore } from './store/documents';
import type { JobStore } from './store/jobs';
import type { RewriteStore } from './store/rewrites';
import type { SampleStore } from './store/samples';
import type { SettingsStore } from './store/settings';
import type { SourceStore } from './store/sources';
import type { SyncEngine } from './sync/engine';
import type { StorageHealth } from './storage';

export interface Services {
  db: Db;
  hub: BroadcastHub;
  pool: WorkerPool;
  scheduler: JobScheduler;
  logger: Logger;
  documents: DocumentStore;
  /** Documents' original bytes until their text is extracted (files in the data folder). */
  sources: SourceStore;
  rewrites: RewriteStore;
  /** Changes of the finished sections of running revisions (partial results). */
  rewritePartials: RewritePartials;
  samples: SampleStore;
  jobs: JobStore;
  settings: SettingsStore;
  /** The device's sync with a remote server (off until signed in). */
  sync: SyncEngine;
  /** Whether the data folder can be written (a full disk is reported here, and says so to users). */
  storage: StorageHealth;
  /** Interval of rewrite.progress events per rewrite (docs/architecture.md §2: ~50 ms). */
  progressIntervalMs: number;
}
