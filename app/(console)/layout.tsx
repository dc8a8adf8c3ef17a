import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { Sidebar } from '@/components/layout/sidebar';
import { Topbar } from '@/components/layout/topbar';
import { readSession } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const s = await readSession();
  if (s.state === 'expired') redirect('/login?reason=expired');
  if (s.state !== 'active') redirect('/login');
  return (
    <div className="flex min-h-screen">
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <Topbar username={s.session.username} expiresAt={s.session.expiresAt} />
        <main className="min-w-0 flex-1 p-4">{children}</main>
      </div>
    </div>
  );
}
