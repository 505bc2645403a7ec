import { describe, expect, it } from "vitest";
import { dpRoleConfig, dpRoleScript } from "../../lib/scripts/dp-role";
import { psQuote } from "../../lib/scripts/quote";
import { scheduleData } from "../../lib/scripts/schedule";
import type { DpRoleInput, ScriptAction } from "../../lib/scripts/types";
import type { DistributionPointDoc } from "../../lib/topology/schema";
import { pwshStarts } from "./pwsh-analysis";
import { commands, expectSiteScriptOk, named, serverDpDoc } from "./site-script-checks";

const ACTIONS: ScriptAction[] = ["create", "update", "delete"];
const PASSWORD = "p'a$s`w;rd \u2019x";

function input(dp: DistributionPointDoc, version = "2403", extra: Partial<DpRoleInput> = {}): DpRoleInput {
  return { version, siteCode: "P01", siteServer: "cm01.contoso.com", dp, boundaryGroups: ["Branch 1"], ...extra };
}

const weekly = { schedule: { recur: "weekly", day: "saturday", at: "02:00" }, priority: "lowest" as const };

/** Every option set the brief names, each as a DpRoleInput. */
const OPTION_SETS: Record<string, DpRoleInput> = {
  standard: input(serverDpDoc()),
  "pull, one source": input(serverDpDoc({ pull: { sources: [{ server: "dp02.contoso.com", rank: 1 }] } })),
  "pull, two sources": input(
    serverDpDoc({ pull: { sources: [{ server: "dp02.contoso.com", rank: 1 }, { server: "dp03.contoso.com", rank: 2 }] } }),
  ),
  "PXE with WDS": input(serverDpDoc({ pxe: { enabled: true, unknownComputers: true, responseDelaySeconds: 5, userDeviceAffinity: "allowWithManualApproval" } })),
  "PXE without WDS (1806)": input(serverDpDoc({ pxe: { responderWithoutWds: true } }, "1806"), "1806"),
  "PXE without WDS (2403)": input(serverDpDoc({ pxe: { responderWithoutWds: true } })),
  "PXE with password": input(serverDpDoc({ pxe: { passwordSecret: "pxePassword" } }), "2403", { pxePassword: PASSWORD }),
  multicast: input(
    serverDpDoc({ multicast: { enabled: true, addressRange: { start: "239.0.0.1", end: "239.0.0.254" }, udpPorts: { start: 63000, end: 64000 }, maxClients: 100 } }),
  ),
  "content validation daily": input(serverDpDoc({ contentValidation: { schedule: { recur: "daily", at: "23:30" }, priority: "high" } })),
  "content validation weekly": input(serverDpDoc({ contentValidation: weekly })),
  "content validation monthly": input(serverDpDoc({ contentValidation: { schedule: { recur: "monthly", day: "15", at: "04:00" } } })),
  "content validation last day": input(serverDpDoc({ contentValidation: { schedule: { recur: "monthly", day: "last", at: "04:00" } } })),
  proxy: input(serverDpDoc({ proxy: { server: "proxy.contoso.com", port: 8080 } })),
  "storage drives": input(
    serverDpDoc({
      storage: { primaryContentLibrary: "d", secondaryContentLibrary: "E", primaryPackageShare: "automatic", secondaryPackageShare: "E", minimumFreeSpaceMB: 2048 },
    }),
  ),
  "https and internet": input(serverDpDoc({ clientConnection: "https", clientConnectionType: "internetAndIntranet" })),
  installIIS: input(serverDpDoc({ installIIS: true })),
  "installation account and timeout": input(serverDpDoc(), "2403", { installationAccount: "CONTOSO\\svc-cminstall", readinessTimeoutMinutes: 45 }),
  "no boundary groups": input(serverDpDoc(), "2403", { boundaryGroups: [] }),
  "2012 SP1 with everything it supports": input(
    serverDpDoc(
      {
        description: "Old DP",
        clientConnection: "https",
        pull: { sources: [{ server: "dp02.contoso.com", rank: 1 }] },
        pxe: { enabled: true, passwordSecret: "pxe" },
        multicast: { enabled: true },
        contentValidation: weekly,
        storage: { primaryContentLibrary: "C", primaryPackageShare: "C" },
      },
      "2012 SP1",
    ),
    "2012 SP1",
    { pxePassword: PASSWORD },
  ),
  "2403 with everything": input(
    serverDpDoc({
      description: "New DP",
      clientConnection: "https",
      clientConnectionType: "internet",
      installIIS: true,
      pull: { sources: [{ server: "dp02.contoso.com", rank: 1 }] },
      pxe: { enabled: true, passwordSecret: "pxe" },
      contentValidation: weekly,
      proxy: { server: "proxy.contoso.com", port: 3128 },
    }),
    "2403",
    { pxePassword: PASSWORD },
  ),
};


