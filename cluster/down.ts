import { existsSync, rmSync } from 'node:fs';
import { withLock } from './lock';
import { paths } from './paths';
import { isRunning, readProcessRecords, type ProcessRecord } from './processes';
import { teardown } from './teardown';

/** Stops every component `up` started (TERM, then KILL), verifies they are gone, and removes all cluster state. */
export async function down(): Promise<{ stopped: ProcessRecord[] }> {
  if (!existsSync(paths.state)) {
    rmSync(paths.etcdData, { recursive: true, force: true });
    return { stopped: [] };
  }
  const result = await withLock(async () => {
    const records = readProcessRecords();
    await teardown();
    const survivors = records.filter((r) => isRunning(r.pid, r.binary));
    if (survivors.length) throw new Error(`down: still running: ${survivors.map((r) => `${r.component} (${r.pid})`).join(', ')}`);
    return { stopped: records.filter((r) => r.pid > 0) };
  });
  // withLock has removed the lock file; unless another `up` grabbed it meanwhile, the directory goes too.
  if (!existsSync(paths.lock)) rmSync(paths.state, { recursive: true, force: true });
  return result;
}
