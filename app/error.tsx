'use client';

import { PageMessage } from '@/components/layout/page-message';

// A failure outside the console shell (the sign-in page): the same message, no stack trace.
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 p-6 dark:bg-zinc-900">
      <PageMessage
        title="This page failed to load"
        action={<button type="button" onClick={reset} className="rounded bg-sky-700 px-3 py-1.5 text-white hover:bg-sky-800">Try again</button>}
      >
        <p>Something went wrong on the console&apos;s side{error.digest ? ` (reference ${error.digest})` : ''}. Try again.</p>
      </PageMessage>
    </main>
  );
}
