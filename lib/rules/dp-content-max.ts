import { n } from "./format";
import type { Rule } from "./types";

export const DP_CONTENT_MAX = 10000;

const rule: Rule = {
  id: "DP-CONTENT-MAX",
  severity: "error",
  title: "Packages plus applications on one distribution point.",
  value: "≤ 10,000",
  sources: ["S-SCALE", "SEED"],
  fix: "Distribute part of the content to another DP (for example with a second DP in the same boundary groups), or retire unused packages and applications.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const content = dp.doc.content;
      if (!content) continue;
      const total = content.packages + content.applications;
      if (total <= DP_CONTENT_MAX) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "content"],
        message:
          `holds ${n(total)} packages and applications (${n(content.packages)} packages + ${n(content.applications)} applications); ` +
          `a distribution point supports at most ${n(DP_CONTENT_MAX)} combined`,
        limit: DP_CONTENT_MAX,
        actual: total,
      });
    }
  },
};
export default rule;
