import rule from "../../lib/rules/dp-no-bg";
import { dpWith } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "a DP listing an unknown group (REF-UNKNOWN's)", doc: dpWith({ boundaryGroups: ["Nowhere"] }) },
  ],
  invalid: [
    {
      name: "a DP in no boundary group",
      doc: dpWith(),
      errors: [{ object: "dp:dp1.contoso.com", path: "distributionPoints[0]", severity: "warning", message: "in no boundary group" }],
    },
    { name: "a DP with an empty boundaryGroups list", doc: dpWith({ boundaryGroups: [] }), errors: [{ object: "dp:dp1.contoso.com" }] },
  ],
});
