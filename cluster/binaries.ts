import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { paths } from './paths';

export const binaryNames = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kwok', 'kubectl', 'metrics-server'] as const;
export type BinaryName = (typeof binaryNames)[number];
export type Binaries = Record<BinaryName, string>;

/**
 * Runs cluster/build/build.sh (a no-op when its cache is warm) and returns the built binaries. Build progress goes to
 * our stderr; the script's last stdout line is the binary folder.
 */
export async function ensureBinaries(): Promise<Binaries> {
  const stdout = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', [paths.buildScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.on('error', reject);
    child.on('exit', (code, sig) =>
      code === 0 ? resolve(out) : reject(new Error(`build: cluster/build/build.sh failed (${sig ?? `exit ${code}`})`)),
    );
  });
  const lines = stdout.trim().split('\n');
  const dir = lines.pop() ?? '';
  const bins = Object.fromEntries(binaryNames.map((b) => [b, path.join(dir, b)])) as Binaries;
  // Binaries cached in a folder of their own (metrics-server) come as `name=<path>` lines before the folder.
  for (const l of lines) {
    const [name, file] = l.split('=', 2);
    if ((binaryNames as readonly string[]).includes(name) && file) bins[name as BinaryName] = file;
  }
  const missing = binaryNames.filter((b) => !existsSync(bins[b]));
  if (missing.length) throw new Error(`build: ${missing.join(', ')} missing from ${dir}`);
  return bins;
}
