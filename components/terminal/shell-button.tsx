'use client';

import { useRouter } from 'next/navigation';
import { GuardedButton } from '@/components/actions/guarded-button';
import { useExecPermission } from './exec-permission';

// "Shell" on a pod's page: enabled only when the cluster would allow `create pods/exec` on it, saying why not.

export function ShellButton({ namespace, name }: { namespace: string; name: string }) {
  const router = useRouter();
  const permission = useExecPermission(namespace, name);
  return (
    <GuardedButton permission={permission} data-testid="shell-button" onClick={() => router.push(`/pods/${namespace}/${encodeURIComponent(name)}/shell`)}>
      Shell
    </GuardedButton>
  );
}
