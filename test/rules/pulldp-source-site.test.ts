import rule from "../../lib/rules/pulldp-source-site";
import { pullDoc, pullDp } from "../fixtures/builders-pull";
import { labDoc, serverDp } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

function crossSite(pullSite: string) {
  const doc = pullDoc();
  doc.secondarySites = [{ siteCode: "S01", parent: "P01", server: "sec01.contoso.com" }];
  doc.distributionPoints.push(serverDp("dps.contoso.com", "S01"));
  doc.distributionPoints.push(pullDp("pull1", ["dp0", "dps"], { site: pullSite }));
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "a source in the same site", doc: pullDoc({ pull1: ["dp0"], pull2: ["pull1"] }) },
    { name: "an unknown source (REF-UNKNOWN's)", doc: pullDoc({ pull1: ["nowhere"] }) },
    { name: "the pull DP's site is unknown (REF-UNKNOWN's)", doc: crossSite("X99") },
  ],
  invalid: [
    {
      name: "a P01 pull DP with a source in S01",
      doc: crossSite("P01"),
      errors: [
        {
          object: "dp:pull1.contoso.com",
          path: "distributionPoints[2].pull.sources[1].server",
          severity: "warning",
          message: ["belongs to site:P01", "dp:dps.contoso.com of site:S01", "not a Microsoft rule"],
        },
      ],
    },
    {
      name: "an S01 pull DP with a source in P01",
      doc: crossSite("S01"),
      errors: [{ path: "distributionPoints[2].pull.sources[0].server", message: "dp:dp0.contoso.com of site:P01" }],
    },
  ],
});
