import rule from "../../lib/rules/dp-free-space-default";
import { cbWith, labWith, withSecondary, type Dp } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const reserve = (minimumFreeSpaceMB: number | undefined, version: string) =>
  labWith({ storage: { primaryContentLibrary: "C", primaryPackageShare: "C", minimumFreeSpaceMB } }, version);

/** A DP of secondary site S01: on the secondary's own server (the DP New-CMSecondarySite installs), or on another host. */
const secondaryDp = (minimumFreeSpaceMB: number, version: string, server = "sec01.contoso.com") =>
  withSecondary(cbWith({ server, site: "S01", storage: { minimumFreeSpaceMB } } as Partial<Dp>, version));

ruleTester(rule, {
  valid: [
    { name: "the seed lab: 50 MB on 2012 SP1", doc: labDoc() },
    { name: "50 MB on 2103", doc: reserve(50, "2103") },
    { name: "500 MB on 2107", doc: reserve(500, "2107") },
    { name: "unset on 2403 (the default applies)", doc: reserve(undefined, "2403") },
    { name: "a secondary site's own DP with 200 MB on 2103 (New-CMSecondarySite's default then)", doc: secondaryDp(200, "2103") },
    { name: "a secondary site's own DP with 500 MB on 2107", doc: secondaryDp(500, "2107") },
    { name: "another DP of a secondary site with 50 MB on 2103 (Add-CMDistributionPoint's default)", doc: secondaryDp(50, "2103", "dp9.contoso.com") },
    { name: "500 MB on 2603", doc: reserve(500, "2603") },
  ],
  invalid: [
    {
      name: "the seed lab's 50 MB on 2403 (below the 500 MB default since 2107)",
      doc: labWith({}, "2403"),
      errors: [
        {
          object: "dp:win701.lab.local",
          path: "distributionPoints[0].storage.minimumFreeSpaceMB",
          severity: "warning",
          limit: 500,
          actual: 50,
          message: ["keeps 50 MB free", "ConfigMgr 2403 defaults to 500 MB"],
        },
      ],
    },
    { name: "50 MB on 2107", doc: reserve(50, "2107"), errors: [{ limit: 500, actual: 50 }] },
    { name: "499 MB on 2509", doc: reserve(499, "2509"), errors: [{ limit: 500, actual: 499 }] },
    { name: "0 MB on 2012 SP1", doc: reserve(0, "2012 SP1"), errors: [{ limit: 50, actual: 0, message: "ConfigMgr 2012 SP1 defaults to 50 MB" }] },
    {
      name: "a secondary site's own DP with 50 MB on 2103: its default was 200 MB, not 50 MB",
      doc: secondaryDp(50, "2103"),
      errors: [{ object: "dp:sec01.contoso.com", limit: 200, actual: 50, message: ["defaults to 200 MB for a secondary site's own DP (New-CMSecondarySite)"] }],
    },
    { name: "a secondary site's own DP with 200 MB on 2107", doc: secondaryDp(200, "2107"), errors: [{ limit: 500, actual: 200 }] },
    { name: "499 MB on 2603", doc: reserve(499, "2603"), errors: [{ limit: 500, actual: 499, message: "ConfigMgr 2603 defaults to 500 MB" }] },
  ],
});
