// Display formatting shared by server row mappers and client tables (no runtime dependencies).

/** kubectl's age: 45s, 12m, 3h4m, 5d, 2y… from an ISO timestamp. */
export function formatAge(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '<unknown>';
  const seconds = Math.max(0, Math.floor((now - Date.parse(iso)) / 1000));
  if (Number.isNaN(seconds)) return '<unknown>';
  const m = Math.floor(seconds / 60);
  const h = Math.floor(m / 60);
  const d = Math.floor(h / 24);
  if (seconds < 120) return `${seconds}s`;
  if (m < 10) return `${m}m${seconds % 60 ? `${seconds % 60}s` : ''}`;
  if (h < 3) return `${m}m`;
  if (h < 8) return `${h}h${m % 60 ? `${m % 60}m` : ''}`;
  if (h < 48) return `${h}h`;
  if (d < 8) return `${d}d${h % 24 ? `${h % 24}h` : ''}`;
  if (d < 365 * 2) return `${d}d`;
  return `${Math.floor(d / 365)}y${d % 365 ? `${d % 365}d` : ''}`;
}

export interface SelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** A label selector as kubectl prints it: `app=nginx,tier in (a,b)`; `<none>` when empty. */
export function formatSelector(sel: SelectorLike | Record<string, string> | undefined): string {
  if (!sel) return '<none>';
  const isStructured = 'matchLabels' in sel || 'matchExpressions' in sel;
  const labels = (isStructured ? (sel as SelectorLike).matchLabels : (sel as Record<string, string>)) ?? {};
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  for (const e of (isStructured ? (sel as SelectorLike).matchExpressions : undefined) ?? []) {
    const op = e.operator.toLowerCase();
    if (op === 'exists') parts.push(e.key);
    else if (op === 'doesnotexist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${op} (${(e.values ?? []).join(',')})`);
  }
  return parts.length ? parts.join(',') : '<none>';
}
