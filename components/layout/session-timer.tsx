'use client';

import { useEffect, useState } from 'react';

const WARN_MS = 5 * 60_000;

/** Warns five minutes before the session ends, and sends the user to sign in again when it has. */
export function SessionTimer({ expiresAt }: { expiresAt: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(t);
  }, []);
  const left = expiresAt - now;
  useEffect(() => {
    if (left <= 0) window.location.assign(new URL('/login?reason=expired', window.location.href)); // a full load: no client state survives
  }, [left]);
  if (left > WARN_MS) return null;
  const m = Math.floor(Math.max(0, left) / 60_000);
  const s = Math.floor((Math.max(0, left) % 60_000) / 1000);
  return (
    <span role="status" className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">
      Session ends in {m}:{String(s).padStart(2, '0')} — sign in again with a fresh token
    </span>
  );
}
