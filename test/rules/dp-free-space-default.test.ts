import rule from "../../lib/rules/dp-free-space-default";
import { labWith } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const reserve = (minimumFreeSpaceMB: number | undefined, version: string) =>
  labWith({ storage: { primaryContentLibrary: "C", primaryPackageShare: "C", minimumFreeSpaceMB } }, version);

ruleTester(rule, {
  valid: [
    { name: "the seed lab: 50 MB on 2012 SP1", doc: labDoc() },
    { name: "50 MB on 2103", doc: reserve(50, "2103") },
    { name: "500 MB on 2107", doc: reserve(500, "2107") },
    { name: "unset on 2403 (the default applies)", doc: reserve(undefined, "2403") },
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
  ],
});
