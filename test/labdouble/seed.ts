import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";

/**
 * Initial states of the lab double (README, "State"), built from a topology: what exists before
 * the library runs — the sites and their servers, the Windows hosts with their OS, features and
 * local Administrators — and nothing the library would create (no DP role, no boundary group).
 */

export type LabState = Record<string, any>;

export interface SeedOptions {
  /** ConfigMgr version of the hierarchy (default: the topology's configMgrVersion). */
  readonly version?: string;
  /** OS of every site server host (default windows-server-2012-r2; 2008 R2 for 2012 SP1). */
  readonly siteServerOs?: string;
  /** Features already enabled on the DP hosts ("all" = every prerequisite). */
  readonly dpFeatures?: "none" | "all";
  /** Put the site server's computer account into each DP host's Administrators already. */
  readonly dpAdminGranted?: boolean;
}

export const CLIENT_FEATURES = [
  "IIS-WebServerRole",
  "IIS-WebServer",
  "IIS-ApplicationDevelopment",
  "IIS-ISAPIExtensions",
  "IIS-Security",
  "IIS-WindowsAuthentication",
  "IIS-WebServerManagementTools",
  "IIS-IIS6ManagementCompatibility",
  "IIS-Metabase",
  "IIS-WMICompatibility",
  "MSRDC-Infrastructure",
  "IIS-DefaultDocument",
  "TelnetClient",
];
export const SERVER_FEATURES = ["Web-Server", "Web-ISAPI-Ext", "Web-Windows-Auth", "Web-Mgmt-Compat", "Web-Metabase", "Web-WMI", "RDC", "Telnet-Client"];

const netbios = (fqdn: string) => fqdn.split(".")[0].toUpperCase();
const isClient = (os: string) => !os.startsWith("windows-server-");

/** A Windows host of the lab: built-in Administrators members, every feature present but off. */
export function labHost(fqdn: string, os: string, domain: string, options: { console?: boolean; enabled?: readonly string[] } = {}) {
  const features: Record<string, string> = {};
  for (const f of isClient(os) ? CLIENT_FEATURES : SERVER_FEATURES) features[f] = "Disabled";
  for (const f of options.enabled ?? []) features[f] = "Enabled";
  return {
    name: netbios(fqdn),
    fqdn: fqdn.toLowerCase(),
    os,
    domainJoined: true,
    reachable: true,
    elevated: true,
    console: options.console ?? false,
    features,
    restartFeatures: [] as string[],
    administrators: {
      name: "Administrators",
      members: [{ path: `WinNT://${netbios(fqdn)}/Administrator` }, { path: `WinNT://${domain}/Domain Admins` }],
    },
    groups: [{ name: "Users", sid: "S-1-5-32-545" }],
    shares: ["ADMIN$", "C$", "IPC$"],
  };
}