type Cfg = Record<string, any>;
const cfg = (roleInput: DpRoleInput, action: ScriptAction = "create") => dpRoleConfig(roleInput, action) as Cfg;
const compared = (c: Cfg, param: string) => (c.Settings.Compare as Cfg[]).find((e) => e.Param === param);

describe("dpRoleScript: every action and option set", () => {
  for (const [name, roleInput] of Object.entries(OPTION_SETS)) {
    for (const action of ACTIONS) {
      it(`${name} / ${action}: PowerShell parses it, -ErrorAction Stop on every CM cmdlet, -Force on every Remove-*`, async () => {
        await expectSiteScriptOk(dpRoleScript(roleInput, action), [psQuote(PASSWORD)]);
      });
    }
  }
  it("used one pwsh process for all of them", () => {
    expect(pwshStarts).toBe(1);
  });
});

describe("dp-role.ps1", () => {
  it("adds the role with install-time switches only: never a Boolean, never a boundary group", async () => {
    const add = named(await commands(dpRoleScript(OPTION_SETS.standard, "create")), "Add-CMDistributionPoint");
    expect(add).toHaveLength(1);
    expect(add[0].text).toBe("Add-CMDistributionPoint @params -ErrorAction Stop");
    const script = dpRoleScript(OPTION_SETS.standard, "create");
    const params = script.slice(script.indexOf("function Install-DpRole"), script.indexOf("Add-CMDistributionPoint @params"));
    expect(params).not.toMatch(/BoundaryGroup/);
    expect(params).toContain("CertificateExpirationTimeUtc = [DateTime]::UtcNow.AddYears(2)");
    expect(params).not.toMatch(/\] = \$false/);
  });

  it("sends the other settings in one Set-CMDistributionPoint call", async () => {
    const sets = named(await commands(dpRoleScript(OPTION_SETS.standard, "update")), "Set-CMDistributionPoint");
    expect(sets.map((s) => s.text)).toEqual(["Set-CMDistributionPoint -SiteSystemServerName $dp -SiteCode $siteCode @set -ErrorAction Stop"]);
  });
});

