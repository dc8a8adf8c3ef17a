'use client';

import { useEffect, useState } from 'react';

/** The current time, ticking every few seconds, so ages stay right while the data does not change. */
export function useNow(everyMs = 5_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
