/**
 * Anchors and aliases let a document share one mapping among many places (`hardware: *hw` in
 * every DP); the parsers keep one copy, but the checks and the model visit it once per use. The
 * bound is on that expanded size, and it scales with what was written: sharing settings is
 * accepted however many aliases it takes, a "billion laughs" document (aliases of aliases) is not.
 */

/** Nodes the expanded document may hold beyond what was written… */
export const EXPANSION_ALLOWANCE = 100_000;
/** …and how many times what was written. */
export const EXPANSION_FACTOR = 10;

export interface Expansion {
  /** Values (containers and scalars) as written: each shared container once. */
  readonly written: number;
  /** Values as the checks see them: each use of a shared container counted in full (capped). */
  readonly expanded: number;
  /** An alias that refers to a mapping or list containing it. */
  readonly cycle: boolean;
}

export function expansionLimit(written: number): number {
  return EXPANSION_ALLOWANCE + EXPANSION_FACTOR * written;
}

/** The reason to refuse the document, or undefined when it is within the bound. */
export function expansionProblem(data: unknown, childrenOf: ChildrenOf = jsChildren): string | undefined {
  const e = measureExpansion(data, childrenOf);
  if (e.cycle) return "an alias refers to a mapping or list that contains it (the document would be infinite)";
  const limit = expansionLimit(e.written);
  if (e.expanded > limit) {
    return `its aliases expand ${e.written.toLocaleString("en-US")} written values to more than ${limit.toLocaleString("en-US")} (the bound is ${EXPANSION_ALLOWANCE.toLocaleString("en-US")} + ${EXPANSION_FACTOR} × the values written); share settings with fewer levels of aliases`;
  }
  return undefined;
}

/**
 * One visit per distinct container (memoised sizes), iterative so that nesting depth cannot
 * overflow the stack. Sizes saturate at a cap so that an exponential document cannot overflow
 * the number either.
 */
/** The children of a container, or undefined for a scalar. */
export type ChildrenOf = (node: unknown) => readonly unknown[] | undefined;

const jsChildren: ChildrenOf = (node) =>
  node === null || typeof node !== "object" ? undefined : Array.isArray(node) ? node : Object.values(node);

/**
 * Keys js-yaml spells differently from the `yaml` package: a null key ("null" against ""), a
 * mapping or list as key ("[object Object]", "a,b" against its YAML text). The loader reads such
 * documents with the `yaml` package, so that messages name the keys as they always did.
 */
export function hasRespelledKey(data: unknown, shared: boolean): boolean {
  // Without aliases the data is a tree: no need to remember what was visited.
  const seen = shared ? new Set<object>() : undefined;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== "object") continue;
    if (seen) {
      if (seen.has(v)) continue;
      seen.add(v);
    }
    if (Array.isArray(v)) {
      for (const x of v) if (x !== null && typeof x === "object") stack.push(x);
      continue;
    }
    for (const k in v) {
      if (k === "null" || k === "" || k.includes(",") || k.startsWith("[object ")) return true;
      const x = (v as Record<string, unknown>)[k];
      if (x !== null && typeof x === "object") stack.push(x);
    }
  }
  return false;
}

export function measureExpansion(data: unknown, childrenOf: ChildrenOf = jsChildren): Expansion {
  const CAP = Number.MAX_SAFE_INTEGER / 4;
  const size = new Map<object, number>();
  const onStack = new Set<object>();
  let written = 0;
  let cycle = false;
  type Frame = { readonly node: object; readonly children: readonly unknown[]; next: number; total: number };
  const open = (node: object, children: readonly unknown[]): Frame => {
    onStack.add(node);
    written += 1 + children.length;
    return { node, children, next: 0, total: 1 };
  };
  const rootChildren = childrenOf(data);
  if (!rootChildren) return { written: 1, expanded: 1, cycle: false };
  const stack: Frame[] = [open(data as object, rootChildren)];
  let result = 1;
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      const known = child !== null && typeof child === "object" ? size.get(child) : undefined;
      if (known !== undefined) {
        top.total = Math.min(CAP, top.total + known);
        continue;
      }
      const grandchildren = childrenOf(child);
      if (!grandchildren) {
        top.total = Math.min(CAP, top.total + 1);
        continue;
      }
      if (onStack.has(child as object)) {
        cycle = true;
        continue;
      }
      stack.push(open(child as object, grandchildren));
      continue;
    }
    stack.pop();
    onStack.delete(top.node);
    size.set(top.node, top.total);
    result = top.total;
    const parent = stack[stack.length - 1];
    if (parent) parent.total = Math.min(CAP, parent.total + top.total);
  }
  return { written, expanded: result, cycle };
}
