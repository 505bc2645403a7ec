import type { BoundaryDoc, BoundaryType } from "../topology/schema";
import { atLeast, type Version } from "../topology/version";
import { psArray, psInt, psQuote } from "./quote";
import { cmVersion, siteServerScript, usesCurrentNames } from "./site-server";
import type { BoundaryGroupInput, ScriptAction } from "./types";

/**
 * One boundary group on a primary (or CAS) site server: the group, its site assignment, exactly the
 * declared boundaries, and the distribution points attached to it. Boundaries are hierarchy-wide
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

export function boundaryGroupScript(input: BoundaryGroupInput, action: ScriptAction): string {
  const version = cmVersion(input.version);
  const specs = input.boundaries.map((b) => boundarySpec(b, version));
  const current = usesCurrentNames(version);
  const body = action === "delete" ? deleteBody() : applyBody(input, version);
  return siteServerScript(`boundary-group/${action}`, { siteCode: input.siteCode, siteServer: input.siteServer }, [
    `$groupName = ${psQuote(input.name)}`,
    `$prefix = ${psQuote(BOUNDARY_NAME_PREFIX)}`,
    "$changes = @()",
    "$notes = @()",
    "# declared boundaries: New-CMBoundary type and value, SMS_Boundary type number and stored value",
    "$wanted = @(",
    ...specs.map(
      (s) => `  @{ Type = ${psQuote(s.type)}; TypeNumber = ${psInt(s.typeNumber)}; Value = ${psQuote(s.value)}; Stored = ${psQuote(s.stored)} }`,
    ),
    ")",
    ...groupHelpers(current),
    ...body,
  ]);
}

function groupHelpers(current: boolean): string[] {
  // New-CMBoundary's -Name/-Type were -DisplayName/-BoundaryType in the 2012-era library (now aliases).
  const [nameParam, typeParam] = current ? ["Name", "Type"] : ["DisplayName", "BoundaryType"];
  return [
    "function Get-Group {",
    "  $rows = @(Get-SmsObject 'SMS_BoundaryGroup' ('Name = ' + (ConvertTo-WqlString $groupName)))",
    "  if ($rows.Count -gt 0) { return $rows[0] }",
    "  return $null",
    "}",
    "function Find-Boundary($Spec) {",
    "  $rows = @(Get-SmsObject 'SMS_Boundary' ('BoundaryType = ' + [int]$Spec.TypeNumber + ' AND Value = ' + (ConvertTo-WqlString $Spec.Stored)))",
    "  if ($rows.Count -gt 0) { return $rows[0] }",
    "  return $null",
    "}",
    "function New-OwnedBoundary($Spec) {",
    `  New-CMBoundary -${typeParam} $Spec.Type -Value $Spec.Value -${nameParam} ($prefix + $Spec.Value) -ErrorAction Stop | Out-Null`,
    "  $created = Find-Boundary $Spec",
    "  if (-not $created) { throw ('New-CMBoundary returned, but boundary ' + $Spec.Value + ' cannot be read back as ' + $Spec.Stored) }",
    "  return $created",
    "}",
    "# Deletes a boundary only if this library created it and no boundary group uses it; returns what it did.",
    "function Clear-OwnedBoundary([long]$BoundaryId) {",
    "  $rows = @(Get-SmsObject 'SMS_Boundary' ('BoundaryID = ' + $BoundaryId))",
    "  if ($rows.Count -eq 0) { return $null }",
    "  $name = [string]$rows[0].DisplayName",
    "  if (-not $name.StartsWith($prefix)) { return $null }",
    "  if (@(Get-SmsObject 'SMS_BoundaryGroupMembers' ('BoundaryID = ' + $BoundaryId)).Count -gt 0) { return $null }",
    "  Remove-CMBoundary -Id $BoundaryId -Force -ErrorAction Stop",
    "  return ('boundary deleted ' + $rows[0].Value)",
    "}",
    "function Test-DistributionPoint([string]$Server) {",
    "  return (@(Get-SmsObject 'SMS_SystemResourceList' (\"RoleName = 'SMS Distribution Point' AND ServerName = \" + (ConvertTo-WqlString $Server))).Count -gt 0)",
    "}",
  ];
}

// ---------------------------------------------------------------------------------------------
// create / update

function applyBody(input: BoundaryGroupInput, version: Version): string[] {
  const current = usesCurrentNames(version);
  const created = ["New-CMBoundaryGroup -Name $groupName"];
  if (input.description !== undefined) created.push(`-Description ${psQuote(input.description)}`);
  if (input.assignedSite !== undefined) created.push(`-DefaultSiteCode ${psQuote(input.assignedSite)}`);
  created.push("-ErrorAction Stop | Out-Null");

  const groupSettings: string[] = [];
  if (input.assignedSite !== undefined) {
    groupSettings.push(
      `if (Test-Differs ([string]$group.DefaultSiteCode) ${psQuote(input.assignedSite)}) { $groupSet['DefaultSiteCode'] = ${psQuote(input.assignedSite)} }`,
    );
  } else if (current) {
    // -DefaultSiteCode $null turns site assignment off (works from 1610).
    groupSettings.push("if ([string]$group.DefaultSiteCode) { $groupSet['DefaultSiteCode'] = $null }");
  } else {
    groupSettings.push("if ([string]$group.DefaultSiteCode) { $notes += 'site assignment left on: this version cannot clear -DefaultSiteCode' }");
  }
  if (input.description !== undefined) {
    groupSettings.push(
      `if (Test-Differs ([string]$group.Description) ${psQuote(input.description)}) { $groupSet['Description'] = ${psQuote(input.description)} }`,
    );
  }
  // -AddSiteSystemServerName/-RemoveSiteSystemServerName (FQDNs); the plural names are the
  // aliases kept from the older library (their use before 1610 is UNCONFIRMED).
  const [addSystems, removeSystems] = current
    ? ["AddSiteSystemServerName", "RemoveSiteSystemServerName"]
    : ["AddSiteSystemServerNames", "RemoveSiteSystemServerNames"];

  return [
    "# the group and its site assignment",
    "$group = Get-Group",
    "if (-not $group) {",
    `  ${created.join(" ")}`,
    "  $changes += 'boundary group created'",
    "  # New-CMBoundaryGroup returns an unpopulated object: read the group back.",
    "  $group = Get-Group",
    "  if (-not $group) { throw ('New-CMBoundaryGroup returned, but boundary group ' + $groupName + ' cannot be read back') }",
    "} else {",
    "  $groupSet = @{}",
    ...groupSettings.map((l) => `  ${l}`),
    "  if ($groupSet.Count -gt 0) {",
    "    Set-CMBoundaryGroup -Id ([string]$group.GroupID) @groupSet -ErrorAction Stop",
    "    $changes += ('changed ' + (@($groupSet.Keys | Sort-Object) -join ', '))",
    "  }",
    "}",
    "$groupId = [long]$group.GroupID",
    "# boundaries: exactly the declared ones, matched by type number and stored value",
    "$memberIds = @(Get-SmsObject 'SMS_BoundaryGroupMembers' ('GroupID = ' + $groupId) | ForEach-Object { [long]$_.BoundaryID })",
    "$wantedIds = @()",
    "foreach ($spec in $wanted) {",
    "  $boundary = Find-Boundary $spec",
    "  if (-not $boundary) {",
    "    $boundary = New-OwnedBoundary $spec",
    "    $changes += ('boundary created ' + $spec.Value)",
    "  }",
    "  $boundaryId = [long]$boundary.BoundaryID",
    "  $wantedIds += $boundaryId",
    "  if ($memberIds -notcontains $boundaryId) {",
    // By ID: boundary names need not be unique and may hold wildcard characters (IDs before 1610 UNCONFIRMED).
    "    Add-CMBoundaryToGroup -BoundaryGroupId $groupId -BoundaryId $boundaryId -ErrorAction Stop",
    "    $changes += ('boundary added ' + $spec.Value)",
    "  }",
    "}",
    "foreach ($memberId in $memberIds) {",
    "  if ($wantedIds -contains $memberId) { continue }",
    "  Remove-CMBoundaryFromGroup -BoundaryGroupId $groupId -BoundaryId $memberId -Force -ErrorAction Stop",
    "  $changes += ('boundary ' + $memberId + ' removed from the group')",
    "  $deleted = Clear-OwnedBoundary $memberId",
    "  if ($deleted) { $changes += $deleted }",
    "}",
    ...(input.siteSystems === undefined
      ? ["# site systems: not managed here; each distribution point's role step adds it to its groups"]
      : [
          "# site systems: the declared distribution points; other roles (MP, SUP ...) attached by hand stay",
          `$wantedSystems = ${psArray(input.siteSystems.map((s) => s.toLowerCase()))}`,
          "$currentSystems = @(Get-SmsObject 'SMS_BoundaryGroupSiteSystems' ('GroupID = ' + $groupId) | ForEach-Object { (Get-NalServer ([string]$_.ServerNALPath)).ToLower() })",
          "$attach = @()",
          "foreach ($server in $wantedSystems) {",
          "  if ($currentSystems -contains $server) { continue }",
          "  # A DP whose role does not exist yet is attached by its own role step (Set-CMDistributionPoint -AddBoundaryGroupName).",
          "  if (Test-DistributionPoint $server) { $attach += $server } else { $notes += ($server + ' has no distribution point role yet') }",
          "}",
          "$detach = @($currentSystems | Where-Object { $wantedSystems -notcontains $_ } | Where-Object { Test-DistributionPoint $_ })",
          "$systemsSet = @{}",
          `if ($attach.Count -gt 0) { $systemsSet['${addSystems}'] = $attach; $changes += ('site systems attached ' + ($attach -join ', ')) }`,
          `if ($detach.Count -gt 0) { $systemsSet['${removeSystems}'] = $detach; $changes += ('site systems detached ' + ($detach -join ', ')) }`,
          "if ($systemsSet.Count -gt 0) { Set-CMBoundaryGroup -Id ([string]$groupId) @systemsSet -ErrorAction Stop }",
        ]),
    "$status = 'changed'",
    "if ($changes.Count -eq 0) { $status = 'unchanged'; $changes += 'no change' }",
    "Write-Result $status ($groupName + ': ' + (@($changes + $notes) -join '; '))",
    "exit 0",
  ];
}

// ---------------------------------------------------------------------------------------------
// delete

function deleteBody(): string[] {
  return [
    "# boundaries to consider afterwards: the group's members and the declared ones (a re-run after a partial delete)",
    "$candidates = @()",
    "foreach ($spec in $wanted) {",
    "  $boundary = Find-Boundary $spec",
    "  if ($boundary) { $candidates += [long]$boundary.BoundaryID }",
    "}",
    "$group = Get-Group",
    "if ($group) {",
    "  $candidates += @(Get-SmsObject 'SMS_BoundaryGroupMembers' ('GroupID = ' + [long]$group.GroupID) | ForEach-Object { [long]$_.BoundaryID })",
    "  Remove-CMBoundaryGroup -Id ([string]$group.GroupID) -Force -ErrorAction Stop",
    "  $changes += 'boundary group removed'",
    "}",
    "foreach ($candidate in @($candidates | Sort-Object -Unique)) {",
    "  $deleted = Clear-OwnedBoundary $candidate",
    "  if ($deleted) { $changes += $deleted }",
    "}",
    "$status = 'changed'",
    "if ($changes.Count -eq 0) { $status = 'unchanged'; $changes += 'already removed' }",
    "Write-Result $status ($groupName + ': ' + (@($changes + $notes) -join '; '))",
    "exit 0",
  ];
}
