import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateHierarchy, LARGE } from "../../bench/generate-hierarchy";
import { validateDocument } from "../../lib/rules/engine";
import { compileShape, NOT_FAST, type KeyCounter } from "../../lib/topology/fast-shape";
import { countParsedKeys } from "../../lib/topology/json-text";
import { readTopologyFile, readTopologyText } from "../../lib/topology/load";
import { topologySchema } from "../../lib/topology/schema";
import { labDoc } from "../fixtures/lab";

/**
 * The compiled shape checker (fast-shape.ts) stands in for zod on well-formed documents, so it
 * must give zod's output exactly — same values, defaults and key order — and must never accept
 * what zod refuses. Refusing what zod accepts only costs time (zod then runs).
 */
const copy = compileShape(topologySchema, "copy")!;
const inPlace = compileShape(topologySchema, "in place")!;
const fieldsOnly = compileShape(topologySchema, "in place", "fields only")!;

/**
 * "fields only" reads no key that is not a field; what it may accept is only what it accepted
 * with its count of fields read equal to the keys the input had (parse.ts compares that count
 * with the text's key colons). Undefined when it refused, or counted fewer.
 */
const fieldsOnlyAccepting = (doc: unknown): unknown => {
  const keys = countParsedKeys(doc);
  const counter: KeyCounter = { keys: 0, defaults: 0 };
  const out = fieldsOnly(doc, counter);
  return out !== NOT_FAST && counter.keys === keys ? out : undefined;
};

const EXAMPLES = ["lab", "branch-offices", "limits"].map((name) => join(__dirname, "../../examples", name, "topology.yaml"));
const corpora = (): [string, unknown][] => [
  ["the lab fixture", labDoc()],
  ...EXAMPLES.map((file): [string, unknown] => [file.split("/").slice(-2).join("/"), readTopologyFile(file).data]),
  ["a generated 1,000-DP hierarchy", generateHierarchy({ ...LARGE, standardPerPrimary: 20, secondariesPerPrimary: 1 })],
];

/** Values and key order, as JSON.stringify would write them, with undefined kept visible. */
const ordered = (v: unknown): string => JSON.stringify(v, (_k, x) => (x === undefined ? "<undefined>" : x));
const clone = <T>(v: T): T => structuredClone(v);

