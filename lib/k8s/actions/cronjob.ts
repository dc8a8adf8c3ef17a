import 'server-only';
import { randomBytes } from 'node:crypto';
import { kubeRequest } from '@/lib/k8s/client';
import { apiPath } from '@/lib/k8s/resources';
import { FIELD_MANAGER } from '@/lib/k8s/apply/ssa';
import type { ObjectRef } from './target';

// "Run now": what `kubectl create job NAME --from=cronjob/CRON` does — a Job from the CronJob's jobTemplate, owned
// by the CronJob (so it shows in its history and goes with it), marked as started by hand.

interface CronJob {
  metadata?: { name?: string; uid?: string };
  spec?: { jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> } };
}

export const INSTANTIATE = 'cronjob.kubernetes.io/instantiate';

/** kubectl's name for it would be the user's; ours: "<cronjob>-manual-<5 random>", within the 63 a Job may have. */
export function manualJobName(cronJob: string, suffix = randomBytes(3).toString('hex').slice(0, 5)): string {
  return `${cronJob.slice(0, 63 - '-manual-'.length - suffix.length)}-manual-${suffix}`.replace(/-+(?=-manual-)/, '');
}

export function jobFromCronJob(cj: CronJob, name: string) {
  const template = cj.spec?.jobTemplate ?? {};
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: {
      name,
      labels: template.metadata?.labels,
      annotations: { ...template.metadata?.annotations, [INSTANTIATE]: 'manual' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata?.name ?? '', uid: cj.metadata?.uid ?? '', controller: true }],
    },
    spec: template.spec ?? {},
  };
}

export async function runCronJobNow(token: string, t: ObjectRef): Promise<{ job: string; warnings: string[] }> {
  const cj = (await kubeRequest<CronJob>(token, { path: apiPath(t.r, { namespace: t.namespace, name: t.name }) })).body;
  const job = jobFromCronJob(cj, manualJobName(t.name));
  const res = await kubeRequest<{ metadata?: { name?: string } }>(token, {
    method: 'POST', path: `/apis/batch/v1/namespaces/${encodeURIComponent(t.namespace ?? '')}/jobs`, body: job,
    query: { fieldManager: FIELD_MANAGER, fieldValidation: 'Strict' },
  });
  return { job: res.body.metadata?.name ?? job.metadata.name, warnings: res.warnings };
}
