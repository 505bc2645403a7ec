import type { TopologyModel } from "../topology/model";
import { n, plural } from "./format";
import type { Rule } from "./types";

/** Current branch (S-SCALE); the 2012 figures come from community copies of Microsoft's 2012 table. */
export const HIERARCHY_CLIENTS_MAX = { currentBranch: 700_000, family2012: 400_000, casSqlStandard: 50_000 } as const;

/** The hierarchy's client limit (undefined when the version is unknown). */
export function hierarchyClientsLimitFor(model: TopologyModel): number | undefined {
  if (!model.version) return undefined;
  if (model.doc.cas?.sqlEdition === "standard") return HIERARCHY_CLIENTS_MAX.casSqlStandard;
  return model.version.currentBranch ? HIERARCHY_CLIENTS_MAX.currentBranch : HIERARCHY_CLIENTS_MAX.family2012;
}

const rule: Rule = {
  id: "HIERARCHY-CLIENTS-MAX",
  severity: "error",
  title: "Sum of the primary sites' clients.",
  value: "CB ≤ 700,000 (≤ 50,000 if the CAS runs SQL Standard); 2012 ≤ 400,000",
  needsVersion: true,
  sources: ["S-SCALE"],
  fix: "Reduce the clients of the hierarchy, or split it into two hierarchies.",
  check(model, report) {
    const version = model.version!;
    let total = 0;
    for (const p of model.primaries) total += p.clients ?? 0;
    const sqlStandard = model.doc.cas?.sqlEdition === "standard";
    const limit = hierarchyClientsLimitFor(model)!;
    if (total <= limit) return;
    const family = version.currentBranch ? `current branch (${version.label})` : `the 2012 family (${version.label})`;
    const which = sqlStandard
      ? `a hierarchy whose central administration site runs SQL Server Standard supports at most ${n(limit)} clients`
      : `a hierarchy supports at most ${n(limit)} clients in ${family}`;
    report({
      object: "hierarchy",
      path: sqlStandard ? ["cas", "sqlEdition"] : ["primarySites"],
      message: `has ${n(total)} clients declared across its ${plural(model.primaries.length, "primary site")}; ${which}`,
      limit,
      actual: total,
      fix: sqlStandard
        ? `Run the CAS database on SQL Server Enterprise (then up to ${n(version.currentBranch ? HIERARCHY_CLIENTS_MAX.currentBranch : HIERARCHY_CLIENTS_MAX.family2012)}), or reduce the clients.`
        : undefined,
    });
  },
};
export default rule;
