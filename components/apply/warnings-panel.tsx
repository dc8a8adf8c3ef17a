// The API server's Warning headers (deprecated APIs, PodSecurity): shown, never swallowed.

export function WarningsPanel({ warnings }: { warnings: string[] }) {
  if (!warnings.length) return null;
  return (
    <div role="status" aria-label="Warnings from the API server" className="rounded border border-amber-300 bg-amber-50 p-3 text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">
      <p className="font-medium">Warnings from the API server</p>
      <ul className="mt-1 list-disc pl-5">
        {warnings.map((w) => (
          <li key={w} className="break-words">{w}</li>
        ))}
      </ul>
    </div>
  );
}
