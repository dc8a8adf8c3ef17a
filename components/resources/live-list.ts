import type { ApiErrorBody } from '@/lib/k8s/errors';
import type { KindName } from '@/lib/k8s/resources';
import { SseParser, type ErrorData } from '@/lib/k8s/watch/wire';
import { liveHub, toLogin, type SubHandler } from './live-hub';
import type { LiveStore } from './live-store';

// One live list on the browser's shared connection: its bytes are the per-list events of wire.ts, parsed into the
// list's LiveStore. An `error` event ends the subscription on the server; "retry" subscribes again (resuming from
// the last complete resourceVersion), anything else is final (403 keeps the other lists working).

export interface ListScope { namespace?: string; labelSelector?: string; fieldSelector?: string }

export function openLiveList(kind: KindName, scope: ListScope, store: LiveStore): () => void {
  let parser = new SseParser();
  let text = new TextDecoder();
  const handler: SubHandler = {
    spec: () => ({ type: 'list', kind, ...scope, ...(store.resumeFrom ? { resourceVersion: store.resumeFrom } : {}) }),
    opened: (retry) => {
      parser = new SseParser();
      text = new TextDecoder();
      store.restart(retry);
    },
    accepted: () => store.accepted(),
    data: (payload) => {
      for (const frame of parser.push(text.decode(payload, { stream: true }))) {
        if (frame.event !== 'error') {
          store.accepted();
          store.apply(frame);
          continue;
        }
        const { error, retry } = JSON.parse(frame.data) as ErrorData;
        if (retry) {
          store.setStatus('reconnecting', error);
          liveHub().retry(handler);
        } else {
          if (error.status === 401) toLogin(error);
          store.fail(error);
        }
      }
    },
    end: () => {},
    down: (error: ApiErrorBody | undefined, final: boolean) => {
      if (final && error) store.fail(error);
      else store.setStatus('reconnecting', error ?? store.currentError);
    },
  };
  return liveHub().subscribe(handler);
}
