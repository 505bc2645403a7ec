import { describe, expect, it } from "vitest";
import { hierarchyInputs } from "../../lib/pulumi/facts";
import { checkObject, type ObjectKind } from "../../lib/pulumi/object-check";
import { check } from "../../lib/pulumi/provider-logic";
import { LOCAL_RULES, NEEDS_CONTEXT_RULES, RULES_READING, TOPOLOGY_ONLY_RULES } from "../../lib/pulumi/rule-scope";
import { pathsIntersect, UNKNOWN_SENTINELS, unknownPaths } from "../../lib/pulumi/unknowns";
import { CATALOG } from "../../lib/rules/catalog";
import { validateDocument } from "../../lib/rules/engine";
import type { Diagnostic } from "../../lib/rules/types";
import { loadTopologyObject } from "../../lib/topology/load";
import { labDoc } from "../fixtures/lab";
import { countsDoc, multiSiteDoc, oldVersionDocs, violationsDoc } from "./corpus";

/**
 * What a user reads of a diagnostic, with the path made relative to its object. REF-UNKNOWN's
 * "Did you mean" names another object of the document, which one object's check cannot know:
 * it is compared without it (and an object's check must never suggest a name of its own).
 */
function shape(d: Diagnostic, whole = false) {
  const field = /^(?:cas|\w+\[\d+\])(?:\.([^.[]+))?/.exec(d.path)?.[1] ?? "";
  const fix = whole && d.rule === "REF-UNKNOWN" ? d.fix.replace(/^Did you mean "[^"]*"\? /, "") : d.fix;
  return `${d.rule}|${d.severity}|${d.object}|${field}|${d.message}|${d.limit}|${d.actual}|${fix}|${d.waived}`;
}

const DOCS: [string, unknown][] = [
  ["the seed lab", labDoc()],
  ["the lab declared against 2403", { ...labDoc(), configMgrVersion: "2403" }],
  ["a multi-site hierarchy", multiSiteDoc()],
  ["a document breaking many rules", violationsDoc()],
  ...oldVersionDocs().map((d, i) => [`an old-version document (${i + 1})`, d] as [string, unknown]),
  ["counting limits", countsDoc()],
];

describe("each object's check decides what the whole-document check decides about it", () => {
  for (const [name, doc] of DOCS) {
    it(name, () => {
      const validation = validateDocument(loadTopologyObject(doc));
      const model = validation.model!;
      expect(model, "the test document parses").toBeDefined();
      const inputs = hierarchyInputs(model);
      const perObject: string[] = [];
      const objects = new Set<string>();
      const run = (kind: ObjectKind, list: Record<string, unknown>[]) => {
        for (const i of list) {
          const verdict = checkObject(kind, i);
          if (objects.has(verdict.ref)) continue; // a duplicate (NAME-UNIQUE) has no resource
          objects.add(verdict.ref);
          perObject.push(...verdict.diagnostics.map((d) => shape(d)));
        }
      };
      run("primarySite", inputs.primaries);
      run("secondarySite", inputs.secondaries);
      run("boundaryGroup", inputs.groups);
      run("distributionPoint", inputs.dps);
      const whole = validation.diagnostics
        .filter((d) => !TOPOLOGY_ONLY_RULES.includes(d.rule) && objects.has(d.object))
        .map((d) => shape(d, true));
      expect(perObject.sort()).toEqual(whole.sort());
    });
  }

  it("the document breaking many rules really exercises the per-object checks", () => {
    const validation = validateDocument(loadTopologyObject(violationsDoc()));
    const perObject = validation.diagnostics.filter((d) => !TOPOLOGY_ONLY_RULES.includes(d.rule) && d.object !== "hierarchy");
    expect(perObject.length).toBeGreaterThan(0);
  });
});

describe("the Topology check", () => {
  for (const [name, doc] of DOCS) {
    it(`reports every unwaived error of ${name}, one failure each, in the CLI's words`, async () => {
      const validation = validateDocument(loadTopologyObject(doc));
      const { formatDiagnostic } = await import("../../lib/rules/engine");
      const errors = validation.diagnostics.filter((d) => d.severity === "error" && !d.waived).map(formatDiagnostic);
      const normalized = JSON.parse(JSON.stringify(validation.model!.doc));
      const result = await check("topology", {}, normalized);
      expect(result.failures.map((f) => f.reason).sort()).toEqual(errors.sort());
      expect(result.failures.every((f) => f.property === "")).toBe(true);
    });
  }
});

describe("the rule scope tables", () => {
  it("place every rule of the catalog in exactly one scope (topology only, needs facts, local)", () => {
    const scopes = [TOPOLOGY_ONLY_RULES, NEEDS_CONTEXT_RULES, LOCAL_RULES];
    for (const id of CATALOG.keys()) expect(scopes.filter((s) => s.includes(id)).length, id).toBe(1);
    for (const id of scopes.flat()) expect(CATALOG.has(id), `${id} is a rule id`).toBe(true);
  });

  it("name only rules of the catalog as readers of a field", () => {
    for (const [field, readers] of Object.entries(RULES_READING)) {
      for (const id of readers) if (id !== "*") expect(CATALOG.has(id), `${field}: ${id}`).toBe(true);
    }
  });
});

describe("unknown values", () => {
  it("are found at any depth, for every sentinel", () => {
    for (const sentinel of Object.values(UNKNOWN_SENTINELS)) {
      expect(unknownPaths({ a: 1, b: { c: [0, { d: sentinel }] } })).toEqual([["b", "c", 1, "d"]]);
      expect(unknownPaths(sentinel)).toEqual([[]]);
    }
    expect(unknownPaths({ a: "04da6b54", b: [1, "x"] })).toEqual([]);
  });

  it("overlap when one path contains the other", () => {
    expect(pathsIntersect(["hardware"], ["hardware", "cores"])).toBe(true);
    expect(pathsIntersect(["hardware", "cores"], ["hardware"])).toBe(true);
    expect(pathsIntersect(["hardware", "cores"], ["hardware", "memoryGB"])).toBe(false);
  });
});
