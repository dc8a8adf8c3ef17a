'use client';

import { signOut } from 'next-auth/react';
import { NamespacePicker } from './namespace-picker';
import { SessionTimer } from './session-timer';

export function Topbar({ username, expiresAt }: { username: string; expiresAt: number }) {
  return (
    <header className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
      <NamespacePicker />
      <div className="ml-auto flex items-center gap-3">
        <SessionTimer expiresAt={expiresAt} />
        <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400" data-testid="username" title="Signed in as">
          {username}
        </span>
        <button
          type="button"
          onClick={() => signOut({ callbackUrl: '/login?reason=signed-out' })}
          className="rounded border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
