import { describe, expect, it } from 'vitest';
import { mergeLogStreams, type LogSource } from './merge';

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function* chunks(...parts: string[]) {
  for (const p of parts) {
    await new Promise((r) => setImmediate(r)); // one turn of the event loop between chunks, not a wait
    yield new TextEncoder().encode(p);
  }
}

const src = (prefix: string, ...parts: string[]): LogSource => ({ prefix, open: async () => chunks(...parts) });
const opts = { describeError: (e: unknown) => (e instanceof Error ? e.message : 'failed') };

describe('mergeLogStreams', () => {
  it('prefixes every line, joining lines split across chunks', async () => {
    const out = await text(mergeLogStreams([src('[a/c] ', 'one\ntw', 'o\nthree')], { ...opts, byTime: false, timestamps: false }));
    expect(out).toBe('[a/c] one\n[a/c] two\n[a/c] three\n');
  });

  it('orders by timestamp and drops the timestamps unless asked', async () => {
    const a = src('[a/c] ', '2024-01-01T00:00:01Z a1\n2024-01-01T00:00:03Z a3\n');
    const b = src('[b/c] ', '2024-01-01T00:00:02Z b2\n');
    expect(await text(mergeLogStreams([a, b], { ...opts, byTime: true, timestamps: false }))).toBe('[a/c] a1\n[b/c] b2\n[a/c] a3\n');
    const a2 = src('[a/c] ', '2024-01-01T00:00:01Z a1\n');
    expect(await text(mergeLogStreams([a2], { ...opts, byTime: true, timestamps: true }))).toBe('[a/c] 2024-01-01T00:00:01Z a1\n');
  });

  it('reports a source that fails without failing the others', async () => {
    const bad: LogSource = { prefix: '[b/c] ', open: async () => { throw new Error('container is waiting to start'); } };
    const out = await text(mergeLogStreams([src('[a/c] ', 'ok\n'), bad], { ...opts, byTime: false, timestamps: false }));
    expect(out.split('\n').sort()).toEqual(['', '[a/c] ok', '[b/c] <error: container is waiting to start>']);
  });

  it('calls onCancel when the reader goes away', async () => {
    let cancelled = false;
    const never: LogSource = { prefix: '[x] ', open: async () => ({ async *[Symbol.asyncIterator]() { await new Promise(() => {}); } }) };
    const stream = mergeLogStreams([never], { ...opts, byTime: false, timestamps: false, onCancel: () => { cancelled = true; } });
    await stream.cancel();
    expect(cancelled).toBe(true);
  });

  it('stops after maxLines lines with a note, and tears the sources down', async () => {
    let cancelled = false;
    const many = src('[a/c] ', ...Array.from({ length: 50 }, (_, i) => `l${i}\n`));
    const out = await text(mergeLogStreams([many], { ...opts, byTime: false, timestamps: false, maxLines: 10, onCancel: () => { cancelled = true; } }));
    expect(out.split('\n').filter(Boolean)).toHaveLength(11);
    expect(out).toMatch(/\[wheelhouse\] stopped after 10 lines/);
    expect(cancelled).toBe(true);
  });

  it('stops pulling a fast source while nobody reads (backpressure)', async () => {
    let produced = 0;
    const line = `${'x'.repeat(1023)}\n`;
    const endless: LogSource = {
      prefix: '',
      open: async () => ({
        async *[Symbol.asyncIterator]() {
          for (;;) {
            produced++;
            yield line;
            await Promise.resolve();
          }
        },
      }),
    };
    const stream = mergeLogStreams([endless], { ...opts, byTime: false, timestamps: false });
    // Wait until the source stalls: the count stops growing once the queue is full.
    let last = -1;
    await expect.poll(async () => {
      const seen = produced;
      await new Promise((r) => setImmediate(r));
      const stalled = seen === last && seen > 0;
      last = seen;
      return stalled;
    }, { timeout: 10_000 }).toBe(true);
    // About the high-water mark (256 KiB of 1 KiB lines), not megabytes.
    expect(produced).not.toBeGreaterThanOrEqual(400);
    await stream.cancel();
  });
});

