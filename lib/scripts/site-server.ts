import { atLeast, parseVersion, type Version } from "../topology/version";
import { psInt, psQuote } from "./quote";
import { wrapScript } from "./wrapper";

/**
 * The common frame of every script that runs on a site server (Windows PowerShell 5.1 with the
 * ConfigMgr console installed): load the ConfigurationManager module without prompts, connect the
 * CMSite drive, change to it, and define small helpers the scripts share. Reads that must be exact
 * (names with wildcard characters, objects of every version) go to the SMS Provider's WMI classes;
 * every change goes through a ConfigMgr cmdlet with -ErrorAction Stop.
 */

/** The version of a script input; an unknown label is a bug upstream (the VERSION rule rejects it). */
export function cmVersion(label: string): Version {
  const version = parseVersion(label);
  if (!version) throw new Error(`unknown configMgrVersion for a site-server script: ${JSON.stringify(label)}`);
  return version;
}

/**
 * The 2012-era cmdlet library used the names that today survive only as aliases (EnablePxeSupport,
 * ComputersUsePxePassword, SourceDistributionPoints, …; System Center 2012 R2 reference jj821872,
 * dn151097). The current names appear in the reference that starts with 1610 (the first cmdlet
 * library shipped with the product). The exact release that renamed them is UNCONFIRMED, so every
 * release before 1610 gets the old names (still accepted later as aliases) and 1610 on the new ones.
 * The 2012 SP1 module is assumed to match the 2012 R2 reference (UNCONFIRMED).
 */
export const CURRENT_NAMES_FROM = "1610";

export const usesCurrentNames = (version: Version): boolean => atLeast(version, CURRENT_NAMES_FROM);

export interface SiteConnection {
  readonly siteCode: string;
  /** FQDN of the site server / SMS Provider the drive connects to. */
  readonly siteServer: string;
  /**
   * The site of that SMS Provider when it is not `siteCode`: a secondary site has no SMS Provider
   * (memdocs "Plan for the SMS Provider": secondary sites don't support the role), so the objects
   * of a secondary (its DPs) are managed through its parent primary's, with
   * `-SiteCode <secondary>` on the cmdlets. The drive and the WMI namespace use this code.
   */
  readonly providerSiteCode?: string;
}

/** Attempts to connect the CMSite drive (the provider can be busy right after a service restart). */
const DRIVE_ATTEMPTS = 5;
const DRIVE_RETRY_SECONDS = 10;

/** Loads the module, connects the site drive and changes to it. Defines $siteCode, $providerSiteCode and $siteServer. */
export function siteServerPreamble(site: SiteConnection): string[] {
  return [
    `$siteCode = ${psQuote(site.siteCode)}`,
    `$siteServer = ${psQuote(site.siteServer)}`,
    `$providerSiteCode = ${psQuote(site.providerSiteCode ?? site.siteCode)}`,
    "$ProgressPreference = 'SilentlyContinue'",
    // 1610+ Get-CM* cmdlets warn when -Fast is not used; the warning would land in stdout.
    "$global:CMPSSuppressFastNotUsedCheck = $true",
    "if (-not (Get-Module -Name ConfigurationManager)) {",
    "  $cmModule = $null",
    "  if ($env:SMS_ADMIN_UI_PATH) {",
    "    # SMS_ADMIN_UI_PATH is ...\\AdminConsole\\bin\\i386; the module sits in its parent.",
    "    $candidate = Join-Path -Path (Split-Path -Path $env:SMS_ADMIN_UI_PATH -Parent) -ChildPath 'ConfigurationManager.psd1'",
    "    if (Test-Path -LiteralPath $candidate) { $cmModule = $candidate }",
    "  }",
    "  if (-not $cmModule) {",
    "    # The console records its folder in the 32-bit registry view.",
    "    $hklm = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry32)",
    "    $setupKey = $hklm.OpenSubKey('SOFTWARE\\Microsoft\\ConfigMgr10\\Setup')",
    "    if ($setupKey) {",
    "      $uiDir = $setupKey.GetValue('UI Installation Directory')",
    "      $setupKey.Close()",
    "      if ($uiDir) {",
    "        $candidate = Join-Path -Path ([string]$uiDir) -ChildPath 'bin\\ConfigurationManager.psd1'",
    "        if (Test-Path -LiteralPath $candidate) { $cmModule = $candidate }",
    "      }",
    "    }",
    "    $hklm.Close()",
    "  }",
    "  if ($cmModule) {",
    "    Import-Module -Name $cmModule -ErrorAction Stop",
    "  } else {",
    "    # From 2111 the console puts its folder on PSModulePath.",
    "    Import-Module -Name ConfigurationManager -ErrorAction Stop",
    "  }",
    "}",
    "$siteDrive = Get-PSDrive -Name $providerSiteCode -PSProvider CMSite -ErrorAction SilentlyContinue",
    "$attempt = 0",
    "while (-not $siteDrive) {",
    "  $attempt++",
    "  try {",
    "    $siteDrive = New-PSDrive -Name $providerSiteCode -PSProvider CMSite -Root $siteServer -ErrorAction Stop",
    "  } catch {",
    `    if ($attempt -ge ${psInt(DRIVE_ATTEMPTS)}) { throw ('cannot connect to the SMS Provider on ' + $siteServer + ' for site ' + $providerSiteCode + ': ' + $_.Exception.Message) }`,
    `    Start-Sleep -Seconds ${psInt(DRIVE_RETRY_SECONDS)}`,
    "  }",
    "}",
    "Set-Location -Path ($providerSiteCode + ':')",
  ];
}

