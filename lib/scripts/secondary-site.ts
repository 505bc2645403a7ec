import type { PsValue } from "./data";
import { COMMON, composeScript, SITE_SERVER } from "./ps1-files";
import { cmVersion, siteData } from "./site-server";
import type { ScriptAction, SecondarySiteInput } from "./types";

/**
 * A secondary site (ps1/secondary-site.ps1), run on its parent primary's site server: create
 * installs it with its distribution point and waits until it is active; update verifies; delete
 * uninstalls it and waits until its server has finished.
 */

/** Setup copies the files and SQL Server Express and installs the site; commonly far longer than a DP (UNCONFIRMED estimate). */
export const DEFAULT_SECONDARY_TIMEOUT_MINUTES = 120;
const POLL_SECONDS = 60;

/** The data block of the secondary-site script. */
export function secondarySiteConfig(input: SecondarySiteInput, action: ScriptAction): Record<string, PsValue> {
  const version = cmVersion(input.version);
  // -SecondarySiteCode/-PrimarySiteCode/-InstallationFolder (aliases SiteCode/ParentSiteCode/InstallDir)
  // are the names of every version from 2012 SP1 on (TechNet's 2012 SP1/R2 New-CMSecondarySite, as the
  // lab double's signatures record them), so no version branch is needed.
  const names = { SecondarySiteCode: "SecondarySiteCode", PrimarySiteCode: "PrimarySiteCode", InstallationFolder: "InstallationFolder" };
  const source = input.installationSource ?? "parent";
  const sql = input.sql ?? "express";
  const sqlData: PsValue =
    sql === "express" ? { Express: true } : { Express: false, DatabaseName: sql.databaseName, InstanceName: sql.instanceName ?? null };
  return {
    Step: `secondary-site/${action}`,
    Action: action,
    ...siteData({ siteCode: input.parentSiteCode, siteServer: input.parentServer, adoptOnly: input.adoptOnly === true && action !== "delete" }, version),
    SecondaryCode: input.siteCode,
    ParentCode: input.parentSiteCode,
    SecondaryServer: input.server,
    SiteName: input.name,
    TimeoutMinutes: input.readinessTimeoutMinutes ?? DEFAULT_SECONDARY_TIMEOUT_MINUTES,
    PollSeconds: POLL_SECONDS,
    Names: names,
    Source: source === "parent" ? "parent" : source.uncPath,
    Sql: sqlData,
    InstallationFolder: input.installationFolder ?? null,
  };
}

export function secondarySiteScript(input: SecondarySiteInput, action: ScriptAction): string {
  return composeScript(secondarySiteConfig(input, action), [COMMON, SITE_SERVER, "secondary-site.ps1"]);
}
