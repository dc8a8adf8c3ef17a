import { StatusBadge } from '@/components/ui/status-badge';
import type { Outcome } from '@/lib/k8s/apply/types';
import type { Health } from '@/lib/k8s/rows/types';

const BADGE: Record<Outcome, { health: Health; text: string }> = {
  create: { health: 'progress', text: 'would create' },
  change: { health: 'warning', text: 'would change' },
  unchanged: { health: 'neutral', text: 'unchanged' },
  created: { health: 'ok', text: 'created' },
  configured: { health: 'ok', text: 'configured' },
  deleted: { health: 'ok', text: 'deleted' },
  notfound: { health: 'neutral', text: 'not found' },
  error: { health: 'error', text: 'error' },
};

export function OutcomeBadge({ outcome }: { outcome: Outcome }) {
  const b = BADGE[outcome];
  return <StatusBadge health={b.health}>{b.text}</StatusBadge>;
}
