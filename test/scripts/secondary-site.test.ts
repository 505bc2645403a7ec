import { describe, expect, it } from "vitest";
import { secondarySiteScript } from "../../lib/scripts/secondary-site";
import type { ScriptAction, SecondarySiteInput } from "../../lib/scripts/types";
import { commands, expectSiteScriptOk, named } from "./site-script-checks";

const ACTIONS: ScriptAction[] = ["create", "update", "delete"];

function input(extra: Partial<SecondarySiteInput> = {}): SecondarySiteInput {
  return {
    version: "2403",
    parentSiteCode: "P01",
    parentServer: "cm01.contoso.com",
    siteCode: "S01",
    name: "Branch secondary",
    server: "cm02.contoso.com",
    ...extra,
  };
}

const CASES: Record<string, SecondarySiteInput> = {
  defaults: input(),
  "UNC source, existing SQL instance, folder, timeout": input({
    installationSource: { uncPath: "\\\\files.contoso.com\\cm\\cd.latest" },
    sql: { instanceName: "CONFIGMGR", databaseName: "CM_S01" },
    installationFolder: "D:\\Program Files\\Microsoft Configuration Manager",
    readinessTimeoutMinutes: 240,
  }),
  "existing SQL default instance": input({ sql: { databaseName: "CM_S01" }, installationSource: "parent" }),
  "2012 SP1": input({ version: "2012 SP1", installationFolder: "D:\\SMS" }),
  "hostile name": input({ name: "x'; Remove-Item C:\\ -Recurse; '" }),
};

describe("secondarySiteScript: every action and case", () => {
  for (const [name, siteInput] of Object.entries(CASES)) {
    for (const action of ACTIONS) {
      it(`${name} / ${action}: parses, -ErrorAction Stop on every CM cmdlet, -Force on every Remove-*`, async () => {
        const script = secondarySiteScript(siteInput, action);
        const cmds = await expectSiteScriptOk(script);
        expect(named(cmds, "Remove-Item")).toHaveLength(0);
        // Runs on the parent primary's site server, against the parent's site drive.
        expect(script).toContain("$siteCode = 'P01'\n  $siteServer = 'cm01.contoso.com'");
      });
    }
  }
});

describe("secondarySiteScript create", () => {
  it("installs from the parent with SQL Express, HTTP and a self-signed certificate, after checking it is not there", async () => {
    const script = secondarySiteScript(CASES.defaults, "create");
    const cmds = await commands(script);
    expect(named(cmds, "New-CMInstallationSourceFile")[0].text).toBe("New-CMInstallationSourceFile -CopyFromParentSiteServer -ErrorAction Stop");
    expect(named(cmds, "New-CMSqlServerSetting")[0].text).toBe("New-CMSqlServerSetting -CopySqlServerExpressOnSecondarySite -ErrorAction Stop");
    const install = named(cmds, "New-CMSecondarySite")[0];
    expect(install.text).toBe(
      "New-CMSecondarySite -SecondarySiteCode $secondaryCode -SiteName 'Branch secondary' -ServerName $secondaryServer -PrimarySiteCode $parentCode " +
        "-InstallationSourceFile $source -SqlServerSetting $sql -Http -CreateSelfSignedCertificate -CertificateExpirationTimeUtc ([DateTime]::UtcNow.AddYears(2)) -ErrorAction Stop",
    );
    expect(named(cmds, "Get-CMSite")[0].startIndex).toBeLessThan(install.startIndex);
    expect(script).toContain("if ($site) {\n    Assert-Identity $site\n  } else {");
  });

  it("takes a UNC source (checked through the FileSystem provider) and an existing SQL instance", async () => {
    const script = secondarySiteScript(CASES["UNC source, existing SQL instance, folder, timeout"], "create");
    const cmds = await commands(script);
    expect(script).toContain("$sourcePath = '\\\\files.contoso.com\\cm\\cd.latest'");
    expect(script).toContain("Test-Path -LiteralPath ('FileSystem::' + $sourcePath)");
    expect(named(cmds, "New-CMInstallationSourceFile")[0].text).toBe("New-CMInstallationSourceFile -CopyFromNetworkLocation -UncPath $sourcePath -ErrorAction Stop");
    expect(named(cmds, "New-CMSqlServerSetting")[0].text).toBe(
      "New-CMSqlServerSetting -UseExistingSqlServerInstance -SiteDatabaseName 'CM_S01' -InstanceName 'CONFIGMGR' -ErrorAction Stop",
    );
    expect(named(cmds, "New-CMSecondarySite")[0].text).toContain("-InstallationFolder 'D:\\Program Files\\Microsoft Configuration Manager'");
    expect(script).toContain("$timeoutMinutes = 240");
    const defaultInstance = named(await commands(secondarySiteScript(CASES["existing SQL default instance"], "create")), "New-CMSqlServerSetting")[0];
    expect(defaultInstance.parameters).not.toContain("InstanceName");
  });

  it("uses the older parameter names for 2012 SP1", async () => {
    const install = named(await commands(secondarySiteScript(CASES["2012 SP1"], "create")), "New-CMSecondarySite")[0];
    expect(install.parameters).toEqual(expect.arrayContaining(["SiteCode", "ParentSiteCode", "InstallDir"]));
    expect(install.parameters).not.toContain("SecondarySiteCode");
  });

  it("waits for SMS_Site status 1 and points at ConfigMgrSetup.log on the secondary when it fails or times out", () => {
    const script = secondarySiteScript(CASES.defaults, "create");
    expect(script).toContain("if ($site -and [int]$site.Status -eq 1) { break }");
    expect(script).toContain("$timeoutMinutes = 120");
    expect(script).toContain("$setupLog = 'ConfigMgrSetup.log in the root of the system drive of ' + $secondaryServer");
    expect(script).toMatch(/is not active after ' \+ \$timeoutMinutes \+ ' minutes/);
  });

  it("refuses a site under the code that is not the declared secondary", () => {
    const script = secondarySiteScript(CASES.defaults, "create");
    expect(script).toContain("if ([int]$Site.Type -ne 1)");
    expect(script).toContain("if ([string]$Site.ReportingSiteCode -ne $parentCode)");
  });
});

describe("secondarySiteScript update and delete", () => {
  it("update only verifies", async () => {
    const cmds = await commands(secondarySiteScript(CASES.defaults, "update"));
    expect(cmds.filter((c) => /^(New|Set|Remove|Add)-CM/.test(c.name))).toEqual([]);
    expect(named(cmds, "Get-CMSite")).toHaveLength(1);
  });

  it("delete uninstalls the declared secondary only if it exists, then waits until it is gone", async () => {
    const script = secondarySiteScript(CASES.defaults, "delete");
    const cmds = await commands(script);
    const remove = named(cmds, "Remove-CMSecondarySite");
    expect(remove).toHaveLength(1);
    expect(remove[0].text).toBe("Remove-CMSecondarySite -SiteCode $secondaryCode -Action Uninstall -Force -ErrorAction Stop");
    expect(script.indexOf("Assert-Identity $site\n    if ([int]$site.Status -ne 4)")).toBeGreaterThan(0);
    expect(script).toContain("if (-not $site -or [int]$site.Status -eq 4) { break }");
    expect(named(cmds, "New-CMSecondarySite")).toHaveLength(0);
  });
});
