import { ApiError, badRequest } from '@/lib/k8s/errors';
import { checkReplicas } from '@/lib/k8s/validate';

// The scale request as the console accepts it, checked before any call to the cluster.

export const DEFAULT_MAX_REPLICAS = 100;
const HARD_MAX_REPLICAS = 100_000;

/** WHEELHOUSE_MAX_REPLICAS, or 100 when unset or not a sensible whole number. */
export function maxReplicas(env: Record<string, string | undefined> = process.env): number {
  const raw = env.WHEELHOUSE_MAX_REPLICAS?.trim();
  if (!raw || !/^\d+$/.test(raw)) return DEFAULT_MAX_REPLICAS;
  const n = Number(raw);
  return n >= 1 && n <= HARD_MAX_REPLICAS ? n : DEFAULT_MAX_REPLICAS;
}

export interface HpaInfo { name: string; minReplicas: number; maxReplicas: number }
/** GET …/scale: spec and status replicas, the console's maximum, and the HPA that targets the object, if any. */
export interface ScaleInfo { replicas: number; currentReplicas: number; max: number; hpa?: HpaInfo }
/** PATCH …/scale: the replicas now set and before. */
export interface ScaleResult { replicas: number; previous: number; hpa?: HpaInfo; warnings: string[] }

export interface ScaleRequest {
  replicas: number;
  /** The replicas the user saw when they chose the new value; a different current value is a conflict. */
  expectedReplicas?: number;
}

/** `{ replicas: 5 }` — a JSON number; "5", 1.5, -1, null and anything over the maximum are refused. */
export function parseScaleRequest(body: unknown, max: number): ScaleRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(badRequest('request body must be an object: {"replicas": <number>}'));
  const { replicas, expectedReplicas } = body as Record<string, unknown>;
  const v = checkReplicas(replicas, max);
  if (!v.ok) throw new ApiError(badRequest(v.error, [{ field: 'replicas', reason: 'FieldValueInvalid', message: v.error }]));
  if (expectedReplicas === undefined) return { replicas: replicas as number };
  if (typeof expectedReplicas !== 'number' || !Number.isInteger(expectedReplicas) || expectedReplicas < 0) {
    throw new ApiError(badRequest('expectedReplicas must be a whole number'));
  }
  return { replicas: replicas as number, expectedReplicas };
}
