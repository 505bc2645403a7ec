import type { DpNode, TopologyModel } from "../topology/model";
import { formatPath } from "../topology/parse";
import type { Rule } from "./types";

/**
 * The DPs whose server is a site's server, in document order. Found from the sites' side when no
 * two DPs share a server (a few thousand lookups, not one per DP: a lookup of each of 125,000 DP
 * servers in siteByServer hashed every name and was a tenth of all rules' time); otherwise from
 * the DPs' side, which finds every DP of a server written twice.
 */
function dpsOnSiteServers(model: TopologyModel): readonly DpNode[] {
  if (model.dpByServer.size !== model.dps.length) return model.dps.filter((dp) => model.siteByServer.has(dp.server));
  const found: { dp: DpNode; at: number }[] = [];
  for (const server of model.siteByServer.keys()) {
    const dp = model.dpByServer.get(server);
    if (dp) found.push({ dp, at: dp.path[1] as number });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.dp);
}

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
    for (const dp of dpsOnSiteServers(model)) {
      const owner = model.siteByServer.get(dp.server)!;
      if (!dp.site || owner.code === dp.site.code) continue;
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
