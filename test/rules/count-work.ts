import { runRules } from "../../lib/rules/run";
import type { Rule } from "../../lib/rules/types";
import { loadTopologyObject } from "../../lib/topology/load";
import type { TopologyModel } from "../../lib/topology/model";
import { parseTopology } from "../../lib/topology/parse";

/**
 * Counts the basic operations a synchronous piece of code performs — Map and Set lookups and
 * inserts, Map iteration steps and array pushes — so that a test can assert linear cost by
 * comparing the counts at two input sizes instead of timing them (timings fail on a loaded
 * machine; counts do not). The prototypes are patched only while `fn` runs.
 */
export function countWork<T>(fn: () => T, extra: { count: () => number } = { count: () => 0 }): { result: T; work: number } {
  let work = 0;
  const patches: [object, PropertyKey, unknown][] = [];
  const patch = (proto: object, key: PropertyKey) => {
    const original = (proto as Record<PropertyKey, (...args: unknown[]) => unknown>)[key];
    patches.push([proto, key, original]);
    (proto as Record<PropertyKey, unknown>)[key] = function (this: unknown, ...args: unknown[]) {
      work++;
      return original.apply(this, args);
    };
  };
  const iterate = (proto: object, key: PropertyKey) => {
    const original = (proto as Record<PropertyKey, (...args: unknown[]) => Iterator<unknown>>)[key];
    patches.push([proto, key, original]);
    (proto as Record<PropertyKey, unknown>)[key] = function (this: unknown) {
      const it = original.call(this);
      return {
        next() {
          work++;
          return it.next();
        },
        [Symbol.iterator]() {
          return this;
        },
      };
    };
  };
  for (const key of ["get", "set", "has"]) patch(Map.prototype, key);
  for (const key of ["has", "add"]) patch(Set.prototype, key);
  patch(Array.prototype, "push");
  for (const key of [Symbol.iterator, "entries", "values", "keys"]) iterate(Map.prototype, key);
  for (const key of [Symbol.iterator, "values"]) iterate(Set.prototype, key);
  const before = extra.count();
  try {
    const result = fn();
    return { result, work: work + extra.count() - before };
  } finally {
    for (const [proto, key, original] of patches.reverse()) (proto as Record<PropertyKey, unknown>)[key] = original;
  }
}

/** Work at 4× the input over work at 1×: about 4 when linear, 16 when quadratic. */
export const LINEAR_GROWTH_4X = 4.6;

/** The model of a document, so that only the rule's own work is counted. */
export function modelOf(doc: unknown): TopologyModel {
  const parsed = parseTopology(loadTopologyObject(doc));
  if (!parsed.ok) throw new Error(`the document does not parse: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
  return parsed.model;
}

/** Runs one rule over a model, counting its work. */
export const countRule = (rule: Rule, model: TopologyModel) => countWork(() => runRules(model, [rule]));
