import { describe, expect, it } from "vitest";
import { dpRoleScript } from "../../lib/scripts/dp-role";
import { psQuote } from "../../lib/scripts/quote";
import { newCmScheduleCall } from "../../lib/scripts/schedule";
import type { DpRoleInput, ScriptAction } from "../../lib/scripts/types";
import type { DistributionPointDoc } from "../../lib/topology/schema";
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

const addCommand = async (script: string) => {
  const adds = named(await commands(script), "Add-CMDistributionPoint");
  expect(adds).toHaveLength(1);
  return adds[0];
};

describe("dpRoleScript: every action and option set", () => {
  for (const [name, roleInput] of Object.entries(OPTION_SETS)) {
    for (const action of ACTIONS) {
      it(`${name} / ${action}: parses, -ErrorAction Stop on every CM cmdlet, -Force on every Remove-*`, async () => {
        await expectSiteScriptOk(dpRoleScript(roleInput, action), [psQuote(PASSWORD)]);
      });
    }
  }
});

describe("dpRoleScript create/update", () => {
  it("adds the role with install-time switches only, never a Boolean and never a boundary group", async () => {
    for (const roleInput of Object.values(OPTION_SETS)) {
      const add = await addCommand(dpRoleScript(roleInput, "create"));
      expect(add.text).not.toMatch(/\$(true|false)/i);
      expect(add.parameters.some((p) => /BoundaryGroup/i.test(p))).toBe(false);
      expect(add.parameters).toContain("CertificateExpirationTimeUtc");
      expect(add.text).toContain("[DateTime]::UtcNow.AddYears(2)");
    }
    const everything = await addCommand(dpRoleScript(OPTION_SETS["2403 with everything"], "create"));
    expect(everything.parameters).toEqual(
      expect.arrayContaining(["InstallInternetServer", "EnableSsl", "EnablePullDP", "SourceDistributionPoint", "SourceDPRank", "Description"]),
    );
    expect(everything.text).toContain("-ClientConnectionType Internet ");
    expect(everything.text).toContain("-SourceDistributionPoint @('dp02.contoso.com') -SourceDPRank @(1)");
  });

  it("passes the storage drives and the free-space reserve to Add", async () => {
    const add = await addCommand(dpRoleScript(OPTION_SETS["storage drives"], "create"));
    expect(add.text).toContain("-MinimumFreeSpaceMB 2048");
    expect(add.text).toContain("-PrimaryContentLibraryLocation 'D' -SecondaryContentLibraryLocation 'E' -PrimaryPackageShareLocation 'Automatic' -SecondaryPackageShareLocation 'E'");
    // Undeclared reserve: the version's cmdlet default (50 MB before 2107, 500 MB after), which 2012-era Add requires.
    expect((await addCommand(dpRoleScript(OPTION_SETS.standard, "create"))).text).toContain("-MinimumFreeSpaceMB 500");
    const old = input(serverDpDoc({}, "2012 SP1"), "2012 SP1");
    expect((await addCommand(dpRoleScript(old, "create"))).text).toContain("-MinimumFreeSpaceMB 50 ");
  });

  it("sets the other settings with Booleans in one Set-CMDistributionPoint call", async () => {
    for (const roleInput of Object.values(OPTION_SETS)) {
      const script = dpRoleScript(roleInput, "update");
      const sets = named(await commands(script), "Set-CMDistributionPoint");
      expect(sets).toHaveLength(1);
      expect(sets[0].text).toContain("@set");
      // Every on/off setting is compared against and set to a Boolean; Set-Off only ever sets $false.
      for (const line of script.split("\n").filter((l) => /Set-IfDiffers '(Enable|Allow)/.test(l))) {
        expect(line).toMatch(/ \$(true|false) \$(true|false)$/);
      }
      expect(script).not.toMatch(/\$set\['(Enable|Allow)\w*'\] = (?!\$(true|false))/);
    }
    const pxe = dpRoleScript(OPTION_SETS["PXE with WDS"], "create");
    expect(pxe).toContain("Set-IfDiffers 'EnablePxe' (Get-OptionalProperty $info 'IsPXE') $true $true");
    expect(pxe).toContain("Set-IfDiffers 'EnableUnknownComputerSupport' (Get-OptionalProperty $info 'SupportUnknownMachines') $true $true");
    expect(pxe).toContain("Set-IfDiffers 'PxeServerResponseDelaySec' (Get-OptionalProperty $info 'ResponseDelay') 5 5");
    expect(pxe).toContain("Set-IfDiffers 'UserDeviceAffinity' (Get-OptionalProperty $info 'UdaSetting') 1 'AllowWithManualApproval'");
    expect(pxe).toContain("Set-IfDiffers 'EnableNonWdsPxe' (Get-OptionalProperty $info 'SccmPxe') $false $false");
  });

  it("turns off what is not declared only when the provider reports it on", () => {
    const script = dpRoleScript(OPTION_SETS.standard, "update");
    expect(script).toContain("Set-Off 'EnablePullDP' (Get-OptionalProperty $info 'IsPullDP')");
    expect(script).toContain("Set-Off 'EnablePxe' (Get-OptionalProperty $info 'IsPXE')");
    expect(script).toContain("Set-Off 'EnableMulticast' (Get-OptionalProperty $info 'IsMulticast')");
    expect(script).toContain("Set-Off 'EnableContentValidation' (Get-EmbeddedValue $dpRole 'DPMonEnabled' 'Value')");
  });

  it("writes -EnableNonWdsPxe only from 1806 on, and refuses the responder without WDS before", () => {
    expect(dpRoleScript(OPTION_SETS["PXE without WDS (1806)"], "create")).toContain("Set-IfDiffers 'EnableNonWdsPxe' (Get-OptionalProperty $info 'SccmPxe') $true $true");
    expect(dpRoleScript(OPTION_SETS["PXE without WDS (2403)"], "update")).toContain("'EnableNonWdsPxe'");
    const wds1802 = input(serverDpDoc({ pxe: { enabled: true } }, "1802"), "1802");
    expect(dpRoleScript(wds1802, "create")).not.toContain("EnableNonWdsPxe");
    expect(dpRoleScript(OPTION_SETS["2012 SP1 with everything it supports"], "create")).not.toContain("EnableNonWdsPxe");
    const noWds1802 = input(serverDpDoc({ pxe: { responderWithoutWds: true } }, "1802"), "1802");
    expect(() => dpRoleScript(noWds1802, "create")).toThrow(/1806/);
  });

  it("writes the PXE password only in the role script, once, inside ConvertTo-SecureString's literal", async () => {
    const quoted = "'p''a$s`w;rd \u2019\u2019x'";
    for (const action of ["create", "update"] as ScriptAction[]) {
      const script = dpRoleScript(OPTION_SETS["PXE with password"], action);
      expect(script.split(quoted)).toHaveLength(2);
      expect(script.split("p'a$s").length + script.split("p''a$s").length).toBe(3);
      const convert = named(await commands(script), "ConvertTo-SecureString");
      expect(convert).toHaveLength(1);
      expect(convert[0].text).toBe(`ConvertTo-SecureString -String ${quoted} -AsPlainText -Force`);
      expect(script).toContain(`$set['PxePassword'] = (ConvertTo-SecureString -String ${quoted} -AsPlainText -Force)`);
    }
    expect(dpRoleScript(OPTION_SETS["PXE with password"], "delete")).not.toContain("p''a$s");
    expect(() => dpRoleScript(input(serverDpDoc({ pxe: { passwordSecret: "pxe" } })), "create")).toThrow(/has no value/);
  });

  it("uses the 2012-era parameter names for 2012 SP1 and the current ones for 2403", async () => {
    const old = dpRoleScript(OPTION_SETS["2012 SP1 with everything it supports"], "create");
    for (const legacy of ["'EnablePxeSupport'", "'AllowRespondIncomingPxeRequest'", "'ComputersUsePxePassword'", "'PxeServerResponseDelaySeconds'", "'EnableValidateContent'", "'ValidateContentSchedule'", "'SourceDistributionPoints'", "'SourceDPRanks'"]) {
      expect(old).toContain(legacy);
    }
    const oldCmds = await commands(old);
    expect(named(oldCmds, "New-CMSiteSystemServer")[0].parameters).toEqual(["ServerName", "SiteCode", "ErrorAction"]);
    const oldAdd = named(oldCmds, "Add-CMDistributionPoint")[0];
    expect(oldAdd.parameters).not.toContain("EnableSsl");
    expect(oldAdd.parameters).not.toContain("Description");
    expect(oldAdd.parameters).toContain("SourceDistributionPoints");
    expect(old).toContain("Set-IfDiffers 'ClientCommunicationType' (Get-OptionalProperty $info 'Communication') 1 'Https'");
    expect(old).toContain("description not applied");

    const cur = dpRoleScript(OPTION_SETS["2403 with everything"], "create");
    for (const name of ["'EnablePxe'", "'AllowPxeResponse'", "'PxePassword'", "'PxeServerResponseDelaySec'", "'EnableContentValidation'", "'ContentValidationSchedule'", "'SourceDistributionPoint'", "'SourceDPRank'"]) {
      expect(cur).toContain(name);
    }
    expect(cur).not.toMatch(/EnablePxeSupport|ComputersUsePxePassword|EnableValidateContent/);
    const newSystem = named(await commands(cur), "New-CMSiteSystemServer")[0];
    expect(newSystem.parameters).toEqual(expect.arrayContaining(["SiteSystemServerName", "UseSiteServerAccount", "EnableProxy", "ProxyServerName", "ProxyServerPort"]));
  });

  it("creates the site system with the installation account or the site server's, and reconciles the proxy", async () => {
    const withAccount = named(await commands(dpRoleScript(OPTION_SETS["installation account and timeout"], "create")), "New-CMSiteSystemServer")[0];
    expect(withAccount.text).toContain("-AccountName 'CONTOSO\\svc-cminstall'");
    expect(withAccount.parameters).not.toContain("UseSiteServerAccount");
    const proxy = dpRoleScript(OPTION_SETS.proxy, "update");
    expect(proxy).toContain("-EnableProxy $true -ProxyServerName 'proxy.contoso.com' -ProxyServerPort 8080");
    expect(proxy).toContain("(Test-Differs (Get-EmbeddedValue $system 'ProxyServerPort' 'Value') 8080)");
    expect(dpRoleScript(OPTION_SETS.standard, "update")).toContain("-EnableProxy $false");
  });

  it("reconciles the boundary groups to exactly the declared ones through Set-CMDistributionPoint", () => {
    const script = dpRoleScript(OPTION_SETS.standard, "update");
    expect(script).toContain("$wantedGroups = @('Branch 1')");
    expect(script).toContain("$set['AddBoundaryGroupName'] = $addGroups");
    expect(script).toContain("$set['RemoveBoundaryGroupName'] = $removeGroups");
    expect(dpRoleScript(OPTION_SETS["no boundary groups"], "update")).toContain("$wantedGroups = @()");
  });

  it("compares pull sources and ranks and sends both when they differ", () => {
    const script = dpRoleScript(OPTION_SETS["pull, two sources"], "update");
    expect(script).toContain("$wantedSources = @(@('dp02.contoso.com|1', 'dp03.contoso.com|2') | Sort-Object)");
    expect(script).toContain("$set['SourceDistributionPoint'] = @('dp02.contoso.com', 'dp03.contoso.com')");
    expect(script).toContain("$set['SourceDPRank'] = @(1, 2)");
  });

  it("re-applies what cannot be read back: multicast ranges, schedule, priority", () => {
    const multicast = dpRoleScript(OPTION_SETS.multicast, "update");
    expect(multicast).toContain("Set-IfDiffers 'EnableMulticast' (Get-OptionalProperty $info 'IsMulticast') $true $true");
    expect(multicast).toContain("$set['StartIPAddress'] = '239.0.0.1'");
    expect(multicast).toContain("$set['EndUdpPort'] = 64000");
    expect(multicast).toContain("$set['MulticastMaximumClientCount'] = 100");
    const validation = dpRoleScript(OPTION_SETS["content validation daily"], "update");
    expect(validation).toContain("$set['ContentValidationSchedule'] = (New-CMSchedule -RecurInterval Days -RecurCount 1 -Start (Get-Date '23:30') -ErrorAction Stop)");
    expect(validation).toContain("$set['ContentMonitoringPriority'] = 'High'");
  });

  it("waits for the provider row, the SMS_DP$ share and DistMgr's 2399, and names the logs on timeout", () => {
    const script = dpRoleScript(OPTION_SETS["installation account and timeout"], "create");
    expect(script).toContain("$timeoutMinutes = 45");
    expect(dpRoleScript(OPTION_SETS.standard, "create")).toContain("$timeoutMinutes = 30");
    expect(script).toContain("Test-Path -LiteralPath ('FileSystem::\\\\' + $dp + '\\SMS_DP$')");
    expect(script).toContain("MessageID = 2399 AND Component = 'SMS_DISTRIBUTION_MANAGER' AND RecordID > ");
    expect(script).toContain("Start-Sleep -Seconds 30");
    expect(script).toMatch(/distmgr\.log on ' \+ \$siteServer/);
    expect(script).toContain("smsdpprov.log on the DP (<drive>\\SMS_DP$\\sms\\logs");
  });

  it("keeps a hostile description inside one literal", async () => {
    const hostile = "x'; Remove-Item C:\\ -Recurse; '$(whoami)";
    const script = dpRoleScript(input(serverDpDoc({ description: hostile })), "create");
    await expectSiteScriptOk(script);
    expect(named(await commands(script), "Remove-Item")).toHaveLength(0);
  });
});

describe("dpRoleScript delete", () => {
  it("removes the role, waits for the uninstall, then removes the site system only if no other role remains", async () => {
    const script = dpRoleScript(OPTION_SETS.standard, "delete");
    const cmds = await commands(script);
    const at = (name: string) => {
      const found = named(cmds, name);
      expect(found, name).toHaveLength(1);
      return found[0].startIndex;
    };
    const wait = script.indexOf("$rowGone = -not (Get-DpInfo)");
    expect(wait).toBeGreaterThan(0);
    expect(at("Remove-CMDistributionPoint")).toBeLessThan(wait);
    expect(wait).toBeLessThan(script.indexOf("$shareGone = -not (Test-DpShare)") + 1);
    expect(wait).toBeLessThan(at("Get-CMSiteRole"));
    expect(at("Get-CMSiteRole")).toBeLessThan(at("Remove-CMSiteSystemServer"));
    expect(named(cmds, "Add-CMDistributionPoint")).toHaveLength(0);
    expect(named(cmds, "Set-CMDistributionPoint")).toHaveLength(0);
    expect(script).toContain("if ($dpRole) {\n    Remove-CMDistributionPoint");
    expect(script).toContain("if ($otherRoles.Count -eq 0) {\n      Remove-CMSiteSystemServer");
  });
});

describe("newCmScheduleCall", () => {
  it("maps daily, weekly, monthly by date and last day of month", () => {
    expect(newCmScheduleCall({ recur: "daily", at: "02:00" })).toBe("New-CMSchedule -RecurInterval Days -RecurCount 1 -Start (Get-Date '02:00') -ErrorAction Stop");
    expect(newCmScheduleCall({ recur: "weekly", day: "saturday", at: "02:00" })).toBe("New-CMSchedule -DayOfWeek Saturday -RecurCount 1 -Start (Get-Date '02:00') -ErrorAction Stop");
    expect(newCmScheduleCall({ recur: "monthly", day: "15", at: "13:45" })).toBe("New-CMSchedule -DayOfMonth 15 -RecurCount 1 -Start (Get-Date '13:45') -ErrorAction Stop");
    expect(newCmScheduleCall({ recur: "monthly", day: "last", at: "00:00" })).toBe("New-CMSchedule -LastDayOfMonth -RecurCount 1 -Start (Get-Date '00:00') -ErrorAction Stop");
  });
  it("refuses malformed schedules", () => {
    expect(() => newCmScheduleCall({ recur: "weekly", day: "someday", at: "02:00" })).toThrow(/weekday/);
    expect(() => newCmScheduleCall({ recur: "monthly", day: "32", at: "02:00" })).toThrow(/1-31/);
    expect(() => newCmScheduleCall({ recur: "daily", at: "2:00" })).toThrow(/HH:MM/);
    expect(() => newCmScheduleCall({ recur: "daily", at: "24:00" })).toThrow(/HH:MM/);
    expect(() => newCmScheduleCall({ recur: "hourly", at: "02:00" })).toThrow(/daily, weekly or monthly/);
    expect(() => newCmScheduleCall({ recur: "daily", day: "monday", at: "02:00" })).toThrow(/no day/);
  });
});
