import { atLeast, parseVersion, type Version } from "../topology/version";

/**
 * What every site-server script needs (site-server.ps1): the version facts its branches read and
 * the SMS Provider it connects to.
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
 * dn151097). The current names appear in the reference that starts with 1610. The exact release
 * that renamed them is UNCONFIRMED, so every release before 1610 gets the old names (still
 * accepted later as aliases) and 1610 on the new ones.
 */
export const CURRENT_NAMES_FROM = "1610";

export const usesCurrentNames = (version: Version): boolean => atLeast(version, CURRENT_NAMES_FROM);

/**
 * Set-CMBoundaryGroup -AddSiteSystemServerName / -RemoveSiteSystemServerName: not in 2012 SP1/R2
 * (TechNet jj821859: only -Id/-Name, -DefaultSiteCode, -Description, -NewName) and not in 1610's
 * pages (-AddSiteSystemServer <Hashtable>, -RemoveSiteSystemServerName); the name list first
 * appears in the reference's mid-2017 pages, so 1706 is taken as the first release (UNCONFIRMED
 * between 1702 and 1706: 1702 gets the older way, which every version still has). Before it a DP
 * joins or leaves a group with Set-CMDistributionPoint -AddBoundaryGroupName / -RemoveBoundaryGroupName.
 */
export const GROUP_SITE_SYSTEM_NAMES_FROM = "1706";

export const groupsByServerName = (version: Version): boolean => atLeast(version, GROUP_SITE_SYSTEM_NAMES_FROM);

/** The ConfigurationManager module's reference starts at 2012 SP1 (jj841410): 2012 RTM has no module. */
export const hasCmModule = (version: Version): boolean => atLeast(version, "2012 SP1");

/** * ? [ : wildcard characters of the ConfigMgr cmdlets' name parameters. */
export const WILDCARD = /[*?[]/;

export interface SiteConnection {
  readonly siteCode: string;
  /** FQDN of the site server / SMS Provider the drive connects to. */
  readonly siteServer: string;
  /**
   * The site of that SMS Provider when it is not `siteCode`: a secondary site has no SMS Provider
   * (memdocs "Plan for the SMS Provider"), so the objects of a secondary (its DPs) are managed
   * through its parent primary's, with `-SiteCode <secondary>` on the cmdlets. The drive and the
   * WMI namespace use this code.
   */
  readonly providerSiteCode?: string;
  /** Adopt only: every changing cmdlet is recorded, not run, and the step fails with the list (site-server.ps1). */
  readonly adoptOnly?: boolean;
}

/** Attempts to connect the CMSite drive (the provider can be busy right after a service restart). */
const DRIVE_ATTEMPTS = 5;
const DRIVE_RETRY_SECONDS = 10;

/** The data site-server.ps1 reads. */
export function siteData(site: SiteConnection, version: Version) {
  return {
    Version: version.label,
    SiteCode: site.siteCode,
    SiteServer: site.siteServer,
    ProviderSiteCode: site.providerSiteCode ?? site.siteCode,
    CmModule: hasCmModule(version),
    DriveAttempts: DRIVE_ATTEMPTS,
    DriveRetrySeconds: DRIVE_RETRY_SECONDS,
    AdoptOnly: site.adoptOnly === true,
  };
}
