import 'server-only';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorBody } from '@/lib/k8s/errors';
import { userKey } from '@/lib/k8s/user-key';
import { FairGate, GateFull } from '@/lib/k8s/watch/page-gate';
import { parsePrechecked, precheckManifests, type ParsedDoc } from './parse';

// Parsing is linear and its input is capped (parse.ts, yaml-scan.ts), but 1 MiB of YAML still costs the yaml
// library a second or more of CPU: on the event loop that is a second in which no page, list or stream of ANY user
// answers. So: first the checks that cost milliseconds (size, and one pass over the text that refuses too many
// documents, entries or levels — yaml-prescan.ts), on the event loop; only text that passes them is parsed, in a
// worker thread with a deadline and a memory limit. ONE such thread for the whole server: the console has two cores
// and its users' pages need one; a second parse waits its turn, fairly between users, in a short line — a user with
// three parses already running or waiting, or a full line, gets a 429 at once instead of memory held by a queue.

const DEADLINE_MS = Number(process.env.WHEELHOUSE_YAML_DEADLINE_MS ?? 10_000);
// 1 MiB of realistic manifests (~35,000 entries) needs about 75–95 MB of heap; 128 leaves room and keeps the
// console (~200 MB) plus one worker under 400 MB. Synthetic 1 MiB of 100,000 one-letter keys needs more: a 413.
const LIMITS = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 };
const parseGate = new FairGate(1, 'wheelhouse.yaml-gate', { waiting: 8, perUser: 3 });

let workersUnavailable = false;

function startWorker(text: string): Worker {
  const options = { workerData: { text }, resourceLimits: LIMITS };
  // Under vitest this module is its TypeScript source: the thread loads parse-worker.ts through tsx (a dev
  // dependency). Bundled (next build, next dev), Turbopack compiles the `new Worker(new URL(…))` below into its own
  // chunk — it must stay written exactly like that to be recognised. (Not decided from import.meta.url: Turbopack
  // keeps the source file's name there.)
  if (process.env.VITEST) {
    const source = fileURLToPath(import.meta.url.replace(/parse-bounded\.ts$/, 'parse-worker.ts'));
    return new Worker(`require('tsx/cjs/api').require(${JSON.stringify(source)}, __filename)`, { ...options, eval: true });
  }
  return new Worker(new URL('./parse-worker.ts', import.meta.url), options);
}

function inWorker(text: string): Promise<ParsedDoc[]> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = startWorker(text);
    } catch {
      workersUnavailable = true;
      resolve(parsePrechecked(text));
      return;
    }
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(() => finish(() => reject(new ApiError({ status: 422, reason: 'Invalid', message: `reading the YAML took longer than ${DEADLINE_MS / 1000} s; nothing was sent` }))), DEADLINE_MS);
    worker.once('message', (m: { docs?: ParsedDoc[]; error?: ApiErrorBody }) => finish(() => (m.docs ? resolve(m.docs) : reject(new ApiError(m.error!)))));
    worker.once('error', (e: Error & { code?: string }) => finish(() => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new ApiError({ status: 413, reason: 'RequestEntityTooLarge', message: `reading the YAML needs more than ${LIMITS.maxOldGenerationSizeMb} MB; nothing was sent` }));
      else {
        // The kind of failure only: messages may quote the input.
        console.error(`[wheelhouse] YAML worker failed: ${e.code ?? e.name}`);
        reject(new ApiError({ status: 422, reason: 'Invalid', message: 'the YAML could not be read; nothing was sent' }));
      }
    }));
    worker.once('exit', () => finish(() => reject(new ApiError({ status: 422, reason: 'Invalid', message: 'the YAML could not be read; nothing was sent' }))));
  });
}

function busy(e: unknown): never {
  if (!(e instanceof GateFull)) throw e;
  const message = e.scope === 'user' ? 'your previous YAML is still being read; try again when it is done' : 'the console is reading other large YAML right now; try again in a few seconds';
  throw new ApiError({ status: 429, reason: 'TooManyRequests', message: `${message}; nothing was sent` });
}

/** parseManifests off the event loop, bounded in time and memory; `token` only keys the fair queue (hashed). */
export async function parseManifestsBounded(token: string, text: string): Promise<ParsedDoc[]> {
  precheckManifests(text);
  // Small inputs cost less than starting a thread.
  if (text.length < 16 * 1024 || workersUnavailable) return parsePrechecked(text);
  return parseGate.run(userKey(token), () => inWorker(text)).catch(busy);
}
