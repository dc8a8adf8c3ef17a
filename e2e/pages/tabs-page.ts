import type { BrowserContext, CDPSession, Page } from '@playwright/test';

// Many tabs of one browser: counts the live streams (GET /api/live) the browser holds open across all its tabs,
// from Chromium's own network events (CDP), and asks the console how many live connections this session holds.

export class LiveStreamCounter {
  private readonly open = new Set<string>();
  private readonly sessions: CDPSession[] = [];
  /** The most streams open at once across all watched tabs. */
  peak = 0;
  /** Every live stream any watched tab opened. */
  opened = 0;

  async watch(page: Page): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    this.sessions.push(cdp);
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (e) => {
      const u = new URL(e.request.url);
      if (e.request.method !== 'GET' || u.pathname !== '/api/live' || u.search) return;
      this.open.add(e.requestId);
      this.opened++;
      this.peak = Math.max(this.peak, this.open.size);
    });
    const done = (e: { requestId: string }) => this.open.delete(e.requestId);
    cdp.on('Network.loadingFinished', done);
    cdp.on('Network.loadingFailed', done);
  }

  get current(): number {
    return this.open.size;
  }

  async detach(): Promise<void> {
    await Promise.all(this.sessions.map((s) => s.detach().catch(() => {})));
  }
}

/** What the console says about this session's live connections (GET /api/live?stats=1, with the context's cookie). */
export async function sessionLiveStats(context: BrowserContext, baseURL: string): Promise<{ connections: number; subscriptions: number }> {
  const res = await context.request.get(`${baseURL}/api/live?stats=1`);
  if (!res.ok()) throw new Error(`live stats answered ${res.status()}`);
  return ((await res.json()) as { session: { connections: number; subscriptions: number } }).session;
}
