import { describe, expect, it } from "vitest";
import rule from "../../lib/rules/dp-clients-max";
import { branch, cbWith, labGroup, labWith } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester, runRule } from "./rule-tester";

/** Two groups of the same DP, `a` and `b` clients, the DP alone in both. */
function twoGroups(a: number, b: number) {
  const doc = branch(a, 1);
  doc.boundaryGroups!.push({ name: "Annex", clients: b, boundaries: [{ ipSubnet: "10.2.0.0/16" }] });
  doc.distributionPoints[0].boundaryGroups = ["Branch", "Annex"];
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab (18 clients)", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "clients: 4,000", doc: labWith({ clients: 4000 }) },
    { name: "a group of 8,000 split between 2 DPs (4,000 each)", doc: branch(8000, 2) },
    { name: "a group of 7,999 split between 2 DPs (rounded up to 4,000)", doc: branch(7999, 2) },
    { name: "a group of 4,000 with the lab DP alone", doc: labGroup(4000) },
    { name: "clients: 4,000 overrides a group of 10,000", doc: branch(10000, 1, { clients: 4000 }) },
    { name: "two groups summing to 4,000", doc: twoGroups(2000, 2000) },
  ],
  invalid: [
    {
      name: "clients: 4,001",
      doc: labWith({ clients: 4001 }),
      errors: [
        {
          object: "dp:win701.lab.local",
          path: "distributionPoints[0].clients",
          limit: 4000,
          actual: 4001,
          message: "serves 4,001 clients; a distribution point supports at most 4,000",
        },
      ],
    },
    {
      name: "a group of 8,001 split between 2 DPs (4,001 each, rounded up)",
      doc: branch(8001, 2),
      errors: [
        { object: "dp:dp0.contoso.com", path: "distributionPoints[0].boundaryGroups", limit: 4000, actual: 4001 },
        { object: "dp:dp1.contoso.com", path: "distributionPoints[1].boundaryGroups", limit: 4000, actual: 4001 },
      ],
    },
    { name: "a group of 4,001 with the lab DP alone", doc: labGroup(4001), errors: [{ actual: 4001, message: "4,001 clients" }] },
    { name: "two groups summing to 4,001", doc: twoGroups(2000, 2001), errors: [{ actual: 4001 }] },
    { name: "clients: 4,150 on a DP in no group", doc: cbWith({ clients: 4150 }), errors: [{ actual: 4150, message: "serves 4,150 clients" }] },
  ],
});

describe("DP-CLIENTS-MAX fix", () => {
  it("names the DP's boundary group", () => {
    const [d] = runRule(rule, labGroup(4150));
    expect(d.fix).toContain('Add a DP to boundary group "Lab HQ" or move clients');
  });
  it("names every boundary group of the DP", () => {
    const [d] = runRule(rule, twoGroups(3000, 3000));
    expect(d.fix).toContain('boundary group "Branch" or "Annex"');
  });
  it("names at most five groups", () => {
    const doc = branch(600, 1);
    const names = ["Branch", "G1", "G2", "G3", "G4", "G5", "G6"];
    for (const name of names.slice(1)) doc.boundaryGroups!.push({ name, clients: 600, boundaries: [] });
    doc.distributionPoints[0].boundaryGroups = names;
    const [d] = runRule(rule, doc);
    expect(d.actual).toBe(4200);
    expect(d.fix).toContain('boundary group "Branch", "G1", "G2", "G3", "G4" or 2 more');
  });
  it("suggests lowering clients or another DP when the DP is in no group", () => {
    const [d] = runRule(rule, cbWith({ clients: 4150 }));
    expect(d.fix).toContain("Lower the DP's `clients`");
    expect(d.fix).toContain("another DP");
  });
});
