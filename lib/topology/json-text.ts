/**
 * JSON text that JSON.parse has already accepted, read a second time only for what JSON.parse
 * does not give: whether a key is written twice in one object, and where a value was written.
 * Every function here is linear in the text it scans; the position index is built lazily, one
 * container at a time, for the paths that have a diagnostic.
 */
import type { DocPath, SourcePosition } from "./load";
import { lineIndex } from "./lines";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Offset of the quote closing the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let j = start + 1;
  for (;;) {
    j = text.indexOf('"', j);
    if (j === -1) return text.length;
    let k = j - 1;
    while (text.charCodeAt(k) === BACKSLASH) k--;
    if ((j - 1 - k) % 2 === 0) return j;
    j++;
  }
}

/**
 * At least as many as the object keys the text writes: the colons whose last non-space
 * character before them is a quote. Every key's closing quote is followed by its colon, so no
 * key is missed; a colon inside a string (`"a\":b"`, `": x"`) may be counted too. So when this
 * equals the parsed objects' key count, no key was dropped by JSON.parse (no key written twice);
 * when it does not, jsonDuplicateKeyOffsets tells. A colon is rarer than a quote, which makes
 * this scan several times cheaper than reading every string.
 */
export function countKeyColonsAtLeast(text: string): number {
  let colons = 0;
  for (let i = text.indexOf(":"); i !== -1; i = text.indexOf(":", i + 1)) {
    let k = i - 1;
    while (isSpace(text.charCodeAt(k))) k--;
    if (text.charCodeAt(k) === QUOTE) colons++;
  }
  return colons;
}

/** How many own keys the parsed objects hold (iterative: depth does not matter). */
export function countParsedKeys(value: unknown): number {
  let keys = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === "object") stack.push(x);
    } else {
      for (const k in v) {
        keys++;
        const x = (v as Record<string, unknown>)[k];
        if (x !== null && typeof x === "object") stack.push(x);
      }
    }
  }
  return keys;
}

interface Member {
  readonly keyAt: number;
  readonly valueAt: number;
}

/** One object or array of the text: where its members start (first occurrence of each key). */
type Container = { readonly kind: "object"; readonly members: Map<string, Member> } | { readonly kind: "array"; readonly items: number[] };

/**
 * Reads the container that opens at `start` (a `{` or `[`): its direct members, skipping
 * nested values with a depth counter (no recursion, so nesting depth cannot overflow the stack).
 */
function readContainer(text: string, start: number): Container {
  const object = text.charCodeAt(start) === 0x7b;
  const members = new Map<string, Member>();
  const items: number[] = [];
  let i = start + 1;
  const skipSpace = () => {
    while (isSpace(text.charCodeAt(i))) i++;
  };
  for (;;) {
    skipSpace();
    const c = text.charCodeAt(i);
    if (c === 0x7d || c === 0x5d || Number.isNaN(c)) break;
    if (c === 0x2c) {
      i++;
      continue;
    }
    let keyAt = -1;
    let key = "";
    if (object) {
      keyAt = i;
      const end = stringEnd(text, i);
      key = JSON.parse(text.slice(i, end + 1)) as string;
      i = end + 1;
      skipSpace();
      i++; // the colon
      skipSpace();
    }
    const valueAt = i;
    i = skipValue(text, i);
    if (object) {
      if (!members.has(key)) members.set(key, { keyAt, valueAt });
    } else items.push(valueAt);
  }
  return object ? { kind: "object", members } : { kind: "array", items };
}

/** Offset just after the value that starts at `i` (a depth counter, no recursion). */
function skipValue(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (first === QUOTE) return stringEnd(text, i) + 1;
  if (first === 0x7b || first === 0x5b) {
    let depth = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        i = stringEnd(text, i) + 1;
        continue;
      }
      if (c === 0x7b || c === 0x5b) depth++;
      else if (c === 0x7d || c === 0x5d) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return i;
  }
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x7d || c === 0x5d || isSpace(c)) break;
    i++;
  }
  return i;
}

/** Offsets of keys written a second time in their object, in text order (one pass, a stack of key sets). */
export function jsonDuplicateKeyOffsets(text: string): number[] {
  const found: number[] = [];
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      const keys = stack[stack.length - 1];
      if (expectKey && keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (keys.has(key)) found.push(i);
        else keys.add(key);
      }
      expectKey = false;
      i = end + 1;
      continue;
    }
    if (c === 0x7b) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) {
      stack.push(null);
      expectKey = false;
    } else if (c === 0x7d || c === 0x5d) {
      stack.pop();
      expectKey = false;
    } else if (c === 0x2c) expectKey = stack[stack.length - 1] !== null && stack.length > 0;
    i++;
  }
  return found;
}

/** positionOf for JSON text: the same answers as the YAML parser's node ranges gave. */
export function jsonPositions(text: string): (path: DocPath, key?: string) => SourcePosition | undefined {
  const lines = lineIndex(text);
  const containers = new Map<number, Container>();
  const containerAt = (offset: number) => {
    let c = containers.get(offset);
    if (!c) containers.set(offset, (c = readContainer(text, offset)));
    return c;
  };
  let rootAt = 0;
  while (isSpace(text.charCodeAt(rootAt))) rootAt++;
  return (path, key) => {
    let at = rootAt;
    const segments = key === undefined ? path : [...path, key];
    for (let s = 0; s < segments.length; s++) {
      const segment = segments[s];
      const c = text.charCodeAt(at);
      if (c !== 0x7b && c !== 0x5b) break;
      const container = containerAt(at);
      if (container.kind === "object") {
        const member = typeof segment === "string" ? container.members.get(segment) : undefined;
        if (!member) break;
        // As the YAML walk did: the key's own position when this segment is the key asked for.
        if (key !== undefined && segment === key) return lines.position(member.keyAt);
        at = member.valueAt;
      } else {
        if (typeof segment !== "number" || !(segment in container.items)) break;
        at = container.items[segment];
      }
    }
    return lines.position(at);
  };
}
