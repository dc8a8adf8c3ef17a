import 'server-only';
import type { IncomingMessage } from 'node:http';
import { kubeStream } from './client';
import { ApiError, fromTransport } from './errors';
import { listHead, type ListHead } from './list-head';
import type { KindRef } from './resources';
import type { Page, Scope } from './watch/events';
import { listRequest, pageOf, type ListBody } from './watch/upstream';

// Paged LISTs with the next page asked for while this one is still arriving. A LIST page costs the API server its
// encoding and the console its decoding; one after the other, each side waits for the other. The continue token is
// in the first bytes of an answer (lib/k8s/list-head.ts), so the next request can go out then, and the API server
// encodes page k+1 while the console decodes page k. Every request carries the user's own token, in the order the
// continue tokens chain; at most AHEAD answers are held at once (AHEAD × chunk objects of memory).

const AHEAD = 2;
/** How much of an answer's head to look through for its metadata before waiting for the whole answer instead. */
const HEAD_BYTES = 16 * 1024;

interface Started { from?: string; head: Promise<ListHead | undefined>; page: Promise<Page>; cancel: () => void }

async function readPage(res: IncomingMessage, kind: KindRef, headSeen: (h: ListHead | undefined) => void): Promise<Page> {
  const chunks: Buffer[] = [];
  let seen = 0;
  let looking = true;
  try {
    for await (const c of res) {
      chunks.push(c as Buffer);
      seen += (c as Buffer).length;
      if (!looking) continue;
      const h = listHead(Buffer.concat(chunks).subarray(0, HEAD_BYTES).toString('utf8'));
      if (h || seen >= HEAD_BYTES) {
        looking = false;
        headSeen(h);
      }
    }
  } catch (e) {
    throw new ApiError(fromTransport(e));
  }
  return pageOf(kind, JSON.parse(Buffer.concat(chunks).toString('utf8')) as ListBody);
}

function start(token: string, kind: KindRef, scope: Scope, limit: number, from: string | undefined): Started {
  const abort = new AbortController();
  const signal = abort.signal;
  let settled = false;
  let headSeen: (h: ListHead | undefined) => void = () => {};
  const head = new Promise<ListHead | undefined>((resolve) => (headSeen = resolve));
  const page = (async () => {
    try {
      return await readPage(await kubeStream(token, listRequest(kind, scope, limit, from, signal)), kind, headSeen);
    } finally {
      // No head found (another encoder, or a failure): the caller waits for the page, which has it or throws.
      headSeen(undefined);
      settled = true;
    }
  })();
  // Awaited (and thrown) by the caller in order; this only keeps a page dropped after an earlier failure quiet.
  page.catch(() => {});
  // Only a request still in flight is cut off (a finished one's socket may already serve another request).
  return { from, head, page, cancel: () => settled || abort.abort() };
}

/**
 * Up to `limit` objects from `continue` on, in upstream pages of at most `chunk`, each handed to `onPage` in order
 * as it is decoded. Returns the continue token after the last page (undefined at the end). A page may come short of
 * its limit (the API server may do that), so fewer than `limit` objects with a continue token is a valid answer.
 */
export async function listAhead(
  token: string, kind: KindRef, scope: Scope, o: { limit: number; chunk: number; continue?: string; signal?: AbortSignal }, onPage: (p: Page) => void,
): Promise<string | undefined> {
  const queue: Started[] = [];
  const cancel = () => queue.forEach((q) => q.cancel());
  o.signal?.addEventListener('abort', cancel, { once: true });
  let asked = 0;
  let last = false;
  const ask = (from: string | undefined) => {
    const n = Math.min(o.chunk, o.limit - asked);
    asked += n;
    if (o.signal?.aborted) throw new ApiError({ status: 499, reason: 'ClientClosed', message: 'Nobody is waiting for this list any more.' });
    queue.push(start(token, kind, scope, n, from));
  };
  try {
    ask(o.continue);
    for (;;) {
      // Ask ahead as soon as the newest answer's head names the next page.
      while (!last && asked < o.limit && queue.length > 0 && queue.length < AHEAD) {
        const h = await queue[queue.length - 1].head;
        if (!h) break;
        if (h.continue) ask(h.continue);
        else last = true;
      }
      const p = await queue.shift()!.page;
      onPage(p);
      if (queue.length) {
        // Defensive: the page asked ahead must follow from this page's own token (its head is part of its bytes).
        if (queue[0].from !== p.continue) throw new ApiError({ status: 502, reason: 'BadGateway', message: 'The API server answered a list page inconsistently; try again.' });
        continue;
      }
      if (!p.continue || asked >= o.limit) return p.continue;
      ask(p.continue);
    }
  } catch (e) {
    // The pages asked ahead are of no use now: their requests are cut off.
    cancel();
    throw e;
  } finally {
    o.signal?.removeEventListener('abort', cancel);
  }
}
