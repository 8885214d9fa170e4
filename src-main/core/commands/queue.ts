/** Commands of the queue dashboard: list jobs, cancel, retry, statistics. */
import { InkproofError } from '../../../src-shared/errors';
import { JOB_TYPES, type QueueStats } from '../../../src-shared/models';
import { median } from './stats';
import type { Services } from '../services';
import type { CallContext, CoreApi } from './context';

function ownedJob(s: Services, id: number, ctx: CallContext): void {
  if (s.jobs.userOf(id) !== ctx.user.id) throw new InkproofError('not_found', `There is no job ${id}.`);
}

export function queueCommands(s: Services): Pick<CoreApi, 'listJobs' | 'cancelJob' | 'retryJob' | 'getQueueStats'> {
  return {
    async listJobs(args, ctx) {
      return { jobs: s.jobs.list({ ...args, userId: ctx.user.id }) };
    },
    async cancelJob({ id }, ctx) {
      ownedJob(s, id, ctx);
      return { job: await s.scheduler.cancel(id) };
    },
    async retryJob({ id }, ctx) {
      ownedJob(s, id, ctx);
      return { job: s.scheduler.retry(id) };
    },
    async getQueueStats(_args, ctx) {
      const counts = s.jobs.counts(ctx.user.id);
      const minuteAgo = new Date(Date.now() - 60_000).toISOString();
      const byType = {} as QueueStats['by_type'];
      for (const type of JOB_TYPES) {
        const runs = s.jobs.recentRuns(type);
        byType[type] = {
          ...counts[type],
          throughput: s.scheduler.throughput.measured(type),
          median_runtime: runs.length ? median(runs.map((r) => r.runtime)) : null,
        };
      }
      return {
        concurrency: s.scheduler.concurrency,
        by_type: byType,
        completed_last_minute: s.jobs.finishedSince('completed', minuteAgo, ctx.user.id),
        failed_last_minute: s.jobs.finishedSince('failed', minuteAgo, ctx.user.id),
      };
    },
  };
}
