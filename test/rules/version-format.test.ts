import { describe, expect, it } from "vitest";
import rule from "../../lib/rules/version-format";
import { labDoc } from "../fixtures/lab";
import { ruleTester, runRule } from "./rule-tester";

const lab = (configMgrVersion: string) => ({ ...labDoc(), configMgrVersion });
const at = { object: "hierarchy", path: "configMgrVersion" };

ruleTester(rule, {
  valid: [
    { name: "the seed lab (2012 SP1)", doc: labDoc() },
    ...["2012", "2012 SP1", "2012 R2", "2012 R2 SP1", "1511", "2403", "2509", "2603"].map((v) => ({ name: v, doc: lab(v) })),
    { name: "case and spacing are tolerated", doc: lab("  2012  r2 sp1 ") },
  ],
  invalid: [
    {
      name: "a 2012 service pack that never shipped",
      doc: lab("2012 SP2"),
      errors: [{ ...at, message: ['"2012 SP2"', '"2012", "2012 SP1", "2012 R2", "2012 R2 SP1"', '"1511" … "2603"'] }],
    },
    {
      name: "the first release after 2603 (2609) is a warning, checked with 2603's facts",
      doc: lab("2609"),
      errors: [{ ...at, severity: "warning", message: ['"2609"', "knows releases up to 2603", "checked with the limits and OS tables of 2603"] }],
    },
    {
      name: "any well-formed YYMM after 2603 is a warning",
      doc: lab("2604"),
      errors: [{ ...at, severity: "warning", message: ['"2604"', "up to 2603"] }],
    },
    {
      name: "a YYMM between releases names the closest ones",
      doc: lab("2305"),
      errors: [{ ...at, message: ["not a Configuration Manager current-branch release", "2303 and 2309"] }],
    },
    { name: "missing spaces", doc: lab("2012R2SP1"), errors: [{ ...at, message: "not an accepted spelling" }] },
    { name: "a YYMM before current branch", doc: lab("1402"), errors: [{ ...at, message: ['"1511" … "2603"'] }] },
    { name: "a YYMM between 2509 and 2603", doc: lab("2512"), errors: [{ ...at, message: ["not a Configuration Manager current-branch release", "2509 and 2603"] }] },
    { name: "not a month (2613)", doc: lab("2613"), errors: [{ ...at, severity: "error", message: '"2613"' }] },
    { name: "not a version at all", doc: lab("latest"), errors: [{ ...at, message: '"latest"' }] },
  ],
});

describe("VERSION-FORMAT fixes", () => {
  it("tells how to write a mis-spaced version", () => {
    expect(runRule(rule, lab("2012R2"))[0].fix).toContain('Write it "2012 R2"');
  });
  it("offers upgrading the library or declaring the newest known release for a newer YYMM", () => {
    const fix = runRule(rule, lab("2609"))[0].fix;
    expect(fix).toContain("Upgrade pulumi-configmgr");
    expect(fix).toContain('"2603"');
  });
  it("is structural (cannot be waived)", () => {
    expect(rule.structural).toBe(true);
  });
});
