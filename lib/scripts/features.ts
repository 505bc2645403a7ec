import type { OsId } from "../topology/schema";

/**
 * How prerequisite features get installed on a DP host (windows-commands.md §1), one
 * ps1/features-<family>.ps1 each:
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

/** The fix a feature failure names. */
export const HAND_PREPARE = "prepare the host by hand and set prepareHost: false with hostHas.features: true";

/** The .ps1 file whose Install-Prerequisites installs the features of a family. */
export function featuresFile(family: OsFamily): string {
  return `features-${family}.ps1`;
}
