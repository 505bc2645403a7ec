import { expect, it } from "vitest";
import { countRule, LINEAR_GROWTH_4X, modelOf } from "./count-work";
import rule from "../../lib/rules/bg-overlap";
import { bg, sitesDoc } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester, runRule } from "./rule-tester";

const sub = (ipSubnet: string) => ({ ipSubnet });
const range = (ipRange: string) => ({ ipRange });

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "adjacent subnets of different sites", doc: sitesDoc([bg("A", "P01", sub("10.1.0.0/24")), bg("B", "P02", sub("10.1.1.0/24"))]) },
    {
      name: "a range ending just before the other begins",
      doc: sitesDoc([bg("A", "P01", range("10.1.0.0-10.1.0.255")), bg("B", "P02", range("10.1.1.0-10.1.1.10"))]),
    },
    { name: "the same subnet in two groups of the same site", doc: sitesDoc([bg("A", "P01", sub("10.1.0.0/16")), bg("B", "P01", sub("10.1.0.0/16"))]) },
    { name: "overlap with a group that assigns no site", doc: sitesDoc([bg("A", "P01", sub("10.1.0.0/16")), bg("B", undefined, sub("10.1.0.0/24"))]) },
    { name: "overlap with a group of an unknown site (REF-UNKNOWN's)", doc: sitesDoc([bg("A", "P01", sub("10.1.0.0/16")), bg("B", "X99", sub("10.1.0.0/24"))]) },
    { name: "an invalid boundary (BND-FORMAT's)", doc: sitesDoc([bg("A", "P01", sub("10.1.0.0/16")), bg("B", "P02", sub("10.1.0.0/99"))]) },
    { name: "different AD sites", doc: sitesDoc([bg("A", "P01", { adSite: "HQ" }), bg("B", "P02", { adSite: "Branch" })]) },
    { name: "disjoint IPv6 prefixes", doc: sitesDoc([bg("A", "P01", { ipv6Prefix: "2001:db8:1::/64" }), bg("B", "P02", { ipv6Prefix: "2001:db8:2::/64" })]) },
    { name: "different VPN names", doc: sitesDoc([bg("A", "P01", { vpn: "Name:One" }), bg("B", "P02", { vpn: "Name:Two" })]) },
    {
      name: "VPN names that differ within their first 250 characters",
      doc: sitesDoc([bg("A", "P01", { vpn: `Name:${"v".repeat(249)}A-tail` }), bg("B", "P02", { vpn: `Name:${"v".repeat(249)}B-tail` })]),
    },
    { name: "the same address as AD site text and as subnet (different types)", doc: sitesDoc([bg("A", "P01", { adSite: "X" }), bg("B", "P02", { vpn: "Name:X" })]) },
  ],
  invalid: [
    {
      name: "VPN names equal in the first 250 characters ConfigMgr matches, different sites",
      doc: sitesDoc([bg("A", "P01", { vpn: `Name:${"v".repeat(250)}-office` }), bg("B", "P02", { vpn: `Name:${"v".repeat(250)}-home` })]),
      errors: [{ object: "bg:B", path: "boundaryGroups[1].boundaries[0].vpn", severity: "warning", message: ["which overlaps boundary vpn", "at random"] }],
    },
    {
      name: "the same subnet, different sites",
      doc: sitesDoc([bg("A", "P01", sub("10.1.0.0/16")), bg("B", "P02", sub("10.2.0.0/16"), sub("10.1.0.0/16"))]),
      errors: [
        {
          object: "bg:B",
          path: "boundaryGroups[1].boundaries[1].ipSubnet",
          severity: "warning",
          message: ["ipSubnet 10.1.0.0/16, which bg:A also has", "site:P02", "bg:A to site:P01", "at random"],
        },
      ],
    },
    {
      name: "a range inside a subnet",
      doc: sitesDoc([bg("A", "P01", range("10.1.2.0-10.1.2.255")), bg("B", "P02", sub("10.1.0.0/16"))]),
      errors: [{ object: "bg:B", path: "boundaryGroups[1].boundaries[0].ipSubnet", message: "overlaps boundary ipRange 10.1.2.0-10.1.2.255 of bg:A" }],
    },
    {
      name: "ranges sharing one address",
      doc: sitesDoc([bg("A", "P01", range("10.1.0.0-10.1.0.10")), bg("B", "P02", range("10.1.0.10-10.1.0.20"))]),
      errors: [{ object: "bg:B" }],
    },
    {
      name: "many overlapping boundaries of one pair: reported once",
      doc: sitesDoc([
        bg("A", "P01", sub("10.1.0.0/24"), sub("10.1.1.0/24"), { adSite: "HQ" }),
        bg("B", "P02", sub("10.1.0.0/16"), { adSite: "hq" }),
      ]),
      errors: [{ object: "bg:B" }],
    },
    { name: "the same AD site in another case", doc: sitesDoc([bg("A", "P01", { adSite: "HQ" }), bg("B", "P02", { adSite: "hq" })]), errors: [{ message: "bg:A also has" }] },
    {
      name: "nested IPv6 prefixes, bare and with a length",
      doc: sitesDoc([bg("A", "P01", { ipv6Prefix: "2001:db8::/32" }), bg("B", "P02", { ipv6Prefix: "2001:db8:1:2" })]),
      errors: [{ object: "bg:B", path: "boundaryGroups[1].boundaries[0].ipv6Prefix", message: "overlaps boundary ipv6Prefix 2001:db8::/32" }],
    },
    { name: "the same VPN", doc: sitesDoc([bg("A", "P01", { vpn: "Auto:On" }), bg("B", "P02", { vpn: "Auto:On" })]), errors: [{ path: "boundaryGroups[1].boundaries[0].vpn" }] },
    {
      name: "three groups of three sites on one subnet: three pairs",
      doc: sitesDoc([bg("A", "P01", sub("10.1.0.0/16")), bg("B", "P02", sub("10.1.0.0/16")), bg("C", "S01", sub("10.1.0.0/16"))]),
      errors: [
        { object: "bg:B", message: "bg:A" },
        { object: "bg:C", message: "bg:A" },
        { object: "bg:C", message: "bg:B" },
      ],
    },
    {
      name: "a long range spanning many groups of the same site",
      doc: sitesDoc([
        bg("Wide", "P02", range("10.0.0.0-10.0.255.255")),
        ...Array.from({ length: 50 }, (_, i) => bg(`G${i}`, "P01", sub(`10.0.${i}.0/24`))),
      ]),
      errors: Array.from({ length: 50 }, (_, i) => ({ object: `bg:G${i}`, message: "bg:Wide" })),
    },
  ],
});

const manyGroups = (count: number) => {
  const groups = Array.from({ length: count }, (_, i) =>
    bg(`G${i}`, i % 2 === 0 ? "P01" : "P02", sub(`10.${i >> 8}.${i & 255}.0/24`), { adSite: `Site-${i}` }),
  );
  groups.push(bg("Clash", "P02", sub("10.0.4.0/24")));
  return sitesDoc(groups);
};

it("BG-OVERLAP sweeps 100,000 boundary groups of two sites and finds the one clash", () => {
  expect(runRule(rule, manyGroups(100_000)).map((d) => d.object)).toEqual(["bg:Clash"]);
});

it("BG-OVERLAP's work grows linearly with the number of groups (counted, not timed)", () => {
  const small = manyGroups(5_000);
  const large = manyGroups(20_000);
  const a = countRule(rule, modelOf(small));
  const b = countRule(rule, modelOf(large));
  expect(b.result.map((d) => d.object)).toEqual(["bg:Clash"]);
  expect(b.work / a.work).toBeLessThan(LINEAR_GROWTH_4X);
});
