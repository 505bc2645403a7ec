import { OS_MATRIX } from "./data/os-matrix";
import type { Rule } from "./types";

const rule: Rule = {
  id: "DP-SERVER-CORE",
  severity: "error",
  title: "serverCore only on a Windows Server whose Server Core installation is supported as a DP (2012 and later).",
  sources: ["S-OS"],
  fix: "Set serverCore: false, or host the DP on Server Core of Windows Server 2012 or later.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      if (!dp.doc.serverCore) continue;
      const os = OS_MATRIX[dp.doc.os];
      if (!os.client && os.serverCore) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "serverCore"],
        message: os.client
          ? `sets serverCore on ${os.label}, a client OS: Server Core is an installation option of Windows Server only`
          : `runs Server Core of ${os.label}, which is not supported as a distribution point host (Server Core DPs need Windows Server 2012 or later)`,
        fix: os.client
          ? "Set serverCore: false (client Windows has no Server Core installation)."
          : `Set serverCore: false if the host has the full ${os.label} installation, or move the DP to Server Core of Windows Server 2012 or later.`,
      });
    }
  },
};
export default rule;
