import type { DistributionPointDoc } from "../topology/schema";
import { atLeast, type Version } from "../topology/version";
import { psArray, psBool, psInt, psQuote } from "./quote";
import { newCmScheduleCall } from "./schedule";
import { cmVersion, indent, siteServerScript, usesCurrentNames } from "./site-server";
import type { DpRoleInput, ScriptAction } from "./types";

/**
 * The distribution point role, run on the site server: site system server, DP role, settings,
 * boundary groups and the wait until the DP is really installed; delete takes it away in the
 * documented order (remove role → wait for DistMgr's uninstall → remove the site system).
 *
 * Settings follow the ConfigMgrCBDsc pattern (windows-commands §4.4): Add-CMDistributionPoint only
 * with install-time values as switches, then one Set-CMDistributionPoint with [Boolean] values for
 * everything else. Set receives only what differs from what the provider reports; settings the
 * provider does not report back are re-applied on every run and listed as such in the result line.
 */

export const DEFAULT_READINESS_TIMEOUT_MINUTES = 30;
const POLL_SECONDS = 30;

/** DistMgr: "Successfully completed the installation or upgrade of the distribution point" (windows-commands §5.1). */
const DP_INSTALLED_STATUS_MESSAGE = 2399;

/** Add-/Set-CMDistributionPoint parameters whose names changed after the 2012 era (see CURRENT_NAMES_FROM). */
interface DpParameterNames {
  readonly enablePxe: string;
  readonly allowPxeResponse: string;
  readonly pxePassword: string;
  readonly pxeDelay: string;
  readonly enableContentValidation: string;
  readonly contentValidationSchedule: string;
  readonly sourceDps: string;
  readonly sourceRanks: string;
}

const CURRENT_NAMES: DpParameterNames = {
  enablePxe: "EnablePxe",
  allowPxeResponse: "AllowPxeResponse",
  pxePassword: "PxePassword",
  pxeDelay: "PxeServerResponseDelaySec",
  enableContentValidation: "EnableContentValidation",
  contentValidationSchedule: "ContentValidationSchedule",
  sourceDps: "SourceDistributionPoint",
  sourceRanks: "SourceDPRank",
};

/** The System Center 2012 R2 names (jj821872, dn151097); today they are aliases of the names above. */
const LEGACY_NAMES: DpParameterNames = {
  enablePxe: "EnablePxeSupport",
  allowPxeResponse: "AllowRespondIncomingPxeRequest",
  pxePassword: "ComputersUsePxePassword",
  pxeDelay: "PxeServerResponseDelaySeconds",
  enableContentValidation: "EnableValidateContent",
  contentValidationSchedule: "ValidateContentSchedule",
  sourceDps: "SourceDistributionPoints",
  sourceRanks: "SourceDPRanks",
};

const CONNECTION_TYPES: Readonly<Record<DistributionPointDoc["clientConnectionType"], string>> = {
  intranet: "Intranet",
  internet: "Internet",
  internetAndIntranet: "InternetAndIntranet",
};

/** Index of UdaSetting in SMS_DistributionPointInfo (ConfigMgrCBDsc maps 0/1/2 to these names). */
const UDA: Readonly<Record<NonNullable<DistributionPointDoc["pxe"]>["userDeviceAffinity"], { name: string; index: number }>> = {
  doNotUse: { name: "DoNotUse", index: 0 },
  allowWithManualApproval: { name: "AllowWithManualApproval", index: 1 },
  allowWithAutomaticApproval: { name: "AllowWithAutomaticApproval", index: 2 },
};

export function dpRoleScript(input: DpRoleInput, action: ScriptAction): string {
  const version = cmVersion(input.version);
  const body = action === "delete" ? deleteBody(input) : applyBody(input, version);
  const site = { siteCode: input.siteCode, siteServer: input.siteServer, providerSiteCode: input.providerSiteCode };
  return siteServerScript(`dp-role/${action}`, site, [
    `$dp = ${psQuote(input.dp.server)}`,
    "$changes = @()",
    "$notes = @()",
    ...dpHelpers(),
    ...body,
  ]);
}

