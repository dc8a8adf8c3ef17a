import type { Page } from '@playwright/test';

// Reads the bodies of responses that never end while a test runs (the live lists' SSE, followed logs) as they
// arrive, through the Chrome DevTools Protocol (Network.streamResourceContent), so the token-leak check of
// fixtures.ts also covers them: Playwright's response.body() only resolves once a response has ended.

/** Calls `onLeak(url)` for every response whose body, so far, contains `secret()` (when it returns one). */
export async function watchStreamBodies(page: Page, secret: () => string | undefined, onLeak: (url: string) => void): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const open = new Map<string, { url: string; tail: string }>();
  const scan = (requestId: string, base64: string) => {
    const s = open.get(requestId);
    const token = secret();
    if (!s || !token || !base64) return;
    // Keep the end of the previous chunk: a token may be split across two chunks.
    const text = s.tail + Buffer.from(base64, 'base64').toString('latin1');
    if (text.includes(token)) onLeak(s.url);
    s.tail = text.slice(-token.length);
  };
  cdp.on('Network.responseReceived', (e) => {
    const type = String(e.response.headers['content-type'] ?? e.response.headers['Content-Type'] ?? '');
    if (!/event-stream|text\/plain/.test(type)) return;
    open.set(e.requestId, { url: e.response.url, tail: '' });
    cdp.send('Network.streamResourceContent', { requestId: e.requestId }).then(
      (r) => scan(e.requestId, r.bufferedData),
      () => undefined, // already finished: response.body() in fixtures.ts reads it
    );
  });
  cdp.on('Network.dataReceived', (e) => {
    if (e.data) scan(e.requestId, e.data);
  });
  cdp.on('Network.loadingFinished', (e) => open.delete(e.requestId));
  cdp.on('Network.loadingFailed', (e) => open.delete(e.requestId));
}
