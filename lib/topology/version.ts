/**
 * ConfigMgr versions, ordered: 2012 < 2012 SP1 < 2012 R2 < 2012 R2 SP1 < 1511 < … < 2603.
 * The 2012 family is mapped below every current-branch YYMM number so that one integer
 * comparison orders them all.
 *
 * 2603: "As of May 27, 2026, version 2603 is globally available for all customers to install"
 * (MicrosoftDocs/memdocs intune/configmgr/core/plan-design/changes/whats-new-in-version-2603.md
 * @060b4998, ms.date 2026-08-05; it applies to sites on 2409 or later). Current-branch releases
 * come twice a year, in March and September since 2303, so the first release after 2603 is
 * expected as 2609 — a well-formed YYMM newer than the newest known release parses (it is
 * checked with the newest known facts) and VERSION-FORMAT warns about it.
 *
 * What 2603 changed for this library: nothing found for DP hosts, site limits or the cmdlets it
 * runs. Its What's new page lists SQL Server 2025 support, the SQL Native Client dependency
 * removed, SMO 17, PKI for site system-to-SQL, ARM64 in Import-CMDriver, CMG changes
 * (New-CMCloudManagementGateway), and internet access for the management point (MISE) — no DP,
 * OS or scale change. The newest stored supported-OS page (memdocs aeca62f6, ms.date
 * 2024-12-19), size-and-scale page (0998b7f2, ms.date 2021-04-05), site-system prerequisites
 * (4e0c3fae, DP section: RDC, ISAPI Extensions, Windows Authentication, IIS 6 Metabase and WMI
 * Compatibility) and deprecated-server page (03ef4bc5, ms.date 2024-12-04: Windows 10 removed in
 * 2509) name no 2603 change either. So every 2509 fact carries over to 2603.
 */

const FAMILY_2012 = ["2012", "2012 SP1", "2012 R2", "2012 R2 SP1"] as const;

/** Current-branch releases (YYMM) this library knows, oldest first. */
export const CURRENT_BRANCH_RELEASES = [
  "1511", "1602", "1606", "1610", "1702", "1706", "1710", "1802", "1806", "1810",
  "1902", "1906", "1910", "2002", "2006", "2010", "2103", "2107", "2111", "2203",
  "2207", "2211", "2303", "2309", "2403", "2409", "2503", "2509", "2603",
] as const;

/** The newest current-branch release this library knows: newer YYMM numbers are checked with its facts. */
export const NEWEST_KNOWN = CURRENT_BRANCH_RELEASES[CURRENT_BRANCH_RELEASES.length - 1];

export const ACCEPTED_VERSIONS: readonly string[] = [...FAMILY_2012, ...CURRENT_BRANCH_RELEASES];

export interface Version {
  /** The canonical spelling, e.g. "2012 SP1" or "2403". */
  readonly label: string;
  /** Sort key: 1000–1003 for the 2012 family, YYMM for current branch. */
  readonly order: number;
  readonly currentBranch: boolean;
  /**
   * Set for a well-formed current-branch YYMM newer than every release the library knows: the
   * newest known release, whose facts the rules apply (VERSION-FORMAT warns about it).
   */
  readonly newerThanKnown?: string;
}

const YYMM = /^(\d\d)(0[1-9]|1[0-2])$/;

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
  if (YYMM.test(spaced) && Number(spaced) > Number(NEWEST_KNOWN)) {
    return { label: spaced, order: Number(spaced), currentBranch: true, newerThanKnown: NEWEST_KNOWN };
  }
  return undefined;
}

/**
 * The library's version literals, each parsed once: rules compare with them per slice of DPs
 * (inRange over the OS matrix), and parsing allocates (about 5 MB per validate of 125,000 DPs).
 */
const LITERALS = new Map<string, Version>();

/** Like parseVersion, for version literals in the library's own tables: a typo there is a bug. */
export function v(label: string): Version {
  const known = LITERALS.get(label);
  if (known) return known;
  const parsed = parseVersion(label);
  if (!parsed || parsed.newerThanKnown) throw new Error(`internal: unknown version literal ${label}`);
  LITERALS.set(label, parsed);
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
