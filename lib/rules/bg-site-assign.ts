import type { Rule } from "./types";

const rule: Rule = {
  id: "BG-SITE-ASSIGN",
  severity: "error",
  title: "A boundary group's assignedSite is a primary site (clients are never assigned to a CAS or a secondary).",
  sources: ["S-BG"],
  fix: "Assign the group to a primary site, or remove assignedSite.",
  check(model, report) {
    const groups = model.groups;
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      const code = g.doc.assignedSite;
      if (code === undefined) continue;
      const site = model.siteByCode.get(code);
      if (!site || site.kind === "primary") continue;
      const primaries = model.primaries.map((p) => p.code);
      const named = primaries.slice(0, 3).join(", ") + (primaries.length > 3 ? ", …" : "");
      report({
        object: g.ref,
        path: [...g.path, "assignedSite"],
        message:
          site.kind === "cas"
            ? `is assigned to ${site.ref}, the central administration site; clients can only be assigned to a primary site`
            : `is assigned to ${site.ref}, a secondary site; clients can only be assigned to a primary site`,
        fix:
          site.kind === "secondary" && site.parent !== undefined
            ? `Assign the group to ${site.parent}, the parent primary of ${site.code} (clients of a secondary site's area are assigned to its parent and still use the secondary's distribution points).`
            : `Assign the group to a primary site (${named}), or remove assignedSite.`,
      });
    }
  },
};
export default rule;
