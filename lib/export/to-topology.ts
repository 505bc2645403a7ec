import { buildOf, versionFromBuild } from "./builds";
import { architectureOf, editionOf, osIdOf } from "./host-facts";
import { OS_MATRIX } from "../rules/data/os-matrix";
import type { OsId } from "../topology/schema";
import { inRange, parseVersion } from "../topology/version";
import type { ExportRecords, ExportRow } from "./records";

/**
 * An exported hierarchy as a topology document (plain data, in the document's field order) plus
 * the comments a reviewer needs: where a value could not be read, is an estimate, or a setting is
 * outside what the library manages. Pure: the records come from lib/export/records.ts.
 */

export type Path = readonly (string | number)[];

export interface ExportComment {
  readonly path: Path;
  readonly text: string;
}

export interface ExportedTopology {
  readonly document: Record<string, unknown>;
  readonly comments: readonly ExportComment[];
}

/** SMS_Boundary.BoundaryType (SMS_Boundary server WMI class reference). */
const BOUNDARY_TYPES: Readonly<Record<string, string>> = { "0": "ipSubnet", "1": "adSite", "2": "ipv6Prefix", "3": "ipRange", "4": "vpn" };
/** SMS_DistributionPointInfo.UdaSetting. */
const UDA = ["doNotUse", "allowWithManualApproval", "allowWithAutomaticApproval"] as const;

