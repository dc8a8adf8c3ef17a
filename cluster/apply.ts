import { readFileSync } from 'node:fs';
import { KubeConfig, KubernetesObject, KubernetesObjectApi, PatchStrategy } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

export const fieldManager = 'wheelhouse-seed';

export function loadManifests(file: string): KubernetesObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((d) => d.toJSON() as KubernetesObject | null)
    .filter((o): o is KubernetesObject => !!o?.kind);
}

/** Server-side apply, so re-running `up` against a live cluster converges instead of failing on "already exists". */
export async function applyAll(kc: KubeConfig, objects: KubernetesObject[]): Promise<void> {
  const api = KubernetesObjectApi.makeApiClient(kc);
  for (const obj of objects) {
    await api.patch(obj, undefined, undefined, fieldManager, true, PatchStrategy.ServerSideApply);
  }
}
