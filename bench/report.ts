import { cpus, release, totalmem } from 'node:os';
import path from 'node:path';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readClusterState } from '../cluster/state';
import type { BenchSize } from './seed';

// The results table (printed, written to bench/results/<size>-<date>.json, and optionally into bench/README.md).

export interface Line { metric: string; value: string; goal?: string; ratio?: string; pass?: boolean }

export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    cluster: path.basename(readClusterState().binDir),
    date: new Date().toISOString(),
  };
}

const fmtMs = (ms: number) => `${Math.round(ms).toLocaleString('en-US')} ms`;
export const ms = fmtMs;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

export function table(lines: Line[]): string {
  const rows = lines.map((l) => [l.metric, l.value, l.goal ?? '', l.ratio ?? '', l.pass === undefined ? '' : l.pass ? 'met' : 'MISSED']);
  const head = ['measurement', 'result', 'goal', 'ratio', ''];
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => c.padEnd(width[i])).join('  ').trimEnd();
  return [fmt(head), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

export function markdown(lines: Line[], size: BenchSize, m: ReturnType<typeof machine>): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `Measured ${m.date.slice(0, 10)} on ${m.cpu} (${m.cores} cores), ${m.memoryGiB} GiB RAM, Linux ${m.kernel}, Node ${m.node}; ` +
      `cluster ${m.cluster}; ${size.pods.toLocaleString('en-US')} pods in ${size.namespaces} namespaces on ${size.nodes} kwok nodes, ` +
      `${size.deployments.toLocaleString('en-US')} Deployments, ${size.services.toLocaleString('en-US')} Services.`,
    '',
    '| measurement | result | goal | ratio | |',
    '| --- | --- | --- | --- | --- |',
    ...lines.map((l) => `| ${esc(l.metric)} | ${esc(l.value)} | ${esc(l.goal ?? '')} | ${l.ratio ?? ''} | ${l.pass === undefined ? '' : l.pass ? 'met' : '**missed**'} |`),
  ].join('\n');
}

/** Every run is kept under bench/results/, named by what it measured and the day, so each quoted figure is traceable. */
export function resultsFile(dir: string, name: string): string {
  mkdirSync(path.join(dir, 'results'), { recursive: true });
  return path.join(dir, 'results', `${name}-${new Date().toISOString().slice(0, 10)}.json`);
}

export function writeResults(dir: string, name: string, data: object): string {
  const file = resultsFile(dir, name);
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}

/** Replaces the block between the bench markers in bench/README.md. */
export function updateReadme(dir: string, md: string): void {
  const file = path.join(dir, 'README.md');
  const text = readFileSync(file, 'utf8');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${file} has no ${start} … ${end} block`);
  writeFileSync(file, `${text.slice(0, a + start.length)}\n${md}\n${text.slice(b)}`);
}
