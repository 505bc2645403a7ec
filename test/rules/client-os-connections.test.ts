import { describe, expect, it } from "vitest";
import rule from "../../lib/rules/client-os-connections";
import { branch, cbWith, labGroup, labWith } from "../fixtures/builders-capacity";
import { labDoc } from "../fixtures/lab";
import { ruleTester, runRule } from "./rule-tester";

/** win701 alone in "Lab Annex" (25 clients) and sharing "Lab HQ" (10 clients) with win702: load 5 + 25. */
function annex() {
  const doc = labGroup(10, true);
  doc.boundaryGroups!.push({ name: "Lab Annex", clients: 25, boundaries: [{ ipSubnet: "192.168.3.0/24" }] });
  doc.distributionPoints[0].boundaryGroups = ["Lab HQ", "Lab Annex"];
  return doc;
}

/** What the numbers are (issue 11): the licence's 20 inbound connections, and IIS's 10 concurrent requests. */
const WHY = ["the 20 is the client Windows licence limit of 20 inbound connections", "IIS on client Windows handles only 10 requests concurrently and queues the rest"];

ruleTester(rule, {
  valid: [
    { name: "the seed lab (18 clients, one Windows 7 DP)", doc: labDoc() },
    { name: "the seed lab on 2403", doc: labWith({}, "2403") },
    { name: "20 clients, no failover", doc: labGroup(20) },
    { name: "21 clients with a second DP in the group (11 each)", doc: labGroup(21, true) },
    { name: "40 clients with a second DP in the group (20 each)", doc: labGroup(40, true) },
    { name: "a Windows Server DP with 4,000 clients", doc: branch(4000, 1) },
    { name: "a Windows 10 DP with clients: 20 in no group", doc: cbWith({ os: "windows-10", edition: "enterprise", clients: 20 }, "2403") },
  ],
  invalid: [
    {
      name: "21 clients, the only DP of the group (no failover)",
      doc: labGroup(21),
      errors: [
        {
          object: "dp:win701.lab.local",
          path: "distributionPoints[0].boundaryGroups",
          severity: "error",
          limit: 20,
          actual: 21,
          message: ["runs Windows 7", "serves 21 clients", 'only DP of boundary group "Lab HQ"', "no failover", ...WHY],
        },
      ],
    },
    {
      name: "clients: 21 with a second DP in a group of 21 (failover)",
      doc: labGroup(21, true, { clients: 21 }),
      errors: [
        {
          object: "dp:win701.lab.local",
          path: "distributionPoints[0].clients",
          severity: "warning",
          limit: 20,
          actual: 21,
          message: ["serves 21 clients, more than 20", "other DPs of its boundary groups can take over", ...WHY],
        },
      ],
    },
    {
      name: "42 clients with a second DP in the group (21 each, failover)",
      doc: labGroup(42, true),
      errors: [
        { object: "dp:win701.lab.local", severity: "warning", actual: 21 },
        { object: "dp:win702.lab.local", severity: "warning", actual: 21 },
      ],
    },
    {
      name: "clients: 30, the only DP of a group of 15 (the group itself fits in 20)",
      doc: labGroup(15, false, { clients: 30 }),
      errors: [{ severity: "warning", actual: 30 }],
    },
    {
      name: "the only DP of one of its groups (the other has failover)",
      doc: annex(),
      errors: [{ object: "dp:win701.lab.local", severity: "error", actual: 30, message: ['only DP of boundary group "Lab Annex" (25 clients, no failover)'] }],
    },
    {
      name: "a Windows 10 DP with clients: 25 in no group",
      doc: cbWith({ os: "windows-10", edition: "enterprise", clients: 25 }, "2403"),
      errors: [{ object: "dp:dp1.contoso.com", severity: "warning", limit: 20, actual: 25, message: ["runs Windows 10", ...WHY] }],
    },
  ],
});

describe("CLIENT-OS-CONNECTIONS fix", () => {
  it("asks for a second DP in the group without failover", () => {
    const [d] = runRule(rule, labGroup(21));
    expect(d.fix).toContain('Add a second DP to boundary group "Lab HQ"');
  });
});
