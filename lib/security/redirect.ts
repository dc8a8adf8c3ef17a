// Where to go after signing in: `next` is accepted only as a path on this console, checked after URL parsing.
// Browsers strip tabs and newlines from URLs and read `\` as `/`, so `/\t/evil.example` or `/\evil.example`
// would become `//evil.example` — another site. Anything doubtful goes to `/`.

const BASE = 'https://console.invalid';
const CONTROL_OR_BACKSLASH = /[\u0000-\u001f\u007f-\u009f\\]/;

export function safeNext(next: string | null | undefined): string {
  if (!next || next.length > 2048 || CONTROL_OR_BACKSLASH.test(next)) return '/';
  if (!next.startsWith('/') || next.startsWith('//')) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('/') && !path.startsWith('//') && !CONTROL_OR_BACKSLASH.test(decodeSafe(path)) ? path : '/';
}

/** Percent-decoded, or the input when it does not decode (a stray `%`). */
function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
