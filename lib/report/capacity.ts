import { CAS_PRIMARY_MAX } from "../rules/cas-primary-max";
import { CLIENT_OS_CONNECTIONS } from "../rules/client-os-connections";
import { DP_CLIENTS_MAX } from "../rules/dp-clients-max";
import { DP_CONTENT_MAX } from "../rules/dp-content-max";
import { DP_PER_PRIMARY_TREE_MAX } from "../rules/dp-per-primary-tree-max";
import { DP_PER_SITE_MAX } from "../rules/dp-per-site-max";
import { hierarchyClientsLimitFor } from "../rules/hierarchy-clients-max";
import { PRIMARY_SECONDARY_MAX } from "../rules/primary-secondary-max";
import { PULLDP_PER_SITE_MAX } from "../rules/pulldp-per-site-max";
import { defaultReserveMB } from "../rules/dp-free-space-default";
import { siteClientsLimitFor } from "../rules/site-clients-max";
import type { DpNode, SiteKind, SiteNode, TopologyModel } from "../topology/model";

/**
 * How much of each documented limit a hierarchy uses, per site and per DP: what `plan`
 * prints and the HTML report shows. Pure, linear in the model; every limit is the constant
 * its rule exports, so the plan and the verdict can never disagree on a number.
 */

export interface Usage {
  readonly used: number;
  readonly limit: number;
  /** limit − used: negative when over the limit. */
  readonly headroom: number;
  /** headroom as a share of the limit, in percent, rounded down to one decimal (never shows 100% while anything is used). */
  readonly headroomPercent: number;
  readonly over: boolean;
}

export function usage(used: number, limit: number): Usage {
  const headroom = limit - used;
  return { used, limit, headroom, headroomPercent: Math.floor((headroom * 1000) / limit) / 10, over: used > limit };
}

export interface HierarchyCapacity {
  readonly version?: string;
  readonly cas?: string;
  readonly primarySites: number;
  /** Child primaries of the CAS (only with a CAS). */
  readonly primariesUnderCas?: Usage;
  readonly secondarySites: number;
  readonly distributionPoints: number;
  readonly pullDistributionPoints: number;
  /** Sum of the primaries' declared clients, against the hierarchy limit (when the version is known). */
  readonly clients?: Usage;
}

export interface SiteCapacity {
  readonly code: string;
  readonly ref: string;
  readonly kind: Exclude<SiteKind, "cas">;
  readonly parent?: string;
  readonly standardDps: Usage;
  readonly pullDps: Usage;
  /** Primaries: all DPs of the site and of its secondaries. */
  readonly treeDps?: Usage;
  /** Primaries: child secondary sites. */
  readonly secondaries?: Usage;
  /** The site's client limit for this version and kind (absent when the version is unknown). */
  readonly clientsLimit?: number;
  /** Declared clients against that limit (absent when the site declares no clients). */
  readonly clients?: Usage;
}

export interface DpCapacity {
  readonly server: string;
  readonly ref: string;
  readonly site: string;
  readonly pull: boolean;
  readonly clientOs: boolean;
  readonly os: string;
  /** Client load (declared, or even share of its boundary groups) against 4,000. */
  readonly clients: Usage;
  /** Load against its secondary site's maxClientsPerDistributionPoint, where declared. */
  readonly secondaryHardware?: Usage;
  /** Client OS only: load against the 20 concurrent connections of client Windows. */
  readonly clientOsConnections?: Usage;
  /** Packages plus applications against 10,000 (absent when the DP declares no content). */
  readonly content?: Usage;
  /** Content size (GB) against the space its drives offer above minimumFreeSpaceMB, as DP-DISK-SPACE counts it (needs disks and content.sizeGB). */
  readonly disk?: Usage;
  /** PXE and multicast enabled on the DP. */
  readonly pxe: boolean;
  readonly multicast: boolean;
}

export interface CapacityReport {
  readonly hierarchy: HierarchyCapacity;
  readonly sites: readonly SiteCapacity[];
  readonly distributionPoints: readonly DpCapacity[];
}

/** The client limit of a site, as SITE-CLIENTS-MAX chooses it. */
export function siteClientsLimit(model: TopologyModel, site: SiteNode): number | undefined {
  return siteClientsLimitFor(model, site)?.limit;
}

/** The hierarchy's client limit, as HIERARCHY-CLIENTS-MAX chooses it. */
export const hierarchyClientsLimit = hierarchyClientsLimitFor;

