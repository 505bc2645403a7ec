import rule from "../../lib/rules/dp-local-admin";
import { branch, labWith, withSecondary } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

ruleTester(rule, {
  valid: [
    { name: "the seed lab (prepareHost by default)", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "prepareHost: false with hostHas.localAdmin", doc: labWith({ prepareHost: false, hostHas: { localAdmin: true } }) },
    { name: "a DP of an unknown site (REF-UNKNOWN's business)", doc: branch(0, 1, { site: "X99", prepareHost: false }) },
  ],
  invalid: [
    {
      name: "the seed lab with prepareHost: false",
      doc: labWith({ prepareHost: false }),
      errors: [
        {
          object: "dp:win701.lab.local",
          path: "distributionPoints[0].prepareHost",
          message: ["LAB\\CM01$", "site P01", "local Administrators"],
        },
      ],
    },
    {
      name: "hostHas.features only",
      doc: labWith({ prepareHost: false, hostHas: { features: true } }),
      errors: [{ message: "LAB\\CM01$" }],
    },
    {
      name: "a secondary site's DP names the secondary site server's account",
      doc: withSecondary(branch(0, 1, { site: "S01", prepareHost: false })),
      errors: [{ object: "dp:dp0.contoso.com", message: ["CONTOSO\\SEC01$", "site S01"] }],
    },
  ],
});
