import type { ApiErrorBody } from '@/lib/k8s/errors';
import { unavailableText } from './use-usage';

/** One muted line where usage would be; the rest of the page is unaffected. */
export function MetricsNote({ error }: { error?: ApiErrorBody }) {
  if (!error) return null;
  return (
    <p role="status" data-testid="metrics-note" className="text-xs text-amber-700 dark:text-amber-300">
      {unavailableText(error)}
    </p>
  );
}
