import rule from "../../lib/rules/bg-no-dp";
import { bg, sitesDoc } from "../fixtures/builders-pull";
import { labDoc, serverDp } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

function groups(clients: number | undefined, withDp: boolean, dpGroup = "Branch") {
  const doc = sitesDoc([{ ...bg("Branch", "P01", { ipSubnet: "10.1.0.0/16" }), ...(clients !== undefined ? { clients } : {}) }]);
  if (withDp) doc.distributionPoints.push(serverDp("dp1.contoso.com", "P01", { boundaryGroups: [dpGroup] }));
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "a group with clients and a DP", doc: groups(500, true) },
    { name: "the DP names the group in another case", doc: groups(500, true, "BRANCH") },
    { name: "a group with 0 clients and no DP", doc: groups(0, false) },
    { name: "a group with no clients declared and no DP", doc: groups(undefined, false) },
  ],
  invalid: [
    {
      name: "a group with 1 client and no DP",
      doc: groups(1, false),
      errors: [{ object: "bg:Branch", path: "boundaryGroups[0]", severity: "warning", message: ["has 1 client and", "no distribution point"] }],
    },
    { name: "a group with 2,500 clients whose DP names another group", doc: groups(2500, true, "Elsewhere"), errors: [{ message: "2,500 clients" }] },
  ],
});
