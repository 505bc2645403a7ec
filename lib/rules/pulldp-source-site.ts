import type { Rule } from "./types";

/**
 * Not a Microsoft rule: limits-sources.md (PULLDP-SAME-SITE) found no Microsoft text requiring a
 * source in the pull DP's own site (memlabs enforces it). It is lab practice, hence a warning
 * with the PRACTICE source, and the message says so.
 */
const rule: Rule = {
  id: "PULLDP-SOURCE-SITE",
  severity: "warning",
  title: "A pull DP's source DPs are in the pull DP's own site (lab practice, not a Microsoft rule).",
  sources: ["PRACTICE"],
  fix: "Pick a source DP of the pull DP's own site, or keep the cross-site source if the WAN link is meant for it.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const site = dp.site;
      if (!site) continue;
      dp.doc.pull?.sources.forEach((source, i) => {
        const from = model.dpByServer.get(source.server);
        if (!from?.site || from.site === site) return;
        report({
          object: dp.ref,
          path: [...dp.path, "pull", "sources", i, "server"],
          message:
            `belongs to ${site.ref} but pulls content from ${from.ref} of ${from.site.ref}, so content crosses sites; ` +
            "lab practice, not a Microsoft rule, keeps pull sources in the pull DP's own site",
        });
      });
    }
  },
};
export default rule;
