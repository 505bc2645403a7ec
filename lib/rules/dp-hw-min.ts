import { n, plural } from "./format";
import type { Rule } from "./types";

export const DP_MIN_CORES = 2;
export const DP_MIN_MEMORY_GB = 8;

/**
 * What the numbers are: the "Remote site system servers" table of Microsoft's recommended
 * hardware (S-HW; MicrosoftDocs/SCCMdocs 764bd353 recommended-hardware.md, 2020-04-17, same in
 * memdocs) gives a distribution point 2 cores and 8 GB, as guidance for deployments that support
 * the maximum number of clients with most features. Microsoft calls it recommended, not a minimum;
 * the seed article calls it the minimum.
 */
const WHAT = "Microsoft's recommended hardware for a distribution point (recommended-hardware, sized for the maximum number of clients; the seed article calls it the minimum)";

const rule: Rule = {
  id: "DP-HW-MIN",
  severity: "error",
  title: "A distribution point host has at least Microsoft's recommended hardware for a DP: 2 cores and 8 GB of memory.",
  value: "2 cores, 8 GB",
  sources: ["S-HW", "SEED"],
  fix: "Give the DP host at least 2 cores and 8 GB of memory (Microsoft's recommended hardware for a DP), or waive the rule for a lab.",
  checkDps(dps, model, report) {
    for (const dp of dps) {
      const { cores, memoryGB } = dp.doc.hardware;
      if (cores < DP_MIN_CORES) {
        report({
          object: dp.ref,
          path: [...dp.path, "hardware", "cores"],
          message: `has ${plural(cores, "core")}; ${WHAT} is ${n(DP_MIN_CORES)} cores`,
          limit: DP_MIN_CORES,
          actual: cores,
          fix: `Give the DP host at least ${n(DP_MIN_CORES)} cores, or waive DP-HW-MIN for a lab.`,
        });
      }
      if (memoryGB < DP_MIN_MEMORY_GB) {
        report({
          object: dp.ref,
          path: [...dp.path, "hardware", "memoryGB"],
          message: `has ${n(memoryGB)} GB of memory; ${WHAT} is ${n(DP_MIN_MEMORY_GB)} GB of memory`,
          limit: DP_MIN_MEMORY_GB,
          actual: memoryGB,
          fix: `Give the DP host at least ${n(DP_MIN_MEMORY_GB)} GB of memory, or waive DP-HW-MIN for a lab.`,
        });
      }
    }
  },
};
export default rule;
