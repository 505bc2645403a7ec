import { describe, expect, it } from "vitest";
import rule from "../../lib/rules/version-format";
import { labDoc } from "../fixtures/lab";
import { ruleTester, runRule } from "./rule-tester";

const lab = (configMgrVersion: string) => ({ ...labDoc(), configMgrVersion });
const at = { object: "hierarchy", path: "configMgrVersion" };

ruleTester(rule, {
  valid: [
    { name: "the seed lab (2012 SP1)", doc: labDoc() },
    ...["2012", "2012 SP1", "2012 R2", "2012 R2 SP1", "1511", "2403", "2509"].map((v) => ({ name: v, doc: lab(v) })),
    { name: "case and spacing are tolerated", doc: lab("  2012  r2 sp1 ") },
  ],
  invalid: [
    {
      name: "a 2012 service pack that never shipped",
      doc: lab("2012 SP2"),
      errors: [{ ...at, message: ['"2012 SP2"', '"2012", "2012 SP1", "2012 R2", "2012 R2 SP1"', '"1511" … "2509"'] }],
    },
    {
      name: "a YYMM newer than the library knows",
      doc: lab("2603"),
      errors: [{ ...at, message: ["2603", "knows releases up to 2509"] }],
    },
    {
      name: "a YYMM between releases names the closest ones",
      doc: lab("2305"),
      errors: [{ ...at, message: ["not a Configuration Manager current-branch release", "2303 and 2309"] }],
    },
    { name: "missing spaces", doc: lab("2012R2SP1"), errors: [{ ...at, message: "not an accepted spelling" }] },
    { name: "a YYMM before current branch", doc: lab("1402"), errors: [{ ...at, message: ['"1511" … "2509"'] }] },
    { name: "not a version at all", doc: lab("latest"), errors: [{ ...at, message: '"latest"' }] },
  ],
});

describe("VERSION-FORMAT fixes", () => {
  it("tells how to write a mis-spaced version", () => {
    expect(runRule(rule, lab("2012R2"))[0].fix).toContain('Write it "2012 R2"');
  });
  it("offers upgrading the library or declaring the closest known release for a newer YYMM", () => {
    const fix = runRule(rule, lab("2603"))[0].fix;
    expect(fix).toContain("Upgrade pulumi-configmgr");
    expect(fix).toContain('"2509"');
  });
  it("is structural (cannot be waived)", () => {
    expect(rule.structural).toBe(true);
  });
});
