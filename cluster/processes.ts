import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import type { ProbeTls } from './health';
import { paths } from './paths';

/** A component process that `up` started detached; its record in .cluster/processes.json is what `down` kills. */
export interface ProcessRecord {
  component: string;
  pid: number;
  binary: string;
  port: number;
  log: string;
  healthUrl: string;
  tls?: ProbeTls;
}

export function readProcessRecords(): ProcessRecord[] {
  if (!existsSync(paths.processesJson)) return [];
  return JSON.parse(readFileSync(paths.processesJson, 'utf8')) as ProcessRecord[];
}

function writeProcessRecords(records: ProcessRecord[]): void {
  writeFileSync(paths.processesJson, JSON.stringify(records, null, 2) + '\n');
}

/** True when `pid` is alive and still runs `binary` (guards against pid reuse after a reboot or crash). */
export function isRunning(pid: number, binary: string): boolean {
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return cmdline === binary && state !== 'Z';
  } catch {
    return false;
  }
}

/** Starts `binary` in its own session with output appended to `log`, records it, and lets it outlive this process. */
export function startDetached(spec: Omit<ProcessRecord, 'pid'>, args: string[], env?: Record<string, string>): ProcessRecord {
  const fd = openSync(spec.log, 'a');
  try {
    const child = spawn(spec.binary, args, { detached: true, stdio: ['ignore', fd, fd], cwd: paths.state, env: (env ?? process.env) as NodeJS.ProcessEnv });
    if (child.pid === undefined) throw new Error(`${spec.component}: failed to start ${spec.binary}`);
    child.unref();
    const record: ProcessRecord = { ...spec, pid: child.pid };
    writeProcessRecords([...readProcessRecords().filter((r) => r.component !== spec.component), record]);
    return record;
  } finally {
    closeSync(fd);
  }
}

const sleep = (ms: number): Promise<void> => delay(ms);

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    // Negative pid: the whole process group of the detached component, in case it forked helpers.
    process.kill(-pid, sig);
  } catch {
    try { process.kill(pid, sig); } catch { /* already gone */ }
  }
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone (throws if it survives SIGKILL). */
export async function stopProcess(record: ProcessRecord, graceMs = 10_000): Promise<void> {
  if (!isRunning(record.pid, record.binary)) return;
  signal(record.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!isRunning(record.pid, record.binary)) return;
    await sleep(50);
  }
  signal(record.pid, 'SIGKILL');
  for (let i = 0; i < 100; i++) {
    if (!isRunning(record.pid, record.binary)) return;
    await sleep(50);
  }
  throw new Error(`${record.component} (pid ${record.pid}) survived SIGKILL`);
}

/** Stops every recorded process, newest first (kwok before the apiserver before etcd). */
export async function stopAll(): Promise<void> {
  const records = readProcessRecords();
  for (const record of [...records].reverse()) await stopProcess(record);
  if (existsSync(paths.processesJson)) writeProcessRecords([]);
}

export function tailLog(file: string, lines = 40): string {
  if (!existsSync(file)) return '(no log)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
