import type { TopologyModel } from "../topology/model";
import { groupKey } from "../topology/model";
import type { Diagnostic, Finding, RuleMeta } from "./types";

export const waiverInvalidRule: RuleMeta = {
  id: "WAIVER-INVALID",
  severity: "error",
  title:
    "A waiver names a known rule id and an existing object and has a non-empty reason; only errors can be waived, structural rules never.",
  sources: ["FORMAT"],
  fix: "Correct the waiver's rule id or object, give a reason, or remove the waiver.",
  structural: true,
};

export const waiverUnusedRule: RuleMeta = {
  id: "WAIVER-UNUSED",
  severity: "warning",
  title: "A waiver that matches no violation (stale).",
  sources: ["FORMAT"],
  fix: "Remove the waiver: the violation it acknowledged is gone.",
  structural: true,
};

function objectExists(model: TopologyModel, ref: string): boolean {
  if (ref === "hierarchy") return true;
  const sep = ref.indexOf(":");
  const kind = ref.slice(0, sep);
  const id = ref.slice(sep + 1);
  if (kind === "site") return model.siteByCode.has(id);
  if (kind === "dp") return model.dpByServer.has(id);
  if (kind === "bg") return model.groupByKey.has(groupKey(id));
  return false;
}

const sameObject = (a: string, b: string) => a === b || (a.startsWith("bg:") && a.toLowerCase() === b.toLowerCase());

/**
 * Marks the errors a valid waiver matches as waived (still reported, with the reason), and
 * reports invalid and unused waivers. `catalog` is every rule's metadata, by id.
 */
export function applyWaivers(
  model: TopologyModel,
  diagnostics: Diagnostic[],
  catalog: ReadonlyMap<string, RuleMeta>,
  report: (rule: RuleMeta, finding: Finding) => Diagnostic,
): Diagnostic[] {
  const out = [...diagnostics];
  model.doc.waivers.forEach((w, i) => {
    const path = ["waivers", i];
    const meta = catalog.get(w.rule);
    const invalid = (message: string, fix?: string) =>
      out.push(report(waiverInvalidRule, { object: objectExists(model, w.object) ? w.object : "hierarchy", path, message, fix }));
    if (!meta) return invalid(`waiver ${i + 1} names rule "${w.rule}", which is not a rule id`, "Use an id from the rules table (README), e.g. DP-HW-MIN.");
    if (meta.structural) return invalid(`rule ${w.rule} is structural and cannot be waived`, "Fix the document instead of waiving the rule.");
    if (meta.severity !== "error") return invalid(`rule ${w.rule} is a warning; only errors can be waived`, "Remove the waiver: warnings never block.");
    if (!objectExists(model, w.object)) {
      return invalid(`waiver ${i + 1} names object "${w.object}", which is not in the document`, "Name an object as hierarchy, site:P01, bg:<name> or dp:<fqdn>.");
    }
    if (w.reason.trim() === "") return invalid(`waiver ${i + 1} (${w.rule} on ${w.object}) has no reason`, "Say in `reason` why the violation is accepted.");
    let used = false;
    for (let d = 0; d < out.length; d++) {
      const diag = out[d];
      if (diag.rule === w.rule && diag.severity === "error" && !diag.waived && sameObject(w.object, diag.object)) {
        out[d] = { ...diag, waived: true, waiverReason: w.reason };
        used = true;
      }
    }
    if (!used) {
      out.push(
        report(waiverUnusedRule, {
          object: w.object,
          path,
          message: `the waiver of ${w.rule} on ${w.object} matches no violation`,
        }),
      );
    }
  });
  return out;
}
