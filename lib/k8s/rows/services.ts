import type { V1Service, V1ServicePort } from '@kubernetes/client-node';
import { formatSelector } from '@/lib/format';
import type { ServiceRow } from './types';
import { base } from './common';

/** PORT(S) as kubectl prints it: `80:31739/TCP,88:30298/TCP`; `<none>` without ports. */
export function formatServicePorts(ports: V1ServicePort[] | undefined): string {
  if (!ports?.length) return '<none>';
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',');
}

/** EXTERNAL-IP as kubectl prints it for each service type. */
export function externalIP(svc: V1Service): string {
  const spec = svc.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  const extra = spec.externalIPs ?? [];
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return extra.length ? extra.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter(Boolean);
      const all = [...ingress, ...extra];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '<none>';
    default:
      return '<unknown>';
  }
}

export function serviceRow(svc: V1Service): ServiceRow {
  const spec = svc.spec ?? {};
  return {
    ...base(svc),
    type: spec.type ?? 'ClusterIP',
    clusterIP: spec.clusterIP || '<none>',
    externalIP: externalIP(svc),
    ports: formatServicePorts(spec.ports),
    selector: formatSelector(spec.selector),
  };
}
