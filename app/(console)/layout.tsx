import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { ConsoleShell } from '@/components/layout/console-shell';
import { readSession } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const s = await readSession();
  if (s.state === 'expired') redirect('/login?reason=expired');
  if (s.state !== 'active') redirect('/login');
  return <ConsoleShell session={s.session}>{children}</ConsoleShell>;
}
