import { formatPath } from "../topology/parse";
import type { Rule } from "./types";

const KIND = { cas: "the central administration site", primary: "the primary site", secondary: "the secondary site" } as const;

const rule: Rule = {
  id: "SITECODE-UNIQUE",
  severity: "error",
  title: "Site codes are unique across the CAS, primaries and secondaries.",
  sources: ["S-SITES"],
  fix: "Give each site its own site code; a site code can never be reused in a hierarchy.",
  structural: true,
  check(model, report) {
    for (const site of model.sites) {
      const first = model.siteByCode.get(site.code);
      if (!first || first === site) continue;
      report({
        object: site.ref,
        path: [...site.path, "siteCode"],
        message: `uses site code ${site.code}, which ${KIND[first.kind]} at ${formatPath(first.path)} already uses (site codes compare case-insensitively)`,
      });
    }
  },
};
export default rule;
