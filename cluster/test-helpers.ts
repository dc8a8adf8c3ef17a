import { ApiException, CoreV1Api } from '@kubernetes/client-node';
import { sleep } from './health';
import { adminKubeConfig } from './state';

/** The HTTP status a client-node call ended with: 2xx when it resolved, the ApiException's code when it threw. */
export async function statusOf(call: () => Promise<unknown>): Promise<number> {
  try {
    await call();
    return 200;
  } catch (e) {
    if (e instanceof ApiException) return e.code;
    throw e;
  }
}

/** Polls `read` until `done(value)` holds; returns the last value either way so the test's assertion shows it. */
export async function pollUntil<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let v = await read();
  while (!done(v) && Date.now() < deadline) {
    await sleep(intervalMs);
    v = await read();
  }
  return v;
}

/** Creates namespace `ns` (waiting for its default ServiceAccount) with one bare kwok pod per name, as admin. */
export async function namespaceWithPods(ns: string, names: string[]): Promise<void> {
  const core = adminKubeConfig().makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: ns } } });
  await pollUntil(() => statusOf(() => core.readNamespacedServiceAccount({ namespace: ns, name: 'default' })), (s) => s === 200, 60_000);
  for (const name of names) {
    await core.createNamespacedPod({ namespace: ns, body: { metadata: { name }, spec: { nodeName: 'kwok-node-0', containers: [{ name: 'c', image: 'nginx:alpine' }] } } });
  }
}
