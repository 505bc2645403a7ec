import { loadPath, shareLoadFix } from "./dp-clients-max";
import { n } from "./format";
import type { Rule } from "./types";

const rule: Rule = {
  id: "DP-CLIENTS-SECONDARY-HW",
  severity: "error",
  title: "A DP of a secondary site that declares maxClientsPerDistributionPoint serves at most that many clients.",
  value: "≤ declared",
  sources: ["SEED"],
  fix: "Add a DP to the DP's boundary groups, or raise maxClientsPerDistributionPoint if the secondary site's hardware supports more.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const site = dp.site;
      if (site?.kind !== "secondary" || site.maxClientsPerDistributionPoint === undefined) continue;
      const max = site.maxClientsPerDistributionPoint;
      if (dp.load <= max) continue;
      report({
        object: dp.ref,
        path: loadPath(dp),
        message:
          `serves ${n(dp.load)} clients; its secondary site ${site.code} declares maxClientsPerDistributionPoint ` +
          `${n(max)} (what the secondary site's hardware supports)`,
        limit: max,
        actual: dp.load,
        fix: `${shareLoadFix(dp)} Or raise maxClientsPerDistributionPoint of site ${site.code} if its hardware supports more.`,
      });
    }
  },
};
export default rule;
