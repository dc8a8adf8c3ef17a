import { USERS, expect, test } from './fixtures';
import { collect, execAuditLines, execPath, sessionOf, ShellPage, stdin, upgrade } from './exec-support';
import { kubectl } from './kubectl';

// The exec cases, run against the demo server (exec.spec.ts) and the shipped console over HTTPS (exec-tls.spec.ts).
// Effects are checked where they happen: the shell's own output (the process in kwok's sandbox), the WebSocket
// status the server answered, and the server's audit lines.

export interface ExecEnv { base: string; logFile: string }

const POD = { namespace: 'default', pod: 'web-site', container: 'nginx' };
const wsUrl = (base: string, q: Record<string, string>) => base.replace(/^http/, 'ws') + execPath(q);

export function defineExecCases(env: () => ExecEnv) {
  test('admin opens a shell in web-site: echo $((6*7)) prints 42, a resize reaches stty, exit ends it; audit lines carry no terminal content', async ({ page, signInAs }) => {
    const { logFile } = env();
    await signInAs('admin-user');
    await page.goto(`/pods/${POD.namespace}/${POD.pod}`);
    await page.getByTestId('shell-button').click();
    const shell = new ShellPage(page);
    await expect(page).toHaveURL(/\/pods\/default\/web-site\/shell$/);
    await shell.connect(POD.container);
    await shell.expectOpen();
    await expect(shell.state()).toContainText(/channel\.k8s\.io/);
    await shell.type('echo $((6*7))');
    await shell.expectRow((r) => r === '42', 'a row that is exactly 42');

    await shell.type('stty size');
    const sizes = async () => (await shell.rows()).map((r) => r.trim()).filter((r) => /^\d+ \d+$/.test(r));
    await expect.poll(async () => (await sizes()).length).toBe(1);
    const before = (await sizes())[0];
    const vp = page.viewportSize()!;
    await page.setViewportSize({ width: Math.round(vp.width * 0.6), height: Math.round(vp.height * 0.7) });
    await shell.type('stty size');
    await expect.poll(async () => (await sizes()).length).toBe(2);
    expect((await sizes())[1], 'stty size after the browser window shrank').not.toBe(before);

    await shell.type('exit');
    await expect(shell.state()).toHaveAttribute('data-state', 'ended');
    const user = USERS['admin-user'];
    await expect.poll(() => execAuditLines(logFile).some((l) => l.action === 'exec-end' && l.user === user && l.exec?.ended === 'exited')).toBe(true);
    const end = execAuditLines(logFile).filter((l) => l.action === 'exec-end' && l.user === user && l.exec?.ended === 'exited').pop()!;
    const open = execAuditLines(logFile).find((l) => l.requestId === end.requestId && l.action === 'exec')!;
    expect(open).toMatchObject({ user, namespace: 'default', name: 'web-site', result: { status: 101 }, exec: { container: 'nginx', command: ['bash'] } });
    expect(open.clientIp).toMatch(/^127\./);
    expect(end.exec).toMatchObject({ container: 'nginx', command: ['bash'], ended: 'exited' });
    expect(end.exec!.durationMs).toBeGreaterThan(0);
    expect(end.exec!.bytesIn).toBeGreaterThan('echo $((6*7))'.length);
    expect(end.exec!.bytesOut).toBeGreaterThan(2);
    // What was typed and printed is nowhere in them (exit codes and end reasons are, by design).
    const allowed = ['container', 'command', 'protocol', 'clusterCalls', 'durationMs', 'ended', 'exitCode', 'bytesIn', 'bytesOut'];
    for (const l of [open, end]) {
      expect(JSON.stringify(l)).not.toMatch(/echo|6\*7|\$\(\(|stty|nobody@/);
      expect(allowed).toEqual(expect.arrayContaining(Object.keys(l.exec!)));
    }
  });

  test('the viewer: the Shell button is disabled with the reason, and a forced upgrade gets 403 after the access review only', async ({ page, signInAs, context }) => {
    const { base, logFile } = env();
    await signInAs('viewer');
    await page.goto(`/pods/${POD.namespace}/${POD.pod}`);
    const button = page.getByTestId('shell-button');
    await expect(button).toBeDisabled();
    await expect(button).toHaveAttribute('title', /cannot create pods\/exec "web-site" in default/);
    const s = await sessionOf(context, base);
    const r = await upgrade(wsUrl(base, { ...POD, csrf: s.csrf }), { Cookie: s.cookie, Origin: base });
    expect(r.status).toBe(403);
    await expect.poll(() => execAuditLines(logFile).find((l) => l.requestId === r.requestId)).toMatchObject({ user: USERS.viewer, result: { status: 403 }, exec: { clusterCalls: 1 } });
  });

  test('refused before any call to the API server: a foreign or no Origin, no or a wrong CSRF token, no session', async ({ signInAs, context }) => {
    const { base, logFile } = env();
    await signInAs('admin-user');
    const s = await sessionOf(context, base);
    const cases: [string, string, Record<string, string>, number, string | null][] = [
      ['foreign Origin', wsUrl(base, { ...POD, csrf: s.csrf }), { Cookie: s.cookie, Origin: 'https://evil.example' }, 403, USERS['admin-user']],
      ['no Origin', wsUrl(base, { ...POD, csrf: s.csrf }), { Cookie: s.cookie }, 403, USERS['admin-user']],
      ['no CSRF token', wsUrl(base, POD), { Cookie: s.cookie, Origin: base }, 403, USERS['admin-user']],
      ['a wrong CSRF token', wsUrl(base, { ...POD, csrf: 'x'.repeat(43) }), { Cookie: s.cookie, Origin: base }, 403, USERS['admin-user']],
      ['no session', wsUrl(base, { ...POD, csrf: s.csrf }), { Origin: base }, 401, null],
    ];
    for (const [what, url, headers, status, user] of cases) {
      const r = await upgrade(url, headers);
      expect(r.status, what).toBe(status);
      await expect.poll(() => execAuditLines(logFile).find((l) => l.requestId === r.requestId), { message: what })
        .toMatchObject({ user, result: { status }, exec: { clusterCalls: 0 } });
    }
    // Every other upgrade is refused by the server itself, session or not.
    for (const other of ['/api/live', '/_next/webpack-hmr', '/api/execx']) {
      expect((await upgrade(base.replace(/^http/, 'ws') + other, { Cookie: s.cookie, Origin: base })).status, other).toBe(404);
    }
    // The same counter is not stuck at 0: an accepted shell made its calls (access review, pod, exec).
    const ok = await upgrade(wsUrl(base, { ...POD, csrf: s.csrf }), { Cookie: s.cookie, Origin: base });
    expect(ok.status).toBe(101);
    const got = collect(ok.socket!);
    await expect.poll(() => got.events.some((e) => e.type === 'open')).toBe(true);
    ok.socket!.close();
    await expect.poll(() => execAuditLines(logFile).some((l) => l.action === 'exec-end' && l.exec?.ended === 'closed-by-user' && l.exec.clusterCalls >= 3)).toBe(true);
  });

  test('sign-out closes an open shell; a failed exec elsewhere does not touch it', async ({ page, signInAs, context }) => {
    const { base, logFile } = env();
    await signInAs('admin-user');
    const shell = new ShellPage(page);
    await shell.open(POD.namespace, POD.pod);
    await shell.connect(POD.container);
    await shell.expectOpen();
    // A pod kwok has no exec for: the exec fails with a clear message, on its own connection only.
    const nginxPod = kubectl('get', 'pods', '-n', 'default', '-l', 'app=nginx', '-o', 'jsonpath={.items[0].metadata.name}').trim();
    expect(nginxPod).not.toBe('');
    const s = await sessionOf(context, base);
    const failed = await upgrade(wsUrl(base, { namespace: 'default', pod: nginxPod, container: 'nginx', csrf: s.csrf }), { Cookie: s.cookie, Origin: base });
    expect(failed.status).toBe(101);
    const got = collect(failed.socket!);
    await expect.poll(() => got.events.find((e) => e.type === 'end')).toMatchObject({ how: 'failed', message: expect.stringMatching(/Could not start bash.*no exec found/) });
    await shell.type('echo still-$((40+2))');
    await shell.expectRow((r) => r === 'still-42', 'the first shell still answers');

    // Sign-out in another tab: the server ends the session's shells itself. A raw socket of the same session shows
    // it (the browser's own tabs are sent to the login page, which would close their sockets anyway).
    const raw = await upgrade(wsUrl(base, { ...POD, csrf: s.csrf }), { Cookie: s.cookie, Origin: base });
    expect(raw.status).toBe(101);
    const rawGot = collect(raw.socket!);
    await expect.poll(() => rawGot.events.some((e) => e.type === 'open')).toBe(true);
    const other = await context.newPage();
    await other.goto('/');
    await other.getByRole('button', { name: 'Sign out' }).click();
    await expect(other).toHaveURL(/\/login/);
    await expect.poll(() => rawGot.events.find((e) => e.type === 'end')).toMatchObject({ how: 'session-ended', message: expect.stringContaining('session has ended') });
    await expect.poll(() => execAuditLines(logFile).filter((l) => l.action === 'exec-end' && l.exec?.ended === 'session-ended').length).toBeGreaterThanOrEqual(1);
  });

  test('caps: a fifth shell of one session is refused (429); an idle shell is closed', async ({ signInAs, context }) => {
    test.setTimeout(150_000);
    const { base } = env();
    await signInAs('admin-user');
    const s = await sessionOf(context, base);
    const url = wsUrl(base, { ...POD, csrf: s.csrf });
    const headers = { Cookie: s.cookie, Origin: base };
    const open = [];
    for (let i = 0; i < 4; i++) open.push(await upgrade(url, headers));
    expect(open.map((r) => r.status)).toEqual([101, 101, 101, 101]);
    expect((await upgrade(url, headers)).status).toBe(429);
    for (const r of open.slice(1)) r.socket!.close();
    // The first one is left alone: no input, no output after its prompt → closed after the idle time (30 s in e2e).
    const got = collect(open[0].socket!);
    stdin(open[0].socket!, 'true\n');
    await expect.poll(() => got.events.find((e) => e.type === 'end'), { timeout: 120_000 }).toMatchObject({ how: 'idle-timeout' });
  });
}
