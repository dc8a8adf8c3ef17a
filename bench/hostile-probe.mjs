// @ts-check
// Preloaded into the console process by bench/hostile.ts only (`node --import bench/hostile-probe.mjs …`, with an
// IPC channel): measures the event loop's longest stall (perf_hooks.monitorEventLoopDelay) and the peak resident
// memory, and answers { maxStallMs, p99StallMs, peakRssBytes, rssBytes } on the message 'sample' (then starts over).
// Nothing of it ships: the image runs server/https-server.mjs without it, and it listens on no port.
import { monitorEventLoopDelay } from 'node:perf_hooks';

if (typeof process.send === 'function') {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let peakRss = process.memoryUsage.rss();
  // Sampled off the event loop's own timers; a stall shows up in `delay`, not as a missed sample that matters.
  setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 50).unref();
  process.on('message', (m) => {
    if (m !== 'sample') return;
    const rss = process.memoryUsage.rss();
    peakRss = Math.max(peakRss, rss);
    process.send?.({ maxStallMs: delay.max / 1e6, p99StallMs: delay.percentile(99) / 1e6, peakRssBytes: peakRss, rssBytes: rss });
    delay.reset();
    peakRss = rss;
  });
  // The IPC channel must not keep the console alive by itself.
  process.channel?.unref();
}
