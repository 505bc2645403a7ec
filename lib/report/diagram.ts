import { OS_MATRIX } from "../rules/data/os-matrix";
import { n, plural } from "../rules/format";
import { groupKey, type DpNode, type GroupNode, type SiteNode, type TopologyModel } from "../topology/model";
import { clip, esc } from "./escape";
import { percent, worst, type Findings, type Level, type Status, type Statuses } from "./status";

/**
 * The hierarchy as a static SVG tree, left to right: CAS → primaries → secondaries → DPs, each
 * DP's boundary groups beside it. Each object takes one row (a parent shares the row of its
 * first child), so the drawing grows with the number of DPs; above DIAGRAM_MAX_ROWS rows the
 * DPs of each site are summarised in one box, and above that again each primary's tree.
 * Text is monospace, so widths are computed here and no script is needed to lay it out.
 */

export const DIAGRAM_MAX_ROWS = 300;

export type DiagramMode = "detail" | "sites" | "primaries";

export interface Diagram {
  readonly svg: string;
  readonly mode: DiagramMode;
  /** Why the diagram is summarised (absent in detail mode). */
  readonly note?: string;
}

const COL_CAS = 0;
const COL_PRIMARY = 1;
const COL_SECONDARY = 2;
const COL_DP = 3;
type Col = 0 | 1 | 2 | 3;

/** Advance of one character of 12px monospace (DejaVu Sans Mono: 0.602 em), with a little slack. */
const CH = 7.3;
/** Chips use 11px. */
const CH_CHIP = 6.7;
const PAD = 8;
const CHIP_PAD = 8;
const CHIP_GAP = 6;
const GAP = 30;
const ROW = 26;
const NODE_H = 20;
const MARGIN = 10;
const CHIP_MAX_CHARS = 24;
const CHIPS_PER_DP = 3;
const CHIPS_PER_ROW = 4;
const LONELY_ROWS = 5;

interface Chip {
  readonly ref?: string;
  readonly text: string;
  readonly level: Level;
  readonly tooltip: string;
  /** A name that resolves to no boundary group of the document. */
  readonly unknown?: boolean;
}

type Kind = "cas" | "primary" | "secondary" | "dp" | "summary" | "unknown";

interface DNode {
  readonly kind: Kind;
  readonly col: Col;
  readonly ref?: string;
  readonly text: string;
  readonly sub?: string;
  readonly pct?: string;
  readonly level: Level;
  readonly dashed?: boolean;
  readonly tooltip: string;
  readonly children: DNode[];
  readonly chipRows?: Chip[][];
  readonly moreChips?: number;
  /** A pull DP's sources (DP refs), lowest rank first: drawn as arrows from each source. */
  readonly pullFrom?: readonly string[];
  row?: number;
  x?: number;
  w?: number;
}

/** Which DPs and secondaries hang under which site; what hangs under nothing. */
interface Placed {
  readonly site: SiteNode;
  readonly dps: DpNode[];
  readonly children: Placed[];
}

interface Placement {
  readonly roots: Placed[];
  /** Secondaries whose parent is not a primary of the document, by parent code. */
  readonly orphanSites: Map<string, Placed[]>;
  /** DPs whose site is not in the document, by site code. */
  readonly orphanDps: Map<string, DpNode[]>;
  readonly lonelyGroups: GroupNode[];
}

function place(model: TopologyModel): Placement {
  const dpsOf = (site: SiteNode) => (model.dpsBySite.get(site.code) ?? []).filter((d) => d.site === site);
  const placed = new Set<SiteNode>();
  const leaf = (s: SiteNode): Placed => {
    placed.add(s);
    return { site: s, dps: dpsOf(s), children: [] };
  };
  const primaries = model.primaries.map((p): Placed => {
    // A repeated primary code: its secondaries go to the first primary with the code.
    const secondaries = model.siteByCode.get(p.code) === p ? (model.secondariesOf.get(p.code) ?? []) : [];
    return { site: p, dps: dpsOf(p), children: secondaries.filter((s) => !placed.has(s)).map(leaf) };
  });
  const roots = model.cas ? [{ site: model.cas, dps: dpsOf(model.cas), children: primaries }] : primaries;
  const orphanSites = new Map<string, Placed[]>();
  for (const s of model.secondaries) {
    if (placed.has(s)) continue;
    const key = s.parent ?? "";
    orphanSites.set(key, [...(orphanSites.get(key) ?? []), leaf(s)]);
  }
  const orphanDps = new Map<string, DpNode[]>();
  for (const d of model.dps) {
    if (d.site) continue;
    const list = orphanDps.get(d.doc.site);
    if (list) list.push(d);
    else orphanDps.set(d.doc.site, [d]);
  }
  return { roots, orphanSites, orphanDps, lonelyGroups: model.groups.filter((g) => g.dps.length === 0) };
}