/** The state for a topology document (parsed YAML object). */
export function stateFromTopology(doc: any, options: SeedOptions = {}): LabState {
  const version = options.version ?? String(doc.configMgrVersion);
  const domain = String(doc.domain ?? "LAB").toUpperCase();
  const serverOs = options.siteServerOs ?? (version.startsWith("2012") ? "windows-server-2008-r2" : "windows-server-2022");
  const hosts: Record<string, any> = {};
  const sites: any[] = [];
  const accounts = new Set<string>();
  const addSite = (s: any, type: string, parent: string | null) => {
    sites.push({ code: String(s.siteCode).toUpperCase(), type, name: s.name ?? s.siteCode, server: String(s.server).toLowerCase(), parent, status: 1 });
    hosts[netbios(s.server)] = labHost(s.server, serverOs, domain, { console: type !== "secondary", enabled: [] });
    accounts.add(`${netbios(s.server)}$`);
  };
  if (doc.centralAdministrationSite) addSite(doc.centralAdministrationSite, "cas", null);
  for (const p of doc.primarySites ?? []) addSite(p, "primary", doc.centralAdministrationSite?.siteCode ?? null);
  const primaryServers = sites.map((s) => s.server);
  for (const dp of doc.distributionPoints ?? []) {
    const fqdn = String(dp.server).toLowerCase();
    if (primaryServers.includes(fqdn)) continue;
    const os = String(dp.os);
    const all = isClient(os) ? CLIENT_FEATURES.slice(0, 11) : SERVER_FEATURES.slice(0, 7);
    const host: Record<string, any> = labHost(fqdn, os, domain, { enabled: options.dpFeatures === "all" ? all : [] });
    // What the host's own WMI tells (Win32_OperatingSystem caption and architecture, Win32_Processor, Win32_ComputerSystem, Win32_LogicalDisk).
    if (dp.edition) host.edition = String(dp.edition);
    if (dp.architecture) host.architecture = String(dp.architecture);
    if (dp.hardware) host.hardware = { cores: Number(dp.hardware.cores), memoryGB: Number(dp.hardware.memoryGB) };
    if (dp.disks) host.disks = (dp.disks as any[]).map((d) => ({ drive: String(d.drive), freeGB: Number(d.freeGB) }));
    if (options.dpAdminGranted) {
      const site = sites.find((s) => s.code === String(dp.site).toUpperCase()) ?? sites[0];
      host.administrators.members.push({ path: `WinNT://${domain}/${netbios(site.server)}$` });
    }
    hosts[netbios(fqdn)] = host;
    accounts.add(`${netbios(fqdn)}$`);
  }
  // Secondary site servers exist as hosts; the secondary sites themselves are what the library installs.
  for (const s of doc.secondarySites ?? []) {
    hosts[netbios(s.server)] = labHost(s.server, serverOs, domain);
    // A prerequisite done by hand before a secondary site install: the parent site server's account is a local admin there.
    const parent = sites.find((p) => p.code === String(s.parent).toUpperCase());
    if (parent) hosts[netbios(s.server)].administrators.members.push({ path: `WinNT://${domain}/${netbios(parent.server)}$` });
    accounts.add(`${netbios(s.server)}$`);
  }
  return {
    format: 1,
    version,
    domain,
    domainAccounts: [...accounts, "Domain Admins", "CMAdmins", "svc-cminstall"],
    clock: 0,
    epoch: "2026-01-01T00:00:00Z",
    nextId: 16777217,
    nextRecordId: 1000,
    distMgr: { stepSeconds: 20, retrySeconds: 3600 },
    sites,
    siteSystems: sites
      .filter((s) => s.type !== "secondary")
      .map((s) => ({ server: s.server, siteCode: s.code, roles: ["SMS Site Server", "SMS SQL Server", "SMS Provider", "SMS Management Point"], proxy: null, account: null, id: 0 })),
    distributionPoints: [],
    boundaries: [],
    boundaryGroups: [],
    statusMessages: [],
    accounts: [],
    hosts,
    calls: [],
    logs: {},
  };
}

const root = join(__dirname, "..", "..");

/** The seed's lab (examples/lab/topology.yaml): ConfigMgr 2012 SP1, primary P01 on CM01, Windows 7 DP WIN701. */
export function labEstate(options: SeedOptions = {}): LabState {
  return stateFromTopology(parse(readFileSync(join(root, "examples", "lab", "topology.yaml"), "utf8")), options);
}

/** A small estate at another version: primary P01 on CM01 (Server 2012 R2), DP DP01 (server OS), Windows 10 DP WIN1001, secondary S01. */
export function estate(version: string, options: SeedOptions = {}): LabState {
  const doc = {
    configMgrVersion: version,
    domain: "CONTOSO",
    primarySites: [{ siteCode: "P01", name: "Primary", server: "cm01.contoso.com" }],
    secondarySites: [{ siteCode: "S01", name: "Branch", parent: "P01", server: "sec01.contoso.com" }],
    distributionPoints: [
      { server: "dp01.contoso.com", site: "P01", os: version.startsWith("2012") ? "windows-server-2012-r2" : "windows-server-2022" },
      { server: "win1001.contoso.com", site: "P01", os: "windows-10" },
    ],
  };
  return stateFromTopology(doc, { siteServerOs: version.startsWith("2012") ? "windows-server-2012-r2" : "windows-server-2022", ...options });
}
