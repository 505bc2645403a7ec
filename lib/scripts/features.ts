import type { OsId } from "../topology/schema";
import { psArray } from "./quote";

/**
 * How prerequisite features get installed on a DP host (windows-commands.md §1):
 * - client-dism: Windows 7/8/8.1 — dism.exe with every parent named, parents first (PS 2.0-safe).
 * - client-modern: Windows 10/11 — Enable-WindowsOptionalFeature -All.
 * - server-2008r2: Import-Module ServerManager; Add-WindowsFeature (PS 2.0).
 * - server-modern: Server 2012 … 2025 — Install-WindowsFeature.
 */
export type OsFamily = "client-dism" | "client-modern" | "server-2008r2" | "server-modern";

const FAMILIES: Record<OsId, OsFamily | undefined> = {
  "windows-7": "client-dism",
  "windows-8": "client-dism",
  "windows-8.1": "client-dism",
  "windows-10": "client-modern",
  "windows-11": "client-modern",
  "windows-server-2003": undefined,
  "windows-server-2008": undefined,
  "windows-server-2008-r2": "server-2008r2",
  "windows-server-2012": "server-modern",
  "windows-server-2012-r2": "server-modern",
  "windows-server-2016": "server-modern",
  "windows-server-2019": "server-modern",
  "windows-server-2022": "server-modern",
  "windows-server-2025": "server-modern",
};

export function osFamily(os: OsId): OsFamily | undefined {
  return FAMILIES[os];
}

/** The family of `os`, or a clear error for the OS versions this library cannot prepare. */
export function requireOsFamily(os: OsId): OsFamily {
  const family = FAMILIES[os];
  if (family === undefined) {
    throw new Error(
      `cannot prepare a ${os} host: this library has no script for its features or local Administrators group ` +
        `(no PowerShell 2.0 in the box). Prepare the host by hand, then set prepareHost: false on the distribution point ` +
        `and declare hostHas: { features: true, localAdmin: true }.`,
    );
  }
  return family;
}

/** The families whose hosts may run nothing newer than PowerShell 2.0 (Windows 7, Server 2008 R2); Windows 8/8.1 share the dism.exe script. */
export const isPowerShell2Family = (family: OsFamily): boolean => family === "client-dism" || family === "server-2008r2";

/**
 * DISM optional-feature names, parents before children (windows-commands.md §1.2). DISM 6.1 on
 * Windows 7 has no /All (UNCONFIRMED, strongly indicated), so every parent is listed; the names
 * are case-sensitive there.
 */
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
] as const;

/**
 * Server Manager feature IDs (windows-commands.md §1.2). UNCONFIRMED: that 2008 R2 uses the same
 * IDs, and that Server 2025 still has Web-Metabase / Web-WMI (IIS 6 Management Compatibility is
 * deprecated since Server 1709) — so the scripts look every name up and fail clearly if one is missing.
 */
export const SERVER_FEATURES = ["Web-Server", "Web-ISAPI-Ext", "Web-Windows-Auth", "Web-Mgmt-Compat", "Web-Metabase", "Web-WMI", "RDC"] as const;

export function featureNames(family: OsFamily): readonly string[] {
  return family === "client-dism" || family === "client-modern" ? CLIENT_FEATURES : SERVER_FEATURES;
}

const HAND_PREPARE = "prepare the host by hand and set prepareHost: false with hostHas.features: true";

/**
 * PowerShell lines that install whichever prerequisite features are missing. The installed
 * state is read first, so a second run installs nothing. Afterwards `$featuresEnabled` holds the
 * names this run enabled and `$rebootNeeded` says whether Windows wants a restart to finish.
 * Native calls are followed by a $LASTEXITCODE check: 'Stop' does not apply to them.
 */
