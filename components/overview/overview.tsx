'use client';

import { useNamespace } from '@/components/layout/use-namespace';
import { TopPods } from '@/components/metrics/top-pods';
import { CountCards } from './count-cards';
import { NodesSummary } from './nodes-summary';
import { WarningEvents } from './warning-events';

/** The landing page: counts, the nodes, and what is going wrong. Every block loads and fails on its own. */
export function Overview() {
  const [namespace] = useNamespace();
  return (
    <div className="space-y-5">
      <div className="flex items-baseline gap-3">
        <h1 className="text-lg font-semibold">Overview</h1>
        <span className="text-zinc-500">{namespace ? `namespace ${namespace}` : 'all namespaces'}</span>
      </div>
      <CountCards namespace={namespace} />
      <NodesSummary />
      <TopPods namespace={namespace} />
      <WarningEvents namespace={namespace} />
    </div>
  );
}
