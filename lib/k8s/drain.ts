import 'server-only';
import { kubeRequest } from '@/lib/k8s/client';
import { ApiError, badRequest, fromTransport } from '@/lib/k8s/errors';
import { FIELD_MANAGER } from './apply/ssa';
import { blockedBy, parseTimeout, planDrain, type DrainConsent, type DrainPod, type DrainProgress, type PodProgress } from './drain-plan';

// `kubectl drain` as a server-side job tied to the session: cordon, then evict through the Eviction API (a 429 from
// a PodDisruptionBudget is retried every few seconds until the deadline), then wait until each pod is gone. The
// browser polls its progress. Bounded: a deadline per drain, a few drains per session, and sign-out cancels them.

const RETRY_MS = 3_000;
const PARALLEL = 4;
const PER_SESSION = 3;
const KEEP_FINISHED_MS = 10 * 60_000;

interface Job { progress: DrainProgress; abort: AbortController; sid: string; finishedAt?: number }
const jobs = new Map<string, Job>();
const keyOf = (sid: string, node: string) => `${sid}\u0000${node}`;
const sleep = (ms: number, signal: AbortSignal) => new Promise<void>((r) => {
  const t = setTimeout(r, ms);
  signal.addEventListener('abort', () => { clearTimeout(t); r(); }, { once: true });
});

function sweep(now = Date.now()): void {
  for (const [k, j] of jobs) if (j.finishedAt && now - j.finishedAt > KEEP_FINISHED_MS) jobs.delete(k);
}

export function parseDrainRequest(body: unknown): DrainConsent & { timeoutSeconds: number } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const flag = (k: string) => {
    if (b[k] !== undefined && typeof b[k] !== 'boolean') throw new ApiError(badRequest(`${k} must be true or false`));
    return b[k] === true;
  };
  try {
    return { emptyDirData: flag('deleteEmptyDirData'), unmanaged: flag('force'), timeoutSeconds: parseTimeout(b.timeoutSeconds) };
  } catch (e) {
    throw e instanceof RangeError ? new ApiError(badRequest(e.message)) : e;
  }
}

async function evictOne(token: string, p: PodProgress, deadline: number, signal: AbortSignal): Promise<void> {
  const path = `/api/v1/namespaces/${encodeURIComponent(p.namespace)}/pods/${encodeURIComponent(p.name)}`;
  while (Date.now() < deadline && !signal.aborted) {
    p.attempts++;
    p.state = 'evicting';
    try {
      await kubeRequest(token, {
        method: 'POST', path: `${path}/eviction`, query: { fieldManager: FIELD_MANAGER },
        body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: p.name, namespace: p.namespace } },
      });
      p.state = 'evicted';
      p.message = undefined;
      break;
    } catch (e) {
      const err = e instanceof ApiError ? e.body : fromTransport(e);
      if (err.status === 404) { p.state = 'gone'; return; }
      if (err.status !== 429) { p.state = 'failed'; p.message = `${err.reason}: ${err.message}`; return; }
      p.state = 'blocked';
      p.message = blockedBy(err.message, err.causes);
      await sleep(RETRY_MS, signal);
    }
  }
  // Evicted: the pod is gone once it is deleted (or replaced by one with the same name and another uid).
  while (p.state === 'evicted' && Date.now() < deadline && !signal.aborted) {
    try {
      const now = await kubeRequest<DrainPod>(token, { path });
      if (now.body.metadata?.uid !== p.uid) p.state = 'gone';
    } catch (e) {
      if (e instanceof ApiError && e.body.status === 404) p.state = 'gone';
    }
    if (p.state === 'evicted') await sleep(1_000, signal);
  }
}

async function run(token: string, job: Job, consent: DrainConsent, deadline: number): Promise<void> {
  const { progress, abort } = job;
  const pods = await kubeRequest<{ items?: DrainPod[] }>(token, { path: '/api/v1/pods', query: { fieldSelector: `spec.nodeName=${progress.node}` } });
  progress.pods = planDrain(pods.body.items ?? [], consent);
  const refused = progress.pods.filter((p) => p.state === 'refused');
  if (refused.length) {
    progress.state = 'refused';
    progress.message = `the node is cordoned, but nothing was evicted: ${refused.length} pod(s) need your consent`;
    return;
  }
  const queue = progress.pods.filter((p) => p.state === 'pending');
  const worker = async () => {
    for (let p = queue.shift(); p; p = queue.shift()) await evictOne(token, p, deadline, abort.signal);
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  const left = progress.pods.filter((p) => !['gone', 'skipped'].includes(p.state));
  progress.state = abort.signal.aborted ? 'cancelled' : left.some((p) => p.state === 'failed') ? 'failed' : left.length ? 'timeout' : 'done';
  progress.message = progress.state === 'done' ? `node/${progress.node} drained` : `${left.length} pod(s) were not evicted`;
}

/** Cordons the node (a refusal is the caller's answer), then drains it in the background. */
export async function startDrain(token: string, sid: string, node: string, req: DrainConsent & { timeoutSeconds: number }): Promise<DrainProgress> {
  sweep();
  const existing = jobs.get(keyOf(sid, node));
  if (existing && !existing.finishedAt) throw new ApiError({ status: 409, reason: 'AlreadyExists', message: `node/${node} is already being drained` });
  if ([...jobs.values()].filter((j) => j.sid === sid && !j.finishedAt).length >= PER_SESSION) {
    throw new ApiError({ status: 429, reason: 'TooManyRequests', message: `at most ${PER_SESSION} drains at a time` });
  }
  await kubeRequest(token, {
    method: 'PATCH', path: `/api/v1/nodes/${encodeURIComponent(node)}`, contentType: 'application/merge-patch+json',
    body: { spec: { unschedulable: true } }, query: { fieldManager: FIELD_MANAGER },
  });
  const now = Date.now();
  const deadline = now + req.timeoutSeconds * 1000;
  const job: Job = { sid, abort: new AbortController(), progress: { node, state: 'running', startedAt: new Date(now).toISOString(), deadline: new Date(deadline).toISOString(), pods: [] } };
  jobs.set(keyOf(sid, node), job);
  void run(token, job, req, deadline)
    .catch((e) => {
      const err = e instanceof ApiError ? e.body : fromTransport(e);
      job.progress.state = 'failed';
      job.progress.message = `${err.reason}: ${err.message}`;
    })
    .finally(() => { job.finishedAt = Date.now(); });
  return job.progress;
}

export function drainProgress(sid: string, node: string): DrainProgress | undefined {
  return jobs.get(keyOf(sid, node))?.progress;
}

/** Sign-out: the session's drains stop (the node stays cordoned). */
export function cancelDrains(sid: string): void {
  for (const j of jobs.values()) if (j.sid === sid) j.abort.abort();
}