export function featureInstallLines(family: OsFamily): string[] {
  const want = `$want = ${psArray(featureNames(family))}`;
  switch (family) {
    case "client-dism":
      return [
        want,
        "# Installed state from WMI (locale-independent): InstallState 1 = enabled. Names compare case-sensitively, as DISM 6.1 does.",
        "$all = @(Get-WmiObject -Class Win32_OptionalFeature)",
        "$present = @($all | ForEach-Object { $_.Name })",
        "$enabled = @($all | Where-Object { $_.InstallState -eq 1 } | ForEach-Object { $_.Name })",
        "$unknown = @($want | Where-Object { $present -cnotcontains $_ })",
        "if ($unknown.Count -gt 0) {",
        `  throw ('this Windows edition has no optional feature ' + ($unknown -join ', ') + ' (Windows Authentication needs Professional, Enterprise or Ultimate); ${HAND_PREPARE}')`,
        "}",
        "$missing = @($want | Where-Object { $enabled -cnotcontains $_ })",
        "$featuresEnabled = @()",
        "$rebootNeeded = $false",
        "if ($missing.Count -gt 0) {",
        "  # A 32-bit PowerShell on 64-bit Windows is redirected to the 32-bit dism.exe, which cannot service the running OS.",
        "  $dism = Join-Path $env:windir 'System32\\dism.exe'",
        "  if ([IntPtr]::Size -eq 4 -and (Test-Path (Join-Path $env:windir 'Sysnative'))) { $dism = Join-Path $env:windir 'Sysnative\\dism.exe' }",
        "  if (-not (Test-Path $dism)) { throw ('dism.exe not found at ' + $dism) }",
        "  # Parents first, all in one call; several /FeatureName in one DISM 6.1 call is UNCONFIRMED (common in scripts).",
        "  # /NoRestart: DISM must never reboot the host under us; 3010 = enabled, restart needed.",
        "  $dismArgs = @('/Online', '/Enable-Feature') + @($missing | ForEach-Object { '/FeatureName:' + $_ }) + @('/NoRestart')",
        "  $ErrorActionPreference = 'Continue'",
        "  $dismOut = & $dism $dismArgs 2>&1 | Out-String",
        "  $dismExit = $LASTEXITCODE",
        "  $ErrorActionPreference = 'Stop'",
        "  if ($dismExit -eq 3010) {",
        "    $rebootNeeded = $true",
        "  } elseif ($dismExit -ne 0) {",
        "    Write-Output $dismOut",
        "    throw ('dism.exe /Enable-Feature exited with ' + $dismExit + ' (0x' + ('{0:X8}' -f $dismExit) + ') enabling ' + ($missing -join ', '))",
        "  }",
        "  $featuresEnabled = $missing",
        "}",
      ];
    case "client-modern":
      return [
        want,
        "$missing = @()",
        "$pending = @()",
        "foreach ($name in $want) {",
        "  $feature = Get-WindowsOptionalFeature -Online -FeatureName $name",
        "  if (-not $feature) {",
        `    throw ('this Windows edition has no optional feature ' + $name + ' (Windows Authentication needs Pro, Enterprise or Education); ${HAND_PREPARE}')`,
        "  }",
        "  if ($feature.State -eq 'EnablePending') { $pending += $name } elseif ($feature.State -ne 'Enabled') { $missing += $name }",
        "}",
        "$featuresEnabled = @()",
        "$rebootNeeded = $pending.Count -gt 0",
        "if ($missing.Count -gt 0) {",
        "  $results = @(Enable-WindowsOptionalFeature -Online -FeatureName $missing -All -NoRestart)",
        "  if (@($results | Where-Object { $_.RestartNeeded }).Count -gt 0) { $rebootNeeded = $true }",
        "  $featuresEnabled = $missing",
        "}",
      ];
    case "server-2008r2":
    case "server-modern": {
      const modern = family === "server-modern";
      const install = modern ? "Install-WindowsFeature" : "Add-WindowsFeature";
      return [
        // PowerShell 2.0 has no module autoloading; on 2012+ the module loads itself.
        ...(modern ? [] : ["Import-Module ServerManager"]),
        want,
        modern
          ? "# Web-Metabase/Web-WMI on Server 2025 are UNCONFIRMED (IIS 6 compatibility is deprecated): look every name up first."
          : "# The 2008 R2 feature IDs are assumed equal to 2012+ (UNCONFIRMED per name): look every name up first.",
        "$missing = @()",
        "foreach ($name in $want) {",
        "  $feature = Get-WindowsFeature -Name $name",
        "  if (-not $feature) {",
        `    throw ('Windows feature ' + $name + ' does not exist on this OS (IIS 6 Management Compatibility is deprecated on newer servers); ${HAND_PREPARE}')`,
        "  }",
        "  if (-not $feature.Installed) { $missing += $name }",
        "}",
        "$featuresEnabled = @()",
        "$rebootNeeded = $false",
        "if ($missing.Count -gt 0) {",
        `  $result = ${install} -Name $missing`,
        "  if (-not $result.Success) {",
        `    throw ('${install} did not succeed for ' + ($missing -join ', ') + ' (exit code ' + $result.ExitCode + ')')`,
        "  }",
        "  if ([string]$result.RestartNeeded -eq 'Yes') { $rebootNeeded = $true }",
        "  $featuresEnabled = $missing",
        "}",
      ];
    }
  }
}
