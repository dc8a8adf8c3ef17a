import { parentPort, workerData } from 'node:worker_threads';
import { ApiError } from '@/lib/k8s/errors';
import { parsePrechecked } from './parse';

// The body of the YAML worker (parse-bounded.ts, which ran the cheap prechecks before starting it): parses once and
// answers with the documents or the refusal.

try {
  parentPort?.postMessage({ docs: parsePrechecked(String((workerData as { text: unknown }).text)) });
} catch (e) {
  parentPort?.postMessage({ error: e instanceof ApiError ? e.body : { status: 422, reason: 'Invalid', message: 'the YAML could not be read; nothing was sent' } });
}
