import { describe, expect, it } from "vitest";
import { secondarySiteConfig, secondarySiteScript } from "../../lib/scripts/secondary-site";
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
        const cmds = await expectSiteScriptOk(secondarySiteScript(siteInput, action));
        expect(named(cmds, "Remove-Item")).toHaveLength(0);
        // Runs on the parent primary's site server, against the parent's site drive.
        expect(secondarySiteConfig(siteInput, action)).toMatchObject({ SiteCode: "P01", SiteServer: "cm01.contoso.com", ProviderSiteCode: "P01" });
      });
    }
  }
});

type Cfg = Record<string, any>;
const cfg = (s: SecondarySiteInput, action: ScriptAction = "create") => secondarySiteConfig(s, action) as Cfg;

describe("secondarySiteConfig", () => {
  it("installs from the parent with SQL Express by default, or from a UNC path with an existing instance", () => {
    expect(cfg(CASES.defaults)).toMatchObject({ SecondaryCode: "S01", ParentCode: "P01", SecondaryServer: "cm02.contoso.com", Source: "parent", Sql: { Express: true }, TimeoutMinutes: 120 });
    expect(cfg(CASES["UNC source, existing SQL instance, folder, timeout"])).toMatchObject({
      Source: "\\\\files.contoso.com\\cm\\cd.latest",
      Sql: { Express: false, DatabaseName: "CM_S01", InstanceName: "CONFIGMGR" },
      InstallationFolder: "D:\\Program Files\\Microsoft Configuration Manager",
      TimeoutMinutes: 240,
    });
    expect(cfg(CASES["existing SQL default instance"]).Sql).toEqual({ Express: false, DatabaseName: "CM_S01", InstanceName: null });
  });
  it("uses the documented names on every version (2012 SP1 has them too)", () => {
    expect(cfg(CASES["2012 SP1"]).Names).toEqual({ SecondarySiteCode: "SecondarySiteCode", PrimarySiteCode: "PrimarySiteCode", InstallationFolder: "InstallationFolder" });
    expect(cfg(CASES.defaults).Names).toEqual({ SecondarySiteCode: "SecondarySiteCode", PrimarySiteCode: "PrimarySiteCode", InstallationFolder: "InstallationFolder" });
  });
});

describe("secondary-site.ps1", () => {
  it("installs with its distribution point (-InstallInternetServer $true), HTTP and a self-signed certificate", async () => {
    const script = secondarySiteScript(CASES.defaults, "create");
    const cmds = await commands(script);
    expect(named(cmds, "New-CMSecondarySite").map((c) => c.text)).toEqual(["New-CMSecondarySite @install -ErrorAction Stop"]);
    const install = script.slice(script.indexOf("$install = @{"), script.indexOf("New-CMSecondarySite @install"));
    expect(install).toContain("InstallInternetServer = $true");
    expect(install).toContain("Http = $true");
    expect(install).toContain("CreateSelfSignedCertificate = $true");
  });
  it("update only reads", async () => {
    const script = secondarySiteScript(CASES.defaults, "update");
    const body = script.slice(script.indexOf("function Invoke-Verify"), script.indexOf("function Invoke-Delete"));
    expect(body).not.toMatch(/(New|Set|Remove|Add)-CM/);
    expect(named(await commands(script), "Remove-CMSecondarySite").map((c) => c.text)).toEqual(["Remove-CMSecondarySite -SiteCode $secondaryCode -Action Uninstall -Force -ErrorAction Stop"]);
  });
});
