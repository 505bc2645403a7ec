import { describe, expect, it, vi } from "vitest";
import * as edits from "../../lib/rules/within-one-edit";
import { countRule, LINEAR_GROWTH_4X, modelOf } from "./count-work";
import rule from "../../lib/rules/ref-unknown";
import { runRules } from "../../lib/rules/run";
import { loadTopologyObject } from "../../lib/topology/load";
import { parseTopology } from "../../lib/topology/parse";
import { labDoc, serverDp } from "../fixtures/lab";
import { ruleTester, runRule } from "./rule-tester";

type Lab = ReturnType<typeof labDoc>;
const lab = (edit: (doc: Lab) => void) => {
  const doc = labDoc();
  edit(doc);
  return doc;
};
const waiver = (object: string) => lab((d) => (d.waivers = [{ rule: "DP-HW-MIN", object, reason: "pilot" }]));
/** The lab plus a pull DP in P01 pulling from `source`. */
const pullFrom = (source: string) =>
  lab((d) => d.distributionPoints.push(serverDp("pull1.lab.local", "P01", { pull: { sources: [{ server: "win701.lab.local", rank: 1 }, { server: source, rank: 2 }] } })));

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    {
      name: "every kind of reference resolves, in any case",
      doc: lab((d) => {
        d.secondarySites = [{ siteCode: "S01", parent: "p01", server: "cm02.lab.local" }];
        d.distributionPoints.push(serverDp("dp2.lab.local", "s01", { boundaryGroups: ["LAB HQ"], pull: { sources: [{ server: "WIN701.lab.local", rank: 1 }] } }));
        d.waivers = [
          { rule: "DP-HW-MIN", object: "hierarchy", reason: "r" },
          { rule: "DP-HW-MIN", object: "SITE:s01", reason: "r" },
          { rule: "DP-HW-MIN", object: "dp:Win701.Lab.Local", reason: "r" },
          { rule: "DP-HW-MIN", object: "bg:lab hq", reason: "r" },
        ];
      }),
    },
    {
      name: "references to the wrong kind of site are other rules' business (SITE-PARENT, DP-NOT-ON-CAS, BG-SITE-ASSIGN)",
      doc: lab((d) => {
        d.cas = { siteCode: "CAS", server: "cm00.lab.local" };
        d.secondarySites = [{ siteCode: "S01", parent: "CAS", server: "cm02.lab.local" }];
        d.distributionPoints[0].site = "CAS";
        d.boundaryGroups![0].assignedSite = "S01";
      }),
    },
  ],
  invalid: [
    {
      name: "a secondary's parent",
      doc: lab((d) => (d.secondarySites = [{ siteCode: "S01", parent: "P02", server: "cm02.lab.local" }])),
      errors: [{ object: "site:S01", path: "secondarySites[0].parent", message: '"P02"' }],
    },
    {
      name: "a DP's site",
      doc: lab((d) => (d.distributionPoints[0].site = "P10")),
      errors: [{ object: "dp:win701.lab.local", path: "distributionPoints[0].site", message: ['"P10"', "not a site of this document"] }],
    },
    {
      name: "a DP's boundary group, pointing at the entry",
      doc: lab((d) => (d.distributionPoints[0].boundaryGroups = ["Lab HQ", "Lab QH"])),
      errors: [{ path: "distributionPoints[0].boundaryGroups[1]", message: '"Lab QH"' }],
    },
    {
      name: "a pull source that is no DP",
      doc: pullFrom("win799.lab.local"),
      errors: [{ object: "dp:pull1.lab.local", path: "distributionPoints[1].pull.sources[1].server", message: '"win799.lab.local"' }],
    },
    {
      name: "a boundary group's assigned site",
      doc: lab((d) => (d.boundaryGroups![0].assignedSite = "XYZ")),
      errors: [{ object: "bg:Lab HQ", path: "boundaryGroups[0].assignedSite", message: '"XYZ"' }],
    },
    {
      name: "waiver objects of each kind, and a malformed one",
      doc: lab((d) => {
        d.waivers = [
          { rule: "DP-HW-MIN", object: "site:P09", reason: "r" },
          { rule: "DP-HW-MIN", object: "dp:win709.lab.local", reason: "r" },
          { rule: "DP-HW-MIN", object: "bg:Branch", reason: "r" },
          { rule: "DP-HW-MIN", object: "win701.lab.local", reason: "r" },
        ];
      }),
      errors: [
        { object: "hierarchy", path: "waivers[0].object", message: ['"site:P09"', "no such site"] },
        { path: "waivers[1].object", message: "no such distribution point" },
        { path: "waivers[2].object", message: "no such boundary group" },
        { path: "waivers[3].object", message: "not an object reference" },
      ],
    },
  ],
});

