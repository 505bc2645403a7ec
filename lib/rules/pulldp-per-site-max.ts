import { n } from "./format";
import type { Rule } from "./types";

export const PULLDP_PER_SITE_MAX = 2000;

const rule: Rule = {
  id: "PULLDP-PER-SITE-MAX",
  severity: "error",
  title: "Pull distribution points per primary or secondary site, counted separately from the 250 standard DPs.",
  value: "≤ 2,000",
  sources: ["S-SCALE"],
  fix: "Move pull distribution points to another site (each primary and secondary site has its own allowance of 2,000).",
  check(model, report) {
    for (const site of model.sites) {
      if (site.kind === "cas" || model.siteByCode.get(site.code) !== site) continue;
      const pull = model.pullDpsBySite.get(site.code) ?? 0;
      if (pull <= PULLDP_PER_SITE_MAX) continue;
      report({
        object: site.ref,
        path: site.path,
        message: `has ${n(pull)} pull distribution points; a ${site.kind} site supports at most ${n(PULLDP_PER_SITE_MAX)} (in addition to its 250 standard DPs)`,
        limit: PULLDP_PER_SITE_MAX,
        actual: pull,
      });
    }
  },
};
export default rule;
