import { readBoundary, validSubnetLast, validSubnetStart, type ReadBoundary } from "./bnd-format";
import type { Rule } from "./types";

/**
 * Boundaries as intervals of one key space (IPv4 addresses, IPv6 addresses, or ids of equal
 * values), held in parallel arrays rather than one object per boundary: a large hierarchy has a
 * boundary per DP, 125,000 of them.
 */
interface Spans<T extends number | bigint> {
  readonly length: number;
  readonly lo: ArrayLike<T>;
  readonly hi: ArrayLike<T>;
  readonly group: ArrayLike<number>;
  readonly boundary: ArrayLike<number>;
  /** The group's assigned site, as an index into the rule's list of sites. */
  readonly site: ArrayLike<number>;
}

/**
 * Spans of numbers (IPv4 addresses, value ids) in typed arrays sized once for every boundary of
 * the document: no array grows while 125,000 boundaries are added.
 */
class NumberSpans implements Spans<number> {
  length = 0;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
  readonly group: Int32Array;
  readonly boundary: Int32Array;
  readonly site: Int32Array;

  constructor(capacity: number) {
    this.lo = new Float64Array(capacity);
    this.hi = new Float64Array(capacity);
    this.group = new Int32Array(capacity);
    this.boundary = new Int32Array(capacity);
    this.site = new Int32Array(capacity);
  }

  add(lo: number, hi: number, group: number, boundary: number, site: number): void {
    const i = this.length++;
    this.lo[i] = lo;
    this.hi[i] = hi;
    this.group[i] = group;
    this.boundary[i] = boundary;
    this.site[i] = site;
  }
}

/** IPv6 spans (128-bit bigints; IPv6 boundaries are few). */
class BigSpans implements Spans<bigint> {
  readonly lo: bigint[] = [];
  readonly hi: bigint[] = [];
  readonly group: number[] = [];
  readonly boundary: number[] = [];
  readonly site: number[] = [];

  get length(): number {
    return this.lo.length;
  }

  add(lo: bigint, hi: bigint, group: number, boundary: number, site: number): void {
    this.lo.push(lo);
    this.hi.push(hi);
    this.group.push(group);
    this.boundary.push(boundary);
    this.site.push(site);
  }
}

/** Indices of the first `n` spans by start, ties in the order added (a stable sort; boundaries usually come sorted). */
function byStart<T extends number | bigint>(lo: ArrayLike<T>, n: number): number[] {
  const order = new Array<number>(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && lo[i] < lo[i - 1]) sorted = false;
  }
  if (!sorted) order.sort((a, b) => (lo[a] < lo[b] ? -1 : lo[a] > lo[b] ? 1 : a - b));
  return order;
}

/** One side of an overlap: which boundary of which group, and the group's assigned site. */
interface End {
  readonly group: number;
  readonly boundary: number;
  readonly site: number;
}

interface Pair {
  readonly early: End;
  readonly late: End;
}

/**
 * Records overlapping spans of groups with different sites in `pairs` (the first overlap found
 * for each pair of groups): sorted by start, swept once. The active set keeps, per site and group,
 * only the span reaching furthest (it meets everything a shorter one of the same group would), and
 * drops spans that ended. Each visit of a live span is an overlap, so the cost is O(n log n) plus
 * the overlaps found. Within one step every group meets the current span at most once, so the
 * order in which the active set is visited does not change which overlap is found first.
 */
