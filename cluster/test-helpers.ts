import { ApiException } from '@kubernetes/client-node';
import { sleep } from './health';

/** The HTTP status a client-node call ended with: 2xx when it resolved, the ApiException's code when it threw. */
export async function statusOf(call: () => Promise<unknown>): Promise<number> {
  try {
    await call();
    return 200;
  } catch (e) {
    if (e instanceof ApiException) return e.code;
    throw e;
  }
}

/** Polls `read` until `done(value)` holds; returns the last value either way so the test's assertion shows it. */
export async function pollUntil<T>(read: () => Promise<T>, done: (v: T) => boolean, timeoutMs: number, intervalMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let v = await read();
  while (!done(v) && Date.now() < deadline) {
    await sleep(intervalMs);
    v = await read();
  }
  return v;
}