/** DP-specific helpers: the provider's info row and the DP's boundary groups. */
function dpHelpers(): string[] {
  return [
    // The SMS_DistributionPointInfo row (what Get-CMDistributionPointInfo returns) appears once HMAN
    // has processed the new DP (windows-commands §5.2). Read through WMI: every version has the
    // class, also those whose cmdlet library has no Get-CMDistributionPointInfo, and "no row" is
    // simply no result.
    "function Get-DpInfo {",
    "  $rows = @(Get-SmsObject 'SMS_DistributionPointInfo' ('ServerName = ' + (ConvertTo-WqlString $dp) + ' AND SiteCode = ' + (ConvertTo-WqlString $siteCode)))",
    "  if ($rows.Count -gt 0) { return $rows[0] }",
    "  return $null",
    "}",
    "function Test-DpShare {",
    "  # On the CM drive a UNC path needs the FileSystem provider prefix.",
    "  return (Test-Path -LiteralPath ('FileSystem::\\\\' + $dp + '\\SMS_DP$'))",
    "}",
  ];
}

// ---------------------------------------------------------------------------------------------
// create / update

function applyBody(input: DpRoleInput, version: Version): string[] {
  const names = usesCurrentNames(version) ? CURRENT_NAMES : LEGACY_NAMES;
  return [
    ...siteSystemLines(input, version),
    ...roleLines(input, version, names),
    ...settingLines(input, version, names),
    ...readinessLines(input),
    "$status = 'changed'",
    "if ($changes.Count -eq 0) { $status = 'unchanged'; $changes += 'no change' }",
    "Write-Result $status ($dp + ': ' + (@($changes + $notes + 'installed and ready') -join '; '))",
    "exit 0",
  ];
}

/** (a) The site system server, with the installation account and the proxy. */
function siteSystemLines(input: DpRoleInput, version: Version): string[] {
  const proxy = input.dp.proxy;
  const newParams = [
    // New-CMSiteSystemServer took -ServerName in the 2012-era library (now an alias; UNCONFIRMED for 2012 SP1).
    usesCurrentNames(version) ? "-SiteSystemServerName $dp" : "-ServerName $dp",
    "-SiteCode $siteCode",
  ];
  if (input.installationAccount !== undefined) newParams.push(`-AccountName ${psQuote(input.installationAccount)}`);
  // Before 1610 there is no -UseSiteServerAccount; leaving out -AccountName means the site server's computer account.
  else if (usesCurrentNames(version)) newParams.push("-UseSiteServerAccount");
  if (proxy) newParams.push(`-EnableProxy $true -ProxyServerName ${psQuote(proxy.server)} -ProxyServerPort ${psInt(proxy.port)}`);

  const proxyCheck = proxy
    ? [
        "if ((Test-Differs (Get-EmbeddedValue $system 'UseProxy' 'Value') $true) -or",
        `    (Test-Differs (Get-EmbeddedValue $system 'ProxyName' 'Value2') ${psQuote(proxy.server)}) -or`,
        `    (Test-Differs (Get-EmbeddedValue $system 'ProxyServerPort' 'Value') ${psInt(proxy.port)})) {`,
        `  Set-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -EnableProxy $true -ProxyServerName ${psQuote(proxy.server)} -ProxyServerPort ${psInt(proxy.port)} -ErrorAction Stop`,
        "  $changes += 'site system proxy set'",
        "}",
      ]
    : [
        "if ([bool](Get-EmbeddedValue $system 'UseProxy' 'Value')) {",
        "  Set-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -EnableProxy $false -ErrorAction Stop",
        "  $changes += 'site system proxy removed'",
        "}",
      ];
  return [
    "# (a) site system server",
    "$system = Get-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop",
    "if (-not $system) {",
    `  New-CMSiteSystemServer ${newParams.join(" ")} -ErrorAction Stop | Out-Null`,
    "  $changes += 'site system server created'",
    "} else {",
    "  # The installation account of an existing site system is left as it is.",
    ...indent(proxyCheck),
    "}",
  ];
}

