'use client';

import { usePermission, type Permission } from '@/components/actions/use-permission';

/** May the signed-in user open a shell in this pod? (`create pods/exec`, as the server's upgrade asks again.) */
export function useExecPermission(namespace: string, pod: string): Permission {
  return usePermission({ verb: 'create', group: '', resource: 'pods', subresource: 'exec', namespace, name: pod });
}
