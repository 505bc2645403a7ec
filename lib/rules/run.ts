import type { LoadedDocument } from "../topology/load";
import type { TopologyModel } from "../topology/model";
import { formatPath } from "../topology/parse";
import { inRange } from "../topology/version";
import { SOURCES } from "./sources";
import type { Diagnostic, Finding, Rule, RuleMeta } from "./types";

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

/** Runs the given rules over the model: each rule once, skipped where its versions do not apply. */
export function runRules(model: TopologyModel, rules: readonly Rule[], loaded?: LoadedDocument): Diagnostic[] {
  const found: Diagnostic[] = [];
  for (const rule of rules) {
    if (rule.needsVersion && !model.version) continue;
    if (rule.versions && model.version && !inRange(model.version, rule.versions)) continue;
    rule.check(model, (f) => found.push(toDiagnostic(rule, f, loaded)));
  }
  return found;
}
