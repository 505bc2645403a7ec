import { describe, expect, it } from "vitest";
import { CLIENT_FEATURES, isPowerShell2Family, osFamily, SERVER_FEATURES } from "../../lib/scripts/features";
import { hostPrepareConfig, hostPrepareScript } from "../../lib/scripts/host-prepare";
import type { HostPrepInput, ScriptAction } from "../../lib/scripts/types";
import { OS_IDS, type OsId } from "../../lib/topology/schema";
import { analyzeAll, pwshStarts } from "./pwsh-analysis";
import { ps2Violations } from "./ps2-checker";

const LAB: HostPrepInput = {
  os: "windows-7",
  domain: "LAB",
  siteServer: "cm01.lab.local",
  dpServer: "win701.lab.local",
  installFeatures: true,
  grantLocalAdmin: true,
};
const ACTIONS: ScriptAction[] = ["create", "update", "delete"];
const PREPARABLE = OS_IDS.filter((os) => osFamily(os) !== undefined);

/** Every option set a user can ask for. */
const OPTION_SETS = [true, false].flatMap((installFeatures) =>
  [true, false].flatMap((grantLocalAdmin) =>
    [undefined, false, true].map((rebootIfRequired) => ({ installFeatures, grantLocalAdmin, rebootIfRequired })),
  ),
);

const lab = (extra: Partial<HostPrepInput> = {}): HostPrepInput => ({ ...LAB, ...extra });
const indexOf = (script: string, needle: string): number => {
  const i = script.indexOf(needle);
  expect(i, `script lacks ${needle}`).toBeGreaterThanOrEqual(0);
  return i;
};

describe("OS families", () => {
  it.each([
    ["windows-7", "client-dism"],
    ["windows-8", "client-dism"],
    ["windows-8.1", "client-dism"],
    ["windows-10", "client-modern"],
    ["windows-11", "client-modern"],
    ["windows-server-2008-r2", "server-2008r2"],
    ["windows-server-2012", "server-modern"],
    ["windows-server-2025", "server-modern"],
  ] as const)("%s prepares as %s", (os, family) => {
    expect(osFamily(os)).toBe(family);
  });

  it.each(["windows-server-2003", "windows-server-2008"] as OsId[])("%s cannot be prepared: the error says what to declare instead", (os) => {
    for (const action of ACTIONS) {
      expect(() => hostPrepareScript(lab({ os }), action)).toThrow(new RegExp(`${os}.*prepareHost: false.*hostHas`, "s"));
    }
  });
});

/** One OS per family: the script text of a family differs only in its data. */
const FAMILY_OSES = ["windows-7", "windows-10", "windows-server-2008-r2", "windows-server-2022"] as const;

describe("every host script parses", () => {
  it("every OS family x option set x action: PowerShell's parser finds no error, PowerShell 2.0 families no 2.0 violation, one pwsh process", async () => {
    const cases = FAMILY_OSES.flatMap((os) => OPTION_SETS.flatMap((options) => ACTIONS.map((action) => ({ os, options, action }))));
    const extra = PREPARABLE.map((os) => ({ os, options: OPTION_SETS[0], action: "create" as ScriptAction }));
    const all = [...cases, ...extra];
    const analyses = await analyzeAll(all.map((c) => hostPrepareScript(lab({ os: c.os, ...c.options }), c.action)));
    all.forEach((c, i) => {
      const where = `${c.os} ${c.action} ${JSON.stringify(c.options)}`;
      expect(analyses[i].errors, where).toEqual([]);
      if (isPowerShell2Family(osFamily(c.os)!)) expect(analyses[i].ps2, where).toEqual([]);
    });
    expect(pwshStarts).toBe(1);
  });
});

describe("the PowerShell 2.0 check sees the newer families' cmdlets", () => {
  it.each([
    ["windows-10", /Get-WindowsOptionalFeature: the DISM module[\s\S]*Enable-WindowsOptionalFeature: the DISM module/],
    ["windows-server-2022", /Install-WindowsFeature: needs Windows Server 2012/],
  ] as const)("%s", async (os, expected) => {
    expect((await ps2Violations(hostPrepareScript(lab({ os }), "create"))).join("\n")).toMatch(expected);
  });
});

