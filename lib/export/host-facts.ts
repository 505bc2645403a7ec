import type { OsId } from "../topology/schema";

/**
 * A DP host's OS id, edition and architecture from its Win32_OperatingSystem row (Version,
 * ProductType 1 = workstation, 2 = domain controller, 3 = server; Caption for the edition;
 * OSArchitecture). Windows 10 and 11 share version 10.0 (11 from build 22000), and so do the
 * servers from 2016 on (2016: 14393, 2019: 17763, 2022: 20348, 2025: 26100) — Microsoft's
 * Windows release information pages.
 */
export function osIdOf(version: string | undefined, productType: string | undefined): OsId | undefined {
  const m = version === undefined ? null : /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) return undefined;
  const [major, minor, build] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const client = productType === "1";
  const key = `${major}.${minor}`;
  if (client) {
    const byVersion: Record<string, OsId> = { "6.1": "windows-7", "6.2": "windows-8", "6.3": "windows-8.1" };
    if (key === "10.0") return build >= 22000 ? "windows-11" : "windows-10";
    return byVersion[key];
  }
  const byVersion: Record<string, OsId> = {
    "5.2": "windows-server-2003",
    "6.0": "windows-server-2008",
    "6.1": "windows-server-2008-r2",
    "6.2": "windows-server-2012",
    "6.3": "windows-server-2012-r2",
  };
  if (key === "10.0") {
    if (build >= 26100) return "windows-server-2025";
    if (build >= 20348) return "windows-server-2022";
    if (build >= 17763) return "windows-server-2019";
    return "windows-server-2016";
  }
  return byVersion[key];
}

/** The document's edition word from a caption such as "Microsoft Windows 7 Enterprise". */
export function editionOf(caption: string | undefined): string | undefined {
  if (caption === undefined) return undefined;
  const words: [RegExp, string][] = [
    [/\bdatacenter\b/i, "datacenter"],
    [/\bstandard\b/i, "standard"],
    [/\beducation\b/i, "education"],
    [/\benterprise\b/i, "enterprise"],
    [/\bultimate\b/i, "ultimate"],
    [/\bpro(fessional)?\b/i, "professional"],
    [/\bhome\b/i, "home"],
  ];
  return words.find(([re]) => re.test(caption))?.[1];
}

export function architectureOf(osArchitecture: string | undefined): string | undefined {
  if (osArchitecture === undefined) return undefined;
  if (/arm/i.test(osArchitecture)) return "arm64";
  if (/64/.test(osArchitecture)) return "x64";
  if (/32/.test(osArchitecture)) return "x86";
  return undefined;
}
