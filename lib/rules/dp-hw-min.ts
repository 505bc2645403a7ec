import { n, plural } from "./format";
import type { Rule } from "./types";

export const DP_MIN_CORES = 2;
export const DP_MIN_MEMORY_GB = 8;

const rule: Rule = {
  id: "DP-HW-MIN",
  severity: "error",
  title: "A distribution point host has at least 2 cores and 8 GB of memory.",
  value: "2 cores, 8 GB",
  sources: ["S-HW", "SEED"],
  fix: "Give the DP host at least 2 cores and 8 GB of memory (Microsoft's recommended hardware for a DP), or waive the rule for a lab.",
  check(model, report) {
    for (const dp of model.dps) {
      const { cores, memoryGB } = dp.doc.hardware;
      if (cores < DP_MIN_CORES) {
        report({
          object: dp.ref,
          path: [...dp.path, "hardware", "cores"],
          message: `has ${plural(cores, "core")}; a distribution point needs at least ${n(DP_MIN_CORES)} cores`,
          limit: DP_MIN_CORES,
          actual: cores,
          fix: `Give the DP host at least ${n(DP_MIN_CORES)} cores, or waive DP-HW-MIN for a lab.`,
        });
      }
      if (memoryGB < DP_MIN_MEMORY_GB) {
        report({
          object: dp.ref,
          path: [...dp.path, "hardware", "memoryGB"],
          message: `has ${n(memoryGB)} GB of memory; a distribution point needs at least ${n(DP_MIN_MEMORY_GB)} GB`,
          limit: DP_MIN_MEMORY_GB,
          actual: memoryGB,
          fix: `Give the DP host at least ${n(DP_MIN_MEMORY_GB)} GB of memory, or waive DP-HW-MIN for a lab.`,
        });
      }
    }
  },
};
export default rule;