describe("dpRoleConfig create/update", () => {
  it("passes the install-time values to Add", () => {
    const everything = cfg(OPTION_SETS["2403 with everything"]);
    expect(everything.Add).toMatchObject({ InstallInternetServer: true, ClientConnectionType: "Internet", Description: "New DP", Pull: { Servers: ["dp02.contoso.com"], Ranks: [1] } });
    const drives = cfg(OPTION_SETS["storage drives"]).Add;
    expect(drives.MinimumFreeSpaceMB).toBe(2048);
    expect(drives.Drives).toEqual({ PrimaryContentLibraryLocation: "D", SecondaryContentLibraryLocation: "E", PrimaryPackageShareLocation: "Automatic", SecondaryPackageShareLocation: "E" });
    // Undeclared reserve: the version's cmdlet default (50 MB before 2107, 500 MB after), which 2012-era Add requires.
    expect(cfg(OPTION_SETS.standard).Add.MinimumFreeSpaceMB).toBe(500);
    expect(cfg(input(serverDpDoc({}, "2012 SP1"), "2012 SP1")).Add.MinimumFreeSpaceMB).toBe(50);
  });

  it("compares on/off settings as Booleans and turns off what is not declared", () => {
    const pxe = cfg(OPTION_SETS["PXE with WDS"]);
    expect(compared(pxe, "EnablePxe")).toEqual({ Param: "EnablePxe", Info: "IsPXE", Desired: true, Value: true });
    expect(compared(pxe, "EnableUnknownComputerSupport")).toMatchObject({ Info: "SupportUnknownMachines", Desired: true });
    expect(compared(pxe, "PxeServerResponseDelaySec")).toMatchObject({ Info: "ResponseDelay", Desired: 5, Value: 5 });
    expect(compared(pxe, "UserDeviceAffinity")).toMatchObject({ Info: "UdaSetting", Desired: 1, Value: "AllowWithManualApproval" });
    expect(compared(pxe, "EnableNonWdsPxe")).toMatchObject({ Info: "SccmPxe", Desired: false });
    const standard = cfg(OPTION_SETS.standard, "update");
    for (const [param, info] of [["EnablePullDP", "IsPullDP"], ["EnablePxe", "IsPXE"], ["EnableMulticast", "IsMulticast"]]) {
      expect(compared(standard, param)).toEqual({ Param: param, Info: info, Off: true });
    }
    expect(compared(standard, "EnableContentValidation")).toEqual({ Param: "EnableContentValidation", Embedded: "DPMonEnabled", Off: true });
    for (const roleInput of Object.values(OPTION_SETS)) {
      for (const e of cfg(roleInput).Settings.Compare as Cfg[]) if (/^(Enable|Allow)/.test(e.Param) && !e.Off) expect(typeof e.Desired, e.Param).toBe("boolean");
    }
  });

  it("compares -EnableNonWdsPxe only from 1806 on, and refuses the responder without WDS before", () => {
    expect(compared(cfg(OPTION_SETS["PXE without WDS (1806)"]), "EnableNonWdsPxe")).toMatchObject({ Desired: true });
    expect(compared(cfg(input(serverDpDoc({ pxe: { enabled: true } }, "1802"), "1802")), "EnableNonWdsPxe")).toBeUndefined();
    expect(() => dpRoleScript(input(serverDpDoc({ pxe: { responderWithoutWds: true } }, "1802"), "1802"), "create")).toThrow(/1806/);
  });

  it("writes the PXE password only in the create/update data, once, inside one literal", () => {
    const quoted = "'p''a$s`w;rd \u2019\u2019x'";
    for (const action of ["create", "update"] as ScriptAction[]) {
      const script = dpRoleScript(OPTION_SETS["PXE with password"], action);
      expect(script.split(quoted)).toHaveLength(2);
      expect(script.split("p'a$s").length + script.split("p''a$s").length).toBe(3);
      expect(script).toContain(`PxePassword = ${quoted}`);
    }
    expect(dpRoleScript(OPTION_SETS["PXE with password"], "delete")).not.toContain("p''a$s");
    expect(() => dpRoleScript(input(serverDpDoc({ pxe: { passwordSecret: "pxe" } })), "create")).toThrow(/has no value/);
  });

  it("refuses a PXE password with a control character before anything else, naming the secret, never the value", () => {
    for (const bad of ["hunter2\r", "hunter2\n", "a\u0000b", "x\u2028"]) {
      const roleInput = input(serverDpDoc({ pxe: { passwordSecret: "pxeSecret" } }), "2403", { pxePassword: bad });
      for (const action of ACTIONS) {
        let message = "";
        try {
          dpRoleScript(roleInput, action);
        } catch (err) {
          message = (err as Error).message;
        }
        expect(message).toMatch(/PXE password \(secret "pxeSecret"\) contains a control character/);
        expect(message).not.toContain(bad.slice(0, 4));
      }
    }
  });

  it("uses the 2012-era parameter names for 2012 SP1 and the current ones for 2403", () => {
    const old = cfg(OPTION_SETS["2012 SP1 with everything it supports"]);
    expect(old.Names).toEqual({
      EnablePxe: "EnablePxeSupport", AllowPxeResponse: "AllowRespondIncomingPxeRequest", PxePassword: "ComputersUsePxePassword",
      PxeDelay: "PxeServerResponseDelaySeconds", EnableContentValidation: "EnableValidateContent", ContentValidationSchedule: "ValidateContentSchedule",
      SourceDps: "SourceDistributionPoints", SourceRanks: "SourceDPRanks", NewSiteSystemServer: "ServerName",
    });
    expect(old.UseSiteServerAccount).toBe(false);
    expect(old.Add.Description).toBeNull();
    expect(old.Notes).toEqual(["description not applied: this version's cmdlets have no -Description"]);
    const cur = cfg(OPTION_SETS["2403 with everything"]);
    expect(cur.Names.EnablePxe).toBe("EnablePxe");
    expect(cur.Names.NewSiteSystemServer).toBe("SiteSystemServerName");
    expect(cur.UseSiteServerAccount).toBe(true);
  });

  it("attaches boundary groups by group ID from 1706 and through Set-CMDistributionPoint before", () => {
    expect(cfg(OPTION_SETS.standard).GroupsByServerName).toBe(true);
    expect(cfg(input(serverDpDoc({}, "1702"), "1702")).GroupsByServerName).toBe(false);
    expect(cfg(input(serverDpDoc({}, "2012 SP1"), "2012 SP1")).GroupsByServerName).toBe(false);
    expect(cfg(OPTION_SETS["no boundary groups"]).BoundaryGroups).toEqual([]);
    // By name only where the version has nothing else: a wildcard character there is refused, naming the group.
    expect(() => dpRoleScript(input(serverDpDoc({}, "2012 SP1"), "2012 SP1", { boundaryGroups: ["Branch [1]*"] }), "create")).toThrow(/"Branch \[1\]\*" contains \* \? or \[/);
    expect(cfg(input(serverDpDoc(), "2403", { boundaryGroups: ["Branch [1]*"] })).BoundaryGroups).toEqual(["Branch [1]*"]);
  });

  it("never switches a DP to HTTPS itself (the PKI certificate is not in the document)", () => {
    expect(cfg(OPTION_SETS["https and internet"]).Https).toBe(true);
    expect(cfg(OPTION_SETS.standard).Https).toBe(false);
  });

  it("re-applies what cannot be read back: multicast ranges, schedule, priority", () => {
    const multicast = cfg(OPTION_SETS.multicast).Settings.Always;
    expect(multicast).toMatchObject({ StartIPAddress: "239.0.0.1", EndIPAddress: "239.0.0.254", StartUdpPort: 63000, EndUdpPort: 64000, MulticastMaximumClientCount: 100 });
    const validation = cfg(OPTION_SETS["content validation daily"]).Settings;
    expect(validation.Schedule).toEqual({ Recur: "daily", At: "23:30" });
    expect(validation.Always.ContentMonitoringPriority).toBe("High");
  });

  it("waits with the declared timeout for DistMgr's 2399", () => {
    expect(cfg(OPTION_SETS["installation account and timeout"]).TimeoutMinutes).toBe(45);
    expect(cfg(OPTION_SETS.standard).TimeoutMinutes).toBe(30);
    expect(cfg(OPTION_SETS.standard).InstalledMessageId).toBe(2399);
    expect(cfg(OPTION_SETS["installation account and timeout"]).InstallationAccount).toBe("CONTOSO\\svc-cminstall");
  });

  it("keeps a hostile description inside one literal", async () => {
    const hostile = "x'; Remove-Item C:\\ -Recurse; '$(whoami)";
    const script = dpRoleScript(input(serverDpDoc({ description: hostile })), "create");
    await expectSiteScriptOk(script);
    // No command of its own: the only Remove-Item is the script's (the settings marker's), as with a plain description.
    const removes = async (text: string) => named(await commands(text), "Remove-Item").map((c) => c.text);
    const plain = dpRoleScript(input(serverDpDoc({ description: "plain" })), "create");
    expect(await removes(script)).toEqual(await removes(plain));
    expect(await removes(script)).toEqual(["Remove-Item -LiteralPath $settingsMarker -Force"]);
  });
});

describe("scheduleData", () => {
  it("maps daily, weekly, monthly by date and last day of month", () => {
    expect(scheduleData({ recur: "daily", at: "02:00" })).toEqual({ Recur: "daily", At: "02:00" });
    expect(scheduleData({ recur: "weekly", day: "saturday", at: "02:00" })).toEqual({ Recur: "weekly", Day: "Saturday", At: "02:00" });
    expect(scheduleData({ recur: "monthly", day: "15", at: "13:45" })).toEqual({ Recur: "monthly", Day: "15", At: "13:45" });
    expect(scheduleData({ recur: "monthly", day: "last", at: "00:00" })).toEqual({ Recur: "last", At: "00:00" });
  });
  it("refuses malformed schedules", () => {
    expect(() => scheduleData({ recur: "weekly", day: "someday", at: "02:00" })).toThrow(/weekday/);
    expect(() => scheduleData({ recur: "monthly", day: "32", at: "02:00" })).toThrow(/1-31/);
    expect(() => scheduleData({ recur: "daily", at: "2:00" })).toThrow(/HH:MM/);
    expect(() => scheduleData({ recur: "daily", at: "24:00" })).toThrow(/HH:MM/);
    expect(() => scheduleData({ recur: "hourly", at: "02:00" })).toThrow(/daily, weekly or monthly/);
    expect(() => scheduleData({ recur: "daily", day: "monday", at: "02:00" })).toThrow(/no day/);
  });
});
