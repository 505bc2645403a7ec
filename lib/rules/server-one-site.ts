import { formatPath } from "../topology/parse";
import type { Rule } from "./types";

/**
 * Microsoft states "roles of different sites cannot share a site system server" in the 2012
 * documentation; the current-branch wording was not found in the stored sources (UNCONFIRMED
 * for current branch, applied to every version).
 */
const rule: Rule = {
  id: "SERVER-ONE-SITE",
  severity: "error",
  title: "One server hosts roles of one site only: a DP's server may be its own site's server but not another site's.",
  sources: ["S-PREREQ", "S-SITES"],
  fix: "Put the role on a server of its own site, or on a server that serves no other site.",
  check(model, report) {
    for (const site of model.sites) {
      const first = model.siteByServer.get(site.server);
      if (!first || first === site) continue;
      report({
        object: site.ref,
        path: [...site.path, "server"],
        message: `has site server ${site.server}, which is already the site server of ${first.ref} (${formatPath(first.path)}); one server hosts one site only`,
        fix: "Give each site its own site server.",
      });
    }
  },
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const owner = model.siteByServer.get(dp.server);
      if (!owner || !dp.site || owner.code === dp.site.code) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "server"],
        message: `runs on ${dp.server}, the site server of ${owner.ref}, but belongs to ${dp.site.ref}; a server hosts roles of one site only`,
        fix:
          owner.kind === "cas"
            ? "Host the DP on a server that is not the central administration site's server (a CAS has no DPs)."
            : `Move the DP to site ${owner.code} (the site of its server), or host it on a server that serves no other site.`,
      });
    }
  },
};
export default rule;
