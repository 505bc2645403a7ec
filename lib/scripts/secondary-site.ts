import { psInt, psQuote } from "./quote";
import { cmVersion, siteServerScript, usesCurrentNames } from "./site-server";
import type { ScriptAction, SecondarySiteInput } from "./types";

/**
 * A secondary site, run on its parent primary's site server (windows-commands §4.8):
 * create installs it with New-CMSecondarySite and waits until setup reports the site active;
 * update only verifies (site code and server are its identity, a change means replacement);
 * delete uninstalls it with Remove-CMSecondarySite -Action Uninstall and waits until it is gone.
 *
 * SMS_Site (Get-CMSite): Type 1 secondary, 2 primary, 4 CAS; Status 1 active, 2 pending,
 * 3 failed, 4 deleted, 5 upgrade, 6 failed to delete or deinstall, 7 failed to upgrade,
 * 8 recovery in progress, 9 failed to recover (memdocs "SMS_Site server WMI class").
 */

/** Setup copies the files and SQL Server Express and installs the site; commonly far longer than a DP (UNCONFIRMED estimate). */
export const DEFAULT_SECONDARY_TIMEOUT_MINUTES = 120;
const POLL_SECONDS = 60;

export function secondarySiteScript(input: SecondarySiteInput, action: ScriptAction): string {
  const version = cmVersion(input.version);
  const current = usesCurrentNames(version);
  const minutes = input.readinessTimeoutMinutes ?? DEFAULT_SECONDARY_TIMEOUT_MINUTES;
  const common = [
    `$secondaryCode = ${psQuote(input.siteCode)}`,
    `$parentCode = ${psQuote(input.parentSiteCode)}`,
    `$secondaryServer = ${psQuote(input.server)}`,
    `$timeoutMinutes = ${psInt(minutes)}`,
    "$changes = @()",
    "function Get-Secondary {",
    "  $rows = @(Get-CMSite -SiteCode $secondaryCode -ErrorAction Stop)",
    "  if ($rows.Count -gt 0) { return $rows[0] }",
    "  return $null",
    "}",
    "# The site under this code must be the declared secondary: never act on another site.",
    "# (SMS_Site.ServerName may hold the NetBIOS name on some versions: UNCONFIRMED, so both are accepted.)",
    "function Assert-Identity($Site) {",
    "  if ([int]$Site.Type -ne 1) { throw ('site ' + $secondaryCode + ' exists but is not a secondary site (SMS_Site type ' + $Site.Type + '); choose another site code') }",
    "  if ([string]$Site.ReportingSiteCode -ne $parentCode) { throw ('secondary site ' + $secondaryCode + ' reports to ' + $Site.ReportingSiteCode + ', not to ' + $parentCode + '; moving a secondary site means uninstalling and reinstalling it') }",
    "  $server = [string]$Site.ServerName",
    "  if ($server -ne $secondaryServer -and $server -ne $secondaryServer.Split('.')[0]) { throw ('secondary site ' + $secondaryCode + ' runs on ' + $server + ', not on ' + $secondaryServer + '; its server cannot change in place') }",
    "}",
    "$setupLog = 'ConfigMgrSetup.log in the root of the system drive of ' + $secondaryServer",
  ];
  const body = action === "create" ? createBody(input, current) : action === "update" ? verifyBody() : deleteBody();
  return siteServerScript(`secondary-site/${action}`, { siteCode: input.parentSiteCode, siteServer: input.parentServer }, [...common, ...body]);
}

/** Poll Get-CMSite until the secondary is active; fail on a failed status or the timeout. */
function waitActiveLines(): string[] {
  return [
    "$deadline = (Get-Date).AddMinutes($timeoutMinutes)",
    "while ($true) {",
    "  $site = Get-Secondary",
    "  if ($site -and [int]$site.Status -eq 1) { break }",
    "  if ($site -and (@(3, 7, 9) -contains [int]$site.Status)) {",
    "    throw ('installing secondary site ' + $secondaryCode + ' on ' + $secondaryServer + ' failed (SMS_Site status ' + $site.Status + '). Read ' + $setupLog + ' and hman.log on ' + $siteServer + '; retry from the console (Retry Secondary Site) or delete and create again')",
    "  }",
    "  if ((Get-Date) -ge $deadline) {",
    "    $state = 'not listed yet'",
    "    if ($site) { $state = 'SMS_Site status ' + $site.Status }",
    "    throw ('secondary site ' + $secondaryCode + ' is not active after ' + $timeoutMinutes + ' minutes (' + $state + '). Read ' + $setupLog + ' (the setup log of the secondary) and hman.log on ' + $siteServer)",
    "  }",
    `  Start-Sleep -Seconds ${psInt(POLL_SECONDS)}`,
    "}",
  ];
}

