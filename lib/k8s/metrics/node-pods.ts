import 'server-only';
import { kubeRequest } from '@/lib/k8s/client';

// Running pods per node ("pods running / capacity"): one metadata-only LIST per node with a field selector, so the
// API server filters and sends names only. A node holds at most its pod capacity (110 by default), so each count is
// one page; nodes are counted a few at a time and at most MAX_NODES of them.

const MAX_NODES = 200;
const PARALLEL = 6;
const META_LIST = 'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';

async function runningOn(token: string, node: string): Promise<number> {
  let count = 0;
  let cont: string | undefined;
  do {
    const res = await kubeRequest<{ items?: unknown[]; metadata?: { continue?: string } }>(token, {
      path: '/api/v1/pods',
      accept: META_LIST,
      query: { fieldSelector: `spec.nodeName=${node},status.phase=Running`, limit: 500, continue: cont },
    });
    count += res.body.items?.length ?? 0;
    cont = res.body.metadata?.continue || undefined;
  } while (cont);
  return count;
}

/** Running pods per node name; a node that could not be counted (e.g. forbidden) is left out. */
export async function runningPodsPerNode(token: string, nodes: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const queue = nodes.slice(0, MAX_NODES);
  const worker = async () => {
    for (let n = queue.shift(); n !== undefined; n = queue.shift()) {
      try {
        out[n] = await runningOn(token, n);
      } catch {
        // left out: the column shows "?" for this node
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return out;
}
