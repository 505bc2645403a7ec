import type { OsId } from "../../topology/schema";
import type { VersionRange } from "../../topology/version";

/**
 * DP host OS facts (rules.md "DP host OS matrix"; shared/docs/os-matrix-sources.md).
 * `supported`: first and last ConfigMgr version supporting the OS as a DP host. The 2012-branch
 * cells are best estimates (Microsoft's 2012 tables are not stored anywhere we could read);
 * current-branch cells follow the history of the supported-OS article.
 * `endOfSupport`: Microsoft lifecycle end of (extended) support, ISO date.
 */
export interface OsFacts {
  readonly label: string;
  readonly client: boolean;
  readonly supported: VersionRange;
  /** Editions supported at every version the OS is supported at. */
  readonly editions: readonly string[];
  /** Editions supported only from a version on (edition → first version). */
  readonly editionsFrom?: Readonly<Record<string, string>>;
  readonly architectures: readonly ("x86" | "x64" | "arm64")[];
  /** Server Core installations supported as a DP. */
  readonly serverCore: boolean;
  readonly endOfSupport?: string;
  /** Extra words for DP-OS-SUPPORTED / DP-OS-LIFECYCLE messages. */
  readonly note?: string;
  /**
   * DP-OS-LIFECYCLE: versions that support the OS only with a caveat, by version label: the
   * caveat as a clause, and what to do. os-matrix-sources.md (e) and its Server 2016 row.
   */
  readonly caveats?: Readonly<Record<string, { readonly warning: string; readonly fix: string }>>;
}

const CLIENT_EDITIONS = ["professional", "enterprise"];
/** Windows Server 2008 and 2008 R2 also had an Enterprise edition (os-matrix-sources.md); later ones do not. */
const SERVER_EDITIONS = ["standard", "datacenter"];

/**
 * Windows 10 editions by version. The supported-OS page listed "Windows 10 (x86, x64): Pro and
 * Enterprise" from the 1511-era import (MicrosoftDocs/SCCMdocs 5811bc06, 2016-08-25) to its last
 * SCCMdocs text (764bd353, 2020-04-17) and in the memdocs text of ms.date 2020-02-19. The memdocs
 * text of ms.date 2021-10-19 (MicrosoftDocs/memdocs 95c177b7 / 0022f3a2) says "Windows 10 (x86,
 * x64)" and defers editions to "Support for Windows 10", in the same edit that added "Windows 11
 * (starting in Configuration Manager version 2107)"; that page lists Enterprise, Pro, Education
 * and Pro Education, and Pro for Workstations from 1906 (SCCMdocs 764bd353,
 * support-for-windows-10.md). So Education, Pro Education and Pro for Workstations count from 2107.
 * (Education was added to "Support for Windows 10" for clients in 2017 — SCCMdocs 9c2e647c, PR #135,
 * "education is approved for support" — while the site-system page kept DPs to Pro and Enterprise.)
 * UNCONFIRMED: the memdocs commits between 2020-04 and 2021-10 could not be read here (the
 * repository is too large to fetch), so the change may have landed a release earlier (2103).
 */
const WINDOWS_10_LATER_EDITIONS = { education: "2107", "pro-education": "2107", "pro-for-workstations": "2107" };

/**
 * "Applies to Datacenter: Azure Edition, Standard and Datacenter editions" (Windows Server 2022:
 * memdocs 0022f3a2, ms.date 2021-10-19; Windows Server 2025: memdocs aeca62f6, ms.date 2024-12-19).
 */
const AZURE_EDITION_SERVER = [...SERVER_EDITIONS, "datacenter-azure-edition"];

