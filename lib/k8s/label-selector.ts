// Parses kubectl's `-l` label selector syntax (apimachinery labels.Parse): `app=nginx`, `env in (a,b)`,
// `!canary`, `tier notin (x)`, `a!=b`, `a==b`, `version>2`. A selector is checked here before it reaches the
// API server, so a typo gets a message that points at it instead of a 400 from the cluster.

export type Operator = '=' | '!=' | 'in' | 'notin' | 'exists' | '!' | '>' | '<';
export interface Requirement { key: string; operator: Operator; values: string[] }
export type SelectorResult = { ok: true; requirements: Requirement[]; normalized: string } | { ok: false; error: string };

const NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const TOKEN = /\s*(\(|\)|,|!=|==|=|!|>|<|[^\s(),=!<>]+)/y;

function tokenize(input: string): string[] | string {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < input.length) {
    if (/^\s*$/.test(input.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(input);
    if (!m) return `unexpected character at position ${TOKEN.lastIndex + 1}`;
    tokens.push(m[1]);
  }
  return tokens;
}

function keyError(key: string): string | undefined {
  const parts = key.split('/');
  if (parts.length > 2) return `invalid label key "${key}": at most one "/"`;
  const name = parts[parts.length - 1];
  if (parts.length === 2 && (parts[0].length > 253 || !PREFIX.test(parts[0]))) {
    return `invalid label key "${key}": the prefix must be a DNS subdomain`;
  }
  if (name.length === 0 || name.length > 63 || !NAME.test(name)) {
    return `invalid label key "${key}": name part must be 1-63 alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character`;
  }
  return undefined;
}

function valueError(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63 || !NAME.test(value)) {
    return `invalid label value "${value}": must be 63 characters or less, alphanumeric, '-', '_' or '.', starting and ending with an alphanumeric character`;
  }
  return undefined;
}

export function parseLabelSelector(input: string): SelectorResult {
  const tokens = tokenize(input.trim());
  if (typeof tokens === 'string') return { ok: false, error: tokens };
  const requirements: Requirement[] = [];
  let i = 0;
  const fail = (error: string): SelectorResult => ({ ok: false, error });
  while (i < tokens.length) {
    let operator: Operator | undefined;
    if (tokens[i] === '!') { operator = '!'; i++; }
    const key = tokens[i++];
    if (!key || /^[(),=!<>]/.test(key)) return fail(`expected a label key${key ? ` but found "${key}"` : ' at the end'}`);
    const err = keyError(key);
    if (err) return fail(err);
    let values: string[] = [];
    const next = tokens[i];
    if (operator === '!') {
      // `!key` takes no operator.
    } else if (next === undefined || next === ',') {
      operator = 'exists';
    } else if (next === '=' || next === '==' || next === '!=' || next === '>' || next === '<') {
      operator = next === '==' ? '=' : next;
      i++;
      const value = tokens[i] === undefined || tokens[i] === ',' ? '' : tokens[i++];
      if (/^[(),=!<>]/.test(value)) return fail(`unexpected "${value}" after "${key}${next}"`);
      if ((operator === '>' || operator === '<') && !/^-?\d+$/.test(value)) return fail(`"${key}${next}" needs an integer value`);
      const vErr = valueError(value);
      if (vErr) return fail(vErr);
      values = [value];
    } else if (next === 'in' || next === 'notin') {
      operator = next;
      i++;
      if (tokens[i++] !== '(') return fail(`expected "(" after "${key} ${next}"`);
      for (;;) {
        const value = tokens[i] === ',' || tokens[i] === ')' ? '' : tokens[i++];
        if (value === undefined) return fail(`missing ")" in "${key} ${next} (…"`);
        const vErr = valueError(value);
        if (vErr) return fail(vErr);
        values.push(value);
        const sep = tokens[i++];
        if (sep === ')') break;
        if (sep === undefined) return fail(`missing ")" in "${key} ${next} (…"`);
        if (sep !== ',') return fail(`expected "," or ")" in the values of "${key}"`);
      }
    } else {
      return fail(`unexpected "${next}" after "${key}": expected =, ==, !=, in, notin or ","`);
    }
    requirements.push({ key, operator, values });
    if (i < tokens.length) {
      if (tokens[i] !== ',') return fail(`expected "," after the requirement on "${key}"`);
      i++;
      if (i === tokens.length) return fail('a selector must not end with ","');
    }
  }
  return { ok: true, requirements, normalized: requirements.map(formatRequirement).join(',') };
}

export function formatRequirement(r: Requirement): string {
  switch (r.operator) {
    case 'exists': return r.key;
    case '!': return `!${r.key}`;
    case 'in': case 'notin': return `${r.key} ${r.operator} (${r.values.join(',')})`;
    default: return `${r.key}${r.operator}${r.values[0]}`;
  }
}
