import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface Listener {
  pid: number;
  address: string;
  port: number;
}

/** Decodes /proc/net/tcp's little-endian hex IPv4 address. */
const ipv4 = (hex: string) => [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');

/** TCP sockets in LISTEN state owned by `pids`, read from /proc (what `ss -ltnp` shows, without needing ss). */
export function listenersOf(pids: number[]): Listener[] {
  const inodeToPid = new Map<string, number>();
  for (const pid of pids) {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m) inodeToPid.set(m[1], pid);
      } catch { /* fd closed meanwhile */ }
    }
  }
  const out: Listener[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      const [addr, port] = f[1].split(':');
      if (f[3] !== '0A' || !inodeToPid.has(f[9])) continue; // 0A = LISTEN
      out.push({ pid: inodeToPid.get(f[9])!, address: table.endsWith('6') ? `[${addr}]` : ipv4(addr), port: parseInt(port, 16) });
    }
  }
  return out;
}
