// The bad-input corpus of e2e/security.spec.ts: requests to every console route that must all be refused with a
// 4xx. `target` (namespace NS) is a real Deployment, so a request that got through would change it; the spec
// checks that nothing in the cluster changed.

export const NS = 'wh-corpus';
export const TARGET = 'target';

export interface Case { label: string; method: string; path: string; body?: string; contentType?: string }

const BAD_NAMES = [
  'A', 'Upper', '-lead', 'trail-', 'a_b', 'a%20b', 'x'.repeat(254), 'y'.repeat(5000), '..', '.', '%2e%2e', '%2E%2E%2F%2E%2E',
  'a%2Fb', '..%2F..%2Fsecrets', '%00', 'a%00b', '%E5%90%8D%E5%89%8D', 'a;b', '%3Cscript%3E', '%24%7Bjndi%3Aldap%7D', "a'b",
  'a..b', '%0d%0aSet-Cookie%3A%20x%3Dy', '%25', 'a%5Cb',
];
const BAD_NAMESPACES = [...BAD_NAMES, '-', 'kube-system%2F..'];
// secrets, configmaps and deployments.apps are kinds the console serves since discovery (h12): no longer bad input.
const BAD_KINDS = ['podz', 'Pods', 'pods.v1', '..', '%2e%2e', '..%2Fsecrets', 'x'.repeat(3000), '%00', 'deployments%2F..'];

/** A well-formed connection id that no session holds. */
const NO_CONN = '00000000-0000-4000-8000-000000000000';

const json = (method: string, path: string, body: string, label: string): Case => ({ label, method, path, body, contentType: 'application/json' });

function objectRoutes(kind: string, ns: string, name: string, why: string): Case[] {
  const base = `/api/k8s/${kind}/${ns}/${name}`;
  return [
    { label: `GET object, ${why}`, method: 'GET', path: base },
    { label: `DELETE object, ${why}`, method: 'DELETE', path: base },
    json('PATCH', `${base}/scale`, '{"replicas":2}', `scale, ${why}`),
    { label: `restart, ${why}`, method: 'POST', path: `${base}/restart` },
    { label: `logs, ${why}`, method: 'GET', path: `${base}/logs` },
  ];
}

function pathCases(): Case[] {
  return [
    ...BAD_NAMES.flatMap((n) => objectRoutes('deployments', NS, n, `name ${n.slice(0, 20)}`)),
    ...BAD_NAMESPACES.flatMap((ns) => [
      ...objectRoutes('deployments', ns, TARGET, `namespace ${ns.slice(0, 20)}`),
      { label: `list, namespace ${ns.slice(0, 20)}`, method: 'GET', path: `/api/k8s/deployments?namespace=${ns}` },
    ]),
    ...BAD_KINDS.flatMap((k) => [
      ...objectRoutes(k, NS, TARGET, `kind ${k.slice(0, 20)}`),
      { label: `list, kind ${k.slice(0, 20)}`, method: 'GET', path: `/api/k8s/${k}` },
      json('POST', '/api/live', JSON.stringify({ conn: NO_CONN, subscribe: [{ id: 'corpus.1', spec: { type: 'list', kind: k } }] }), `live, kind ${k.slice(0, 20)}`),
    ]),
    // Actions a kind does not support, and a namespace on a cluster-scoped kind.
    { label: 'restart a pod', method: 'POST', path: `/api/k8s/pods/${NS}/${TARGET}/restart` },
    json('PATCH', `/api/k8s/services/${NS}/${TARGET}/scale`, '{"replicas":2}', 'scale a service'),
    { label: 'delete a namespace without its name typed', method: 'DELETE', path: `/api/k8s/namespaces/-/${NS}` },
    { label: 'delete a namespace with another name typed', method: 'DELETE', path: `/api/k8s/namespaces/-/${NS}?confirm=other` },
    { label: 'node with a namespace', method: 'GET', path: '/api/k8s/nodes/default/x' },
    { label: 'bad label selector', method: 'GET', path: '/api/k8s/pods?labelSelector=a%20in%20(b' },
    { label: 'bad field selector', method: 'GET', path: '/api/k8s/events?fieldSelector=%24%24%24' },
    { label: 'oversized label selector', method: 'GET', path: `/api/k8s/pods?labelSelector=${'a'.repeat(2000)}` },
    { label: 'a path longer than any header limit', method: 'GET', path: `/api/k8s/${'z'.repeat(20_000)}` },
  ];
}

