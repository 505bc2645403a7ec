import rule from "../../lib/rules/pulldp-per-site-max";
import { addDps, addSecondaries } from "../fixtures/builders-hierarchy";
import { cbDoc, labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

function pullDps(site: string, pull: number, standard = 1) {
  const doc = cbDoc();
  addSecondaries(doc, "P01", 1);
  return addDps(doc, site, { standard, pull });
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "2,000 pull DPs at a primary", doc: pullDps("P01", 2000) },
    { name: "2,000 pull DPs plus 250 standard DPs at a primary (counted apart)", doc: pullDps("P01", 2000, 250) },
    { name: "2,000 pull DPs at a secondary", doc: pullDps("S01", 2000) },
  ],
  invalid: [
    {
      name: "2,001 pull DPs at a primary",
      doc: pullDps("P01", 2001),
      errors: [{ object: "site:P01", path: "primarySites[0]", limit: 2000, actual: 2001, message: ["2,001 pull distribution points", "primary site supports at most 2,000"] }],
    },
    {
      name: "2,001 pull DPs at a secondary",
      doc: pullDps("S01", 2001),
      errors: [{ object: "site:S01", path: "secondarySites[0]", limit: 2000, actual: 2001, message: "secondary site" }],
    },
  ],
});