/** (b) The DP role with its install-time settings, as switches. */
function roleLines(input: DpRoleInput, version: Version, names: DpParameterNames): string[] {
  const dp = input.dp;
  const current = usesCurrentNames(version);
  const storage = dp.storage ?? {};
  // The cmdlet's default reserve rose from 50 MB to 500 MB in 2107; 2012-era Add requires the value.
  const minFree = storage.minimumFreeSpaceMB ?? (atLeast(version, "2107") ? 500 : 50);
  const add = [
    "Add-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode",
    "-CertificateExpirationTimeUtc ([DateTime]::UtcNow.AddYears(2))",
    `-MinimumFreeSpaceMB ${psInt(minFree)}`,
  ];
  const drives: [string, string | undefined][] = [
    ["PrimaryContentLibraryLocation", storage.primaryContentLibrary],
    ["SecondaryContentLibraryLocation", storage.secondaryContentLibrary],
    ["PrimaryPackageShareLocation", storage.primaryPackageShare],
    ["SecondaryPackageShareLocation", storage.secondaryPackageShare],
  ];
  for (const [param, value] of drives) if (value !== undefined) add.push(`-${param} ${psQuote(driveType(value))}`);
  // Accepted by every version, but ConfigMgr acts on it only from 1702 (CMPS 1702 release notes).
  if (dp.installIIS) add.push("-InstallInternetServer");
  add.push(`-ClientConnectionType ${CONNECTION_TYPES[dp.clientConnectionType]}`);
  // -EnableSsl and -Description are not in the 2012 R2 Add-CMDistributionPoint; HTTPS is set below
  // with -ClientCommunicationType there, and the description cannot be set (first release UNCONFIRMED).
  if (current && dp.clientConnection === "https") add.push("-EnableSsl");
  if (dp.pull) {
    const sources = dp.pull.sources;
    if (sources.length === 0) throw new Error(`pull distribution point ${dp.server} lists no source`);
    add.push(
      "-EnablePullDP",
      `-${names.sourceDps} ${psArray(sources.map((s) => s.server))}`,
      `-${names.sourceRanks} @(${sources.map((s) => psInt(s.rank)).join(", ")})`,
    );
  }
  if (current && dp.description !== undefined) add.push(`-Description ${psQuote(dp.description)}`);
  add.push("-ErrorAction Stop | Out-Null");
  return [
    "# (b) distribution point role; install-time settings only (a later change means replacement)",
    "$dpRole = Get-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop",
    "$roleAdded = $false",
    "$statusBaseline = $null",
    "if (-not $dpRole) {",
    // Success is DistMgr's message 2399 for this DP; only messages newer than the ones already there count.
    "  try {",
    "    $statusBaseline = [long]0",
    `    foreach ($message in @(Get-SmsObject 'SMS_StatusMessage' "MessageID = ${psInt(DP_INSTALLED_STATUS_MESSAGE)} AND Component = 'SMS_DISTRIBUTION_MANAGER'")) {`,
    "      if ([long]$message.RecordID -gt $statusBaseline) { $statusBaseline = [long]$message.RecordID }",
    "    }",
    "  } catch {",
    "    $statusBaseline = $null",
    "  }",
    `  ${add.join(" ")}`,
    "  $roleAdded = $true",
    "  $changes += 'distribution point role added'",
    "  $dpRole = Get-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop",
    "  if (-not $dpRole) { throw ('Add-CMDistributionPoint returned, but the site has no distribution point role for ' + $dp) }",
    "}",
  ];
}

function driveType(value: string): string {
  if (/^automatic$/i.test(value)) return "Automatic";
  if (/^[A-Za-z]$/.test(value)) return value.toUpperCase();
  throw new Error(`a distribution point drive must be a letter A-Z or "automatic": ${JSON.stringify(value)}`);
}

