import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { readClusterState, readToken, signServiceAccountToken } from '../cluster/state';
import { expect, test, USERS } from './fixtures';
import { corpus, NS, TARGET, validMutations, type Case } from './bad-input-corpus';
import { kubectl } from './kubectl';
import { isSessionCookie, origin, raw, rawSession, rawSignIn, serverLog, SESSION_SECRET, TLS_PORTS, TLS_SESSION_COOKIE, type RawResponse } from './tls-support';

// The shipped console's defences (playwright.tls.config.ts): the bad-input corpus against every route (only 4xx,
// never a 5xx, nothing changes in the cluster), CSRF and Origin on every state-changing route, sessions that are
// missing, forged, tampered or expired, the sign-in endpoint, and the deployment manifests in deploy/.

const PORT = TLS_PORTS.a;
const ORIGIN = origin(PORT);

function kubectlIn(input: string, ...args: string[]): string {
  const { binDir, kubeconfig } = readClusterState();
  return execFileSync(path.join(binDir, 'kubectl'), ['--kubeconfig', kubeconfig, ...args], { input, encoding: 'utf8' });
}

/** uid → resourceVersion of every object in the corpus namespace, and any object anywhere named corpus-*. */
function clusterFingerprint() {
  const items = (JSON.parse(kubectl('get', 'deployments,replicasets,pods,services,configmaps,secrets,serviceaccounts', '-n', NS, '-o', 'json')) as {
    items: { kind: string; metadata: { name: string; resourceVersion: string } }[];
  }).items;
  const inNamespace = Object.fromEntries(items.map((i) => [`${i.kind}/${i.metadata.name}`, i.metadata.resourceVersion]));
  const strays = kubectl('get', 'configmaps,deployments,secrets,namespaces', '-A', '-o', 'name').split('\n').filter((n) => n.includes('corpus-'));
  return { inNamespace, strays };
}

async function send(c: Case, headers: Record<string, string>): Promise<RawResponse> {
  return raw({ port: PORT, method: c.method, path: c.path, body: c.body, headers: { ...headers, ...(c.contentType ? { 'Content-Type': c.contentType } : {}) } });
}

function verdict(c: Case, res: RawResponse): string | undefined {
  if (res.status >= 400 && res.status < 500 && !/\bat .+\.(js|ts):\d+/.test(res.body)) return undefined;
  return `${c.label} (${c.method} ${c.path.slice(0, 80)}): ${res.status} ${res.body.slice(0, 160)}`;
}

let admin: { cookie: string; csrf: string };
let before: ReturnType<typeof clusterFingerprint>;

