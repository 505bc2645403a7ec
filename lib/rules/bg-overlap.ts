import { readBoundary, type ReadBoundary } from "./bnd-format";
import type { Rule } from "./types";

/** One boundary as an interval of a key space (IPv4 addresses, IPv6 addresses, or ids of equal values). */
interface Item<T extends number | bigint> {
  readonly lo: T;
  readonly hi: T;
  readonly group: number;
  readonly boundary: number;
  readonly site: string;
  readonly read: ReadBoundary;
}

/**
 * Calls `meet` for overlapping items of groups with different sites: sorted by start, swept
 * once. The active set keeps, per site and group, only the item reaching furthest (it meets
 * everything a shorter one of the same group would), and drops items that ended. Each visit of
 * a live item is an overlap, so the cost is O(n log n) plus the overlaps found.
 */
function sweep<T extends number | bigint>(items: Item<T>[], meet: (a: Item<T>, b: Item<T>) => void): void {
  items.sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0));
  const active = new Map<string, Map<number, Item<T>>>();
  for (const cur of items) {
    for (const [site, groups] of active) {
      if (site === cur.site) continue;
      for (const [group, held] of groups) {
        if (held.hi < cur.lo) groups.delete(group);
        else meet(held, cur);
      }
      if (groups.size === 0) active.delete(site);
    }
    let mine = active.get(cur.site);
    if (!mine) active.set(cur.site, (mine = new Map()));
    const held = mine.get(cur.group);
    if (!held || held.hi < cur.hi) mine.set(cur.group, cur);
  }
}

interface Pair {
  readonly early: Item<number | bigint>;
  readonly late: Item<number | bigint>;
}

const same = (a: ReadBoundary, b: ReadBoundary) =>
  a.type === b.type && (a.type === "adSite" ? a.value.toLowerCase() === b.value.toLowerCase() : a.value === b.value);

const rule: Rule = {
  id: "BG-OVERLAP",
  severity: "warning",
  title: "Boundary groups assigned to different sites share no boundary (a client inside both gets a random site).",
  sources: ["S-BG"],
  fix: "Keep each boundary in groups of one assigned site: remove or narrow the overlapping boundary, or give the groups the same assignedSite (or site assignment in only one of them).",
  check(model, report) {
    const v4: Item<number>[] = [];
    const v6: Item<bigint>[] = [];
    const keyed: Item<number>[] = [];
    const keyIds = new Map<string, number>();
    model.groups.forEach((g, group) => {
      const site = g.doc.assignedSite;
      // Unknown sites are REF-UNKNOWN's; a group without assignedSite assigns nobody.
      if (site === undefined || !model.siteByCode.has(site)) return;
      g.doc.boundaries.forEach((b, boundary) => {
        const read = readBoundary(b);
        // A warning (a VPN value longer than ConfigMgr matches) still makes a boundary.
        if (!read || (read.problem && read.problem.severity !== "warning")) return;
        if (read.v4) v4.push({ lo: read.v4.start, hi: read.v4.end, group, boundary, site, read });
        else if (read.v6) v6.push({ lo: read.v6.start, hi: read.v6.end, group, boundary, site, read });
        else {
          const key = `${read.type}:${read.type === "adSite" ? read.value.toLowerCase() : (read.matched ?? read.value)}`;
          let id = keyIds.get(key);
          if (id === undefined) keyIds.set(key, (id = keyIds.size));
          keyed.push({ lo: id, hi: id, group, boundary, site, read });
        }
      });
    });

    const count = model.groups.length;
    const pairs = new Map<number, Pair>();
    const meet = (a: Item<number | bigint>, b: Item<number | bigint>) => {
      const [early, late] = a.group < b.group ? [a, b] : [b, a];
      const key = late.group * count + early.group;
      if (!pairs.has(key)) pairs.set(key, { early, late });
    };
    sweep(v4, meet);
    sweep(v6, meet);
    sweep(keyed, meet);

    const found = [...pairs.values()].sort(
      (x, y) => x.late.group - y.late.group || x.late.boundary - y.late.boundary || x.early.group - y.early.group,
    );
    for (const { early, late } of found) {
      const g = model.groups[late.group];
      const other = model.groups[early.group];
      const relation = same(late.read, early.read)
        ? `which ${other.ref} also has`
        : `which overlaps boundary ${early.read.type} ${early.read.value} of ${other.ref}`;
      report({
        object: g.ref,
        path: [...g.path, "boundaries", late.boundary, late.read.type],
        message:
          `has boundary ${late.read.type} ${late.read.value}, ${relation}; this group assigns clients to site:${late.site} ` +
          `and ${other.ref} to site:${early.site}, so a client inside both is assigned to either site at random`,
      });
    }
  },
};
export default rule;
