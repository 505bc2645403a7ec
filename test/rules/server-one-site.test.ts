import rule from "../../lib/rules/server-one-site";
import { cbDoc, labDoc, serverDp } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

/** CAS on cm00, P01 on cm01, S01 (under P01) on cm02, P02 on cm03, plus the given DPs. */
function hierarchy(...dps: [server: string, site: string][]) {
  const doc = cbDoc();
  doc.cas = { siteCode: "CAS", server: "cm00.contoso.com" };
  doc.primarySites.push({ siteCode: "P02", server: "cm03.contoso.com" });
  doc.secondarySites = [{ siteCode: "S01", parent: "P01", server: "cm02.contoso.com" }];
  for (const [server, site] of dps) doc.distributionPoints.push(serverDp(server, site));
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "a DP on its own primary's site server", doc: hierarchy(["cm01.contoso.com", "P01"]) },
    { name: "a DP on its own secondary's site server (case-insensitive FQDN)", doc: hierarchy(["CM02.contoso.com", "s01"]) },
    { name: "DPs on servers that serve no site", doc: hierarchy(["dp1.contoso.com", "P01"], ["dp2.contoso.com", "S01"]) },
    { name: "a DP of an unknown site is left to REF-UNKNOWN", doc: hierarchy(["cm01.contoso.com", "P99"]) },
  ],
  invalid: [
    {
      name: "a DP of P01 on the secondary's site server",
      doc: hierarchy(["cm02.contoso.com", "P01"]),
      errors: [{ object: "dp:cm02.contoso.com", path: "distributionPoints[0].server", message: ["site server of site:S01", "belongs to site:P01"] }],
    },
    {
      name: "a DP of P01 on another primary's site server",
      doc: hierarchy(["cm03.contoso.com", "P01"]),
      errors: [{ message: "site server of site:P02" }],
    },
    {
      name: "a DP of P01 on the CAS's server",
      doc: hierarchy(["cm00.contoso.com", "P01"]),
      errors: [{ message: "site server of site:CAS" }],
    },
    {
      name: "DPs on other sites' servers, reported in document order (a secondary's server first, then a primary's)",
      doc: hierarchy(["cm02.contoso.com", "P01"], ["cm03.contoso.com", "P01"]),
      errors: [
        { path: "distributionPoints[0].server", message: "site server of site:S01" },
        { path: "distributionPoints[1].server", message: "site server of site:P02" },
      ],
    },
    {
      name: "two DPs written with one site server: each is reported",
      doc: hierarchy(["cm02.contoso.com", "P01"], ["dp1.contoso.com", "P01"], ["CM02.contoso.com", "P01"]),
      errors: [
        { path: "distributionPoints[0].server", message: "site server of site:S01" },
        { path: "distributionPoints[2].server", message: "site server of site:S01" },
      ],
    },
    {
      name: "two sites sharing one site server",
      doc: (() => {
        const doc = hierarchy();
        doc.secondarySites![0].server = "CM01.contoso.com";
        return doc;
      })(),
      errors: [{ object: "site:S01", path: "secondarySites[0].server", message: ["already the site server of site:P01", "primarySites[0]"] }],
    },
  ],
});
