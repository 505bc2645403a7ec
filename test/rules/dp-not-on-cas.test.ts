import rule from "../../lib/rules/dp-not-on-cas";
import { addSecondaries, casDoc } from "../fixtures/builders-hierarchy";
import { labDoc, serverDp } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

function dpAt(site: string) {
  const doc = casDoc();
  addSecondaries(doc, "P01", 1);
  doc.distributionPoints.push(serverDp("dp1.contoso.com", site));
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "a DP at a primary", doc: dpAt("P01") },
    { name: "a DP at a secondary", doc: dpAt("S01") },
    { name: "a DP of an unknown site is left to REF-UNKNOWN", doc: dpAt("XYZ") },
  ],
  invalid: [
    {
      name: "a DP at the CAS",
      doc: dpAt("cas"),
      errors: [{ object: "dp:dp1.contoso.com", path: "distributionPoints[0].site", message: ["central administration site", "2111", "Add-CMDistributionPoint"] }],
    },
  ],
});
