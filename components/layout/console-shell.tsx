import type { ReactNode } from 'react';
import { ClusterBanner } from '@/components/layout/cluster-banner';
import { Sidebar } from '@/components/layout/sidebar';
import { Topbar } from '@/components/layout/topbar';
import type { UserSession } from '@/lib/auth/session';
import { csrfToken } from '@/lib/security/csrf';

/** The console's frame (sidebar, top bar, banner) around a page; used by the (console) layout and the 404 page. */
export function ConsoleShell({ session, children }: { session: UserSession; children: ReactNode }) {
  return (
    <div className="flex min-h-screen">
      {/* fetchJson sends it as X-CSRF-Token on every state-changing request (lib/security/csrf.ts). */}
      <meta name="csrf-token" content={csrfToken(session.sid)} />
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <Topbar username={session.username} expiresAt={session.expiresAt} />
        <ClusterBanner />
        <main className="min-w-0 flex-1 p-4">{children}</main>
      </div>
    </div>
  );
}