describe("REF-UNKNOWN suggestions", () => {
  const fixOf = (doc: unknown) => runRule(rule, doc)[0].fix;

  it("suggests the site code one typo away", () => {
    expect(fixOf(lab((d) => (d.distributionPoints[0].site = "P0l")))).toContain('Did you mean "P01"?');
  });
  it("suggests a group name with a swapped pair of letters, in its declared spelling", () => {
    expect(fixOf(lab((d) => (d.distributionPoints[0].boundaryGroups = ["Lab QH"])))).toContain(
      'Did you mean "Lab HQ"?',
    );
  });
  it("suggests a DP server with a missing letter", () => {
    expect(fixOf(pullFrom("win71.lab.local"))).toContain('Did you mean "win701.lab.local"?');
  });
  it("between names equally near, suggests the one written first (DPs and groups)", () => {
    const doc = lab((d) => {
      d.boundaryGroups.push({ name: "Lab HR", assignedSite: "P01" }, { name: "Lab HX", assignedSite: "P01" });
      d.distributionPoints.push(serverDp("win702.lab.local", "P01"), serverDp("win703.lab.local", "P01"));
      d.distributionPoints.push(serverDp("pull1.lab.local", "P01", { boundaryGroups: ["Lab H"], pull: { sources: [{ server: "win70.lab.local", rank: 1 }] } }));
    });
    const fixes = runRule(rule, doc).map((f) => f.fix);
    expect(fixes).toEqual([expect.stringContaining('Did you mean "Lab HQ"?'), expect.stringContaining('Did you mean "win701.lab.local"?')]);
  });
  it("says when a pull source is a site server without a declared DP", () => {
    expect(fixOf(pullFrom("cm01.lab.local"))).toContain("cm01.lab.local is the site server of site:P01");
  });
  it("suggests nothing when no name is near", () => {
    expect(fixOf(lab((d) => (d.distributionPoints[0].site = "XYZ")))).not.toContain("Did you mean");
  });
  it("suggests the right form for a waiver object given without its kind", () => {
    expect(fixOf(waiver("win701.lab.local"))).toContain('Did you mean "dp:win701.lab.local"?');
    expect(fixOf(waiver("site:win701.lab.local"))).toContain('Did you mean "dp:win701.lab.local"?');
    expect(fixOf(waiver("bg:Lab H"))).toContain('Did you mean "bg:Lab HQ"?');
  });
  it("is structural (cannot be waived)", () => {
    expect(rule.structural).toBe(true);
  });
  const manyMisses = (count: number) => {
    const doc = labDoc();
    for (let i = 0; i < count; i++) doc.distributionPoints.push(serverDp(`dp${i}.lab.local`, "P01", { boundaryGroups: [`Group ${i}`] }));
    doc.boundaryGroups = Array.from({ length: count }, (_, i) => ({ name: `Group ${i}x` }));
    return modelOf(doc);
  };
  it("finds the near name for each of 50,000 unresolved references among 50,000 names", () => {
    const count = 50_000;
    const found = runRules(manyMisses(count), [rule]);
    expect(found.length).toBe(count + 1);
    expect(found[count].fix).toContain(`Did you mean "Group ${count - 1}x"?`);
  });
  it("stays linear with many unresolved references among many names: comparisons counted, not timed (a scan of all names per miss would not)", () => {
    const comparisons = vi.spyOn(edits, "withinOneEdit");
    const small = manyMisses(5_000);
    const large = manyMisses(20_000);
    comparisons.mockClear();
    const a = countRule(rule, small);
    const aCompared = comparisons.mock.calls.length;
    comparisons.mockClear();
    const b = countRule(rule, large);
    const bCompared = comparisons.mock.calls.length;
    expect(b.result.length).toBe(20_001);
    expect(aCompared).toBeGreaterThan(0);
    expect(bCompared / aCompared).toBeLessThan(LINEAR_GROWTH_4X);
    expect(b.work / a.work).toBeLessThan(LINEAR_GROWTH_4X);
    comparisons.mockRestore();
  });
});
