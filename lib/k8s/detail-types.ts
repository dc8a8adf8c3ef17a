import type { ApiErrorBody } from './errors';
import type { EventRow, PodRow } from './rows/types';

// What a detail page receives: `kubectl describe` in data. Client-safe (types only).

export interface OwnerLink { kind: string; name: string; kindName?: string }

export interface ContainerInfo {
  name: string;
  init: boolean;
  image: string;
  ports: string;
  state: string;
  stateDetail?: string;
  ready?: boolean;
  restarts: number;
  /** [cpu request m, cpu limit m, memory request B, memory limit B] (0 = not set); absent when none is set. */
  res?: [number, number, number, number];
}

export interface ConditionInfo { type: string; status: string; reason?: string; message?: string; lastTransition?: string }

/** A related list that may fail on its own (a 403 on events must not blank the page). */
export type Related<T> = { items: T[] } | { error: ApiErrorBody };

export interface EndpointInfo { address: string; ready: boolean; targetPod?: string; node?: string; ports: string }

export interface ObjectDetail {
  kind: string;
  kindName: string;
  name: string;
  namespace?: string;
  uid: string;
  created?: string;
  resourceVersion?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  owners: OwnerLink[];
  /** Kind-specific summary lines, in kubectl describe's order: [label, value]. */
  fields: [string, string][];
  containers: ContainerInfo[];
  conditions: ConditionInfo[];
  events: Related<EventRow>;
  pods?: Related<PodRow>;
  endpoints?: Related<EndpointInfo>;
}
