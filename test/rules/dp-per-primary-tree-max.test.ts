import rule from "../../lib/rules/dp-per-primary-tree-max";
import { addDps, addSecondaries, casDoc, setPrimaries } from "../fixtures/builders-hierarchy";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

/**
 * P01's tree: 250 standard + 2,000 pull at P01, the same at S01, 250 + `lastPull` at S02,
 * so no per-site limit is broken. 5,000 in all with lastPull = 250.
 */
function tree(lastPull: number) {
  const doc = setPrimaries(casDoc(), 2);
  const [s1, s2] = addSecondaries(doc, "P01", 2);
  addDps(doc, "P01", { standard: 250, pull: 2000 });
  addDps(doc, s1, { standard: 250, pull: 2000 });
  addDps(doc, s2, { standard: 250, pull: lastPull });
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "5,000 DPs over a primary and two secondaries", doc: tree(250) },
    {
      name: "DPs of another primary's tree do not count",
      doc: (() => {
        const doc = tree(250);
        const [t1] = addSecondaries(doc, "P02", 1, "T");
        addDps(doc, "P02", { standard: 10 });
        addDps(doc, t1, { standard: 10 });
        return doc;
      })(),
    },
  ],
  invalid: [
    {
      name: "5,001 DPs over a primary and two secondaries",
      doc: tree(251),
      errors: [
        {
          object: "site:P01",
          path: "primarySites[0]",
          limit: 5000,
          actual: 5001,
          message: ["5,001 distribution points", "2,250 of its own and 2,751 at its 2 secondary sites", "at most 5,000"],
        },
      ],
    },
  ],
});
