import { redirect } from 'next/navigation';
import { LoginForm } from '@/components/layout/login-form';
import { readSession } from '@/lib/auth/session';
import { sessionRejection } from '@/lib/auth/session-check';
import { safeNext } from '@/lib/security/redirect';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sign in' };

const NOTICES: Record<string, string> = {
  expired: 'Your session expired. Sign in again with a valid token.',
  'signed-out': 'You are signed out.',
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ reason?: string; next?: string }> }) {
  const s = await readSession();
  const { reason, next } = await searchParams;
  const target = safeNext(next);
  // A session whose token the cluster no longer accepts (revoked, expired early) stays here with the reason,
  // instead of bouncing between this page and the console.
  const rejected = s.state === 'active' ? await sessionRejection(s.session.bearer) : undefined;
  if (s.state === 'active' && !rejected) redirect(target);
  const notice = rejected ?? (s.state === 'expired' ? NOTICES.expired : NOTICES[reason ?? '']);
  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 p-6 dark:bg-zinc-900">
      <div className="w-full max-w-lg rounded-lg border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-950">
        <h1 className="text-xl font-semibold">Wheelhouse</h1>
        <p className="mt-1 text-zinc-600 dark:text-zinc-400">
          Sign in with a ServiceAccount bearer token. The cluster&apos;s RBAC decides what you can see and do.
        </p>
        <LoginForm notice={notice} next={target} />
        <p className="mt-6 text-xs text-zinc-500">
          Create one with <code className="font-mono">kubectl -n kube-system create token admin-user</code>. The token stays on the
          server, in an encrypted HttpOnly cookie.
        </p>
      </div>
    </main>
  );
}
