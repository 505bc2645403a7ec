import type { SiteKind, SiteNode, TopologyModel } from "../topology/model";
import type { BoundaryGroupDoc, DistributionPointDoc, PrimarySiteDoc, SecondarySiteDoc } from "../topology/schema";
import { jsonClean } from "./json";

/**
 * The small facts about the rest of the hierarchy that one object's rules need, computed at
 * program time from the TopologyModel and passed to its dynamic resource as the `context`
 * input. The provider rebuilds a small document that reproduces them (object-check.ts), so the
 * same rules run there. Absent `context` = the object was declared on its own (no document).
 */

export interface SiteFact {
  readonly code: string;
  readonly kind: SiteKind;
  readonly server: string;
  /** A secondary's parent, when it resolves (one level). */
  readonly parent?: SiteFact;
}

export interface CasFact {
  readonly code: string;
  readonly server: string;
  readonly sqlEdition?: "standard" | "enterprise";
}

/** Facts for a primary or secondary site. */
export interface SiteContext {
  readonly cas?: CasFact;
  /** A secondary's parent, when it resolves. */
  readonly parent?: SiteFact;
  /** DPs of this site. */
  readonly standardDps: number;
  readonly pullDps: number;
  /** A primary's secondaries. */
  readonly secondaries: number;
  /** A primary: DPs of the primary and of its secondaries. */
  readonly treeDps: number;
}

export interface DpGroupFact {
  readonly name: string;
  readonly clients?: number;
  /** DPs other than this one that serve the group, and how many of them run a client OS. */
  readonly otherDps: number;
  readonly otherClientOsDps: number;
}

export interface DpSourceFact {
  readonly server: string;
  /** The source DP's site, when it resolves. */
  readonly site?: SiteFact;
  readonly pull: boolean;
}

/** Facts for a distribution point. */
export interface DpContext {
  /** Its site, when it resolves. */
  readonly site?: SiteFact & {
    readonly clients?: number;
    readonly maxClientsPerDistributionPoint?: number;
  };
  /** A site whose site server is this DP's server. */
  readonly hostsSite?: SiteFact;
  /** Its boundary groups that resolve. */
  readonly groups: readonly DpGroupFact[];
  /** Its pull sources that resolve to DPs of the document. */
  readonly sources: readonly DpSourceFact[];
}

/** Facts for a boundary group. */
export interface BgContext {
  readonly assignedSite?: SiteFact;
  readonly dps: number;
  readonly clientOsDps: number;
}

export interface Contexts {
  /** Aligned with model.primaries / model.secondaries / model.dps / model.groups. */
  readonly primaries: SiteContext[];
  readonly secondaries: SiteContext[];
  readonly dps: DpContext[];
  readonly groups: BgContext[];
}

const plainFact = (s: SiteNode): SiteFact => ({ code: s.code, kind: s.kind, server: s.server });

