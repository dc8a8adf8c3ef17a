// The lean rows the browser receives: what the tables show, nothing more. Client-safe (types only).

export type Health = 'ok' | 'progress' | 'warning' | 'error' | 'neutral';

export interface BaseRow { uid: string; name: string; namespace?: string; created?: string; resourceVersion?: string }

export interface PodRow extends BaseRow {
  ready: string;
  status: string;
  health: Health;
  restarts: number;
  lastRestart?: string;
  ip: string;
  node: string;
  labels: Record<string, string>;
  owner?: { kind: string; name: string };
  /** Summed container [cpu request m, cpu limit m, memory request B, memory limit B]; 0 = not set (a limit is unset
   *  when any container lacks one). Absent when nothing is set. Joined with usage for %CPU/R, %MEM/L (metrics). */
  res?: [number, number, number, number];
}

export interface DeploymentRow extends BaseRow {
  ready: string;
  replicas: number;
  readyReplicas: number;
  updated: number;
  available: number;
  containers: string;
  images: string;
  selector: string;
  progress: { state: 'complete' | 'progressing' | 'failed' | 'unknown'; message?: string };
  health: Health;
}

export interface ReplicaSetRow extends BaseRow {
  desired: number;
  current: number;
  ready: number;
  containers: string;
  images: string;
  selector: string;
  owner?: { kind: string; name: string };
}

export interface ServiceRow extends BaseRow {
  type: string;
  clusterIP: string;
  externalIP: string;
  ports: string;
  selector: string;
}

export interface NodeRow extends BaseRow {
  status: string;
  health: Health;
  roles: string;
  version: string;
  internalIP: string;
  externalIP: string;
  cpu: string;
  memory: string;
  pods: string;
  osImage: string;
  /** Allocatable [cpu millicores, memory bytes, pods]: what `kubectl top nodes` divides usage by. */
  alloc?: [number, number, number];
}

export interface NamespaceRow extends BaseRow { status: string; health: Health }

export interface EventRow extends BaseRow {
  type: string;
  reason: string;
  object: string;
  objectKind?: string;
  objectName?: string;
  message: string;
  count: number;
  lastSeen?: string;
  source: string;
}

export interface JobRow extends BaseRow {
  status: string;
  health: Health;
  completions: string;
  containers: string;
  images: string;
  owner?: { kind: string; name: string };
}

export interface CronJobRow extends BaseRow { schedule: string; suspend: boolean; active: number; lastSchedule?: string; containers: string; images: string }

export interface ConfigMapRow extends BaseRow { data: number }

export interface RowByKind {
  pods: PodRow;
  deployments: DeploymentRow;
  replicasets: ReplicaSetRow;
  statefulsets: DeploymentRow;
  daemonsets: DeploymentRow;
  jobs: JobRow;
  cronjobs: CronJobRow;
  configmaps: ConfigMapRow;
  services: ServiceRow;
  nodes: NodeRow;
  namespaces: NamespaceRow;
  events: EventRow;
}
