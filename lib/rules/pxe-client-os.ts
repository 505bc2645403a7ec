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

/**
 * Windows Server 2008 SP2: "Distribution points on this OS don't support network booting of
 * client computers in EFI mode. Client computers with BIOS or with EFI booting in legacy mode are
 * supported." (supported-OS page, MicrosoftDocs/SCCMdocs 5811bc06 2016-08-25 to 6cc0658b
 * 2019-05-29; the 2008 SP2 section went with 08eb2c2a 2020-02-19, "revise for Win7/Server2008
 * EOL"). Not in the page's 2008 R2 section. A warning: the PXE service works, for BIOS clients.
 */
const NO_EFI_PXE = new Set(["windows-server-2008"]);

const rule: Rule = {
  id: "PXE-CLIENT-OS",
  severity: "error",
  title:
    "PXE on a client OS or Server Core only through the PXE responder without WDS, and only from 1806; " +
    "PXE on Windows Server 2008 SP2 cannot network-boot EFI clients (warning).",
  value: "responderWithoutWds, 1806 or later",
  needsVersion: true,
  sources: ["S-OS"],
  fix: "Set pxe.responderWithoutWds: true, or enable PXE on a DP with a full Windows Server installation.",
  checkDps(dps, model, report) {
    const version = model.version!;
    const early = below(version, "1806");
    for (const dp of dps) {
      const pxe = dp.doc.pxe;
      if (!pxe?.enabled) continue;
      if (NO_EFI_PXE.has(dp.doc.os)) {
        report({
          object: dp.ref,
          path: [...dp.path, "pxe", "enabled"],
          severity: "warning",
          message:
            `enables PXE on ${OS_MATRIX[dp.doc.os].label}, whose distribution points don't support network booting of client computers in EFI mode; ` +
            "only BIOS clients and EFI clients booting in legacy mode can PXE-boot from it",
          fix: "Boot EFI clients from a PXE-enabled DP on Windows Server 2008 R2 or later (or from boot media), or switch them to legacy boot.",
        });
      }
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
