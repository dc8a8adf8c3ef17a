'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

export function LoginForm({ notice, next }: { notice?: string; next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const field = e.currentTarget.elements.namedItem('token') as HTMLTextAreaElement;
    const token = field.value.trim();
    if (!token) {
      setError('Paste a ServiceAccount token to sign in.');
      return;
    }
    setBusy(true);
    setError(undefined);
    const res = await signIn('token', { token, redirect: false });
    field.value = '';
    setBusy(false);
    if (res?.ok && !res.error) {
      router.replace(next);
      router.refresh();
    } else {
      setError(res?.error && res.error !== 'CredentialsSignin' ? res.error : 'Sign-in failed.');
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      {notice && !error && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
          {notice}
        </p>
      )}
      <label className="block">
        <span className="mb-1 block font-medium">Bearer token</span>
        <textarea
          name="token"
          rows={5}
          autoComplete="off"
          spellCheck={false}
          className="w-full rounded border border-zinc-300 bg-white p-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
          placeholder="eyJhbGciOiJSUzI1NiIs…"
        />
      </label>
      {error && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={busy}
        className="w-full rounded bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800 disabled:opacity-60"
      >
        {busy ? 'Checking the token…' : 'Sign in'}
      </button>
    </form>
  );
}
