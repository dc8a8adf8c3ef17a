import { describe, expect, it } from 'vitest';
import { nodeUsageSet, podContainers, podUsageSet, topPods } from './compact';
import { formatCpu, formatMemory, percent } from './format';
import { podResources } from '@/lib/k8s/rows/pods';

const pm = (namespace: string, name: string, containers: [string, string][], timestamp = '2026-01-01T00:00:15Z') => ({
  metadata: { namespace, name }, timestamp, window: '15.2s',
  containers: containers.map(([cpu, memory], i) => ({ name: `c${i}`, usage: { cpu, memory } })),
});

describe('metrics compaction', () => {
  it('sums containers in nanocores and rounds once, as kubectl top does', () => {
    const set = podUsageSet([pm('a', 'p', [['1500000n', '1Mi'], ['1500000n', '2Mi']]), pm('b', 'q', [['0', '0']], '2026-01-01T00:00:30Z')]);
    expect(set.pods.a.p).toEqual([3, 3 * 2 ** 20]);
    expect(set.pods.b.q).toEqual([0, 0]);
    expect(set.at).toBe('2026-01-01T00:00:30Z');
    expect(set.window).toBe(15);
  });
  it('keeps the N busiest by CPU and by memory', () => {
    const items = Array.from({ length: 20 }, (_, i) => pm('ns', `p${i}`, [[`${i}m`, `${20 - i}Mi`]]));
    const t = topPods(items, 3);
    expect(t.count).toBe(20);
    expect(t.byCpu.map((p) => p.name)).toEqual(['p19', 'p18', 'p17']);
    expect(t.byMemory.map((p) => p.name)).toEqual(['p0', 'p1', 'p2']);
  });
  it('reads containers and nodes', () => {
    expect(podContainers(pm('a', 'p', [['250m', '10Mi']])).containers).toEqual([{ name: 'c0', usage: [250, 10 * 2 ** 20] }]);
    expect(nodeUsageSet([{ metadata: { name: 'n1' }, usage: { cpu: '1200m', memory: '2Gi' }, window: '15s' }]).nodes).toEqual({ n1: [1200, 2 ** 31] });
  });
});

describe('formatting and shares', () => {
  it('prints like kubectl top', () => {
    expect(formatCpu(124)).toBe('124m');
    expect(formatMemory(180 * 2 ** 20 + 5)).toBe('180Mi');
  });
  it('gives whole percentages, or nothing without a base', () => {
    expect(percent(600, 500)).toBe(120);
    expect(percent(1, 3)).toBe(33);
    expect(percent(5, 0)).toBeUndefined();
    expect(percent(5, undefined)).toBeUndefined();
  });
});

describe('pod requests and limits', () => {
  const pod = (containers: object[]) => ({ spec: { containers } }) as Parameters<typeof podResources>[0];
  it('sums requests, and leaves a limit unset when any container has none', () => {
    expect(podResources(pod([
      { name: 'a', resources: { requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '1', memory: '128Mi' } } },
      { name: 'b', resources: { requests: { cpu: '250m' } } },
    ]))).toEqual([500, 0, 64 * 2 ** 20, 0]);
    expect(podResources(pod([{ name: 'a' }]))).toBeUndefined();
  });
});
