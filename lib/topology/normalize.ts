import type { TopologyDoc } from "./schema";

/**
 * Canonical spellings, applied once after parsing so that every later comparison is plain
 * equality: site codes upper case, FQDNs lower case, the NetBIOS domain upper case, drive
 * letters upper case, schedule words lower case, waiver objects in the form of object refs.
 * Boundary-group names keep their spelling (they are shown to admins); the model compares
 * them case-insensitively.
 */
export function normalizeTopology(doc: TopologyDoc): TopologyDoc {
  const code = (s: string) => s.toUpperCase();
  const host = (s: string) => s.toLowerCase();
  const driveSetting = (s: string | undefined) =>
    s === undefined ? undefined : /^automatic$/i.test(s) ? "automatic" : s.toUpperCase();
  return {
    ...doc,
    domain: doc.domain.toUpperCase(),
    cas: doc.cas && { ...doc.cas, siteCode: code(doc.cas.siteCode), server: host(doc.cas.server) },
    primarySites: doc.primarySites.map((p) => ({ ...p, siteCode: code(p.siteCode), server: host(p.server) })),
    secondarySites: doc.secondarySites.map((s) => ({
      ...s,
      siteCode: code(s.siteCode),
      parent: code(s.parent),
      server: host(s.server),
    })),
    boundaryGroups: doc.boundaryGroups.map((g) => ({
      ...g,
      assignedSite: g.assignedSite === undefined ? undefined : code(g.assignedSite),
    })),
    distributionPoints: doc.distributionPoints.map((dp) => ({
      ...dp,
      server: host(dp.server),
      site: code(dp.site),
      disks: dp.disks?.map((d) => ({ ...d, drive: d.drive.toUpperCase() })),
      storage: dp.storage && {
        ...dp.storage,
        primaryContentLibrary: driveSetting(dp.storage.primaryContentLibrary),
        secondaryContentLibrary: driveSetting(dp.storage.secondaryContentLibrary),
        primaryPackageShare: driveSetting(dp.storage.primaryPackageShare),
        secondaryPackageShare: driveSetting(dp.storage.secondaryPackageShare),
      },
      pull: dp.pull && { sources: dp.pull.sources.map((s) => ({ ...s, server: host(s.server) })) },
      contentValidation: dp.contentValidation && {
        ...dp.contentValidation,
        schedule: {
          ...dp.contentValidation.schedule,
          recur: dp.contentValidation.schedule.recur.toLowerCase(),
          day: dp.contentValidation.schedule.day?.toLowerCase(),
        },
      },
      proxy: dp.proxy && { ...dp.proxy, server: host(dp.proxy.server) },
    })),
    waivers: doc.waivers.map((w) => ({ ...w, rule: w.rule.toUpperCase(), object: normalizeObjectRef(w.object) })),
  };
}

/** `site:p01` → `site:P01`, `DP:WIN701.lab.local` → `dp:win701.lab.local`; other refs unchanged. */
export function normalizeObjectRef(ref: string): string {
  const m = /^(site|dp|bg|hierarchy)(?::(.*))?$/is.exec(ref.trim());
  if (!m) return ref;
  const kind = m[1].toLowerCase();
  const rest = m[2];
  if (kind === "hierarchy") return rest === undefined ? "hierarchy" : ref;
  if (rest === undefined) return ref;
  if (kind === "site") return `site:${rest.toUpperCase()}`;
  if (kind === "dp") return `dp:${rest.toLowerCase()}`;
  return `bg:${rest}`;
}
