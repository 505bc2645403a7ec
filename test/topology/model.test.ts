import { describe, expect, it } from "vitest";
import { loadTopologyObject } from "../../lib/topology/load";
import { parseTopology } from "../../lib/topology/parse";
import { cbDoc, labDoc, serverDp } from "../fixtures/lab";

function model(doc: unknown) {
  const parsed = parseTopology(loadTopologyObject(doc));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.model;
}

describe("derived values", () => {
  it("splits a group's clients evenly among its DPs, rounding up, and sums over groups", () => {
    const doc = cbDoc();
    doc.boundaryGroups = [
      { name: "A", clients: 1001 },
      { name: "B", clients: 10 },
    ];
    doc.distributionPoints = [
      serverDp("dp1.contoso.com", "P01", { boundaryGroups: ["A", "B"] }),
      serverDp("dp2.contoso.com", "P01", { boundaryGroups: ["a"] }),
      serverDp("dp3.contoso.com", "P01", { boundaryGroups: ["A"], clients: 7 }),
    ];
    const m = model(doc);
    // A: 1001 / 3 DPs → 334 each (rounded up); B: 10 / 1
    expect(m.dps.map((d) => d.load)).toEqual([344, 334, 7]);
  });

  it("counts each site's pull DPs, by the site code the DPs name (an unknown code too)", () => {
    const doc = cbDoc();
    const pull = { pull: { sources: [{ server: "dp1.contoso.com", rank: 1 }] } };
    doc.distributionPoints = [
      serverDp("dp1.contoso.com", "P01"),
      serverDp("dp2.contoso.com", "P01", pull),
      serverDp("dp3.contoso.com", "p01", pull),
      serverDp("dp4.contoso.com", "X99", pull),
    ];
    const m = model(doc);
    expect([...m.pullDpsBySite]).toEqual([
      ["P01", 2],
      ["X99", 1],
    ]);
    expect(m.dpsBySite.get("P01")).toHaveLength(3);
  });

  it("counts a group listed twice by one DP once", () => {
    const doc = cbDoc();
    doc.boundaryGroups = [{ name: "A", clients: 100 }];
    doc.distributionPoints = [serverDp("dp1.contoso.com", "P01", { boundaryGroups: ["A", "a"] })];
    expect(model(doc).dps[0].load).toBe(100);
  });

  it("tells pull DPs from standard ones and client OS from server OS", () => {
    const doc = labDoc();
    doc.distributionPoints.push(serverDp("pull1.lab.local", "P01", { pull: { sources: [{ server: "win701.lab.local", rank: 1 }] } }));
    const m = model(doc);
    expect(m.dps.map((d) => [d.pull, d.clientOs])).toEqual([
      [false, true],
      [true, false],
    ]);
  });

  it("indexes sites, secondaries by parent and DPs by site", () => {
    const doc = cbDoc();
    doc.cas = { siteCode: "cas", server: "CM00.contoso.com" };
    doc.secondarySites = [
      { siteCode: "s01", parent: "p01", server: "sec1.contoso.com" },
      { siteCode: "S02", parent: "P01", server: "sec2.contoso.com" },
    ];
    doc.distributionPoints = [serverDp("dp1.contoso.com", "s01")];
    const m = model(doc);
    expect(m.cas?.code).toBe("CAS");
    expect(m.secondariesOf.get("P01")?.map((s) => s.code)).toEqual(["S01", "S02"]);
    expect(m.dpsBySite.get("S01")?.map((d) => d.server)).toEqual(["dp1.contoso.com"]);
    expect(m.siteByServer.get("cm00.contoso.com")?.kind).toBe("cas");
  });
});
