import type { Rule } from "./types";

const rule: Rule = {
  id: "PULLDP-NOT-SITE-SERVER",
  severity: "error",
  title: "A distribution point on a site server cannot be a pull DP.",
  sources: ["S-PULL"],
  fix: "Remove the pull block from this DP (a DP on the site server is a standard DP), or make a DP on another server the pull DP.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      if (!dp.pull) continue;
      const site = model.siteByServer.get(dp.server);
      if (!site) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "pull"],
        message: `is a pull distribution point on the site server of ${site.ref}; a DP on a site server cannot be a pull DP`,
      });
    }
  },
};
export default rule;
