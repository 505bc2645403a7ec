import fc from "fast-check";
import { expect, it } from "vitest";
import rule, { fqdnProblem, isFqdn } from "../../lib/rules/host-name";
import { cbDoc, labDoc, serverDp } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

const label = (length: number, ch = "a") => ch.repeat(length);

/** The lab with its DP on another host name. */
function dpNamed(server: string) {
  const doc = labDoc();
  doc.distributionPoints[0].server = server;
  return doc;
}
function primaryNamed(server: string) {
  const doc = labDoc();
  doc.primarySites[0].server = server;
  return doc;
}
const withDomain = (domain: string) => ({ ...labDoc(), domain });

/** A 253-character FQDN: four 62-character labels and a 1-character TLD. */
const longest = `${label(15)}.${label(62, "b")}.${label(62, "c")}.${label(62, "d")}.${label(48, "e")}`;

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "a 15-character NetBIOS name", doc: dpNamed(`${label(15)}.lab.local`) },
    { name: "a 63-character label after the first", doc: dpNamed(`win701.${label(63)}.local`) },
    { name: "a 253-character FQDN", doc: dpNamed(longest) },
    { name: "hyphens and digits inside labels", doc: dpNamed("dp-01.site-2.lab.local") },
    { name: "a 15-character NetBIOS domain", doc: withDomain(label(15, "D")) },
    {
      name: "a proxy with a long first label (not a Windows host)",
      doc: (() => {
        const doc = cbDoc();
        doc.distributionPoints.push(serverDp("dp1.contoso.com", "P01", { proxy: { server: "corporate-proxy-east.contoso.com", port: 8080 } }));
        return doc;
      })(),
    },
  ],
  invalid: [
    {
      name: "a single-label DP name",
      doc: dpNamed("win701"),
      errors: [{ object: "dp:win701", path: "distributionPoints[0].server", message: ["not a valid FQDN", "single label"] }],
    },
    {
      name: "a NetBIOS name of 16 characters",
      doc: dpNamed(`${label(16)}.lab.local`),
      errors: [{ path: "distributionPoints[0].server", limit: 15, actual: 16, message: ["NetBIOS", "at most 15", `LAB\\${label(16, "A")}$`] }],
    },
    {
      name: "a site server whose NetBIOS name is too long names the site server's computer account",
      doc: primaryNamed("configmgr-primary01.lab.local"),
      errors: [{ object: "site:P01", path: "primarySites[0].server", limit: 15, actual: 19, message: "site server's computer account LAB\\CONFIGMGR-PRIMARY01$" }],
    },
    { name: "a 64-character label", doc: dpNamed(`win701.${label(64)}.local`), errors: [{ message: "at most 63" }] },
    { name: "a 254-character FQDN", doc: dpNamed(`${longest}e`), errors: [{ message: ["254 characters", "at most 253"] }] },
    { name: "a label starting with a hyphen", doc: dpNamed("win701.-lab.local"), errors: [{ message: "hyphen" }] },
    { name: "a label ending with a hyphen", doc: dpNamed("win701-.lab.local"), errors: [{ message: "hyphen" }] },
    { name: "an underscore", doc: dpNamed("win_701.lab.local"), errors: [{ message: "letters, digits and hyphens" }] },
    { name: "two dots in a row", doc: dpNamed("win701..lab.local"), errors: [{ message: "empty label" }] },
    { name: "a trailing dot", doc: dpNamed("win701.lab.local."), errors: [{ message: "trailing dot" }] },
    {
      name: "CAS and secondary servers are checked",
      doc: (() => {
        const doc = labDoc();
        doc.cas = { siteCode: "CAS", server: "cm00" };
        doc.secondarySites = [{ siteCode: "S01", parent: "P01", server: "cm 02.lab.local" }];
        return doc;
      })(),
      errors: [
        { object: "site:CAS", path: "cas.server" },
        { object: "site:S01", path: "secondarySites[0].server" },
      ],
    },
    {
      name: "pull source and proxy servers are checked",
      doc: (() => {
        const doc = cbDoc();
        doc.distributionPoints.push(
          serverDp("dp1.contoso.com", "P01", { pull: { sources: [{ server: "dp0", rank: 1 }] }, proxy: { server: "proxy_1.contoso.com", port: 80 } }),
        );
        return doc;
      })(),
      errors: [
        { object: "dp:dp1.contoso.com", path: "distributionPoints[0].pull.sources[0].server", message: 'pull source "dp0"' },
        { object: "dp:dp1.contoso.com", path: "distributionPoints[0].proxy.server", message: 'proxy server "proxy_1.contoso.com"' },
      ],
    },
    {
      name: "a DNS domain name instead of the NetBIOS one",
      doc: withDomain("lab.local"),
      errors: [{ object: "hierarchy", path: "domain", message: ["LAB.LOCAL", "DNS domain name", "NetBIOS"] }],
    },
    { name: "a 16-character domain", doc: withDomain(label(16, "D")), errors: [{ path: "domain", limit: 15, actual: 16 }] },
    { name: "a domain with a space", doc: withDomain("MY LAB"), errors: [{ path: "domain", message: "not a valid NetBIOS domain name" }] },
    { name: "a domain with a forbidden character", doc: withDomain("LAB*"), errors: [{ path: "domain" }] },
  ],
});

// The one-pass check that lets valid servers through must accept exactly the names the
// label-by-label check (which words the message) finds nothing wrong with.
it.each([
  "cm01.lab.local", "a.b", "a", "", ".", "a.", ".a", "a..b", "-a.b", "a-.b", "a.-b", "a.b-", "a-b.c-d", "A.B", "1.2",
  "a b.c", "a_b.c", "é.lab", "a.b\n", `${"a".repeat(63)}.b`, `${"a".repeat(64)}.b`, `${"a.".repeat(126)}a`, `${"a.".repeat(127)}a`,
])("isFqdn(%j) agrees with fqdnProblem", (name) => {
  expect(isFqdn(name)).toBe(fqdnProblem(name) === undefined);
});

it("isFqdn agrees with fqdnProblem on random names", () => {
  const chars = fc.constantFrom(..."aZ09-._ é".split(""));
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 12 }), fc.nat(70), (cs, long) => {
      const name = cs.join("").replace("_", "a".repeat(long));
      expect(isFqdn(name)).toBe(fqdnProblem(name) === undefined);
    }),
    { numRuns: 3000 },
  );
});
