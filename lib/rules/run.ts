import type { LoadedDocument } from "../topology/load";
import type { TopologyModel } from "../topology/model";
import { formatPath } from "../topology/parse";
import { inRange } from "../topology/version";
import { SOURCES } from "./sources";
import type { Diagnostic, Finding, Report, Rule, RuleMeta } from "./types";

export function toDiagnostic(rule: RuleMeta, f: Finding, loaded?: LoadedDocument): Diagnostic {
  const pos = loaded?.positionOf(f.path);
  const severity = rule.severity === "warning" ? "warning" : (f.severity ?? rule.severity);
  return {
    rule: rule.id,
    severity,
    object: f.object,
    path: formatPath(f.path),
    message: f.message,
    ...(f.limit !== undefined ? { limit: f.limit } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
    source: SOURCES[rule.sources[0]].url,
    fix: f.fix ?? rule.fix,
    waived: false,
    ...(loaded?.file !== undefined ? { file: loaded.file } : {}),
    ...(pos ? { line: pos.line, column: pos.column } : {}),
  };
}

/**
 * DPs per slice for the rules' checkDps: a slice's DP objects, their documents and nested
 * objects (about 1 KB each) stay in the processor's cache while every such rule reads them.
 * Measured on 125,000 DPs (29 rules): 160 ms read whole, 50 ms in slices of 1,000 to 4,000.
 */
export const DPS_PER_SLICE = 1024;

/**
 * Runs the given rules over the model: each rule's check once, then every checkDps over each
 * slice of the DPs; skipped where the rule's versions do not apply. The findings come out in
 * the rules' order, each rule's in the order it reported them, whatever the slice size.
 */
export function runRules(model: TopologyModel, rules: readonly Rule[], loaded?: LoadedDocument, dpsPerSlice = DPS_PER_SLICE): Diagnostic[] {
  const applicable = rules.filter((rule) => !(rule.needsVersion && !model.version) && !(rule.versions && model.version && !inRange(model.version, rule.versions)));
  const found: Diagnostic[][] = applicable.map(() => []);
  const reports = applicable.map((rule, i): Report => (f) => found[i].push(toDiagnostic(rule, f, loaded)));
  applicable.forEach((rule, i) => rule.check?.(model, reports[i]));
  const sliced = applicable.flatMap((rule, i) => (rule.checkDps ? [i] : []));
  const { dps } = model;
  for (let start = 0; sliced.length > 0 && start < dps.length; start += dpsPerSlice) {
    const slice = dps.length <= dpsPerSlice ? dps : dps.slice(start, start + dpsPerSlice);
    for (const i of sliced) applicable[i].checkDps!(slice, model, reports[i]);
  }
  return found.flat();
}