type Cfg = Record<string, any>;
const cfg = (input: HostPrepInput, action: ScriptAction = "create") => hostPrepareConfig(input, action) as Cfg;

describe("the lab's Windows 7 host (data)", () => {
  it("grants LAB\\CM01$ and leaves a marker named after it", () => {
    expect(cfg(LAB)).toMatchObject({ Account: "LAB\\CM01$", Member: "WinNT://LAB/CM01$", SiteServer: "cm01.lab.local", Dp: "win701.lab.local", MarkerName: "site-server-admin-LAB-CM01.txt", GrantLocalAdmin: true, InstallFeatures: true, RebootIfRequired: false });
  });
  it("enables every IIS role service and RDC, parents first, exact case", () => {
    expect(cfg(LAB).Features).toEqual([...CLIENT_FEATURES]);
    expect(CLIENT_FEATURES).toContain("MSRDC-Infrastructure");
    expect(CLIENT_FEATURES.indexOf("IIS-WebServerRole")).toBeLessThan(CLIENT_FEATURES.indexOf("IIS-ISAPIExtensions"));
    expect(CLIENT_FEATURES.indexOf("IIS-IIS6ManagementCompatibility")).toBeLessThan(CLIENT_FEATURES.indexOf("IIS-Metabase"));
    expect(cfg(lab({ os: "windows-server-2008-r2" })).Features).toEqual([...SERVER_FEATURES]);
  });
  it("update is the same script as create", () => {
    expect(hostPrepareScript(LAB, "update").replaceAll("host-prepare/update", "host-prepare/create").replace("Action = 'update'", "Action = 'create'")).toBe(hostPrepareScript(LAB, "create"));
  });
});

describe("the scripts of each family", () => {
  const text = (os: OsId, action: ScriptAction = "create") => hostPrepareScript(lab({ os }), action);
  it("Windows 7: dism.exe /NoRestart after Win32_OptionalFeature, no /All, no newer cmdlet", () => {
    const script = text("windows-7").split("\n").filter((l) => !/^\s*#/.test(l)).join("\n");
    expect(script.indexOf("Get-WmiObject -Class Win32_OptionalFeature")).toBeLessThan(script.indexOf("& $dism $dismArgs"));
    expect(script).toContain("@('/Online', '/Enable-Feature')");
    expect(script).toContain("@('/NoRestart')");
    expect(script).not.toMatch(/\/All\b|Enable-WindowsOptionalFeature|Install-WindowsFeature/);
  });
  it("Windows 10/11: Enable-WindowsOptionalFeature -All -NoRestart after Get-WindowsOptionalFeature", () => {
    const script = text("windows-11");
    expect(script.indexOf("Get-WindowsOptionalFeature -Online -FeatureName $name")).toBeLessThan(script.indexOf("Enable-WindowsOptionalFeature -Online -FeatureName $missing -All -NoRestart"));
  });
  it("Server 2008 R2 imports ServerManager before Get-WindowsFeature; 2012+ use Install-WindowsFeature", () => {
    const old = text("windows-server-2008-r2");
    expect(old.indexOf("Import-Module ServerManager")).toBeLessThan(old.indexOf("Get-WindowsFeature -Name $name"));
    expect(old).not.toContain("Install-WindowsFeature");
    expect(text("windows-server-2012")).toContain("Install-WindowsFeature -Name $missing");
  });
  it.each(PREPARABLE)("%s delete: no feature code at all, IIS and RDC stay", (os) => {
    const script = text(os, "delete");
    expect(script).toContain("IIS and RDC left installed");
    expect(script.slice(script.indexOf("function Invoke-Delete"))).not.toMatch(/Install-Prerequisites|dism|shutdown/i);
  });
});
