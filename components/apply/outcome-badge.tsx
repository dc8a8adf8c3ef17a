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

/** A conflict is an error that the user may choose to force: it gets its own word. */
export function OutcomeBadge({ outcome, conflict }: { outcome: Outcome; conflict?: boolean }) {
  const b = conflict ? { health: 'warning' as const, text: 'conflict' } : BADGE[outcome];
  return <StatusBadge health={b.health}>{b.text}</StatusBadge>;
}
