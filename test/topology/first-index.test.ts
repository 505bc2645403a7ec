import { describe, expect, it } from "vitest";
import { FirstIndex } from "../../lib/topology/first-index";

/** What the index stands for: a Map of each key to its first item, in the items' order. */
function reference<V>(items: readonly V[], keyOf: (item: V) => string): Map<string, V> {
  const map = new Map<string, V>();
  for (const item of items) if (!map.has(keyOf(item))) map.set(keyOf(item), item);
  return map;
}

describe("FirstIndex (the model's server and group-name indexes)", () => {
  const items = ["b", "a", "b", "__proto__", "c", "a", "", "constructor"].map((key, at) => ({ key, at }));
  const index = new FirstIndex(items, (i) => i.key);

  it("gives each key's first item, counts each key once and iterates in the items' order", () => {
    expect(index.get("b")).toBe(items[0]);
    expect(index.get("a")).toBe(items[1]);
    expect(index.get("__proto__")).toBe(items[3]);
    expect(index.get("")).toBe(items[6]);
    expect(index.size).toBe(6);
    expect([...index.keys()]).toEqual(["b", "a", "__proto__", "c", "", "constructor"]);
    expect([...index]).toEqual([...reference(items, (i) => i.key)]);
    expect([...index.values()].map((i) => i.at)).toEqual([0, 1, 3, 4, 6, 7]);
    const seen: string[] = [];
    index.forEach((item, key, map) => {
      expect(map).toBe(index);
      seen.push(`${key}@${item.at}`);
    });
    expect(seen).toEqual(["b@0", "a@1", "__proto__@3", "c@4", "@6", "constructor@7"]);
  });

  it("answers nothing for keys it does not hold, whatever their type", () => {
    expect(index.get("d")).toBeUndefined();
    expect(index.has("B")).toBe(false);
    expect(index.has("toString")).toBe(false);
    expect(index.get(1 as unknown as string)).toBeUndefined();
    expect(index.has(undefined as unknown as string)).toBe(false);
    expect(new FirstIndex([], String).size).toBe(0);
  });

  it("agrees with a Map on 50,000 names with repeats, non-ASCII and surrogate pairs", () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const alphabet = ["a", "b", "Z", ".", "-", "é", "ß", "\u{1F600}", "0"];
    const names = Array.from({ length: 50_000 }, () => Array.from({ length: 1 + (next() % 6) }, () => alphabet[next() % alphabet.length]).join(""));
    const idx = new FirstIndex(names, (s) => s);
    const ref = reference(names, (s) => s);
    expect(idx.size).toBe(ref.size);
    expect([...idx.keys()]).toEqual([...ref.keys()]);
    for (const name of names) expect(idx.get(name)).toBe(ref.get(name));
    for (let i = 0; i < 1000; i++) expect(idx.has(`absent${i}`)).toBe(false);
  });
});
