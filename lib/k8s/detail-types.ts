import type { ApiErrorBody } from './errors';
import type { EventRow, PodRow } from './rows/types';
import type { TableColumn, TableRow } from './table';

// What a detail page receives: `kubectl describe` in data. Client-safe (types only).

/** `kindName`: the kind's URL name, when it has pages; `list`: link to the kind's list; `cluster`: cluster-scoped. */
export interface OwnerLink { kind: string; name: string; kindName?: string; namespace?: string; list?: boolean; cluster?: boolean }

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

/** Objects this one points at or owns, by kind (an ingress's services, a cronjob's jobs). */
export interface LinkGroup { label: string; links: OwnerLink[] }

/** A related list in the API server's Table format (a cronjob's jobs, a CRD's objects). */
export interface RelatedTableList { id: string; title: string; kindName: string; columns: TableColumn[]; rows: Related<TableRow> }

/** A secret's keys: names and decoded sizes only; values are revealed one at a time (lib/k8s/secret-reveal.ts). */
export interface SecretKey { key: string; bytes: number }

export interface ObjectDetail {
  kind: string;
  kindName: string;
  apiVersion?: string;
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
  links?: LinkGroup[];
  lists?: RelatedTableList[];
  secretKeys?: SecretKey[];
  /** The object as YAML, managedFields left out (shown folded, from `managedFieldsYaml`); secrets without values. */
  yaml: string;
  managedFieldsYaml?: string;
}
