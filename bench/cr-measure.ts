import type { BrowserContext } from '@playwright/test';
import { launch, navigate, signedInContext } from './browser';
import { rssWithSessions, signIn, type Console } from './console';
import { CR_PROBE, CRD } from './cr-seed';
import { clientNodeCustomList, median, pagedTableList, percentile, rawList, repeat, routeFirstPage, routeWalk } from './measure';
import { ms, ratio, type Line } from './report';

// The custom-resource case (`--cr-objects N`, default 10,000): the same figures as the pods case for the seeded
// CRD's objects, listed live across all namespaces through the generic Table path. The console lists a discovered
// kind in the API server's Table format, its rows with their metadata; the floor is still one unpaged JSON LIST.

export interface CrOptions {
  count: number; token: string; trials: number; sessions: number; pageSize: number; walkSize: number;
  /** Patches the probe object's status.phase with kubectl (a printer column: PHASE). */
  patchPhase: (phase: string) => Promise<void>;
  /** Stops the console and starts a fresh one (for the RSS figure). */
  restart: () => Promise<Console>;
  log: (s: string) => void;
}

const MB = 2 ** 20;
const listPath = `/${CRD.plural}`;

/** Resolves with Date.now() in the page when the probe's row shows `phase` (passed as text: see browser.ts). */
const WHEN_PHASE = (phase: string) => `new Promise((resolve) => {
  const check = () => {
    const row = document.querySelector('tr[data-row-name="${CR_PROBE.name}"]');
    if (row && row.textContent.includes(${JSON.stringify(phase)})) {
      observer.disconnect();
      resolve(Date.now());
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  check();
})`;
const synced = () => !!document.querySelector('[data-testid="live-indicator"][data-synced="true"]');

async function changeToVisible(ctx: BrowserContext, url: string, o: CrOptions): Promise<{ fromReturn: number[]; fromStart: number[] }> {
  const page = await ctx.newPage();
  await page.goto(`${url}${listPath}`);
  await page.waitForFunction(synced, null, { timeout: 300_000, polling: 100 });
  const fromReturn: number[] = [];
  const fromStart: number[] = [];
  for (let i = 0; i < o.trials; i++) {
    // A fresh value each trial, never one the row already shows.
    const phase = `Trial-${Date.now().toString(36)}-${i}`;
    const seen = page.evaluate(WHEN_PHASE(phase)) as Promise<number>;
    const start = Date.now();
    await o.patchPhase(phase);
    const returned = Date.now();
    const at = await seen;
    fromReturn.push(at - returned);
    fromStart.push(at - start);
    if ((i + 1) % 5 === 0) o.log(`  trial ${i + 1}/${o.trials}: ${at - returned} ms`);
  }
  await page.close();
  return { fromReturn, fromStart };
}

