import { n } from "./format";
import type { Rule } from "./types";

export const PXE_DELAY_MAX = 32;

const rule: Rule = {
  id: "PXE-DELAY",
  severity: "error",
  title: "pxe.responseDelaySeconds is 0–32.",
  value: "0–32 seconds",
  sources: ["S-CMDLET"],
  fix: "Set pxe.responseDelaySeconds between 0 and 32.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const delay = dp.doc.pxe?.responseDelaySeconds;
      if (delay === undefined || (delay >= 0 && delay <= PXE_DELAY_MAX)) continue;
      const limit = delay < 0 ? 0 : PXE_DELAY_MAX;
      report({
        object: dp.ref,
        path: [...dp.path, "pxe", "responseDelaySeconds"],
        message: `delays its PXE response by ${n(delay)} seconds; the PXE response delay is 0 to ${PXE_DELAY_MAX} seconds`,
        limit,
        actual: delay,
      });
    }
  },
};
export default rule;
