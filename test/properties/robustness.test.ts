import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CATALOG } from "../../lib/rules/catalog";
import { validateDocument } from "../../lib/rules/engine";
import type { Diagnostic } from "../../lib/rules/types";
import { loadTopologyObject, readTopologyText } from "../../lib/topology/load";
import { stringify } from "yaml";
import { labDoc } from "../fixtures/lab";

/** Every rejection is a diagnostic carrying a known rule id and the fields a user reads. */
function expectWellFormed(diagnostics: readonly Diagnostic[]) {
  for (const d of diagnostics) {
    expect(CATALOG.has(d.rule), d.rule).toBe(true);
    expect(["error", "warning"]).toContain(d.severity);
    expect(typeof d.object).toBe("string");
    expect(typeof d.path).toBe("string");
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.source.length).toBeGreaterThan(0);
    expect(d.fix.length).toBeGreaterThan(0);
    expect(typeof d.waived).toBe("boolean");
  }
}

const weird = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constant(""),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_VALUE, 1e308, -1, 0, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }),
  fc.letrec((tie) => ({ deep: fc.oneof({ depthSize: "small" }, fc.constant(1), fc.array(tie("deep"), { maxLength: 2 })) })).deep,
);

type Json = Record<string, unknown> | unknown[];

/** Walks to a random node of the lab document and replaces, deletes, duplicates or adds there. */
function mutate(doc: Json, picks: number[], value: unknown, op: number): Json {
  let node: unknown = doc;
  for (const pick of picks) {
    const keys = Array.isArray(node) ? node.map((_, i) => i) : node && typeof node === "object" ? Object.keys(node) : [];
    if (keys.length === 0) break;
    const key = keys[pick % keys.length];
    const child = (node as Record<string | number, unknown>)[key];
    if (child === null || typeof child !== "object" || pick % 3 === 0) {
      const container = node as Record<string | number, unknown>;
      if (op === 0) container[key] = value;
      else if (op === 1) delete container[key];
      else if (op === 2 && Array.isArray(container)) container.push(structuredClone(child));
      else container[`x${String(key)}`] = value;
      return doc;
    }
    node = child;
  }
  return doc;
}

describe("robustness (fast-check)", () => {
  it("mutated lab documents never make the engine throw; every rejection is a diagnostic", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), weird, fc.nat(3), (picks, value, op) => {
        const doc = mutate(labDoc() as Json, picks, value, op);
        const result = validateDocument(loadTopologyObject(doc));
        expectWellFormed(result.diagnostics);
      }),
      { numRuns: 400 },
    );
  });

  it("any value as the whole document is rejected with diagnostics, never a throw", () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true }), (value) => {
        const result = validateDocument(loadTopologyObject(value));
        expect(result.summary.errors).toBeGreaterThan(0);
        expectWellFormed(result.diagnostics);
      }),
      { numRuns: 200 },
    );
  });

  it("random and mangled YAML text never makes the loader or the engine throw", () => {
    const labYaml = stringify(labDoc());
    fc.assert(
      fc.property(fc.nat(labYaml.length), fc.string({ unit: "grapheme", maxLength: 20 }), fc.nat(40), (at, insert, cut) => {
        const text = labYaml.slice(0, at) + insert + labYaml.slice(at + cut);
        const loaded = readTopologyText(text, "fuzz.yaml");
        const result = validateDocument(loaded);
        expectWellFormed(result.diagnostics);
        if (loaded.error) {
          expect(result.unreadable).toBe(true);
          expect(loaded.error.message).toMatch(/^fuzz\.yaml/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("deep nesting, huge numbers, duplicated keys and unicode are diagnostics", () => {
    const deep = "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    const dup = "domain: LAB\ndomain: LAB2\nconfigMgrVersion: '2403'\nprimarySites: []\n";
    const huge = stringify({ ...labDoc(), primarySites: [{ siteCode: "P01", server: "cm01.lab.local", clients: 1e308 }] });
    const unicode = stringify({ ...labDoc(), domain: "ЛАБ\u200b", configMgrVersion: "２４０３" });
    for (const text of [deep, dup, huge, unicode]) {
      const result = validateDocument(readTopologyText(text, "t.yaml"));
      expect(result.summary.errors).toBeGreaterThan(0);
      expectWellFormed(result.diagnostics);
    }
    const dupResult = validateDocument(readTopologyText(dup, "t.yaml"));
    expect(dupResult.diagnostics[0]).toMatchObject({ rule: "SCHEMA", line: 2, column: 1 });
  });
});