export async function measureCustomResources(app: Console, o: CrOptions): Promise<{ lines: Line[]; data: Record<string, unknown> }> {
  const lines: Line[] = [];
  const collection = `/apis/${CRD.group}/${CRD.version}/${CRD.plural}`;
  o.log(`CR 1 and 3. raw LIST of ${CRD.plural} (floor) and the console's route, in turn`);
  const cookie = await signIn(app.url, o.token);
  // Warm-ups for both sides, then five of each taken in turn, so the floor and the walk meet the machine in the same
  // state: on two cores shared with a 30,000-pod cluster single LISTs of this size vary by ±40 %.
  await rawList(o.token, collection);
  await clientNodeCustomList(o.token, CRD);
  await routeWalk(app.url, cookie, o.walkSize, CRD.plural);
  const cn: number[] = [];
  const walks = [];
  for (let i = 0; i < 5; i++) {
    cn.push((await clientNodeCustomList(o.token, CRD)).ms);
    walks.push(await routeWalk(app.url, cookie, o.walkSize, CRD.plural));
  }
  const raws = [];
  for (let i = 0; i < 3; i++) raws.push(await rawList(o.token, collection));
  const objects = raws[0].items;
  const floor = median(cn);
  const rawPer = raws[0].bytes / objects;
  lines.push({ metric: `Custom resources: ${o.count.toLocaleString('en-US')} ${CRD.name} objects, all namespaces`, value: '' });
  lines.push({ metric: `C1. raw LIST, client-node (${objects.toLocaleString('en-US')} objects)`, value: ms(floor), goal: 'floor' });
  lines.push({ metric: '    raw LIST, https + JSON.parse', value: ms(median(raws.map((r) => r.ms))) });

  const first = median(await repeat(5, () => routeFirstPage(app.url, cookie, o.pageSize, CRD.plural)));
  // The API server's own paged LIST, for comparison: its continue pages come from the watch cache, or from etcd once
  // the kind has been quiet for ~75 s. The route's bulk walk reads the collection once from the cache instead
  // (lib/k8s/list-page.ts). Taken after the walks: its etcd reads load the machine for a while.
  const paged = await repeat(5, async () => (await pagedTableList(o.token, collection, o.walkSize)).ms);
  const walk = median(walks.map((w) => w.ms));
  const pagedMs = median(paged);
  lines.push({ metric: `C3. route first page (limit ${o.pageSize})`, value: ms(first) });
  lines.push({ metric: `    route full walk (limit ${o.walkSize}, ${walks[0].pages} pages)`, value: ms(walk), goal: '≤ 1.2× raw LIST', ratio: ratio(walk, floor), pass: walk <= 1.2 * floor });
  lines.push({ metric: `    … the API server's own paged Table LIST (limit ${o.walkSize}), for comparison`, value: ms(pagedMs), ratio: ratio(walk, pagedMs) });

  o.log(`CR 4–6. headless Chromium on ${listPath}`);
  const browser = await launch();
  const ctx = await signedInContext(browser, app.url, cookie);
  const cold = await navigate(ctx, app.url, listPath);
  const warm = [];
  for (let i = 0; i < 5; i++) warm.push(await navigate(ctx, app.url, listPath));
  const firstRows = median(warm.map((n) => n.firstRowsMs));
  lines.push({ metric: 'C4. navigation → first rows (warm, median of 5)', value: ms(firstRows), goal: '< 1,000 ms', pass: firstRows < 1000 });
  lines.push({ metric: '    navigation → all rows loaded (warm)', value: ms(median(warm.map((n) => n.syncedMs))) });
  const heap = median(warm.map((n) => n.heapBytes));
  lines.push({ metric: '    browser tab JS heap, all rows loaded (warm)', value: `${Math.round(heap / MB)} MB`, goal: '< 250 MB (aim)', pass: heap < 250 * MB });
  lines.push({ metric: '    … after a forced GC', value: `${Math.round(median(warm.map((n) => n.heapAfterGcBytes)) / MB)} MB` });
  const trials = await changeToVisible(ctx, app.url, o);
  const p95 = percentile(trials.fromReturn, 95);
  lines.push({ metric: `C5. change → visible, p50 (${trials.fromReturn.length} trials, patch a printer column)`, value: ms(percentile(trials.fromReturn, 50)) });
  lines.push({ metric: '    change → visible, p95', value: ms(p95), goal: '≤ 1,500 ms', pass: p95 <= 1500 });
  await browser.close();
  const wirePer = cold.wireBytes / objects;
  lines.push({ metric: 'C6. bytes to the browser per object (gzip, on the wire)', value: `${wirePer.toFixed(0)} B`, goal: '≤ 10 % of raw', ratio: `${((100 * wirePer) / rawPer).toFixed(1)} %`, pass: wirePer <= 0.1 * rawPer });
  lines.push({ metric: '    … decoded SSE text per object', value: `${(cold.textBytes / objects).toFixed(0)} B`, ratio: `${((100 * cold.textBytes) / objects / rawPer).toFixed(1)} %` });
  lines.push({ metric: '    raw JSON per object', value: `${rawPer.toFixed(0)} B` });

  o.log(`CR 7. server RSS with ${o.sessions} sessions watching every ${CRD.plural} object`);
  const fresh = await o.restart();
  const r = await rssWithSessions(fresh, o.token, CRD.plural, o.sessions);
  const rss = { baselineMB: r.baseline / MB, peakMB: r.peak / MB, steadyMB: r.steady / MB, syncedMs: Math.max(...r.syncedMs), sessions: r.syncedMs.length };
  lines.push({ metric: `C7. server RSS, ${rss.sessions} sessions watching all ${CRD.plural} (peak)`, value: `${Math.round(rss.peakMB)} MB`, goal: '≤ 400 MB', pass: rss.peakMB <= 400 });
  lines.push({ metric: '    … steady, 10 s after all listings are done', value: `${Math.round(rss.steadyMB)} MB` });
  lines.push({ metric: `    … the ${rss.sessions} concurrent listings took`, value: ms(rss.syncedMs) });
  const data = {
    crd: CRD.name, objects, rawList: { clientNodeMs: cn, jsonParseMs: raws.map((r) => r.ms), rawJsonBytes: raws[0].bytes },
    route: { firstPageMs: first, walkMs: walks.map((w) => w.ms), pages: walks[0].pages, rows: walks[0].rows }, pagedTableListMs: paged,
    navigation: { cold, warm }, changeToVisible: trials, bytes: { browserWire: cold.wireBytes, browserDecoded: cold.textBytes, rawJsonPerObject: rawPer }, rss,
  };
  return { lines, data };
}