function methodCases(): Case[] {
  const obj = `/api/k8s/deployments/${NS}/${TARGET}`;
  const wrong: [string, string[]][] = [
    ['/api/k8s/deployments', ['POST', 'PUT', 'PATCH', 'DELETE']],
    [obj, ['POST', 'PUT', 'PATCH']],
    [`${obj}/scale`, ['POST', 'PUT', 'DELETE']],
    [`${obj}/restart`, ['GET', 'PUT', 'PATCH', 'DELETE']],
    [`/api/k8s/pods/${NS}/${TARGET}/logs`, ['POST', 'PUT', 'DELETE']],
    ['/api/live', ['PUT', 'PATCH', 'DELETE']],
    ['/api/apply', ['GET', 'PUT', 'PATCH', 'DELETE']],
    ['/api/access', ['GET', 'PUT', 'DELETE']],
    ['/api/csrf', ['POST', 'PUT', 'DELETE']],
    ['/api/auth/session', ['PUT', 'DELETE', 'PATCH']],
    ['/healthz', ['POST', 'PUT', 'DELETE']],
    ['/readyz', ['POST', 'DELETE']],
  ];
  return wrong.flatMap(([path, methods]) => methods.map((method) => ({ label: `${method} ${path}`, method, path, body: '{}', contentType: 'application/json' })));
}

const SCALE_BODIES = [
  '{"replicas":-1}', '{"replicas":1e9}', '{"replicas":"3"}', '{"replicas":null}', '{"replicas":3.5}', '{"replicas":true}',
  '{"replicas":[]}', '{"replicas":{}}', '{"replicas":101}', '{"replicas":1e400}', '{"replicas":"NaN"}', '{"replicas":-0.5}',
  '{}', '[]', 'null', '"3"', '3', '', '{', '{"replicas":', 'not json', '\u0000', '\ufeff{"replicas":', '{"replicas":2,"replicas":',
  `{"replicas":${' '.repeat(8 * 1024 * 1024)}1}`,
];

function bodyCases(): Case[] {
  const scale = `/api/k8s/deployments/${NS}/${TARGET}/scale`;
  const apply = (yaml: string, extra: Record<string, unknown> = {}) => JSON.stringify({ yaml, mode: 'apply', ...extra });
  const huge = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: corpus-huge, namespace: ${NS}}\ndata: {a: "${'x'.repeat(30 * 1024 * 1024)}"}\n`;
  return [
    ...SCALE_BODIES.map((b, i) => json('PATCH', scale, b, `scale body ${i}: ${b.slice(0, 24)}`)),
    { label: 'scale, no body', method: 'PATCH', path: scale },
    json('POST', '/api/apply', '{', 'apply: malformed JSON'),
    json('POST', '/api/apply', '', 'apply: empty body'),
    json('POST', '/api/apply', 'null', 'apply: null'),
    json('POST', '/api/apply', '[]', 'apply: array'),
    json('POST', '/api/apply', JSON.stringify({ yaml: 'a: 1', mode: 'destroy' }), 'apply: unknown mode'),
    json('POST', '/api/apply', JSON.stringify({ yaml: 42, mode: 'apply' }), 'apply: yaml not a string'),
    json('POST', '/api/apply', JSON.stringify({ yaml: 'a: 1', mode: 'apply', extra: true }), 'apply: unknown field'),
    json('POST', '/api/apply', apply('a: 1', { namespace: '../kube-system' }), 'apply: bad namespace'),
    json('POST', '/api/apply', apply('a: [unclosed'), 'apply: YAML syntax error'),
    json('POST', '/api/apply', apply(': : :'), 'apply: YAML nested compact mapping'),
    json('POST', '/api/apply', apply('\t- tab'), 'apply: YAML tab indentation'),
    json('POST', '/api/apply', apply('kind: ConfigMap\n'), 'apply: no apiVersion'),
    json('POST', '/api/apply', apply('- a\n- b\n'), 'apply: a list, not an object'),
    json('POST', '/api/apply', apply('a: *nope\n'), 'apply: unknown alias'),
    json('POST', '/api/apply', apply(`a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`), 'apply: billion laughs'),
    json('POST', '/api/apply', apply('---\n'), 'apply: no documents'),
    json('POST', '/api/apply', apply(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: Corpus_Bad, namespace: ${NS}}\n`), 'apply: invalid object name'),
    json('POST', '/api/apply', apply(huge), 'apply: 30 MiB'),
    { label: 'apply: text/yaml', method: 'POST', path: '/api/apply', body: 'kind: ConfigMap', contentType: 'text/yaml' },
    json('POST', '/api/live', '{', 'live: malformed JSON'),
    json('POST', '/api/live', JSON.stringify({ conn: 'not-a-connection' }), 'live: bad connection id'),
    json('POST', '/api/live', JSON.stringify({ conn: NO_CONN }), 'live: another session\'s or a closed connection'),
    json('POST', '/api/live', JSON.stringify({ conn: NO_CONN, subscribe: [{ id: '../x', spec: { type: 'list', kind: 'pods' } }] }), 'live: bad subscription id'),
    json('POST', '/api/live', JSON.stringify({ conn: NO_CONN, subscribe: Array.from({ length: 65 }, (_, i) => ({ id: `c.${i}`, spec: { type: 'list', kind: 'pods' } })) }), 'live: too many at once'),
    json('POST', '/api/live', JSON.stringify({ conn: NO_CONN, subscribe: [{ id: 'c.1', spec: { type: 'exec', kind: 'pods' } }] }), 'live: unknown subscription type'),
    json('POST', '/api/live', JSON.stringify({ conn: NO_CONN, extra: true }), 'live: unknown field'),
    json('POST', '/api/access', '{', 'access: malformed JSON'),
    json('POST', '/api/access', JSON.stringify({ checks: Array.from({ length: 50 }, () => ({ verb: 'get', group: '', resource: 'pods' })) }), 'access: too many checks'),
    json('POST', '/api/access', JSON.stringify({ checks: [{ verb: 'get;rm', group: '', resource: '../pods' }] }), 'access: bad check'),
  ];
}

