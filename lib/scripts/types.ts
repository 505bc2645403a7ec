import type { BoundaryDoc, DistributionPointDoc, OsId } from "../topology/schema";

/**
 * Inputs of the script generators: plain, already-normalised values (site codes upper case,
 * FQDNs lower case). Secrets appear only where a script must carry them; such a script travels
 * on stdin as a Pulumi secret, never on a command line.
 */

export type ScriptAction = "create" | "update" | "delete";

/** On the DP host: grant the site server local admin, install RDC + IIS role services. */
export interface HostPrepInput {
  readonly os: OsId;
  /** NetBIOS domain of the site server, e.g. LAB. */
  readonly domain: string;
  /** FQDN of the site server whose computer account becomes local admin (LAB\CM01$). */
  readonly siteServer: string;
  /** FQDN of the DP host the script runs on (for messages). */
  readonly dpServer: string;
  /** Install the features (prepareHost); false = grant local admin only when asked. */
  readonly installFeatures: boolean;
  readonly grantLocalAdmin: boolean;
  /** Opt-in: schedule a reboot when a feature install needs one, instead of failing with 3010. */
  readonly rebootIfRequired?: boolean;
  /**
   * The site code of the DP's site: delete asks that site's SMS Provider (on siteServer) which of
   * its roles remain on the host before revoking the grant. Absent: read from SMS_ProviderLocation.
   */
  readonly siteCode?: string;
}

/** On the site server: site system + DP role + settings + boundary groups + readiness wait. */
export interface DpRoleInput {
  /** configMgrVersion label ("2012 SP1", "2403"): some parameters exist only from a release on. */
  readonly version: string;
  readonly siteCode: string;
  /** FQDN of the site server (SMS Provider) where the cmdlets run. */
  readonly siteServer: string;
  /** The site of that SMS Provider when it is not siteCode (a DP of a secondary site: its parent primary). */
  readonly providerSiteCode?: string;
  /** The DP as declared (normalised). */
  readonly dp: DistributionPointDoc;
  /** Canonical names of the boundary groups the DP must be in (exactly these). */
  readonly boundaryGroups: readonly string[];
  /** PXE password value (secret), when dp.pxe.passwordSecret names one. */
  readonly pxePassword?: string;
  /** A ConfigMgr account (New-CMAccount) to install the site system with; the site server's computer account otherwise. */
  readonly installationAccount?: string;
  /** How long to wait for the DP to be really installed (default 30). */
  readonly readinessTimeoutMinutes?: number;
  /**
   * Adopt only (create and update; delete is unchanged): the estate is taken as it is — a
   * changing cmdlet is recorded instead of run, and the step fails with the list of what it
   * would have changed.
   */
  readonly adoptOnly?: boolean;
}

/** On a primary (or CAS) site server: one boundary group, its boundaries and site systems. */
export interface BoundaryGroupInput {
  readonly version: string;
  /** Site whose SMS Provider the cmdlets use (boundaries are hierarchy-wide). */
  readonly siteCode: string;
  readonly siteServer: string;
  readonly name: string;
  readonly description?: string;
  readonly assignedSite?: string;
  readonly boundaries: readonly BoundaryDoc[];
  /**
   * FQDNs of the site systems (DPs) the document lists in this group: attached once they have the
   * DP role, never detached. Undefined: the group's site systems are left alone (to the DPs' own
   * role steps, which add each DP to its groups).
   */
  readonly siteSystems?: readonly string[];
  /**
   * Adopt only (create and update; delete is unchanged): the estate is taken as it is — a
   * changing cmdlet is recorded instead of run, and the step fails with the list of what it
   * would have changed.
   */
  readonly adoptOnly?: boolean;
}

/** On the parent primary's site server: install (or uninstall) a secondary site. */
export interface SecondarySiteInput {
  readonly version: string;
  readonly parentSiteCode: string;
  readonly parentServer: string;
  readonly siteCode: string;
  readonly name: string;
  readonly server: string;
  /** Where setup files come from: the parent site server (default) or a UNC path. */
  readonly installationSource?: { readonly uncPath: string } | "parent";
  /** SQL Server Express copied by setup (default), or an existing instance. */
  readonly sql?: "express" | { readonly instanceName?: string; readonly databaseName: string };
  readonly installationFolder?: string;
  readonly readinessTimeoutMinutes?: number;
  /**
   * Adopt only (create and update; delete is unchanged): the estate is taken as it is — a
   * changing cmdlet is recorded instead of run, and the step fails with the list of what it
   * would have changed.
   */
  readonly adoptOnly?: boolean;
}

/** Primary sites are adopted, not installed: verify the site exists with this code and version. */
export interface PrimarySiteInput {
  readonly version: string;
  readonly siteCode: string;
  readonly server: string;
  /**
   * Adopt only (create and update; delete is unchanged): the estate is taken as it is — a
   * changing cmdlet is recorded instead of run, and the step fails with the list of what it
   * would have changed.
   */
  readonly adoptOnly?: boolean;
}
