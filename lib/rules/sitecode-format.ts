import type { Rule } from "./types";

const SITE_CODE = /^[A-Z0-9]{3}$/;

const rule: Rule = {
  id: "SITECODE-FORMAT",
  severity: "error",
  title: "A site code is exactly 3 characters, A–Z or 0–9.",
  sources: ["S-SITES"],
  fix: "Use a site code of exactly three letters A–Z or digits 0–9, e.g. P01.",
  structural: true,
  check(model, report) {
    // Site codes are upper-cased by normalisation, so lower-case letters pass as their capitals.
    for (const site of model.sites) {
      if (SITE_CODE.test(site.code)) continue;
      const length = [...site.code].length;
      const why =
        length !== 3
          ? `it has ${length} characters, a site code has exactly 3`
          : "it has characters other than the letters A–Z and digits 0–9";
      report({
        object: site.ref,
        path: [...site.path, "siteCode"],
        message: `has site code "${site.code}", which is not a valid site code: ${why}`,
      });
    }
  },
};
export default rule;
