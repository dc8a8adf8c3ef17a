import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { paths } from './paths';
import { stopAll } from './processes';

/** Removes everything a previous (possibly crashed) run left: processes first, then state and etcd's tmpfs data. */
export async function teardown(opts: { keepLogs?: boolean } = {}): Promise<void> {
  if (existsSync(paths.processesJson)) await stopAll();
  rmSync(paths.etcdData, { recursive: true, force: true });
  const entries = ['cluster.json', 'processes.json', 'pki', 'tokens', 'config', 'kubeconfig', 'ca.crt'];
  for (const entry of opts.keepLogs ? entries : [...entries, 'logs']) {
    rmSync(path.join(paths.state, entry), { recursive: true, force: true });
  }
}