test.describe.serial('bad input and forged requests', () => {
  test.beforeAll(async () => {
    kubectlIn(
      `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${NS}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${TARGET}, namespace: ${NS}}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: ${TARGET}}}\n  template:\n    metadata: {labels: {app: ${TARGET}}}\n    spec: {containers: [{name: web, image: nginx:alpine}]}\n`,
      'apply', '-f', '-',
    );
    kubectl('rollout', 'status', `deployment/${TARGET}`, '-n', NS, '--timeout=60s');
    admin = await rawSession(PORT, readToken('admin-user'));
    await expect.poll(() => JSON.stringify(clusterFingerprint()), { intervals: [1_000], timeout: 20_000 }).toBe(JSON.stringify((before = clusterFingerprint())));
  });
  test.afterAll(() => {
    kubectl('delete', 'namespace', NS, '--ignore-not-found', '--wait=true', '--timeout=90s');
  });
  test.afterEach(async () => {
    expect(clusterFingerprint()).toEqual(before);
  });

  test('the corpus against every route, signed in with a valid CSRF token: only 4xx answers', async () => {
    test.setTimeout(180_000);
    const headers = { Cookie: admin.cookie, Origin: ORIGIN, 'X-CSRF-Token': admin.csrf };
    const cases = corpus();
    const wrong: string[] = [];
    for (const c of cases) {
      const v = verdict(c, await send(c, headers));
      if (v) wrong.push(v);
    }
    expect(cases.length).toBeGreaterThan(300);
    expect(wrong).toEqual([]);
    expect(serverLog(PORT)).not.toMatch(/unexpected error|Failed to handle request/);
  });

  test('raw path traversal never escapes the API routes', async () => {
    for (const p of ['/api/k8s/pods/default/../../../etc/passwd', '/api/k8s/../../.cluster/tokens/admin-user', '/api/k8s/pods/%2e%2e/%2e%2e/secrets', '/_next/static/../../.env']) {
      const res = await raw({ port: PORT, path: p, headers: { Cookie: admin.cookie } });
      expect(res.status, p).not.toBeGreaterThanOrEqual(500);
      expect(res.body).not.toContain(readToken('admin-user'));
      expect(res.body).not.toMatch(/BEGIN [A-Z ]*PRIVATE KEY|NEXTAUTH_SECRET/);
    }
  });

  test('a preview of malformed YAML reports every document as an error and changes nothing', async () => {
    const headers = { Cookie: admin.cookie, Origin: ORIGIN, 'X-CSRF-Token': admin.csrf, 'Content-Type': 'application/json' };
    for (const yaml of ['a: [unclosed', 'kind: ConfigMap\n', 'just a string', '- a\n- b\n']) {
      const res = await raw({ port: PORT, method: 'POST', path: '/api/apply', headers, body: JSON.stringify({ yaml, mode: 'preview' }) });
      // Each is one document that is not a valid object: the preview answers 200 with that document as an error.
      expect(res.status, `${yaml}: ${res.body.slice(0, 200)}`).toBe(200);
      const { documents } = JSON.parse(res.body) as { documents: { outcome: string }[] };
      expect(documents.map((d) => d.outcome), yaml).toEqual(['error']);
    }
  });

  test('CSRF token and Origin: missing, forged, another session’s, foreign or absent Origin → 403', async () => {
    const viewer = await rawSession(PORT, readToken('viewer'));
    const variants: [string, Record<string, string>][] = [
      ['no CSRF token', { Origin: ORIGIN }],
      ['forged token', { Origin: ORIGIN, 'X-CSRF-Token': 'Zm9yZ2VkLXRva2VuLWZvcmdlZC10b2tlbi1mb3JnZWQtdG9r' }],
      ['another session’s token', { Origin: ORIGIN, 'X-CSRF-Token': viewer.csrf }],
      ['an oversized token', { Origin: ORIGIN, 'X-CSRF-Token': 'a'.repeat(8_000) }],
      ['foreign Origin', { Origin: 'https://evil.example', 'X-CSRF-Token': admin.csrf }],
      ['look-alike Origin', { Origin: `${ORIGIN}.evil.example`, 'X-CSRF-Token': admin.csrf }],
      ['other port', { Origin: 'https://127.0.0.1:9', 'X-CSRF-Token': admin.csrf }],
      ['Origin null', { Origin: 'null', 'X-CSRF-Token': admin.csrf }],
      ['no Origin, foreign Referer', { Referer: 'https://evil.example/page', 'X-CSRF-Token': admin.csrf }],
      ['neither Origin nor Referer', { 'X-CSRF-Token': admin.csrf }],
    ];
    for (const c of validMutations()) {
      for (const [why, h] of variants) {
        const res = await send(c, { Cookie: admin.cookie, ...h });
        expect(res.status, `${c.label}, ${why}: ${res.body.slice(0, 120)}`).toBe(403);
      }
    }
  });

  test('sessions: none, garbage, tampered, another secret’s, expired, or with an expired token → 401', async () => {
    const username = USERS['admin-user'];
    const bearer = readToken('admin-user');
    const cookie = (token: string) => `${TLS_SESSION_COOKIE}=${token}`;
    const expired = await encode({ token: { bearer, username, groups: [], expiresAt: Date.now() - 1_000, sid: 'corpus-expired' }, secret: SESSION_SECRET });
    const foreign = await encode({ token: { bearer, username, groups: [], expiresAt: Date.now() + 3_600_000, sid: 'corpus-foreign' }, secret: 'another-secret-0123456789abcdef-0123456789' });
    const deadToken = await signServiceAccountToken({ namespace: 'kube-system', name: 'admin-user', expiresInSeconds: -120 });
    const deadBearer = await encode({ token: { bearer: deadToken, username, groups: [], expiresAt: Date.now() + 3_600_000, sid: 'corpus-dead' }, secret: SESSION_SECRET });
    const valid = admin.cookie.split('=').slice(1).join('=');
    const tampered = valid.slice(0, 40) + (valid[40] === 'A' ? 'B' : 'A') + valid.slice(41);
    const sessions: [string, string | undefined, string][] = [
      ['no cookie', undefined, 'Unauthorized'],
      ['garbage', cookie('garbage'), 'Unauthorized'],
      ['tampered', cookie(tampered), 'Unauthorized'],
      ['another secret', cookie(foreign), 'Unauthorized'],
      ['expired session', cookie(expired), 'SessionExpired'],
      ['expired token', cookie(deadBearer), 'Unauthorized'],
    ];
    // The CSRF token a session with that id would have: only the session checks can stop these requests.
    const csrf = createHmac('sha256', SESSION_SECRET).update('wheelhouse-csrf:corpus-dead').digest('base64url');
    for (const [why, c, reason] of sessions) {
      for (const req of [{ label: 'list', method: 'GET', path: `/api/k8s/deployments?namespace=${NS}` } as Case, ...validMutations()]) {
        const res = await send(req, { ...(c ? { Cookie: c } : {}), Origin: ORIGIN, 'X-CSRF-Token': csrf });
        expect(res.status, `${why}, ${req.label}: ${res.body.slice(0, 120)}`).toBe(401);
        if (req.method === 'GET' || why !== 'expired token') expect(JSON.parse(res.body).error.reason, `${why}, ${req.label}`).toBe(reason);
      }
    }
    // The console pages send such a browser to sign in again.
    const page = await raw({ port: PORT, path: '/deployments', headers: { Cookie: cookie(expired) } });
    expect(page.status).toBe(307);
    expect(page.headers.location).toContain('/login?reason=expired');
  });

  test('the sign-in endpoint: malformed tokens are 4xx, without a session; next-auth’s own CSRF stays on', async () => {
    const client = '127.0.0.2';
    for (const token of ['', 'a b', 'x'.repeat(20_000), '\u0000', 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln', '<script>alert(1)</script>']) {
      const res = await rawSignIn(PORT, token, { localAddress: client });
      expect(res.status, JSON.stringify(token.slice(0, 20))).toBeGreaterThanOrEqual(400);
      expect(res.status).not.toBeGreaterThanOrEqual(500);
      expect(res.headers['set-cookie']?.some(isSessionCookie) ?? false).toBe(false);
    }
    const noCsrf = await raw({
      port: PORT, method: 'POST', path: '/api/auth/callback/token', localAddress: client,
      headers: { Origin: ORIGIN, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `token=${readToken('admin-user')}&json=true`,
    });
    expect(noCsrf.status).not.toBeGreaterThanOrEqual(500);
    expect(noCsrf.headers['set-cookie']?.some(isSessionCookie) ?? false).toBe(false);
    const crossSite = await raw({
      port: PORT, method: 'POST', path: '/api/auth/callback/token', localAddress: client,
      headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'token=x&json=true',
    });
    expect(crossSite.status).toBe(403);
  });
});

test.describe('the deployment manifests (deploy/)', () => {
  const deployDir = path.join(__dirname, '..', 'deploy');
  const ns = 'wheelhouse';
  const sa = `system:serviceaccount:${ns}:wheelhouse`;

  test.afterAll(() => {
    kubectl('delete', '-k', deployDir, '--ignore-not-found', '--wait=true', '--timeout=90s');
  });

  test('kubectl apply -k deploy/: pods run on kwok nodes, NodePort 32767, a hardened pod, and no rights', async () => {
    test.setTimeout(120_000);
    const applied = kubectl('apply', '-k', deployDir);
    for (const o of ['namespace/wheelhouse', 'serviceaccount/wheelhouse', 'secret/wheelhouse-session', 'service/wheelhouse', 'deployment.apps/wheelhouse']) expect(applied).toContain(o);

    type Pod = { metadata: { name: string }; spec: { nodeName?: string; automountServiceAccountToken?: boolean; serviceAccountName: string; enableServiceLinks?: boolean; securityContext: Record<string, unknown>; containers: { securityContext: Record<string, unknown>; readinessProbe: { httpGet: { path: string; scheme: string } }; livenessProbe: { httpGet: { path: string; scheme: string } }; resources: Record<string, unknown> }[]; volumes: { name: string; projected?: { sources: { configMap?: { name: string }; serviceAccountToken?: unknown }[] } }[] }; status: { phase: string } };
    const pods = () => (JSON.parse(kubectl('get', 'pods', '-n', ns, '-l', 'app.kubernetes.io/name=wheelhouse', '-o', 'json')) as { items: Pod[] }).items;
    await expect.poll(() => pods().filter((p) => p.status.phase === 'Running').length, { timeout: 60_000 }).toBe(2);
    const nodes = (JSON.parse(kubectl('get', 'nodes', '-o', 'json')) as { items: { metadata: { name: string; annotations?: Record<string, string> } }[] }).items;
    const kwokNodes = nodes.filter((n) => n.metadata.annotations?.['kwok.x-k8s.io/node'] === 'fake').map((n) => n.metadata.name);
    for (const p of pods()) {
      expect(kwokNodes).toContain(p.spec.nodeName);
      expect(p.spec.serviceAccountName).toBe('wheelhouse');
      expect(p.spec.automountServiceAccountToken).toBe(false);
      expect(p.spec.enableServiceLinks).toBe(false);
      expect(p.spec.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
      const [c] = p.spec.containers;
      expect(c.securityContext).toMatchObject({ runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } });
      expect(c.readinessProbe.httpGet).toMatchObject({ path: '/readyz', scheme: 'HTTPS' });
      expect(c.livenessProbe.httpGet).toMatchObject({ path: '/healthz', scheme: 'HTTPS' });
      expect(c.resources).toHaveProperty('requests');
      expect(c.resources).toHaveProperty('limits');
      const sources = p.spec.volumes.flatMap((v) => v.projected?.sources ?? []);
      expect(sources.some((s) => s.configMap?.name === 'kube-root-ca.crt')).toBe(true);
      expect(sources.some((s) => s.serviceAccountToken)).toBe(false);
    }
    const svc = JSON.parse(kubectl('get', 'service', 'wheelhouse', '-n', ns, '-o', 'json')) as { spec: { type: string; ports: { nodePort: number }[] } };
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.ports[0].nodePort).toBe(32767);
    expect(kubectl('get', 'serviceaccount', 'wheelhouse', '-n', ns, '-o', 'jsonpath={.automountServiceAccountToken}')).toBe('false');
    expect(kubectl('get', 'configmap', 'kube-root-ca.crt', '-n', ns, '-o', 'name').trim()).toBe('configmap/kube-root-ca.crt');

    // No binding names the console's ServiceAccount, and it may do exactly what an unbound one may do.
    const bindings = JSON.parse(kubectl('get', 'clusterrolebindings,rolebindings', '-A', '-o', 'json')) as { items: { metadata: { name: string }; subjects?: { kind: string; name: string; namespace?: string }[] }[] };
    expect(bindings.items.filter((b) => b.subjects?.some((s) => (s.kind === 'ServiceAccount' && s.namespace === ns) || s.name === sa)).map((b) => b.metadata.name)).toEqual([]);
    const rights = kubectl('auth', 'can-i', '--list', `--as=${sa}`);
    expect(rights).toBe(kubectl('auth', 'can-i', '--list', `--as=system:serviceaccount:${ns}:an-unbound-account`));
    expect(rights).not.toMatch(/^(pods|deployments|secrets|\*)/m);
    for (const verb of [['list', 'pods'], ['get', 'secrets'], ['create', 'deployments'], ['delete', 'pods']]) {
      let answer = '';
      try {
        answer = kubectl('auth', 'can-i', ...verb, '-A', `--as=${sa}`);
      } catch (e) {
        answer = String((e as { stdout?: string }).stdout ?? '');
      }
      expect(answer.trim(), verb.join(' ')).toBe('no');
    }

    // The example accounts are valid for the API server (dry run: nothing is created).
    expect(kubectl('apply', '--dry-run=server', '-f', path.join(deployDir, 'admin-user.yaml'))).toContain('clusterrolebinding.rbac.authorization.k8s.io/admin-user');
    expect(kubectl('apply', '--dry-run=server', '-f', path.join(deployDir, 'examples/namespace-editor.yaml'))).toContain('rolebinding.rbac.authorization.k8s.io/editor-edit');
  });
});
