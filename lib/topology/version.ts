/**
 * ConfigMgr versions, ordered: 2012 < 2012 SP1 < 2012 R2 < 2012 R2 SP1 < 1511 < … < 2509.
 * The 2012 family is mapped below every current-branch YYMM number so that one integer
 * comparison orders them all.
 */

const FAMILY_2012 = ["2012", "2012 SP1", "2012 R2", "2012 R2 SP1"] as const;

/** Current-branch releases (YYMM) this library knows, oldest first. */
export const CURRENT_BRANCH_RELEASES = [
  "1511", "1602", "1606", "1610", "1702", "1706", "1710", "1802", "1806", "1810",
  "1902", "1906", "1910", "2002", "2006", "2010", "2103", "2107", "2111", "2203",
  "2207", "2211", "2303", "2309", "2403", "2409", "2503", "2509",
] as const;

export const ACCEPTED_VERSIONS: readonly string[] = [...FAMILY_2012, ...CURRENT_BRANCH_RELEASES];

export interface Version {
  /** The canonical spelling, e.g. "2012 SP1" or "2403". */
  readonly label: string;
  /** Sort key: 1000–1003 for the 2012 family, YYMM for current branch. */
  readonly order: number;
  readonly currentBranch: boolean;
}

/** Parses a version string (case and spacing tolerant); undefined when it is not an accepted one. */
export function parseVersion(raw: unknown): Version | undefined {
  if (typeof raw === "number") raw = String(raw);
  if (typeof raw !== "string") return undefined;
  const spaced = raw.trim().toUpperCase().replace(/\s+/g, " ");
  const i = FAMILY_2012.findIndex((v) => v === spaced);
  if (i >= 0) return { label: FAMILY_2012[i], order: 1000 + i, currentBranch: false };
  if ((CURRENT_BRANCH_RELEASES as readonly string[]).includes(spaced)) {
    return { label: spaced, order: Number(spaced), currentBranch: true };
  }
  return undefined;
}

/** Like parseVersion, for version literals in the library's own tables: a typo there is a bug. */
export function v(label: string): Version {
  const parsed = parseVersion(label);
  if (!parsed) throw new Error(`internal: unknown version literal ${label}`);
  return parsed;
}

export function compareVersions(a: Version, b: Version): number {
  return a.order - b.order;
}

export const atLeast = (version: Version, label: string): boolean => version.order >= v(label).order;
export const below = (version: Version, label: string): boolean => version.order < v(label).order;

/** A range of versions a rule or a matrix cell applies to; both ends inclusive, open when absent. */
export interface VersionRange {
  readonly from?: string;
  readonly to?: string;
}

export function inRange(version: Version, range: VersionRange | undefined): boolean {
  if (!range) return true;
  if (range.from && below(version, range.from)) return false;
  if (range.to && version.order > v(range.to).order) return false;
  return true;
}

export function describeRange(range: VersionRange | undefined): string {
  if (!range || (!range.from && !range.to)) return "all versions";
  if (range.from && range.to) return `${range.from} to ${range.to}`;
  if (range.from) return `${range.from} and later`;
  return `up to ${range.to}`;
}
