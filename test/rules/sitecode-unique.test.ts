import rule from "../../lib/rules/sitecode-unique";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

function withSites(cas: string | undefined, secondaries: string[]) {
  const doc = labDoc();
  if (cas) doc.cas = { siteCode: cas, server: "cm00.lab.local" };
  doc.secondarySites = secondaries.map((siteCode, i) => ({ siteCode, parent: "P01", server: `sec${i}.lab.local` }));
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "CAS, primary and secondaries all distinct", doc: withSites("CAS", ["S01", "S02"]) },
  ],
  invalid: [
    {
      name: "a secondary repeating the primary's code (case-insensitively)",
      doc: withSites(undefined, ["S01", "p01"]),
      errors: [{ object: "site:P01", path: "secondarySites[1].siteCode", message: ["P01", "the primary site at primarySites[0]"] }],
    },
    {
      name: "the CAS is the first one: the primary is the repeat",
      doc: withSites("P01", []),
      errors: [{ path: "primarySites[0].siteCode", message: "the central administration site at cas" }],
    },
    {
      name: "each repeat after the first is reported",
      doc: withSites(undefined, ["S01", "S01", "S01"]),
      errors: [
        { path: "secondarySites[1].siteCode", message: "the secondary site at secondarySites[0]" },
        { path: "secondarySites[2].siteCode", message: "the secondary site at secondarySites[0]" },
      ],
    },
  ],
});
