import rule from "../../lib/rules/pulldp-sources";
import { pullDoc, pullDp } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester } from "./rule-tester";

/** dp0 (standard) plus pull1 whose sources are exactly `sources`. */
function sources(...list: { server: string; rank: number }[]) {
  const doc = pullDoc({ dp2: [] });
  doc.distributionPoints[1] = { ...pullDp("dp2", []), pull: undefined };
  doc.distributionPoints.push(pullDp("pull1", [], { pull: { sources: list } }));
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "one source ranked 1", doc: pullDoc({ pull1: ["dp0"] }) },
    { name: "two sources, equal ranks", doc: sources({ server: "dp0.contoso.com", rank: 1 }, { server: "dp2.contoso.com", rank: 1 }) },
    { name: "a pull DP as a source", doc: pullDoc({ pull1: ["dp0"], pull2: ["pull1"] }) },
    { name: "an unknown source (REF-UNKNOWN's)", doc: pullDoc({ pull1: ["nowhere"] }) },
    {
      name: "an unknown source listed twice (REF-UNKNOWN's)",
      doc: sources({ server: "nowhere.contoso.com", rank: 1 }, { server: "nowhere.contoso.com", rank: 2 }),
    },
  ],
  invalid: [
    {
      name: "no source",
      doc: pullDoc({ pull1: [] }),
      errors: [{ object: "dp:pull1.contoso.com", path: "distributionPoints[1].pull.sources", limit: 1, actual: 0, message: "no source DP" }],
    },
    {
      name: "itself as its source",
      doc: pullDoc({ pull1: ["dp0", "pull1"] }),
      errors: [{ object: "dp:pull1.contoso.com", path: "distributionPoints[1].pull.sources[1].server", message: "lists itself" }],
    },
    {
      name: "rank 0",
      doc: sources({ server: "dp0.contoso.com", rank: 0 }),
      errors: [{ path: "distributionPoints[2].pull.sources[0].rank", limit: 1, actual: 0, message: "rank 0" }],
    },
    {
      name: "a negative rank",
      doc: sources({ server: "dp0.contoso.com", rank: -3 }),
      errors: [{ limit: 1, actual: -3 }],
    },
    {
      name: "a fractional rank",
      doc: sources({ server: "dp0.contoso.com", rank: 1.5 }),
      errors: [{ path: "distributionPoints[2].pull.sources[0].rank", actual: 1.5, message: ["rank 1.5", "whole number"] }],
    },
    {
      name: "the same source twice",
      doc: sources({ server: "dp0.contoso.com", rank: 1 }, { server: "dp2.contoso.com", rank: 2 }, { server: "DP0.contoso.com", rank: 3 }),
      errors: [{ path: "distributionPoints[2].pull.sources[2].server", message: ["dp0.contoso.com twice", "sources 1 and 3"] }],
    },
  ],
});
