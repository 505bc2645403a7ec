import { describe, expect, it } from "vitest";
import { validateDocument } from "../../lib/rules/engine";
import { loadTopologyObject } from "../../lib/topology/load";
import { labDoc } from "../fixtures/lab";

/** The seed lab declared against 2403: Windows 7 is no longer a supported DP host there. */
function lab2403(waivers: unknown[] = []) {
  return { ...labDoc(), configMgrVersion: "2403", waivers };
}
const run = (doc: unknown) => validateDocument(loadTopologyObject(doc));
const byRule = (doc: unknown, rule: string) => run(doc).diagnostics.filter((d) => d.rule === rule);

describe("waivers", () => {
  it("a matching waiver keeps the error visible, marked waived with its reason, and it no longer counts", () => {
    const doc = lab2403([{ rule: "DP-OS-SUPPORTED", object: "DP:WIN701.LAB.LOCAL", reason: "pilot until the hardware refresh" }]);
    const result = run(doc);
    const [d] = result.diagnostics.filter((x) => x.rule === "DP-OS-SUPPORTED");
    expect(d.waived).toBe(true);
    expect(d.waiverReason).toBe("pilot until the hardware refresh");
    expect(result.summary.waived).toBeGreaterThanOrEqual(1);
    expect(result.diagnostics.filter((x) => x.rule === "DP-OS-SUPPORTED" && !x.waived)).toEqual([]);
  });

  it("an unused waiver is reported as stale (warning)", () => {
    const doc = { ...labDoc(), waivers: [{ rule: "DP-OS-SUPPORTED", object: "dp:win701.lab.local", reason: "old" }] };
    const [d] = byRule(doc, "WAIVER-UNUSED");
    expect(d.severity).toBe("warning");
    expect(d.path).toBe("waivers[0]");
  });

  it.each([
    ["an unknown rule id", { rule: "DP-NOPE", object: "dp:win701.lab.local", reason: "x" }, /not a rule id/],
    ["a structural rule", { rule: "REF-UNKNOWN", object: "dp:win701.lab.local", reason: "x" }, /structural/],
    ["SCHEMA", { rule: "SCHEMA", object: "hierarchy", reason: "x" }, /structural/],
    ["a warning-only rule", { rule: "WAIVER-UNUSED", object: "hierarchy", reason: "x" }, /structural|warning/],
    ["an object not in the document", { rule: "DP-OS-SUPPORTED", object: "dp:nope.lab.local", reason: "x" }, /not in the document/],
    ["an empty reason", { rule: "DP-OS-SUPPORTED", object: "dp:win701.lab.local", reason: "  " }, /no reason/],
  ])("rejects a waiver naming %s", (_name, waiver, message) => {
    const result = run(lab2403([waiver]));
    const invalid = result.diagnostics.filter((d) => d.rule === "WAIVER-INVALID");
    expect(invalid).toHaveLength(1);
    expect(invalid[0].message).toMatch(message);
    expect(invalid[0].severity).toBe("error");
    // an invalid waiver waives nothing
    expect(result.diagnostics.some((d) => d.waived)).toBe(false);
  });
});
