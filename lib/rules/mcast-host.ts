import { OS_MATRIX } from "./data/os-matrix";
import type { Rule } from "./types";

const rule: Rule = {
  id: "MCAST-HOST",
  severity: "error",
  title: "Multicast never on a client OS or Server Core: it needs WDS.",
  sources: ["S-OS", "S-DP"],
  fix: "Disable multicast on this DP, and enable it on a DP with a full Windows Server installation.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      if (!dp.doc.multicast?.enabled) continue;
      const label = OS_MATRIX[dp.doc.os].label;
      const host = dp.clientOs ? `${label}, a client OS` : dp.doc.serverCore ? `Server Core of ${label}` : undefined;
      if (host === undefined) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "multicast", "enabled"],
        message: `enables multicast on ${host}; multicast needs Windows Deployment Services, which is not supported there`,
      });
    }
  },
};
export default rule;
