/**
 * Seeded fuzzing within a fixed budget. `fuzz(budget, run)` calls `run(random, i)` for case
 * i = 0, 1, … until `budget.cases` cases ran or `budget.ms` passed, whichever comes first. Each
 * case draws from its own generator seeded with `seed + i`, so one failing case replays alone:
 * the failure says `FUZZ_SEED=… FUZZ_CASE=…`, and with both set only that case runs. The seed is
 * FUZZ_SEED or taken from the clock; FUZZ_SCALE multiplies every budget (e.g. 10 for a long run).
 */
import { seededRandom } from '../../scripts/lib/random';

export interface Random {
  (): number;
  /** A whole number in [0, n). */
  int(n: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  bytes(n: number): Buffer;
}

export interface FuzzBudget {
  cases: number;
  ms: number;
}

export interface FuzzRun {
  seed: number;
  cases: number;
}

function random(seed: number): Random {
  const next = seededRandom(seed);
  const r = (() => next()) as Random;
  r.int = (n) => Math.floor(next() * n);
  r.pick = (list) => list[Math.floor(next() * list.length)];
  r.chance = (p) => next() < p;
  r.bytes = (n) => Buffer.from(Array.from({ length: n }, () => Math.floor(next() * 256)));
  return r;
}

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_000);

export async function fuzz(
  budget: FuzzBudget,
  run: (r: Random, i: number) => void | Promise<void>,
  seed = FUZZ_SEED,
): Promise<FuzzRun> {
  const scale = Number(process.env.FUZZ_SCALE ?? 1);
  const only = process.env.FUZZ_CASE === undefined ? null : Number(process.env.FUZZ_CASE);
  const deadline = Date.now() + budget.ms * scale;
  let cases = 0;
  for (let i = only ?? 0; only === null ? i < budget.cases * scale && Date.now() < deadline : i === only; i++) {
    try {
      await run(random(seed + i), i);
    } catch (err) {
      const e = err as Error;
      e.message = `${e.message}\n(fuzz case failed; replay it with FUZZ_SEED=${seed} FUZZ_CASE=${i})`;
      throw e;
    }
    cases++;
  }
  return { seed, cases };
}
