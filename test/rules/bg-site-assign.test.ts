import rule from "../../lib/rules/bg-site-assign";
import { bg, sitesDoc } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const subnet = { ipSubnet: "10.1.0.0/16" };

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "groups assigned to primaries, and one unassigned", doc: sitesDoc([bg("A", "P01", subnet), bg("B", "p02"), bg("C", undefined)]) },
    { name: "an unknown site (REF-UNKNOWN's)", doc: sitesDoc([bg("A", "X99")]) },
  ],
  invalid: [
    {
      name: "assigned to the CAS",
      doc: sitesDoc([bg("A", "P01"), bg("Central", "cas")]),
      errors: [{ object: "bg:Central", path: "boundaryGroups[1].assignedSite", message: ["site:CAS", "central administration site", "only be assigned to a primary"] }],
    },
    {
      name: "assigned to a secondary",
      doc: sitesDoc([bg("Branch", "S01", subnet)]),
      errors: [{ object: "bg:Branch", path: "boundaryGroups[0].assignedSite", message: ["site:S01, a secondary site"] }],
    },
  ],
});
