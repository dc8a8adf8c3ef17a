/**
 * `npm run cluster:up|down|status` — the local control plane (etcd, kube-apiserver, kube-controller-manager,
 * kube-scheduler, kwok with fake nodes), all on 127.0.0.1, state in .cluster/. See cluster/README.md.
 */
import path from 'node:path';
import { down } from './down';
import { restartMetricsServer, stopMetricsServer } from './metrics-server';
import { parseNodeCount } from './nodes';
import { paths, repoRoot } from './paths';
import { status } from './status';
import { ClusterUpError, up } from './up';

const rel = (p: string) => {
  const r = path.relative(process.cwd(), p);
  return r.startsWith('..') ? p : r || '.';
};

function parseNodes(args: string[]): number | undefined {
  const i = args.findIndex((a) => a === '--nodes' || a.startsWith('--nodes='));
  if (i < 0) return undefined;
  return parseNodeCount(args[i].includes('=') ? args[i].split('=')[1] : args[i + 1], '--nodes');
}

async function cmdUp(args: string[]): Promise<number> {
  const t0 = Date.now();
  try {
    const { state, reused } = await up({ nodes: parseNodes(args) });
    if (reused) console.log(`cluster: already up at ${state.server} (started ${state.startedAt})`);
    else console.log(`cluster: ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log(`  API server:  ${state.server}`);
    console.log(`  kubeconfig:  ${rel(state.kubeconfig)}   (kubectl: ${rel(path.join(state.binDir, 'kubectl'))})`);
    console.log(`  tokens:      ${rel(state.tokensDir)}/{admin-user,viewer,team-a-editor}`);
    console.log(`  state:       ${rel(paths.clusterJson)}, logs in ${rel(state.logsDir)}/`);
    return 0;
  } catch (e) {
    if (e instanceof ClusterUpError) {
      console.error(`cluster: up failed at ${e.component}: ${e.message}`);
      if (e.logTail) console.error(`--- last 40 lines of ${rel(path.join(paths.logs, `${e.component}.log`))} ---\n${e.logTail}`);
      console.error('cluster: stopped everything that had been started.');
      return 1;
    }
    throw e;
  }
}

async function cmdDown(): Promise<number> {
  const t0 = Date.now();
  const { stopped } = await down();
  if (stopped.length === 0) console.log('cluster: nothing was running; state removed');
  else console.log(`cluster: stopped ${stopped.map((r) => r.component).join(', ')} and removed state (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return 0;
}

async function cmdStatus(): Promise<number> {
  const s = await status();
  if (s.components.length === 0) {
    console.log('cluster: not up (no components recorded in .cluster/)');
    return 1;
  }
  for (const c of s.components) {
    const state = !c.running ? 'NOT RUNNING' : c.healthy ? 'healthy' : 'UNHEALTHY';
    console.log(`${c.component.padEnd(24)} pid ${String(c.pid).padEnd(8)} 127.0.0.1:${String(c.port).padEnd(6)} ${state}`);
  }
  console.log(s.up ? 'cluster: up' : s.ready ? 'cluster: DEGRADED' : 'cluster: not ready (up did not finish)');
  return s.up ? 0 : 1;
}

/** Stops or starts only metrics-server (tests of the console without metrics); the rest of the cluster runs on. */
async function cmdMetricsServer(action: 'stop' | 'start'): Promise<number> {
  if (action === 'stop') await stopMetricsServer();
  else console.log(`cluster: metrics-server running (pid ${await restartMetricsServer()})`);
  return 0;
}

async function main(): Promise<number> {
  process.chdir(repoRoot);
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'up') return cmdUp(args);
  if (cmd === 'down') return cmdDown();
  if (cmd === 'status') return cmdStatus();
  if (cmd === 'metrics-server' && (args[0] === 'stop' || args[0] === 'start')) return cmdMetricsServer(args[0]);
  console.error('usage: tsx cluster/cli.ts up [--nodes N] | down | status | metrics-server stop|start');
  return 2;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`cluster: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
