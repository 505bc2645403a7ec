import { readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it, vi } from "vitest";
import { SCHEMA_COVERS, topologyJsonSchema } from "../../lib/cli/json-schema";
import { validateDocument } from "../../lib/rules/engine";
import { loadTopologyObject } from "../../lib/topology/load";
import { labDoc } from "../fixtures/lab";

/**
 * The JSON Schema says what validate says wherever a JSON Schema can. Over every document of
 * every rule's test table (test/rules/*.test.ts, collected through a recording ruleTester):
 * - a document the schema rejects gets a diagnostic of a rule the schema covers (fully or in part);
 * - a document with a diagnostic of a fully covered rule is rejected by the schema.
 */

const tables = vi.hoisted(() => [] as { rule: string; name: string; doc: unknown }[]);
vi.mock("../rules/rule-tester", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../rules/rule-tester")>()),
  ruleTester: (rule: { id: string }, cases: { valid: { name: string; doc: unknown }[]; invalid: { name: string; doc: unknown }[] }) => {
    for (const c of [...cases.valid, ...cases.invalid]) tables.push({ rule: rule.id, name: c.name, doc: c.doc });
  },
}));

/** Test files with tests of their own besides the table (they would run here again); none is a rule the schema covers. */
const SKIP = new Set(["ref-unknown.test.ts", "dp-clients-max.test.ts", "client-os-connections.test.ts", "hierarchy-clients-max.test.ts", "bg-overlap.test.ts", "pulldp-cycle.test.ts"]);
const rulesDir = join(__dirname, "../rules");
const files = readdirSync(rulesDir).filter((f) => f.endsWith(".test.ts") && !SKIP.has(f) && f !== "engine.test.ts" && f !== "readme-table.test.ts" && f !== "waivers.test.ts");
for (const f of files) await import(join(rulesDir, f));

const ajv = new Ajv2020({ allErrors: true, strict: false, unicodeRegExp: true });
const schemaValid = ajv.compile(topologyJsonSchema());
const fully = new Set<string>(SCHEMA_COVERS.fully);
const covered = new Set<string>([...SCHEMA_COVERS.fully, ...SCHEMA_COVERS.partly]);

function verdicts(doc: unknown) {
  const diagnostics = validateDocument(loadTopologyObject(doc)).diagnostics.filter((d) => d.severity === "error");
  const valid = schemaValid(doc);
  return {
    schema: valid ? "accepts" : `rejects (${(schemaValid.errors ?? []).map((e) => `${e.instancePath} ${e.message}`).join("; ")})`,
    validate: diagnostics.filter((d) => covered.has(d.rule)).map((d) => `${d.rule} ${d.path}`),
    fullyCovered: diagnostics.some((d) => fully.has(d.rule)),
    valid,
  };
}

describe("JSON Schema and validate agree over the rule test tables", () => {
  it("collects the tables of the rules the schema covers", () => {
    const rules = new Set(tables.map((t) => t.rule));
    for (const id of ["VERSION-FORMAT", "SITECODE-FORMAT", "SITECODE-RESERVED", "HOST-NAME", "PXE-DELAY"]) expect(rules.has(id), id).toBe(true);
    expect(tables.length).toBeGreaterThan(200);
  });

  it("every table document: rejected by the schema ⇔ a covered rule reports it", () => {
    const disagreements: string[] = [];
    for (const t of tables) {
      const v = verdicts(t.doc);
      if (!v.valid && v.validate.length === 0) disagreements.push(`${t.rule} / ${t.name}: schema ${v.schema}, validate reports nothing the schema covers`);
      if (v.valid && v.fullyCovered) disagreements.push(`${t.rule} / ${t.name}: schema accepts, validate reports ${v.validate.join(", ")}`);
    }
    expect(disagreements).toEqual([]);
  });

  it.each([
    ["a version in another spelling", (d: Record<string, unknown>) => (d.configMgrVersion = " 2012 r2  sp1 "), true],
    ["a version that does not exist", (d: Record<string, unknown>) => (d.configMgrVersion = "2404"), false],
    ["a lower-case site code", (d: any) => (d.primarySites[0].siteCode = "p01"), true],
    ["a reserved site code in lower case", (d: any) => (d.primarySites[0].siteCode = "sms"), false],
    ["a waiver of a rule in lower case", (d: any) => (d.waivers = [{ rule: "dp-hw-min", object: "dp:win701.lab.local", reason: "pilot" }]), true],
    ["a waiver of a structural rule", (d: any) => (d.waivers = [{ rule: "SCHEMA", object: "hierarchy", reason: "x" }]), false],
    ["a waiver of a warning", (d: any) => (d.waivers = [{ rule: "DP-OS-LIFECYCLE", object: "dp:win701.lab.local", reason: "x" }]), false],
    ["a blank waiver reason", (d: any) => (d.waivers = [{ rule: "DP-HW-MIN", object: "dp:win701.lab.local", reason: "  " }]), false],
    ["a waiver without reason", (d: any) => (d.waivers = [{ rule: "DP-HW-MIN", object: "dp:win701.lab.local" }]), false],
    ["a line break in a name", (d: any) => (d.boundaryGroups[0].name = "Lab\nHQ"), false],
  ])("%s: the schema and validate agree", (_name, change, accepted) => {
    const doc = labDoc() as Record<string, unknown>;
    change(doc);
    const v = verdicts(doc);
    expect(v.valid).toBe(accepted);
    expect(v.validate.length === 0).toBe(accepted);
  });
});
