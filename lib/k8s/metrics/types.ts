// What the console's metrics endpoints send to the browser (client-safe, types only). CPU in millicores rounded up
// and memory in bytes, summed over a pod's containers as `kubectl top` does, so the two always agree.

/** [cpu millicores, memory bytes] */
export type Usage = [number, number];

/** GET /api/metrics/pods: every pod's usage in the scope, keyed by namespace, then pod name (about 30 bytes a pod). */
export interface PodUsageSet {
  /** The newest sample's time (ISO) and the sampling window in seconds: the browser refreshes once per window. */
  at: string;
  window: number;
  pods: Record<string, Record<string, Usage>>;
}

export interface TopPod { namespace: string; name: string; usage: Usage }

/** GET /api/metrics/pods?top=N: the N busiest pods by CPU and by memory, nothing else. */
export interface TopPods { at: string; window: number; count: number; byCpu: TopPod[]; byMemory: TopPod[] }

/** GET /api/metrics/pods?namespace=ns&name=pod: one pod, per container. */
export interface PodContainersUsage { at: string; window: number; containers: { name: string; usage: Usage }[] }

/** GET /api/metrics/nodes: per node. */
export interface NodeUsageSet {
  at: string;
  window: number;
  nodes: Record<string, Usage>;
  /** Running pods per node, with ?pods=1 (left out for nodes that could not be counted). */
  running?: Record<string, number>;
}
