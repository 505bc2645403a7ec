import { atLeast } from "../topology/version";
import type { Rule } from "./types";

const rule: Rule = {
  id: "PULLDP-VERSION",
  severity: "error",
  title: "Pull distribution points need ConfigMgr 2012 SP1 or later.",
  value: "2012 SP1 or later",
  needsVersion: true,
  sources: ["S-PULL"],
  fix: "Remove the pull block (make it a standard DP), or set configMgrVersion to 2012 SP1 or later.",
  checkDps(dps, model, report) {
    const version = model.version!;
    if (atLeast(version, "2012 SP1")) return;
    for (const dp of dps) {
      if (!dp.pull) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "pull"],
        message: `is a pull distribution point, but ConfigMgr ${version.label} has no pull DPs: they were introduced in 2012 SP1`,
      });
    }
  },
};
export default rule;
