import 'server-only';
import { kubeRequest } from '@/lib/k8s/client';
import { ApiError } from '@/lib/k8s/errors';

// Waits (bounded) until a CustomResourceDefinition is Established: from then on the API server serves its kind.

interface Crd { status?: { conditions?: { type?: string; status?: string; message?: string }[] } }

export const ESTABLISH_TIMEOUT_MS = 30_000;

export async function waitEstablished(token: string, name: string, timeoutMs = ESTABLISH_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'not Established yet';
  for (;;) {
    const crd = await kubeRequest<Crd>(token, { path: `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${encodeURIComponent(name)}` });
    const conditions = crd.body.status?.conditions ?? [];
    if (conditions.some((c) => c.type === 'Established' && c.status === 'True')) return;
    last = conditions.find((c) => c.type === 'NamesAccepted' && c.status === 'False')?.message ?? last;
    if (Date.now() > deadline) {
      throw new ApiError({ status: 504, reason: 'Timeout', message: `CustomResourceDefinition ${name} was ${last} after ${timeoutMs / 1000} s` });
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
