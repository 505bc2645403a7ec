/**
 * YAML text, read twice only when needed. The fast path is js-yaml (about ten times faster than
 * the `yaml` package on large documents: the `yaml` package's CST parser alone takes seconds on
 * 12,500 DPs) with a schema that resolves plain scalars exactly as the `yaml` package's YAML 1.2
 * core schema does, so both give the same data. The `yaml` package stays the reference: it reads
 * documents that js-yaml refuses (so every error message and position is the one it always was),
 * documents with a key written twice (its positions), and it gives line and column numbers
 * lazily, when a diagnostic asks for one.
 */
import jsyaml from "js-yaml";
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from "yaml";
import type { DocPath, SourcePosition } from "./load";

/**
 * The `yaml` package's core schema (YAML 1.2), one js-yaml type per tag. js-yaml asks every
 * implicit type about every plain scalar, so the patterns are built once here, not at each call.
 */
const NULL_WORD = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_WORD = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_DECIMAL = /^[-+]?[0-9]+$/;
const INT_OCTAL = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXPONENT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT_FIXED = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const SIGNED_DOT = /^[-+]?\./;
const INF_END = /inf$/i;
const NAN_END = /nan$/i;
const core = (() => {
  const { Type, FAILSAFE_SCHEMA, types } = jsyaml;
  const nullType = new Type("tag:yaml.org,2002:null", {
    kind: "scalar",
    resolve: (s) => s === null || NULL_WORD.test(s),
    construct: () => null,
  });
  const boolType = new Type("tag:yaml.org,2002:bool", {
    kind: "scalar",
    resolve: (s) => s !== null && BOOL_WORD.test(s),
    construct: (s) => s![0] === "t" || s![0] === "T",
  });
  const intType = new Type("tag:yaml.org,2002:int", {
    kind: "scalar",
    resolve: (s) => s !== null && (INT_DECIMAL.test(s) || INT_OCTAL.test(s) || INT_HEX.test(s)),
    construct: (s) => (s![1] === "o" ? parseInt(s!.substring(2), 8) : s![1] === "x" ? parseInt(s!.substring(2), 16) : parseInt(s!, 10)),
  });
  const floatType = new Type("tag:yaml.org,2002:float", {
    kind: "scalar",
    resolve: (s) => s !== null && (FLOAT_SPECIAL.test(s) || FLOAT_EXPONENT.test(s) || FLOAT_FIXED.test(s)),
    construct: (s) => {
      if (SIGNED_DOT.test(s!) && INF_END.test(s!)) return s![0] === "-" ? -Infinity : Infinity;
      if (NAN_END.test(s!)) return NaN;
      return parseFloat(s!);
    },
  });
  return FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType, types.merge] });
})();

/**
 * Two things js-yaml accepts and the `yaml` package (rightly) refuses, found by the
 * differential fuzz test: properties followed by an implicit key on one line
 * (`x: &a y: 1`, "Nested mappings are not allowed in compact mappings"), and a flow collection
 * continued on a line that is not indented into its block parent. Texts that might hold either
 * are read by the reference parser: the first by a line pattern, the second — which needs a flow
 * collection left open at a line end — only in documents up to 1 MB (beyond that such documents
 * are read by js-yaml, the one known difference that remains; see the README's "Reliability").
 */
export function needsReference(text: string): boolean {
  // Each pattern needs one of these characters: indexOf finds their absence at memory speed.
  const properties = text.includes("&") || text.includes("!");
  if (properties && needsReferenceForProperties(text)) return true;
  if (text.includes("#") && /[}\]"']#/.test(text)) return true;
  return text.length <= 1_000_000 && leavesFlowOpen(text);
}

