/**
 * Structured logs with pino, always to stderr so that stdout stays clean for `--jsonl` output.
 * `--debug` lowers the level to debug, which includes the hub's traffic.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(opts: { debug?: boolean; level?: string; name?: string } = {}): Logger {
  const level = opts.level ?? process.env.INKPROOF_LOG_LEVEL ?? (opts.debug ? 'debug' : 'info');
  return pino({ name: opts.name ?? 'inkproof', level, base: undefined }, pino.destination({ fd: 2, sync: true }));
}

/** A logger that drops everything, for tests and benchmarks. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