/**
 * Helpers shared by the site-server scripts (they read $providerSiteCode and $siteServer):
 * - Get-SmsObject: instances of an SMS Provider class (WMI), with an optional WQL filter;
 * - ConvertTo-WqlString: a quoted WQL literal (backslash and quote escaped) for a runtime value;
 * - Get-OptionalProperty: a property that older versions may not have ($null then; StrictMode-safe);
 * - Get-EmbeddedValue: Value/Value1/Value2 of a site control item's embedded property (.Props);
 * - Get-NalServer: the server name inside a NAL path (["Display=\\dp\"]MSWNET:[…]\\dp\);
 * - Test-Differs: whether a value read back differs from the wanted one ($null = unknown = differs).
 */
export const SMS_HELPERS: readonly string[] = [
  "function Get-SmsObject([string]$Class, [string]$Filter) {",
  "  $query = @{ ComputerName = $siteServer; Namespace = ('root\\SMS\\site_' + $providerSiteCode); Class = $Class; ErrorAction = 'Stop' }",
  "  if ($Filter) { $query['Filter'] = $Filter }",
  "  Get-WmiObject @query",
  "}",
  "function ConvertTo-WqlString([string]$Value) {",
  "  \"'\" + ($Value -replace '\\\\', '\\\\' -replace \"'\", \"\\'\") + \"'\"",
  "}",
  "function Get-OptionalProperty($Object, [string]$Name) {",
  "  if ($null -eq $Object) { return $null }",
  "  $property = $Object.PSObject.Properties[$Name]",
  "  if ($property) { return $property.Value }",
  "  return $null",
  "}",
  "function Get-EmbeddedValue($Object, [string]$Name, [string]$Field) {",
  "  foreach ($prop in @(Get-OptionalProperty $Object 'Props')) {",
  "    if ($null -ne $prop -and $prop.PropertyName -eq $Name) { return (Get-OptionalProperty $prop $Field) }",
  "  }",
  "  return $null",
  "}",
  "function Get-NalServer([string]$NalPath) {",
  "  if ($NalPath -match '\\\\\\\\([^\\\\]+)\\\\') { return $matches[1] }",
  "  return $NalPath",
  "}",
  "function Test-Differs($Current, $Desired) {",
  "  if ($null -eq $Current) { return $true }",
  "  return ($Desired -ne ($Current -as $Desired.GetType()))",
  "}",
];

/** A whole site-server script: wrapper, preamble, helpers, then the body (which ends with `exit 0`). */
export function siteServerScript(step: string, site: SiteConnection, body: readonly string[]): string {
  if (body[body.length - 1] !== "exit 0") throw new Error(`internal: site-server script ${step} must end with exit 0`);
  return wrapScript(step, [...siteServerPreamble(site), ...SMS_HELPERS, ...body].join("\n"));
}

/** Indents generated lines by `levels` × two spaces (empty lines stay empty). */
export function indent(lines: readonly string[], levels = 1): string[] {
  const pad = "  ".repeat(levels);
  return lines.map((line) => (line === "" ? "" : pad + line));
}
