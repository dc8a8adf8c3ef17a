// Pure, one pass over the characters, no allocation: lower bounds of what yaml-scan.ts measures exactly (collection
// entries, nesting depth, `---` separators), so that a request far over a limit is refused in milliseconds, before
// any YAML thread starts. yaml's own Parser needs seconds and hundreds of MB for such input (1 MiB of `[`, 200,000
// keys); its Lexer alone, about a second.
//
// Conservative by construction: every count is a LOWER bound of the exact one for valid YAML, so the pre-scan never
// refuses what the exact check (in the worker) would accept. It counts only what it is sure of — `- `, `: ` after a
// key, `[`, `{` and `,` in flow context, `---` at column 0 — outside comments and quoted scalars. Where it cannot
// tell scalar from structure without the full grammar (block scalars, multi-line plain scalars) it skips every
// following line indented deeper than the owning key or `- `, which is at least the scalar's content. What it misses
// the worker still measures exactly.

export interface PrescanCounts { nodes: number; depth: number; separators: number }
export interface PrescanLimits { nodes: number; depth: number; separators: number }

const isEmpty = (c: number | undefined) => c === undefined || Number.isNaN(c) || c === 32 || c === 10 || c === 13 || c === 9;
const isBlank = (c: number) => c === 32 || c === 9 || c === 13;
const C = { nl: 10, sp: 32, dash: 45, dot: 46, hash: 35, q2: 34, q1: 39, colon: 58, comma: 44, lsq: 91, rsq: 93, lcu: 123, rcu: 125, qm: 63, pipe: 124, gt: 62, bang: 33, amp: 38, star: 42, pct: 37, bs: 92 };
const isFlowEnd = (c: number) => c === C.comma || c === C.lsq || c === C.rsq || c === C.lcu || c === C.rcu;

