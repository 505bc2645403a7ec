import rule from "../../lib/rules/sitecode-format";
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
    { name: "letters only", doc: primaryCode("ABC") },
    { name: "digits only", doc: primaryCode("123") },
    { name: "lower case (compared case-insensitively)", doc: primaryCode("p02") },
  ],
  invalid: [
    { name: "two characters", doc: primaryCode("P1"), errors: [{ object: "site:P1", path: "primarySites[0].siteCode", message: "2 characters" }] },
    { name: "four characters", doc: primaryCode("P001"), errors: [{ message: "4 characters" }] },
    { name: "a hyphen", doc: primaryCode("P-1"), errors: [{ message: "A–Z and digits 0–9" }] },
    { name: "a non-ASCII letter", doc: primaryCode("PÖ1"), errors: [{ message: "A–Z and digits 0–9" }] },
    {
      name: "CAS and secondary codes are checked",
      doc: (() => {
        const doc = labDoc();
        doc.cas = { siteCode: "CENTRAL", server: "cm00.lab.local" };
        doc.secondarySites = [{ siteCode: "S_1", parent: "P01", server: "cm02.lab.local" }];
        return doc;
      })(),
      errors: [
        { object: "site:CENTRAL", path: "cas.siteCode" },
        { object: "site:S_1", path: "secondarySites[0].siteCode" },
      ],
    },
  ],
});
