import rule from "../../lib/rules/pulldp-not-site-server";
import { pullDoc, pullDp } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

function withPull(server: string, secondary = false) {
  const doc = pullDoc();
  if (secondary) doc.secondarySites = [{ siteCode: "S01", parent: "P01", server: "sec01.contoso.com" }];
  doc.distributionPoints.push(pullDp(server, ["dp0"]));
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "a pull DP on its own server", doc: withPull("pull1") },
    {
      name: "a standard DP on the site server",
      doc: (() => {
        const doc = pullDoc();
        doc.distributionPoints[0].server = "cm01.contoso.com";
        return doc;
      })(),
    },
  ],
  invalid: [
    {
      name: "a pull DP on the primary's site server",
      doc: withPull("cm01"),
      errors: [{ object: "dp:cm01.contoso.com", path: "distributionPoints[1].pull", message: ["site server of site:P01", "cannot be a pull DP"] }],
    },
    {
      name: "a pull DP on a secondary's site server",
      doc: withPull("SEC01.contoso.com", true),
      errors: [{ object: "dp:sec01.contoso.com", message: "site:S01" }],
    },
  ],
});
