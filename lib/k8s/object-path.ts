import { checkName, checkNamespace } from './validate';

/** The namespace and name segments of an object page's URL, decoded and validated; undefined when either is not valid. */
export function objectPathParams(p: { namespace: string; name: string }): { namespace: string; name: string } | undefined {
  let namespace: string;
  let name: string;
  try {
    namespace = decodeURIComponent(p.namespace);
    name = decodeURIComponent(p.name);
  } catch {
    return undefined;
  }
  return checkNamespace(namespace).ok && checkName(name).ok ? { namespace, name } : undefined;
}