/** (c)–(e) One Set-CMDistributionPoint with what differs, plus the settings that cannot be read back. */
function settingLines(input: DpRoleInput, version: Version, names: DpParameterNames): string[] {
  const dp = input.dp;
  const current = usesCurrentNames(version);
  const lines: string[] = [
    "# (c) settings; (e) only what differs from what the provider reports",
    "$info = Get-DpInfo",
    "$set = @{}",
    "$changed = New-Object System.Collections.ArrayList",
    "function Set-IfDiffers([string]$Name, $Current, $Desired, $Value) {",
    "  if (Test-Differs $Current $Desired) { $set[$Name] = $Value; [void]$changed.Add($Name) }",
    "}",
    "function Set-Off([string]$Name, $Current) {",
    "  if ([bool]$Current) { $set[$Name] = $false; [void]$changed.Add($Name) }",
    "}",
    // Right after Add the info row may not exist yet: every compared value is then unknown and applied.
  ];
  const ifDiffers = (param: string, current: string, desired: string, value = desired) =>
    lines.push(`Set-IfDiffers '${param}' ${current} ${desired} ${value}`);
  const info = (prop: string) => `(Get-OptionalProperty $info '${prop}')`;
  const always = (param: string, value: string) => lines.push(`$set['${param}'] = ${value}`);

  if (dp.description !== undefined) {
    if (current) ifDiffers("Description", info("Description"), psQuote(dp.description));
    else lines.push(`$notes += 'description not applied: this version''s cmdlets have no -Description'`);
  }
  const https = dp.clientConnection === "https";
  ifDiffers("ClientCommunicationType", info("Communication"), psInt(https ? 1 : 0), psQuote(https ? "Https" : "Http"));
  lines.push("# Not reported back by the provider, so re-applied on every run:");
  always("ClientConnectionType", psQuote(CONNECTION_TYPES[dp.clientConnectionType]));

  // Pull DP: IsPullDP from the info row, the sources and ranks from the site control item.
  if (dp.pull) {
    const wanted = dp.pull.sources.map((s) => psQuote(`${s.server.toLowerCase()}|${psInt(s.rank)}`));
    lines.push(
      ...pullSourceHelper(),
      `Set-IfDiffers 'EnablePullDP' ${info("IsPullDP")} $true $true`,
      `$wantedSources = @(@(${wanted.join(", ")}) | Sort-Object)`,
      "if ((@(Get-PullSourceKeys $dpRole) -join ';') -ne ($wantedSources -join ';')) {",
      `  $set['${names.sourceDps}'] = ${psArray(dp.pull.sources.map((s) => s.server))}`,
      `  $set['${names.sourceRanks}'] = @(${dp.pull.sources.map((s) => psInt(s.rank)).join(", ")})`,
      `  [void]$changed.Add('${names.sourceDps}')`,
      "}",
    );
  } else {
    lines.push(`Set-Off 'EnablePullDP' ${info("IsPullDP")}`);
  }

  const pxe = dp.pxe;
  if (pxe && pxe.enabled) {
    ifDiffers(names.enablePxe, info("IsPXE"), "$true");
    if (atLeast(version, "1806")) ifDiffers("EnableNonWdsPxe", info("SccmPxe"), psBool(pxe.responderWithoutWds));
    else if (pxe.responderWithoutWds) {
      throw new Error(`distribution point ${dp.server}: the PXE responder without WDS needs ConfigMgr 1806 or later (version ${version.label})`);
    }
    ifDiffers(names.allowPxeResponse, info("IsActive"), psBool(pxe.allowResponse));
    ifDiffers("EnableUnknownComputerSupport", info("SupportUnknownMachines"), psBool(pxe.unknownComputers));
    ifDiffers(names.pxeDelay, info("ResponseDelay"), psInt(pxe.responseDelaySeconds));
    const uda = UDA[pxe.userDeviceAffinity];
    ifDiffers("UserDeviceAffinity", info("UdaSetting"), psInt(uda.index), psQuote(uda.name));
    if (pxe.passwordSecret !== undefined) {
      if (input.pxePassword === undefined) {
        throw new Error(`distribution point ${dp.server}: PXE password secret ${JSON.stringify(pxe.passwordSecret)} has no value`);
      }
      // The only place the secret enters a script; the whole script travels on stdin as a secret.
      // A password cannot be read back, so it is set on every run.
      always(names.pxePassword, `(ConvertTo-SecureString -String ${psQuote(input.pxePassword)} -AsPlainText -Force)`);
    }
  } else {
    lines.push(`Set-Off '${names.enablePxe}' ${info("IsPXE")}`);
  }

  const multicast = dp.multicast;
  if (multicast && multicast.enabled) {
    ifDiffers("EnableMulticast", info("IsMulticast"), "$true");
    if (multicast.addressRange) {
      always("StartIPAddress", psQuote(multicast.addressRange.start));
      always("EndIPAddress", psQuote(multicast.addressRange.end));
    }
    if (multicast.udpPorts) {
      always("StartUdpPort", psInt(multicast.udpPorts.start));
      always("EndUdpPort", psInt(multicast.udpPorts.end));
    }
    if (multicast.maxClients !== undefined) always("MulticastMaximumClientCount", psInt(multicast.maxClients));
  } else {
    lines.push(`Set-Off 'EnableMulticast' ${info("IsMulticast")}`);
  }

  // Content validation: DPMonEnabled is readable on the site control item; the schedule token is
  // not comparable (its start date is the day it was written) and the priority's stored numbers
  // are UNCONFIRMED, so a declared schedule and priority are re-applied on every run.
  const validation = dp.contentValidation;
  const monitoring = "(Get-EmbeddedValue $dpRole 'DPMonEnabled' 'Value')";
  if (validation) {
    ifDiffers(names.enableContentValidation, monitoring, "$true");
    always(names.contentValidationSchedule, `(${newCmScheduleCall(validation.schedule)})`);
    always("ContentMonitoringPriority", psQuote(capitalize(validation.priority)));
  } else {
    lines.push(`Set-Off '${names.enableContentValidation}' ${monitoring}`);
  }

  lines.push(...boundaryGroupLines(input.boundaryGroups));
  lines.push(
    "if ($set.Count -gt 0) {",
    "  Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode @set -ErrorAction Stop",
    "}",
    "if ($changed.Count -gt 0) { $changes += ('changed ' + (@($changed) -join ', ')) }",
    "$reapplied = @($set.Keys | Where-Object { $changed -notcontains $_ } | Sort-Object)",
    "if ($reapplied.Count -gt 0) { $notes += ('re-applied (not readable back) ' + ($reapplied -join ', ')) }",
  );
  return lines;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "server|rank" keys of the pull sources recorded on the DP's site control item (ConfigMgrCBDsc reads the same lists). */
function pullSourceHelper(): string[] {
  return [
    "function Get-PullSourceKeys($Role) {",
    "  $servers = @()",
    "  $ranks = @()",
    "  foreach ($list in @(Get-OptionalProperty $Role 'PropLists')) {",
    "    if ($null -eq $list) { continue }",
    "    if ($list.PropertyListName -eq 'SourceDistributionPoints') { $servers = @($list.Values) }",
    "    if ($list.PropertyListName -eq 'SourceDPRanks') { $ranks = @($list.Values) }",
    "  }",
    "  $keys = @()",
    "  for ($i = 0; $i -lt $servers.Count; $i++) {",
    "    $rank = ''",
    "    if ($i -lt $ranks.Count) { $rank = [string]$ranks[$i] }",
    "    $keys += ((Get-NalServer ([string]$servers[$i])).ToLower() + '|' + $rank)",
    "  }",
    "  $keys | Sort-Object",
    "}",
  ];
}

/** (d) Exactly the declared boundary groups, read from SMS_BoundaryGroupSiteSystems. */
function boundaryGroupLines(groups: readonly string[]): string[] {
  return [
    "# (d) boundary groups: exactly the declared ones (Add-CMDistributionPoint has no -BoundaryGroupName)",
    `$wantedGroups = ${psArray(groups)}`,
    "$currentGroups = @()",
    "foreach ($link in @(Get-SmsObject 'SMS_BoundaryGroupSiteSystems' ('SiteCode = ' + (ConvertTo-WqlString $siteCode)))) {",
    "  if ((Get-NalServer ([string]$link.ServerNALPath)) -ne $dp) { continue }",
    "  foreach ($group in @(Get-SmsObject 'SMS_BoundaryGroup' ('GroupID = ' + [long]$link.GroupID))) { $currentGroups += [string]$group.Name }",
    "}",
    "$addGroups = @($wantedGroups | Where-Object { $currentGroups -notcontains $_ })",
    "$removeGroups = @($currentGroups | Where-Object { $wantedGroups -notcontains $_ })",
    "if ($addGroups.Count -gt 0) { $set['AddBoundaryGroupName'] = $addGroups; [void]$changed.Add('AddBoundaryGroupName') }",
    "if ($removeGroups.Count -gt 0) { $set['RemoveBoundaryGroupName'] = $removeGroups; [void]$changed.Add('RemoveBoundaryGroupName') }",
  ];
}

/** (f) Wait until the DP is really installed: info row, SMS_DP$ share, and (for a new role) message 2399. */
function readinessLines(input: DpRoleInput): string[] {
  const minutes = input.readinessTimeoutMinutes ?? DEFAULT_READINESS_TIMEOUT_MINUTES;
  return [
    "# (f) readiness: Add-CMDistributionPoint only writes the site control file; DistMgr installs later",
    `$timeoutMinutes = ${psInt(minutes)}`,
    "$deadline = (Get-Date).AddMinutes($timeoutMinutes)",
    "$statusQueryable = $true",
    "while ($true) {",
    "  $rowOk = [bool](Get-DpInfo)",
    "  $shareOk = Test-DpShare",
    "  $statusOk = $true",
    "  if ($roleAdded) {",
    "    $statusOk = $false",
    "    if ($null -eq $statusBaseline) {",
    "      $statusQueryable = $false",
    "    } else {",
    "      try {",
    `        foreach ($message in @(Get-SmsObject 'SMS_StatusMessage' ("MessageID = ${psInt(DP_INSTALLED_STATUS_MESSAGE)} AND Component = 'SMS_DISTRIBUTION_MANAGER' AND RecordID > " + $statusBaseline))) {`,
    "          foreach ($insert in @(Get-SmsObject 'SMS_StatMsgInsStrings' ('RecordID = ' + [long]$message.RecordID))) {",
    "            $text = [string]$insert.InsStrValue",
    "            if ($text -eq $dp -or (Get-NalServer $text) -eq $dp) { $statusOk = $true }",
    "          }",
    "        }",
    "      } catch {",
    "        $statusQueryable = $false",
    "      }",
    "    }",
    "    if (-not $statusQueryable) { $statusOk = $true }",
    "  }",
    "  if ($rowOk -and $shareOk -and $statusOk) { break }",
    "  if ((Get-Date) -ge $deadline) {",
    "    throw ('distribution point ' + $dp + ' is not installed after ' + $timeoutMinutes + ' minutes (provider row: ' + $rowOk + ', SMS_DP$ share reachable: ' + $shareOk + ', DistMgr message 2399: ' + $statusOk + '). ' +",
    "      'Read distmgr.log on ' + $siteServer + ' and smsdpprov.log on the DP (<drive>\\SMS_DP$\\sms\\logs, \\\\' + $dp + '\\SMS_DP$\\sms\\logs); ' +",
    "      'if only the share check fails, the account running this script may have no network credentials (key-based SSH logon).')",
    "  }",
    `  Start-Sleep -Seconds ${psInt(POLL_SECONDS)}`,
    "}",
    "if ($roleAdded -and -not $statusQueryable) { $notes += 'DistMgr status messages not queryable; readiness judged by the provider row and the SMS_DP$ share' }",
  ];
}

// ---------------------------------------------------------------------------------------------
// delete

function deleteBody(input: DpRoleInput): string[] {
  const minutes = input.readinessTimeoutMinutes ?? DEFAULT_READINESS_TIMEOUT_MINUTES;
  return [
    "# 1. remove the role",
    "$dpRole = Get-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop",
    "if ($dpRole) {",
    "  Remove-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode -Force -ErrorAction Stop",
    "  $changes += 'distribution point role removed'",
    "}",
    "# 2. wait until DistMgr has uninstalled it (one DP at a time; a large content library takes long)",
    `$timeoutMinutes = ${psInt(minutes)}`,
    "$deadline = (Get-Date).AddMinutes($timeoutMinutes)",
    "while ($true) {",
    "  $rowGone = -not (Get-DpInfo)",
    "  $shareGone = -not (Test-DpShare)",
    "  if ($rowGone -and $shareGone) { break }",
    "  if ((Get-Date) -ge $deadline) {",
    "    throw ('distribution point ' + $dp + ' is not uninstalled after ' + $timeoutMinutes + ' minutes (provider row gone: ' + $rowGone + ', SMS_DP$ share gone: ' + $shareGone + '). ' +",
    "      'Read distmgr.log on ' + $siteServer + ' (\"Uninstalling distribution point files\", \"Removed share SMS_DP$\"); the site server account must still be a local admin on the DP.')",
    "  }",
    `  Start-Sleep -Seconds ${psInt(POLL_SECONDS)}`,
    "}",
    "# 3. remove the site system server, unless another role still uses it",
    "$system = Get-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop",
    "if ($system) {",
    "  $baseRoles = @('SMS Site System', 'SMS Component Server')",
    "  $otherRoles = @(Get-CMSiteRole -SiteSystemServerName $dp -SiteCode $siteCode -ErrorAction Stop | Where-Object { $baseRoles -notcontains [string]$_.RoleName } | ForEach-Object { [string]$_.RoleName })",
    "  if ($otherRoles.Count -eq 0) {",
    "    Remove-CMSiteSystemServer -SiteSystemServerName $dp -SiteCode $siteCode -Force -ErrorAction Stop",
    "    $changes += 'site system server removed'",
    "  } else {",
    "    $notes += ('site system server kept: other roles remain (' + ($otherRoles -join ', ') + ')')",
    "  }",
    "}",
    "$status = 'changed'",
    "if ($changes.Count -eq 0) { $status = 'unchanged'; $changes += 'already removed' }",
    "Write-Result $status ($dp + ': ' + (@($changes + $notes) -join '; '))",
    "exit 0",
  ];
}
