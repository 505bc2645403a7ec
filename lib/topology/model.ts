import type { DocPath } from "./load";
import { FirstIndex } from "./first-index";
import { lowerCase } from "./letter-case";
import { parseVersion, type Version } from "./version";
import {
  CLIENT_OS,
  type BoundaryGroupDoc,
  type DistributionPointDoc,
  type OsId,
  type TopologyDoc,
} from "./schema";

/**
 * The parsed, normalised document plus the indexes every rule reads (site → DPs,
 * group → DPs, primary → secondaries …) and the derived values of topology-format.md.
 * Built once, in one pass per collection, so that evaluating all rules stays linear. The passes
 * over the DPs are index loops (see normalize.ts).
 */

export type SiteKind = "cas" | "primary" | "secondary";

export interface SiteNode {
  readonly kind: SiteKind;
  readonly code: string;
  readonly server: string;
  readonly name?: string;
  readonly clients?: number;
  /** Parent site code (secondaries only). */
  readonly parent?: string;
  readonly maxClientsPerDistributionPoint?: number;
  readonly path: DocPath;
  readonly ref: string;
}

export interface GroupNode {
  readonly doc: BoundaryGroupDoc;
  readonly name: string;
  /** Lower-cased name: boundary-group names compare case-insensitively. */
  readonly key: string;
  readonly path: DocPath;
  readonly ref: string;
  /** DPs that list this group (each once). */
  readonly dps: DpNode[];
}

export interface DpNode {
  readonly doc: DistributionPointDoc;
  readonly server: string;
  readonly netbiosName: string;
  readonly path: DocPath;
  readonly ref: string;
  readonly pull: boolean;
  readonly clientOs: boolean;
  /** The DP's site when its `site` resolves to a site of the document. */
  site?: SiteNode;
  /** The groups its `boundaryGroups` resolve to (unknown names are left out; REF-UNKNOWN reports them). */
  readonly groups: GroupNode[];
  /** Expected client load (topology-format.md, "derived values"); filled after all groups are known. */
  load: number;
}

export interface TopologyModel {
  readonly doc: TopologyDoc;
  /** Undefined when configMgrVersion is not an accepted version (VERSION-FORMAT reports it). */
  readonly version?: Version;
  readonly sites: readonly SiteNode[];
  readonly cas?: SiteNode;
  readonly primaries: readonly SiteNode[];
  readonly secondaries: readonly SiteNode[];
  /** First site declared with each code. */
  readonly siteByCode: ReadonlyMap<string, SiteNode>;
  /** Site-server FQDN → the first site it serves. */
  readonly siteByServer: ReadonlyMap<string, SiteNode>;
  readonly secondariesOf: ReadonlyMap<string, readonly SiteNode[]>;
  readonly dps: readonly DpNode[];
  /** Server → the first DP declared on it (iterated in document order). */
  readonly dpByServer: ReadonlyMap<string, DpNode>;
  readonly dpsBySite: ReadonlyMap<string, readonly DpNode[]>;
  /** Site code → how many of its DPs are pull DPs (absent: none), counted while the DPs are read. */
  readonly pullDpsBySite: ReadonlyMap<string, number>;
  readonly groups: readonly GroupNode[];
  /** Lower-cased name → the first group declared with it (iterated in document order). */
  readonly groupByKey: ReadonlyMap<string, GroupNode>;
}

