import { describe, expect, it } from "vitest";
import { RULES } from "../../lib/rules/catalog";
import { DPS_PER_SLICE, runRules } from "../../lib/rules/run";
import type { Rule } from "../../lib/rules/types";
import { branch } from "../fixtures/builders-capacity";
import { modelOf } from "./count-work";
import { runRule } from "./rule-tester";

/** A rule that reports the hierarchy once (check) and every DP with hardware below 4 cores (checkDps). */
const both: Rule = {
  id: "TEST-BOTH",
  severity: "error",
  title: "test rule: one whole-model finding, then one per DP with fewer than 4 cores",
  sources: ["FORMAT"],
  fix: "none",
  check(_model, report) {
    report({ object: "hierarchy", path: [], message: "whole model" });
  },
  checkDps(dps, _model, report) {
    for (const dp of dps) if (dp.doc.hardware.cores < 4) report({ object: dp.ref, path: dp.path, message: "few cores" });
  },
};

/** Breaks the checkDps contract: what it says about a DP depends on the slice it came in. */
const firstOfItsSlice: Rule = { ...both, id: "TEST-SLICE", check: undefined, checkDps: (dps, _m, report) => report({ object: dps[0].ref, path: dps[0].path, message: "first" }) };

describe("rules that check the DPs in slices (run.ts)", () => {
  const doc = branch(100, 7);
  doc.distributionPoints.forEach((dp, i) => (dp.hardware = { cores: i % 2 === 0 ? 2 : 8, memoryGB: 16 }));
  const model = modelOf(doc);

  it("gives the same findings, in document order, whatever the slice size; a rule's check comes first", () => {
    const whole = runRules(model, [both], undefined, Infinity).map((d) => d.object);
    expect(whole).toEqual(["hierarchy", "dp:dp0.contoso.com", "dp:dp2.contoso.com", "dp:dp4.contoso.com", "dp:dp6.contoso.com"]);
    for (const size of [1, 2, 3, DPS_PER_SLICE]) expect(runRules(model, [both], undefined, size).map((d) => d.object), `slices of ${size}`).toEqual(whole);
  });

  it("keeps the rules' order when several rules share the slices", () => {
    const all = runRules(model, [both, ...RULES, both], undefined, 2).map((d) => d.rule);
    expect(all.slice(0, 5)).toEqual(Array(5).fill("TEST-BOTH"));
    expect(all.slice(-5)).toEqual(Array(5).fill("TEST-BOTH"));
    expect(runRules(model, RULES, undefined, 2)).toEqual(runRules(model, RULES, undefined, Infinity));
  });

  it("lets the rule tables catch a checkDps that depends on the other DPs of its slice", () => {
    expect(runRules(model, [firstOfItsSlice], undefined, Infinity)).toHaveLength(1);
    expect(() => runRule(firstOfItsSlice, doc)).toThrow(/one per slice/);
  });

  it("has most per-DP rules in the slice form", () => {
    // 30: SERVER-ONE-SITE finds its DPs from the site servers' side (in check), not DP by DP.
    expect(RULES.filter((r) => r.checkDps).length).toBeGreaterThanOrEqual(30);
  });
});
