import { n } from "./format";
import type { Rule } from "./types";

export const CAS_PRIMARY_MAX = 25;

const rule: Rule = {
  id: "CAS-PRIMARY-MAX",
  severity: "error",
  title: "Child primary sites under a central administration site.",
  value: "≤ 25",
  sources: ["S-SCALE"],
  fix: "Keep at most 25 primary sites under one CAS: split the hierarchy, or serve more clients per primary (up to 150,000 each).",
  check(model, report) {
    const cas = model.cas;
    const primaries = model.primaries.length;
    if (!cas || primaries <= CAS_PRIMARY_MAX) return;
    report({
      object: cas.ref,
      path: ["primarySites"],
      message: `has ${n(primaries)} child primary sites; a central administration site supports at most ${n(CAS_PRIMARY_MAX)}`,
      limit: CAS_PRIMARY_MAX,
      actual: primaries,
    });
  },
};
export default rule;
