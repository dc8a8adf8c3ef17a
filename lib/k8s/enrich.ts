import 'server-only';
import { formatSelector, type SelectorLike } from '@/lib/format';
import type { LinkGroup, ObjectDetail, Related } from './detail-types';
import { fromTransport } from './errors';
import { listRows } from './list';
import type { PodRow } from './rows/types';
import type { TableColumn, TableRow } from './table';

// What a detail page adds for particular kinds, as data beside the kind: key = `plural.group` (core: plural) →
// a function of the object that returns extra summary lines, links and related lists. Any kind without an entry
// still gets the generic page (metadata, owners, conditions, events, YAML). Other features add entries here
// (e.g. actions): ENRICHMENTS is the seam.

export interface EnrichContext { token: string; obj: Raw; namespace?: string; name: string }
export type Enrichment = (c: EnrichContext) => Promise<Partial<ObjectDetail>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw API JSON, read defensively below
type Raw = { metadata?: { uid?: string }; spec?: any; status?: any };

async function related<T>(load: () => Promise<T[]>): Promise<Related<T>> {
  try {
    return { items: await load() };
  } catch (e) {
    return { error: fromTransport(e) };
  }
}

function podsOf(token: string, namespace: string | undefined, selector: SelectorLike | undefined): Promise<Related<PodRow>> {
  const s = formatSelector(selector);
  if (s === '<none>' || !namespace) return Promise.resolve({ items: [] });
  return related(async () => (await listRows(token, 'pods', { namespace, labelSelector: s })).rows);
}

const str = (v: unknown, dflt = '<none>') => (v === undefined || v === null || v === '' ? dflt : String(v));
const link = (kind: string, kindName: string, name: string) => ({ kind, kindName, name });

