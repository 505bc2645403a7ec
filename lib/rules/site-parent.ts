import type { Rule } from "./types";

const rule: Rule = {
  id: "SITE-PARENT",
  severity: "error",
  title: "A secondary site's parent is a primary site.",
  sources: ["S-SCALE"],
  fix: "Set parent to the site code of a primary site: secondary sites attach only to primaries.",
  check(model, report) {
    for (const s of model.secondaries) {
      const parent = model.siteByCode.get(s.parent!);
      if (!parent || parent.kind === "primary") continue; // unknown parents are REF-UNKNOWN's
      const what =
        parent.kind === "cas"
          ? "the central administration site; a CAS has only primary sites as children"
          : "a secondary site; secondary sites have no child sites";
      report({
        object: s.ref,
        path: [...s.path, "parent"],
        message: `has parent ${parent.code}, which is ${what}`,
      });
    }
  },
};
export default rule;
