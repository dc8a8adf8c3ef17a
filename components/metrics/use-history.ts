'use client';

import { useState } from 'react';

/** The last `keep` samples of a value, one per distinct sample time; kept in the page only (no storage backend). */
export function useHistory<T>(at: string | undefined, value: T | undefined, keep = 40): { at: string; value: T }[] {
  const [history, setHistory] = useState<{ at: string; value: T }[]>([]);
  // A new sample is derived state: recorded during render (React's pattern for it), not in an effect.
  if (at && value !== undefined && history[history.length - 1]?.at !== at) {
    setHistory([...history, { at, value }].slice(-keep));
  }
  return history;
}
