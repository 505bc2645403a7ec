import type { Diagnostic } from "../rules/types";
import type { GroupNode, SiteNode, TopologyModel } from "../topology/model";
import type { CapacityReport, DpCapacity, HierarchyCapacity, SiteCapacity, Usage } from "./capacity";

/**
 * How close an object is to its tightest limit, as the report colours it: green below 70 % of
 * the tightest limit used, amber below 90 %, red from 90 % on or when the object has an
 * unwaived error. An unwaived warning makes a green object amber.
 */
export type Level = "ok" | "tight" | "over";

export const TIGHT_FROM = 0.7;
export const OVER_FROM = 0.9;

const RANK: Readonly<Record<Level, number>> = { ok: 0, tight: 1, over: 2 };
export const worst = (a: Level, b: Level): Level => (RANK[a] >= RANK[b] ? a : b);

/** One documented limit of one object: `key` names it in the page (data-limit), `label` for people. */
export interface LimitUse {
  readonly key: string;
  readonly label: string;
  readonly usage: Usage;
}

export interface Findings {
  errors: number;
  warnings: number;
  waived: number;
}

export interface Status {
  readonly level: Level;
  /** used / limit of the tightest limit (0 when the object has none). */
  readonly ratio: number;
  readonly tightest?: LimitUse;
  readonly limits: readonly LimitUse[];
  readonly findings?: Findings;
}

export const ratioOf = (u: Usage): number => (u.limit > 0 ? u.used / u.limit : u.used > 0 ? Infinity : 0);

export const ratioLevel = (ratio: number): Level => (ratio >= OVER_FROM ? "over" : ratio >= TIGHT_FROM ? "tight" : "ok");

/** "0%", "<1%", "45%", "104%": the share of the tightest limit in use, rounded down. */
export function percent(ratio: number): string {
  if (ratio === Infinity) return "∞";
  if (ratio > 0 && ratio < 0.01) return "<1%";
  return `${Math.floor(ratio * 100)}%`;
}

const use = (key: string, label: string, usage: Usage | undefined): LimitUse[] => (usage ? [{ key, label, usage }] : []);

export function siteLimits(s: SiteCapacity): LimitUse[] {
  return [
    ...use("standard-dps", "standard DPs per site", s.standardDps),
    ...use("pull-dps", "pull DPs per site", s.pullDps),
    ...use("tree-dps", "DPs in the primary's tree", s.treeDps),
    ...use("secondaries", "secondary sites per primary", s.secondaries),
    ...use("site-clients", `clients of a ${s.kind} site`, s.clients),
  ];
}

/**
 * Every limit of a DP, the 20 concurrent connections of client Windows included: a Windows 10
 * DP expected to serve 60 clients is at 300 % of what it can serve at once, whatever the
 * 4,000-client figure says (CLIENT-OS-CONNECTIONS may still pass it when another DP of its
 * groups can take over; its colour then says "this DP alone would not do").
 */
export function dpLimits(d: DpCapacity): LimitUse[] {
  return [
    ...use("dp-clients", "clients per DP", d.clients),
    ...use("client-os-connections", "concurrent connections of client Windows", d.clientOsConnections),
    ...use("dp-clients-hw", "clients per DP (secondary site's hardware)", d.secondaryHardware),
    ...use("content", "packages + applications per DP", d.content),
    ...use("disk", "content size (GB) of the drives' free space", d.disk),
  ];
}

export function hierarchyLimits(h: HierarchyCapacity): LimitUse[] {
  return [...use("cas-primaries", "primary sites under the CAS", h.primariesUnderCas), ...use("hierarchy-clients", "clients in the hierarchy", h.clients)];
}

export function findingsByObject(diagnostics: readonly Diagnostic[]): Map<string, Findings> {
  const map = new Map<string, Findings>();
  for (const d of diagnostics) {
    let f = map.get(d.object);
    if (!f) map.set(d.object, (f = { errors: 0, warnings: 0, waived: 0 }));
    if (d.waived) f.waived++;
    else if (d.severity === "error") f.errors++;
    else f.warnings++;
  }
  return map;
}

export function statusOf(limits: readonly LimitUse[], findings?: Findings): Status {
  let ratio = 0;
  let tightest: LimitUse | undefined;
  for (const l of limits) {
    const r = ratioOf(l.usage);
    if (!tightest || r > ratio) {
      ratio = r;
      tightest = l;
    }
  }
  let level = ratioLevel(ratio);
  if (findings?.errors) level = "over";
  else if (findings?.warnings) level = worst(level, "tight");
  return { level, ratio, limits, ...(tightest ? { tightest } : {}), ...(findings ? { findings } : {}) };
}

/** The status of every object of a model, computed once (linear) for the diagram and the tables. */
export interface Statuses {
  readonly hierarchy: Status;
  readonly cas?: Status;
  readonly sites: ReadonlyMap<SiteNode, { readonly capacity: SiteCapacity; readonly status: Status }>;
  /** Aligned with model.dps and report.distributionPoints. */
  readonly dps: readonly Status[];
  readonly dpRefs: readonly string[];
  readonly groups: ReadonlyMap<GroupNode, Status>;
  readonly findings: ReadonlyMap<string, Findings>;
}

export function objectStatuses(model: TopologyModel, report: CapacityReport, diagnostics: readonly Diagnostic[]): Statuses {
  const findings = findingsByObject(diagnostics);
  const hierarchy = statusOf(hierarchyLimits(report.hierarchy), findings.get("hierarchy"));
  const sites = new Map<SiteNode, { capacity: SiteCapacity; status: Status }>();
  // report.sites lists model.sites without the CAS, in the same order.
  let i = 0;
  for (const site of model.sites) {
    if (site.kind === "cas") continue;
    const capacity = report.sites[i++];
    sites.set(site, { capacity, status: statusOf(siteLimits(capacity), findings.get(site.ref)) });
  }
  const dps = report.distributionPoints.map((d) => statusOf(dpLimits(d), findings.get(d.ref)));
  const groups = new Map<GroupNode, Status>();
  for (const g of model.groups) groups.set(g, statusOf([], findings.get(g.ref)));
  const cas = model.cas ? statusOf(hierarchyLimits(report.hierarchy).filter((l) => l.key === "cas-primaries"), findings.get(model.cas.ref)) : undefined;
  return { hierarchy, ...(cas ? { cas } : {}), sites, dps, dpRefs: report.distributionPoints.map((d) => d.ref), groups, findings };
}
