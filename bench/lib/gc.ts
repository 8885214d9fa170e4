/**
 * A full garbage collection between timed runs, so that the garbage one variant leaves behind is
 * not collected on the clock of the next one (the runs of a table interleave). V8 only exposes gc()
 * with --expose-gc: the flag is set at run time and the function taken from a fresh context.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

export function collectGarbage(): void {
  gc();
}
