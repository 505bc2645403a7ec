import rule from "../../lib/rules/name-unique";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

function groups(...names: string[]) {
  const doc = labDoc();
  doc.boundaryGroups = names.map((name) => ({ name }));
  doc.distributionPoints[0].boundaryGroups = [names[0]];
  return doc;
}
function dps(...servers: string[]) {
  const doc = labDoc();
  const [dp] = doc.distributionPoints;
  doc.distributionPoints = servers.map((server) => ({ ...dp, server }));
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "distinct group names", doc: groups("Lab HQ", "Lab HQ 2", "Branch") },
    { name: "distinct DP servers", doc: dps("win701.lab.local", "win702.lab.local") },
  ],
  invalid: [
    {
      name: "a group name repeated in another case",
      doc: groups("Lab HQ", "lab hq"),
      errors: [{ object: "bg:lab hq", path: "boundaryGroups[1].name", message: ["boundaryGroups[0]", '"Lab HQ"', "case-insensitively"] }],
    },
    {
      name: "each repeat of a group name",
      doc: groups("A", "B", "a", "A"),
      errors: [{ path: "boundaryGroups[2].name" }, { path: "boundaryGroups[3].name" }],
    },
    {
      name: "a DP server declared twice (FQDNs compare case-insensitively)",
      doc: dps("win701.lab.local", "WIN701.lab.local"),
      errors: [{ object: "dp:win701.lab.local", path: "distributionPoints[1].server", message: "distributionPoints[0]" }],
    },
    {
      name: "each repeat of a DP server",
      doc: dps("a.lab.local", "b.lab.local", "a.lab.local", "a.lab.local"),
      errors: [{ path: "distributionPoints[2].server" }, { path: "distributionPoints[3].server" }],
    },
  ],
});
