import type { ApiErrorBody } from '@/lib/k8s/errors';
import type { LiveStatus } from './live-store';

// Whether a list is being kept current: "live" (changes stream in), "connecting", "reconnecting" (rows shown may
// be stale), or "not live" (the stream ended for good; the error panel says why).

const LOOK: Record<LiveStatus, { label: string; dot: string }> = {
  idle: { label: 'not live', dot: 'bg-zinc-400' },
  connecting: { label: 'connecting', dot: 'bg-zinc-400 animate-pulse' },
  live: { label: 'live', dot: 'bg-emerald-500' },
  reconnecting: { label: 'reconnecting', dot: 'bg-amber-500 animate-pulse' },
  failed: { label: 'not live', dot: 'bg-red-500' },
};

export function LiveIndicator({ status, error, synced }: { status: LiveStatus; error?: ApiErrorBody; synced?: boolean }) {
  const look = LOOK[status];
  const why = status === 'reconnecting' && error ? `${error.reason}: ${error.message}` : undefined;
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="live-indicator"
      data-live={status}
      data-synced={synced ? 'true' : 'false'}
      title={why}
      className="inline-flex items-center gap-1.5 rounded-full border border-zinc-200 px-2 py-0.5 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-300"
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${look.dot}`} />
      {look.label}
    </span>
  );
}
