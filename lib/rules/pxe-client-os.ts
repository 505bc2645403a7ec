import type { DpNode } from "../topology/model";
import { below } from "../topology/version";
import { OS_MATRIX } from "./data/os-matrix";
import type { Rule } from "./types";

/** "Windows 11, a client OS" / "Server Core of Windows Server 2022"; undefined on a full server installation. */
function wdsLessHost(dp: DpNode): string | undefined {
  const label = OS_MATRIX[dp.doc.os].label;
  if (dp.clientOs) return `${label}, a client OS`;
  if (dp.doc.serverCore) return `Server Core of ${label}`;
  return undefined;
}

const rule: Rule = {
  id: "PXE-CLIENT-OS",
  severity: "error",
  title: "PXE on a client OS or Server Core only through the PXE responder without WDS, and only from 1806.",
  value: "responderWithoutWds, 1806 or later",
  needsVersion: true,
  sources: ["S-OS"],
  fix: "Set pxe.responderWithoutWds: true, or enable PXE on a DP with a full Windows Server installation.",
  check(model, report) {
    const version = model.version!;
    const early = below(version, "1806");
    for (const dp of model.dps) {
      const pxe = dp.doc.pxe;
      if (!pxe?.enabled) continue;
      const host = wdsLessHost(dp);
      if (host === undefined) continue;
      if (early) {
        report({
          object: dp.ref,
          path: [...dp.path, "pxe", "enabled"],
          message:
            `enables PXE on ${host}; ConfigMgr ${version.label} has no PXE there at all: ` +
            "WDS does not run on it, and the PXE responder without WDS arrived in 1806",
          fix: "Disable PXE on this DP and enable it on a DP with a full Windows Server installation, or upgrade to 1806 or later and set pxe.responderWithoutWds: true.",
        });
      } else if (!pxe.responderWithoutWds) {
        report({
          object: dp.ref,
          path: [...dp.path, "pxe", "responderWithoutWds"],
          message: `enables PXE with WDS on ${host}; there PXE is supported only through the PXE responder without WDS`,
        });
      }
    }
  },
};
export default rule;
