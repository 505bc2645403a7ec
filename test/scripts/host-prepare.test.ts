import { describe, expect, it } from "vitest";
import { CLIENT_FEATURES, isPowerShell2Family, osFamily, SERVER_FEATURES } from "../../lib/scripts/features";
import { hostPrepareScript } from "../../lib/scripts/host-prepare";
import type { HostPrepInput, ScriptAction } from "../../lib/scripts/types";
import { OS_IDS, type OsId } from "../../lib/topology/schema";
import { syntaxProblems } from "./powershell-parser";
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

describe("every host script parses", () => {
  for (const os of PREPARABLE) {
    it(`${os}: all option sets × create/update/delete`, async () => {
      for (const options of OPTION_SETS) {
        for (const action of ACTIONS) {
          const script = hostPrepareScript(lab({ os, ...options }), action);
          const where = `${os} ${action} ${JSON.stringify(options)}`;
          expect(await syntaxProblems(script), where).toEqual([]);
          if (isPowerShell2Family(osFamily(os)!)) expect(await ps2Violations(script), where).toEqual([]);
          // The script's body ends with an explicit exit 0, just before the wrapper's catch.
          expect(script, where).toMatch(/\n  exit 0\n\} catch \{\n/);
        }
      }
    });
  }
});

describe("the PowerShell 2.0 check sees the newer families' cmdlets", () => {
  it.each([
    ["windows-10", /Get-WindowsOptionalFeature: the DISM module[\s\S]*Enable-WindowsOptionalFeature: the DISM module/],
    ["windows-server-2022", /Install-WindowsFeature: needs Windows Server 2012/],
  ] as const)("%s", async (os, expected) => {
    expect((await ps2Violations(hostPrepareScript(lab({ os }), "create"))).join("\n")).toMatch(expected);
  });
});

