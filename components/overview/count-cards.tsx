'use client';

import type { KindName } from '@/lib/k8s/resources';
import { CountCard } from './count-card';

// The namespace count only means something cluster-wide, so it is left out while one namespace is selected.
export function CountCards({ namespace }: { namespace?: string }) {
  const kinds: KindName[] = ['pods', 'deployments', 'replicasets', 'services', ...(namespace ? [] : (['namespaces'] as KindName[])), 'nodes'];
  return (
    <section aria-labelledby="counts-title" className="space-y-1.5">
      <h2 id="counts-title" className="sr-only">Object counts</h2>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {kinds.map((k) => <CountCard key={k} kind={k} namespace={namespace} />)}
      </div>
    </section>
  );
}
