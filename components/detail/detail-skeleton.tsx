/** Placeholder blocks while the first answer is on its way. */
export function DetailSkeleton() {
  const bar = 'h-3 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800';
  return (
    <div aria-busy="true" aria-label="Loading" className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        {[0, 1].map((col) => (
          <div key={col} className="space-y-2">
            <div className={`${bar} w-24`} />
            {Array.from({ length: 6 }, (_, i) => <div key={i} className={bar} style={{ width: `${60 + ((i * 13) % 35)}%` }} />)}
          </div>
        ))}
      </div>
      {[0, 1].map((t) => (
        <div key={t} className="space-y-2">
          <div className={`${bar} w-28`} />
          {Array.from({ length: 3 }, (_, i) => <div key={i} className={`${bar} h-5`} />)}
        </div>
      ))}
    </div>
  );
}
