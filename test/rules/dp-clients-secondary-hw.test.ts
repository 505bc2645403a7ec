import rule from "../../lib/rules/dp-clients-secondary-hw";
import { branch, labWith, withSecondary } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

/** One DP at secondary S01 (or another site) serving `clients`. */
const secondaryDp = (clients: number, max?: number, site = "S01") => withSecondary(branch(0, 1, { site, clients }), max);

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "2,000 clients at a secondary declaring 2,000", doc: secondaryDp(2000, 2000) },
    { name: "3,000 clients at a secondary declaring nothing", doc: secondaryDp(3000) },
    { name: "3,000 clients at the primary (the secondary's value does not apply)", doc: secondaryDp(3000, 2000, "P01") },
    { name: "a DP of an unknown site", doc: secondaryDp(3000, 2000, "X99") },
  ],
  invalid: [
    {
      name: "2,001 clients at a secondary declaring 2,000",
      doc: secondaryDp(2001, 2000),
      errors: [
        {
          object: "dp:dp0.contoso.com",
          path: "distributionPoints[0].clients",
          limit: 2000,
          actual: 2001,
          message: ["serves 2,001 clients", "secondary site S01", "maxClientsPerDistributionPoint 2,000"],
        },
      ],
    },
    {
      name: "a group of 3,001 split between 2 DPs of a secondary declaring 1,500",
      doc: withSecondary(branch(3001, 2, { site: "S01" }), 1500),
      errors: [
        { object: "dp:dp0.contoso.com", path: "distributionPoints[0].boundaryGroups", limit: 1500, actual: 1501 },
        { object: "dp:dp1.contoso.com", limit: 1500, actual: 1501 },
      ],
    },
  ],
});
