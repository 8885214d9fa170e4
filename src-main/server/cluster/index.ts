/** Picks the cluster: Redis when a URL is given (several server processes), else this process only. */
import type { Logger } from 'pino';
import { MemoryCluster, type Cluster } from './cluster';

export interface ClusterOptions {
  redisUrl?: string;
  logger: Logger;
  appIds: string[];
  /** Key prefix in Redis (default "inkproof:"). */
  prefix?: string;
}

export async function createCluster(opts: ClusterOptions): Promise<Cluster> {
  if (!opts.redisUrl) return new MemoryCluster();
  const { RedisCluster } = await import('./redis');
  return RedisCluster.connect({
    url: opts.redisUrl,
    logger: opts.logger,
    appIds: opts.appIds,
    prefix: opts.prefix ?? process.env.INKPROOF_REDIS_PREFIX ?? 'inkproof:',
    heartbeatMs: Number(process.env.INKPROOF_CLUSTER_HEARTBEAT_MS) || undefined,
    nodeTimeoutMs: Number(process.env.INKPROOF_CLUSTER_NODE_TIMEOUT_MS) || undefined,
  });
}
