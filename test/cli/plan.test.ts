import { describe, expect, it } from "vitest";
import { runPlan } from "../../lib/cli/plan";
import { DP_CLIENTS_MAX } from "../../lib/rules/dp-clients-max";
import { cbDoc, serverDp } from "../fixtures/lab";
import { ANSI, brokenLabYaml, captureIo, labYaml, tempDir, writeDoc } from "./helpers";

/** CB 2403, P01 with a standard and a pull DP, secondary S01 (hardware max 1,000) with three DPs. */
function treeDoc() {
  const doc = cbDoc();
  doc.primarySites[0].clients = 5000;
  doc.secondarySites = [{ siteCode: "S01", parent: "P01", server: "cm02.contoso.com", clients: 3000, maxClientsPerDistributionPoint: 1000 }];
  doc.boundaryGroups = [{ name: "Branch", assignedSite: "P01", clients: 3000, boundaries: [{ ipSubnet: "10.1.0.0/16" }] }];
  doc.distributionPoints = [
    serverDp("dp1.contoso.com", "P01", { content: { packages: 100, applications: 50 } }),
    serverDp("dp2.contoso.com", "P01", { pull: { sources: [{ server: "dp1.contoso.com", rank: 1 }] } }),
    serverDp("dp3.contoso.com", "S01", { boundaryGroups: ["Branch"] }),
    serverDp("dp4.contoso.com", "S01", { boundaryGroups: ["Branch"] }),
    serverDp("dp5.contoso.com", "S01", { boundaryGroups: ["Branch"] }),
  ];
  return doc;
}

describe("plan", () => {
  it("prints aligned capacity tables for the seed lab, then the validate summary, and exits 0", () => {
    const file = writeDoc("plan-lab.yaml", labYaml());
    const io = captureIo({ isTTY: false });
    expect(runPlan({ file }, io)).toBe(0);
    const lines = io.out().split("\n");
    expect(lines[0]).toBe("Hierarchy (ConfigMgr 2012 SP1, no CAS)");
    const site = lines.find((l) => l.trimStart().startsWith("P01"))!;
    expect(site.split(/\s{2,}/).filter(Boolean)).toEqual(["P01", "primary", "—", "1/250", "0/2,000", "1/5,000", "0/250", "18/100,000"]);
    const dp = lines.find((l) => l.trimStart().startsWith("win701.lab.local"))!;
    expect(dp.split(/\s{2,}/).filter(Boolean)).toEqual([
      "win701.lab.local", "P01", "standard", "yes 18/20", "18", "3,982 (99.5%)", "—", "—", "160", "9,840 (98.4%)",
    ]);
    // Columns line up: each header starts where its cells start.
    const header = lines.find((l) => l.trimStart().startsWith("DP "))!;
    expect(header.indexOf("Site")).toBe(dp.indexOf("P01"));
    expect(lines.filter(Boolean).pop()).toBe("0 errors, 0 warnings, 0 waived");
    expect(io.out()).not.toMatch(ANSI);
  });

  it("counts a primary's tree, its secondaries, pull DPs and the secondary's hardware limit (JSON)", () => {
    const file = writeDoc("plan-tree.yaml", treeDoc());
    const io = captureIo();
    expect(runPlan({ file, format: "json" }, io)).toBe(0);
    const out = JSON.parse(io.out());
    expect(out.hierarchy).toMatchObject({ version: "2403", primarySites: 1, secondarySites: 1, distributionPoints: 5, pullDistributionPoints: 1 });
    expect(out.hierarchy.clients).toEqual({ used: 5000, limit: 700_000, headroom: 695_000, headroomPercent: 99.2, over: false });
    const [p01, s01] = out.sites;
    expect(p01).toMatchObject({
      code: "P01",
      kind: "primary",
      standardDps: { used: 1, limit: 250 },
      pullDps: { used: 1, limit: 2000 },
      treeDps: { used: 5, limit: 5000, headroom: 4995 },
      secondaries: { used: 1, limit: 250 },
      clients: { used: 5000, limit: 175_000 },
    });
    expect(s01).toMatchObject({ code: "S01", kind: "secondary", parent: "P01", standardDps: { used: 3 }, clients: { used: 3000, limit: 15_000 } });
    expect(s01.treeDps).toBeUndefined();
    const dp3 = out.distributionPoints.find((d: { server: string }) => d.server === "dp3.contoso.com");
    expect(dp3).toMatchObject({
      site: "S01",
      pull: false,
      clientOs: false,
      clients: { used: 1000, limit: DP_CLIENTS_MAX, headroom: 3000, headroomPercent: 75 },
      secondaryHardware: { used: 1000, limit: 1000, headroom: 0, headroomPercent: 0, over: false },
    });
    expect(dp3.content).toBeUndefined();
    const dp2 = out.distributionPoints.find((d: { server: string }) => d.server === "dp2.contoso.com");
    expect(dp2.pull).toBe(true);
    expect(out.distributionPoints[0].content).toMatchObject({ used: 150, limit: 10_000 });
    expect(out.summary).toEqual({ errors: 0, warnings: expect.any(Number), waived: 0 });
  });

  it("marks limits that are exceeded and exits 1 as validate does, with the error count at the end", () => {
    const file = writeDoc("plan-broken.yaml", brokenLabYaml());
    const io = captureIo();
    expect(runPlan({ file }, io)).toBe(1);
    expect(io.out()).toContain("-500 (-5%)!");
    expect(io.out()).toContain("! over the limit");
    expect(io.out().trimEnd().split("\n").pop()).toBe("2 errors, 0 warnings, 0 waived");
  });

  it("exits 1 and prints the schema errors when the document has no usable shape", () => {
    const file = writeDoc("plan-schema.yaml", labYaml().replace("os: windows-7", "os: windows-95"));
    const io = captureIo();
    expect(runPlan({ file }, io)).toBe(1);
    expect(io.out()).toMatch(/error\s+\[SCHEMA\]/);
    expect(io.out()).not.toContain("Distribution points");
    const jsonIo = captureIo();
    expect(runPlan({ file, format: "json" }, jsonIo)).toBe(1);
    expect(JSON.parse(jsonIo.out()).diagnostics[0]).toMatchObject({ rule: "SCHEMA", path: "distributionPoints[0].os", file });
  });

  it("exits 2 when the file cannot be read or parsed", () => {
    const missing = captureIo();
    expect(runPlan({ file: `${tempDir()}/absent.yaml` }, missing)).toBe(2);
    expect(missing.err()).toContain("absent.yaml: file not found");
    const bad = writeDoc("plan-syntax.yaml", "primarySites: [\n  - x\n");
    const syntax = captureIo();
    expect(runPlan({ file: bad }, syntax)).toBe(2);
    expect(syntax.err()).toMatch(/plan-syntax\.yaml:\d+:\d+: /);
    expect(syntax.out()).toBe("");
  });
});
