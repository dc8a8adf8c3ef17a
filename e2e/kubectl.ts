import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readClusterState } from '../cluster/state';

/** Runs the project's own kubectl with the admin kubeconfig: the independent witness of what the cluster holds. */
export function kubectl(...args: string[]): string {
  const { binDir, kubeconfig } = readClusterState();
  return execFileSync(path.join(binDir, 'kubectl'), ['--kubeconfig', kubeconfig, ...args], { encoding: 'utf8' });
}

/** Parses kubectl's table output into records keyed by header (columns located by the header's offsets). */
export function kubectlTable(...args: string[]): Record<string, string>[] {
  const lines = kubectl(...args).trimEnd().split('\n');
  const header = lines[0];
  // Headers may hold one space ("NOMINATED NODE"); columns are two or more spaces apart.
  const starts = [...header.matchAll(/\S+(?: \S+)*/g)].map((m) => ({ name: m[0], at: m.index ?? 0 }));
  return lines.slice(1).map((line) => {
    const rec: Record<string, string> = {};
    starts.forEach((col, i) => {
      const end = i + 1 < starts.length ? starts[i + 1].at : line.length;
      rec[col.name] = line.slice(col.at, end).trim();
    });
    return rec;
  });
}