export const OS_MATRIX: Readonly<Record<OsId, OsFacts>> = {
  "windows-7": {
    label: "Windows 7",
    client: true,
    supported: { from: "2012", to: "1910" },
    editions: [...CLIENT_EDITIONS, "ultimate"],
    architectures: ["x86", "x64"],
    serverCore: false,
    endOfSupport: "2020-01-14",
  },
  "windows-8": {
    label: "Windows 8",
    client: true,
    supported: { from: "2012 SP1", to: "1710" },
    editions: CLIENT_EDITIONS,
    architectures: ["x86", "x64"],
    serverCore: false,
    endOfSupport: "2016-01-12",
  },
  "windows-8.1": {
    label: "Windows 8.1",
    client: true,
    supported: { from: "2012 R2", to: "2211" },
    editions: CLIENT_EDITIONS,
    architectures: ["x86", "x64"],
    serverCore: false,
    endOfSupport: "2023-01-10",
  },
  "windows-10": {
    label: "Windows 10",
    client: true,
    supported: { from: "1511", to: "2503" },
    editions: CLIENT_EDITIONS,
    editionsFrom: WINDOWS_10_LATER_EDITIONS,
    architectures: ["x86", "x64"],
    serverCore: false,
    endOfSupport: "2025-10-14",
    note: "removed in 2509",
  },
  "windows-11": {
    label: "Windows 11",
    client: true,
    supported: { from: "2107" },
    // The page defers to "Support for Windows 11" (memdocs 0022f3a2); the same Windows 10 family
    // of editions is assumed (UNCONFIRMED beyond Pro, Enterprise and Education).
    editions: [...CLIENT_EDITIONS, "education", "pro-education", "pro-for-workstations"],
    architectures: ["x64"],
    serverCore: false,
  },
  "windows-server-2003": {
    label: "Windows Server 2003",
    client: false,
    supported: { from: "2012", to: "2012 R2 SP1" },
    editions: SERVER_EDITIONS,
    architectures: ["x86", "x64"],
    serverCore: false,
    endOfSupport: "2015-07-14",
    note: "never supported by current branch",
  },
  "windows-server-2008": {
    label: "Windows Server 2008",
    client: false,
    supported: { from: "2012", to: "1910" },
    editions: [...SERVER_EDITIONS, "enterprise"],
    architectures: ["x86", "x64"],
    serverCore: false,
    endOfSupport: "2020-01-14",
  },
  "windows-server-2008-r2": {
    label: "Windows Server 2008 R2",
    client: false,
    supported: { from: "2012", to: "1910" },
    editions: [...SERVER_EDITIONS, "enterprise"],
    architectures: ["x64"],
    serverCore: false,
    endOfSupport: "2020-01-14",
  },
  "windows-server-2012": {
    label: "Windows Server 2012",
    client: false,
    supported: { from: "2012 SP1", to: "2309" },
    editions: SERVER_EDITIONS,
    architectures: ["x64"],
    serverCore: true,
    endOfSupport: "2023-10-10",
    note: "from 2403 a site upgrade is blocked while a site system runs it",
    caveats: {
      "2309": {
        warning: "the site upgrade to 2403 or later is blocked while a site system runs it (2309 only warns)",
        fix: "Move the DP to Windows Server 2016 or later (or remove the DP role from this host) before upgrading the site to 2403 or later.",
      },
    },
  },
  "windows-server-2012-r2": {
    label: "Windows Server 2012 R2",
    client: false,
    supported: { from: "2012 R2", to: "2309" },
    editions: SERVER_EDITIONS,
    architectures: ["x64"],
    serverCore: true,
    endOfSupport: "2023-10-10",
    note: "from 2403 a site upgrade is blocked while a site system runs it",
    caveats: {
      "2309": {
        warning: "the site upgrade to 2403 or later is blocked while a site system runs it (2309 only warns)",
        fix: "Move the DP to Windows Server 2016 or later (or remove the DP role from this host) before upgrading the site to 2403 or later.",
      },
    },
  },
  "windows-server-2016": {
    label: "Windows Server 2016",
    client: false,
    supported: { from: "1606" },
    editions: SERVER_EDITIONS,
    architectures: ["x64"],
    serverCore: true,
    endOfSupport: "2027-01-12",
    note: "1606 needs update rollup KB3186654",
    caveats: {
      "1606": {
        warning: "1606 supports it only with update rollup KB3186654 (or the October 2016 baseline of 1606)",
        fix: "Install update rollup KB3186654 for ConfigMgr 1606 (or use the October 2016 baseline of 1606), or declare 1610 or later.",
      },
    },
  },
  "windows-server-2019": {
    label: "Windows Server 2019",
    client: false,
    supported: { from: "1810" },
    editions: SERVER_EDITIONS,
    architectures: ["x64"],
    serverCore: true,
    endOfSupport: "2029-01-09",
  },
  "windows-server-2022": {
    label: "Windows Server 2022",
    client: false,
    supported: { from: "2107" },
    editions: AZURE_EDITION_SERVER,
    architectures: ["x64"],
    serverCore: true,
    endOfSupport: "2031-10-14",
  },
  "windows-server-2025": {
    label: "Windows Server 2025",
    client: false,
    supported: { from: "2409" },
    editions: AZURE_EDITION_SERVER,
    architectures: ["x64"],
    serverCore: true,
    endOfSupport: "2034-10-10",
  },
};

/**
 * General-availability month of each ConfigMgr version (first of the month), for
 * DP-OS-LIFECYCLE's "past end of support at that version's release". Current-branch months
 * follow the YYMM naming (the release usually ships in the named month or shortly after);
 * the 2012-family months are the public GA months.
 */
export const RELEASE_DATES: Readonly<Record<string, string>> = {
  "2012": "2012-04-01",
  "2012 SP1": "2013-01-01",
  "2012 R2": "2013-10-01",
  "2012 R2 SP1": "2015-05-01",
};

export function releaseDate(label: string): string {
  const known = RELEASE_DATES[label];
  if (known) return known;
  return `20${label.slice(0, 2)}-${label.slice(2, 4)}-01`;
}
