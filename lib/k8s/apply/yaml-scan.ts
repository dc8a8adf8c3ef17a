import { Composer, isMap, isScalar, isSeq, isPair, LineCounter, Parser, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions } from 'yaml';
import type { CST } from 'yaml';
import { ApiError } from '@/lib/k8s/errors';
import { APPLY_LIMITS } from './types';
import { prescanYaml } from './yaml-prescan';

// Pure, linear: the YAML stream → composed documents, with every limit checked on the concrete syntax tree BEFORE
// any document is built. yaml's own `uniqueKeys` compares each key with every earlier key of its mapping (O(n²):
// 200,000 keys in one mapping fit in 1 MiB and took minutes); duplicates are found here with one Set per mapping.
// yaml's Lexer and Parser keep their own stacks (no recursion), so a deep `[[[[…` is measured, not overflowed;
// the Composer, which does recurse, only sees trees within MAX_DEPTH.

/** Mappings, sequences and their entries: more than this in one request is not a manifest anyone writes by hand. */
export const MAX_NODES = 100_000;
/** Nesting of mappings and sequences (the deepest CRD schemas stay well under 40). */
export const MAX_DEPTH = 100;
/** `---` separators, empty documents included (kubectl skips those, but each one is still built). */
export const MAX_SEPARATORS = 5 * APPLY_LIMITS.maxDocuments;

function tooLarge(message: string): ApiError {
  return new ApiError({ status: 413, reason: 'RequestEntityTooLarge', message: `${message}; nothing was sent` });
}

function unprocessable(message: string): ApiError {
  return new ApiError({ status: 422, reason: 'Invalid', message: `${message}; nothing was sent` });
}

/**
 * The same limits on the raw text, in milliseconds and without building anything (yaml-prescan.ts counts lower
 * bounds): what is refused here would be refused by the exact scan below, only seconds later.
 */
export function prescanLimits(text: string): void {
  const c = prescanYaml(text, { nodes: MAX_NODES, depth: MAX_DEPTH, separators: MAX_SEPARATORS });
  if (c.separators > MAX_SEPARATORS) throw tooLarge(`more than ${MAX_SEPARATORS} YAML documents (--- separators)`);
  if (c.depth > MAX_DEPTH) throw unprocessable(`the YAML nests deeper than ${MAX_DEPTH} levels`);
  if (c.nodes > MAX_NODES) throw tooLarge(`the YAML has more than ${MAX_NODES} keys and list items; at most ${MAX_NODES} may be applied at once`);
}

const TRIVIA = new Set(['comment', 'newline', 'space', 'byte-order-mark', 'directive', 'error']);

/** Counts a document's collection entries and depth with an explicit stack; throws past the limits. */
function measure(doc: CST.Document, counts: { nodes: number }): void {
  const stack: [CST.Token | undefined, number][] = [[doc.value, 0]];
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > MAX_DEPTH) throw unprocessable(`the YAML nests deeper than ${MAX_DEPTH} levels`);
    counts.nodes += 1 + token.items.length;
    if (counts.nodes > MAX_NODES) throw tooLarge(`the YAML has more than ${MAX_NODES} keys and list items; at most ${MAX_NODES} may be applied at once`);
    for (const item of token.items) {
      if ('key' in item && item.key) stack.push([item.key, depth + 1]);
      stack.push([item.value, depth + 1]);
    }
  }
}

/** The CST of the stream's documents, refused (413/422) when it holds too many documents, entries or levels. */
export function scanDocuments(text: string, lineCounter: LineCounter): CST.Token[] {
  const tokens: CST.Token[] = [];
  const counts = { nodes: 0 };
  let separators = 0;
  let documents = 0;
  for (const token of new Parser(lineCounter.addNewLine).parse(text)) {
    tokens.push(token);
    if (token.type !== 'document') continue;
    if (++separators > MAX_SEPARATORS) throw tooLarge(`more than ${MAX_SEPARATORS} YAML documents (--- separators)`);
    if (token.value || token.start.some((t) => !TRIVIA.has(t.type))) documents++;
    measure(token, counts);
  }
  if (documents > APPLY_LIMITS.maxDocuments) throw tooLarge(`${documents} documents; at most ${APPLY_LIMITS.maxDocuments} may be applied at once`);
  return tokens;
}

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** Where the first repeated key of any mapping in the document is (its offset), found in linear time. */
export function duplicateKey(doc: Document): { key: string; offset: number } | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (isScalar(key) && key.value !== '<<') {
          const id = String(key.value);
          if (seen.has(id)) return { key: id, offset: key.range?.[0] ?? 0 };
          seen.add(id);
        }
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}

/** The documents of a stream, composed from a CST that passed the limits. Duplicate keys are left to the caller. */
export function composeDocuments(text: string, options: Options): { docs: Document.Parsed[]; lineCounter: LineCounter } {
  const lineCounter = new LineCounter();
  const tokens = scanDocuments(text, lineCounter);
  const composer = new Composer({ ...options, uniqueKeys: false, lineCounter });
  const docs = [...composer.compose(tokens, true, text.length)] as Document.Parsed[];
  return { docs, lineCounter };
}
