import type { OsId } from "../topology/schema";
import { OS_MATRIX } from "./data/os-matrix";
import type { Rule } from "./types";

export const DP_FEATURES =
  "Remote Differential Compression (RDC) and the IIS role services ISAPI Extensions, Windows Authentication, " +
  "IIS 6 Metabase Compatibility and IIS 6 WMI Compatibility";

/** The library prepares Windows 7/8/8.1/10/11, Server 2008 R2 and Server 2012+; nothing older. */
const NO_PREPARE_SCRIPT: ReadonlySet<OsId> = new Set(["windows-server-2003", "windows-server-2008"]);

const rule: Rule = {
  id: "DP-PREREQ-FEATURES",
  severity: "error",
  title: "The DP host ends up with RDC and the IIS role services a DP needs: prepareHost installs them, or hostHas.features says they are there.",
  sources: ["S-PREREQ", "SEED"],
  fix: "Leave prepareHost at true, or install the features by hand and declare hostHas.features: true.",
  check(model, report) {
    for (const dp of model.dps) {
      const { prepareHost, hostHas, installIIS, os } = dp.doc;
      if (prepareHost && NO_PREPARE_SCRIPT.has(os)) {
        report({
          object: dp.ref,
          path: [...dp.path, "prepareHost"],
          message:
            `runs ${OS_MATRIX[os].label} with prepareHost: true, but the library has no host-preparation script for it ` +
            "(only for Windows 7, 8, 8.1, 10 and 11, Windows Server 2008 R2, and Windows Server 2012 and later)",
          fix:
            `Set prepareHost: false, prepare the host by hand (${DP_FEATURES}; the site server's computer account in the local ` +
            "Administrators group) and declare hostHas.features: true and hostHas.localAdmin: true.",
        });
        continue;
      }
      if (prepareHost || hostHas?.features) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "prepareHost"],
        message:
          `has prepareHost: false and no hostHas.features, so nothing installs ${DP_FEATURES}` +
          (installIIS ? "; installIIS: true is not enough on its own" : "; installIIS alone would not be enough either") +
          ": ConfigMgr's own IIS install leaves RDC to you",
      });
    }
  },
};
export default rule;