describe("compiled shape checker", () => {
  it("compiles from the schema in both modes (else every document takes zod's slower path)", () => {
    expect(typeof copy).toBe("function");
    expect(typeof inPlace).toBe("function");
    expect(typeof fieldsOnly).toBe("function");
  });

  it.each(corpora())("gives zod's output for %s, in the schema's key order, and leaves the input as it was", (_name, doc) => {
    const before = ordered(doc);
    const zod = topologySchema.parse(clone(doc));
    const out = copy(doc);
    expect(out).not.toBe(NOT_FAST);
    expect(ordered(out)).toBe(ordered(zod));
    expect(ordered(doc)).toBe(before);
  });

  it.each(corpora())("in place: %s becomes zod's output itself (no copy)", (_name, doc) => {
    const input = clone(doc);
    const out = inPlace(input);
    expect(out).toBe(input);
    expect(out).toStrictEqual(topologySchema.parse(clone(doc)));
    const fields = clone(doc);
    expect(fieldsOnlyAccepting(fields)).toBe(fields);
    expect(fields).toStrictEqual(out);
  });

  it.each([
    ["an unknown key", (d: Doc) => ((d.distributionPoints[0] as Doc).serverr = "x")],
    ["a missing required field", (d: Doc) => delete (d.distributionPoints[0] as Doc).os],
    ["an own __proto__ key (as JSON.parse makes it)", (d: Doc) => Object.defineProperty(d.distributionPoints[0], "__proto__", { value: {}, enumerable: true })],
    ["an empty string", (d: Doc) => ((d.distributionPoints[0] as Doc).server = "")],
    ["a line break in a string", (d: Doc) => ((d.distributionPoints[0] as Doc).server = "a\nb")],
    ["a string of 1,025 characters", (d: Doc) => ((d.distributionPoints[0] as Doc).server = "a".repeat(1025))],
    ["a fractional core count", (d: Doc) => (((d.distributionPoints[0] as Doc).hardware as Doc).cores = 1.5)],
    ["zero cores", (d: Doc) => (((d.distributionPoints[0] as Doc).hardware as Doc).cores = 0)],
    ["NaN memory", (d: Doc) => (((d.distributionPoints[0] as Doc).hardware as Doc).memoryGB = Number.NaN)],
    ["infinite memory", (d: Doc) => (((d.distributionPoints[0] as Doc).hardware as Doc).memoryGB = Number.POSITIVE_INFINITY)],
    ["zero memory (the bound is exclusive)", (d: Doc) => (((d.distributionPoints[0] as Doc).hardware as Doc).memoryGB = 0)],
    ["an OS the format does not name", (d: Doc) => ((d.distributionPoints[0] as Doc).os = "windows-xp")],
    ["a string where a boolean goes", (d: Doc) => ((d.distributionPoints[0] as Doc).serverCore = "false")],
    ["a boundary with two keys", (d: Doc) => ((d.boundaryGroups[0] as Doc).boundaries = [{ ipSubnet: "10.0.0.0/24", adSite: "X" }])],
    ["no primary site", (d: Doc) => (d.primarySites = [])],
    ["an object where an array goes", (d: Doc) => (d.waivers = {})],
    ["a NetBIOS domain with a dollar sign", (d: Doc) => (d.domain = "LA$B")],
  ])("refuses %s, as zod does", (_name, mutate) => {
    const doc = labDoc() as unknown as Doc;
    mutate(doc);
    expect(topologySchema.safeParse(doc).success).toBe(false);
    expect(copy(doc)).toBe(NOT_FAST);
    expect(inPlace(clone(doc))).toBe(NOT_FAST);
    expect(fieldsOnlyAccepting(clone(doc))).toBeUndefined();
  });

  it.each([
    ["a key present with the value undefined", (d: Doc) => ((d.distributionPoints[0] as Doc).description = undefined)],
    ["an object of a class", (d: Doc) => (d.distributionPoints[0] = Object.assign(new (class Dp {})(), d.distributionPoints[0]))],
  ])("leaves %s to zod, which accepts it", (_name, mutate) => {
    const doc = labDoc() as unknown as Doc;
    mutate(doc);
    expect(topologySchema.safeParse(doc).success).toBe(true);
    expect(copy(doc)).toBe(NOT_FAST);
  });

  it("never accepts what zod refuses, nor differs from zod's output, on randomly mutated documents", () => {
    const base = generateHierarchy({ ...LARGE, standardPerPrimary: 3, secondariesPerPrimary: 1 }) as unknown as Doc;
    const weird = fc.constantFrom<unknown>(undefined, null, "", " ", "x", "a\u2028b", "\u0000", 0, -1, 1.5, 2 ** 53, Number.NaN, true, false, [], {}, [1], { x: 1 }, "automatic", "D", "windows-7", "weekly");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), weird, fc.boolean()), { minLength: 1, maxLength: 4 }), (edits) => {
        const doc = clone(base);
        for (const [a, b, value, remove] of edits) mutateAt(doc, a, b, value, remove);
        const zod = topologySchema.safeParse(clone(doc));
        const out = copy(doc);
        if (out !== NOT_FAST) {
          expect(zod.success).toBe(true);
          expect(ordered(out)).toBe(ordered(zod.data));
        }
        if (!zod.success) expect(inPlace(clone(doc))).toBe(NOT_FAST);
        if (!zod.success) expect(fieldsOnlyAccepting(clone(doc))).toBeUndefined();
        else {
          const accepted = fieldsOnlyAccepting(clone(doc));
          if (accepted !== undefined) expect(accepted).toStrictEqual(zod.data);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("validate reaches the same verdicts whether or not it may consume the parsed data", () => {
    for (const file of EXAMPLES) {
      const kept = validateDocument(readTopologyFile(file));
      const consumed = validateDocument(readTopologyFile(file), undefined, { consume: true });
      expect(consumed.diagnostics).toStrictEqual(kept.diagnostics);
    }
    const broken = "configMgrVersion: '2403'\ndomain: LAB\nprimarySites: [{ siteCode: P01, server: p.lab.local, colour: red }]\n";
    expect(validateDocument(readTopologyText(broken, "t.yaml"), undefined, { consume: true }).diagnostics).toStrictEqual(
      validateDocument(readTopologyText(broken, "t.yaml")).diagnostics,
    );
  });
});

type Doc = Record<string, unknown> & { distributionPoints: unknown[]; boundaryGroups: unknown[] };

/** Sets (or deletes) one field somewhere in the document: the a-th object met, its b-th key. */
function mutateAt(doc: unknown, a: number, b: number, value: unknown, remove: boolean): void {
  const objects: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (v === null || typeof v !== "object") return;
    if (Array.isArray(v)) v.forEach(walk);
    else {
      objects.push(v as Record<string, unknown>);
      Object.values(v).forEach(walk);
    }
  };
  walk(doc);
  const target = objects[a % objects.length];
  const keys = Object.keys(target);
  const key = keys.length === 0 || b % (keys.length + 1) === keys.length ? "extra" : keys[b % keys.length];
  if (remove) delete target[key];
  else target[key] = value;
}
