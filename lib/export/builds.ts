import { SITE_BUILDS } from "../scripts/primary-site";

/**
 * The configMgrVersion label of a site from its build (SMS_Site.BuildNumber, the third part of
 * SMS_Site.Version 5.00.BBBB.RRRR): ConfigMgr stores no label. The table is the one the primary
 * site's verify step checks against (lib/scripts/primary-site.ts, with its sources). 8239 is both
 * "2012 R2 SP1" and "2012 SP2"; the export writes the former.
 */
const BUILDS: readonly (readonly [number, string])[] = Object.entries(SITE_BUILDS)
  .map(([label, build]) => [build, label] as const)
  .sort((a, b) => a[0] - b[0]);

export interface VersionFromBuild {
  readonly label: string;
  /** Set when the build is not one of the table's: the label is the newest release at or below it. */
  readonly estimate?: string;
}

/** The build number inside "5.00.9128.1000", or a bare number. */
export function buildOf(version: string | undefined, buildNumber: string | undefined): number | undefined {
  if (buildNumber !== undefined && /^\d+$/.test(buildNumber)) return Number(buildNumber);
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
