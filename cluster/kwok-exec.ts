import { chownSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { paths } from './paths';

// Exec on the local cluster. kwok has no containers: it runs an exec as a LOCAL PROCESS on this machine (its `Exec`
// configuration, `local`), so `kubectl exec` and the console's shell are real. Limited to what the demo needs:
//   - only the seeded pod default/web-site (both containers); every other pod answers "no exec found";
//   - in a dedicated work directory, .cluster/exec-sandbox/, emptied at every `cluster up`;
//   - with kwok's own minimal environment (kwokEnv: PATH, HOME, LANG; kwok passes its environment on) plus HOME, TERM and
//     HISTFILE=/dev/null (no history file);
//   - as nobody (65534) when the cluster runs as root; otherwise as the user who ran `cluster up`, with that user's
//     rights (it is not a container: `cd ..` leaves the work directory, and whatever that user may read, a shell
//     here may read — .cluster/tokens included). Anyone allowed `create pods/exec` on web-site gets that shell.

export const execSandboxDir = path.join(paths.state, 'exec-sandbox');
const NOBODY = 65534;

/** The exec targets: one kwok `Exec` document per seeded pod (kwok matches it by name and namespace). */
export function kwokExecDocuments(): string[] {
  const asNobody = process.getuid?.() === 0 ? { securityContext: { runAsUser: NOBODY, runAsGroup: NOBODY } } : {};
  const local = {
    workDir: execSandboxDir,
    envs: [
      { name: 'HOME', value: execSandboxDir },
      { name: 'TERM', value: 'xterm-256color' },
      // What is typed in a shell is kept nowhere: no bash history file in the work directory.
      { name: 'HISTFILE', value: '/dev/null' },
    ],
    ...asNobody,
  };
  const pods = [{ namespace: 'default', name: 'web-site' }];
  return pods.map((p) => stringify({ apiVersion: 'kwok.x-k8s.io/v1alpha1', kind: 'Exec', metadata: p, spec: { execs: [{ containers: [], local }] } }).trim());
}

/** A fresh, empty work directory, owned by whoever the shells run as. */
export function prepareExecSandbox(): void {
  rmSync(execSandboxDir, { recursive: true, force: true });
  mkdirSync(execSandboxDir, { recursive: true, mode: 0o700 });
  if (process.getuid?.() === 0) chownSync(execSandboxDir, NOBODY, NOBODY);
}

/** kwok's environment: an exec'd process inherits it, so it carries nothing of the caller's (no tokens, secrets). */
export function kwokEnv(): Record<string, string> {
  return { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: paths.config, LANG: 'C.UTF-8' };
}
