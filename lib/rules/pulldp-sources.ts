import { n } from "./format";
import type { Rule } from "./types";

const rule: Rule = {
  id: "PULLDP-SOURCES",
  severity: "error",
  title: "A pull DP has at least one source; sources are other DPs, each listed once, ranked by integers ≥ 1.",
  value: "≥ 1 source; ranks integers ≥ 1",
  sources: ["S-PULL", "S-CMDLET"],
  fix: "List one or more other distribution points under pull.sources, each once, with rank 1 or higher (lower ranks are contacted first).",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const sources = dp.doc.pull?.sources;
      if (!sources) continue;
      const sourcesPath = [...dp.path, "pull", "sources"];
      if (sources.length === 0) {
        report({
          object: dp.ref,
          path: sourcesPath,
          message: "is a pull distribution point with no source DP; a pull DP needs at least one source to pull content from",
          limit: 1,
          actual: 0,
          fix: "List at least one other distribution point under pull.sources, or remove the pull block to make it a standard DP.",
        });
        continue;
      }
      // Sources that are not DPs of the document are REF-UNKNOWN's; a rank is checked on every entry.
      const firstAt = new Map<string, number>();
      sources.forEach((source, i) => {
        const at = [...sourcesPath, i];
        if (source.server === dp.server) {
          report({
            object: dp.ref,
            path: [...at, "server"],
            message: "lists itself as a pull source; a pull DP pulls content from another distribution point",
            fix: "Remove this entry from pull.sources and list another distribution point.",
          });
        } else if (model.dpByServer.has(source.server)) {
          const first = firstAt.get(source.server);
          if (first !== undefined) {
            report({
              object: dp.ref,
              path: [...at, "server"],
              message: `lists pull source ${source.server} twice, as sources ${first + 1} and ${i + 1}`,
              fix: "Keep one entry per source DP, with the rank you want.",
            });
          } else firstAt.set(source.server, i);
        }
        if (!Number.isInteger(source.rank) || source.rank < 1) {
          report({
            object: dp.ref,
            path: [...at, "rank"],
            message: `gives pull source ${source.server} rank ${n(source.rank)}; a rank is a whole number from 1, and lower ranks are contacted first`,
            ...(source.rank < 1 ? { limit: 1 } : {}),
            actual: source.rank,
            fix: `Give ${source.server} a whole-number rank of 1 or more.`,
          });
        }
      });
    }
  },
};
export default rule;
