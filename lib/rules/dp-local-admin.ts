import { netbiosOf } from "../topology/model";
import type { Rule } from "./types";

const rule: Rule = {
  id: "DP-LOCAL-ADMIN",
  severity: "error",
  title: "The site server's computer account (DOMAIN\\SITESERVER$) is in the DP host's local Administrators group.",
  sources: ["S-ACCT", "SEED"],
  fix: "Leave prepareHost at true, or add the site server's computer account to the host's local Administrators group and declare hostHas.localAdmin: true.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      if (dp.doc.prepareHost || dp.doc.hostHas?.localAdmin) continue;
      if (!dp.site) continue; // REF-UNKNOWN reports the unknown site
      const account = `${model.doc.domain}\\${netbiosOf(dp.site.server).toUpperCase()}$`;
      report({
        object: dp.ref,
        path: [...dp.path, "prepareHost"],
        message:
          `has prepareHost: false and no hostHas.localAdmin, so nothing puts ${account}, the computer account of ` +
          `site ${dp.site.code}'s site server, into the host's local Administrators group; the site server needs it to install the DP`,
        fix: `Leave prepareHost at true, or add ${account} to the local Administrators group of ${dp.server} and declare hostHas.localAdmin: true.`,
      });
    }
  },
};
export default rule;
