import rule from "../../lib/rules/cas-primary-max";
import { casDoc, setPrimaries } from "../fixtures/builders-hierarchy";
import { cbDoc, labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "25 primaries under a CAS", doc: setPrimaries(casDoc(), 25) },
    { name: "26 primaries without a CAS (no CAS, no child primaries)", doc: setPrimaries(cbDoc(), 26) },
  ],
  invalid: [
    {
      name: "26 primaries under a CAS",
      doc: setPrimaries(casDoc(), 26),
      errors: [{ object: "site:CAS", path: "primarySites", limit: 25, actual: 26, message: ["26 child primary sites", "at most 25"] }],
    },
    {
      name: "26 primaries under a 2012 SP1 CAS",
      doc: setPrimaries(casDoc("2012 SP1"), 26),
      errors: [{ limit: 25, actual: 26 }],
    },
  ],
});
