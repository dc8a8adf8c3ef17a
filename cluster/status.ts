import { existsSync } from 'node:fs';
import { isHealthy } from './health';
import { paths } from './paths';
import { isRunning, readProcessRecords } from './processes';

export interface ComponentStatus {
  component: string;
  pid: number;
  port: number;
  running: boolean;
  healthy: boolean;
}

export interface ClusterStatus {
  up: boolean;
  ready: boolean;
  components: ComponentStatus[];
}

const expected = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok'];

/** Each recorded component's pid, port, whether it runs and answers its health check. `up` means all of them do. */
export async function status(): Promise<ClusterStatus> {
  const records = readProcessRecords();
  const components = await Promise.all(
    records.map(async (r) => {
      const running = isRunning(r.pid, r.binary);
      return { component: r.component, pid: r.pid, port: r.port, running, healthy: running && (await isHealthy(r.healthUrl, r.tls)) };
    }),
  );
  const all = expected.every((c) => components.some((s) => s.component === c && s.healthy));
  const ready = existsSync(paths.clusterJson);
  return { up: all && ready, ready, components };
}
