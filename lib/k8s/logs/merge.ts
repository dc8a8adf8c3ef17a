// Merges several containers' logs into one text stream, line by line, each line prefixed `[pod/container] `.
// Following: lines go out as they arrive. Not following: every line is read first and the whole is ordered by the
// API server's timestamps (requested for this), which are then dropped unless the user asked for them.

export interface LogSource {
  prefix: string;
  open: () => Promise<AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>>;
}

export interface MergeOptions {
  /** Order by the leading RFC 3339 timestamp of each line (sources must have been opened with timestamps). */
  byTime: boolean;
  /** Keep the timestamps in the output. */
  timestamps: boolean;
  /** Text for a source that failed to open or broke off. */
  describeError: (e: unknown) => string;
  onCancel?: () => void;
}

async function* linesOf(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let rest = '';
  for await (const chunk of chunks) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const parts = rest.split('\n');
    rest = parts.pop() ?? '';
    for (const p of parts) yield p.endsWith('\r') ? p.slice(0, -1) : p;
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

interface Line { at: string; text: string; seq: number }

function splitTimestamp(line: string): { at: string; rest: string } {
  const i = line.indexOf(' ');
  return i > 0 && /^\d{4}-\d{2}-\d{2}T/.test(line) ? { at: line.slice(0, i), rest: line.slice(i + 1) } : { at: '', rest: line };
}

const HIGH_WATER_BYTES = 256 * 1024;

/**
 * Merges the sources into one stream. Bounded: at most `maxLines` lines (then a note, and the sources are torn
 * down); with backpressure: a source waits while the reader has HIGH_WATER_BYTES unread, so a slow browser on a
 * fast followed log holds a bounded buffer and TCP pushes back to the API server.
 */
export function mergeLogStreams(sources: LogSource[], opts: MergeOptions & { maxLines?: number }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const maxLines = opts.maxLines ?? Infinity;
  let done = false;
  let lines = 0;
  let waiters: (() => void)[] = [];
  const wake = () => {
    const w = waiters;
    waiters = [];
    w.forEach((r) => r());
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const room = () => (done || (controller.desiredSize ?? 1) > 0 ? undefined : new Promise<void>((r) => waiters.push(r)));
      const stop = (note?: string) => {
        if (done) return;
        if (note) controller.enqueue(encoder.encode(note));
        done = true;
        controller.close();
        wake();
        opts.onCancel?.();
      };
      const emit = (text: string) => {
        if (done) return;
        controller.enqueue(encoder.encode(text));
        if (++lines >= maxLines) stop(`[wheelhouse] stopped after ${lines} lines: the most one request returns\n`);
      };
      const collected: Line[] = [];
      let seq = 0;
      const take = (prefix: string, raw: string) => {
        const { at, rest } = opts.byTime ? splitTimestamp(raw) : { at: '', rest: raw };
        const text = `${prefix}${opts.byTime && opts.timestamps && at ? `${at} ` : ''}${rest}\n`;
        if (!opts.byTime) emit(text);
        else if (collected.length < maxLines) collected.push({ at, text, seq: seq++ });
      };
      // Not awaited: the stream's pull() (which lets waiting sources go on) is only called once start() returned.
      void (async () => {
        await Promise.all(sources.map(async (s) => {
          try {
            for await (const line of linesOf(await s.open())) {
              if (done) return;
              take(s.prefix, line);
              await room();
            }
          } catch (e) {
            if (!done) take(s.prefix, `<error: ${opts.describeError(e)}>`);
          }
        }));
        if (opts.byTime) {
          collected.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
          for (const l of collected) {
            emit(l.text);
            await room();
          }
        }
        stop();
      })();
    },
    pull() {
      wake();
    },
    cancel() {
      done = true;
      wake();
      opts.onCancel?.();
    },
  }, new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }));
}
