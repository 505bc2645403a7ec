import { plural } from "./format";
import type { Rule } from "./types";

const rule: Rule = {
  id: "BG-NO-DP",
  severity: "warning",
  title: "A boundary group with clients has at least one distribution point.",
  sources: ["S-BG"],
  fix: "List the group under the boundaryGroups of a distribution point that should serve its clients.",
  check(model, report) {
    const groups = model.groups;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      const clients = g.doc.clients ?? 0;
      if (clients === 0 || g.dps.length > 0) continue;
      report({
        object: g.ref,
        path: g.path,
        message: `has ${plural(clients, "client")} and no distribution point; its clients find no content locally`,
      });
    }
  },
};
export default rule;
