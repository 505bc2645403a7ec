import rule from "../../lib/rules/primary-secondary-max";
import { addSecondaries, casDoc, setPrimaries } from "../fixtures/builders-hierarchy";
import { cbDoc, labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

function secondaries(count: number) {
  const doc = cbDoc();
  addSecondaries(doc, "P01", count);
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "250 secondaries under one primary", doc: secondaries(250) },
    {
      name: "251 secondaries spread over two primaries",
      doc: (() => {
        const doc = setPrimaries(casDoc(), 2);
        addSecondaries(doc, "P01", 250, "S");
        addSecondaries(doc, "P02", 1, "T");
        return doc;
      })(),
    },
  ],
  invalid: [
    {
      name: "251 secondaries under one primary",
      doc: secondaries(251),
      errors: [{ object: "site:P01", path: "primarySites[0]", limit: 250, actual: 251, message: ["251 secondary sites", "at most 250"] }],
    },
  ],
});
