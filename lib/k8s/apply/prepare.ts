import 'server-only';
import { createDiscovery } from '@/lib/k8s/discovery';
import { ApiError, badRequest, fromTransport, type ApiErrorBody } from '@/lib/k8s/errors';
import { kindsDefinedIn } from './crd-kinds';
import type { ParsedDoc } from './parse';
import { parseManifestsBounded } from './parse-bounded';
import type { Target } from './ssa';
import type { DocResult } from './types';
import { errorLine, resourceName } from './words';

// The submitted text → documents ready to send (kind resolved through discovery, namespace settled), or their
// errors. Nothing is written here; discovery is the only thing asked of the API server.

export interface Prepared {
  index: number;
  startLine: number;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  target: Target;
  /** kubectl's resource name: "deployment.apps". */
  resource: string;
  object: Record<string, unknown>;
  /** Its kind is defined by a CRD of the same stream that the server does not know yet: checked once it exists. */
  awaitsCrd?: { name: string; index: number };
}

export type PrepResult = { ok: true; doc: Prepared } | { ok: false; result: DocResult };

type Head = Pick<DocResult, 'index' | 'startLine' | 'apiVersion' | 'kind' | 'name' | 'namespace'>;

export function errorResult(head: Head, error: ApiErrorBody, fromServer: boolean, ref?: string): DocResult {
  return { ...head, outcome: 'error', line: errorLine(error, fromServer, ref), error };
}

/** How a document is named in messages before its kind is resolved: "Deployment nginx" or "document 3". */
export function docLabel(d: Head): string {
  return d.kind && d.name ? `${d.kind} ${d.name}` : `document ${d.index + 1} (line ${d.startLine})`;
}

function headOf(d: ParsedDoc): Head {
  return { index: d.index, startLine: d.startLine, apiVersion: d.apiVersion, kind: d.kind, name: d.name, namespace: d.namespace };
}

export async function prepareDocuments(token: string, yaml: string, selectedNamespace: string | undefined): Promise<PrepResult[]> {
  const parsed = await parseManifestsBounded(token, yaml);
  if (!parsed.length) throw new ApiError(badRequest('the YAML holds no objects'));
  const discovery = createDiscovery(token);
  const streamKinds = kindsDefinedIn(parsed);
  return Promise.all(
    parsed.map(async (d): Promise<PrepResult> => {
      const head = headOf(d);
      if (!d.ok) return { ok: false, result: errorResult(head, d.error, false, docLabel(head)) };
      let resource;
      let awaitsCrd: Prepared['awaitsCrd'];
      try {
        resource = await discovery.resolve(d.apiVersion, d.kind);
      } catch (e) {
        const error = e instanceof ApiError ? e.body : fromTransport(e);
        const defined = error.status === 404 ? streamKinds.get(`${d.apiVersion} ${d.kind}`) : undefined;
        if (!defined) return { ok: false, result: errorResult(head, error, false, docLabel(head)) };
        resource = defined.resource;
        awaitsCrd = { name: defined.crdName, index: defined.crdIndex };
      }
      const namespace = resource.namespaced ? (d.namespace ?? selectedNamespace ?? 'default') : undefined;
      const metadata: Record<string, unknown> = { ...d.object.metadata };
      if (namespace) metadata.namespace = namespace;
      else delete metadata.namespace;
      return {
        ok: true,
        doc: {
          ...head, apiVersion: d.apiVersion, kind: d.kind, name: d.name, namespace,
          target: { resource, namespace, name: d.name },
          resource: resourceName(resource.kind, resource.group),
          object: { ...d.object, metadata },
          ...(awaitsCrd ? { awaitsCrd } : {}),
        },
      };
    }),
  );
}
