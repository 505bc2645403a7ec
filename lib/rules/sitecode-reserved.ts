import type { Rule } from "./types";

/** ENV was added to Microsoft's list later (~2019); for the 2012 branch only the first five are documented (UNCONFIRMED). */
const RESERVED = new Set(["AUX", "CON", "NUL", "PRN", "SMS", "ENV"]);

const rule: Rule = {
  id: "SITECODE-RESERVED",
  severity: "error",
  title: "A site code is not AUX, CON, NUL, PRN, SMS or ENV.",
  sources: ["S-SITES"],
  fix: "Choose another site code: AUX, CON, NUL, PRN, SMS and ENV are reserved.",
  structural: true,
  check(model, report) {
    for (const site of model.sites) {
      if (!RESERVED.has(site.code)) continue;
      report({
        object: site.ref,
        path: [...site.path, "siteCode"],
        message: `has site code "${site.code}", which is reserved (AUX, CON, NUL, PRN, SMS and ENV cannot be used as site codes)`,
      });
    }
  },
};
export default rule;
