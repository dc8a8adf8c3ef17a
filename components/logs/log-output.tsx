'use client';

import { useEffect, useMemo, useRef, type ReactNode } from 'react';

// The log text: `[pod/container] ` prefixes set apart, search matches highlighted (or the only lines shown), and
// kept scrolled to the end while following unless the reader scrolled up.

interface Props { lines: string[]; search: string; onlyMatches: boolean; follow: boolean }

const PREFIX = /^(\[[^\]\s]+\] )/;

function highlight(text: string, needle: string): ReactNode {
  if (!needle) return text;
  const out: ReactNode[] = [];
  const lower = text.toLowerCase();
  let at = 0;
  for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, at)) {
    out.push(text.slice(at, i), <mark key={i} className="rounded-sm bg-amber-300 text-zinc-950 dark:bg-amber-500">{text.slice(i, i + needle.length)}</mark>);
    at = i + needle.length;
  }
  out.push(text.slice(at));
  return out;
}

export function matchingLines(lines: string[], search: string): number {
  const needle = search.toLowerCase();
  return needle ? lines.filter((l) => l.toLowerCase().includes(needle)).length : lines.length;
}

export function LogOutput({ lines, search, onlyMatches, follow }: Props) {
  const ref = useRef<HTMLPreElement>(null);
  const atEnd = useRef(true);
  const needle = search.toLowerCase();
  const shown = useMemo(() => (needle && onlyMatches ? lines.filter((l) => l.toLowerCase().includes(needle)) : lines), [lines, needle, onlyMatches]);

  useEffect(() => {
    const el = ref.current;
    if (el && follow && atEnd.current) el.scrollTop = el.scrollHeight;
  }, [shown, follow]);

  return (
    <pre
      ref={ref}
      role="log"
      aria-label="Log output"
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
      className="h-[calc(100vh-15rem)] min-h-64 overflow-auto rounded border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-950"
    >
      {shown.map((line, i) => {
        const m = PREFIX.exec(line);
        const body = m ? line.slice(m[1].length) : line;
        return (
          <div key={i} data-line className="whitespace-pre-wrap break-all">
            {m && <span className="text-sky-700 dark:text-sky-400">{m[1]}</span>}
            {highlight(body, needle)}
          </div>
        );
      })}
      {shown.length === 0 && <span className="text-zinc-500">{needle && onlyMatches ? 'No line matches the search.' : 'No log lines.'}</span>}
    </pre>
  );
}