function siteCapacity(model: TopologyModel, site: SiteNode & { kind: "primary" | "secondary" }): SiteCapacity {
  const dps = model.dpsBySite.get(site.code) ?? [];
  let pull = 0;
  for (const dp of dps) if (dp.pull) pull++;
  const clientsLimit = siteClientsLimit(model, site);
  let tree: Pick<SiteCapacity, "treeDps" | "secondaries"> = {};
  if (site.kind === "primary") {
    let total = dps.length;
    const counted = new Set<string>([site.code]);
    const children = model.secondariesOf.get(site.code) ?? [];
    for (const s of children) {
      if (counted.has(s.code)) continue; // a repeated code would count its DPs twice
      counted.add(s.code);
      total += model.dpsBySite.get(s.code)?.length ?? 0;
    }
    tree = { treeDps: usage(total, DP_PER_PRIMARY_TREE_MAX), secondaries: usage(children.length, PRIMARY_SECONDARY_MAX) };
  }
  return {
    code: site.code,
    ref: site.ref,
    kind: site.kind,
    ...(site.parent !== undefined ? { parent: site.parent } : {}),
    standardDps: usage(dps.length - pull, DP_PER_SITE_MAX),
    pullDps: usage(pull, PULLDP_PER_SITE_MAX),
    ...tree,
    ...(clientsLimit !== undefined ? { clientsLimit } : {}),
    ...(clientsLimit !== undefined && site.clients !== undefined ? { clients: usage(site.clients, clientsLimit) } : {}),
  };
}

/** Rounded down to 0.1 GB, as DP-DISK-SPACE rounds its limit. */
const tenthDown = (gb: number): number => Math.floor(gb * 10 + 1e-9) / 10;

/** The space the content library can use on a DP's drives: each drive's free space less the reserve (DP-DISK-SPACE's count). */
export function usableDiskGB(model: TopologyModel, dp: DpNode): number | undefined {
  const disks = dp.doc.disks;
  const reserveMB = dp.doc.storage?.minimumFreeSpaceMB ?? (model.version && defaultReserveMB(model.version));
  if (disks === undefined || reserveMB === undefined) return undefined;
  let usable = 0;
  for (const disk of disks) usable += Math.max(0, disk.freeGB - reserveMB / 1024);
  return tenthDown(usable);
}

function dpCapacity(model: TopologyModel, dp: DpNode): DpCapacity {
  const hw = dp.site?.kind === "secondary" ? dp.site.maxClientsPerDistributionPoint : undefined;
  const content = dp.doc.content;
  const usable = usableDiskGB(model, dp);
  return {
    server: dp.server,
    ref: dp.ref,
    site: dp.doc.site,
    pull: dp.pull,
    clientOs: dp.clientOs,
    os: dp.doc.os,
    clients: usage(dp.load, DP_CLIENTS_MAX),
    ...(hw !== undefined ? { secondaryHardware: usage(dp.load, hw) } : {}),
    ...(dp.clientOs ? { clientOsConnections: usage(dp.load, CLIENT_OS_CONNECTIONS) } : {}),
    ...(content ? { content: usage(content.packages + content.applications, DP_CONTENT_MAX) } : {}),
    ...(content?.sizeGB !== undefined && usable !== undefined ? { disk: diskUsage(content.sizeGB, usable) } : {}),
    pxe: dp.doc.pxe?.enabled ?? false,
    multicast: dp.doc.multicast?.enabled ?? false,
  };
}

/** GB figures keep one decimal; a drive with no usable space is a limit of 0 (used > 0 is over). */
function diskUsage(sizeGB: number, usableGB: number): Usage {
  if (usableGB > 0) return usage(sizeGB, usableGB);
  return { used: sizeGB, limit: 0, headroom: -sizeGB, headroomPercent: sizeGB > 0 ? -100 : 0, over: sizeGB > 0 };
}

export function capacityReport(model: TopologyModel): CapacityReport {
  let pull = 0;
  for (const dp of model.dps) if (dp.pull) pull++;
  let clients = 0;
  for (const p of model.primaries) clients += p.clients ?? 0;
  const clientsLimit = hierarchyClientsLimit(model);
  const hierarchy: HierarchyCapacity = {
    ...(model.version ? { version: model.version.label } : {}),
    ...(model.cas ? { cas: model.cas.code } : {}),
    primarySites: model.primaries.length,
    ...(model.cas ? { primariesUnderCas: usage(model.primaries.length, CAS_PRIMARY_MAX) } : {}),
    secondarySites: model.secondaries.length,
    distributionPoints: model.dps.length,
    pullDistributionPoints: pull,
    ...(clientsLimit !== undefined ? { clients: usage(clients, clientsLimit) } : {}),
  };
  const sites = model.sites.flatMap((s) =>
    s.kind === "cas" ? [] : [siteCapacity(model, s as SiteNode & { kind: "primary" | "secondary" })],
  );
  return { hierarchy, sites, distributionPoints: model.dps.map((dp) => dpCapacity(model, dp)) };
}
