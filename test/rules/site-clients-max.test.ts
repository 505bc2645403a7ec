import rule from "../../lib/rules/site-clients-max";
import { casDoc } from "../fixtures/builders-hierarchy";
import { cbDoc, labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

type Kind = "stand-alone" | "child" | "secondary";

/** One site of the given kind declaring `clients`, in a document of `version`. */
function site(version: string, kind: Kind, clients: number) {
  const doc = kind === "child" ? casDoc(version) : cbDoc();
  doc.configMgrVersion = version;
  if (kind === "secondary") doc.secondarySites = [{ siteCode: "S01", parent: "P01", server: "sec01.contoso.com", clients }];
  else doc.primarySites[0].clients = clients;
  return doc;
}

const at = { primary: { object: "site:P01", path: "primarySites[0].clients" }, secondary: { object: "site:S01", path: "secondarySites[0].clients" } };

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "2012: primary at 100,000", doc: site("2012 SP1", "stand-alone", 100_000) },
    { name: "2012: child primary at 100,000", doc: site("2012 R2", "child", 100_000) },
    { name: "2012: secondary at 5,000", doc: site("2012 SP1", "secondary", 5_000) },
    { name: "CB: stand-alone primary at 175,000", doc: site("2403", "stand-alone", 175_000) },
    { name: "CB: child primary at 150,000", doc: site("2403", "child", 150_000) },
    { name: "CB: secondary at 15,000", doc: site("1511", "secondary", 15_000) },
    { name: "a version the library cannot read: nothing to compare with", doc: site("2012 SP3", "stand-alone", 1_000_000) },
  ],
  invalid: [
    {
      name: "2012: primary at 100,001",
      doc: site("2012 SP1", "stand-alone", 100_001),
      errors: [{ ...at.primary, limit: 100_000, actual: 100_001, message: ["100,001 clients", "a primary site supports at most 100,000", "2012 family (2012 SP1)"] }],
    },
    { name: "2012: child primary at 100,001", doc: site("2012 R2 SP1", "child", 100_001), errors: [{ ...at.primary, limit: 100_000, actual: 100_001 }] },
    {
      name: "2012: secondary at 5,001",
      doc: site("2012 R2", "secondary", 5_001),
      errors: [{ ...at.secondary, limit: 5_000, actual: 5_001, message: ["a secondary site supports at most 5,000", "2012 family"] }],
    },
    {
      name: "CB: stand-alone primary at 175,001",
      doc: site("2403", "stand-alone", 175_001),
      errors: [{ ...at.primary, limit: 175_000, actual: 175_001, message: ["stand-alone primary site", "175,000", "current branch (2403)"] }],
    },
    {
      name: "CB: child primary at 150,001",
      doc: site("2403", "child", 150_001),
      errors: [{ ...at.primary, limit: 150_000, actual: 150_001, message: ["child primary site", "150,000", "current branch"] }],
    },
    {
      name: "CB: secondary at 15,001",
      doc: site("2509", "secondary", 15_001),
      errors: [{ ...at.secondary, limit: 15_000, actual: 15_001, message: ["a secondary site supports at most 15,000", "current branch (2509)"] }],
    },
  ],
});