/** Lower bounds of the stream's collection entries, nesting depth and `---` separators; stops once one passes `limits`. */
export function prescanYaml(text: string, limits: PrescanLimits): PrescanCounts {
  const n = text.length;
  const out: PrescanCounts = { nodes: 0, depth: 0, separators: 0 };
  const over = () => out.nodes > limits.nodes || out.depth > limits.depth || out.separators > limits.separators;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let flow = 0; // flow nesting level
  let flowBase = 0; // block depth (compact `- ` chain) under the outermost flow collection
  let quote = 0; // the open quote's char code, or 0
  let plain = false; // inside a plain scalar
  let atNode = true; // where a node may start (after an indicator, at line start, after a flow `,`)
  let lastOwner = -1; // column of the latest key or `- ` (the indent a scalar's continuation lines exceed)
  let plainOwner = -1;
  let nodeCol = 0; // where the latest key candidate started
  let skipIndent: number | null = null; // lines indented deeper than this are scalar content: skipped
  let chain = 0; // `- ` / `? ` indicators in a row from the line's start (compact nesting)
  let chaining = true;
  let lineStart = i;
  let begun = false; // the current line's start (markers, indentation) was handled

  while (i < n) {
    if (!begun) {
      begun = true;
      // Document markers end everything (yaml itself ends an unterminated quote or flow collection there).
      const c0 = text.charCodeAt(i);
      if ((c0 === C.dash || c0 === C.dot) && text.charCodeAt(i + 1) === c0 && text.charCodeAt(i + 2) === c0 && isEmpty(text.charCodeAt(i + 3))) {
        if (c0 === C.dash) out.separators++;
        if (over()) return out;
        flow = 0; quote = 0; plain = false; atNode = true; lastOwner = -1; skipIndent = null; chain = 0; chaining = true;
        i += 3;
        continue;
      }
      if (!quote && !flow) {
        let j = i;
        while (j < n && text.charCodeAt(j) === C.sp) j++;
        const indent = j - i;
        while (j < n && isBlank(text.charCodeAt(j))) j++;
        const blank = j >= n || text.charCodeAt(j) === C.nl;
        if (skipIndent !== null && (blank || indent > skipIndent)) {
          const eol = text.indexOf('\n', j);
          i = lineStart = eol === -1 ? n : eol + 1;
          begun = false;
          continue;
        }
        skipIndent = null;
        if (c0 === C.pct && lastOwner === -1) {
          const eol = text.indexOf('\n', i); // a directive
          i = lineStart = eol === -1 ? n : eol + 1;
          begun = false;
          continue;
        }
        atNode = true; chain = 0; chaining = true; plain = false;
        i += indent;
        continue;
      }
    }
    const c = text.charCodeAt(i);
    const col = i - lineStart;
    if (c === C.nl) {
      if (plain && !flow && !quote) {
        skipIndent = plainOwner; // a multi-line plain scalar continues on lines deeper than its owner
        plain = false;
      }
      i = lineStart = i + 1;
      begun = false;
      continue;
    }
    if (quote) {
      if (c === C.bs && quote === C.q2 && text.charCodeAt(i + 1) !== C.nl) i += 2;
      else if (c === quote && quote === C.q1 && text.charCodeAt(i + 1) === C.q1) i += 2;
      else {
        if (c === quote) { quote = 0; atNode = false; }
        i++;
      }
      continue;
    }
    const prev = i > 0 ? text.charCodeAt(i - 1) : C.nl;
    if (c === C.hash && (i === lineStart || isEmpty(prev))) {
      const eol = text.indexOf('\n', i); // a comment (it also ends a plain scalar; continuation lines stay skipped)
      i = eol === -1 ? n : eol;
      continue;
    }
    if (isBlank(c)) { i++; continue; }
    const next = text.charCodeAt(i + 1);
    if (flow) {
      if (c === C.lsq || c === C.lcu) {
        flow++; out.nodes++; out.depth = Math.max(out.depth, flowBase + flow); plain = false; atNode = true;
      } else if (c === C.rsq || c === C.rcu) {
        flow--; plain = false; atNode = false;
      } else if (c === C.comma) {
        out.nodes++; plain = false; atNode = true;
      } else if (c === C.colon && (isEmpty(next) || isFlowEnd(next) || (!atNode && !plain))) {
        plain = false; atNode = true;
      } else if (atNode && !plain) {
        if (c === C.q2 || c === C.q1) quote = c;
        else if (c === C.bang || c === C.amp || c === C.star) {
          while (i + 1 < n && !isEmpty(text.charCodeAt(i + 1)) && !isFlowEnd(text.charCodeAt(i + 1))) i++;
          if (c === C.star) atNode = false;
        } else plain = true;
      }
      if (over()) return out;
      i++;
      continue;
    }
    if (plain) {
      if (c === C.colon && isEmpty(next)) {
        out.nodes++; plain = false; atNode = true; lastOwner = nodeCol;
      }
      if (over()) return out;
      i++;
      continue;
    }
    if (!atNode) {
      // After a quoted scalar, a flow collection or an alias: only `: ` (it was a key) means anything.
      if (c === C.colon && isEmpty(next)) { out.nodes++; atNode = true; lastOwner = nodeCol; chaining = false; }
      if (over()) return out;
      i++;
      continue;
    }
    if ((c === C.dash || c === C.qm) && isEmpty(next)) {
      if (c === C.dash) out.nodes++;
      lastOwner = col;
      if (chaining) out.depth = Math.max(out.depth, ++chain);
    } else if (c === C.colon && isEmpty(next)) {
      lastOwner = col; chaining = false; // an explicit key's value
    } else if (c === C.lsq || c === C.lcu) {
      flow = 1; flowBase = chaining ? chain : 0; nodeCol = col; out.nodes++; out.depth = Math.max(out.depth, flowBase + 1); chaining = false;
    } else if (c === C.q2 || c === C.q1) {
      quote = c; nodeCol = col; chaining = false;
    } else if (c === C.pipe || c === C.gt) {
      // A block scalar: its content is every following line deeper than its owner (or, at the root, up to `---`).
      skipIndent = lastOwner;
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? n : eol;
      continue;
    } else if (c === C.bang || c === C.amp || c === C.star) {
      while (i + 1 < n && !isEmpty(text.charCodeAt(i + 1))) i++; // node properties stay at the node; an alias is one
      if (c === C.star) { atNode = false; nodeCol = col; chaining = false; }
    } else {
      plain = true; plainOwner = lastOwner; nodeCol = col; atNode = false; chaining = false;
    }
    if (over()) return out;
    i++;
  }
  return out;
}
