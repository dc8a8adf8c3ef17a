import 'server-only';
import { forgetSession } from '@/lib/audit/ring';
import { cancelDrains } from '@/lib/k8s/drain';
import { endSessionStreams } from '@/lib/k8s/watch/session-streams';

/** Sign-out on this replica: forget the session's activity, end its live streams and stop its drains. */
export function endSessionLocally(sid: string): void {
  forgetSession(sid);
  endSessionStreams(sid);
  cancelDrains(sid);
}
