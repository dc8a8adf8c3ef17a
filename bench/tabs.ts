import { execFileSync } from 'node:child_process';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { signedInContext } from './browser';
import { median, percentile } from './measure';
import { PROBE } from './seed';

// 8. Ten tabs of one browser: how many connections the browser holds to the console while ten live pages are open,
// and how long a sidebar navigation takes in one tab with ten tabs open against one tab open (same run).

const TABS = (ns: string) => [
  `/deployments`, `/services`, `/replicasets`, `/events`, `/nodes`, `/namespaces`, `/`, `/pods?ns=${ns}`,
  `/deployments/${ns}/${PROBE.name}`,
];
// Events are left out: a quiet cluster may have none, and the navigation would wait for a row forever.
const SIDEBAR = ['Deployments', 'Services', 'Pods', 'ReplicaSets', 'Nodes', 'Namespaces', 'Overview'];

// Runs in the page (passed as text: see browser.ts). Clicks a sidebar link and resolves with the milliseconds until
// the new page's heading and its first row are on screen; after 60 s it fails with what the page shows instead, so a
// stalled navigation names itself rather than hanging the run.
const NAVIGATE = (label: string) => `new Promise((resolve, reject) => {
  const table = ${JSON.stringify(label === 'Overview' ? 'Nodes' : label)};
  const link = [...document.querySelectorAll('nav[aria-label="Resources"] a')].find((a) => a.textContent.trim() === ${JSON.stringify(label)});
  const t0 = performance.now();
  const done = () => {
    const h1 = document.querySelector('h1');
    if (!h1 || h1.textContent.trim() !== ${JSON.stringify(label)}) return;
    if (!document.querySelector('table[aria-label="' + table + '"] tr[data-row-name]')) return;
    observer.disconnect();
    clearTimeout(timer);
    resolve(performance.now() - t0);
  };
  const timer = setTimeout(() => {
    observer.disconnect();
    const tables = [...document.querySelectorAll('table[aria-label]')].map((t) => t.getAttribute('aria-label') + ':' + t.querySelectorAll('tr[data-row-name]').length);
    const live = [...document.querySelectorAll('[data-testid="live-indicator"]')].map((e) => e.getAttribute('data-synced') + '|' + e.textContent);
    reject(new Error('navigation to ' + ${JSON.stringify(label)} + ' did not complete in 60 s: at ' + location.pathname + location.search
      + ', h1 "' + (document.querySelector('h1')?.textContent ?? '') + '", tables ' + tables.join(',') + ', live ' + live.join(',')));
  }, 60_000);
  const observer = new MutationObserver(done);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  link.click();
})`;

/** In-flight GET /api/live streams across the watched tabs, from Chromium's network events. */
class StreamCount {
  private readonly open = new Set<string>();
  peak = 0;
  async watch(page: Page): Promise<CDPSession> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (e) => {
      const u = new URL(e.request.url);
      if (e.request.method !== 'GET' || u.pathname !== '/api/live' || u.search) return;
      this.open.add(e.requestId);
      this.peak = Math.max(this.peak, this.open.size);
    });
    cdp.on('Network.loadingFinished', (e) => this.open.delete(e.requestId));
    cdp.on('Network.loadingFailed', (e) => this.open.delete(e.requestId));
    return cdp;
  }
}

/**
 * Established TCP connections to the console's port from the browser: every one but this process's own (its fetches
 * to the console leave idle keep-alive sockets open; the runs up to 2026-11-30 counted those too and showed 11).
 */
function tcpConnections(port: number): number {
  const out = execFileSync('ss', ['-Htnp', 'state', 'established', `( dport = :${port} )`], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.trim() && !l.includes(`pid=${process.pid},`)).length;
}

async function navigations(page: Page, rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) times.push((await page.evaluate(NAVIGATE(SIDEBAR[i % SIDEBAR.length]))) as number);
  return times;
}

export interface TabsResult { tcpPeak: number; streamsPeak: number; oneTab: number[]; tenTabs: number[]; ratio: number; p95One: number; p95Ten: number }

export async function measureTabs(browser: Browser, url: string, cookie: string, rounds: number, log: (s: string) => void): Promise<TabsResult> {
  const ctx = await signedInContext(browser, url, cookie);
  const streams = new StreamCount();
  const port = Number(new URL(url).port);
  let tcpPeak = 0;
  const sampler = setInterval(() => (tcpPeak = Math.max(tcpPeak, tcpConnections(port))), 200);
  try {
    const first = await ctx.newPage();
    await streams.watch(first);
    await first.goto(`${url}/pods?ns=${PROBE.namespace}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
    await first.waitForSelector('table[aria-label="Pods"] tr[data-row-name]', { timeout: 120_000 });
    await navigations(first, SIDEBAR.length); // warm-up: every page compiled and cached once
    const oneTab = await navigations(first, rounds);
    log(`  1 tab: median ${Math.round(median(oneTab))} ms`);
    for (const path of TABS(PROBE.namespace)) {
      const p = await ctx.newPage();
      await streams.watch(p);
      // Not 'load': a busy machine can take longer than the default 30 s for every subresource of ten tabs.
      await p.goto(`${url}${path}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
      await p.waitForSelector('h1', { timeout: 120_000 });
    }
    const tenTabs = await navigations(first, rounds);
    log(`  10 tabs: median ${Math.round(median(tenTabs))} ms; live streams open at most ${streams.peak}, TCP connections at most ${tcpPeak}`);
    return {
      tcpPeak, streamsPeak: streams.peak, oneTab, tenTabs, ratio: median(tenTabs) / median(oneTab),
      p95One: percentile(oneTab, 95), p95Ten: percentile(tenTabs, 95),
    };
  } finally {
    clearInterval(sampler);
    await ctx.close();
  }
}
