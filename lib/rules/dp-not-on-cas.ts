import type { Rule } from "./types";

const rule: Rule = {
  id: "DP-NOT-ON-CAS",
  severity: "error",
  title: "A distribution point belongs to a primary or secondary site, never the central administration site.",
  sources: ["S-SCALE", "S-CMDLET"],
  fix: "Assign the DP to a primary or secondary site.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      if (dp.site?.kind !== "cas") continue;
      report({
        object: dp.ref,
        path: [...dp.path, "site"],
        message:
          `belongs to ${dp.site.code}, the central administration site; a CAS supports no distribution points ` +
          "(and from 2111 Add-CMDistributionPoint rejects a CAS site code)",
      });
    }
  },
};
export default rule;