const CLIENT_OS_SET: ReadonlySet<string> = new Set(CLIENT_OS);
export const isClientOs = (os: OsId): boolean => CLIENT_OS_SET.has(os);
export const netbiosOf = (fqdn: string): string => {
  const dot = fqdn.indexOf(".");
  return dot === -1 ? fqdn : fqdn.slice(0, dot);
};
export const groupKey: (name: string) => string = lowerCase;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function buildModel(doc: TopologyDoc): TopologyModel {
  const sites: SiteNode[] = [];
  let cas: SiteNode | undefined;
  if (doc.cas) {
    cas = {
      kind: "cas",
      code: doc.cas.siteCode,
      server: doc.cas.server,
      name: doc.cas.name,
      clients: doc.cas.clients,
      path: ["cas"],
      ref: `site:${doc.cas.siteCode}`,
    };
    sites.push(cas);
  }
  const primaries = doc.primarySites.map<SiteNode>((p, i) => ({
    kind: "primary",
    code: p.siteCode,
    server: p.server,
    name: p.name,
    clients: p.clients,
    path: ["primarySites", i],
    ref: `site:${p.siteCode}`,
  }));
  const secondaries = doc.secondarySites.map<SiteNode>((s, i) => ({
    kind: "secondary",
    code: s.siteCode,
    server: s.server,
    name: s.name,
    clients: s.clients,
    parent: s.parent,
    maxClientsPerDistributionPoint: s.maxClientsPerDistributionPoint,
    path: ["secondarySites", i],
    ref: `site:${s.siteCode}`,
  }));
  sites.push(...primaries, ...secondaries);

  const siteByCode = new Map<string, SiteNode>();
  const siteByServer = new Map<string, SiteNode>();
  for (const site of sites) {
    if (!siteByCode.has(site.code)) siteByCode.set(site.code, site);
    if (!siteByServer.has(site.server)) siteByServer.set(site.server, site);
  }
  const secondariesOf = new Map<string, SiteNode[]>();
  for (const s of secondaries) push(secondariesOf, s.parent!, s);

  const groups: GroupNode[] = doc.boundaryGroups.map((g, i) => new Group(g, i));
  const groupByKey = new FirstIndex(groups, (g) => g.key);

  const list = doc.distributionPoints;
  const dps: DpNode[] = [];
  const dpsBySite = new Map<string, DpNode[]>();
  const pullDpsBySite = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const d = list[i];
    const dp = new Dp(d, i, siteByCode.get(d.site), groupsOf(d.boundaryGroups, groupByKey));
    const dpGroups = dp.groups;
    for (let j = 0; j < dpGroups.length; j++) (dpGroups[j] as Group).add(dp);
    dps.push(dp);
    push(dpsBySite, d.site, dp);
    if (dp.pull) pullDpsBySite.set(d.site, (pullDpsBySite.get(d.site) ?? 0) + 1);
  }
  const dpByServer = new FirstIndex(dps, (dp) => dp.server);
  for (let i = 0; i < dps.length; i++) dps[i].load = clientLoad(dps[i]);

  return {
    doc,
    version: parseVersion(doc.configMgrVersion),
    sites,
    cas,
    primaries,
    secondaries,
    siteByCode,
    siteByServer,
    secondariesOf,
    dps,
    dpByServer,
    dpsBySite,
    pullDpsBySite,
    groups,
    groupByKey,
  };
}

/**
 * The DP and group nodes are classes whose path and ref are computed when read: rules read them
 * for the objects they report, and a 125,000-DP document would otherwise allocate half a million
 * arrays and strings that nothing reads.
 */
class Dp implements DpNode {
  readonly server: string;
  readonly pull: boolean;
  readonly clientOs: boolean;
  load = 0;
  constructor(
    readonly doc: DistributionPointDoc,
    private readonly index: number,
    public site: SiteNode | undefined,
    readonly groups: GroupNode[],
  ) {
    this.server = doc.server;
    this.pull = doc.pull !== undefined;
    this.clientOs = isClientOs(doc.os);
  }
  get netbiosName(): string {
    return netbiosOf(this.server);
  }
  get path(): DocPath {
    return ["distributionPoints", this.index];
  }
  get ref(): string {
    return `dp:${this.server}`;
  }
}

/** The DPs of a group that no DP lists: shared, and frozen so that no one adds to it. */
const NO_DPS: DpNode[] = Object.freeze([]) as unknown as DpNode[];

class Group implements GroupNode {
  readonly name: string;
  readonly key: string;
  dps: DpNode[] = NO_DPS;
  constructor(
    readonly doc: BoundaryGroupDoc,
    private readonly index: number,
  ) {
    this.name = doc.name;
    this.key = groupKey(doc.name);
  }
  /** Most groups have one DP: an array of one, not the 16 slots a first push onto `[]` reserves. */
  add(dp: DpNode): void {
    if (this.dps === NO_DPS) this.dps = [dp];
    else this.dps.push(dp);
  }
  get path(): DocPath {
    return ["boundaryGroups", this.index];
  }
  get ref(): string {
    return `bg:${this.name}`;
  }
}

/** The groups a DP's names resolve to, each once (most DPs list one group). */
function groupsOf(names: readonly string[], groupByKey: ReadonlyMap<string, GroupNode>): GroupNode[] {
  if (names.length === 1) {
    const g = groupByKey.get(groupKey(names[0]));
    return g ? [g] : [];
  }
  const seen = new Set<GroupNode>();
  for (const name of names) {
    const g = groupByKey.get(groupKey(name));
    if (g) seen.add(g);
  }
  return [...seen];
}

/**
 * Its `clients` if given; otherwise, over its boundary groups, each group's clients divided
 * evenly among the DPs that serve the group, rounded up (clients pick a DP of their group at random).
 */
export function clientLoad(dp: DpNode): number {
  if (dp.doc.clients !== undefined) return dp.doc.clients;
  let load = 0;
  for (const g of dp.groups) load += Math.ceil((g.doc.clients ?? 0) / g.dps.length);
  return load;
}