const KIND_WORD: Readonly<Record<SiteNode["kind"], string>> = { cas: "CAS", primary: "primary", secondary: "secondary" };

function findingsLine(f: Findings | undefined): string[] {
  if (!f || f.errors + f.warnings + f.waived === 0) return [];
  return [`${plural(f.errors, "error")}, ${plural(f.warnings, "warning")}, ${n(f.waived)} waived (see Diagnostics)`];
}

function limitLines(status: Status): string[] {
  return status.limits.map((l) => `${l.label}: ${n(l.usage.used)} / ${n(l.usage.limit)}${l.usage.over ? " (over)" : ""}`);
}

/** A box summarising many DPs (and the sites above them): counts, the worst colour, the tightest object. */
interface Tally {
  dps: number;
  pull: number;
  red: number;
  amber: number;
  level: Level;
  ratio: number;
  tightest?: string;
}

const emptyTally = (): Tally => ({ dps: 0, pull: 0, red: 0, amber: 0, level: "ok", ratio: 0 });

function count(t: Tally, status: Status, ref: string): void {
  if (status.level === "over") t.red++;
  else if (status.level === "tight") t.amber++;
  t.level = worst(t.level, status.level);
  if (status.tightest && (t.tightest === undefined || status.ratio > t.ratio)) {
    t.ratio = status.ratio;
    const u = status.tightest.usage;
    t.tightest = `${ref}: ${status.tightest.label} ${n(u.used)} / ${n(u.limit)}`;
  }
}

class Builder {
  private readonly dpIndex = new Map<DpNode, number>();

  constructor(
    private readonly model: TopologyModel,
    private readonly statuses: Statuses,
  ) {
    model.dps.forEach((d, i) => this.dpIndex.set(d, i));
  }

  siteStatus(site: SiteNode): Status | undefined {
    return site.kind === "cas" ? this.statuses.cas : this.statuses.sites.get(site)?.status;
  }

  site(p: Placed, children: DNode[]): DNode {
    const { site } = p;
    const status = this.siteStatus(site);
    const col: Col = site.kind === "cas" ? COL_CAS : site.kind === "primary" ? COL_PRIMARY : COL_SECONDARY;
    const title = [
      `${site.ref}${site.name !== undefined ? ` (${site.name})` : ""}: ${KIND_WORD[site.kind]} site on ${site.server}`,
      ...(status ? limitLines(status) : []),
      ...(site.clients !== undefined ? [`declared clients: ${n(site.clients)}`] : []),
      ...findingsLine(status?.findings),
    ];
    return {
      kind: site.kind,
      col,
      ref: site.ref,
      text: site.code,
      sub: KIND_WORD[site.kind],
      ...(status?.tightest ? { pct: percent(status.ratio) } : {}),
      level: status?.level ?? "ok",
      tooltip: title.join("\n"),
      children,
    };
  }

  groupChip(g: GroupNode): Chip {
    const status = this.statuses.groups.get(g);
    const lines = [
      `${g.ref}: ${g.doc.clients !== undefined ? `${n(g.doc.clients)} clients, ` : ""}assigned to ${g.doc.assignedSite ?? "no site"}, served by ${plural(g.dps.length, "DP")}`,
      ...findingsLine(status?.findings),
    ];
    return { ref: g.ref, text: g.name, level: status?.level ?? "ok", tooltip: lines.join("\n") };
  }

