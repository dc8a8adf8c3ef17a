import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ClusterBanner } from '@/components/layout/cluster-banner';
import { Sidebar } from '@/components/layout/sidebar';
import { Topbar } from '@/components/layout/topbar';
import { readSession } from '@/lib/auth/session';
import { csrfToken } from '@/lib/security/csrf';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const s = await readSession();
  if (s.state === 'expired') redirect('/login?reason=expired');
  if (s.state !== 'active') redirect('/login');
  return (
    <div className="flex min-h-screen">
      {/* fetchJson sends it as X-CSRF-Token on every state-changing request (lib/security/csrf.ts). */}
      <meta name="csrf-token" content={csrfToken(s.session.sid)} />
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <Topbar username={s.session.username} expiresAt={s.session.expiresAt} />
        <ClusterBanner />
        <main className="min-w-0 flex-1 p-4">{children}</main>
      </div>
    </div>
  );
}
