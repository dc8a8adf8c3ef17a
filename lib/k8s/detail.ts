import 'server-only';
import type { V1Deployment, V1LabelSelector, V1Node, V1Pod, V1PodTemplateSpec, V1ReplicaSet, V1Service } from '@kubernetes/client-node';
import { formatSelector } from '@/lib/format';
import { kubeRequest } from './client';
import { fromTransport } from './errors';
import { discoverCatalog } from './discovery';
import { enrichmentKey, ENRICHMENTS } from './enrich';
import { getObject, listRows } from './list';
import { manifestOf, safeAnnotations } from './manifest';
import { refName, resourceFor, type KindRef } from './resources';
import { base } from './rows/common';
import type { EndpointInfo, ObjectDetail, Related } from './detail-types';
import { conditions, containers, deploymentFields, nodeFields, owners, podFields, replicaSetFields, serviceFields } from './describe';

// `kubectl describe` for one object: the object, its events and its related pods/endpoints. Related lists fail on
// their own, so a user who may read a deployment but not its events still sees the deployment.

type Raw = {
  apiVersion?: string;
  metadata?: { uid?: string; labels?: Record<string, string>; annotations?: Record<string, string>; ownerReferences?: { apiVersion: string; kind: string; name: string }[] };
};

async function related<T>(load: () => Promise<T[]>): Promise<Related<T>> {
  try {
    return { items: await load() };
  } catch (e) {
    return { error: fromTransport(e) };
  }
}

function eventsFor(token: string, namespace: string | undefined, uid: string) {
  return related(async () => {
    const list = await listRows(token, 'events', { namespace, fieldSelector: `involvedObject.uid=${uid}` });
    return list.rows.sort((a, b) => (a.lastSeen ?? '').localeCompare(b.lastSeen ?? ''));
  });
}

function podsBySelector(token: string, namespace: string, selector: string) {
  if (selector === '<none>') return Promise.resolve<Related<never>>({ items: [] });
  return related(async () => (await listRows(token, 'pods', { namespace, labelSelector: selector })).rows);
}

interface EndpointSliceList {
  items?: { ports?: { name?: string; port?: number; protocol?: string }[]; endpoints?: { addresses: string[]; conditions?: { ready?: boolean }; targetRef?: { kind?: string; name?: string }; nodeName?: string }[] }[];
}

function endpointsOf(token: string, namespace: string, service: string): Promise<Related<EndpointInfo>> {
  return related(async () => {
    const res = await kubeRequest<EndpointSliceList>(token, {
      path: `/apis/discovery.k8s.io/v1/namespaces/${encodeURIComponent(namespace)}/endpointslices`,
      query: { labelSelector: `kubernetes.io/service-name=${service}` },
    });
    return (res.body.items ?? []).flatMap((slice) => {
      const ports = (slice.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`).join(', ');
      return (slice.endpoints ?? []).flatMap((ep) => ep.addresses.map((address) => ({
        address, ready: ep.conditions?.ready ?? false, ports,
        targetPod: ep.targetRef?.kind === 'Pod' ? ep.targetRef.name : undefined, node: ep.nodeName,
      })));
    });
  });
}

/** Owners of kinds outside the registry link through discovery (asked only when there is such an owner). */
async function linkOwners(token: string, obj: Raw, detail: ObjectDetail): Promise<void> {
  const refs = obj.metadata?.ownerReferences ?? [];
  if (!detail.owners.some((o) => !o.kindName)) return;
  const catalog = await discoverCatalog(token).catch(() => []);
  detail.owners = detail.owners.map((o, i) => {
    if (o.kindName) return o;
    const group = refs[i]?.apiVersion.includes('/') ? refs[i].apiVersion.split('/')[0] : '';
    return { ...o, kindName: catalog.find((e) => e.kind === o.kind && e.group === group)?.name };
  });
}

export async function describeObject(token: string, kindRef: KindRef, namespace: string | undefined, name: string): Promise<ObjectDetail> {
  const r = resourceFor(kindRef);
  const kindName = refName(kindRef);
  const obj = await getObject<Raw>(token, kindRef, namespace, name);
  const b = base(obj as never);
  const isSecret = r.plural === 'secrets' && r.group === '';
  const detail: ObjectDetail = {
    kind: r.kind, kindName, apiVersion: obj.apiVersion, name: b.name, namespace: b.namespace, uid: b.uid, created: b.created, resourceVersion: b.resourceVersion,
    labels: obj.metadata?.labels ?? {}, annotations: safeAnnotations(obj.metadata?.annotations, isSecret),
    owners: owners(obj as never), fields: [], containers: [], conditions: conditions(obj as never),
    events: { items: [] }, ...manifestOf(obj, isSecret),
  };
  const events = eventsFor(token, namespace, b.uid);
  const enrich = ENRICHMENTS[enrichmentKey(r)];
  if (enrich) Object.assign(detail, await enrich({ token, obj: obj as never, namespace, name }));
  const tmpl = (obj as { spec?: { template?: { spec?: never }; jobTemplate?: { spec?: { template?: { spec?: never } } } } }).spec;
  if (!detail.containers.length) {
    const podSpec = tmpl?.template?.spec ?? tmpl?.jobTemplate?.spec?.template?.spec;
    if (podSpec) detail.containers = containers(podSpec);
  }
  await linkOwners(token, obj, detail);
  switch (kindName) {
    case 'pods': {
      const p = obj as V1Pod;
      detail.fields = podFields(p);
      detail.containers = containers(p.spec, p.status ?? {});
      break;
    }
    case 'deployments': {
      const d = obj as V1Deployment;
      detail.fields = deploymentFields(d);
      detail.containers = containers(d.spec?.template.spec);
      detail.pods = await podsBySelector(token, namespace!, formatSelector(d.spec?.selector));
      break;
    }
    case 'replicasets': {
      const rs = obj as V1ReplicaSet;
      detail.fields = replicaSetFields(rs);
      detail.containers = containers(rs.spec?.template?.spec);
      detail.pods = await podsBySelector(token, namespace!, formatSelector(rs.spec?.selector));
      break;
    }
    case 'services': {
      const s = obj as V1Service;
      detail.fields = serviceFields(s);
      const [pods, endpoints] = await Promise.all([
        podsBySelector(token, namespace!, formatSelector(s.spec?.selector)),
        endpointsOf(token, namespace!, name),
      ]);
      detail.pods = pods;
      detail.endpoints = endpoints;
      break;
    }
    case 'nodes': {
      detail.fields = nodeFields(obj as V1Node);
      detail.pods = await related(async () => (await listRows(token, 'pods', { fieldSelector: `spec.nodeName=${name}` })).rows);
      break;
    }
    default: {
      // Workloads with a selector and a pod template (StatefulSets, DaemonSets, Jobs): their pods and containers.
      const w = obj as { spec?: { selector?: V1LabelSelector; template?: V1PodTemplateSpec } };
      if (namespace && w.spec?.selector && w.spec.template) {
        detail.containers = containers(w.spec.template.spec);
        detail.pods = await podsBySelector(token, namespace, formatSelector(w.spec.selector));
      }
      break;
    }
  }
  detail.events = await events;
  return detail;
}
