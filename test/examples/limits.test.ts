import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateDocument } from "../../lib/rules/engine";
import { readTopologyFile } from "../../lib/topology/load";

/** What examples/limits/README.md promises `npm run validate` reports for that topology. */
const EXPECTED: [rule: string, object: string, waived?: "waived"][] = [
  ["SITECODE-RESERVED", "site:CON"],
  ["DP-NOT-ON-CAS", "dp:cm00.contoso.com"],
  ["SITE-CLIENTS-MAX", "site:P01"],
  ["DP-CLIENTS-MAX", "dp:old-win7.contoso.com"],
  ["DP-CONTENT-MAX", "dp:old-win7.contoso.com"],
  ["CLIENT-OS-CONNECTIONS", "dp:old-win7.contoso.com"],
  ["CLIENT-OS-CONNECTIONS", "dp:branch-a.contoso.com"],
  ["DP-OS-SUPPORTED", "dp:old-win7.contoso.com"],
  ["DP-OS-EDITION", "dp:branch-a.contoso.com"],
  ["DP-HW-MIN", "dp:old-win7.contoso.com", "waived"],
  ["DP-HW-MIN", "dp:old-win7.contoso.com", "waived"],
  ["DP-PREREQ-FEATURES", "dp:manual.contoso.com"],
  ["DP-LOCAL-ADMIN", "dp:manual.contoso.com"],
  ["PULLDP-NOT-SITE-SERVER", "dp:cm01.contoso.com"],
  ["PXE-CLIENT-OS", "dp:branch-a.contoso.com"],
  ["PXE-DELAY", "dp:branch-a.contoso.com"],
  ["MCAST-HOST", "dp:branch-a.contoso.com"],
  ["BND-FORMAT", "bg:Branch A"],
  ["BG-SITE-ASSIGN", "bg:Branch A"],
];

describe("examples/limits", () => {
  const result = validateDocument(readTopologyFile(join(__dirname, "../../examples/limits/topology.yaml")));

  it("reports exactly the violations its comments announce, all errors, two of them waived", () => {
    expect(result.diagnostics.map((d) => (d.waived ? [d.rule, d.object, "waived"] : [d.rule, d.object]))).toEqual(EXPECTED);
    expect(result.diagnostics.every((d) => d.severity === "error")).toBe(true);
    expect(result.summary).toEqual({ errors: 17, warnings: 0, waived: 2 });
  });

  it("points each diagnostic at its line in the YAML file", () => {
    for (const d of result.diagnostics) expect(d.line, `${d.rule} ${d.object}`).toBeGreaterThan(0);
    const bnd = result.diagnostics.find((d) => d.rule === "BND-FORMAT")!;
    expect(bnd.path).toBe("boundaryGroups[0].boundaries[0].ipSubnet");
    expect(bnd.fix).toContain("10.1.2.0/24");
  });
});
