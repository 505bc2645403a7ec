import rule from "../../lib/rules/site-parent";
import { casDoc } from "../fixtures/builders-hierarchy";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

function withSecondaries(...parents: string[]) {
  const doc = casDoc();
  doc.secondarySites = parents.map((parent, i) => ({ siteCode: `S0${i + 1}`, parent, server: `sec${i + 1}.contoso.com` }));
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "secondaries under a primary", doc: withSecondaries("P01", "p01") },
    { name: "an unknown parent is left to REF-UNKNOWN", doc: withSecondaries("P99") },
  ],
  invalid: [
    {
      name: "a secondary under the CAS",
      doc: withSecondaries("CAS"),
      errors: [{ object: "site:S01", path: "secondarySites[0].parent", message: ["CAS", "central administration site"] }],
    },
    {
      name: "a secondary under a secondary",
      doc: withSecondaries("P01", "S01"),
      errors: [{ object: "site:S02", path: "secondarySites[1].parent", message: ["S01", "secondary sites have no child sites"] }],
    },
  ],
});
