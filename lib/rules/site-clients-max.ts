import type { SiteNode, TopologyModel } from "../topology/model";
import { n } from "./format";
import type { Rule } from "./types";

/** Current branch (S-SCALE). The 2012 figures come from community copies of Microsoft's 2012 table. */
export const SITE_CLIENTS_MAX = {
  currentBranch: { standalonePrimary: 175_000, childPrimary: 150_000, secondary: 15_000 },
  family2012: { primary: 100_000, secondary: 5_000 },
} as const;

/** The client limit that applies to a site (undefined for a CAS, or when the version is unknown). */
export function siteClientsLimitFor(model: TopologyModel, site: SiteNode): { limit: number; kind: string } | undefined {
  if (site.kind === "cas" || !model.version) return undefined;
  if (model.version.currentBranch) {
    const max = SITE_CLIENTS_MAX.currentBranch;
    if (site.kind === "secondary") return { limit: max.secondary, kind: "a secondary site" };
    return model.cas
      ? { limit: max.childPrimary, kind: "a child primary site (under a CAS)" }
      : { limit: max.standalonePrimary, kind: "a stand-alone primary site" };
  }
  const max = SITE_CLIENTS_MAX.family2012;
  return site.kind === "secondary"
    ? { limit: max.secondary, kind: "a secondary site" }
    : { limit: max.primary, kind: "a primary site" };
}

const rule: Rule = {
  id: "SITE-CLIENTS-MAX",
  severity: "error",
  title: "Declared clients per site.",
  value: "2012 family: primary ≤ 100,000, secondary ≤ 5,000. CB: stand-alone primary ≤ 175,000, child primary ≤ 150,000, secondary ≤ 15,000",
  needsVersion: true,
  sources: ["S-SCALE"],
  fix: "Spread the clients over more sites (add a primary or secondary site and move boundary groups to it).",
  check(model, report) {
    const family = model.version!.currentBranch ? `current branch (${model.version!.label})` : `the 2012 family (${model.version!.label})`;
    for (const site of model.sites) {
      if (site.clients === undefined) continue;
      const max = siteClientsLimitFor(model, site);
      if (!max || site.clients <= max.limit) continue;
      report({
        object: site.ref,
        path: [...site.path, "clients"],
        message: `declares ${n(site.clients)} clients; ${max.kind} supports at most ${n(max.limit)} in ${family}`,
        limit: max.limit,
        actual: site.clients,
      });
    }
  },
};
export default rule;
