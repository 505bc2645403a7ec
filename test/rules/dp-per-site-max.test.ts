import rule from "../../lib/rules/dp-per-site-max";
import { cbDoc, serverDp } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

function withDps(standard: number, pull = 0, site = "P01") {
  const doc = cbDoc();
  doc.secondarySites = [{ siteCode: "S01", parent: "P01", server: "sec01.contoso.com" }];
  for (let i = 0; i < standard; i++) doc.distributionPoints.push(serverDp(`dp${i}.contoso.com`, site));
  for (let i = 0; i < pull; i++) {
    doc.distributionPoints.push(serverDp(`pull${i}.contoso.com`, site, { pull: { sources: [{ server: "dp0.contoso.com", rank: 1 }] } }));
  }
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "250 standard DPs at a primary", doc: withDps(250) },
    { name: "250 standard DPs plus 100 pull DPs (counted separately)", doc: withDps(250, 100) },
    { name: "250 standard DPs at a secondary", doc: withDps(250, 0, "S01") },
  ],
  invalid: [
    {
      name: "251 standard DPs at a primary",
      doc: withDps(251),
      errors: [{ object: "site:P01", path: "primarySites[0]", limit: 250, actual: 251, message: "primary site supports at most 250" }],
    },
    {
      name: "251 standard DPs at a secondary",
      doc: withDps(251, 0, "S01"),
      errors: [{ object: "site:S01", path: "secondarySites[0]", limit: 250, actual: 251, message: "secondary site" }],
    },
  ],
});
