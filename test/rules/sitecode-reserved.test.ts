import rule from "../../lib/rules/sitecode-reserved";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

function primaryCode(siteCode: string) {
  const doc = labDoc();
  doc.primarySites[0].siteCode = siteCode;
  doc.distributionPoints[0].site = siteCode;
  doc.boundaryGroups![0].assignedSite = siteCode;
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "a code close to a reserved one", doc: primaryCode("SMT") },
  ],
  invalid: [
    ...["AUX", "CON", "NUL", "PRN", "SMS", "ENV"].map((code) => ({
      name: code,
      doc: primaryCode(code),
      errors: [{ object: `site:${code}`, path: "primarySites[0].siteCode", message: [`"${code}"`, "reserved"] }],
    })),
    { name: "lower case env", doc: primaryCode("env"), errors: [{ object: "site:ENV" }] },
    {
      name: "CAS and secondary codes are checked",
      doc: (() => {
        const doc = labDoc();
        doc.cas = { siteCode: "CON", server: "cm00.lab.local" };
        doc.secondarySites = [{ siteCode: "nul", parent: "P01", server: "cm02.lab.local" }];
        return doc;
      })(),
      errors: [
        { object: "site:CON", path: "cas.siteCode" },
        { object: "site:NUL", path: "secondarySites[0].siteCode" },
      ],
    },
  ],
});