function needsReferenceForProperties(text: string): boolean {
  if (/:[ \t]+(?:[&!]\S*[ \t]+)+[^\s{\["'#][^\n#]*?:(?:[ \t]|$)/m.test(text)) return true;
  // An anchor or tag run into a flow indicator (`&a[1, 2]`): js-yaml ends the name there.
  if (/(?:^|[\s[{,])[&!][^\s,[\]{}]*[[\]{},]/m.test(text)) return true;
  // The non-specific tag `!` alone (the `yaml` package reads "" where js-yaml reads null); a
  // comment run into a closing bracket or quote (`}#`, above) js-yaml takes and YAML refuses.
  return /(?:^|\s)!(?:\s|$)/m.test(text);
}

/** Whether some line opens more flow brackets than it closes (quotes are not told apart: a false alarm costs time only). */
function leavesFlowOpen(text: string): boolean {
  const lines = /^[^\n]*[{[][^\n]*$/gm;
  for (let m = lines.exec(text); m; m = lines.exec(text)) {
    let depth = 0;
    for (const c of m[0]) {
      if (c === "{" || c === "[") depth++;
      else if (c === "}" || c === "]") depth--;
      else if (c === "#") break;
    }
    if (depth > 0) return true;
  }
  return false;
}

export type FastYaml = { readonly ok: true; readonly data: unknown } | { readonly ok: false; readonly error: jsyaml.YAMLException; readonly bound: boolean };

/** js-yaml's own refusals that are resource bounds: reported as they are, never re-read by the reference parser. */
const BOUND_ERRORS = /maxTotalMergeKeys|abnormal merge sequence size/;

export function fastYaml(text: string, maxMergeKeys: number): FastYaml {
  try {
    const data = jsyaml.load(text, { schema: core, maxTotalMergeKeys: maxMergeKeys });
    // An empty document: the `yaml` package gives null.
    return { ok: true, data: data === undefined ? null : data };
  } catch (err) {
    const error = err as jsyaml.YAMLException;
    return { ok: false, error, bound: BOUND_ERRORS.test(String(error?.message)) };
  }
}

/** With `merge: true` a plain `<<` key's value is Symbol("<<"). */
const isMergeKey = (value: unknown): boolean => typeof value === "symbol" && value.description === "<<";

export interface ReferenceYaml {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The first error that is not a duplicate key, with its offset. */
  readonly error?: { readonly message: string; readonly offset: number };
  readonly duplicateKeyOffsets: readonly number[];
}

/**
 * The `yaml` package, with positions. Its own unique-key check compares each key with every
 * earlier one (quadratic on a 100,000-key mapping); keys written twice are found here instead,
 * with one set per mapping, by the same equality (scalar values, `<<` merge keys excepted).
 */
export function referenceYaml(text: string): ReferenceYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, merge: true, prettyErrors: false, strict: true, logLevel: "silent" });
  const problem = doc.errors[0];
  const duplicateKeyOffsets: number[] = [];
  if (!problem) {
    visit(doc, {
      Map(_, map) {
        const seen = new Set<unknown>();
        for (const pair of map.items) {
          const key = pair.key as YamlNode | null;
          if (!isScalar(key)) continue;
          if (isMergeKey(key.value)) continue;
          if (seen.has(key.value)) duplicateKeyOffsets.push(key.range![0]);
          else seen.add(key.value);
        }
      },
    });
  }
  return {
    doc,
    lineCounter,
    ...(problem ? { error: { message: problem.message, offset: problem.pos[0] } } : {}),
    duplicateKeyOffsets: duplicateKeyOffsets.sort((a, b) => a - b),
  };
}

/**
 * positionOf over the reference parse: the deepest node on the path (or the key asked for).
 * Each mapping gets a key → pair index the first time a path goes through it, so lookups stay
 * linear however many keys a mapping has; a field that came from a merge key (`<<: *defaults`)
 * is found where the anchored mapping wrote it.
 */
export function yamlPositions(ref: ReferenceYaml): (path: DocPath, key?: string) => SourcePosition | undefined {
  const { doc, lineCounter } = ref;
  const at = (offset: number): SourcePosition => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  type Pair = { key: unknown; value: unknown };
  type Index = { readonly pairs: Map<unknown, Pair>; readonly merges: Pair[] };
  const indexes = new WeakMap<object, Index>();
  const resolve = (node: unknown): unknown => {
    for (let hops = 0; isAlias(node) && hops < 100; hops++) node = node.resolve(doc);
    return node;
  };
  const pairOf = (map: { items: Pair[] }, segment: PropertyKey, depth = 0): Pair | undefined => {
    let index = indexes.get(map);
    if (!index) {
      index = { pairs: new Map(), merges: [] };
      for (const p of map.items) {
        const k = isScalar(p.key) ? p.key.value : p.key;
        if (isMergeKey(k)) index.merges.push(p);
        else if (!index.pairs.has(k)) index.pairs.set(k, p);
      }
      indexes.set(map, index);
    }
    const own = index.pairs.get(segment);
    if (own || depth > 20) return own;
    for (const merge of index.merges) {
      const sources = resolve(merge.value);
      for (const source of isSeq(sources) ? sources.items.map(resolve) : [sources]) {
        if (!isMap(source)) continue;
        const found = pairOf(source as unknown as { items: Pair[] }, segment, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  };
  return (path, key) => {
    let node: unknown = doc.contents;
    let best: YamlNode | undefined = node as YamlNode | undefined;
    for (const segment of key === undefined ? path : [...path, key]) {
      const isLast = key !== undefined && segment === key;
      node = resolve(node);
      if (isMap(node)) {
        const pair = pairOf(node as unknown as { items: Pair[] }, segment);
        if (!pair) break;
        if (isLast && pair.key && (pair.key as YamlNode).range) return at((pair.key as YamlNode).range![0]);
        node = pair.value;
      } else if (isSeq(node) && typeof segment === "number") {
        node = node.items[segment];
      } else break;
      if (node && (node as YamlNode).range) best = node as YamlNode;
    }
    return best?.range ? at(best.range[0]) : undefined;
  };
}

/** Children of a node of the reference parse for the expansion bound: an alias stands for what it refers to. */
export function yamlChildren(doc: Document.Parsed): (node: unknown) => readonly unknown[] | undefined {
  return (node) => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      return target ? [target] : [];
    }
    if (isMap(node)) return node.items.flatMap((p) => [p.key, p.value]);
    if (isSeq(node)) return node.items;
    return undefined;
  };
}