// --- Paged lists (lib/k8s/list-page.ts): `limit`, `sort`, `desc`, `continue`, `q` (issue #9). Kept as one block.
function pageCases(): Case[] {
  const list = `/api/k8s/deployments?namespace=${NS}`;
  const page = (query: string, label: string): Case => ({ label: `page, ${label}`, method: 'GET', path: `${list}&${query}` });
  return [
    ...['0', '-1', '1.5', 'abc', '5001', '99999999999999999999', '', '%00', '1e400', '1%20OR%201'].map((l) => page(`limit=${l}`, `limit ${l.slice(0, 20) || '(empty)'}`)),
    ...['bogus', 'a;b', '..%2Fx', 'name%00', 'x'.repeat(41), '%3Cscript%3E', 'metadata.name', '__proto__'].map((s) => page(`limit=2&sort=${s}`, `sort ${s.slice(0, 20)}`)),
    page('limit=2&sort=bogus&desc=1', 'unknown sort, descending'),
    { label: 'page, unknown sort over all namespaces', method: 'GET', path: '/api/k8s/pods?limit=2&sort=bogus' },
    ...['zzz', 'k:not-a-token', 'k:%00', 'o:abc', 'o:-5', 'o:1.5', 'o:', `k:${'x'.repeat(4100)}`, `o:${'9'.repeat(5000)}`].map((c) => page(`limit=2&continue=${c}`, `continue ${c.slice(0, 20)}`)),
    page('limit=2&sort=name&desc=1&continue=k:abc', 'an API-order token on a sorted page'),
    page(`limit=2&q=${'x'.repeat(254)}`, 'name filter too long'),
    page(`limit=2&q=a&continue=k:abc`, 'an API-order token on a filtered page'),
  ];
}
// --- end of the paged-list block

/** Every case that runs with a valid session, a valid CSRF token and the console's Origin. */
export function corpus(): Case[] {
  return [...pathCases(), ...methodCases(), ...bodyCases(), ...pageCases()];
}

