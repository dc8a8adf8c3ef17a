import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import WebSocket from 'ws';

// Helpers of the exec specs (e2e/exec.spec.ts on the demo server, e2e/exec-tls.spec.ts on the shipped console):
// the shell page as a page object, raw WebSocket upgrades with chosen headers, and the server's audit lines.

export interface ExecAuditLine {
  type: 'audit'; requestId: string; user: string | null; action: string; namespace: string | null; name: string | null;
  result: { status: number; reason: string }; clientIp: string;
  exec?: { container: string; command: string[]; protocol?: string; clusterCalls: number; durationMs?: number; ended?: string; bytesIn?: number; bytesOut?: number };
}

/** The exec audit lines in a server's log file (the webServer writes its output there). */
export function execAuditLines(logFile: string): ExecAuditLine[] {
  if (!existsSync(logFile)) throw new Error(`no server log at ${logFile}: the exec specs need the console started by Playwright's webServer`);
  return readFileSync(logFile, 'utf8').split('\n')
    .filter((l) => l.startsWith('{') && l.includes('"type":"audit"') && l.includes('"path":"/api/exec"'))
    .map((l) => JSON.parse(l) as ExecAuditLine);
}

export function serverLogText(logFile: string): string {
  return readFileSync(logFile, 'utf8');
}

export const consoleLog = (port: number) => path.join(__dirname, '.artifacts', `console-${port}.log`);

export class ShellPage {
  constructor(readonly page: Page) {}

  async open(namespace: string, pod: string) {
    await this.page.goto(`/pods/${namespace}/${pod}/shell`);
    await expect(this.page.getByRole('heading', { level: 1 })).toContainText(pod);
  }

  state(): Locator {
    return this.page.getByTestId('shell-state');
  }

  async connect(container?: string, command?: string) {
    const picker = this.page.getByTestId('shell-container');
    await expect(picker.locator('option').first()).toBeAttached();
    if (container) await picker.selectOption(container);
    if (command) await this.page.getByTestId('shell-command').fill(command);
    await this.page.getByTestId('shell-connect').click();
  }

  async expectOpen() {
    await expect(this.state()).toHaveAttribute('data-state', 'open', { timeout: 30_000 });
  }

  /** The terminal's rows as text (xterm's DOM renderer: one div per row). */
  async rows(): Promise<string[]> {
    return this.page.locator('[data-testid="terminal"] .xterm-rows > div')
      .evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd()))
      .catch(() => []);
  }

  async type(line: string) {
    await this.page.locator('[data-testid="terminal"] textarea').focus();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  /** Waits for a row that is exactly `text` (the command's echo is a different row). */
  async expectRow(match: (row: string) => boolean, message: string) {
    await expect.poll(async () => (await this.rows()).some((r) => match(r.trim())), { message, timeout: 20_000 }).toBe(true);
  }
}

export interface UpgradeResult { status: number; requestId?: string; socket?: WebSocket }

/** A WebSocket upgrade to /api/exec with exactly the headers given: 101 leaves the socket open, else the status. */
export function upgrade(url: string, headers: Record<string, string>): Promise<UpgradeResult> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, rejectUnauthorized: false, handshakeTimeout: 30_000 });
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, requestId: res.headers['x-request-id'] as string | undefined });
      res.resume();
      ws.terminate();
    });
    ws.on('open', () => resolve({ status: 101, socket: ws }));
    ws.on('error', (e) => reject(e));
  });
}

/** The browser context's session cookie as a Cookie header, and the session's CSRF token. */
export async function sessionOf(context: BrowserContext, base: string): Promise<{ cookie: string; csrf: string }> {
  const cookie = (await context.cookies(base)).filter((c) => /^(__Host-)?wh-session/.test(c.name)).map((c) => `${c.name}=${c.value}`).join('; ');
  const res = await context.request.get(`${base}/api/csrf`);
  expect(res.status()).toBe(200);
  return { cookie, csrf: ((await res.json()) as { token: string }).token };
}

export function execPath(q: Record<string, string>): string {
  return `/api/exec?${new URLSearchParams(q)}`;
}

/** Collects what a raw shell socket receives: output text and the events. */
export function collect(ws: WebSocket): { text: () => string; events: { type: string; how?: string; message?: string }[] } {
  let text = '';
  const events: { type: string; how?: string; message?: string }[] = [];
  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (isBinary) text += data.toString('utf8');
    else events.push(JSON.parse(data.toString('utf8')) as { type: string });
  });
  return { text: () => text, events };
}

export function stdin(ws: WebSocket, text: string) {
  ws.send(Buffer.concat([Buffer.from([0]), Buffer.from(text)]));
}