describe("the lab's Windows 7 host script (create)", () => {
  const script = hostPrepareScript(LAB, "create");

  it("grants LAB\\CM01$ via the Administrators SID, only when it is not a member yet", () => {
    expect(script).toContain("$member = 'WinNT://LAB/CM01$'");
    expect(script).toContain("$account = 'LAB\\CM01$'");
    expect(script).toContain("'S-1-5-32-544'");
    expect(script).not.toMatch(/Administrators,group|net(\.exe)? localgroup/i);
    expect(indexOf(script, "$admins.IsMember($member)")).toBeLessThan(indexOf(script, "$admins.Add($member)"));
  });

  it("enables every IIS role service and RDC with dism.exe /NoRestart, parents first, exact case", () => {
    expect(script).toContain(`$want = @(${CLIENT_FEATURES.map((f) => `'${f}'`).join(", ")})`);
    expect(CLIENT_FEATURES).toContain("MSRDC-Infrastructure");
    expect(CLIENT_FEATURES.indexOf("IIS-WebServerRole")).toBeLessThan(CLIENT_FEATURES.indexOf("IIS-ISAPIExtensions"));
    expect(CLIENT_FEATURES.indexOf("IIS-IIS6ManagementCompatibility")).toBeLessThan(CLIENT_FEATURES.indexOf("IIS-Metabase"));
    expect(script).toContain("'/Online', '/Enable-Feature'");
    expect(script).toContain("'/NoRestart'");
    expect(script).not.toMatch(/\/All\b|Enable-WindowsOptionalFeature|Install-WindowsFeature|Web-Server/);
  });

  it("reads Win32_OptionalFeature before it calls dism, and installs only what is missing", () => {
    const query = indexOf(script, "Get-WmiObject -Class Win32_OptionalFeature");
    expect(query).toBeLessThan(indexOf(script, "& $dism $dismArgs"));
    expect(script).toContain("$_.InstallState -eq 1");
    expect(script).toContain("$missing = @($want | Where-Object { $enabled -cnotcontains $_ })");
    expect(script).toMatch(/if \(\$missing\.Count -gt 0\) \{\n\s+# A 32-bit/);
  });

  it("uses the Sysnative dism.exe from a 32-bit PowerShell and checks dism's exit code", () => {
    expect(script).toContain("if ([IntPtr]::Size -eq 4 -and (Test-Path (Join-Path $env:windir 'Sysnative'))) { $dism = Join-Path $env:windir 'Sysnative\\dism.exe' }");
    expect(script).toMatch(/\$dismExit = \$LASTEXITCODE\n/);
    expect(script).toContain("} elseif ($dismExit -ne 0) {");
  });

  it("ends with 3010 and tells the user to reboot the host and run pulumi up again", () => {
    expect(script).toContain("if ($dismExit -eq 3010) {");
    expect(script).toContain("Write-Result 'reboot-required' ($done + '; Windows must restart to finish: reboot ' + $dp + ' and run pulumi up again')\n    exit 3010");
    expect(script).not.toContain("shutdown.exe");
  });

  it("prints one result line per path and fails with exit 1", () => {
    expect(script).toContain("Write-Result 'unchanged'");
    expect(script).toContain("Write-Result 'changed'");
    expect(script).toMatch(/catch \{\n  Write-Result 'failed' \$_\.Exception\.Message\n  exit 1\n\}/);
  });
});

describe("options", () => {
  it("rebootIfRequired schedules a restart with shutdown.exe and exits 0", () => {
    const script = hostPrepareScript(lab({ rebootIfRequired: true }), "create");
    expect(script).toContain("& shutdown.exe /r /t 60 /c ");
    expect(script).toMatch(/shutdown\.exe \/r \/t 60[^\n]*\n\s+if \(\$LASTEXITCODE -ne 0 -and \$LASTEXITCODE -ne 1190\)/);
    expect(script).toContain("Write-Result 'reboot-scheduled'");
    expect(script).toContain("scheduled in 60 seconds");
    expect(script).not.toContain("exit 3010");
  });

  it("installFeatures: false grants local admin only", () => {
    const script = hostPrepareScript(lab({ installFeatures: false }), "create");
    expect(script).toContain("$admins.Add($member)");
    expect(script).not.toMatch(/dism|Win32_OptionalFeature|\$want/);
  });

  it("grantLocalAdmin: false installs features only", () => {
    const script = hostPrepareScript(lab({ grantLocalAdmin: false }), "create");
    expect(script).not.toMatch(/ADSI|S-1-5-32-544|CM01/);
    expect(script).toContain("& $dism $dismArgs");
  });

  it("update is the same script as create", () => {
    expect(hostPrepareScript(LAB, "update").replaceAll("host-prepare/update", "host-prepare/create")).toBe(hostPrepareScript(LAB, "create"));
  });
});

describe("delete", () => {
  it.each(PREPARABLE)("%s: removes only the admin grant, IIS and RDC stay", (os) => {
    const script = hostPrepareScript(lab({ os }), "delete");
    expect(indexOf(script, "if ($admins.IsMember($member)) {")).toBeLessThan(indexOf(script, "$admins.Remove($member)"));
    expect(script).not.toMatch(/\$admins\.Add|dism|Feature|shutdown|exit 3010/i);
    expect(script).toContain("IIS and RDC left installed");
  });

  it("without a grant to revoke it changes nothing", () => {
    const script = hostPrepareScript(lab({ grantLocalAdmin: false }), "delete");
    expect(script).not.toMatch(/ADSI|Remove\(/);
    expect(script).toContain("Write-Result 'unchanged'");
  });
});

describe("other OS families", () => {
  it("Windows 10/11 use Enable-WindowsOptionalFeature -All -NoRestart after Get-WindowsOptionalFeature", () => {
    for (const os of ["windows-10", "windows-11"] as OsId[]) {
      const script = hostPrepareScript(lab({ os }), "create");
      expect(indexOf(script, "Get-WindowsOptionalFeature -Online -FeatureName $name")).toBeLessThan(
        indexOf(script, "Enable-WindowsOptionalFeature -Online -FeatureName $missing -All -NoRestart"),
      );
      expect(script).toContain("$_.RestartNeeded");
      expect(script).not.toContain("dism.exe /Enable-Feature exited");
    }
  });

  it("Server 2008 R2 imports ServerManager, checks .Installed, then Add-WindowsFeature", () => {
    const script = hostPrepareScript(lab({ os: "windows-server-2008-r2", dpServer: "dp01.lab.local" }), "create");
    expect(script).toContain(`$want = @(${SERVER_FEATURES.map((f) => `'${f}'`).join(", ")})`);
    expect(indexOf(script, "Import-Module ServerManager")).toBeLessThan(indexOf(script, "Get-WindowsFeature -Name $name"));
    expect(indexOf(script, "if (-not $feature.Installed)")).toBeLessThan(indexOf(script, "Add-WindowsFeature -Name $missing"));
    expect(script).toContain("[string]$result.RestartNeeded -eq 'Yes'");
    expect(script).not.toContain("Install-WindowsFeature");
  });

  it.each(PREPARABLE.filter((os) => osFamily(os) === "server-modern"))(
    "%s uses Install-WindowsFeature and fails clearly when a feature does not exist",
    (os) => {
      const script = hostPrepareScript(lab({ os }), "create");
      expect(script).toContain("Install-WindowsFeature -Name $missing");
      expect(script).toMatch(/if \(-not \$feature\) \{\n\s+throw \('Windows feature ' \+ \$name \+ ' does not exist on this OS/);
      expect(script).toContain("hostHas.features: true");
    },
  );
});
