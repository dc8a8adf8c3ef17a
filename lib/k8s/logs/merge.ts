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

export function mergeLogStreams(sources: LogSource[], opts: MergeOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let done = false;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const emit = (text: string) => {
        if (!done) controller.enqueue(encoder.encode(text));
      };
      const collected: Line[] = [];
      let seq = 0;
      const take = (prefix: string, raw: string) => {
        const { at, rest } = opts.byTime ? splitTimestamp(raw) : { at: '', rest: raw };
        const text = `${prefix}${opts.byTime && opts.timestamps && at ? `${at} ` : ''}${rest}\n`;
        if (opts.byTime) collected.push({ at, text, seq: seq++ });
        else emit(text);
      };
      await Promise.all(sources.map(async (s) => {
        try {
          for await (const line of linesOf(await s.open())) {
            if (done) return;
            take(s.prefix, line);
          }
        } catch (e) {
          if (!done) take(s.prefix, `<error: ${opts.describeError(e)}>`);
        }
      }));
      if (opts.byTime) {
        collected.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.seq - b.seq));
        emit(collected.map((l) => l.text).join(''));
      }
      if (!done) {
        done = true;
        controller.close();
      }
    },
    cancel() {
      done = true;
      opts.onCancel?.();
    },
  });
}
