import { describe, expect, it } from "vitest";
import rule from "../../lib/rules/hierarchy-clients-max";
import { casDoc, setPrimaries } from "../fixtures/builders-hierarchy";
import { cbDoc, labDoc } from "../fixtures/lab";
import { ruleTester, runRule } from "./rule-tester";

/** A CAS hierarchy of `version` with primaries declaring the given clients. */
function hierarchy(version: string, clients: number[], sqlEdition?: "standard" | "enterprise") {
  const doc = setPrimaries(casDoc(version, sqlEdition), clients.length);
  doc.primarySites.forEach((p, i) => (p.clients = clients[i]));
  return doc;
}
const five = (each: number, extra = 0) => [each, each, each, each, each + extra];

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "CB: 700,000 over five primaries", doc: hierarchy("2403", five(140_000)) },
    { name: "CB with SQL Enterprise at the CAS: 700,000", doc: hierarchy("2403", five(140_000), "enterprise") },
    { name: "2012: 400,000 over five primaries", doc: hierarchy("2012 SP1", five(80_000)) },
    { name: "CB with SQL Standard at the CAS: 50,000", doc: hierarchy("2403", [25_000, 25_000], "standard") },
    { name: "2012 with SQL Standard at the CAS: 50,000", doc: hierarchy("2012 R2", [50_000], "standard") },
    { name: "primaries without declared clients count as none", doc: setPrimaries(casDoc(), 3) },
    {
      name: "a stand-alone primary at 175,000",
      doc: (() => {
        const doc = cbDoc();
        doc.primarySites[0].clients = 175_000;
        return doc;
      })(),
    },
  ],
  invalid: [
    {
      name: "CB: 700,001",
      doc: hierarchy("2403", five(140_000, 1)),
      errors: [
        {
          object: "hierarchy",
          path: "primarySites",
          limit: 700_000,
          actual: 700_001,
          message: ["700,001 clients", "5 primary sites", "at most 700,000", "current branch (2403)"],
        },
      ],
    },
    {
      name: "2012: 400,001",
      doc: hierarchy("2012 SP1", five(80_000, 1)),
      errors: [{ object: "hierarchy", limit: 400_000, actual: 400_001, message: ["at most 400,000", "2012 family"] }],
    },
    {
      name: "CB with SQL Standard at the CAS: 50,001",
      doc: hierarchy("2403", [25_000, 25_001], "standard"),
      errors: [{ object: "hierarchy", path: "cas.sqlEdition", limit: 50_000, actual: 50_001, message: "SQL Server Standard supports at most 50,000" }],
    },
    {
      name: "2012 with SQL Standard at the CAS: 50,001",
      doc: hierarchy("2012 R2", [50_001], "standard"),
      errors: [{ object: "hierarchy", path: "cas.sqlEdition", limit: 50_000, actual: 50_001 }],
    },
  ],
});

describe("HIERARCHY-CLIENTS-MAX fix", () => {
  it("points a SQL Standard CAS at Enterprise and the limit it would give", () => {
    expect(runRule(rule, hierarchy("2403", [60_000], "standard"))[0].fix).toContain("SQL Server Enterprise (then up to 700,000)");
    expect(runRule(rule, hierarchy("2012 SP1", [60_000], "standard"))[0].fix).toContain("then up to 400,000");
  });
});
