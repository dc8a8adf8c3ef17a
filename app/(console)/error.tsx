'use client';

import { PageMessage } from '@/components/layout/page-message';

// A page of the console failed while rendering: a message inside the shell and a retry, never a stack trace (the
// digest lets an operator find the server's log line).
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <PageMessage
      title="This page failed to load"
      action={<button type="button" onClick={reset} className="rounded bg-sky-700 px-3 py-1.5 text-white hover:bg-sky-800">Try again</button>}
    >
      <p>Something went wrong on the console&apos;s side. Try again; if it keeps failing, the server log has the details{error.digest ? ` (reference ${error.digest})` : ''}.</p>
    </PageMessage>
  );
}
