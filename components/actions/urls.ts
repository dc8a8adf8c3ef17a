/** The console route of one object, or of one of its actions: /api/k8s/deployments/default/nginx/scale. */
export function objectUrl(kind: string, namespace: string | undefined, name: string, sub?: string): string {
  return `/api/k8s/${kind}/${namespace ?? '-'}/${encodeURIComponent(name)}${sub ? `/${sub}` : ''}`;
}
