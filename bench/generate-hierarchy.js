"use strict";
/**
 * A legal ConfigMgr hierarchy of a given size, as a plain document object (topology format v1):
 * current branch 2509, a CAS, `primaries` primary sites, each with `standardPerPrimary`
 * standard DPs of its own and `secondariesPerPrimary` secondary sites holding
 * `dpsPerSecondary` DPs each. Every DP runs Windows Server 2022 and sits in a boundary group
 * of its own (one /28 subnet, a few clients), so every limit holds and validate finds no error.
 *
 * The largest legal hierarchy (the figure): 25 primaries × (250 standard DPs +
 * 250 secondaries × 19 DPs) = 25 × 5,000 = 125,000 DPs, 6,250 secondaries, 125,000 groups.
 */

const RESERVED = new Set(["AUX", "CON", "NUL", "PRN", "SMS", "ENV"]);
const DOMAIN = "corp.contoso.com";
const CLIENTS_PER_GROUP = 4;

const LARGE = { primaries: 25, standardPerPrimary: 250, secondariesPerPrimary: 250, dpsPerSecondary: 19 };

/** Unique secondary site codes from "S00" upwards (base 36), skipping reserved and used ones. */
function* siteCodes(used) {
  for (let i = parseInt("S00", 36); ; i++) {
    const code = i.toString(36).toUpperCase().padStart(3, "0");
    if (code.length > 3) throw new Error("out of site codes");
    if (!RESERVED.has(code) && !used.has(code)) yield code;
  }
}

/** The i-th /28 inside 10.0.0.0/8: 1,048,576 disjoint subnets, network address aligned. */
function subnet(i) {
  return `10.${(i >> 12) & 255}.${(i >> 4) & 255}.${(i & 15) * 16}/28`;
}

function dp(server, site, group) {
  return {
    server,
    site,
    os: "windows-server-2022",
    edition: "standard",
    architecture: "x64",
    hardware: { cores: 4, memoryGB: 16 },
    disks: [
      { drive: "C", freeGB: 80 },
      { drive: "D", freeGB: 500 },
    ],
    boundaryGroups: [group],
    content: { packages: 300, applications: 120, sizeGB: 180 },
    storage: { primaryContentLibrary: "D", primaryPackageShare: "D", minimumFreeSpaceMB: 1000 },
    contentValidation: { schedule: { recur: "weekly", day: "saturday", at: "02:00" }, priority: "lowest" },
  };
}

function generateHierarchy(shape = LARGE) {
  const { primaries, standardPerPrimary, secondariesPerPrimary, dpsPerSecondary } = shape;
  const doc = {
    configMgrVersion: "2509",
    domain: "CONTOSO",
    cas: { siteCode: "CAS", name: "Central administration site", server: `cm-cas.${DOMAIN}`, sqlEdition: "enterprise" },
    primarySites: [],
    secondarySites: [],
    boundaryGroups: [],
    distributionPoints: [],
  };
  const used = new Set(["CAS"]);
  const primaryCodes = Array.from({ length: primaries }, (_, p) => `P${String(p + 1).padStart(2, "0")}`);
  primaryCodes.forEach((c) => used.add(c));
  const codes = siteCodes(used);
  let groupIndex = 0;
  const addDp = (server, site, assignedSite) => {
    const name = `BG ${server.split(".")[0]}`;
    doc.boundaryGroups.push({ name, assignedSite, clients: CLIENTS_PER_GROUP, boundaries: [{ ipSubnet: subnet(groupIndex++) }] });
    doc.distributionPoints.push(dp(`${server}.${DOMAIN}`, site, name));
  };

  for (const p of primaryCodes) {
    const treeDps = standardPerPrimary + secondariesPerPrimary * dpsPerSecondary;
    doc.primarySites.push({ siteCode: p, name: `Primary ${p}`, server: `cm-${p.toLowerCase()}.${DOMAIN}`, clients: treeDps * CLIENTS_PER_GROUP });
    for (let i = 1; i <= standardPerPrimary; i++) addDp(`${p.toLowerCase()}dp${String(i).padStart(4, "0")}`, p, p);
    for (let s = 0; s < secondariesPerPrimary; s++) {
      const code = codes.next().value;
      doc.secondarySites.push({
        siteCode: code,
        parent: p,
        server: `cm-${code.toLowerCase()}.${DOMAIN}`,
        clients: dpsPerSecondary * CLIENTS_PER_GROUP,
        maxClientsPerDistributionPoint: 2000,
      });
      for (let i = 1; i <= dpsPerSecondary; i++) addDp(`${code.toLowerCase()}dp${String(i).padStart(2, "0")}`, code, p);
    }
  }
  return doc;
}

module.exports = { generateHierarchy, LARGE };
