import { stringify } from 'yaml';
import type { SecretKey } from './detail-types';

// Pure: an object as the detail page's YAML. managedFields go to their own (folded) text; a Secret loses every
// value — its data becomes key names and sizes, and the last-applied annotation (which holds the values too) goes.

type Obj = { metadata?: { managedFields?: unknown; annotations?: Record<string, string> }; data?: Record<string, string>; stringData?: unknown } & Record<string, unknown>;

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const REDACTED = '(hidden: reveal one key at a time on the secret page)';

export function secretKeys(data: Record<string, string> | undefined): SecretKey[] {
  return Object.entries(data ?? {}).map(([key, b64]) => ({ key, bytes: Buffer.byteLength(b64 ?? '', 'base64') }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export function manifestOf(raw: unknown, isSecret: boolean): { yaml: string; managedFieldsYaml?: string; secretKeys?: SecretKey[] } {
  const obj = raw as Obj;
  const { managedFields, ...metadata } = obj.metadata ?? {};
  const out: Obj = { ...obj, metadata };
  let keys: SecretKey[] | undefined;
  if (isSecret) {
    keys = secretKeys(obj.data);
    out.data = Object.fromEntries(keys.map((k) => [k.key, REDACTED]));
    delete out.stringData;
    if (metadata.annotations?.[LAST_APPLIED]) {
      const { [LAST_APPLIED]: _dropped, ...rest } = metadata.annotations;
      void _dropped;
      out.metadata = { ...metadata, annotations: rest };
    }
  }
  return {
    yaml: stringify(out, { lineWidth: 0 }),
    ...(managedFields ? { managedFieldsYaml: stringify({ managedFields }, { lineWidth: 0 }) } : {}),
    ...(keys ? { secretKeys: keys } : {}),
  };
}

/** A secret's annotations without the last-applied copy of its values. */
export function safeAnnotations(annotations: Record<string, string> | undefined, isSecret: boolean): Record<string, string> {
  if (!isSecret || !annotations?.[LAST_APPLIED]) return annotations ?? {};
  const { [LAST_APPLIED]: _dropped, ...rest } = annotations;
  void _dropped;
  return rest;
}
