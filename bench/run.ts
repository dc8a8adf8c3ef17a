import { execFile } from 'node:child_process';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { ensureClusterUp, readClusterState, readToken } from '../cluster/state';
import { changeToVisible, launch, navigate, signedInContext } from './browser';
import { build, hasBuild, rssWithSessions, signIn, startConsole } from './console';
import { adminClient } from './kube';
import { measureTabs } from './tabs';
import { clientNodeList, kubectlGetPods, median, percentile, rawList, repeat, routeFirstPage, routeWalk } from './measure';
import { machine, markdown, ms, ratio, table, updateReadme, writeResults, type Line } from './report';
import { cleanup, PROBE, seed, sizeFor } from './seed';
import { CR_PROBE, CRD, seedCustomResources } from './cr-seed';
import { measureCustomResources } from './cr-measure';
import { fetchUsage, waitForUsage } from './usage';

// `npm run bench [-- --pods 30000 --cr-objects 10000 --trials 20 --sessions 10 --keep --no-build --update-readme --seed-only --cleanup]`
// Seeds the shared local cluster, starts a production build of the console on its own port, measures, prints
// the table, writes bench/results/pods-<N>-<date>.json, and removes what it seeded (unless --keep). See bench/README.md.

const { values: arg } = parseArgs({
  options: {
    pods: { type: 'string', default: '30000' },
    namespaces: { type: 'string' }, nodes: { type: 'string' }, deployments: { type: 'string' }, services: { type: 'string' },
    trials: { type: 'string', default: '20' },
    sessions: { type: 'string', default: '10' },
    port: { type: 'string', default: '3107' },
    'page-size': { type: 'string', default: '500' },
    'walk-size': { type: 'string', default: '5000' },
    'nav-rounds': { type: 'string', default: '14' },
    'cr-objects': { type: 'string', default: '10000' },
    'no-usage': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    build: { type: 'boolean', default: false },
    'update-readme': { type: 'boolean', default: false },
    cleanup: { type: 'boolean', default: false },
    'seed-only': { type: 'boolean', default: false },
  },
});
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const root = path.resolve(__dirname, '..');
const log = (s: string) => console.log(`[bench] ${s}`);
const MB = 2 ** 20;

