import { expect, type Page } from '@playwright/test';
import { ConsolePage } from './console-page';

export interface StreamEvent { event: string; data: unknown }

// A live list page: its live/reconnecting indicator, and the raw event stream behind it (read in the page, with the
// page's own session cookie, the way the table reads it).
export class LivePage extends ConsolePage {
  constructor(page: Page) {
    super(page);
  }

  indicator() {
    return this.page.getByTestId('live-indicator');
  }

  async expectLive() {
    await expect(this.indicator()).toHaveAttribute('data-live', 'live');
    await expect(this.indicator()).toHaveText('live');
  }

  /**
   * Opens a live connection of its own in the page (with the page's session cookie and CSRF token, as the console
   * does), subscribes one list (`spec` as in lib/k8s/watch/mux-wire.ts ListSpec), and reads that subscription's
   * events until `stop` names one (or an error), then closes it.
   */
  async readStream(spec: Record<string, unknown>, stop: 'done' | 'error'): Promise<{ status: number; events: StreamEvent[] }> {
    return this.page.evaluate(async ({ spec, stop }) => {
      const ctl = new AbortController();
      const res = await fetch('/api/live', { signal: ctl.signal });
      const events: { event: string; data: unknown }[] = [];
      if (!res.ok || !res.body) return { status: res.status, events };
      const reader = res.body.getReader();
      const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
      let bytes = new Uint8Array(0);
      let sse = '';
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        const joined = new Uint8Array(bytes.length + value.length);
        joined.set(bytes);
        joined.set(value, bytes.length);
        bytes = joined;
        for (;;) {
          const nl = bytes.indexOf(10);
          if (nl < 0) break;
          const [sub, len] = new TextDecoder().decode(bytes.subarray(0, nl)).split(' ');
          if (bytes.length < nl + 1 + Number(len)) break;
          const payload = new TextDecoder().decode(bytes.subarray(nl + 1, nl + 1 + Number(len)));
          bytes = bytes.slice(nl + 1 + Number(len));
          if (sub === '_') {
            const c = JSON.parse(payload) as { t: string; conn?: string };
            if (c.t === 'hello') {
              const post = await fetch('/api/live', {
                method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
                body: JSON.stringify({ conn: c.conn, subscribe: [{ id: 'e2e.1', spec: { type: 'list', ...spec } }] }),
              });
              if (!post.ok) return { status: post.status, events };
            }
            continue;
          }
          if (sub !== 'e2e.1') continue;
          sse += payload;
          let end;
          while ((end = sse.indexOf('\n\n')) >= 0) {
            const block = sse.slice(0, end);
            sse = sse.slice(end + 2);
            const event = /^event: (.*)$/m.exec(block)?.[1];
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (!event || data === undefined) continue;
            const parsed = JSON.parse(data) as { done?: boolean };
            events.push({ event, data: parsed });
            if (event === 'error' || (stop === 'done' && event === 'snapshot' && parsed.done)) {
              ctl.abort();
              return { status: res.status, events };
            }
          }
        }
      }
      ctl.abort();
      return { status: res.status, events };
    }, { spec, stop });
  }
}
