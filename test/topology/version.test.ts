import { describe, expect, it } from "vitest";
import { ACCEPTED_VERSIONS, compareVersions, inRange, parseVersion } from "../../lib/topology/version";

describe("configMgrVersion model", () => {
  it("orders 2012 < 2012 SP1 < 2012 R2 < 2012 R2 SP1 < 1511 < 2509", () => {
    const order = ["2012", "2012 SP1", "2012 R2", "2012 R2 SP1", "1511", "1906", "2403", "2509"].map((s) => parseVersion(s)!);
    for (let i = 1; i < order.length; i++) expect(compareVersions(order[i - 1], order[i])).toBeLessThan(0);
  });
  it("reads spellings case- and space-tolerantly, and numbers", () => {
    expect(parseVersion("2012  sp1")?.label).toBe("2012 SP1");
    expect(parseVersion(2403)?.label).toBe("2403");
  });
  it("rejects what is not a known release", () => {
    for (const bad of ["2012 SP2", "1513", "2512", "2613", "2600", "", "latest", null, {}]) expect(parseVersion(bad)).toBeUndefined();
  });
  it("knows 2603, and reads a newer well-formed YYMM as checked with 2603's facts", () => {
    expect(parseVersion("2603")).toEqual({ label: "2603", order: 2603, currentBranch: true });
    expect(parseVersion("2609")).toEqual({ label: "2609", order: 2609, currentBranch: true, newerThanKnown: "2603" });
    expect(compareVersions(parseVersion("2603")!, parseVersion("2609")!)).toBeLessThan(0);
    expect(inRange(parseVersion("2609")!, { from: "2409" })).toBe(true);
    expect(inRange(parseVersion("2609")!, { from: "2012", to: "2603" })).toBe(false);
  });
  it("accepts every listed release", () => {
    for (const label of ACCEPTED_VERSIONS) expect(parseVersion(label)?.label).toBe(label);
  });
  it("ranges include both ends", () => {
    const v1910 = parseVersion("1910")!;
    expect(inRange(v1910, { from: "2012", to: "1910" })).toBe(true);
    expect(inRange(parseVersion("2002")!, { from: "2012", to: "1910" })).toBe(false);
    expect(inRange(parseVersion("2012")!, { from: "2012 SP1" })).toBe(false);
  });
});
