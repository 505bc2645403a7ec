import type { BoundaryDoc, BoundaryType } from "../topology/schema";
import { atLeast, type Version } from "../topology/version";
import type { PsValue } from "./data";
import { COMMON, composeScript, SITE_SERVER } from "./ps1-files";
import { cmVersion, groupsByServerName, siteData, usesCurrentNames, WILDCARD } from "./site-server";
import type { BoundaryGroupInput, ScriptAction } from "./types";

/**
 * One boundary group on a primary (or CAS) site server (ps1/boundary-group.ps1): the group, its
 * site assignment, exactly the declared boundaries, and the distribution points attached to it. Boundaries are hierarchy-wide
 * and may be shared, so the library names the ones it creates with BOUNDARY_NAME_PREFIX and only
 * ever deletes those, and only when no boundary group uses them any more.
 */

/** DisplayName prefix of the boundaries this library created. */
export const BOUNDARY_NAME_PREFIX = "pulumi-configmgr: ";

/** New-CMBoundary -Type values and SMS_Boundary.BoundaryType numbers (windows-commands §4.5). */
const BOUNDARY_TYPES: Readonly<Record<BoundaryType, { cmdlet: string; number: number }>> = {
  ipSubnet: { cmdlet: "IPSubnet", number: 0 },
  adSite: { cmdlet: "ADSite", number: 1 },
  ipv6Prefix: { cmdlet: "IPV6Prefix", number: 2 },
  ipRange: { cmdlet: "IPRange", number: 3 },
  vpn: { cmdlet: "Vpn", number: 4 },
};

export interface BoundarySpec {
  /** New-CMBoundary -Type. */
  readonly type: string;
  /** SMS_Boundary.BoundaryType. */
  readonly typeNumber: number;
  /** What New-CMBoundary -Value receives (as declared). */
  readonly value: string;
  /** What SMS_Boundary.Value holds once created: the subnet ID for an IP subnet, else the value. */
  readonly stored: string;
}

export function boundarySpec(boundary: BoundaryDoc, version: Version): BoundarySpec {
  const entries = Object.entries(boundary).filter(([, v]) => v !== undefined) as [BoundaryType, string][];
  if (entries.length !== 1) throw new Error(`a boundary has exactly one type key: ${JSON.stringify(boundary)}`);
  const [kind, raw] = entries[0];
  const value = raw.trim();
  const type = BOUNDARY_TYPES[kind];
  if (kind === "vpn" && !atLeast(version, "2010")) {
    throw new Error(`VPN boundaries need ConfigMgr 2010 or later (version ${version.label}): ${JSON.stringify(value)}`);
  }
  // CM stores only the subnet ID of an IP subnet boundary (172.16.50.0/24 → 172.16.50.0).
  // The stored form of IPv6 prefixes and VPN values is UNCONFIRMED; they are compared as declared.
  const stored = kind === "ipSubnet" ? subnetId(value) : value;
  return { type: type.cmdlet, typeNumber: type.number, value, stored };
}

/** The network address of an IPv4 CIDR ("192.168.1.77/24" → "192.168.1.0"). */
export function subnetId(cidr: string): string {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  const octets = m ? m.slice(1, 5).map(Number) : [];
  const bits = m ? Number(m[5]) : -1;
  if (!m || octets.some((o) => o > 255) || bits > 32) throw new Error(`an IP subnet boundary must be an IPv4 CIDR like 192.168.1.0/24: ${JSON.stringify(cidr)}`);
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const network = Math.floor(address / size) * size;
  return [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join(".");
}

/** The data block of the boundary-group script. */
export function boundaryGroupConfig(input: BoundaryGroupInput, action: ScriptAction): Record<string, PsValue> {
  const version = cmVersion(input.version);
  const specs = input.boundaries.map((b) => boundarySpec(b, version));
  const byName = groupsByServerName(version);
  if (!byName && input.siteSystems !== undefined && WILDCARD.test(input.name)) {
    throw new Error(
      `boundary group ${JSON.stringify(input.name)} contains * ? or [, and ConfigMgr ${version.label} attaches distribution points to a group only by its name ` +
        `(Set-CMDistributionPoint -AddBoundaryGroupName), where these may act as wildcards; rename the group without them`,
    );
  }
  return {
    Step: `boundary-group/${action}`,
    Action: action,
    ...siteData({ siteCode: input.siteCode, siteServer: input.siteServer, adoptOnly: input.adoptOnly === true && action !== "delete" }, version),
    GroupName: input.name,
    Prefix: BOUNDARY_NAME_PREFIX,
    Description: input.description ?? null,
    AssignedSite: input.assignedSite ?? null,
    // -DefaultSiteCode $null turns site assignment off from 1610 on.
    CanClearSite: usesCurrentNames(version),
    // New-CMBoundary -Type/-Value/-Name exist from 2012 SP1 on (jj821862; aliases BoundaryType, DisplayName).
    Boundaries: specs.map((s) => ({ Type: s.type, TypeNumber: s.typeNumber, Value: s.value, Stored: s.stored })),
    SiteSystems: input.siteSystems === undefined ? null : input.siteSystems.map((s) => s.toLowerCase()),
    GroupsByServerName: byName,
  };
}

export function boundaryGroupScript(input: BoundaryGroupInput, action: ScriptAction): string {
  return composeScript(boundaryGroupConfig(input, action), [COMMON, SITE_SERVER, "boundary-group.ps1"]);
}
