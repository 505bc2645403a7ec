import { below } from "../topology/version";
import type { Rule } from "./types";

const rule: Rule = {
  id: "PXE-NOWDS-VERSION",
  severity: "error",
  title: "The PXE responder without WDS (responderWithoutWds) needs ConfigMgr 1806 or later.",
  value: "1806 or later",
  needsVersion: true,
  sources: ["S-DP"],
  fix: "Set pxe.responderWithoutWds: false (PXE through WDS, on a full Windows Server installation), or upgrade to 1806 or later.",
  checkDps(dps, model, report) {
    const version = model.version!;
    if (!below(version, "1806")) return;
    for (const dp of dps) {
      const pxe = dp.doc.pxe;
      if (!pxe?.enabled || !pxe.responderWithoutWds) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "pxe", "responderWithoutWds"],
        message: `uses the PXE responder without WDS, which ConfigMgr ${version.label} does not have: it arrived in 1806`,
      });
    }
  },
};
export default rule;