/** State-changing requests that would succeed with a valid CSRF token and Origin (changes `target`). */
export function validMutations(): Case[] {
  const obj = `/api/k8s/deployments/${NS}/${TARGET}`;
  return [
    json('PATCH', `${obj}/scale`, '{"replicas":2}', 'scale target to 2'),
    { label: 'restart target', method: 'POST', path: `${obj}/restart` },
    { label: 'delete target', method: 'DELETE', path: obj },
    json('POST', '/api/apply', JSON.stringify({ yaml: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: corpus-probe, namespace: ${NS}}\n`, mode: 'apply' }), 'apply corpus-probe'),
  ];
}

// ─── Hostile input (issue #10): each vector with the exact status it must get ──────────────────────────────────────
// Oversized bodies (refused by server/request-limits.mjs before Next.js or next-auth read them), YAML built to be
// expensive (keys, separators, depth: refused by lib/k8s/apply/yaml-scan.ts before documents are built), and the
// sign-in endpoint. Run by e2e/hostile.tls.spec.ts; `session` says who sends it ('viewer' can write nothing anywhere:
// every refusal here happens before the cluster is asked).

export interface HostileCase extends Case { status: number; session: 'none' | 'viewer' }

const KiB = 1024;
const MiB = 1024 * KiB;

/** A body of `bytes` bytes of JSON-ish filler, to be refused for its size alone. */
const filler = (bytes: number) => `{"x":"${'a'.repeat(bytes)}"}`;
const applyAs = (yaml: string) => JSON.stringify({ yaml, mode: 'preview' });
const cmHead = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: hostile-probe, namespace: wh-corpus}\n';

export function hostileCases(): HostileCase[] {
  const form = 'application/x-www-form-urlencoded';
  const keys200k = `{${Array.from({ length: 200_000 }, (_, i) => i.toString(36)).join(',')}}`;
  const many = Array.from({ length: 201 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: hostile-${i}}\n`).join('---\n');
  return [
    { label: 'next-auth session POST, 4 MiB', method: 'POST', path: '/api/auth/session', body: filler(4 * MiB), contentType: 'application/json', status: 413, session: 'none' },
    { label: 'sign-in form, 100 KiB', method: 'POST', path: '/api/auth/callback/token', body: `token=${'a'.repeat(100 * KiB)}&json=true`, contentType: form, status: 413, session: 'none' },
    { label: 'sign-out form, 64 KiB', method: 'POST', path: '/api/auth/signout', body: `csrfToken=${'a'.repeat(64 * KiB)}`, contentType: form, status: 413, session: 'none' },
    { label: 'healthz with a 4 KiB body', method: 'POST', path: '/healthz', body: filler(4 * KiB), contentType: 'application/json', status: 413, session: 'none' },
    { label: 'a page with a 1 MiB body', method: 'POST', path: '/pods', body: filler(MiB), contentType: 'application/json', status: 413, session: 'none' },
    { label: 'scale, 1 MiB', method: 'PATCH', path: `/api/k8s/deployments/${NS}/${TARGET}/scale`, body: filler(MiB), contentType: 'application/json', status: 413, session: 'viewer' },
    { label: 'access checks, 1 MiB', method: 'POST', path: '/api/access', body: filler(MiB), contentType: 'application/json', status: 413, session: 'viewer' },
    { label: 'apply, 30 MiB', method: 'POST', path: '/api/apply', body: applyAs(`${cmHead}data: {a: "${'x'.repeat(30 * MiB)}"}\n`), contentType: 'application/json', status: 413, session: 'viewer' },
    { label: 'apply, 1.5 MiB of YAML (over 1 MiB, under the body cap)', method: 'POST', path: '/api/apply', body: applyAs(`${cmHead}data: {a: "${'x'.repeat(1.5 * MiB)}"}\n`), contentType: 'application/json', status: 413, session: 'viewer' },
    { label: 'apply, 200,000 keys in one mapping (O(n²) in yaml uniqueKeys)', method: 'POST', path: '/api/apply', body: applyAs(`${cmHead}data: ${keys200k}\n`), contentType: 'application/json', status: 413, session: 'viewer' },
    { label: 'apply, 262,144 empty documents', method: 'POST', path: '/api/apply', body: applyAs('---\n'.repeat(262_144)), contentType: 'application/json', status: 413, session: 'viewer' },
    { label: 'apply, 201 documents', method: 'POST', path: '/api/apply', body: applyAs(many), contentType: 'application/json', status: 413, session: 'viewer' },
    { label: 'apply, flow nesting 200,000 deep', method: 'POST', path: '/api/apply', body: applyAs('['.repeat(200_000)), contentType: 'application/json', status: 422, session: 'viewer' },
    { label: 'apply, block nesting 150 deep', method: 'POST', path: '/api/apply', body: applyAs(Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}a:`).join('\n')), contentType: 'application/json', status: 422, session: 'viewer' },
    { label: 'apply, compact sequences 150 deep', method: 'POST', path: '/api/apply', body: applyAs(`${'- '.repeat(150)}x`), contentType: 'application/json', status: 422, session: 'viewer' },
    { label: 'apply, billion laughs', method: 'POST', path: '/api/apply', body: applyAs('a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n'), contentType: 'application/json', status: 400, session: 'viewer' },
  ];
}
