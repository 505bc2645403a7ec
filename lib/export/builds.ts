/**
 * The configMgrVersion label of a site from its build (SMS_Site.BuildNumber, the third part of
 * SMS_Site.Version 5.00.BBBB.RRRR). ConfigMgr stores no label.
 *
 * Sources: current branch 1511–2006 from Microsoft's "Updates and servicing" page
 * (memdocs/configmgr/core/servers/manage/updates.md, "Baseline and update versions", as of
 * 2020-09); 2012 family from the "System Center 2012 Configuration Manager" release builds
 * (RTM 7711, SP1 7804, R2 7958, R2 SP1 8239 — SP2 shares 8239). 2010–2503 from the same table's
 * later revisions, UNCONFIRMED here (not in the stored copy); 2509 and 2603 are not known.
 */
const BUILDS: readonly (readonly [number, string])[] = [
  [7711, "2012"],
  [7804, "2012 SP1"],
  [7958, "2012 R2"],
  [8239, "2012 R2 SP1"],
  [8325, "1511"],
  [8355, "1602"],
  [8412, "1606"],
  [8458, "1610"],
  [8498, "1702"],
  [8540, "1706"],
  [8577, "1710"],
  [8634, "1802"],
  [8692, "1806"],
  [8740, "1810"],
  [8790, "1902"],
  [8853, "1906"],
  [8913, "1910"],
  [8968, "2002"],
  [9012, "2006"],
  [9040, "2010"],
  [9049, "2103"],
  [9058, "2107"],
  [9068, "2111"],
  [9078, "2203"],
  [9088, "2207"],
  [9096, "2211"],
  [9106, "2303"],
  [9122, "2309"],
  [9128, "2403"],
  [9132, "2409"],
  [9135, "2503"],
];

export interface VersionFromBuild {
  readonly label: string;
  /** Set when the build is not one of the table's: the label is the newest release at or below it. */
  readonly estimate?: string;
}

/** The build number inside "5.00.9128.1000", or a bare number. */
export function buildOf(version: string | undefined, buildNumber: string | undefined): number | undefined {
  const fromNumber = buildNumber !== undefined && /^\d+$/.test(buildNumber) ? Number(buildNumber) : undefined;
  if (fromNumber !== undefined) return fromNumber;
  const m = version === undefined ? null : /^\d+\.\d+\.(\d+)/.exec(version);
  return m ? Number(m[1]) : undefined;
}

export function versionFromBuild(build: number): VersionFromBuild | undefined {
  const exact = BUILDS.find(([b]) => b === build);
  if (exact) return { label: exact[1] };
  const below = BUILDS.filter(([b]) => b < build).at(-1);
  if (!below) return undefined;
  return {
    label: below[1],
    estimate: `build ${build} is not in the library's table of releases; ${below[1]} (build ${below[0]}) is the newest release below it: check configMgrVersion`,
  };
}
