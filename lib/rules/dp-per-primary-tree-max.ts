import { n, plural } from "./format";
import type { Rule } from "./types";

export const DP_PER_PRIMARY_TREE_MAX = 5000;

const rule: Rule = {
  id: "DP-PER-PRIMARY-TREE-MAX",
  severity: "error",
  title: "All distribution points (standard and pull) of a primary site plus those of its child secondary sites.",
  value: "≤ 5,000",
  sources: ["S-SCALE", "SEED"],
  fix: "Move distribution points (or whole secondary sites) under another primary site.",
  check(model, report) {
    for (const p of model.primaries) {
      if (model.siteByCode.get(p.code) !== p) continue;
      const own = model.dpsBySite.get(p.code)?.length ?? 0;
      let atSecondaries = 0;
      let secondaries = 0;
      const counted = new Set<string>([p.code]);
      for (const s of model.secondariesOf.get(p.code) ?? []) {
        // A repeated secondary code would count its DPs twice (SITECODE-UNIQUE reports it).
        if (counted.has(s.code)) continue;
        counted.add(s.code);
        secondaries++;
        atSecondaries += model.dpsBySite.get(s.code)?.length ?? 0;
      }
      const total = own + atSecondaries;
      if (total <= DP_PER_PRIMARY_TREE_MAX) continue;
      report({
        object: p.ref,
        path: p.path,
        message:
          `has ${n(total)} distribution points in its tree (${n(own)} of its own and ${n(atSecondaries)} at its ${plural(secondaries, "secondary site")}); ` +
          `a primary site supports at most ${n(DP_PER_PRIMARY_TREE_MAX)}, standard and pull, including those of its secondary sites`,
        limit: DP_PER_PRIMARY_TREE_MAX,
        actual: total,
      });
    }
  },
};
export default rule;