function strategy(s: { type?: string; rollingUpdate?: { partition?: number; maxUnavailable?: unknown; maxSurge?: unknown } } | undefined): string {
  const ru = s?.rollingUpdate;
  const parts = ru ? [ru.partition !== undefined ? `partition ${ru.partition}` : '', ru.maxUnavailable !== undefined ? `${ru.maxUnavailable} max unavailable` : '', ru.maxSurge !== undefined ? `${ru.maxSurge} max surge` : ''].filter(Boolean) : [];
  return `${s?.type ?? 'RollingUpdate'}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

const statefulSet: Enrichment = async ({ token, obj, namespace }) => ({
  fields: [
    ['Replicas', `${obj.status?.readyReplicas ?? 0} ready / ${obj.spec?.replicas ?? 1} desired (${obj.status?.updatedReplicas ?? 0} updated)`],
    ['Selector', formatSelector(obj.spec?.selector)],
    ['Service name', str(obj.spec?.serviceName)],
    ['Update strategy', strategy(obj.spec?.updateStrategy)],
    ['Pod management', str(obj.spec?.podManagementPolicy, 'OrderedReady')],
    ['Current revision', str(obj.status?.currentRevision)],
    ['Update revision', str(obj.status?.updateRevision)],
  ],
  pods: await podsOf(token, namespace, obj.spec?.selector),
});

const daemonSet: Enrichment = async ({ token, obj, namespace }) => ({
  fields: [
    ['Pods', `${obj.status?.desiredNumberScheduled ?? 0} desired | ${obj.status?.currentNumberScheduled ?? 0} current | ${obj.status?.numberReady ?? 0} ready | ${obj.status?.updatedNumberScheduled ?? 0} up-to-date | ${obj.status?.numberAvailable ?? 0} available`],
    ['Selector', formatSelector(obj.spec?.selector)],
    ['Node selector', formatSelector(obj.spec?.template?.spec?.nodeSelector)],
    ['Update strategy', strategy(obj.spec?.updateStrategy)],
    ['Revision', str(obj.metadata && (obj as { metadata?: { generation?: number } }).metadata?.generation)],
  ],
  pods: await podsOf(token, namespace, obj.spec?.selector),
});

const job: Enrichment = async ({ token, obj, namespace }) => ({
  fields: [
    ['Completions', `${obj.status?.succeeded ?? 0}/${obj.spec?.completions ?? 1}`],
    ['Parallelism', str(obj.spec?.parallelism, '1')],
    ['Pods statuses', `${obj.status?.active ?? 0} active / ${obj.status?.succeeded ?? 0} succeeded / ${obj.status?.failed ?? 0} failed`],
    ['Backoff limit', str(obj.spec?.backoffLimit, '6')],
    ['Start time', str(obj.status?.startTime)],
    ['Completed at', str(obj.status?.completionTime)],
  ],
  pods: await podsOf(token, namespace, obj.spec?.selector),
});

const cronJob: Enrichment = async ({ token, obj, namespace, name }) => {
  let columns: TableColumn[] = [];
  const jobs = await related(async () => {
    const list = await listRows(token, { name: 'jobs', kind: 'Job', group: 'batch', version: 'v1', plural: 'jobs', namespaced: true }, { namespace });
    columns = list.columns ?? [];
    return (list.rows as TableRow[]).filter((r) => r.owner?.kind === 'CronJob' && r.owner.name === name);
  });
  return {
    fields: [
      ['Schedule', str(obj.spec?.schedule)],
      ['Time zone', str(obj.spec?.timeZone)],
      ['Suspend', String(obj.spec?.suspend ?? false)],
      ['Concurrency policy', str(obj.spec?.concurrencyPolicy, 'Allow')],
      ['Last schedule', str(obj.status?.lastScheduleTime)],
      ['Last successful', str(obj.status?.lastSuccessfulTime)],
      ['Active jobs', String((obj.status?.active ?? []).length)],
    ],
    lists: [{ id: 'jobs', title: 'Jobs', kindName: 'jobs', columns, rows: jobs }],
  };
};

const ingress: Enrichment = async ({ obj }) => {
  const rules: { host?: string; http?: { paths?: { path?: string; backend?: { service?: { name: string; port?: { number?: number; name?: string } } } }[] } }[] = obj.spec?.rules ?? [];
  const lines: [string, string][] = rules.flatMap((r) => (r.http?.paths ?? []).map((p) => {
    const svc = p.backend?.service;
    return [`${r.host ?? '*'}${p.path ?? '/'}`, svc ? `${svc.name}:${svc.port?.number ?? svc.port?.name ?? ''}` : '<none>'] as [string, string];
  }));
  const services = [...new Set(rules.flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend?.service?.name).filter((n): n is string => !!n)))];
  const def = obj.spec?.defaultBackend?.service?.name as string | undefined;
  if (def && !services.includes(def)) services.push(def);
  return {
    fields: [['Ingress class', str(obj.spec?.ingressClassName)], ['Default backend', str(def)], ...lines],
    links: [{ label: 'Services', links: services.map((s) => link('Service', 'services', s)) }],
  };
};

const pvc: Enrichment = async ({ obj }) => ({
  fields: [
    ['Status', str(obj.status?.phase)], ['Volume', str(obj.spec?.volumeName)], ['Capacity', str(obj.status?.capacity?.storage)],
    ['Access modes', str((obj.spec?.accessModes ?? []).join(','))], ['Storage class', str(obj.spec?.storageClassName)],
  ],
  links: obj.spec?.volumeName ? [{ label: 'Volume', links: [{ ...link('PersistentVolume', 'persistentvolumes', obj.spec.volumeName), cluster: true }] }] : [],
});

const pv: Enrichment = async ({ obj }) => {
  const claim = obj.spec?.claimRef as { namespace?: string; name?: string } | undefined;
  return {
    fields: [
      ['Status', str(obj.status?.phase)], ['Claim', claim ? `${claim.namespace}/${claim.name}` : '<none>'], ['Capacity', str(obj.spec?.capacity?.storage)],
      ['Reclaim policy', str(obj.spec?.persistentVolumeReclaimPolicy)], ['Storage class', str(obj.spec?.storageClassName)],
    ],
    links: claim?.name ? [{ label: 'Claim', links: [{ ...link('PersistentVolumeClaim', 'persistentvolumeclaims', claim.name), namespace: claim.namespace }] }] : [],
  };
};

const serviceAccount: Enrichment = async ({ obj }) => {
  const secrets: LinkGroup = { label: 'Secrets', links: ((obj as { secrets?: { name: string }[] }).secrets ?? []).map((s) => link('Secret', 'secrets', s.name)) };
  const pulls: LinkGroup = { label: 'Image pull secrets', links: ((obj as { imagePullSecrets?: { name: string }[] }).imagePullSecrets ?? []).map((s) => link('Secret', 'secrets', s.name)) };
  return { links: [secrets, pulls].filter((g) => g.links.length) };
};

const crd: Enrichment = async ({ obj }) => {
  const versions: { name: string; served?: boolean; storage?: boolean; additionalPrinterColumns?: { name: string; type: string; jsonPath: string; priority?: number }[] }[] = obj.spec?.versions ?? [];
  const plural = obj.spec?.names?.plural as string;
  const group = obj.spec?.group as string;
  return {
    fields: [
      ['Group', str(group)], ['Kind', str(obj.spec?.names?.kind)], ['Scope', str(obj.spec?.scope)],
      ['Short names', str((obj.spec?.names?.shortNames ?? []).join(','))],
      ['Versions', versions.map((v) => `${v.name}${v.storage ? ' (storage)' : ''}${v.served ? '' : ' (not served)'}`).join(', ')],
      ...versions.flatMap((v) => (v.additionalPrinterColumns ?? []).map((c) => [`${v.name} column ${c.name}`, `${c.jsonPath} (${c.type}${c.priority ? `, priority ${c.priority}` : ''})`] as [string, string])),
    ],
    links: plural && group ? [{ label: 'Objects', links: [{ kind: 'List', kindName: `${plural}.${group}`, name: `${plural}.${group}`, list: true }] }] : [],
  };
};

export const ENRICHMENTS: Record<string, Enrichment> = {
  'statefulsets.apps': statefulSet,
  'daemonsets.apps': daemonSet,
  'jobs.batch': job,
  'cronjobs.batch': cronJob,
  'ingresses.networking.k8s.io': ingress,
  persistentvolumeclaims: pvc,
  persistentvolumes: pv,
  serviceaccounts: serviceAccount,
  'customresourcedefinitions.apiextensions.k8s.io': crd,
};

export const enrichmentKey = (r: { plural: string; group: string }) => (r.group ? `${r.plural}.${r.group}` : r.plural);