function createBody(input: SecondarySiteInput, current: boolean): string[] {
  const source = input.installationSource ?? "parent";
  const sql = input.sql ?? "express";
  const sourceLines =
    source === "parent"
      ? ["  $source = New-CMInstallationSourceFile -CopyFromParentSiteServer -ErrorAction Stop"]
      : [
          `  $sourcePath = ${psQuote(source.uncPath)}`,
          // Only a reachability check from here: setup itself reads the share as the parent's computer account.
          "  if (-not (Test-Path -LiteralPath ('FileSystem::' + $sourcePath))) { throw ('installation source ' + $sourcePath + ' is not reachable from ' + $siteServer) }",
          "  $source = New-CMInstallationSourceFile -CopyFromNetworkLocation -UncPath $sourcePath -ErrorAction Stop",
        ];
  const sqlLine =
    sql === "express"
      ? "  $sql = New-CMSqlServerSetting -CopySqlServerExpressOnSecondarySite -ErrorAction Stop"
      : `  $sql = New-CMSqlServerSetting -UseExistingSqlServerInstance -SiteDatabaseName ${psQuote(sql.databaseName)}${
          sql.instanceName !== undefined ? ` -InstanceName ${psQuote(sql.instanceName)}` : ""
        } -ErrorAction Stop`;
  // -SecondarySiteCode/-PrimarySiteCode/-InstallationFolder keep -SiteCode/-ParentSiteCode/-InstallDir
  // as aliases, the names of the older library (2012-era syntax of New-CMSecondarySite UNCONFIRMED).
  const [codeParam, parentParam, folderParam] = current
    ? ["SecondarySiteCode", "PrimarySiteCode", "InstallationFolder"]
    : ["SiteCode", "ParentSiteCode", "InstallDir"];
  const install = [
    `New-CMSecondarySite -${codeParam} $secondaryCode -SiteName ${psQuote(input.name)} -ServerName $secondaryServer -${parentParam} $parentCode`,
    "-InstallationSourceFile $source -SqlServerSetting $sql",
    "-Http -CreateSelfSignedCertificate -CertificateExpirationTimeUtc ([DateTime]::UtcNow.AddYears(2))",
  ];
  if (input.installationFolder !== undefined) install.push(`-${folderParam} ${psQuote(input.installationFolder)}`);
  install.push("-ErrorAction Stop | Out-Null");
  return [
    "$site = Get-Secondary",
    "if ($site) {",
    "  Assert-Identity $site",
    "} else {",
    ...sourceLines,
    sqlLine,
    `  ${install.join(" ")}`,
    "  $changes += 'secondary site installation started'",
    "}",
    ...waitActiveLines(),
    "$status = 'changed'",
    "if ($changes.Count -eq 0) { $status = 'unchanged'; $changes += 'already installed' }",
    "Write-Result $status ($secondaryCode + ' on ' + $secondaryServer + ': ' + (@($changes + 'active') -join '; '))",
    "exit 0",
  ];
}

function verifyBody(): string[] {
  return [
    "$site = Get-Secondary",
    "if (-not $site) { throw ('secondary site ' + $secondaryCode + ' does not exist under ' + $parentCode + '; it was removed outside this stack: refresh and create it again') }",
    "Assert-Identity $site",
    "if ([int]$site.Status -ne 1) { throw ('secondary site ' + $secondaryCode + ' is not active (SMS_Site status ' + $site.Status + '). Read ' + $setupLog + ' and hman.log on ' + $siteServer) }",
    "Write-Result 'unchanged' ($secondaryCode + ' on ' + $secondaryServer + ': verified, active')",
    "exit 0",
  ];
}

function deleteBody(): string[] {
  return [
    "$site = Get-Secondary",
    "if ($site) {",
    "  Assert-Identity $site",
    "  if ([int]$site.Status -ne 4) {",
    "    # Uninstall: removes the site from the database and uninstalls it on its server (-Action Delete would only forget it).",
    "    Remove-CMSecondarySite -SiteCode $secondaryCode -Action Uninstall -Force -ErrorAction Stop",
    "    $changes += 'uninstall started'",
    "  }",
    "  $deadline = (Get-Date).AddMinutes($timeoutMinutes)",
    "  while ($true) {",
    "    $site = Get-Secondary",
    "    if (-not $site -or [int]$site.Status -eq 4) { break }",
    "    if ([int]$site.Status -eq 6) { throw ('uninstalling secondary site ' + $secondaryCode + ' failed (SMS_Site status 6). Read ' + $setupLog + ' and hman.log on ' + $siteServer) }",
    "    if ((Get-Date) -ge $deadline) { throw ('secondary site ' + $secondaryCode + ' is still listed after ' + $timeoutMinutes + ' minutes (SMS_Site status ' + $site.Status + '). Read ' + $setupLog + ' and hman.log on ' + $siteServer) }",
    `    Start-Sleep -Seconds ${psInt(POLL_SECONDS)}`,
    "  }",
    "  $changes += 'removed'",
    "}",
    "$status = 'changed'",
    "if ($changes.Count -eq 0) { $status = 'unchanged'; $changes += 'already removed' }",
    "Write-Result $status ($secondaryCode + ': ' + ($changes -join '; '))",
    "exit 0",
  ];
}