  dp(dp: DpNode): DNode {
    const status = this.statuses.dps[this.dpIndex.get(dp)!];
    const chips: Chip[] = [];
    const seen = new Set<string>();
    for (const name of dp.doc.boundaryGroups) {
      const key = groupKey(name);
      if (seen.has(key)) continue;
      seen.add(key);
      const g = this.model.groupByKey.get(key);
      chips.push(g ? this.groupChip(g) : { text: name, level: "over", unknown: true, tooltip: `bg:${name}: no boundary group of this name in the document` });
    }
    const title = [
      `${dp.ref}: ${dp.pull ? "pull" : "standard"} DP of site ${dp.doc.site}, ${OS_MATRIX[dp.doc.os]?.label ?? dp.doc.os}`,
      ...limitLines(status),
      `expected client load: ${n(dp.load)}`,
      ...findingsLine(status.findings),
    ];
    const markers = [...(dp.doc.pxe?.enabled ? ["PXE"] : []), ...(dp.doc.multicast?.enabled ? ["MC"] : [])];
    const pullFrom = dp.doc.pull ? [...dp.doc.pull.sources].sort((a, b) => a.rank - b.rank).map((s) => `dp:${s.server}`) : [];
    if (markers.length) title.push(`${markers.map((m) => (m === "MC" ? "multicast" : m)).join(" and ")} enabled`);
    return {
      kind: "dp",
      col: COL_DP,
      ref: dp.ref,
      text: dp.server,
      ...(markers.length ? { sub: markers.join(" ") } : {}),
      ...(pullFrom.length ? { pullFrom } : {}),
      ...(status.tightest ? { pct: percent(status.ratio) } : {}),
      level: status.level,
      dashed: dp.pull,
      tooltip: title.join("\n"),
      children: [],
      ...(chips.length ? { chipRows: [chips.slice(0, CHIPS_PER_DP)] } : {}),
      ...(chips.length > CHIPS_PER_DP ? { moreChips: chips.length - CHIPS_PER_DP } : {}),
    };
  }

  /** Adds DPs (and their boundary groups) to a tally. */
  tallyDps(t: Tally, dps: readonly DpNode[]): Tally {
    for (const dp of dps) {
      t.dps++;
      if (dp.pull) t.pull++;
      count(t, this.statuses.dps[this.dpIndex.get(dp)!], dp.ref);
      for (const g of dp.groups) t.level = worst(t.level, this.statuses.groups.get(g)?.level ?? "ok");
    }
    return t;
  }

  summary(col: Col, t: Tally, prefix: string, what: string): DNode {
    const flags = [t.red ? `${n(t.red)} red` : "", t.amber ? `${n(t.amber)} amber` : ""].filter(Boolean);
    const text = [`${prefix}${plural(t.dps, "DP")} (${n(t.pull)} pull)`, ...flags].join(" · ");
    const lines = [
      `${what}: ${plural(t.dps, "distribution point")}, ${n(t.pull)} pull`,
      `${n(t.red)} red, ${n(t.amber)} amber (boundary groups included in the colour)`,
      ...(t.tightest ? [`tightest: ${t.tightest}`] : []),
    ];
    return { kind: "summary", col, text, ...(t.tightest ? { pct: percent(t.ratio) } : {}), level: t.level, tooltip: lines.join("\n"), children: [] };
  }

  unknown(col: Col, code: string, why: string, children: DNode[]): DNode {
    return { kind: "unknown", col, text: `? ${code}`, level: "over", dashed: true, tooltip: why, children };
  }

  lonely(groups: readonly GroupNode[]): DNode[] {
    if (groups.length === 0) return [];
    const chips = groups.slice(0, CHIPS_PER_ROW * LONELY_ROWS).map((g) => this.groupChip(g));
    const rows: Chip[][] = [];
    for (let i = 0; i < chips.length; i += CHIPS_PER_ROW) rows.push(chips.slice(i, i + CHIPS_PER_ROW));
    return [
      {
        kind: "unknown",
        col: COL_DP,
        text: "(no distribution point)",
        level: groups.reduce<Level>((l, g) => worst(l, this.statuses.groups.get(g)?.level ?? "ok"), "ok"),
        dashed: true,
        tooltip: `${plural(groups.length, "boundary group")} that no DP serves`,
        children: [],
        chipRows: rows,
        ...(groups.length > chips.length ? { moreChips: groups.length - chips.length } : {}),
      },
    ];
  }
}

