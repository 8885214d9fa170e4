/**
 * Keeps a process tied to the one that started it. npm runs scripts and `npx` commands through
 * `sh -c`, and on `kill <npm's pid>` npm forwards SIGTERM to that shell only: the shell dies without
 * passing it on (dash does not exec the command), and our process would live on, orphaned, holding
 * its port. Under npm we therefore watch our parent: when it is gone (we were re-parented), we
 * treat it as the SIGTERM it did not pass on.
 */

/** True when npm (a script or `npx`) started this process. */
export function startedByNpm(env = process.env) {
  return Boolean(env.npm_lifecycle_event || env.npm_command);
}

/**
 * Sends this process `signal` once its parent exits. The check runs every `intervalMs` and does
 * not keep the process alive. Returns a function that stops watching.
 */
export function signalSelfWhenOrphaned(signal = 'SIGTERM', intervalMs = 500) {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    process.kill(process.pid, signal);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
