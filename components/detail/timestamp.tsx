import { formatAge } from '@/lib/format';

// Absolute times the way people read them ("2026-11-22 17:34:14 UTC"), with kubectl's age alongside.

const ISO = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;

export function formatTimestamp(iso: string): string {
  return iso.replace('T', ' ').replace(/(?:\.\d+)?Z$/, ' UTC');
}

/** Rewrites every ISO timestamp inside a text ("since 2026-…Z") the same way. */
export function withReadableTimes(text: string): string {
  return text.replace(ISO, formatTimestamp);
}

export function isTimestamp(text: string): boolean {
  return new RegExp(`^${ISO.source}$`).test(text);
}

export function Timestamp({ iso, now }: { iso: string; now: number }) {
  return (
    <time dateTime={iso} title={iso}>
      {formatTimestamp(iso)} <span className="text-zinc-500">({formatAge(iso, now)} ago)</span>
    </time>
  );
}