const lower = (s: string | undefined) => (s ?? "").toLowerCase();
const truthy = (s: string | undefined) => s !== undefined && /^(true|1)$/i.test(s);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The server inside a NAL path (["Display=\\dp\"]MSWNET:["SMS_SITE=P01"]\\dp\) or a \\server path. */
export function nalServer(nal: string | undefined): string {
  const m = /\\\\([^\\"]+)\\?/.exec(nal ?? "");
  return lower(m ? m[1] : nal);
}

export interface ExportOptions {
  /** NetBIOS domain of the site servers when the export could not read it. */
  readonly domain?: string;
}

export function toTopology(records: ExportRecords, options: ExportOptions = {}): ExportedTopology {
  const comments: ExportComment[] = [];
  const rowsOf = (cls: string) => records.rows.filter((r) => r.className === cls);
  const field = (row: ExportRow | undefined, name: string) => row?.fields.get(name);

  // --- sites
  const sites = rowsOf("SMS_Site").sort((a, b) => byText(field(a, "SiteCode") ?? "", field(b, "SiteCode") ?? ""));
  const top = sites.find((s) => field(s, "Type") === "4") ?? sites.find((s) => field(s, "Type") === "2");
  const document: Record<string, unknown> = {};
  const build = top ? buildOf(field(top, "Version"), field(top, "BuildNumber")) : undefined;
  const version = build === undefined ? undefined : versionFromBuild(build);
  document.configMgrVersion = version?.label ?? "unknown";
  if (!version) comments.push({ path: ["configMgrVersion"], text: `could not be read: the top site reports version ${field(top, "Version") ?? "(none)"}; write the release (e.g. "2403")` });
  else if (version.estimate) comments.push({ path: ["configMgrVersion"], text: `estimate: ${version.estimate}` });
  for (const s of sites) {
    const sb = buildOf(field(s, "Version"), field(s, "BuildNumber"));
    if (build !== undefined && sb !== undefined && sb !== build) {
      comments.push({ path: ["configMgrVersion"], text: `site ${field(s, "SiteCode")} is at build ${sb}, the top site at ${build}: the document has one version for the hierarchy` });
    }
  }
  const domain = options.domain ?? domainOf(records);
  document.domain = domain ?? "UNKNOWN";
  if (!domain) comments.push({ path: ["domain"], text: "could not be read: write the NetBIOS name of the site servers' domain (or export with --domain)" });
  else if (!options.domain) comments.push({ path: ["domain"], text: "estimate: the first label of the DNS domain; the NetBIOS name can differ (export with --domain to name it)" });

  const siteDoc = (s: ExportRow) => {
    const d: Record<string, unknown> = { siteCode: field(s, "SiteCode") };
    if (field(s, "SiteName")) d.name = field(s, "SiteName");
    d.server = lower(field(s, "ServerName"));
    return d;
  };
  const cas = sites.find((s) => field(s, "Type") === "4");
  if (cas) document.cas = siteDoc(cas);
  document.primarySites = sites.filter((s) => field(s, "Type") === "2").map(siteDoc);
  const secondaries = sites.filter((s) => field(s, "Type") === "1");
  if (secondaries.length > 0) document.secondarySites = secondaries.map((s) => ({ ...siteDoc(s), parent: field(s, "ReportingSiteCode") }));
  (document.primarySites as unknown[]).forEach((_, i) => comments.push({ path: ["primarySites", i, "siteCode"], text: "clients: not in ConfigMgr's site data; add the expected number of clients for the capacity rules" }));

  // --- boundary groups
  const boundaries = new Map(rowsOf("SMS_Boundary").map((b) => [field(b, "BoundaryID"), b]));
  const members = rowsOf("SMS_BoundaryGroupMembers");
  const groupRows = rowsOf("SMS_BoundaryGroup").sort((a, b) => byText(lower(field(a, "Name")), lower(field(b, "Name"))));
  const groupName = new Map(groupRows.map((g) => [field(g, "GroupID"), field(g, "Name") ?? ""]));
  const groups = groupRows.map((g, gi) => {
    const d: Record<string, unknown> = { name: field(g, "Name") };
    if (field(g, "DefaultSiteCode")) d.assignedSite = field(g, "DefaultSiteCode");
    if (field(g, "Description")) d.description = field(g, "Description");
    const items = members
      .filter((m) => field(m, "GroupID") === field(g, "GroupID"))
      .map((m) => boundaries.get(field(m, "BoundaryID")))
      .filter((b): b is ExportRow => b !== undefined)
      .map((b) => ({ type: BOUNDARY_TYPES[field(b, "BoundaryType") ?? ""], value: boundaryValue(b, gi) }))
      .sort((a, b) => byText(`${a.type}:${a.value}`, `${b.type}:${b.value}`));
    d.boundaries = items.filter((b) => b.type !== undefined).map((b) => ({ [b.type]: b.value }));
    for (const b of items) if (b.type === undefined) comments.push({ path: ["boundaryGroups", gi, "name"], text: `a boundary of a type the document has no name for was left out: ${b.value}` });
    comments.push({ path: ["boundaryGroups", gi, "name"], text: "clients: not in ConfigMgr; add the clients expected inside these boundaries for the load rules" });
    return d;
  });
  if (groups.length > 0) document.boundaryGroups = groups;

  /**
   * ConfigMgr keeps only the subnet ID of an IP subnet boundary (172.16.50.0/24 → 172.16.50.0).
   * The library names the boundaries it creates after the CIDR it was given, so the prefix comes
   * back from that name when it matches; otherwise the subnet ID is written with a comment.
   */
  function boundaryValue(b: ExportRow, gi: number): string {
    const value = field(b, "Value") ?? "";
    if (field(b, "BoundaryType") !== "0" || value.includes("/")) return value;
    const cidr = /(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})\s*$/.exec(field(b, "DisplayName") ?? "");
    if (cidr && cidr[1] === value) return `${value}/${cidr[2]}`;
    comments.push({ path: ["boundaryGroups", gi, "name"], text: `ConfigMgr keeps only the subnet ID ${value} of an IP subnet boundary: add its prefix length (${value}/NN)` });
    return value;
  }

  // --- distribution points
  const dpRows = rowsOf("SMS_SCI_SysResUse").filter((r) => field(r, "RoleName") === "SMS Distribution Point");
  const systemRows = rowsOf("SMS_SCI_SysResUse").filter((r) => field(r, "RoleName") === "SMS Site System");
  const infoRows = rowsOf("SMS_DistributionPointInfo");
  const groupSystems = rowsOf("SMS_BoundaryGroupSiteSystems");
  const dps = dpRows
    .map((r) => ({ row: r, server: nalServer(field(r, "NetworkOSPath") ?? field(r, "NALPath")) }))
    .sort((a, b) => byText(a.server, b.server))
    .map(({ row, server }, di) => distributionPoint(row, server, di));
  if (dps.length > 0) document.distributionPoints = dps;

  function distributionPoint(row: ExportRow, server: string, di: number): Record<string, unknown> {
    const at = (...rest: (string | number)[]): Path => ["distributionPoints", di, ...rest];
    const site = field(row, "SiteCode");
    const prop = (name: string) => row.props.find((p) => p.name === name);
    const info = infoRows.find((i) => lower(field(i, "ServerName")) === server && field(i, "SiteCode") === site);
    const d: Record<string, unknown> = { server, site };
    hostFacts(d, server, at);
    const bgs = groupSystems
      .filter((g) => nalServer(field(g, "ServerNALPath")) === server)
      .map((g) => groupName.get(field(g, "GroupID")))
      .filter((n): n is string => n !== undefined)
      .sort((a, b) => byText(a.toLowerCase(), b.toLowerCase()));
    if (bgs.length > 0) d.boundaryGroups = bgs;
    // The host was prepared before the library came: the export describes it, it does not re-prepare it.
    d.prepareHost = false;
    d.hostHas = { features: true, localAdmin: true };
    comments.push({ path: at("prepareHost"), text: "an existing DP: its host already has the prerequisites and the site server's admin grant (read from ConfigMgr, not checked on the host)" });

    const storage: Record<string, unknown> = {};
    const contentDrives = prop("AvailableContentLibDrivesList")?.value1;
    const shareDrives = prop("AvailablePkgShareDrivesList")?.value1;
    if (contentDrives?.[0]) storage.primaryContentLibrary = contentDrives[0];
    if (contentDrives?.[1]) storage.secondaryContentLibrary = contentDrives[1];
    if (shareDrives?.[0]) storage.primaryPackageShare = shareDrives[0];
    if (shareDrives?.[1]) storage.secondaryPackageShare = shareDrives[1];
    const minFree = prop("MinFreeSpace")?.value;
    if (minFree !== undefined && /^\d+$/.test(minFree)) storage.minimumFreeSpaceMB = Number(minFree);
    if (Object.keys(storage).length > 0) d.storage = storage;

    const https = field(info, "Communication") === "1" || (prop("SslState")?.value ?? "0") !== "0";
    d.clientConnection = https ? "https" : "http";
    const description = field(info, "Description") ?? prop("Description")?.value2;
    if (description) d.description = description;

    const pull = truthy(field(info, "IsPullDP")) || prop("IsPullDP")?.value === "1";
    if (pull) {
      const sources = row.lists.get("SourceDistributionPoints") ?? [];
      const ranks = row.lists.get("SourceDPRanks") ?? [];
      d.pull = { sources: sources.map((s, i) => ({ server: nalServer(s), rank: Number(ranks[i] ?? i + 1) })) };
    }
    if (truthy(field(info, "IsPXE"))) {
      const uda = UDA[Number(field(info, "UdaSetting") ?? 0)] ?? "doNotUse";
      d.pxe = {
        enabled: true,
        responderWithoutWds: truthy(field(info, "SccmPxe")),
        allowResponse: truthy(field(info, "IsActive")),
        unknownComputers: truthy(field(info, "SupportUnknownMachines")),
        responseDelaySeconds: Number(field(info, "ResponseDelay") ?? 0),
        userDeviceAffinity: uda,
      };
      comments.push({ path: at("pxe", "enabled"), text: "a PXE password cannot be read back: if the DP has one, add passwordSecret with the name of a Pulumi config secret" });
    }
    if (truthy(field(info, "IsMulticast"))) {
      d.multicast = { enabled: true };
      comments.push({ path: at("multicast", "enabled"), text: "address range, UDP ports and client limit are not exported: add them if the DP does not use the defaults" });
    }
    if (prop("DPMonEnabled")?.value === "1") {
      // Left out, `pulumi up` would turn validation off. The schedule token (DPMonSchedule) is not
      // decoded: adopting keeps the DP's own schedule (a create does not re-apply one it cannot
      // read back), and an update would apply this one.
      d.contentValidation = { schedule: { recur: "weekly", day: "saturday", at: "00:00" }, priority: "lowest" };
      comments.push({ path: at("contentValidation"), text: "estimate: content validation is on, on a schedule and priority the export does not read; write the DP's real ones before an update applies these" });
    }
    const system = systemRows.find((s) => nalServer(field(s, "NetworkOSPath") ?? field(s, "NALPath")) === server && field(s, "SiteCode") === site);
    const sysProp = (name: string) => system?.props.find((p) => p.name === name);
    if (sysProp("UseProxy")?.value === "1" && sysProp("ProxyName")?.value2) {
      d.proxy = { server: lower(sysProp("ProxyName")?.value2), port: Number(sysProp("ProxyServerPort")?.value ?? 80) };
    }
    for (const note of records.notes.filter((n) => n.object === `dp:${server}`)) comments.push({ path: at("server"), text: note.text });
    // What the DP or its server has that the document cannot say: left as it is by pulumi up.
    const unmanaged: string[] = [];
    if (prop("IsAnonymousEnabled")?.value === "1") unmanaged.push("anonymous connections allowed");
    if (truthy(field(info, "PreStagingAllowed"))) unmanaged.push("prestaged content enabled");
    if (prop("UpdateBranchCacheKey")?.value === "1") unmanaged.push("BranchCache enabled");
    const otherRoles = rowsOf("SMS_SCI_SysResUse")
      .filter((r) => nalServer(field(r, "NetworkOSPath") ?? field(r, "NALPath")) === server)
      .map((r) => field(r, "RoleName") ?? "")
      .filter((role) => !["SMS Site System", "SMS Component Server", "SMS Distribution Point"].includes(role));
    for (const role of [...new Set(otherRoles)].sort()) unmanaged.push(`also has the site-system role ${role}`);
    if (unmanaged.length > 0) {
      comments.push({ path: at("site"), text: `outside what the library manages, left as it is: ${unmanaged.join("; ")}` });
    }
    return d;
  }

  function hostFacts(d: Record<string, unknown>, server: string, at: (...rest: (string | number)[]) => Path): void {
    const fromHost = (cls: string) => records.rows.filter((r) => r.className === cls && lower(r.from) === server);
    const os = fromHost("Win32_OperatingSystem")[0];
    const osId = osIdOf(field(os, "Version"), field(os, "ProductType"));
    const edition = editionOf(field(os, "Caption"));
    const arch = architectureOf(field(os, "OSArchitecture"));
    const cores = fromHost("Win32_Processor").reduce((n, p) => n + Number(field(p, "NumberOfCores") ?? 0), 0);
    const memory = Number(field(fromHost("Win32_ComputerSystem")[0], "TotalPhysicalMemory") ?? 0);
    const estimate = (key: string, value: unknown, why: string) => {
      d[key] = value;
      comments.push({ path: at(key), text: `estimate: ${why}; replace with the host's real value` });
    };
    if (osId) d.os = osId;
    else estimate("os", serverOsSupportedBy(String(document.configMgrVersion)), `the OS could not be read (${field(os, "Caption") ?? "no Win32_OperatingSystem answer"})`);
    if (edition) d.edition = edition;
    else estimate("edition", osId?.startsWith("windows-server") === false ? "enterprise" : "standard", "the edition could not be read from the OS caption");
    if (arch) d.architecture = arch;
    else estimate("architecture", "x64", "the architecture could not be read");
    if (cores > 0 && memory > 0) d.hardware = { cores, memoryGB: Math.round((memory / 2 ** 30) * 10) / 10 };
    else estimate("hardware", { cores: 2, memoryGB: 8 }, "cores and memory could not be read over WMI (the figures are Microsoft's recommended minimum)");
    const disks = fromHost("Win32_LogicalDisk")
      .filter((r) => field(r, "DriveType") === "3" && /^[A-Za-z]:?$/.test(field(r, "DeviceID") ?? ""))
      .map((r) => ({ drive: (field(r, "DeviceID") ?? "").slice(0, 1).toUpperCase(), freeGB: Math.floor(Number(field(r, "FreeSpace") ?? 0) / 2 ** 30) }))
      .sort((a, b) => byText(a.drive, b.drive));
    if (disks.length > 0) d.disks = disks;
  }

  return { document, comments };
}

/**
 * A server OS that the version supports as a DP host (the newest in the rules' OS matrix), for an
 * estimate that does not add an error of its own.
 */
function serverOsSupportedBy(label: string): OsId {
  const version = parseVersion(label);
  const servers = (Object.keys(OS_MATRIX) as OsId[]).filter((os) => !OS_MATRIX[os].client && (version === undefined || inRange(version, OS_MATRIX[os].supported)));
  return servers.at(-1) ?? "windows-server-2012-r2";
}

/** The NetBIOS domain: the first label of the site server's DNS domain, UNCONFIRMED as NetBIOS name. */
function domainOf(records: ExportRecords): string | undefined {
  const fromServer = records.rows.find((r) => r.className === "Win32_ComputerSystem" && r.fields.get("Domain"));
  const dns = fromServer?.fields.get("Domain");
  if (dns) return dns.split(".")[0].toUpperCase();
  const m = /^[^.]+\.([^.]+)\./.exec(records.provider.server);
  return m ? m[1].toUpperCase() : undefined;
}
