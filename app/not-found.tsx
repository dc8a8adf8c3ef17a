import { headers } from 'next/headers';
import Link from 'next/link';
import { ConsoleShell } from '@/components/layout/console-shell';
import { PageMessage } from '@/components/layout/page-message';
import { readSession } from '@/lib/auth/session';

export const metadata = { title: 'Not found' };

// Any URL no route matches. Rendered per request (reading the request makes it dynamic), so Next gives its scripts
// the CSP nonce from proxy.ts; a prerendered 404 would carry scripts the policy blocks. Signed in, it sits inside
// the console shell; signed out, it says where to sign in and tells nothing about what exists.
export default async function NotFound() {
  await headers();
  const s = await readSession();
  const message = (
    <PageMessage title="Page not found">
      <p>There is no page at this address. Pick a resource from the sidebar.</p>
    </PageMessage>
  );
  if (s.state === 'active') return <ConsoleShell session={s.session}>{message}</ConsoleShell>;
  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 p-6 dark:bg-zinc-900">
      <PageMessage title="Page not found">
        <p>There is no page at this address. <Link className="underline" href="/login">Sign in</Link> to use the console.</p>
      </PageMessage>
    </main>
  );
}
