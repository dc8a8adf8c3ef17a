import 'server-only';
import { forgetSession } from '@/lib/audit/ring';
import { endSessionStreams } from '@/lib/k8s/watch/session-streams';

/** Sign-out on this replica: forget the session's activity and end its live streams. */
export function endSessionLocally(sid: string): void {
  forgetSession(sid);
  endSessionStreams(sid);
}
