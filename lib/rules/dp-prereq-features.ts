import { osFamily } from "../scripts/features";
import type { OsId } from "../topology/schema";
import { OS_MATRIX } from "./data/os-matrix";
import type { Rule } from "./types";

export const DP_FEATURES =
  "Remote Differential Compression (RDC) and the IIS role services ISAPI Extensions, Windows Authentication, " +
  "IIS 6 Metabase Compatibility and IIS 6 WMI Compatibility";

/**
 * Every OS the catalog accepts as a DP host at some version is either prepared by the library's
 * host-preparation scripts or refused here with prepareHost: true. Which OSes the scripts
 * prepare is lib/scripts/features.ts's to say (one source): today it has no family for Windows
 * Server 2003 and Windows Server 2008 SP2 (no PowerShell 2.0 in the box).
 */
const ALL_OS = Object.keys(OS_MATRIX) as OsId[];
const preparable = (os: OsId): boolean => osFamily(os) !== undefined;
const PREPARABLE = new Set(ALL_OS.filter(preparable));
const PREPARED_LABELS = ALL_OS.filter(preparable).map((os) => OS_MATRIX[os].label);

const rule: Rule = {
  id: "DP-PREREQ-FEATURES",
  severity: "error",
  title: "The DP host ends up with RDC and the IIS role services a DP needs: prepareHost installs them, or hostHas.features says they are there.",
  sources: ["S-PREREQ", "SEED"],
  fix: "Leave prepareHost at true, or install the features by hand and declare hostHas.features: true.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const { prepareHost, hostHas, installIIS, os } = dp.doc;
      if (prepareHost && !PREPARABLE.has(os)) {
        report({
          object: dp.ref,
          path: [...dp.path, "prepareHost"],
          message:
            `runs ${OS_MATRIX[os].label} with prepareHost: true, but the library has no host-preparation script for ${OS_MATRIX[os].label}, ` +
            `so it can neither install the DP's Windows features there nor grant the site server local admin ` +
            `(it prepares only ${PREPARED_LABELS.join(", ")})`,
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