function detailTree(b: Builder, p: Placement): DNode[] {
  const site = (x: Placed): DNode => b.site(x, [...x.dps.map((d) => b.dp(d)), ...x.children.map(site)]);
  return [
    ...p.roots.map(site),
    ...[...p.orphanSites].map(([parent, list]) => b.unknown(COL_PRIMARY, parent, `parent ${parent}: not a primary site of this document`, list.map(site))),
    ...[...p.orphanDps].map(([code, dps]) => b.unknown(COL_PRIMARY, code, `site ${code}: not a site of this document`, dps.map((d) => b.dp(d)))),
    ...b.lonely(p.lonelyGroups),
  ];
}

function sitesTree(b: Builder, p: Placement): DNode[] {
  const dpsBox = (dps: readonly DpNode[], what: string) => (dps.length ? [b.summary(COL_DP, b.tallyDps(emptyTally(), dps), "", what)] : []);
  const site = (x: Placed): DNode => b.site(x, [...dpsBox(x.dps, `DPs of ${x.site.ref}`), ...x.children.map(site)]);
  return [
    ...p.roots.map(site),
    ...[...p.orphanSites].map(([parent, list]) => b.unknown(COL_PRIMARY, parent, `parent ${parent}: not a primary site of this document`, list.map(site))),
    ...[...p.orphanDps].map(([code, dps]) => b.unknown(COL_PRIMARY, code, `site ${code}: not a site of this document`, dpsBox(dps, `DPs of site ${code}`))),
  ];
}

function primariesTree(b: Builder, p: Placement, statuses: Statuses): { roots: DNode[]; hidden: number } {
  const treeBox = (x: Placed): DNode[] => {
    const t = b.tallyDps(emptyTally(), x.dps);
    for (const s of x.children) {
      b.tallyDps(t, s.dps);
      const st = statuses.sites.get(s.site)?.status;
      if (st) count(t, st, s.site.ref);
    }
    if (t.dps === 0 && x.children.length === 0) return [];
    return [b.summary(COL_SECONDARY, t, `${plural(x.children.length, "secondary", "secondaries")}, `, `tree of ${x.site.ref}`)];
  };
  const primary = (x: Placed): DNode => b.site(x, treeBox(x));
  let hidden = 0;
  const cap = (list: Placed[]): Placed[] => {
    if (list.length <= DIAGRAM_MAX_ROWS) return list;
    hidden += list.length - DIAGRAM_MAX_ROWS;
    return list.slice(0, DIAGRAM_MAX_ROWS);
  };
  const roots = p.roots.map((r) =>
    r.site.kind === "cas"
      ? b.site(r, [...(r.dps.length ? [b.summary(COL_DP, b.tallyDps(emptyTally(), r.dps), "", `DPs of ${r.site.ref}`)] : []), ...cap(r.children).map(primary)])
      : undefined,
  );
  const out: DNode[] = roots.filter((r): r is DNode => r !== undefined);
  if (!p.roots.some((r) => r.site.kind === "cas")) out.push(...cap(p.roots).map(primary));
  const stray = emptyTally();
  let straySites = 0;
  for (const list of p.orphanSites.values())
    for (const s of list) {
      straySites++;
      b.tallyDps(stray, s.dps);
    }
  for (const dps of p.orphanDps.values()) b.tallyDps(stray, dps);
  if (straySites + stray.dps > 0) {
    out.push(b.unknown(COL_PRIMARY, "outside", "sites and DPs that hang under no primary of this document", [b.summary(COL_SECONDARY, stray, `${plural(straySites, "site")}, `, "outside every primary's tree")]));
  }
  return { roots: out, hidden };
}

/** Rows the detail drawing would take, without building it. */
function detailRows(model: TopologyModel, p: Placement): number {
  return model.sites.length + model.dps.length + p.orphanSites.size + p.orphanDps.size + (p.lonelyGroups.length ? LONELY_ROWS : 0);
}

function layoutRows(roots: readonly DNode[]): number {
  let cursor = 0;
  const visit = (node: DNode) => {
    node.row = cursor;
    if (node.children.length === 0) cursor += Math.max(1, node.chipRows?.length ?? 0);
    else for (const c of node.children) visit(c);
  };
  roots.forEach(visit);
  return cursor;
}

