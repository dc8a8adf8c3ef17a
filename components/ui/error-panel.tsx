import type { ApiErrorBody } from '@/lib/k8s/errors';

const TITLES: Record<string, string> = {
  Forbidden: 'Not allowed',
  NotFound: 'Not found',
  Unauthorized: 'Not signed in',
  SessionExpired: 'Session expired',
  Conflict: 'Conflict',
  Invalid: 'Invalid',
  BadRequest: 'Bad request',
  ClusterUnreachable: 'Cluster unreachable',
  ConsoleUnreachable: 'Console unreachable',
};

/** The one way an API error is shown: its reason, what was attempted, the server's message and causes. */
export function ErrorPanel({ error, action }: { error: ApiErrorBody; action?: string }) {
  const title = TITLES[error.reason] ?? error.reason;
  return (
    <div role="alert" data-reason={error.reason} className="rounded border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950/60 dark:text-red-200">
      <p className="font-medium">
        {title}
        {action ? `: ${action}` : ''} <span className="font-normal text-red-700 dark:text-red-300">({error.status} {error.reason})</span>
      </p>
      <p className="mt-1 break-words">{error.message}</p>
      {error.causes?.length ? (
        <ul className="mt-2 list-disc pl-5">
          {error.causes.map((c, i) => (
            <li key={i}>{c.field ? <code className="font-mono">{c.field}</code> : null} {c.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
