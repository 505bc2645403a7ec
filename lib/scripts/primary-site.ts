import { ACCEPTED_VERSIONS } from "../topology/version";
import type { PsValue } from "./data";
import { COMMON, composeScript, SITE_SERVER } from "./ps1-files";
import { cmVersion, siteData } from "./site-server";
import type { PrimarySiteInput } from "./types";

/**
 * Site build numbers (the third part of SMS_Site.Version, also SMS_Site.BuildNumber).
 * Current branch: memdocs "Updates and servicing" version tables (1511 … 2409), and the supported
 * versions table quoted for 2503 (5.00.9135) and 2509 (5.00.9141).
 * 2012 family: community version tables (several agree: RTM 7711, SP1 7804, R2 7958, R2 SP1 8239);
 * not found in Microsoft docs, so UNCONFIRMED. "2012 SP2" (applied to 2012 SP1) shares 8239 with
 * "2012 R2 SP1", so a site declared as either matches that build.
 */
export const SITE_BUILDS: Readonly<Record<string, number>> = {
  "2012": 7711,
  "2012 SP1": 7804,
  "2012 R2": 7958,
  "2012 R2 SP1": 8239,
  "1511": 8325,
  "1602": 8355,
  "1606": 8412,
  "1610": 8458,
  "1702": 8498,
  "1706": 8540,
  "1710": 8577,
  "1802": 8634,
  "1806": 8692,
  "1810": 8740,
  "1902": 8790,
  "1906": 8853,
  "1910": 8913,
  "2002": 8968,
  "2006": 9012,
  "2010": 9040,
  "2103": 9049,
  "2107": 9058,
  "2111": 9068,
  "2203": 9078,
  "2207": 9088,
  "2211": 9096,
  "2303": 9106,
  "2309": 9122,
  "2403": 9128,
  "2409": 9132,
  "2503": 9135,
  "2509": 9141,
  // 2603: 5.00.9146.1000 — from community version notes that cite memdocs 4b5429df (2026-09-02)
  // and from 2603 client versions 5.00.9146.1000; Microsoft's own versions table for 2603 was not
  // in the stored docs, so UNCONFIRMED. Added by the facts helper (issue 11) so that 2603 parses.
  "2603": 9146,
};

// Every accepted version must have a build: a new release added to version.ts needs one here.
for (const label of ACCEPTED_VERSIONS) {
  if (SITE_BUILDS[label] === undefined) throw new Error(`internal: no site build number for ConfigMgr ${label}`);
}

/**
 * Primary sites are adopted, not installed (ps1/primary-site.ps1): verify on the primary's own site
 * server that the SMS Provider knows the site code, that it is a primary on the declared server,
 * and that its build is the declared configMgrVersion's.
 */
export function primarySiteConfig(input: PrimarySiteInput): Record<string, PsValue> {
  const version = cmVersion(input.version);
  const known: Record<string, string> = {};
  for (const [label, build] of Object.entries(SITE_BUILDS)) known[`B${build}`] = label;
  return {
    Step: "primary-site/verify",
    Action: "verify",
    ...siteData({ siteCode: input.siteCode, siteServer: input.server, adoptOnly: input.adoptOnly === true }, version),
    Declared: version.label,
    ExpectedBuild: SITE_BUILDS[version.label],
    // Keyed 'B<build>': data keys are identifiers.
    KnownBuilds: known,
  };
}

export function primarySiteVerifyScript(input: PrimarySiteInput): string {
  return composeScript(primarySiteConfig(input), [COMMON, SITE_SERVER, "primary-site.ps1"]);
}
