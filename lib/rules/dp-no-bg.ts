import type { Rule } from "./types";

const rule: Rule = {
  id: "DP-NO-BG",
  severity: "warning",
  title: "A distribution point is in at least one boundary group.",
  sources: ["S-BND"],
  fix: "List the boundary groups whose clients should use this DP under its boundaryGroups.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      // A DP that lists only unknown groups is REF-UNKNOWN's.
      if (dp.doc.boundaryGroups.length > 0) continue;
      report({
        object: dp.ref,
        path: dp.path,
        message: "is in no boundary group; no client will use it for content",
      });
    }
  },
};
export default rule;
