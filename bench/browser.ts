import { chromium, type Browser, type BrowserContext, type CDPSession } from '@playwright/test';

// Measurements in headless Chromium (Debian's, never downloaded): navigation to first rows, bytes on the wire,
// and change-to-visible for the probe Deployment's pods.

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function signedInContext(browser: Browser, url: string, cookie: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const host = new URL(url).hostname;
  await ctx.addCookies(cookie.split('; ').map((kv) => {
    const i = kv.indexOf('=');
    return { name: kv.slice(0, i), value: kv.slice(i + 1), domain: host, path: '/', httpOnly: true, sameSite: 'Strict' as const };
  }));
  return ctx;
}

// Code that runs in the page is passed as text: tsx (esbuild, keepNames) would wrap named functions in a
// `__name` helper that does not exist in the page.

/** Marks (performance.now(), i.e. ms since navigation start) when the first row shows, the stream is open, and the
 * full listing has arrived. */
const MARK_ROWS = `(() => {
  const mark = () => {
    if (!window.__firstRows && document.querySelector('tr[data-row-name]')) window.__firstRows = performance.now();
    if (!window.__live && document.querySelector('[data-testid="live-indicator"][data-live="live"]')) window.__live = performance.now();
    if (!window.__synced && document.querySelector('[data-testid="live-indicator"][data-synced="true"]')) window.__synced = performance.now();
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true });
})()`;

/** Resolves with Date.now() in the page when at least N probe rows are in the table. */
const WHEN_PROBE_ROWS = (n: number) => `new Promise((resolve) => {
  const check = () => {
    if (document.querySelectorAll('tr[data-row-name^="probe-"]').length >= ${n}) {
      observer.disconnect();
      resolve(Date.now());
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  check();
})`;

// waitForFunction predicates must be functions (a string would need eval, which the console's CSP forbids) with no
// named inner functions.
const synced = () => !!(window as unknown as { __synced?: number }).__synced;

const PROBE_ROWS = `document.querySelectorAll('tr[data-row-name^="probe-"]').length`;

export interface Navigation {
  firstRowsMs: number; liveMs: number; syncedMs: number; wireBytes: number; textBytes: number;
  /** The tab's JS heap in use once every row is loaded, as the page left it and after a forced GC. */
  heapBytes: number; heapAfterGcBytes: number;
}

/** The page's JS heap in use (CDP Performance.getMetrics JSHeapUsedSize). */
async function jsHeapUsed(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

/** 4 + 6 + 10. Opens an all-namespaces list (`/pods` unless told); counts the stream's bytes as Chromium received
 * them, and reads the tab's JS heap once all rows are loaded. */
export async function navigate(ctx: BrowserContext, url: string, listPath = '/pods'): Promise<Navigation> {
  const page = await ctx.newPage();
  await page.addInitScript(MARK_ROWS);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Network.enable');
  let streamId = '';
  let wireBytes = 0;
  let textBytes = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    // The page's one live connection (it also carries the namespace picker's list, a few hundred bytes).
    if (e.request.method === 'GET' && new URL(e.request.url).pathname === '/api/live' && !streamId) streamId = e.requestId;
  });
  cdp.on('Network.dataReceived', (e) => {
    if (e.requestId !== streamId) return;
    wireBytes += e.encodedDataLength;
    textBytes += e.dataLength;
  });
  await cdp.send('Performance.enable');
  await page.goto(`${url}${listPath}`);
  await page.waitForFunction(synced, null, { timeout: 300_000, polling: 100 });
  const marks = (await page.evaluate('({ first: window.__firstRows ?? 0, live: window.__live ?? 0, synced: window.__synced ?? 0 })')) as Record<string, number>;
  const heapBytes = await jsHeapUsed(cdp);
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfterGcBytes = await jsHeapUsed(cdp);
  await page.close();
  return { firstRowsMs: marks.first, liveMs: marks.live, syncedMs: marks.synced, wireBytes, textBytes, heapBytes, heapAfterGcBytes };
}

/** 5. Scales the probe from 3 to 6 with kubectl; the time from kubectl's return until the new rows are in the table. */
export async function changeToVisible(
  ctx: BrowserContext, url: string, trials: number, scale: (replicas: number) => Promise<void>, log: (s: string) => void,
): Promise<{ fromReturn: number[]; fromStart: number[] }> {
  const page = await ctx.newPage();
  await page.addInitScript(MARK_ROWS);
  await page.goto(`${url}/pods`);
  await page.waitForFunction(synced, null, { timeout: 300_000, polling: 100 });
  const fromReturn: number[] = [];
  const fromStart: number[] = [];
  for (let i = 0; i < trials; i++) {
    await page.waitForFunction(() => document.querySelectorAll('tr[data-row-name^="probe-"]').length === 3, null, { timeout: 60_000, polling: 50 });
    const seen = page.evaluate(WHEN_PROBE_ROWS(6)) as Promise<number>;
    const start = Date.now();
    await scale(6);
    const returned = Date.now();
    const at = await seen;
    fromReturn.push(at - returned);
    fromStart.push(at - start);
    await scale(3);
    if ((i + 1) % 5 === 0) log(`  trial ${i + 1}/${trials}: ${at - returned} ms (rows now ${await page.evaluate(PROBE_ROWS)})`);
  }
  await page.close();
  return { fromReturn, fromStart };
}
