import type { Rule } from "./types";

const rule: Rule = {
  id: "MCAST-PXE-NOWDS",
  severity: "error",
  title: "Multicast and the PXE responder without WDS exclude each other.",
  sources: ["S-DP"],
  fix: "Either disable multicast, or set pxe.responderWithoutWds: false (PXE through WDS, which multicast also uses).",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const pxe = dp.doc.pxe;
      if (!dp.doc.multicast?.enabled || !pxe?.enabled || !pxe.responderWithoutWds) continue;
      report({
        object: dp.ref,
        path: [...dp.path, "multicast", "enabled"],
        message: "enables multicast together with the PXE responder without WDS; multicast needs WDS, which the responder replaces",
      });
    }
  },
};
export default rule;
