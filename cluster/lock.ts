import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { sleep } from './health';
import { paths } from './paths';

function holderAlive(): boolean {
  try {
    const pid = Number(readFileSync(paths.lock, 'utf8'));
    process.kill(pid, 0);
    return pid !== process.pid;
  } catch {
    return false;
  }
}

/**
 * Serialises `up`/`down` across processes (two test runners calling ensureClusterUp at once). A lock whose holder
 * died is taken over.
 */
export async function withLock<T>(fn: () => Promise<T>, waitMs = 15 * 60_000): Promise<T> {
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    try {
      // Every time: a `down` elsewhere may remove the state directory while this one waits.
      mkdirSync(paths.state, { recursive: true });
      writeFileSync(paths.lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      if (!holderAlive()) {
        rmSync(paths.lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`cluster: another cluster:up/down (pid in ${paths.lock}) is still running`);
      if (!announced) console.error('cluster: waiting for another cluster:up/down to finish ...');
      announced = true;
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(paths.lock, { force: true });
  }
}

/** For exit paths that skip `finally` (a signal handler calling process.exit). */
export function releaseLockIfMine(): void {
  try {
    if (Number(readFileSync(paths.lock, 'utf8')) === process.pid) rmSync(paths.lock, { force: true });
  } catch { /* no lock */ }
}
