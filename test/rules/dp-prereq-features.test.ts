import { describe, expect, it } from "vitest";
import { OS_MATRIX } from "../../lib/rules/data/os-matrix";
import rule from "../../lib/rules/dp-prereq-features";
import { osFamily } from "../../lib/scripts/features";
import type { OsId } from "../../lib/topology/schema";
import { labWith, osDp } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester, runRule } from "./rule-tester";

const FEATURES = ["Remote Differential Compression (RDC)", "ISAPI Extensions", "Windows Authentication", "IIS 6 Metabase Compatibility", "IIS 6 WMI Compatibility"];

ruleTester(rule, {
  valid: [
    { name: "the seed lab (prepareHost by default)", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "prepareHost: false with hostHas.features", doc: labWith({ prepareHost: false, hostHas: { features: true } }) },
    { name: "Server 2008 R2 prepared by the library", doc: osDp("windows-server-2008-r2", "1910") },
    { name: "Server 2008 prepared by hand", doc: osDp("windows-server-2008", "1910", { prepareHost: false, hostHas: { features: true, localAdmin: true } }) },
  ],
  invalid: [
    {
      name: "prepareHost: false and nothing declared",
      doc: labWith({ prepareHost: false }),
      errors: [
        {
          object: "dp:win701.lab.local",
          path: "distributionPoints[0].prepareHost",
          message: [...FEATURES, "installIIS alone would not be enough", "leaves RDC to you"],
        },
      ],
    },
    {
      name: "prepareHost: false with installIIS only",
      doc: labWith({ prepareHost: false, installIIS: true, hostHas: { localAdmin: true } }),
      errors: [{ message: ["installIIS: true is not enough on its own", "leaves RDC to you"] }],
    },
    {
      name: "Server 2008 with prepareHost by default",
      doc: osDp("windows-server-2008", "1910"),
      errors: [
        {
          object: "dp:dp1.contoso.com",
          path: "distributionPoints[0].prepareHost",
          message: ["Windows Server 2008 with prepareHost: true", "no host-preparation script", "Windows Server 2008 R2"],
        },
      ],
    },
    {
      name: "Server 2003 with prepareHost: true, even with hostHas declared",
      doc: osDp("windows-server-2003", "2012 SP1", { prepareHost: true, hostHas: { features: true, localAdmin: true } }),
      errors: [{ message: ["Windows Server 2003", "no host-preparation script"] }],
    },
  ],
});

/**
 * Issue 11: every OS the catalog accepts as a DP host at some version is either prepared by the
 * library or refused with prepareHost: true, with a message that says so and what to do. Today the
 * scripts (lib/scripts/features.ts) have no family for Server 2003 and Server 2008 SP2.
 */
describe("DP-PREREQ-FEATURES for every OS the catalog accepts", () => {
  const UNPREPARED: OsId[] = ["windows-server-2003", "windows-server-2008"];
  for (const os of Object.keys(OS_MATRIX) as OsId[]) {
    const first = OS_MATRIX[os].supported.from!;
    it(`${os} on ${first} with prepareHost: true`, () => {
      const found = runRule(rule, osDp(os, first));
      if (UNPREPARED.includes(os)) {
        expect(osFamily(os), "the scripts still cannot prepare it").toBeUndefined();
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain(`no host-preparation script for ${OS_MATRIX[os].label}`);
        expect(found[0].fix).toContain("Set prepareHost: false");
        expect(found[0].fix).toContain("hostHas.features: true and hostHas.localAdmin: true");
      } else {
        expect(osFamily(os), "the scripts prepare it").toBeDefined();
        expect(found).toEqual([]);
      }
    });
  }
});