function sweep<T extends number | bigint>(spans: Spans<T>, sites: number, groups: number, pairs: Map<number, Pair>): void {
  const { lo, hi, group, site } = spans;
  const end = (i: number): End => ({ group: group[i], boundary: spans.boundary[i], site: site[i] });
  // held[s]: the spans held for site s, one per group; slot[g]: where group g's span sits in its site's list.
  const held: number[][] = [];
  for (let s = 0; s < sites; s++) held.push([]);
  const slot = new Int32Array(groups).fill(-1);
  // Sites whose list is not empty.
  const live: number[] = [];
  const order = byStart(lo, spans.length);
  for (let o = 0; o < order.length; o++) {
    const cur = order[o];
    const curSite = site[cur];
    for (let s = 0; s < live.length; ) {
      const other = live[s];
      const list = held[other];
      if (other !== curSite) {
        for (let h = 0; h < list.length; ) {
          const item = list[h];
          if (hi[item] < lo[cur]) {
            slot[group[item]] = -1;
            const last = list.pop()!;
            if (h < list.length) {
              list[h] = last;
              slot[group[last]] = h;
            }
            continue;
          }
          const [early, late] = group[item] < group[cur] ? [item, cur] : [cur, item];
          const key = group[late] * groups + group[early];
          if (!pairs.has(key)) pairs.set(key, { early: end(early), late: end(late) });
          h++;
        }
      }
      if (list.length > 0) s++;
      else {
        const last = live.pop()!;
        if (s < live.length) live[s] = last;
      }
    }
    const mine = held[curSite];
    if (mine.length === 0) live.push(curSite);
    const at = slot[group[cur]];
    if (at < 0) {
      slot[group[cur]] = mine.length;
      mine.push(cur);
    } else if (hi[mine[at]] < hi[cur]) mine[at] = cur;
  }
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
    const groups = model.groups;
    let total = 0;
    for (let group = 0; group < groups.length; group++) total += groups[group].doc.boundaries.length;
    const v4 = new NumberSpans(total);
    const v6 = new BigSpans();
    const keyed = new NumberSpans(total);
    const keyIds = new Map<string, number>();
    const siteIds = new Map<string, number>();
    const siteCodes: string[] = [];
    for (let group = 0; group < groups.length; group++) {
      const g = groups[group];
      const code = g.doc.assignedSite;
      // Unknown sites are REF-UNKNOWN's; a group without assignedSite assigns nobody.
      if (code === undefined || !model.siteByCode.has(code)) continue;
      let site = siteIds.get(code);
      if (site === undefined) {
        siteIds.set(code, (site = siteCodes.length));
        siteCodes.push(code);
      }
      const boundaries = g.doc.boundaries;
      for (let boundary = 0; boundary < boundaries.length; boundary++) {
        // The schema lets a boundary have one key only: a defined ipSubnet is its type.
        const subnet = boundaries[boundary].ipSubnet;
        const start = subnet === undefined ? -1 : validSubnetStart(subnet);
        if (start >= 0) {
          v4.add(start, validSubnetLast(subnet!, start), group, boundary, site);
          continue;
        }
        const read = readBoundary(boundaries[boundary]);
        // A warning (a VPN value longer than ConfigMgr matches) still makes a boundary.
        if (!read || (read.problem && read.problem.severity !== "warning")) continue;
        if (read.v4) v4.add(read.v4.start, read.v4.end, group, boundary, site);
        else if (read.v6) v6.add(read.v6.start, read.v6.end, group, boundary, site);
        else {
          const key = `${read.type}:${read.type === "adSite" ? read.value.toLowerCase() : (read.matched ?? read.value)}`;
          let id = keyIds.get(key);
          if (id === undefined) keyIds.set(key, (id = keyIds.size));
          keyed.add(id, id, group, boundary, site);
        }
      }
    }

    const pairs = new Map<number, Pair>();
    sweep(v4, siteCodes.length, groups.length, pairs);
    sweep(v6, siteCodes.length, groups.length, pairs);
    sweep(keyed, siteCodes.length, groups.length, pairs);

    const found = [...pairs.values()].sort(
      (x, y) => x.late.group - y.late.group || x.late.boundary - y.late.boundary || x.early.group - y.early.group,
    );
    // Only the boundaries reported are read a second time, for their type and value.
    const readOf = (end: End) => readBoundary(groups[end.group].doc.boundaries[end.boundary])!;
    for (const { early, late } of found) {
      const g = groups[late.group];
      const other = groups[early.group];
      const lateRead = readOf(late);
      const earlyRead = readOf(early);
      const relation = same(lateRead, earlyRead)
        ? `which ${other.ref} also has`
        : `which overlaps boundary ${earlyRead.type} ${earlyRead.value} of ${other.ref}`;
      report({
        object: g.ref,
        path: [...g.path, "boundaries", late.boundary, lateRead.type],
        message:
          `has boundary ${lateRead.type} ${lateRead.value}, ${relation}; this group assigns clients to site:${siteCodes[late.site]} ` +
          `and ${other.ref} to site:${siteCodes[early.site]}, so a client inside both is assigned to either site at random`,
      });
    }
  },
};
export default rule;
