import { n } from "./format";
import type { Rule } from "./types";

export const DP_PER_SITE_MAX = 250;

const rule: Rule = {
  id: "DP-PER-SITE-MAX",
  severity: "error",
  title: "Standard (non-pull) distribution points per primary site, and per secondary site.",
  value: "≤ 250 each",
  sources: ["S-SCALE", "SEED"],
  fix: "Move distribution points to another site, or make some of them pull DPs (they have their own allowance of 2,000).",
  check(model, report) {
    for (const site of model.sites) {
      if (site.kind === "cas") continue;
      const standard = (model.dpsBySite.get(site.code)?.length ?? 0) - (model.pullDpsBySite.get(site.code) ?? 0);
      if (standard > DP_PER_SITE_MAX) {
        report({
          object: site.ref,
          path: site.path,
          message: `has ${n(standard)} standard distribution points; a ${site.kind} site supports at most ${n(DP_PER_SITE_MAX)}`,
          limit: DP_PER_SITE_MAX,
          actual: standard,
        });
      }
    }
  },
};
export default rule;
