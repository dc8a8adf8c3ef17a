// A unified diff, coloured by line: additions green, removals red, hunk headers muted.

function lineStyle(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return 'text-zinc-500 dark:text-zinc-400';
  if (line.startsWith('@@')) return 'text-sky-700 dark:text-sky-300';
  if (line.startsWith('+')) return 'bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200';
  if (line.startsWith('-')) return 'bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-200';
  return '';
}

export function DiffView({ diff, label }: { diff: string; label: string }) {
  const lines = diff.replace(/\n$/, '').split('\n');
  return (
    <pre aria-label={label} data-testid="diff" className="overflow-x-auto rounded border border-zinc-200 bg-zinc-50 py-1 font-mono text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-900">
      {lines.map((line, i) => (
        <div key={i} className={`px-2 ${lineStyle(line)}`}>
          {line || ' '}
        </div>
      ))}
    </pre>
  );
}
