import { redirect } from 'next/navigation';
import { ActivityTable } from '@/components/activity/activity-table';
import { RefreshButton } from '@/components/activity/refresh-button';
import { ACTIVITY_LIMITS, recentActions } from '@/lib/audit/ring';
import { readSession } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Activity' };

// This session's own state-changing requests, as the audit trail recorded them — read from this replica's memory
// (lib/audit/ring.ts), so the list is per replica and forgotten on restart; the trail itself is the log.
export default async function ActivityPage() {
  const s = await readSession();
  if (s.state !== 'active') redirect('/login');
  const records = recentActions(s.session.sid);
  return (
    <section aria-labelledby="activity-title" className="space-y-3">
      <div className="flex items-center gap-3">
        <h1 id="activity-title" className="text-lg font-semibold">Activity</h1>
        <RefreshButton />
      </div>
      <p className="text-zinc-600 dark:text-zinc-400">
        Your actions in this session: what this console replica did for you, newest first (at most{' '}
        {ACTIVITY_LIMITS.perSession}, forgotten when you sign out or the replica restarts). Every action is also
        written to the console&apos;s audit log.
      </p>
      <ActivityTable records={records} />
    </section>
  );
}
