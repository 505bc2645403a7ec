import { expect, it } from "vitest";
import { countRule, LINEAR_GROWTH_4X, modelOf } from "./count-work";
import rule from "../../lib/rules/pulldp-cycle";
import { fq, pullDoc, pullDp } from "../fixtures/builders-pull";
import { labDoc } from "../fixtures/lab";
import { ruleTester, runRule } from "./rule-tester";

const loop = (...names: string[]) => names.map(fq).join(" → ");

/** `count` pull DPs p0 … p(count-1), each pulling from the next; the last from p0 when `closed`. */
function ring(count: number, closed: boolean) {
  const doc = pullDoc();
  for (let i = 0; i < count; i++) {
    const next = i + 1 < count ? `p${i + 1}` : closed ? "p0" : "dp0";
    doc.distributionPoints.push(pullDp(`p${i}`, [next]));
  }
  return doc;
}

ruleTester(rule, {
  valid: [
    { name: "the seed lab", doc: labDoc() },
    { name: "a chain of pull DPs ending at a standard DP", doc: pullDoc({ a: ["b"], b: ["c"], c: ["dp0"] }) },
    {
      name: "a would-be loop of 3 broken by a standard DP (dp0 has no sources)",
      doc: pullDoc({ a: ["b"], b: ["dp0"], c: ["a"] }),
    },
    { name: "a pull DP listing itself (PULLDP-SOURCES')", doc: pullDoc({ a: ["a", "dp0"] }) },
    { name: "a loop through an unknown source (REF-UNKNOWN's)", doc: pullDoc({ a: ["nowhere"], b: ["a"] }) },
    { name: "20,000 pull DPs in one chain", doc: ring(20_000, false) },
  ],
  invalid: [
    {
      name: "a loop of 2",
      doc: pullDoc({ a: ["b"], b: ["a"] }),
      errors: [{ object: "dp:a.contoso.com", path: "distributionPoints[1].pull.sources[0]", message: loop("a", "b", "a") }],
    },
    {
      name: "a loop of 3, reported at its first DP in document order",
      doc: pullDoc({ c: ["dp0"], b: ["c2"], c2: ["a"], a: ["b"] }),
      errors: [{ object: "dp:b.contoso.com", path: "distributionPoints[2].pull.sources[0]", message: loop("b", "c2", "a", "b") }],
    },
    {
      name: "a loop even when a DP of it has a standard DP as a second source",
      doc: pullDoc({ a: ["b", "dp0"], b: ["a"] }),
      errors: [{ message: loop("a", "b", "a") }],
    },
    {
      name: "the loop's edge is named by the source entry it uses",
      doc: pullDoc({ a: ["dp0", "b"], b: ["a"] }),
      errors: [{ path: "distributionPoints[1].pull.sources[1]" }],
    },
    {
      name: "two separate loops, each once",
      doc: pullDoc({ a: ["b"], b: ["a"], c: ["d"], d: ["e"], e: ["c"] }),
      errors: [{ object: "dp:a.contoso.com" }, { object: "dp:c.contoso.com", message: loop("c", "d", "e", "c") }],
    },
    {
      name: "two loops sharing a DP, once, with the shortest loop and the count",
      doc: pullDoc({ a: ["b", "c"], b: ["a"], c: ["d"], d: ["a"] }),
      errors: [{ object: "dp:a.contoso.com", message: [loop("a", "b", "a"), "4 pull DPs in all"] }],
    },
    {
      name: "20,000 pull DPs in one loop, shortened in the message",
      doc: ring(20_000, true),
      errors: [{ object: "dp:p0.contoso.com", message: [loop("p0", "p1", "p2"), "… 19,992 more …", loop("p19998", "p19999", "p0")] }],
    },
  ],
});

it("PULLDP-CYCLE takes a 125,000-DP pull chain without recursion", () => {
  expect(runRule(rule, ring(125_000, true))).toHaveLength(1);
});

it("PULLDP-CYCLE's work grows linearly with the number of pull DPs (counted, not timed)", () => {
  const small = ring(10_000, true);
  const large = ring(40_000, true);
  const a = countRule(rule, modelOf(small));
  const b = countRule(rule, modelOf(large));
  expect(b.result).toHaveLength(1);
  expect(b.work / a.work).toBeLessThan(LINEAR_GROWTH_4X);
});