async function main() {
  await ensureClusterUp({ quiet: true });
  const admin = await adminClient();
  if (arg.cleanup) return cleanup(admin, log).finally(() => admin.close());
  const size = sizeFor(Number(arg.pods), { namespaces: num(arg.namespaces), nodes: num(arg.nodes), deployments: num(arg.deployments), services: num(arg.services) });
  const { binDir, kubeconfig } = readClusterState();
  const kubectl = (...a: string[]) => promisify(execFile)(path.join(binDir, 'kubectl'), ['--kubeconfig', kubeconfig, ...a]);
  const scale = async (n: number) => void (await kubectl('-n', PROBE.namespace, 'scale', `deployment/${PROBE.name}`, `--replicas=${n}`));
  await seed(admin, size, log);
  const crObjects = Number(arg['cr-objects']);
  const crSeedSeconds = crObjects > 0 ? await seedCustomResources(admin, crObjects, size.namespaces, log) : 0;
  if (arg['seed-only']) return admin.close();
  if (arg.build || (!arg['no-build'] && !hasBuild(root))) build(root, log);
  let app = await startConsole(root, Number(arg.port));
  const token = readToken('admin-user');
  const lines: Line[] = [];
  const usageLines: Line[] = [];
  const crLines: Line[] = [];
  const out: Record<string, unknown> = {};
  try {
    log('1 and 3. raw LIST (floor) and the console pods route, in turn');
    const cookie = await signIn(app.url, token);
    const pageSize = Number(arg['page-size']);
    const walkSize = Number(arg['walk-size']);
    // Warm-ups for both sides (the first decode of 110 MB also grows this process's heap, which otherwise slows the
    // first samples), then five of each taken in turn, so the floor and the walk meet the machine in the same state:
    // the 30,000-pod cluster itself keeps about one of the two cores busy, and single LISTs vary by ±40 %.
    await rawList(token);
    await clientNodeList(token);
    await routeWalk(app.url, cookie, walkSize);
    const cn: number[] = [];
    const walks = [];
    for (let i = 0; i < 5; i++) {
      cn.push((await clientNodeList(token)).ms);
      walks.push(await routeWalk(app.url, cookie, walkSize));
    }
    const raws = [];
    for (let i = 0; i < 3; i++) raws.push(await rawList(token));
    const pods = raws[0].items;
    const floor = median(cn);
    const rawPerPod = raws[0].bytes / pods;
    out.rawList = { clientNodeMs: cn, jsonParseMs: raws.map((r) => r.ms), pods, rawJsonBytes: raws[0].bytes };
    lines.push({ metric: `1. raw LIST, client-node (${pods.toLocaleString('en-US')} pods)`, value: ms(floor), goal: 'floor' });
    lines.push({ metric: '   raw LIST, https + JSON.parse', value: ms(median(raws.map((r) => r.ms))) });

    log('2. kubectl get pods -A');
    await kubectlGetPods(token);
    const kc = median(await repeat(3, () => kubectlGetPods(token)));
    out.kubectlMs = kc;
    lines.push({ metric: '2. kubectl get pods -A', value: ms(kc), ratio: ratio(kc, floor) });

    await routeFirstPage(app.url, cookie, pageSize);
    const first = median(await repeat(5, () => routeFirstPage(app.url, cookie, pageSize)));
    const walk = median(walks.map((w) => w.ms));
    out.route = { firstPageMs: first, pageSize, walkMs: walks.map((w) => w.ms), walkSize, pages: walks[0].pages, rows: walks[0].rows };
    lines.push({ metric: `3. route first page (limit ${pageSize})`, value: ms(first) });
    lines.push({ metric: `   route full walk (limit ${walkSize}, ${walks[0].pages} pages)`, value: ms(walk), goal: '≤ 1.2× raw LIST', ratio: ratio(walk, floor), pass: walk <= 1.2 * floor });
    lines.push({ metric: '   … vs the https + JSON.parse LIST', value: '', ratio: ratio(walk, median(raws.map((r) => r.ms))) });

    // Measured here, while only this session is signed in; listed last in the table.
    // --no-usage: a cluster without metrics-server (the usage rows are left out).
    if (!arg['no-usage']) {
      log('9. usage columns (metrics.k8s.io)');
      const firstUsage = await waitForUsage(app.url, cookie, pods);
      const usage = [];
      for (let i = 0; i < 3; i++) usage.push(await fetchUsage(app.url, cookie));
      const u = usage[0];
      out.usage = { waitedForPods: firstUsage.pods, ms: usage.map((x) => x.ms), wireBytes: u.wireBytes, textBytes: u.textBytes, pods: u.pods };
      usageLines.push({ metric: `9. usage answer, all pods (${u.pods.toLocaleString('en-US')} with samples)`, value: ms(median(usage.map((x) => x.ms))) });
      usageLines.push({ metric: '   … bytes per pod (gzip, on the wire), once per window', value: `${(u.wireBytes / Math.max(1, u.pods)).toFixed(1)} B`, ratio: `${((100 * u.wireBytes) / Math.max(1, u.pods) / rawPerPod).toFixed(1)} %` });
      usageLines.push({ metric: '   … decoded JSON per pod', value: `${(u.textBytes / Math.max(1, u.pods)).toFixed(1)} B` });
    }

    log('4–6. headless Chromium');
    const browser = await launch();
    const ctx = await signedInContext(browser, app.url, cookie);
    const cold = await navigate(ctx, app.url);
    const warm = [];
    for (let i = 0; i < 5; i++) warm.push(await navigate(ctx, app.url));
    const firstRows = median(warm.map((n) => n.firstRowsMs));
    out.navigation = { cold, warm };
    lines.push({ metric: '4. navigation → first rows (warm, median of 5)', value: ms(firstRows), goal: '< 1,000 ms', pass: firstRows < 1000 });
    lines.push({ metric: '   … vs kubectl get pods -A', value: '', goal: '≤ 0.5×', ratio: ratio(firstRows, kc), pass: firstRows <= 0.5 * kc });
    lines.push({ metric: '   first rows, cold browser cache', value: ms(cold.firstRowsMs) });
    lines.push({ metric: '   navigation → stream open, "live" (warm)', value: ms(median(warm.map((n) => n.liveMs))) });
    lines.push({ metric: '   navigation → all rows loaded (warm)', value: ms(median(warm.map((n) => n.syncedMs))) });
    const heap = median(warm.map((n) => n.heapBytes));
    lines.push({ metric: '   browser tab JS heap, all rows loaded (warm, median)', value: `${Math.round(heap / MB)} MB`, goal: '< 250 MB (aim)', pass: heap < 250 * MB });
    lines.push({ metric: '   … after a forced GC', value: `${Math.round(median(warm.map((n) => n.heapAfterGcBytes)) / MB)} MB` });
    const trials = await changeToVisible(ctx, app.url, Number(arg.trials), scale, log);
    const p50 = percentile(trials.fromReturn, 50);
    const p95 = percentile(trials.fromReturn, 95);
    out.changeToVisible = trials;
    lines.push({ metric: `5. change → visible, p50 (${trials.fromReturn.length} trials)`, value: ms(p50) });
    lines.push({ metric: '   change → visible, p95', value: ms(p95), goal: '≤ 1,500 ms', pass: p95 <= 1500 });
    lines.push({ metric: '   … p95 incl. kubectl scale itself', value: ms(percentile(trials.fromStart, 95)) });
    // Its own context: another one still open would hold a socket pool of its own (Chromium keeps one per context).
    await ctx.close();
    log('8. ten tabs of one browser');
    const tabs = await measureTabs(browser, app.url, cookie, Number(arg['nav-rounds']), log);
    out.tabs = tabs;
    lines.push({ metric: '8. live streams the browser holds, 10 tabs open (peak)', value: String(tabs.streamsPeak), goal: '1 (not one per list or tab)', pass: tabs.streamsPeak <= 1 });
    lines.push({ metric: '   … TCP connections from the browser to the console (peak)', value: String(tabs.tcpPeak), goal: '≤ 6 (HTTP/1.1 per host)', pass: tabs.tcpPeak <= 6 });
    lines.push({ metric: `   sidebar navigation, 1 tab open (median of ${tabs.oneTab.length})`, value: ms(median(tabs.oneTab)) });
    lines.push({ metric: '   sidebar navigation, 10 tabs open (median)', value: ms(median(tabs.tenTabs)), ratio: `${tabs.ratio.toFixed(2)}×` });
    lines.push({ metric: '   … p95, 1 tab / 10 tabs', value: `${ms(tabs.p95One)} / ${ms(tabs.p95Ten)}` });
    await browser.close();
    const wirePerPod = cold.wireBytes / pods;
    out.bytes = { browserWire: cold.wireBytes, browserDecoded: cold.textBytes, rawJsonPerPod: rawPerPod };
    lines.push({ metric: '6. bytes to the browser per pod (gzip, on the wire)', value: `${wirePerPod.toFixed(0)} B`, goal: '≤ 10 % of raw', ratio: `${((100 * wirePerPod) / rawPerPod).toFixed(1)} %`, pass: wirePerPod <= 0.1 * rawPerPod });
    lines.push({ metric: '   … decoded SSE text per pod', value: `${(cold.textBytes / pods).toFixed(0)} B`, ratio: `${((100 * cold.textBytes) / pods / rawPerPod).toFixed(1)} %` });
    lines.push({ metric: '   raw JSON per pod', value: `${rawPerPod.toFixed(0)} B` });


    log(`7. server RSS with ${arg.sessions} sessions (on a freshly started server)`);
    await app.stop();
    app = await startConsole(root, Number(arg.port));
    // Then every session polls its usage at once, as the pods pages would at the same window.
    const usage = arg['no-usage'] ? undefined : (cookies: string[]) => Promise.all(cookies.map((c) => fetchUsage(app.url, c)));
    const r = await rssWithSessions(app, token, 'pods', Number(arg.sessions), usage);
    const sessions = r.syncedMs.length;
    const allSynced = Math.max(...r.syncedMs);
    out.rss = { baselineMB: r.baseline / MB, peakMB: r.peak / MB, steadyMB: r.steady / MB, sessions, syncedMs: r.syncedMs, peakWithUsageMB: r.peakAfter / MB, afterUsageMB: r.steadyAfter / MB };
    lines.push({ metric: `7. server RSS, ${sessions} sessions watching all pods (peak)`, value: `${Math.round(r.peak / MB)} MB`, goal: '≤ 400 MB', pass: r.peak <= 400 * MB });
    if (usage) lines.push({ metric: `   … peak with the ${sessions} sessions' usage polled at once`, value: `${Math.round(r.peakAfter / MB)} MB`, goal: '≤ 400 MB', pass: r.peakAfter <= 400 * MB });
    lines.push({ metric: '   … steady, 10 s after all listings are done', value: `${Math.round(r.steady / MB)} MB` });
    lines.push({ metric: `   … the ${sessions} concurrent listings took`, value: ms(allSynced) });
    lines.push({ metric: '   … idle server before the sessions', value: `${Math.round(r.baseline / MB)} MB` });
    if (crObjects > 0) {
      const patchPhase = async (phase: string) => void (await kubectl('-n', CR_PROBE.namespace, 'patch', `${CRD.plural}.${CRD.group}`, CR_PROBE.name, '--type=merge', '-p', JSON.stringify({ status: { phase } })));
      const restart = async () => (await app.stop(), (app = await startConsole(root, Number(arg.port))));
      const cr = await measureCustomResources(app, { count: crObjects, token, trials: Number(arg.trials), sessions: Number(arg.sessions), pageSize, walkSize, patchPhase, restart, log });
      crLines.push(...cr.lines);
      out.customResources = { ...cr.data, seedSeconds: crSeedSeconds };
    }
  } finally {
    await app.stop();
    if (!arg.keep) await cleanup(admin, log);
    admin.close();
  }
  lines.push(...usageLines, ...crLines);
  const m = machine();
  console.log(`\n${table(lines)}\n`);
  const written = writeResults(__dirname, `pods-${size.pods}`, { machine: m, size, lines, measurements: out });
  if (arg['update-readme']) updateReadme(__dirname, markdown(lines, size, m));
  log(`wrote ${path.relative(process.cwd(), written)}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack ?? e.message : e);
  process.exit(1);
});
