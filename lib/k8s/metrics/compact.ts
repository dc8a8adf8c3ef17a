import { bytes, milliOfNanos, nanoCpu } from '@/lib/k8s/quantity';
import type { PodContainersUsage, PodUsageSet, TopPod, TopPods, Usage, NodeUsageSet } from './types';

// Metrics API objects (metrics.k8s.io/v1beta1 PodMetrics, NodeMetrics) reduced to what the console shows. Pure.

export interface RawUsage { cpu?: string; memory?: string }
export interface RawPodMetrics {
  metadata?: { name?: string; namespace?: string };
  timestamp?: string;
  window?: string;
  containers?: { name?: string; usage?: RawUsage }[];
}
export interface RawNodeMetrics { metadata?: { name?: string }; timestamp?: string; window?: string; usage?: RawUsage }

const DEFAULT_WINDOW = 15;

function seconds(window: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(window ?? '');
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'ms' ? n / 1000 : m[2] === 'm' ? n * 60 : n;
}

/** The newest timestamp and the widest window of a set of samples (the window bounds how often to refresh). */
function when(items: { timestamp?: string; window?: string }[]): { at: string; window: number } {
  let at = '';
  let window = 0;
  for (const i of items) {
    if (i.timestamp && i.timestamp > at) at = i.timestamp;
    const w = seconds(i.window);
    if (w > window) window = w;
  }
  return { at, window: Math.round(window) || DEFAULT_WINDOW };
}

const usageOf = (u: RawUsage | undefined): Usage => [milliOfNanos(nanoCpu(u?.cpu ?? '0')), bytes(u?.memory ?? '0')];

/** A pod's usage: container CPU summed in nanocores and rounded once, as kubectl top does. */
export function podUsage(p: RawPodMetrics): Usage {
  let cpu = 0;
  let mem = 0;
  for (const c of p.containers ?? []) {
    cpu += nanoCpu(c.usage?.cpu ?? '0') || 0;
    mem += bytes(c.usage?.memory ?? '0') || 0;
  }
  return [milliOfNanos(cpu), mem];
}

export function podUsageSet(items: RawPodMetrics[]): PodUsageSet {
  const pods: PodUsageSet['pods'] = {};
  for (const p of items) {
    const ns = p.metadata?.namespace;
    const name = p.metadata?.name;
    if (!ns || !name) continue;
    (pods[ns] ??= {})[name] = podUsage(p);
  }
  return { ...when(items), pods };
}

/** The N busiest pods of a set by CPU and by memory (ties by name, so the order is stable). */
export function topOf(set: PodUsageSet, n: number): TopPods {
  const all: TopPod[] = Object.entries(set.pods).flatMap(([namespace, pods]) => Object.entries(pods).map(([name, usage]) => ({ namespace, name, usage })));
  const by = (i: 0 | 1) => [...all].sort((a, b) => b.usage[i] - a.usage[i] || a.name.localeCompare(b.name)).slice(0, n);
  return { at: set.at, window: set.window, count: all.length, byCpu: by(0), byMemory: by(1) };
}

export const topPods = (items: RawPodMetrics[], n: number): TopPods => topOf(podUsageSet(items), n);

export function podContainers(p: RawPodMetrics): PodContainersUsage {
  return { ...when([p]), containers: (p.containers ?? []).map((c) => ({ name: c.name ?? '', usage: usageOf(c.usage) })) };
}

export function nodeUsageSet(items: RawNodeMetrics[]): NodeUsageSet {
  const nodes: NodeUsageSet['nodes'] = {};
  for (const n of items) if (n.metadata?.name) nodes[n.metadata.name] = usageOf(n.usage);
  return { ...when(items), nodes };
}
