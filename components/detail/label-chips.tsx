/** Labels as kubectl prints them (key=value), one chip each; `<none>` when there are none. */
export function LabelChips({ labels, label }: { labels: Record<string, string>; label: string }) {
  const entries = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  if (!entries.length) return <span className="text-zinc-500">&lt;none&gt;</span>;
  return (
    <ul aria-label={label} className="flex flex-wrap gap-1">
      {entries.map(([k, v]) => (
        <li key={k} data-label={k} className="max-w-full rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs break-all text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200">
          {k}={v}
        </li>
      ))}
    </ul>
  );
}
