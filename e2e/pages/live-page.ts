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

  /** Reads `/api/k8s/{path}` as SSE in the page until `stop` names an event (or an error), then closes it. */
  async readStream(path: string, stop: 'done' | 'error'): Promise<{ status: number; events: StreamEvent[] }> {
    return this.page.evaluate(async ({ path, stop }) => {
      const ctl = new AbortController();
      const res = await fetch(path, { signal: ctl.signal, headers: { Accept: 'text/event-stream' } });
      const events: { event: string; data: unknown }[] = [];
      if (!res.ok || !res.body) return { status: res.status, events };
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      const deadline = Date.now() + 20_000;
      while (Date.now() < deadline) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
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
      ctl.abort();
      return { status: res.status, events };
    }, { path, stop });
  }
}
