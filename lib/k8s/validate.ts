// Validation of everything that becomes part of an API server URL. Names follow Kubernetes' own rules
// (apimachinery validation), so a bad value is refused here with a clear message instead of by the API server.

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export type Validation = { ok: true } | { ok: false; error: string };

export function checkNamespace(value: string): Validation {
  if (value.length === 0) return { ok: false, error: 'namespace must not be empty' };
  if (value.length > 63) return { ok: false, error: 'namespace must be no more than 63 characters' };
  if (!DNS1123_LABEL.test(value)) {
    return {
      ok: false,
      error: `invalid namespace "${clip(value)}": must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character`,
    };
  }
  return { ok: true };
}

export function checkName(value: string): Validation {
  if (value.length === 0) return { ok: false, error: 'name must not be empty' };
  if (value.length > 253) return { ok: false, error: 'name must be no more than 253 characters' };
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return {
      ok: false,
      error: `invalid name "${clip(value)}": must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    };
  }
  return { ok: true };
}

/** Whole numbers in [0, max]; strings, fractions, exponents and nulls are refused. */
export function checkReplicas(value: unknown, max: number): Validation {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return { ok: false, error: 'replicas must be a whole number' };
  }
  if (value < 0 || value > max) return { ok: false, error: `replicas must be between 0 and ${max}` };
  return { ok: true };
}

/** Keeps echoed user input short in messages. */
export function clip(value: string, max = 64): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}