function forEachNode(roots: readonly DNode[], fn: (node: DNode) => void): void {
  const visit = (node: DNode) => {
    fn(node);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
}

const maxChars = (node: DNode) => (node.kind === "summary" ? 64 : node.col === COL_DP ? 44 : 22);
const extraChars = (node: DNode) => (node.sub ? node.sub.length + 1 : 0) + (node.pct ? node.pct.length + 2 : 0);
const labelOf = (node: DNode) => clip(node.text, Math.max(4, maxChars(node) - extraChars(node)));
const chipWidth = (chip: Chip) => [...clip(chip.text, CHIP_MAX_CHARS)].length * CH_CHIP + 2 * CHIP_PAD;
const cy = (row: number) => MARGIN + row * ROW + NODE_H / 2;

function renderNode(node: DNode): string {
  const x = node.x!;
  const w = node.w!;
  const y = MARGIN + node.row! * ROW;
  const mid = y + NODE_H / 2;
  const cls = `node n-${node.kind} l-${node.level}${node.dashed ? " dashed" : ""}`;
  const ref = node.ref !== undefined ? ` data-ref="${esc(node.ref)}"` : "";
  const sub = node.sub ? `<tspan class="sub"> ${esc(node.sub)}</tspan>` : "";
  const pct = node.pct ? `<text class="pct" x="${x + w - PAD}" y="${mid}" text-anchor="end">${esc(node.pct)}</text>` : "";
  return (
    `<g class="${cls}" data-kind="${node.kind}" data-level="${node.level}"${ref}><title>${esc(node.tooltip)}</title>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${NODE_H}" rx="4"/>` +
    `<text x="${x + PAD}" y="${mid}">${esc(labelOf(node))}${sub}</text>${pct}</g>`
  );
}

function renderChips(node: DNode, bgX: number, out: string[], edges: string[]): number {
  let right = 0;
  node.chipRows?.forEach((chips, i) => {
    const mid = cy(node.row! + i);
    let x = bgX;
    if (i === 0 && node.kind === "dp") edges.push(`M${node.x! + node.w!},${mid}H${bgX}`);
    chips.forEach((chip) => {
      const w = chipWidth(chip);
      const ref = chip.ref !== undefined ? ` data-ref="${esc(chip.ref)}"` : "";
      out.push(
        `<g class="chip l-${chip.level}${chip.unknown ? " dashed" : ""}" data-kind="bg" data-level="${chip.level}"${ref}><title>${esc(chip.tooltip)}</title>` +
          `<rect x="${x}" y="${mid - 9}" width="${w}" height="18" rx="9"/>` +
          `<text x="${x + CHIP_PAD}" y="${mid}">${esc(clip(chip.text, CHIP_MAX_CHARS))}</text></g>`,
      );
      x += w + CHIP_GAP;
    });
    if (node.moreChips && i === node.chipRows!.length - 1) {
      out.push(`<text class="more" x="${x}" y="${mid}">+${n(node.moreChips)} more</text>`);
      x += (`+${n(node.moreChips)} more`.length + 1) * CH_CHIP;
    }
    right = Math.max(right, x);
  });
  return right;
}

function renderSvg(roots: readonly DNode[]): string {
  const rows = layoutRows(roots);
  const widths: number[] = [0, 0, 0, 0];
  let anyChips = false;
  forEachNode(roots, (node) => {
    node.w = Math.round((Math.min([...node.text].length + extraChars(node), maxChars(node)) * CH + 2 * PAD) * 10) / 10;
    widths[node.col] = Math.max(widths[node.col], node.w);
    if (node.chipRows) anyChips = true;
  });
  const colX: number[] = [];
  let x = MARGIN;
  for (let c = 0; c < widths.length; c++) {
    colX[c] = x;
    if (widths[c] > 0) x += widths[c] + GAP;
  }
  const bgX = x;
  const nodes: string[] = [];
  const chips: string[] = [];
  const edges: string[] = [];
  const dotted: string[] = [];
  let right = anyChips ? bgX : x - GAP;
  forEachNode(roots, (node) => {
    node.x = colX[node.col];
    // Boxes of one column share its width, so the column reads as one.
    node.w = widths[node.col];
  });
  forEachNode(roots, (node) => {
    nodes.push(renderNode(node));
    right = Math.max(right, node.x! + node.w!);
    if (node.chipRows) right = Math.max(right, renderChips(node, bgX, chips, dotted));
    if (node.children.length === 0) return;
    const bus = node.x! + node.w! + GAP / 2;
    const last = node.children[node.children.length - 1];
    edges.push(`M${node.x! + node.w!},${cy(node.row!)}H${bus}V${cy(last.row!)}`);
    for (const c of node.children) edges.push(`M${bus},${cy(c.row!)}H${c.x!}`);
  });
  const arrows = pullArrows(roots);
  if (arrows.svg.length) right = Math.max(right, arrows.right);
  const width = Math.ceil(right + MARGIN);
  const height = MARGIN * 2 + Math.max(1, rows) * ROW - (ROW - NODE_H);
  return (
    `<svg class="diagram" role="img" aria-label="Hierarchy diagram" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<path class="edges" d="${edges.join("")}"/>` +
    (dotted.length ? `<path class="beside" d="${dotted.join("")}"/>` : "") +
    nodes.join("") +
    chips.join("") +
    (arrows.svg.length
      ? `<defs><marker id="pull-head" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0L6,3L0,6z"/></marker></defs>${arrows.svg.join("")}`
      : "") +
    `</svg>`
  );
}

/** Lanes right of the DP column (inside the gap before the group chips) for the pull arrows. */
const LANES = [6, 10, 14, 18, 22, 26];

/**
 * A pull DP's sources, drawn as arrows from the right edge of each source's box to the right
 * edge of the pull DP's box, each in its own lane; the rank-1 source solid, the others dashed.
 * Sources outside the drawing (another summarised site, an unknown name) get no arrow.
 */
function pullArrows(roots: readonly DNode[]): { svg: string[]; right: number } {
  const byRef = new Map<string, DNode>();
  forEachNode(roots, (node) => {
    if (node.kind === "dp" && node.ref !== undefined) byRef.set(node.ref, node);
  });
  const svg: string[] = [];
  let right = 0;
  let lane = 0;
  forEachNode(roots, (node) => {
    node.pullFrom?.forEach((ref, i) => {
      const source = byRef.get(ref);
      if (!source || source === node) return;
      const x0 = source.x! + source.w!;
      const x1 = node.x! + node.w!;
      const bend = Math.max(x0, x1) + LANES[lane++ % LANES.length];
      const y0 = cy(source.row!) + 4;
      const y1 = cy(node.row!) - 4;
      svg.push(
        `<path class="pull-arrow${i === 0 ? "" : " backup"}" data-from="${esc(ref)}" data-to="${esc(node.ref!)}" marker-end="url(#pull-head)" d="M${x0},${y0}H${bend}V${y1}H${x1 + 1}"/>`,
      );
      right = Math.max(right, bend + 2);
    });
  });
  return { svg, right };
}

export function renderDiagram(model: TopologyModel, statuses: Statuses): Diagram {
  const b = new Builder(model, statuses);
  const p = place(model);
  const rows = detailRows(model, p);
  if (rows <= DIAGRAM_MAX_ROWS) return { svg: renderSvg(detailTree(b, p)), mode: "detail" };
  const siteRows = model.sites.length + p.orphanSites.size + p.orphanDps.size;
  if (siteRows <= DIAGRAM_MAX_ROWS) {
    return {
      svg: renderSvg(sitesTree(b, p)),
      mode: "sites",
      note:
        `This document has ${plural(model.dps.length, "distribution point")}: too many to draw one by one ` +
        `(the diagram draws up to ${n(DIAGRAM_MAX_ROWS)} rows), so each site's DPs are summarised in one box, ` +
        `coloured by its most loaded DP. The tables below list the DPs closest to a limit.`,
    };
  }
  const { roots, hidden } = primariesTree(b, p, statuses);
  return {
    svg: renderSvg(roots),
    mode: "primaries",
    note:
      `This document has ${plural(model.sites.length, "site")} and ${plural(model.dps.length, "distribution point")}: too many to draw ` +
      `one by one (the diagram draws up to ${n(DIAGRAM_MAX_ROWS)} rows), so each primary's tree (its secondaries and all their DPs) is ` +
      `summarised in one box, coloured by its most loaded object.` +
      (hidden > 0 ? ` ${plural(hidden, "more primary site", "more primary sites")} are not drawn.` : "") +
      ` The tables below list the sites and DPs closest to a limit.`,
  };
}
