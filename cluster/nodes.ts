import { CoreV1Api, KubeConfig, KubernetesObject, V1Node } from '@kubernetes/client-node';
import { applyAll } from './apply';
import { nodeAnnotation } from './components';
import { waitFor } from './health';

export const nodeName = (i: number) => `kwok-node-${i}`;

export function parseNodeCount(raw: string, source: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`${source} must be an integer from 1 to 100, got ${raw}`);
  return n;
}

const resources = { cpu: '32', memory: '256Gi', pods: '110' };

/** A fake node for kwok: the annotation is what kwok's --manage-nodes-with-annotation-selector matches. */
function fakeNode(name: string): KubernetesObject & V1Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      annotations: {
        [nodeAnnotation]: 'fake',
        'node.alpha.kubernetes.io/ttl': '0',
        // Where metrics-server scrapes this node's resource metrics: kwok serves one path per node (metrics-resource.yaml).
        'metrics.k8s.io/resource-metrics-path': `/metrics/nodes/${name}/metrics/resource`,
      },
      labels: {
        type: 'kwok',
        'node-role.kubernetes.io/agent': '',
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
      },
    },
    status: { capacity: resources, allocatable: resources },
  };
}

const isReady = (n: V1Node) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** Creates kwok-node-0..count-1 (idempotently) and waits until kwok reports them Ready. */
export async function ensureNodes(kc: KubeConfig, count: number, timeoutMs = 60_000): Promise<void> {
  const names = Array.from({ length: count }, (_, i) => nodeName(i));
  await applyAll(kc, names.map(fakeNode));
  const core = kc.makeApiClient(CoreV1Api);
  await waitFor(
    `nodes (${count} Ready)`,
    async () => {
      const { items } = await core.listNode({ labelSelector: 'type=kwok' });
      return names.every((n) => items.some((i) => i.metadata?.name === n && isReady(i)));
    },
    { timeoutMs, intervalMs: 500 },
  );
}
