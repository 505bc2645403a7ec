import { n } from "./format";
import type { Rule } from "./types";

export const PRIMARY_SECONDARY_MAX = 250;

const rule: Rule = {
  id: "PRIMARY-SECONDARY-MAX",
  severity: "error",
  title: "Secondary sites per primary site.",
  value: "≤ 250",
  sources: ["S-SCALE"],
  fix: "Attach some secondary sites to another primary site, or replace them with distribution points.",
  check(model, report) {
    for (const p of model.primaries) {
      if (model.siteByCode.get(p.code) !== p) continue; // a repeated code is SITECODE-UNIQUE's
      const count = model.secondariesOf.get(p.code)?.length ?? 0;
      if (count <= PRIMARY_SECONDARY_MAX) continue;
      report({
        object: p.ref,
        path: p.path,
        message: `has ${n(count)} secondary sites; a primary site supports at most ${n(PRIMARY_SECONDARY_MAX)}`,
        limit: PRIMARY_SECONDARY_MAX,
        actual: count,
      });
    }
  },
};
export default rule;
