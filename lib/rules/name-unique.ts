import type { TopologyModel } from "../topology/model";
import { formatPath } from "../topology/parse";
import type { Report, Rule } from "./types";

function checkGroups(model: TopologyModel, report: Report): void {
  for (const group of model.groups) {
    const first = model.groupByKey.get(group.key);
    if (!first || first === group) continue;
    report({
      object: group.ref,
      path: [...group.path, "name"],
      message: `repeats the boundary-group name of ${formatPath(first.path)} ("${first.name}"; names compare case-insensitively)`,
      fix: "Merge the two boundary groups (their boundaries and DPs) into one, or rename one of them.",
    });
  }
}

function checkDps(model: TopologyModel, report: Report): void {
  for (const dp of model.dps) {
    const first = model.dpByServer.get(dp.server);
    if (!first || first === dp) continue;
    report({
      object: dp.ref,
      path: [...dp.path, "server"],
      message: `is declared twice: ${formatPath(first.path)} already declares a distribution point on ${dp.server}`,
      fix: "Keep one entry per DP server: a server hosts at most one distribution point.",
    });
  }
}

const rule: Rule = {
  id: "NAME-UNIQUE",
  severity: "error",
  title: "Boundary-group names are unique (case-insensitive); DP servers are unique.",
  sources: ["FORMAT"],
  fix: "Merge the two entries into one, or rename one of them.",
  structural: true,
  check(model, report) {
    // The indexes keep the first entry of each name, so as many keys as entries means no name
    // repeats: the usual case costs no lookup per entry.
    if (model.groupByKey.size !== model.groups.length) checkGroups(model, report);
    if (model.dpByServer.size !== model.dps.length) checkDps(model, report);
  },
};
export default rule;