/** One pass over each collection: linear in the size of the document. */
export function contextsOf(model: TopologyModel): Contexts {
  const siteFact = (s: SiteNode): SiteFact => {
    const parent = s.parent === undefined ? undefined : model.siteByCode.get(s.parent);
    return parent ? { ...plainFact(s), parent: plainFact(parent) } : plainFact(s);
  };
  const cas: CasFact | undefined = model.cas && {
    code: model.cas.code,
    server: model.cas.server,
    ...(model.doc.cas?.sqlEdition ? { sqlEdition: model.doc.cas.sqlEdition } : {}),
  };
  const dpCounts = (code: string) => {
    let standard = 0;
    let pull = 0;
    for (const dp of model.dpsBySite.get(code) ?? []) {
      if (dp.pull) pull++;
      else standard++;
    }
    return { standardDps: standard, pullDps: pull };
  };
  const secondaries = model.secondaries.map<SiteContext>((s) => {
    const parent = s.parent === undefined ? undefined : model.siteByCode.get(s.parent);
    return { ...(cas ? { cas } : {}), ...(parent ? { parent: siteFact(parent) } : {}), ...dpCounts(s.code), secondaries: 0, treeDps: 0 };
  });
  const primaries = model.primaries.map<SiteContext>((p) => {
    const counts = dpCounts(p.code);
    const children = model.secondariesOf.get(p.code) ?? [];
    let treeDps = counts.standardDps + counts.pullDps;
    for (const s of children) treeDps += model.dpsBySite.get(s.code)?.length ?? 0;
    return { ...(cas ? { cas } : {}), ...counts, secondaries: children.length, treeDps };
  });

  const clientOsIn = new Map<string, number>();
  for (const g of model.groups) {
    let n = 0;
    for (const dp of g.dps) if (dp.clientOs) n++;
    clientOsIn.set(g.key, n);
  }
  const dps = model.dps.map<DpContext>((dp) => {
    const site = dp.site;
    const hosts = model.siteByServer.get(dp.server);
    return {
      ...(site
        ? {
            site: {
              ...siteFact(site),
              ...(site.clients !== undefined ? { clients: site.clients } : {}),
              ...(site.maxClientsPerDistributionPoint !== undefined
                ? { maxClientsPerDistributionPoint: site.maxClientsPerDistributionPoint }
                : {}),
            },
          }
        : {}),
      ...(hosts ? { hostsSite: siteFact(hosts) } : {}),
      groups: dp.groups.map((g) => ({
        name: g.name,
        ...(g.doc.clients !== undefined ? { clients: g.doc.clients } : {}),
        otherDps: g.dps.length - 1,
        otherClientOsDps: (clientOsIn.get(g.key) ?? 0) - (dp.clientOs ? 1 : 0),
      })),
      sources: (dp.doc.pull?.sources ?? []).flatMap((s) => {
        const src = model.dpByServer.get(s.server);
        if (!src) return [];
        return [{ server: src.server, ...(src.site ? { site: siteFact(src.site) } : {}), pull: src.pull }];
      }),
    };
  });
  const groups = model.groups.map<BgContext>((g) => {
    const assigned = g.doc.assignedSite === undefined ? undefined : model.siteByCode.get(g.doc.assignedSite);
    return { ...(assigned ? { assignedSite: siteFact(assigned) } : {}), dps: g.dps.length, clientOsDps: clientOsIn.get(g.key) ?? 0 };
  });
  return { primaries, secondaries, dps, groups };
}

export interface ObjectWaiver {
  readonly rule: string;
  readonly reason: string;
}

/** Key of an object ref for waiver lookup: bg refs compare case-insensitively. */
export const waiverKey = (ref: string): string => (ref.startsWith("bg:") ? ref.toLowerCase() : ref);

/** The document's waivers by the object they name (one pass). */
export function waiversByObject(model: TopologyModel): Map<string, ObjectWaiver[]> {
  const byObject = new Map<string, ObjectWaiver[]>();
  for (const w of model.doc.waivers) {
    const key = waiverKey(w.object);
    const list = byObject.get(key);
    const waiver = { rule: w.rule, reason: w.reason };
    if (list) list.push(waiver);
    else byObject.set(key, [waiver]);
  }
  return byObject;
}

/** The inputs of every object's dynamic resource, as a Hierarchy passes them (without secrets). */
export interface CommonInputs {
  readonly configMgrVersion: string;
  readonly domain: string;
  readonly waivers?: ObjectWaiver[];
}

export interface HierarchyInputs {
  /** Aligned with model.primaries / model.secondaries / model.groups / model.dps. */
  readonly primaries: (PrimarySiteDoc & CommonInputs & { context: SiteContext })[];
  readonly secondaries: (SecondarySiteDoc & CommonInputs & { context: SiteContext })[];
  readonly groups: (BoundaryGroupDoc & CommonInputs & { context: BgContext })[];
  readonly dps: (DistributionPointDoc & CommonInputs & { siteServer?: string; context: DpContext })[];
}

export function hierarchyInputs(model: TopologyModel): HierarchyInputs {
  const contexts = contextsOf(model);
  const waivers = waiversByObject(model);
  const common = (ref: string): CommonInputs => {
    const w = waivers.get(waiverKey(ref));
    return { configMgrVersion: model.doc.configMgrVersion, domain: model.doc.domain, ...(w ? { waivers: w } : {}) };
  };
  return {
    primaries: model.primaries.map((s, i) => ({ ...jsonClean(model.doc.primarySites[i]), ...common(s.ref), context: contexts.primaries[i] })),
    secondaries: model.secondaries.map((s, i) => ({ ...jsonClean(model.doc.secondarySites[i]), ...common(s.ref), context: contexts.secondaries[i] })),
    groups: model.groups.map((g, i) => ({ ...jsonClean(g.doc), ...common(g.ref), context: contexts.groups[i] })),
    dps: model.dps.map((dp, i) => ({
      ...jsonClean(model.doc.distributionPoints[i]),
      ...common(dp.ref),
      ...(dp.site ? { siteServer: dp.site.server } : {}),
      context: contexts.dps[i],
    })),
  };
}
