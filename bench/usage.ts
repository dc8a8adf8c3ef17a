import http from 'node:http';
import { createGunzip } from 'node:zlib';
import type { PodUsageSet } from '../lib/k8s/metrics/types';
import { sleep } from './kube';

// 8. The usage columns' cost: the all-namespaces usage answer (GET /api/metrics/pods), which the pods page polls once
// per sampling window next to its live stream. metrics-server cannot page, so this is one answer for every pod.

export interface UsageFetch { ms: number; wireBytes: number; textBytes: number; pods: number }

export function fetchUsage(url: string, cookie: string): Promise<UsageFetch> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const r: UsageFetch = { ms: 0, wireBytes: 0, textBytes: 0, pods: 0 };
    http.get(`${url}/api/metrics/pods`, { headers: { Cookie: cookie, 'Accept-Encoding': 'gzip' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`usage answered ${res.statusCode}`));
      res.on('data', (c: Buffer) => (r.wireBytes += c.length));
      const body = res.headers['content-encoding'] === 'gzip' ? res.pipe(createGunzip()) : res;
      const chunks: Buffer[] = [];
      body.on('data', (c: Buffer) => chunks.push(c));
      body.on('end', () => {
        const text = Buffer.concat(chunks);
        r.textBytes = text.length;
        r.ms = performance.now() - t0;
        const set = JSON.parse(text.toString('utf8')) as PodUsageSet;
        r.pods = Object.values(set.pods).reduce((a, ns) => a + Object.keys(ns).length, 0);
        resolve(r);
      });
      body.on('error', reject);
    }).on('error', reject);
  });
}

/** Waits (bounded) until metrics-server has samples for at least `share` of `pods`; returns the last answer. */
export async function waitForUsage(url: string, cookie: string, pods: number, share = 0.9, timeoutMs = 180_000): Promise<UsageFetch> {
  const deadline = Date.now() + timeoutMs;
  let last = await fetchUsage(url, cookie).catch(() => undefined);
  while ((!last || last.pods < share * pods) && Date.now() < deadline) {
    await sleep(5_000);
    last = await fetchUsage(url, cookie).catch(() => last);
  }
  if (!last) throw new Error('the usage endpoint never answered (is metrics-server up?)');
  return last;
}
