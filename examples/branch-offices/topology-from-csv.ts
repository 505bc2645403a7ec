import { parse } from "csv-parse/sync";
import type { TopologyInput } from "../../lib/topology/schema";

/** One row of offices.csv. */
interface Office {
  office: string;
  site: string;
  subnet: string;
  clients: string;
  dpHost: string;
  os: "windows-11" | "windows-server-2022";
}

/** Offices with fewer clients than this get a pull DP (it fetches content from its site's hub). */
export const PULL_BELOW_CLIENTS = 200;

const HUBS: Record<string, { server: string; group: string; subnet: string; clients: number }> = {
  P01: { server: "hq-dp01.contoso.com", group: "HQ", subnet: "10.0.0.0/16", clients: 2500 },
  S01: { server: "sec-north.contoso.com", group: "North hub", subnet: "10.1.0.0/24", clients: 150 },
  S02: { server: "sec-south.contoso.com", group: "South hub", subnet: "10.2.0.0/24", clients: 150 },
};

/**
 * A current-branch estate from a CSV of branch offices: one primary (P01) and two secondaries
 * (S01, S02), a hub DP per site, and one DP per office in its own boundary group. Small offices
 * get pull DPs sourcing from their site's hub; Windows 11 DPs answer PXE without WDS (the only
 * PXE a client OS can do).
 */
export function topologyFromCsv(csv: string): TopologyInput {
  const offices = parse(csv, { columns: true, skip_empty_lines: true, trim: true }) as Office[];
  const clientsOf = (site: string) =>
    offices.filter((o) => o.site === site).reduce((sum, o) => sum + Number(o.clients), HUBS[site].clients);

  const doc: TopologyInput & Required<Pick<TopologyInput, "boundaryGroups" | "distributionPoints">> = {
    configMgrVersion: "2509",
    domain: "CONTOSO",
    primarySites: [{ siteCode: "P01", name: "Contoso primary", server: "cm01.contoso.com", clients: clientsOf("P01") + clientsOf("S01") + clientsOf("S02") }],
    secondarySites: [
      { siteCode: "S01", name: "North", parent: "P01", server: HUBS.S01.server, clients: clientsOf("S01") },
      { siteCode: "S02", name: "South", parent: "P01", server: HUBS.S02.server, clients: clientsOf("S02") },
    ],
    boundaryGroups: [],
    distributionPoints: [],
  };

  for (const [site, hub] of Object.entries(HUBS)) {
    doc.boundaryGroups.push({ name: hub.group, assignedSite: "P01", clients: hub.clients, boundaries: [{ ipSubnet: hub.subnet }] });
    doc.distributionPoints.push({
      server: hub.server,
      site,
      os: "windows-server-2022",
      edition: "standard",
      architecture: "x64",
      hardware: { cores: 8, memoryGB: 32 },
      boundaryGroups: [hub.group],
      content: { packages: 400, applications: 250 },
      description: `${hub.group} hub DP`,
    });
  }

  for (const o of offices) {
    const clients = Number(o.clients);
    const client = o.os === "windows-11";
    doc.boundaryGroups.push({ name: o.office, assignedSite: "P01", clients, boundaries: [{ ipSubnet: o.subnet }] });
    doc.distributionPoints.push({
      server: o.dpHost,
      site: o.site,
      os: o.os,
      edition: client ? "enterprise" : "standard",
      architecture: "x64",
      hardware: { cores: 4, memoryGB: 16 },
      boundaryGroups: [o.office],
      content: { packages: 400, applications: 250 },
      description: `${o.office} branch office`,
      ...(clients < PULL_BELOW_CLIENTS ? { pull: { sources: [{ server: HUBS[o.site].server, rank: 1 }] } } : {}),
      ...(client ? { pxe: { enabled: true, responderWithoutWds: true, allowResponse: true, unknownComputers: false } } : {}),
    });
  }
  return doc;
}
